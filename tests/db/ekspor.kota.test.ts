// Exports at the size of a city: 20,000 kader (demo data of one kecamatan, 25 Posyandu per
// kelurahan, 100 kader each) with their training history. Prints how long each kind takes;
// asserts only what the files hold (timings vary by machine and are not a pass/fail line).

import ExcelJS from 'exceljs'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportMatrix } from '../../electron/core/features/competency/matrix-export'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { exportXlsx } from '../../electron/core/features/ekspor/ekspor.service'
import { exportKaderList } from '../../electron/core/features/kader/kader.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { EXPORT_KINDS, exportInput, siteSetupInput } from '../../shared/contract'
import { createTestDb, type TestDb } from '../fixtures/db'

let t: TestDb
let out: string
const timings: string[] = []

beforeAll(async () => {
  t = await createTestDb()
  out = join(t.dir, 'keluar')
  mkdirSync(out)
  await setupSite(t.db, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' }))
  const made = await generateDemo(t.db, { wilayah: '36.71.01', posyanduPerVillage: 25, kaderPerPosyandu: 100, seed: 11 })
  expect(made.kader).toBe(20_000)
}, 180_000)

afterAll(async () => {
  if (timings.length) console.log(`Ekspor .xlsx pada 20.000 kader:\n${timings.join('\n')}`)
  await t.cleanup()
})

async function timed(what: (typeof EXPORT_KINDS)[number]) {
  const start = performance.now()
  const r = await exportXlsx(t.db, exportInput.parse({ what, folder: out }))
  const ms = performance.now() - start
  timings.push(`  ${what.padEnd(14)} ${String(r.rows).padStart(6)} baris  ${ms.toFixed(0).padStart(6)} ms`)
  return r
}

describe('exports at city size', () => {
  it('writes the roster of 20,000 kader, every row typed as at small size', async () => {
    const r = await timed('roster')
    expect(r.rows).toBe((await exportKaderList(t.db)).length)
    expect(r.rows).toBe(20_000)

    const start = performance.now()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(r.path)
    timings.push(`  (membaca ulang daftar kader dengan ExcelJS: ${(performance.now() - start).toFixed(0)} ms)`)
    const ws = wb.getWorksheet('Daftar Kader')!
    const header = (ws.views[0] as { ySplit: number }).ySplit
    expect(ws.getRow(header).getCell(5).value).toBe('NIK')
    expect(ws.rowCount - header).toBe(20_000)
    for (const n of [header + 1, header + 10_000, ws.rowCount]) {
      const row = ws.getRow(n)
      expect(row.getCell(1).value).toBe(n - header)
      expect(row.getCell(5).value).toMatch(/^\d{6}\*{6}\d{4}$/)
      expect(row.getCell(8).value).toBeInstanceOf(Date)
      expect(typeof row.getCell(9).value).toBe('number')
    }
  }, 120_000)

  it('writes the other lists and reports of the same city', async () => {
    const matrix = await timed('matrix')
    expect(matrix.rows).toBe((await exportMatrix(t.db)).length)
    expect(matrix.rows).toBeGreaterThan(10_000)
    for (const what of ['training', 'tindak-lanjut', 'rekap'] as const) {
      const r = await timed(what)
      expect(r.fileName).toMatch(/\.xlsx$/)
    }
  }, 120_000)
})
