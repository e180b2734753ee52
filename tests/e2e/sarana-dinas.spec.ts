// Pengaturan → Daftar sarana Posyandu, as a Dinas analyst keeps it: a default item renamed and
// another deactivated (no longer offered, then active again), by keyboard and mouse; the list says which is
// which. That the changes reach the kelurahan is sarana.test.ts's.

import { expect, cli, onBuiltDb, snap } from './fixtures'
import { seriousViolations } from './axe'

const test = onBuiltDb('sarana-dinas', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kota Tangerang'])
})

test('the Dinas renames an equipment item and deactivates another', async ({ page, bigHost }) => {
  const url = new URL(bigHost.url)
  url.hash = '#/pengaturan'
  await page.goto(url.toString())
  const section = page.getByRole('region', { name: 'Daftar sarana Posyandu' })
  const list = section.getByRole('table', { name: 'Daftar sarana Posyandu' })
  await expect(list.getByRole('rowheader', { name: /^Dacin/ })).toBeVisible()

  await section.getByRole('button', { name: 'Ubah Dacin' }).click()
  const form = section.getByRole('form', { name: 'Ubah Dacin' })
  await expect(form.getByLabel('Nama sarana')).toBeFocused()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Dacin gantung')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Dacin gantung disimpan.')
  await expect(list.getByRole('rowheader', { name: 'Dacin gantung (alat antropometri)' })).toBeVisible()
  // The form is back to adding.
  await expect(section.getByRole('form', { name: 'Tambah jenis sarana' })).toBeVisible()

  const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Microtoise/ }) })
  await row.getByRole('button', { name: /^Nonaktifkan Microtoise/ }).click()
  await expect(row.getByRole('cell', { name: 'Nonaktif', exact: true })).toBeVisible()
  const items = await bigHost.invoke<{ name: string }[]>('sarana:items', { includeInactive: false })
  expect(items.map((i) => i.name)).toContain('Dacin gantung')
  expect(items.map((i) => i.name).some((n) => n.startsWith('Microtoise'))).toBe(false)
  await section.scrollIntoViewIfNeeded()
  await snap(page, 'sarana-dinas')
  expect(await seriousViolations(page), 'Daftar sarana at the Dinas').toEqual([])

  await row.getByRole('button', { name: /^Aktifkan Microtoise/ }).click()
  await expect(row.getByRole('cell', { name: 'Aktif', exact: true })).toBeVisible()
})
