// Exports to .xlsx against real SQLite and real files: each kind is built with the services,
// written into a temp folder, read back with ExcelJS and checked as a person opening it would
// see it: the title rows, the bold frozen header with a filter, typed cells (dates are dates,
// counts are numbers, NIK is text), widths set, and as many rows as the service counts.

import ExcelJS from 'exceljs'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activeCatalogue } from '../../electron/core/features/competency/catalogue.service'
import { assessBulk, competencyMatrix } from '../../electron/core/features/competency/competency.service'
import { exportMatrix } from '../../electron/core/features/competency/matrix-export'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { exportXlsx } from '../../electron/core/features/ekspor/ekspor.service'
import { slug, writeError } from '../../electron/core/features/ekspor/file'
import { flattenRekap } from '../../electron/core/features/ekspor/rekap'
import { ageOn } from '../../electron/core/features/ekspor/roster'
import { columnWidths, headerRowOf } from '../../electron/core/features/ekspor/workbook'
import { addFollowUpProgress, createFollowUp, listFollowUps, opdBoard } from '../../electron/core/features/follow-up/follow-up.service'
import { archiveKader, exportKaderList } from '../../electron/core/features/kader/kader.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { getRekap } from '../../electron/core/features/rekap/rekap.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { archiveTraining, createTraining, getTraining, listTrainings, saveTrainingResults } from '../../electron/core/features/training/training.service'
import {
  bulkAssessmentInput,
  matrixInput,
  exportInput,
  followUpInput,
  followUpProgressInput,
  siteSetupInput,
  trainingInput,
  trainingResultsInput,
  type Input,
  type Kader,
  type Posyandu,
} from '../../shared/contract'
import { maskNik } from '../../shared/domain/nik'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'

/** 23 November 2026, 16:05 WIB: the title date and the file name's time. */
const NOW = Date.UTC(2026, 10, 23, 9, 5)
const OFFICE = 'Kantor Kelurahan Sukarasa'

let t: TestDb
let out: string

beforeEach(async () => {
  t = await createTestDb()
  out = join(t.dir, 'flashdisk')
  mkdirSync(out)
})
afterEach(async () => t.cleanup())

const run = (input: Partial<Input<'ekspor:xlsx'>> & { what: Input<'ekspor:xlsx'>['what'] }, outFile?: string) =>
  exportXlsx(t.db, exportInput.parse({ folder: out, ...input }), { nowMs: NOW, ...(outFile ? { outFile } : {}) })

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`)
  return ws
}

/**
 * What every exported sheet has: the office, the report and the date on top, the header bold,
 * frozen right under it and filtered, every column given a width. Returns the header row
 * number and the data rows' values (1-based cell arrays dropped to 0-based).
 */
function checkSheet(ws: ExcelJS.Worksheet, title: string | RegExp, headers: readonly string[]): { header: number; rows: ExcelJS.CellValue[][] } {
  expect(ws.getCell('A1').value).toBe(OFFICE)
  expect(ws.getCell('A1').font?.bold).toBe(true)
  if (typeof title === 'string') expect(ws.getCell('A2').value).toBe(title)
  else expect(String(ws.getCell('A2').value)).toMatch(title)
  expect(ws.getCell('A3').value).toBe('Dibuat 23 November 2026 16.05 WIB')

  const view = ws.views[0]
  expect(view).toMatchObject({ state: 'frozen' })
  const header = (view as { ySplit: number }).ySplit
  const headRow = ws.getRow(header)
  expect((headRow.values as ExcelJS.CellValue[]).slice(1)).toEqual([...headers])
  headRow.eachCell((cell) => expect(cell.font?.bold).toBe(true))
  expect(ws.getRow(header - 1).cellCount).toBe(0)

  const filter = ws.autoFilter as unknown
  const last = ws.getColumn(headers.length).letter
  expect([filter, (filter as { ref?: string } | null)?.ref]).toContain(`A${header}:${last}${header}`)

  for (let c = 1; c <= headers.length; c++) {
    const width = ws.getColumn(c).width
    expect(width, `width of ${headers[c - 1]}`).toBeGreaterThanOrEqual(5)
    expect(width).toBeLessThanOrEqual(80)
  }

  const rows: ExcelJS.CellValue[][] = []
  for (let r = header + 1; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1))
  return { header, rows }
}

/** The 0-based position of a heading. */
const col = (headers: readonly string[], name: string) => {
  const i = headers.indexOf(name)
  if (i < 0) throw new Error(`no column ${name}`)
  return i
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`)

// ---------------------------------------------------------------- roster

const ROSTER_HEADERS = [
  'No',
  'Kelurahan/Desa',
  'Posyandu',
  'Nama',
  'NIK',
  'L/P',
  'Tempat Lahir',
  'Tanggal Lahir',
  'Umur',
  'Alamat',
  'RT',
  'RW',
  'No HP',
  'Jabatan',
  'Bidang SPM',
  'Pendidikan',
  'No SK',
  'Tanggal SK',
  'Status',
  'Tanggal Status',
  'Tingkat',
  'Catatan',
]

describe('the kader roster', () => {
  let melati: Posyandu
  let siti: Kader
  let budi: Kader
  let ani: Kader

  beforeEach(async () => {
    await setUpKelurahan(t.db)
    melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar 02', rw: '2' })
    siti = (
      await makeKader(t.db, melati.id, {
        name: 'Siti Aminah',
        role: 'ketua',
        skNumber: '400/12/Kel/2024',
        skDate: '2024-02-01',
        spmFields: ['kesehatan', 'pendidikan'],
        notes: 'Kader sejak 2010',
      })
    ).kader
    budi = (await makeKader(t.db, mawar.id, { name: 'Budi Santoso', sex: 'L', birthDate: '1990-12-31', status: 'nonaktif', statusDate: '2025-06-30', phone: '+62 21 5551234' })).kader
    ani = (await makeKader(t.db, melati.id, { name: 'Ani Rahmawati', phone: null, education: null, rt: '003', rw: '001' })).kader
    const gone = (await makeKader(t.db, mawar.id, { name: 'Zaenab Arsip' })).kader
    await archiveKader(t.db, { id: gone.id })
    // Siti completes groups A and B: Kader Purwa.
    const catalogue = await activeCatalogue(t.db)
    const codes = catalogue.groups.filter((g) => ['A', 'B'].includes(g.code)).flatMap((g) => g.items.map((i) => i.code))
    await assessBulk(
      t.db,
      bulkAssessmentInput.parse({
        date: '2025-03-01',
        method: 'observasi_praktik',
        assessor: { name: 'Bidan Uji' },
        entries: codes.map((competencyCode) => ({ kaderId: siti.id, competencyCode, result: 'kompeten' })),
      }),
    )
  })

  it('writes every kader not archived under the headings the roster import knows, NIK masked by default', async () => {
    const r = await run({ what: 'roster' })
    expect(r.fileName).toBe('daftar-kader_kantor-kelurahan-sukarasa_20261123-1605.xlsx')
    expect(r.path).toBe(join(out, r.fileName))
    const service = await exportKaderList(t.db)
    expect(r.rows).toBe(service.length)
    expect(r.rows).toBe(3)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Daftar Kader', 'Daftar Posyandu', 'Pustu'])
    const ws = sheet(wb, 'Daftar Kader')
    const { header, rows } = checkSheet(ws, 'Daftar Kader Posyandu', ROSTER_HEADERS)
    expect(header).toBe(headerRowOf({ notes: ['', ''] }))
    expect(rows).toHaveLength(service.length)
    expect(ws.views[0]).toMatchObject({ xSplit: 4 })
    // The headings the roster import recognises are all there.
    for (const h of ['Nama', 'NIK', 'L/P', 'Tempat Lahir', 'Tanggal Lahir', 'Alamat', 'RT', 'RW', 'No HP', 'Posyandu', 'Jabatan', 'Pendidikan', 'Status', 'Catatan']) {
      expect(ROSTER_HEADERS).toContain(h)
    }

    // By Posyandu (Mawar before Melati), then name.
    const names = rows.map((row) => row[col(ROSTER_HEADERS, 'Nama')])
    expect(names).toEqual(['Budi Santoso', 'Ani Rahmawati', 'Siti Aminah'])
    expect(names).not.toContain('Zaenab Arsip')
    expect(rows.map((row) => row[0])).toEqual([1, 2, 3])

    const byName = (name: string) => rows.find((row) => row[col(ROSTER_HEADERS, 'Nama')] === name)!
    const s = byName('Siti Aminah')
    const v = (name: string) => s[col(ROSTER_HEADERS, name)]
    expect(v('NIK')).toBe(maskNik(siti.nik))
    expect(v('NIK')).toMatch(/^\d{6}\*{6}\d{4}$/)
    expect(v('Kelurahan/Desa')).toBe('Sukarasa')
    expect(v('Posyandu')).toBe('Posyandu Melati 01')
    expect(v('L/P')).toBe('P')
    expect(v('Tempat Lahir')).toBe('Tangerang')
    expect(v('Tanggal Lahir')).toEqual(utc('1985-04-12'))
    expect(v('Umur')).toBe(ageOn('1985-04-12', '2026-11-23'))
    expect(v('Umur')).toBe(41)
    expect(v('Alamat')).toBe('Jl. Kenari No. 5')
    expect(v('RT')).toBe('002')
    expect(v('No HP')).toBe('0812-3456-7890')
    expect(v('Jabatan')).toBe('Ketua')
    expect(v('Bidang SPM')).toBe('Pendidikan, Kesehatan')
    expect(v('Pendidikan')).toBe('SMA/sederajat')
    expect(v('No SK')).toBe('400/12/Kel/2024')
    expect(v('Tanggal SK')).toEqual(utc('2024-02-01'))
    expect(v('Status')).toBe('Aktif')
    expect(v('Tanggal Status')).toEqual(utc('2024-01-15'))
    expect(v('Tingkat')).toBe('Purwa')
    expect(v('Catatan')).toBe('Kader sejak 2010')

    const b = byName('Budi Santoso')
    expect(b[col(ROSTER_HEADERS, 'L/P')]).toBe('L')
    expect(b[col(ROSTER_HEADERS, 'Status')]).toBe('Nonaktif')
    expect(b[col(ROSTER_HEADERS, 'Tanggal Status')]).toEqual(utc('2025-06-30'))
    expect(b[col(ROSTER_HEADERS, 'Umur')]).toBe(35)
    expect(b[col(ROSTER_HEADERS, 'No HP')]).toBe('021-5551234')
    expect(b[col(ROSTER_HEADERS, 'Tingkat')]).toBe('—')
    const a = byName('Ani Rahmawati')
    expect(a[col(ROSTER_HEADERS, 'RT')]).toBe('003')
    expect(a[col(ROSTER_HEADERS, 'No HP')]).toBeUndefined()
    expect(a[col(ROSTER_HEADERS, 'Pendidikan')]).toBeUndefined()

    // Cell formats: NIK, RT and phone are text columns; dates show as dd-mm-yyyy; counts as numbers.
    const first = header + 1
    expect(ws.getRow(first).getCell(col(ROSTER_HEADERS, 'NIK') + 1).numFmt).toBe('@')
    expect(ws.getRow(first).getCell(col(ROSTER_HEADERS, 'RT') + 1).numFmt).toBe('@')
    expect(ws.getRow(first).getCell(col(ROSTER_HEADERS, 'Tanggal Lahir') + 1).numFmt).toBe('dd-mm-yyyy')
    expect(ws.getRow(first).getCell(col(ROSTER_HEADERS, 'Umur') + 1).type).toBe(ExcelJS.ValueType.Number)
    // Widths follow the content: the Posyandu column fits its longest name.
    expect(ws.getColumn(col(ROSTER_HEADERS, 'Posyandu') + 1).width).toBe('Posyandu Melati 01'.length + 2)
    expect(String(ws.getCell('A4').value)).toMatch(/NIK disamarkan/)
  })

  it('writes the full NIK as text when asked, never as a number', async () => {
    const r = await run({ what: 'roster', fullNik: true })
    const ws = sheet(await readBack(r.path), 'Daftar Kader')
    const { header, rows } = checkSheet(ws, 'Daftar Kader Posyandu', ROSTER_HEADERS)
    const niks = rows.map((row) => row[col(ROSTER_HEADERS, 'NIK')])
    expect(niks.sort()).toEqual([siti.nik, budi.nik, ani.nik].sort())
    for (const nik of niks) {
      expect(typeof nik).toBe('string')
      expect(nik).toMatch(/^\d{16}$/)
    }
    for (let r2 = header + 1; r2 <= ws.rowCount; r2++) expect(ws.getRow(r2).getCell(col(ROSTER_HEADERS, 'NIK') + 1).type).toBe(ExcelJS.ValueType.String)
    expect(String(ws.getCell('A4').value)).toMatch(/NIK lengkap/)
  })

  it('gives a second export in the same minute its own name and leaves no part file behind', async () => {
    const a = await run({ what: 'roster' })
    const b = await run({ what: 'roster' })
    expect(b.fileName).toBe('daftar-kader_kantor-kelurahan-sukarasa_20261123-1605-2.xlsx')
    expect(readdirSync(out).sort()).toEqual([a.fileName, b.fileName].sort())
  })

  it('writes to the exact file named (the CLI --out), replacing it', async () => {
    const target = join(out, 'kader.xlsx')
    writeFileSync(target, 'old')
    const r = await run({ what: 'roster' }, target)
    expect(r).toMatchObject({ path: target, fileName: 'kader.xlsx', rows: 3 })
    expect(sheet(await readBack(target), 'Daftar Kader').getCell('A1').value).toBe(OFFICE)
    expect(readdirSync(out)).toEqual(['kader.xlsx'])
  })

  it('refuses a folder that is not there, in Indonesian, before writing anything', async () => {
    for (const folder of [join(t.dir, 'tidak-ada'), join(t.dir, 'simpul.sqlite')]) {
      const e = await errorOf(() => exportXlsx(t.db, exportInput.parse({ what: 'roster', folder }), { nowMs: NOW }))
      expect(e).toMatchObject({ code: 'invalid_input', field: 'folder' })
      expect(e.message).toBe('Folder tujuan tidak ditemukan. Pastikan flashdisk masih terpasang dan foldernya benar, lalu coba lagi.')
    }
    const e = await errorOf(() => run({ what: 'roster' }, join(t.dir, 'tidak-ada', 'kader.xlsx')))
    expect(e.message).toMatch(/^Folder tujuan tidak ditemukan/)
  })

  it('removes the part file when the last step fails and says the file could not be written', async () => {
    // The final name is taken by a folder: the rename fails after the whole workbook was written.
    const blocked = join(out, 'kader.xlsx')
    mkdirSync(join(blocked, 'isi'), { recursive: true })
    const e = await errorOf(() => run({ what: 'roster' }, blocked))
    expect(e.code).toBe('internal')
    expect(e.message).toMatch(/tidak dapat ditulis|tidak boleh ditulisi/)
    expect(readdirSync(out)).toEqual(['kader.xlsx'])
    expect(readdirSync(blocked)).toEqual(['isi'])
  })
})

describe('write errors', () => {
  it('say what happened to the stick in the words of the bundle writer', () => {
    const err = (code: string) => writeError(Object.assign(new Error(code), { code })).shape
    expect(err('ENOSPC')).toMatchObject({ code: 'internal', message: expect.stringMatching(/^Ruang di folder tujuan \(flashdisk\) penuh\./) })
    expect(err('ENOENT')).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Folder tujuan tidak ditemukan\./) })
    for (const code of ['EROFS', 'EACCES', 'EPERM']) {
      expect(err(code)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Folder tujuan tidak boleh ditulisi \(mungkin flashdisk dikunci/) })
    }
    expect(err('EIO').message).toMatch(/^Flashdisk tidak dapat ditulisi \(mungkin dicabut\)/)
    expect(err('EBUSY').message).toMatch(/sedang dibuka/)
  })

  it('names files after the office in plain letters', () => {
    expect(slug('Kantor Kelurahan Sukarasa')).toBe('kantor-kelurahan-sukarasa')
    expect(slug('Puskesmas Cibodas (Kec. Cibodas)')).toBe('puskesmas-cibodas-kec-cibodas')
    expect(slug('***')).toBe('kantor')
  })
})

// ---------------------------------------------------------------- competency matrix

describe('the competency matrix', () => {
  it('writes a kader × 25 skills grid: the date in force when held, "belum" when not yet, empty when never assessed', async () => {
    await setUpKelurahan(t.db)
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const k1 = (await makeKader(t.db, melati.id, { name: 'Ani Purwa' })).kader
    const k2 = (await makeKader(t.db, melati.id, { name: 'Budi Belum', sex: 'L' })).kader
    await makeKader(t.db, melati.id, { name: 'Cici Tanpa Nilai' })
    await makeKader(t.db, melati.id, { name: 'Dedi Nonaktif', sex: 'L', status: 'nonaktif' })
    const catalogue = await activeCatalogue(t.db)
    const ab = catalogue.groups.filter((g) => ['A', 'B'].includes(g.code)).flatMap((g) => g.items.map((i) => i.code))
    const assess = (date: string, entries: [string, string, 'kompeten' | 'belum_kompeten'][]) =>
      assessBulk(
        t.db,
        bulkAssessmentInput.parse({
          date,
          method: 'observasi_praktik',
          assessor: { name: 'Bidan Uji' },
          entries: entries.map(([kaderId, competencyCode, result]) => ({ kaderId, competencyCode, result })),
        }),
      )
    await assess('2025-03-01', [...ab.map((c): [string, string, 'kompeten'] => [k1.id, c, 'kompeten']), [k2.id, 'A2', 'kompeten']])
    // Later results are the ones in force: A1 held again (a newer date), A2 lost.
    await assess('2025-09-15', [
      [k1.id, 'A1', 'kompeten'],
      [k2.id, 'A1', 'belum_kompeten'],
      [k2.id, 'A2', 'belum_kompeten'],
    ])

    const r = await run({ what: 'matrix' })
    expect(r.fileName).toMatch(/^matriks-kompetensi_kantor-kelurahan-sukarasa_20261123-1605\.xlsx$/)
    const { total } = await competencyMatrix(t.db, matrixInput.parse({}))
    expect(r.rows).toBe(total)
    expect(r.rows).toBe((await exportMatrix(t.db)).length)
    expect(r.rows).toBe(3)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matriks Kompetensi', 'Keterampilan'])
    const codes = catalogue.groups.flatMap((g) => g.items.map((i) => i.code))
    expect(codes).toHaveLength(25)
    const headers = ['No', 'Kelurahan/Desa', 'Posyandu', 'Nama', 'Tingkat', 'TKK', 'Kelompok Lengkap', ...codes]
    const ws = sheet(wb, 'Matriks Kompetensi')
    const { header, rows } = checkSheet(ws, /^Matriks 25 Keterampilan Dasar Kader/, headers)
    expect(rows).toHaveLength(3)
    const byName = (n: string) => rows.find((row) => row[3] === n)!
    const ani = byName('Ani Purwa')
    expect(ani[col(headers, 'Tingkat')]).toBe('Purwa')
    expect(ani[col(headers, 'TKK')]).toBe(12)
    expect(ani[col(headers, 'Kelompok Lengkap')]).toBe('A, B')
    expect(ani[col(headers, 'A1')]).toEqual(utc('2025-09-15'))
    expect(ani[col(headers, 'B8')]).toEqual(utc('2025-03-01'))
    expect(ani[col(headers, 'C1')]).toBeUndefined()
    const budi = byName('Budi Belum')
    expect(budi[col(headers, 'Tingkat')]).toBe('—')
    expect(budi[col(headers, 'TKK')]).toBe(0)
    expect(budi[col(headers, 'A1')]).toBe('belum')
    expect(budi[col(headers, 'A2')]).toBe('belum')
    expect(byName('Cici Tanpa Nilai').slice(col(headers, 'A1')).filter((v) => v !== undefined && v !== null)).toEqual([])
    expect(rows.map((row) => row[3])).not.toContain('Dedi Nonaktif')

    // Held and not-yet cells are coloured; a held cell is a date cell.
    const aniRow = ws.getRow(header + 1 + rows.indexOf(ani))
    const a1 = aniRow.getCell(col(headers, 'A1') + 1)
    expect(a1.numFmt).toBe('dd-mm-yyyy')
    expect(a1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } })
    const budiRow = ws.getRow(header + 1 + rows.indexOf(budi))
    expect(budiRow.getCell(col(headers, 'A1') + 1).fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } })

    const legend = sheet(wb, 'Keterampilan')
    const l = checkSheet(legend, /^Keterampilan Dasar Kader dan Cakupannya/, ['Kode', 'Kelompok', 'Keterampilan', 'Kader Kompeten', 'Cakupan'])
    expect(l.rows).toHaveLength(25)
    expect(l.rows[0]).toEqual(['A1', expect.stringMatching(/^A\. /), catalogue.groups[0]!.items[0]!.text, 1, 1 / 3])
    expect(legend.getRow(l.header + 1).getCell(5).numFmt).toBe('0%')
  })
})

// ---------------------------------------------------------------- training attendance

describe('training attendance', () => {
  let melati: Posyandu
  let people: Kader[]

  beforeEach(async () => {
    await setupSite(t.db, siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: OFFICE, coveredVillageCodes: ['36.71.01.1001'] }))
    melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    people = []
    for (const name of ['Ani Rahmawati', 'Budi Santoso', 'Citra Lestari']) people.push((await makeKader(t.db, melati.id, { name })).kader)
  })

  const training = (title: string, startDate: string, endDate: string, participantIds: string[]) =>
    createTraining(t.db, trainingInput.parse({ title, kind: 'pelatihan', startDate, endDate, place: 'Aula Puskesmas', competencies: ['A1', 'A2'], participantIds }))

  it("with a training: its participants, a column per day, scores and certificates", async () => {
    const tr = await training('Pelatihan Kader Dasar Angkatan I', '2025-03-03', '2025-03-05', people.map((p) => p.id))
    await saveTrainingResults(
      t.db,
      trainingResultsInput.parse({
        trainingId: tr.id,
        participants: [
          { kaderId: people[0]!.id, attendance: ['2025-03-03', '2025-03-04', '2025-03-05'], preScore: 60, postScore: 85.5, certificateNumber: '445/001/PKM/2025' },
          { kaderId: people[1]!.id, attendance: ['2025-03-03', '2025-03-05'], preScore: 70, postScore: null, certificateNumber: null },
        ],
      }),
    )
    const r = await run({ what: 'training', trainingId: tr.id })
    expect(r.fileName).toBe('peserta-pelatihan_kantor-kelurahan-sukarasa_20261123-1605.xlsx')
    expect(r.rows).toBe((await getTraining(t.db, { id: tr.id })).participantCount)
    expect(r.rows).toBe(3)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Peserta'])
    const headers = [
      'No',
      'Nama',
      'NIK',
      'Posyandu',
      'Kelurahan/Desa',
      'Tingkat',
      'Hari 1\n03-03-2025',
      'Hari 2\n04-03-2025',
      'Hari 3\n05-03-2025',
      'Hari Hadir',
      'Kehadiran',
      'Nilai Pre Test',
      'Nilai Post Test',
      'Kenaikan',
      'No Sertifikat',
    ]
    const ws = sheet(wb, 'Peserta')
    const { header, rows } = checkSheet(ws, 'Daftar Hadir dan Nilai Peserta: Pelatihan Kader Dasar Angkatan I', headers)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual([
      1,
      'Ani Rahmawati',
      maskNik(people[0]!.nik),
      'Posyandu Melati 01',
      'Sukarasa',
      '—',
      'hadir',
      'hadir',
      'hadir',
      3,
      1,
      60,
      85.5,
      25.5,
      '445/001/PKM/2025',
    ])
    expect(rows[1]!.slice(6, 11)).toEqual(['hadir', undefined, 'hadir', 2, 2 / 3])
    expect(rows[1]![col(headers, 'Nilai Post Test')]).toBeUndefined()
    expect(rows[2]![col(headers, 'Hari Hadir')]).toBe(0)
    expect(ws.getRow(header + 1).getCell(col(headers, 'Kehadiran') + 1).numFmt).toBe('0%')
    expect(String(ws.getCell('A4').value)).toMatch(/^Pelatihan, 3–5 Maret 2025, Aula Puskesmas/)

    const full = sheet(await readBack((await run({ what: 'training', trainingId: tr.id, fullNik: true })).path), 'Peserta')
    expect(full.getRow(header + 1).getCell(3).value).toBe(people[0]!.nik)
  })

  it('without a training: every training of the year with its participants counted, and everyone on the lists', async () => {
    const a = await training('Pelatihan Maret', '2025-03-03', '2025-03-04', [people[0]!.id, people[1]!.id])
    await training('Refreshing Juni', '2025-06-10', '2025-06-10', [people[2]!.id])
    await training('Tahun lalu', '2024-11-01', '2024-11-01', [people[0]!.id])
    const gone = await training('Dibatalkan', '2025-07-01', '2025-07-01', [people[0]!.id])
    await archiveTraining(t.db, { id: gone.id })
    await saveTrainingResults(
      t.db,
      trainingResultsInput.parse({
        trainingId: a.id,
        participants: [
          { kaderId: people[0]!.id, attendance: ['2025-03-03', '2025-03-04'], preScore: 50, postScore: 80, certificateNumber: 'S-1' },
          { kaderId: people[1]!.id, attendance: ['2025-03-03'], preScore: 70, postScore: 90, certificateNumber: null },
        ],
      }),
    )

    const r = await run({ what: 'training', year: 2025 })
    expect(r.fileName).toBe('pelatihan-2025_kantor-kelurahan-sukarasa_20261123-1605.xlsx')
    const service = (await listTrainings(t.db, { query: '' })).filter((x) => x.startDate.startsWith('2025'))
    expect(r.rows).toBe(service.length)
    expect(r.rows).toBe(2)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pelatihan 2025', 'Peserta'])
    const headers = [
      'No',
      'Kegiatan',
      'Jenis',
      'Mulai',
      'Selesai',
      'Jumlah Hari',
      'Tempat',
      'Penyelenggara',
      'Keterampilan',
      'Peserta',
      'Hadir Semua Hari',
      'Kehadiran',
      'Bersertifikat',
      'Rata-rata Pre Test',
      'Rata-rata Post Test',
    ]
    const { rows } = checkSheet(sheet(wb, 'Pelatihan 2025'), 'Rekap Kehadiran Pelatihan Kader Tahun 2025', headers)
    expect(rows).toEqual([
      [1, 'Pelatihan Maret', 'Pelatihan', utc('2025-03-03'), utc('2025-03-04'), 2, 'Aula Puskesmas', OFFICE, 'A1, A2', 2, 1, 3 / 4, 1, 60, 85],
      [2, 'Refreshing Juni', 'Pelatihan', utc('2025-06-10'), utc('2025-06-10'), 1, 'Aula Puskesmas', OFFICE, 'A1, A2', 1, 0, 0, 0],
    ])
    expect(rows.map((row) => row[col(headers, 'Peserta')])).toEqual(service.map((s) => s.participantCount).reverse())

    const p = checkSheet(sheet(wb, 'Peserta'), 'Peserta Pelatihan Kader Tahun 2025', [
      'No',
      'Kegiatan',
      'Nama',
      'NIK',
      'Posyandu',
      'Kelurahan/Desa',
      'Mulai',
      'Hari Hadir',
      'Kehadiran',
      'Nilai Pre Test',
      'Nilai Post Test',
      'Kenaikan',
      'No Sertifikat',
    ])
    expect(p.rows.map((row) => [row[1], row[2]])).toEqual([
      ['Pelatihan Maret', 'Ani Rahmawati'],
      ['Pelatihan Maret', 'Budi Santoso'],
      ['Refreshing Juni', 'Citra Lestari'],
    ])
    expect(p.rows[1]!.slice(6, 12)).toEqual([utc('2025-03-03'), 1, 0.5, 70, 90, 20])
  })

  it('refuses a training that is not there', async () => {
    const e = await errorOf(() => run({ what: 'training', trainingId: '01900000-0000-7000-8000-000000000000' }))
    expect(e.code).toBe('not_found')
    expect(readdirSync(out)).toEqual([])
  })
})

// ---------------------------------------------------------------- follow-ups per OPD

describe('follow-ups per OPD', () => {
  it('lists every follow-up sorted by OPD, overdue days as numbers, and a summary per OPD that agrees with the board', async () => {
    await setUpKelurahan(t.db)
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const opds = await t.db.selectFrom('opd').select(['id', 'code', 'name']).execute()
    const opd = (code: string) => opds.find((o) => o.code === code)!
    const today = todayJakarta()
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    const make = (o: Partial<Input<'followUp:create'>> & { opdId: string }) =>
      createFollowUp(t.db, followUpInput.parse({ source: 'monev', date: day(-30), description: 'Timbangan bayi rusak, perlu diganti.', dueDate: day(-5), ...o }))
    await make({ opdId: opd('pupr').id, description: 'Atap Posyandu bocor.', posyanduId: melati.id, spmField: 'pekerjaan_umum' })
    await make({ opdId: opd('dinkes').id, dueDate: day(10) })
    await make({ opdId: opd('dinkes').id, description: 'Stok PMT habis.', dueDate: day(-12) })
    const done = await make({ opdId: opd('pupr').id, description: 'Saluran air tersumbat.' })
    await addFollowUpProgress(t.db, followUpProgressInput.parse({ id: done.id, date: day(-20), status: 'selesai', closingEvidence: 'Foto sesudah perbaikan' }))

    const r = await run({ what: 'tindak-lanjut' })
    expect(r.fileName).toBe('tindak-lanjut_kantor-kelurahan-sukarasa_20261123-1605.xlsx')
    const service = await listFollowUps(t.db, { state: 'all', opdId: null, meetingId: null, query: '' })
    expect(r.rows).toBe(service.length)
    expect(r.rows).toBe(4)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tindak Lanjut', 'Ringkasan per OPD'])
    const headers = ['No', 'OPD', 'Uraian', 'Asal', 'Rapat', 'Posyandu', 'Bidang SPM', 'Dicatat', 'Tenggat', 'Status', 'Lewat Tenggat (hari)', 'Tanggal Ditutup']
    const { rows } = checkSheet(sheet(wb, 'Tindak Lanjut'), 'Tindak Lanjut per OPD', headers)
    const dinkes = opd('dinkes').name
    const pupr = opd('pupr').name
    expect(rows.map((row) => [row[1], row[2], row[col(headers, 'Lewat Tenggat (hari)')]])).toEqual([
      [dinkes, 'Stok PMT habis.', 12],
      [dinkes, 'Timbangan bayi rusak, perlu diganti.', 0],
      [pupr, 'Atap Posyandu bocor.', 5],
      [pupr, 'Saluran air tersumbat.', 0],
    ])
    expect(rows[2]).toEqual([3, pupr, 'Atap Posyandu bocor.', 'Monev', undefined, 'Posyandu Melati 01', 'Pekerjaan Umum', utc(day(-30)), utc(day(-5)), 'Baru', 5])
    expect(rows[3]![col(headers, 'Status')]).toBe('Selesai')
    expect(rows[3]![col(headers, 'Tanggal Ditutup')]).toEqual(utc(day(-20)))

    const sHeaders = ['OPD', 'Jumlah', 'Terbuka', 'Lewat Tenggat', 'Selesai', 'Tidak Dapat', 'Selesai (%)', 'Median Hari sampai Ditutup']
    const summarySheet = sheet(wb, 'Ringkasan per OPD')
    const s = checkSheet(summarySheet, 'Ringkasan Tindak Lanjut per OPD', sHeaders)
    expect(s.rows).toEqual([
      [dinkes, 2, 2, 1, 0, 0, 0],
      [pupr, 2, 1, 1, 1, 0, 0.5, 10],
      ['Jumlah', 4, 3, 2, 1, 0, 0.25, 10],
    ])
    expect(summarySheet.getRow(s.header + 3).getCell(1).font?.bold).toBe(true)
    expect(summarySheet.getRow(s.header + 1).getCell(7).numFmt).toBe('0%')
    for (const b of await opdBoard(t.db)) {
      const row = s.rows.find((x) => x[0] === b.opdName)!
      expect([row[2], row[3], (row[4] as number) + (row[5] as number), row[7] ?? null]).toEqual([b.open, b.overdue, b.closed, b.medianDaysToClose])
    }
  })
})

// ---------------------------------------------------------------- the recap

describe('the recap', () => {
  it('writes kecamatan → kelurahan → Posyandu rows folded by outline level, numbers as numbers, the total, and the last bundles', async () => {
    await setupSite(t.db, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: OFFICE }))
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 4, seed: 7 })
    await t.db.deleteFrom('office').execute()
    await t.db
      .insertInto('office')
      .values({
        site_id: 'kel-sukarasa',
        level: 'kelurahan',
        area_code: '36.71.01.1001',
        area_name: 'Sukarasa',
        name: 'Kantor Kelurahan Sukarasa',
        villages: '[]',
        last_bundle_at: '2026-11-01T03:00:00.000Z',
        last_imported_at: '2026-11-02T02:30:00.000Z',
      })
      .execute()

    const r = await run({ what: 'rekap', year: 2026 })
    expect(r.fileName).toBe('rekap-2026_kantor-kelurahan-sukarasa_20261123-1605.xlsx')
    const rekap = await getRekap(t.db, { year: 2026 }, NOW)
    const flat = flattenRekap(rekap.nodes)
    expect(r.rows).toBe(flat.length)

    const wb = await readBack(r.path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap 2026', 'Bidang SPM', 'TL per OPD', 'Paket Terakhir'])
    const headers = [
      'Wilayah / Posyandu',
      'Jenis',
      'Kode Wilayah',
      'Posyandu',
      'Posyandu Terdaftar',
      'Posyandu Tanpa Alat Antropometri Lengkap',
      'Kader Aktif',
      'Belum Bertingkat',
      'Purwa',
      'Madya',
      'Utama',
      'Bertingkat (%)',
      'TKK',
      'TKK per Kader Aktif',
      ...rekap.groupNames.map((g) => `Kelompok ${g.code} Lengkap`),
      'Pelatihan 2026',
      'Rapat 2026',
      'TL Terbuka',
      'TL Lewat Tenggat',
      'Kader Menerima Insentif 2026',
      'Insentif Dibayar 2026 (Rp)',
      'Paket Terakhir',
      'Umur Paket (hari)',
    ]
    const ws = sheet(wb, 'Rekap 2026')
    const { header, rows } = checkSheet(ws, `Rekap ${rekap.scope.name} Tahun 2026`, headers)
    expect(rows).toHaveLength(flat.length + 1)

    // The tree: each row's outline level is its depth, kecamatan first, the total last.
    flat.forEach(({ node, depth }, i) => {
      const row = ws.getRow(header + 1 + i)
      expect(row.outlineLevel).toBe(depth)
      expect(row.getCell(1).value).toBe(node.name)
      if (depth > 0) expect(row.getCell(1).alignment?.indent).toBe(depth)
      expect(row.getCell(col(headers, 'Kader Aktif') + 1).value).toBe(node.activeKader)
    })
    expect(new Set(flat.map((f) => f.node.kind))).toEqual(new Set(['kecamatan', 'kelurahan', 'posyandu']))
    expect(ws.properties.outlineLevelRow).toBe(2)

    const tangerang = flat.findIndex((f) => f.node.code === '36.71.01')
    const sukarasa = flat.findIndex((f) => f.node.code === '36.71.01.1001')
    const kec = rows[tangerang]!
    const kel = rows[sukarasa]!
    const node = flat[sukarasa]!.node
    expect(kec[1]).toBe('Kecamatan')
    expect(kel.slice(0, 12)).toEqual([
      'Sukarasa',
      'Kelurahan',
      '36.71.01.1001',
      node.posyandu,
      node.registeredPosyandu,
      node.posyanduKitIncomplete,
      node.activeKader,
      node.levels.none,
      node.levels.purwa,
      node.levels.madya,
      node.levels.utama,
      node.activeKader ? (node.levels.purwa + node.levels.madya + node.levels.utama) / node.activeKader : undefined,
    ])
    expect(node.activeKader).toBeGreaterThan(0)
    expect(kel[col(headers, 'Paket Terakhir')]).toEqual(new Date(Date.parse('2026-11-01T03:00:00.000Z') + 7 * 3_600_000))
    expect(kel[col(headers, 'Umur Paket (hari)')]).toBe(22)
    expect(ws.getRow(header + 1 + sukarasa).getCell(col(headers, 'Paket Terakhir') + 1).numFmt).toBe('dd-mm-yyyy hh:mm')
    expect(ws.getRow(header + 1 + sukarasa).getCell(col(headers, 'Bertingkat (%)') + 1).numFmt).toBe('0%')
    const posyanduRow = rows[sukarasa + 1]!
    expect(posyanduRow[1]).toBe('Posyandu')
    expect(posyanduRow[2]).toBeUndefined()
    const total = rows[rows.length - 1]!
    expect(total.slice(0, 7)).toEqual(['Jumlah', undefined, '36.71', rekap.total.posyandu, rekap.total.registeredPosyandu, rekap.total.posyanduKitIncomplete, rekap.total.activeKader])
    // The equipment and incentive figures of the recap screen, in the same columns.
    expect(kel[col(headers, 'Kader Menerima Insentif 2026')]).toBe(node.insentifKaderPaid)
    expect(total[col(headers, 'Insentif Dibayar 2026 (Rp)')]).toBe(rekap.total.insentifTotal)
    expect(ws.getRow(ws.rowCount).getCell(1).font?.bold).toBe(true)

    expect(kel[col(headers, 'TKK')]).toBe(node.tkk)
    expect(total[col(headers, 'TKK')]).toBe(rekap.total.tkk)

    // The six SPM fields: one row per node and field, in the tree's order, the area's six last.
    const spmSheet = checkSheet(sheet(wb, 'Bidang SPM'), /^Enam Bidang SPM/, [
      'Wilayah / Posyandu',
      'Jenis',
      'Kode Wilayah',
      'Bidang SPM',
      'Posyandu',
      'Kader Aktif',
      'TL Terbuka',
      'TL Lewat Tenggat',
    ])
    expect(spmSheet.rows).toHaveLength((flat.length + 1) * 6)
    const kelSpm = spmSheet.rows.slice(sukarasa * 6, sukarasa * 6 + 6)
    expect(kelSpm.map((row) => row.slice(0, 4))).toEqual(
      ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas', 'Sosial'].map((f) => ['Sukarasa', 'Kelurahan', '36.71.01.1001', f]),
    )
    expect(kelSpm.map((row) => row.slice(4))).toEqual(node.spm.map((f) => [f.posyandu, f.activeKader, f.followUpsOpen, f.followUpsOverdue]))
    expect(spmSheet.rows.slice(-6).map((row) => [row[0], row[3], row[5]])).toEqual(
      rekap.total.spm.map((f, i) => ['Jumlah', kelSpm[i]![3], f.activeKader]),
    )
    expect(rekap.total.spm.find((f) => f.field === 'kesehatan')!.activeKader).toBeGreaterThan(0)

    const opd = checkSheet(sheet(wb, 'TL per OPD'), /^Tindak Lanjut Terbuka per OPD/, ['OPD', 'Terbuka', 'Lewat Tenggat'])
    expect(opd.rows).toHaveLength(rekap.followUpsPerOpd.length + 1)
    expect(opd.rows[opd.rows.length - 1]).toEqual(['Jumlah', rekap.total.followUpsOpen, rekap.total.followUpsOverdue])

    const offices = checkSheet(sheet(wb, 'Paket Terakhir'), 'Paket Terakhir dari Tiap Kantor', [
      'Kantor',
      'Tingkat',
      'Wilayah',
      'Kode Wilayah',
      'Paket Terakhir Dibuat',
      'Umur Paket (hari)',
      'Terakhir Diimpor di Sini',
    ])
    expect(offices.rows).toHaveLength(rekap.offices.length)
    expect(offices.rows[0]).toEqual([
      'Kantor Kelurahan Sukarasa',
      'Kelurahan/desa',
      'Sukarasa',
      '36.71.01.1001',
      new Date(Date.parse('2026-11-01T03:00:00.000Z') + 7 * 3_600_000),
      22,
      new Date(Date.parse('2026-11-02T02:30:00.000Z') + 7 * 3_600_000),
    ])
  })
})

describe('an office with nothing recorded yet', () => {
  it('still gets every kind as a file with its title rows and header, and no data rows', async () => {
    await setUpKelurahan(t.db)
    for (const what of ['roster', 'matrix', 'training', 'tindak-lanjut', 'rekap'] as const) {
      const r = await run({ what })
      expect(r.rows, what).toBe(0)
      const wb = await readBack(r.path)
      const ws = wb.worksheets[0]!
      expect(ws.getCell('A1').value).toBe(OFFICE)
      const header = (ws.views[0] as { ySplit: number }).ySplit
      expect(ws.getRow(header).getCell(1).font?.bold, what).toBe(true)
      expect(ws.rowCount - header, what).toBe(what === 'rekap' ? 1 : 0)
    }
  })
})

describe('an office outside WIB', () => {
  it('a Denpasar office (WITA) gets its own wall clock in the file name and the title row', async () => {
    await setUpKelurahan(t.db, '51.71.01.1001', 'Kantor Kelurahan Serangan')
    const r = await run({ what: 'roster' })
    // 09.05 UTC is 17.05 in Denpasar.
    expect(r.fileName).toBe('daftar-kader_kantor-kelurahan-serangan_20261123-1705.xlsx')
    const ws = (await readBack(r.path)).worksheets[0]!
    expect(ws.getCell('A3').value).toBe('Dibuat 23 November 2026 17.05 WITA')
  })
})

describe('column widths', () => {
  it('follow the widest value, let a long heading wrap, and cap long text', () => {
    const widths = columnWidths({
      name: 'x',
      title: 'x',
      columns: [
        { header: 'No', kind: 'integer' },
        { header: 'Median Hari sampai Ditutup', kind: 'integer' },
        { header: 'Uraian', kind: 'longText', maxWidth: 30 },
        { header: 'Tanggal', kind: 'date' },
      ],
      rows: [{ cells: [12345, 3, 'x'.repeat(200), new Date()] }],
    })
    expect(widths).toEqual(['12.345'.length + 2, 16, 30, 12])
  })
})
