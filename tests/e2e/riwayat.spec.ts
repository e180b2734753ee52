// Riwayat perubahan on screen: the officer named in Pengaturan, an edit, and the history section
// of the record's page showing it (time, office and officer, field, before, after, source).

import type { FollowUp, Kader, KaderRow, Opd, Posyandu } from '../../shared/contract'
import { test, expect } from './fixtures'
import { FollowUpPage } from './pages/FollowUpPage'
import { KaderPage } from './pages/KaderPage'

test.use({ seed: 'roster' })

test.describe('riwayat perubahan', () => {
  test('an edit of a kader shows in its history with the officer named in Pengaturan', async ({ page, openApp, host }) => {
    const row = (await host.invoke<{ rows: KaderRow[] }>('kader:list', { limit: 5 })).rows[0]!
    const before = await host.invoke<Kader>('kader:get', { id: row.id })

    await openApp('pengaturan')
    const officer = page.getByRole('region', { name: 'Nama petugas' })
    await officer.getByLabel('Nama petugas di komputer ini').fill('Bu Rina')
    await officer.getByLabel('Nama petugas di komputer ini').press('Enter')
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Pengaturan disimpan.')

    await openApp(`kader/${row.id}/ubah`)
    const k = new KaderPage(page)
    await expect(k.name).toHaveValue(before.name)
    await k.phone.fill('0813-1111-2222')
    await k.phone.press('Control+s')
    await expect(k.heading).toHaveText(before.name)

    const section = page.getByTestId('riwayat')
    await section.getByText('Riwayat perubahan', { exact: true }).click()
    const table = section.getByRole('table', { name: `Riwayat perubahan ${before.name}` })
    const rows = table.locator('tbody tr')
    // The edit, then the creation (the demo wrote it as this office, so it reads "Diketik di sini").
    await expect(rows).toHaveCount(2)
    const edit = rows.first().getByRole('cell')
    await expect(edit.nth(0)).toHaveText(/^\d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB$/)
    await expect(edit.nth(1)).toHaveText(/\(kantor ini\) · Bu Rina$/)
    await expect(edit.nth(2)).toHaveText('Nomor HP')
    await expect(edit.nth(3)).toHaveText(before.phone ? /^08\d\d-/ : '—')
    await expect(edit.nth(4)).toHaveText('0813-1111-2222')
    await expect(edit.nth(5)).toHaveText('Diketik di sini')
    await expect(rows.last().getByRole('cell').nth(2)).toHaveText('Dibuat')
  })

  test('a Posyandu\'s page shows its renaming in the history', async ({ page, openApp, host }) => {
    const posyandu = (await host.invoke<Posyandu[]>('posyandu:list', {}))[0]!
    await openApp(`posyandu/${posyandu.id}/ubah`)
    const name = page.getByLabel('Nama Posyandu')
    await expect(name).toHaveValue(posyandu.name)
    await name.fill(`${posyandu.name} Baru`)
    await name.press('Control+s')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posyandu')

    await openApp(`posyandu/${posyandu.id}/ubah`)
    const section = page.getByTestId('riwayat')
    await section.getByText('Riwayat perubahan', { exact: true }).click()
    const first = section.locator('tbody tr').first().getByRole('cell')
    await expect(first.nth(2)).toHaveText('Nama')
    await expect(first.nth(3)).toHaveText(posyandu.name)
    await expect(first.nth(4)).toHaveText(`${posyandu.name} Baru`)
  })

  test('a progress note on a follow-up shows at once in its open history', async ({ page, openApp, host }) => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    const opd = (await host.invoke<Opd[]>('opd:list', { includeInactive: false }))[0]!
    const f = await host.invoke<FollowUp>('followUp:create', {
      source: 'monev',
      date: day,
      spmField: 'kesehatan',
      description: 'Kartu Menuju Sehat habis di Posyandu',
      opdId: opd.id,
      dueDate: '2030-01-31',
    })
    await openApp(`tindak-lanjut/${f.id}`)
    const section = page.getByTestId('riwayat')
    await section.getByText('Riwayat perubahan', { exact: true }).click()
    await expect(section.getByText('Belum ada perubahan sejak data ini dibuat.')).toBeVisible()

    const fp = new FollowUpPage(page)
    await fp.progressStatus.selectOption({ label: 'Diproses' })
    await fp.progressNote.fill('Sudah disurati ke OPD')
    await fp.saveProgress.click()
    const first = section.locator('tbody tr').first().getByRole('cell')
    await expect(first.nth(2)).toHaveText('Status')
    await expect(first.nth(3)).toHaveText('Baru')
    await expect(first.nth(4)).toHaveText('Diproses')
    await expect(section.getByText('Belum ada perubahan sejak data ini dibuat.')).toHaveCount(0)
  })
})
