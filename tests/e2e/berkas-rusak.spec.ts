// A damaged database file, tried as a new user would (issue 15, item 2): the browser preview
// started on a file with overwritten pages opens on the recovery screen, not on the data; the
// person restores the newest backup and lands on Beranda with the office's data, without a
// restart. Without a backup, only the fresh start (then recovery from the region) is offered.

import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { damage } from '../fixtures/damaged'
import { seriousViolations } from './axe'
import { cli, copyDb, expect, snap, tempDir, test, WebHost } from './fixtures'

/** The roster office's file in a folder of its own, with a verified backup beside it when asked, then damaged. */
function damagedRoster(template: string, withBackup: boolean): { file: string; backup: string | null } {
  const file = join(tempDir('simpul-rusak-'), 'simpul.db')
  copyDb(template, file)
  // Either command opens and closes the file, which leaves every row in the main file (no WAL),
  // where the damage goes.
  const backup = withBackup ? (JSON.parse(cli(['cadangan', 'buat', '--db', file, '--json'])) as { path: string }).path : null
  if (!withBackup) cli(['db', 'digest', '--db', file])
  damage(file)
  return { file, backup }
}

test.describe('Berkas data rusak', () => {
  test('opens on the recovery screen, restores the newest backup after a confirmation and lands on Beranda with the data', async ({ page, templates }) => {
    const { file, backup } = damagedRoster(templates('roster'), true)
    const host = new WebHost(file)
    try {
      await host.start()
      await page.goto(host.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berkas data rusak')
      await expect(page.getByText(/Berkas data di komputer ini rusak/)).toBeVisible()
      // The newest backup is chosen, with its date, reason and size, and what restoring it loses.
      const newest = page.getByRole('radio', { name: /dibuat manual/ })
      await expect(newest).toBeChecked()
      await expect(page.getByText(/hari ini · terbaru/)).toBeVisible()
      await expect(page.getByRole('heading', { name: 'Yang akan hilang bila cadangan ini dipulihkan' })).toBeVisible()
      await expect(page.getByText(/Perubahan yang dibuat setelah .* \(hari ini\) tidak ada di cadangan ini\./)).toBeVisible()
      await expect(page.getByRole('button', { name: 'Mulai baru lalu pulihkan dari Puskesmas/Dinas' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
      await snap(page, 'berkas-rusak')

      // Nothing else is served meanwhile: the data stays closed.
      await expect(host.invoke('kader:list', {})).rejects.toThrow(/rusak/)

      await page.getByRole('button', { name: 'Pulihkan dari cadangan ini' }).click()
      const dialog = page.getByRole('dialog', { name: 'Pulihkan dari cadangan ini?' })
      await expect(dialog).toBeVisible()
      // Focus starts on the safe choice; cancelling changes nothing.
      await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused()
      await dialog.getByRole('button', { name: 'Batal' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berkas data rusak')
      await page.getByRole('button', { name: 'Pulihkan dari cadangan ini' }).click()
      await dialog.getByRole('button', { name: 'Pulihkan' }).click()

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
      await page.getByRole('link', { name: 'Kader', exact: true }).click()
      await expect(page.locator('.roster-total')).toHaveText('30 kader')
      // The damaged file was kept aside, not deleted; the backup is still there.
      expect(readdirSync(dirname(file)).some((n) => n.startsWith('simpul.db.sebelum-pulih-'))).toBe(true)
      expect(existsSync(backup!)).toBe(true)
    } finally {
      await host.stop()
      rmSync(dirname(file), { recursive: true, force: true })
    }
  })

  test('without a backup says so and offers the fresh start, which leads to the first-run setup', async ({ page, templates }) => {
    const { file } = damagedRoster(templates('roster'), false)
    const host = new WebHost(file)
    try {
      await host.start()
      await page.goto(host.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berkas data rusak')
      await expect(page.getByText('Tidak ada cadangan di samping berkas data ini', { exact: false })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Pulihkan dari cadangan ini' })).toHaveCount(0)
      expect(await seriousViolations(page)).toEqual([])

      await page.getByRole('button', { name: 'Mulai baru lalu pulihkan dari Puskesmas/Dinas' }).click()
      await page.getByRole('dialog', { name: 'Mulai dengan basis data baru?' }).getByRole('button', { name: 'Mulai baru' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Simpul Posyandu')
      expect(readdirSync(dirname(file)).some((n) => /^simpul\.db\.rusak-\d{4}-/.test(n))).toBe(true)
    } finally {
      await host.stop()
      rmSync(dirname(file), { recursive: true, force: true })
    }
  })

  test('a new PC finds the flashdisk copy at first run, refuses a wrong code and opens the office with the right one', async ({ page, templates }) => {
    // The office's flashdisk copy, and its recovery code from the kartu pemulihan.
    const dir = tempDir('simpul-salinan-')
    const office = join(dir, 'kantor.db')
    copyDb(templates('roster'), office)
    const stick = join(dir, 'flashdisk')
    mkdirSync(stick)
    cli(['cadangan', 'buat', '--db', office, '--ke', stick, '--json'])
    const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}/.exec(cli(['cadangan', 'kode', '--db', office]))![0]

    const host = new WebHost(join(dir, 'pc-baru.db'))
    try {
      await host.start()
      await page.goto(host.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Simpul Posyandu')
      await page.getByText('Pulihkan dari salinan flashdisk').click()
      await page.getByLabel('Folder flashdisk').fill(stick)
      await page.getByRole('button', { name: 'Cari salinan' }).click()
      const found = page.getByRole('radio', { name: /Kelurahan Sukarasa Dibuat/ })
      await expect(found).toBeChecked()
      expect(await seriousViolations(page)).toEqual([])

      await page.getByLabel('Kode pemulihan').fill('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA')
      await page.getByRole('button', { name: 'Pulihkan dari salinan ini' }).click()
      await expect(page.getByText(/Kode pemulihan tidak cocok/)).toBeVisible()
      await expect(page.getByLabel('Kode pemulihan')).toBeFocused()

      await page.getByLabel('Kode pemulihan').fill(code.toLowerCase())
      await page.getByRole('button', { name: 'Pulihkan dari salinan ini' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
      await page.getByRole('link', { name: 'Kader', exact: true }).click()
      await expect(page.locator('.roster-total')).toHaveText('30 kader')
    } finally {
      await host.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
