// Pengaturan → Cadangan, as an office admin uses it: the backups on this PC, one made on request,
// an encrypted copy to a "flashdisk" (a folder under the host's fake media root, picked from the
// list; a folder on the PC is asked about first), and the recovery code behind a confirmation
// with its printable card.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { seriousViolations } from './axe'
import { expect, tempDir, test } from './fixtures'

test.use({ seed: 'roster' })

test.describe('Pengaturan → Cadangan', () => {
  test('lists the backups, makes one on request and copies an encrypted one to the flashdisk', async ({ page, openApp, host }) => {
    const pc = tempDir('simpul-pc-')
    try {
      await openApp('pengaturan')
      const section = page.getByRole('region', { name: 'Cadangan' })
      await expect(section.getByText('Belum ada cadangan di PC ini.')).toBeVisible()
      await expect(section.getByTestId('cadangan-copy-warning')).toHaveText(/Belum pernah ada salinan ke flashdisk/)

      await section.getByRole('button', { name: 'Buat cadangan sekarang' }).click()
      await expect(section.getByRole('status').filter({ hasText: 'Cadangan dibuat' })).toHaveText(/Cadangan dibuat dan lolos pemeriksaan keutuhan \(\d+(,\d)? (MB|KB)\)\./)
      const table = section.getByRole('table', { name: 'Cadangan di PC ini' })
      await expect(table.getByRole('row')).toHaveCount(2)
      const row = table.getByRole('row').nth(1)
      await expect(row).toContainText('Dibuat manual')
      await expect(row).toContainText('Baik (diperiksa)')
      await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+(,\d)? (MB|KB)$/)
      // The date is the office's: "6 Desember 2026 pukul 18.02"-like, never an ISO string.
      await expect(row.getByRole('cell').first()).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}/)

      const firstPath = (await row.getAttribute('title'))!
      expect(firstPath).toMatch(/simpul-.*-manual\.db$/)

      // The flashdisk plugged in after the screen opened: "Cari lagi" finds it, one click picks it.
      const folder = section.getByLabel('Folder tujuan salinan')
      const drives = section.getByRole('group', { name: 'Flashdisk terpasang' })
      await expect(drives).toContainText('Tidak ada flashdisk yang terbaca')
      await expect(folder).toHaveValue('')
      const stick = join(dirname(host.dbPath), 'media', 'FLASHDISK')
      mkdirSync(stick, { recursive: true })
      await drives.getByRole('button', { name: 'Cari lagi' }).click()
      await drives.getByRole('button', { name: /^FLASHDISK / }).click()
      await expect(folder).toHaveValue(stick)
      await section.getByRole('button', { name: 'Cadangkan ke flashdisk' }).click()
      await expect(section.getByText(/Salinan terenkripsi disimpan sebagai cadangan-kelurahan-sukarasa-\d{8}-\d{6}\.simpul-cadangan/)).toBeVisible()
      await expect(section.getByText('Cabut flashdisk dengan aman')).toBeVisible()
      const files = readdirSync(stick)
      expect(files).toHaveLength(1)
      expect(files[0]).toMatch(/\.simpul-cadangan$/)
      expect(readFileSync(join(stick, files[0]!)).includes(Buffer.from('SQLite format 3'))).toBe(false)
      await expect(section.getByTestId('cadangan-last-copy')).toContainText(`Salinan terakhir ke flashdisk:`)
      await expect(section.getByTestId('cadangan-last-copy')).toContainText(`(${stick})`)
      await expect(section.getByTestId('cadangan-copy-warning')).toHaveCount(0)
      // The copy took a verified backup first; rotation keeps the newest copy of a day, so it is the one listed.
      await expect(table.getByRole('row')).toHaveCount(2)
      await expect(table.getByRole('row').nth(1)).not.toHaveAttribute('title', firstPath)

      // A folder on the PC's own disk: asked first; "Batal" writes nothing, confirming writes there
      // and says the copy is still on the PC.
      await folder.fill(pc)
      await section.getByRole('button', { name: 'Cadangkan ke flashdisk' }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('heading')).toHaveText('Folder ini bukan flashdisk. Tetap simpan di sini?')
      await expect(dialog).toContainText(`${pc} ada di PC ini`)
      expect(await seriousViolations(page)).toEqual([])
      await dialog.getByRole('button', { name: 'Batal' }).click()
      expect(readdirSync(pc)).toEqual([])
      await section.getByRole('button', { name: 'Cadangkan ke flashdisk' }).click()
      await dialog.getByRole('button', { name: 'Tetap simpan di sini' }).click()
      await expect(section.getByText(/Salinan ini ada di PC ini, bukan di flashdisk/)).toBeVisible()
      expect(readdirSync(pc)).toHaveLength(1)

      // A stick that is not there: one Indonesian line, focus back on the folder, nothing written.
      const gone = join(stick, 'tidak-terpasang')
      await folder.fill(gone)
      await section.getByRole('button', { name: 'Cadangkan ke flashdisk' }).click()
      await expect(section.locator('#cadangan-folder-error')).toHaveText(/Pastikan flashdisk masih terpasang/)
      await expect(folder).toBeFocused()
      expect(existsSync(gone)).toBe(false)

      expect(await seriousViolations(page)).toEqual([])
      const state = await host.invoke<{ lastCopy: { folder: string } }>('cadangan:state', {})
      expect(state.lastCopy.folder).toBe(pc)
    } finally {
      rmSync(pc, { recursive: true, force: true })
    }
  })

  test('shows the recovery code only after a confirmation, and prints it on the kartu pemulihan', async ({ page, openApp, host }) => {
    await openApp('pengaturan')
    const section = page.getByRole('region', { name: 'Cadangan' })
    const show = section.getByRole('button', { name: 'Tampilkan kode pemulihan' })

    await show.click()
    const dialog = page.getByRole('dialog', { name: 'Tampilkan kode pemulihan?' })
    await expect(dialog).toContainText('termasuk NIK kader')
    // Focus starts on the safe choice; Batal shows nothing.
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused()
    await dialog.getByRole('button', { name: 'Batal' }).click()
    await expect(dialog).toBeHidden()
    await expect(section.getByTestId('recovery-code')).toHaveCount(0)

    await show.click()
    await dialog.getByRole('button', { name: 'Ya, tampilkan' }).click()
    const { code } = await host.invoke<{ code: string }>('cadangan:code', {})
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/)
    await expect(section.getByTestId('recovery-code')).toHaveText(code)
    expect(await seriousViolations(page)).toEqual([])

    await section.getByRole('button', { name: 'Cetak kartu pemulihan' }).click()
    const preview = page.getByRole('dialog', { name: /Kartu Pemulihan - Kelurahan Sukarasa/ })
    await expect(preview).toBeVisible()
    const card = page.frameLocator('iframe.print-frame')
    await expect(card.locator('.code')).toHaveText(code)
    await expect(card.getByText('KARTU PEMULIHAN DATA SIMPUL POSYANDU')).toBeVisible()
    await expect(card.getByText('Stempel kantor')).toBeVisible()
    await preview.getByRole('button', { name: 'Tutup' }).click()
    await expect(preview).toBeHidden()

    await section.getByRole('button', { name: 'Sembunyikan kode' }).click()
    await expect(section.getByTestId('recovery-code')).toHaveCount(0)
    // The browser preview is not the desktop: no notice pushes the code onto every screen.
    await expect(page.getByTestId('recovery-notice-code')).toHaveCount(0)
  })
})
