// `ekspor`, run in-process as a script or a support person would run it, on a demo kelurahan:
// two kinds written to a named file and to a folder, read back, and the one-line Indonesian
// errors for a missing folder and a wrong option.

import ExcelJS from 'exceljs'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-ekspor-'))
  db = join(dir, 'kel.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  expect((await cli(['demo', '--db', db, '--wilayah', '36.71.01.1001', '--posyandu', '2', '--kader-per-posyandu', '5', '--seed', '3'])).code).toBe(0)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ekspor', () => {
  it('writes the roster to the file named, full NIK as text with --nik-lengkap', async () => {
    const file = join(dir, 'kader.xlsx')
    const r = await cli(['ekspor', '--db', db, '--what', 'roster', '--out', file, '--nik-lengkap', '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout)).toEqual({ path: file, fileName: 'kader.xlsx', rows: 10 })

    const list = JSON.parse((await cli(['kader', 'list', '--db', db, '--json'])).stdout) as { nik: string; name: string }[]
    const ws = (await readBack(file)).getWorksheet('Daftar Kader')!
    expect(ws.getCell('A1').value).toBe('Kantor Kelurahan Sukarasa')
    const header = (ws.views[0] as { ySplit: number }).ySplit
    expect(ws.getRow(header).getCell(5).value).toBe('NIK')
    const niks: unknown[] = []
    for (let n = header + 1; n <= ws.rowCount; n++) niks.push(ws.getRow(n).getCell(5).value)
    expect(niks.sort()).toEqual(list.map((k) => k.nik).sort())
  })

  it('writes the recap of a year into a folder under a telling name, and says where in Indonesian', async () => {
    const folder = join(dir, 'flashdisk')
    mkdirSync(folder)
    const r = await cli(['ekspor', '--db', db, '--what', 'rekap', '--tahun', '2025', '--out', folder])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const [name] = readdirSync(folder)
    expect(name).toMatch(/^rekap-2025_kantor-kelurahan-sukarasa_\d{8}-\d{4}\.xlsx$/)
    expect(r.stdout).toBe(`Berkas Excel ditulis: ${join(folder, name!)} (2 baris).\n`)
    const wb = await readBack(join(folder, name!))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap 2025', 'Bidang SPM', 'TL per OPD', 'Paket Terakhir'])
    expect(wb.getWorksheet('Rekap 2025')!.getCell('A2').value).toBe('Rekap Kelurahan Sukarasa Tahun 2025')
  })

  it('adds .xlsx to a file named without it', async () => {
    const r = await cli(['ekspor', '--db', db, '--what', 'tindak-lanjut', '--out', join(dir, 'tl')])
    expect(r.code).toBe(0)
    expect(readdirSync(dir)).toContain('tl.xlsx')
  })

  it('says in one line that the folder is not there', async () => {
    const r = await cli(['ekspor', '--db', db, '--what', 'matrix', '--out', join(dir, 'tidak-ada', 'matriks.xlsx')])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('Folder tujuan tidak ditemukan. Pastikan flashdisk masih terpasang dan foldernya benar, lalu coba lagi.\n')
  })

  it('refuses an unknown kind, a wrong year and a training id that is not one, as wrong usage', async () => {
    const what = await cli(['ekspor', '--db', db, '--what', 'semua', '--out', dir])
    expect(what).toMatchObject({ code: 2, stderr: 'Opsi --what harus salah satu dari: roster, matrix, training, tindak-lanjut, rekap, sarana, insentif.\n' })
    const year = await cli(['ekspor', '--db', db, '--what', 'rekap', '--tahun', '26', '--out', dir])
    expect(year).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Opsi --tahun harus tahun empat angka/) })
    const training = await cli(['ekspor', '--db', db, '--what', 'training', '--pelatihan', 'abc', '--out', dir])
    expect(training).toMatchObject({ code: 2, stderr: '--pelatihan: Pengenal data tidak sah.\n' })
    const missing = await cli(['ekspor', '--db', db, '--what', 'roster'])
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Opsi --out wajib diisi\./) })
  })
})
