// Recovery through the region (issue 15, item 4), as the two people would do it: the kelurahan
// lost its PC; on a new PC the app's first screen offers "Pulihkan dari Puskesmas/Dinas"; the
// Dinas reads the new key card with the fingerprint read over the phone (a wrong one refused on
// the field) and writes the recovery paket; the new PC checks the Dinas's fingerprint and gets
// its roster back. Two web hosts with their own databases and a folder as the USB stick.

import { join } from 'node:path'
import { rmSync } from 'node:fs'
import { tempDir, WebHost } from './fixtures'
import { test, expect, introduce, KELURAHAN } from './offices'
import { KunciPage } from './pages/KunciPage'
import { SetupPage } from './pages/SetupPage'
import { seriousViolations } from './axe'

test.describe('recovery of a lost office', () => {
  test.setTimeout(240_000)

  test('a new PC gets the kelurahan’s records back from the Dinas after both fingerprints are checked', async ({ page, offices }) => {
    const { kelurahan, kota, usb } = offices
    // Before the loss: the kelurahan's roster reached the Dinas.
    await introduce(usb, kelurahan, kota)
    const sent = await kelurahan.invoke<{ path: string; counts: Record<string, number> }>('paket:export', { folder: usb, destination: 'level:kota', full: true })
    await kota.invoke('paket:import', { path: sent.path })
    const lostKader = sent.counts.kader!
    expect(lostKader).toBeGreaterThan(0)

    const dir = tempDir('simpul-pulih-')
    const fresh = new WebHost(join(dir, 'baru.db'))
    await fresh.start()
    try {
      // The new PC: the office as before, then "Pulihkan dari Puskesmas/Dinas" beside the setup button.
      await page.goto(fresh.url)
      const setup = new SetupPage(page)
      await setup.expectShown()
      await setup.search(KELURAHAN.area)
      await setup.option(KELURAHAN.area).first().click()
      await page.getByRole('button', { name: 'Pulihkan dari Puskesmas/Dinas' }).click()
      await setup.confirmYes.click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pulihkan dari Puskesmas/Dinas')
      const steps = page.getByTestId('recovery-steps')
      await steps.getByRole('textbox', { name: 'Folder tujuan kartu' }).fill(usb)
      await steps.getByRole('button', { name: 'Simpan kartu kunci ke folder…' }).click()
      const saved = steps.locator('.kunci-saved')
      await expect(saved).toContainText('Kartu kunci disimpan sebagai')
      const cardFile = /disimpan sebagai (\S+\.simpul-kunci)/.exec((await saved.textContent()) ?? '')![1]!
      const newFingerprint = ((await page.getByTestId('recovery-own-fingerprint').textContent()) ?? '').trim()
      expect(newFingerprint).not.toBe('')
      expect(await seriousViolations(page)).toEqual([])

      // At the Dinas: Kunci kantor → Pulihkan kantor. A fingerprint misheard over the phone is refused.
      const dinas = await page.context().newPage()
      const k = new KunciPage(dinas)
      await k.open(kota.url)
      const dinasFingerprint = await k.ownFingerprint()
      const section = dinas.getByTestId('pulihkan-kantor')
      await section.getByRole('textbox', { name: 'Kartu kunci instalasi baru' }).fill(join(usb, cardFile))
      const typed = section.getByRole('textbox', { name: 'Sidik jari yang dibacakan petugas kantor itu lewat telepon' })
      await typed.fill('AAAA-BBBB-CCCC-DDDD-EEEE')
      await section.getByRole('button', { name: 'Periksa kartu' }).click()
      await expect(section.locator('#pulihkan-fingerprint-error')).toContainText('tidak sama dengan sidik jari kartu kunci ini')
      await expect(typed).toBeFocused()
      await expect(section.getByTestId('pulihkan-checked')).toHaveCount(0)

      await typed.fill(newFingerprint.toLowerCase())
      await section.getByRole('button', { name: 'Periksa kartu' }).click()
      const checked = section.getByTestId('pulihkan-checked')
      await expect(checked).toContainText(KELURAHAN.name)
      await expect(checked).toContainText(`Menggantikan${KELURAHAN.name}`)
      await expect(checked.getByRole('table', { name: 'Jumlah data per jenis di paket pemulihan' })).toContainText('Kader')
      expect(await seriousViolations(dinas)).toEqual([])
      await checked.getByRole('textbox', { name: 'Folder tujuan paket' }).fill(usb)
      await checked.getByRole('button', { name: 'Tulis paket pemulihan' }).click()
      const written = section.getByTestId('pulihkan-written')
      await expect(written).toContainText('Paket pemulihan ditulis sebagai')
      await expect(written).toContainText(`Kunci PC lama ${KELURAHAN.name} dicabut`)
      // The old key is shown revoked in the Dinas's list.
      await expect(k.trusted.locator('tr', { hasText: KELURAHAN.name }).first()).toContainText('Dicabut')
      await dinas.close()

      // Back on the new PC: find the paket, compare the Dinas's fingerprint, recover.
      await steps.getByRole('button', { name: 'Cari paket' }).click()
      await steps.getByRole('button', { name: /^Pilih paket dari Dinas Kesehatan Kota Tangerang/ }).click()
      await expect(page.getByRole('heading', { name: /Langkah 3 dari 3/ })).toBeFocused()
      const senderFp = ((await page.getByTestId('sender-fingerprint').textContent()) ?? '').replace(/\s/g, '')
      expect(senderFp).toBe(dinasFingerprint.replace(/\s/g, ''))
      const restore = page.getByRole('button', { name: 'Pulihkan data' })
      await expect(restore).toBeDisabled()
      await page.getByRole('checkbox').check()
      await restore.click()
      const done = page.getByTestId('recovery-done')
      await expect(done).toContainText('Data kantor ini dipulihkan')
      await expect(done).toContainText(`Kader: ${lostKader.toLocaleString('id-ID')}`)
      await done.getByRole('button', { name: 'Mulai memakai aplikasi' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
      const roster = await fresh.invoke<{ total: number }>('kader:list', {})
      expect(roster.total).toBe((await kelurahan.invoke<{ total: number }>('kader:list', {})).total)
    } finally {
      await fresh.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
