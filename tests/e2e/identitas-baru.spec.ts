// Pengaturan → Identitas kantor after the first paket has left: the area can no longer change,
// and the office starts over as a new identity in one step, typing its name to confirm. The
// backup and the file kept aside are host-session.test.ts's; here the screens and the keyboard.

import { readdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { expect, cli, onBuiltDb, tempDir } from './fixtures'
import { seriousViolations } from './axe'

const NAME = 'Dinas Kota Tangerang'
const test = onBuiltDb('identitas-baru', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', NAME])
})

test('an office whose first paket has left starts over as a new identity, after typing its name', async ({ page, bigHost }) => {
  // The kota's paket pembinaan has left: other offices know it by this area now.
  await bigHost.invoke('paket:export', { folder: tempDir('simpul-stick-'), destination: 'pembinaan' })
  const url = new URL(bigHost.url)
  url.hash = '#/pengaturan'
  await page.goto(url.toString())
  const locked = page.getByTestId('office-area-locked')
  await expect(locked).toContainText('Wilayah kantor tidak dapat diganti lagi')
  await locked.getByRole('button', { name: 'Mulai identitas baru…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Mulai sebagai kantor baru?' })
  await expect(dialog).toContainText(`Data ${NAME} disimpan sebagai cadangan`)
  // The safe choice has the focus; Esc or Batal leaves everything as it was.
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused()
  expect(await seriousViolations(page), 'the new identity dialog').toEqual([])
  const field = dialog.getByLabel(`Ketik nama kantor ini (${NAME}) untuk memastikan`)
  await field.fill('Dinas Kota Lain')
  await page.keyboard.press('Enter')
  await expect(dialog).toContainText(`Ketik nama kantor persis seperti tertulis, "${NAME}", untuk memastikan.`)
  await expect(field).toHaveAttribute('aria-invalid', 'true')

  await field.fill(NAME.toLowerCase())
  await dialog.getByRole('button', { name: 'Mulai identitas baru' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Simpul Posyandu')
  await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0)
  const folder = dirname(bigHost.dbPath)
  expect(readdirSync(folder).filter((n) => n.startsWith(`${basename(bigHost.dbPath)}.identitas-lama-`))).toHaveLength(1)
  expect(await bigHost.invoke('site:get', {})).toBeNull()
})
