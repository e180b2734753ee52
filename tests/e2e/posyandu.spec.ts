import { test, expect, snap } from './fixtures'
import { PosyanduPage } from './pages/PosyanduPage'

test.use({ seed: 'kelurahan' })

test.describe('Posyandu', () => {
  test('adds a Posyandu, which then appears in the list with its SPM fields', async ({ page, openApp, host }) => {
    await openApp('posyandu')
    const p = new PosyanduPage(page)
    await expect(page.getByText('Belum ada Posyandu.')).toBeVisible()
    await p.addButton.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posyandu baru')
    // A kelurahan office has one village: it is chosen already.
    await expect(p.village).toHaveValue('36.71.01.1001')

    await p.name.fill('Posyandu Melati 4')
    await p.rw.fill('4')
    await p.address.fill('Jl. Melati No. 4')
    await p.schedule.fill('Setiap Rabu minggu kedua, 08.00–11.00')
    for (const f of ['Pendidikan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas']) await p.spm(f).uncheck()
    await snap(page, 'posyandu-form')
    await p.save.click()

    await p.expectList()
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Posyandu Melati 4 disimpan.')
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).not.toContainText('Posyandu Posyandu')
    const row = p.row('Posyandu Melati 4')
    await expect(row).toContainText('Sukarasa')
    await expect(row).toContainText('004')
    await expect(row).toContainText('Kesehatan')
    await expect(row).toContainText('Sosial')
    await expect(row).not.toContainText('Pendidikan')
    await expect(row).toContainText('Aktif')
    const list = await host.invoke<{ name: string; rw: string; spmFields: string[] }[]>('posyandu:list', { includeInactive: true })
    expect(list).toEqual([expect.objectContaining({ name: 'Posyandu Melati 4', rw: '004', spmFields: ['kesehatan', 'sosial'] })])
  })

  test('checks the fields as they are filled and refuses to save until they are right', async ({ page, openApp }) => {
    await openApp('posyandu/baru')
    const p = new PosyanduPage(page)
    await p.rw.fill('12a')
    await p.rw.blur()
    await expect(p.errorOf(p.rw)).toHaveText(/RW harus berupa angka 1–3 digit/)
    await p.save.click()
    await expect(p.errorOf(p.name)).toHaveText(/Nama Posyandu wajib diisi\./)
    await expect(p.name).toBeFocused()
    for (const f of ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas', 'Sosial']) await p.spm(f).uncheck()
    await expect(page.getByText('Pilih paling sedikit satu bidang SPM.')).toBeVisible()
    await p.name.fill('Posyandu Anggrek')
    await expect(p.errorOf(p.name)).toHaveCount(0)
    await p.rw.fill('012')
    await p.spm('Kesehatan').check()
    // Ctrl+S saves from anywhere in the form.
    await p.rw.press('Control+s')
    await p.expectList()
    await expect(p.row('Posyandu Anggrek')).toContainText('012')
  })

  test('edits a Posyandu and switches it off; Esc leaves the form', async ({ page, openApp, host }) => {
    await host.invoke('posyandu:create', { name: 'Posyandu Kenanga', villageCode: '36.71.01.1001', spmFields: ['kesehatan'] })
    await openApp('posyandu')
    const p = new PosyanduPage(page)
    await page.getByRole('link', { name: 'Ubah Posyandu Kenanga' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubah Posyandu')
    await expect(p.name).toHaveValue('Posyandu Kenanga')
    await page.getByRole('switch', { name: 'Posyandu aktif' }).uncheck()
    await p.name.press('Enter')
    await p.expectList()
    await expect(p.row('Posyandu Kenanga')).toContainText('Nonaktif')

    await page.getByRole('link', { name: 'Ubah Posyandu Kenanga' }).click()
    await expect(p.name).toBeVisible()
    await p.name.press('Escape')
    await p.expectList()
  })
})
