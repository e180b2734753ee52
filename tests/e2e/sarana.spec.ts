// Issue 18 on screen, as a kelurahan admin works: a Posyandu's equipment (a dacin found broken
// raises a follow-up to the Dinas Kesehatan, pre-filled), and a kader's incentive recorded and
// the month's payment list previewed for printing. Both screens are scanned with axe.

import { test, expect, tempDir } from './fixtures'
import { seriousViolations } from './axe'

test.use({ seed: 'roster' })

interface PosyanduJson {
  id: string
  name: string
}

test.describe('sarana prasarana and insentif kader', () => {
  test('a dacin marked rusak berat on the Posyandu page raises a follow-up to the Dinas Kesehatan, already filled', async ({ page, openApp, host }) => {
    const [p] = await host.invoke<PosyanduJson[]>('posyandu:list', { includeInactive: false })
    await openApp(`posyandu/${p!.id}/ubah`)
    const section = page.getByRole('region', { name: 'Sarana prasarana' })
    const table = section.getByRole('table', { name: `Sarana prasarana ${p!.name}` })
    await expect(table.getByRole('rowheader', { name: /^Dacin/ })).toBeVisible()
    await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
    expect(await seriousViolations(page)).toEqual([])

    await section.getByRole('button', { name: 'Ubah Dacin' }).click()
    const condition = section.getByRole('combobox', { name: 'Kondisi' })
    await expect(section.getByRole('combobox', { name: 'Jenis sarana' })).toBeFocused()
    await condition.selectOption({ label: 'Rusak berat' })
    await section.getByRole('button', { name: 'Simpan sarana' }).click()
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Dacin disimpan.')
    const dacin = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Dacin/ }) })
    await expect(dacin).toContainText('Rusak berat')

    const description = `Dacin rusak berat di ${/^posyandu\b/i.test(p!.name) ? p!.name : `Posyandu ${p!.name}`}`
    await dacin.getByRole('link', { name: `Catat tindak lanjut: ${description}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catat tindak lanjut')
    await expect(page.getByRole('textbox', { name: 'Uraian masalah dan tindak lanjut' })).toHaveValue(description)
    await expect(page.getByRole('combobox', { name: 'OPD penanggung jawab' }).locator('option:checked')).toHaveText('Dinas Kesehatan / Puskesmas')
    await page.getByRole('button', { name: '+14 hari' }).click()
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(description)
    const saved = await host.invoke<{ description: string; posyanduId: string | null; opdName: string }[]>('followUp:list', { state: 'all', query: '' })
    expect(saved.filter((f) => f.description === description)).toEqual([expect.objectContaining({ posyanduId: p!.id, opdName: 'Dinas Kesehatan / Puskesmas' })])

    // The recap names this Posyandu among those short of a working kit, and counts the incentives.
    await openApp('rekap')
    const recap = page.getByRole('region', { name: /^Sarana dan insentif kader \d{4}$/ })
    await expect(recap.getByTestId('kit-gap-row').filter({ hasText: p!.name })).toContainText('Dacin')
    await expect(recap.locator('tfoot')).toContainText(/Rp[1-9]/)
    await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
    expect(await seriousViolations(page)).toEqual([])
    await recap.getByRole('button', { name: 'Ekspor insentif ke Excel' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ekspor insentif kader ke Excel' })
    await dialog.getByLabel('Folder tujuan').fill(tempDir())
    await dialog.getByRole('button', { name: 'Ekspor', exact: true }).click()
    await expect(dialog.getByRole('status').filter({ hasText: 'Berkas tersimpan' })).toContainText(/insentif-kader-\d{4}_/)
  })

  test('an incentive recorded on the kader page appears unpaid, and the month’s payment list previews with a signature column', async ({ page, openApp, host }) => {
    const { rows } = await host.invoke<{ rows: { id: string; name: string; posyanduName: string; status: string }[] }>('kader:list', { status: 'aktif' })
    const k = rows[0]!
    await openApp(`kader/${k.id}`)
    const section = page.getByRole('region', { name: 'Insentif kader' })
    await expect(section.getByRole('table', { name: `Insentif ${k.name}` })).toBeVisible()
    await section.getByRole('button', { name: 'Catat insentif' }).click()
    const period = section.getByRole('textbox', { name: 'Periode (bulan)' })
    await expect(period).toBeFocused()
    const month = await period.inputValue()
    expect(month).toMatch(/^\d{4}-\d{2}$/)
    await section.getByRole('textbox', { name: 'Jumlah (Rp)' }).fill('175000')
    await section.getByRole('combobox', { name: 'Sumber dana' }).selectOption({ label: 'APBD' })
    await section.getByRole('button', { name: 'Simpan insentif' }).click()
    const row = section.getByRole('row').filter({ has: page.getByRole('rowheader') }).first()
    await expect(row).toContainText('Rp175.000')
    await expect(row).toContainText('Belum dibayar')
    await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
    expect(await seriousViolations(page)).toEqual([])

    await section.getByRole('button', { name: /^Cetak daftar insentif kelurahan\/desa/ }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('heading')).toContainText('Daftar Penerimaan Insentif Kader - Kelurahan Sukarasa')
    const frame = page.frameLocator('iframe.print-frame')
    await expect(frame.locator('h1')).toHaveText('DAFTAR PENERIMAAN INSENTIF KADER')
    await expect(frame.locator('tr.payment')).toHaveCount(1)
    await expect(frame.locator('tr.payment')).toContainText(k.name)
    await expect(frame.locator('tr.payment td.sign')).toHaveCount(1)
    await expect(frame.locator('tr.total')).toContainText('Rp175.000')
  })
})
