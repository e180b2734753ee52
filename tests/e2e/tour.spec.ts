// Every screen opens without an error and speaks Indonesian. With SIMPUL_SNAPSHOTS=/dir set,
// it also leaves a screenshot of each, to be looked at by eye.

import { test, expect, snap } from './fixtures'

test.describe('on a fresh installation', () => {
  test('the first screen is the office setup, without navigation', async ({ page, openApp }) => {
    await openApp()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Simpul Posyandu')
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0)
    await snap(page, '01-setup')
  })
})

test.describe('on a kelurahan with kader', () => {
  test.use({ seed: 'roster' })

  test('every screen of the navigation opens and says what it is', async ({ page, openApp }) => {
    await openApp()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
    await expect(page.locator('.office-name')).toHaveText('Kelurahan Sukarasa')
    await expect(page.getByText('Jumlah kader aktif per bidang SPM')).toBeVisible()
    await snap(page, '02-beranda')
    const nav = page.getByRole('navigation', { name: 'Menu utama' })
    for (const [link, heading, shot] of [
      ['Posyandu', 'Posyandu', '03-posyandu'],
      ['Kader', 'Kader', '04-kader'],
      ['Pelatihan & Kompetensi', 'Pelatihan kader', '05-pelatihan'],
      ['Rapat & Tindak Lanjut', 'Rapat Tim Pembina Posyandu', '06-rapat'],
      ['Kirim/Terima Paket', 'Kirim paket', '07-paket'],
      ['Rekap', 'Rekap', '08-rekap'],
      ['Pengaturan', 'Pengaturan', '09-pengaturan'],
    ] as const) {
      // The Rapat link also says how many follow-ups are overdue ("…, 3 tindak lanjut lewat tenggat").
      const navLink = nav.getByRole('link', { name: new RegExp(`^${link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s*,|$)`) })
      await navLink.click()
      const h1 = page.getByRole('heading', { level: 1 })
      await expect(h1).toHaveText(heading)
      await expect(h1).toBeFocused()
      await expect(navLink).toHaveAttribute('aria-current', 'page')
      if (shot === '04-kader') await expect(page.getByText('30 kader')).toBeVisible()
      if (shot === '09-pengaturan') await expect(page.getByText('Data wilayah: idn-area-data (kode MIT, data ODbL)')).toBeVisible()
      await snap(page, shot)
    }
    await expect(page.getByText('undefined')).toHaveCount(0)
  })

  test('the kader page and forms render', async ({ page, openApp }) => {
    await openApp('kader')
    await page.getByRole('row').nth(1).click()
    await expect(page.getByRole('heading', { name: 'Riwayat status' })).toBeVisible()
    await snap(page, '10-kader-detail')
    await page.getByRole('link', { name: 'Ubah' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ubah data kader')
    await snap(page, '11-kader-edit')
    await page.goto(page.url().replace(/#.*$/, '#/kader/baru'))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kader baru')
    await snap(page, '12-kader-new')
    await page.goto(page.url().replace(/#.*$/, '#/posyandu/baru'))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posyandu baru')
    await snap(page, '13-posyandu-new')
  })

  test('the training, competency, meeting and follow-up screens render', async ({ page, openApp, host }) => {
    const trainings = await host.invoke<{ id: string }[]>('training:list', {})
    expect(trainings.length).toBeGreaterThan(0)
    const id = trainings[0]!.id
    for (const [path, heading, shot] of [
      ['kompetensi', 'Matriks kompetensi', '14-kompetensi-matriks'],
      ['kompetensi/kebutuhan', 'Kebutuhan pelatihan', '15-kebutuhan'],
      ['kompetensi/katalog', 'Katalog keterampilan', '16-katalog'],
      [`pelatihan/${id}`, null, '17-pelatihan-detail'],
      [`pelatihan/${id}/penilaian`, /^Penilaian: /, '18-penilaian'],
      ['pelatihan/baru', null, '19-pelatihan-baru'],
      ['rapat/baru', null, '20-rapat-baru'],
      ['tindak-lanjut', null, '21-tindak-lanjut'],
      ['tindak-lanjut/papan', null, '22-papan-opd'],
      ['rapat/cari?q=posyandu', null, '23-cari'],
      ['pengaturan/opd', null, '24-opd'],
      ['pengaturan/kunci', 'Kunci kantor', '26-kunci'],
      ['tindak-lanjut/baru', null, '25-tindak-lanjut-baru'],
    ] as const) {
      await openApp(path)
      const h1 = page.getByRole('heading', { level: 1 })
      if (heading) await expect(h1).toHaveText(heading)
      else await expect(h1).toBeVisible()
      await expect(page.getByText('undefined')).toHaveCount(0)
      await expect(page.getByText(/\bNaN\b/)).toHaveCount(0)
      await snap(page, shot)
    }
  })
})
