// Text that Excel would take for a formula (=, +, -, @ first): every spreadsheet the app writes
// keeps it as text with Excel's quote prefix, checked in the file itself (styles.xml and the
// sheets), and a roster import reads the text back unchanged.

import ExcelJS from 'exceljs'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportXlsx } from '../../electron/core/features/ekspor/ekspor.service'
import { looksLikeFormula } from '../../electron/core/features/ekspor/text-cell'
import { createFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { applyRosterImport, previewRosterImport } from '../../electron/core/features/kader-impor/kader-impor.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { createTraining } from '../../electron/core/features/training/training.service'
import { EXPORT_KINDS, exportInput, followUpInput, kaderImportInput, siteSetupInput, trainingInput, type ExportKind } from '../../shared/contract'
import { createTestDb, makeKader, makePosyandu, nik, setUpKelurahan, type TestDb } from '../fixtures/db'
import { writeWorkbook } from '../fixtures/spreadsheets'
import { zipEntries } from '../fixtures/zip'

const LINK = '=HYPERLINK("http://x","klik")'

const open: TestDb[] = []
let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
  open.push(t)
})
afterEach(async () => {
  for (const d of open.splice(0)) await d.cleanup()
})

interface TextCell {
  file: string
  ref: string
  text: string
  quotePrefix: boolean
}

const unescape = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
const textsOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1]!)).join('')

/** Every text cell of an .xlsx as Excel reads the file: its text, and whether its style carries quotePrefix="1". No formulas allowed. */
async function textCells(path: string): Promise<TextCell[]> {
  const zip = await zipEntries(path)
  const xml = (name: string) => zip.get(name)?.toString('utf8') ?? ''
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml('xl/styles.xml'))?.[1] ?? ''
  const quoted = [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m) => /\bquotePrefix="1"/.test(m[1]!))
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textsOf(m[1]!))
  const out: TextCell[] = []
  for (const file of [...zip.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))) {
    const sheet = xml(file)
    expect(sheet, `${file} holds no formula`).not.toMatch(/<f[\s>]/)
    for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1]!
      const body = m[2] ?? ''
      const type = /\bt="(\w+)"/.exec(attrs)?.[1]
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0)
      const ref = /\br="(\w+)"/.exec(attrs)?.[1] ?? '?'
      let text: string | null = null
      if (type === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? null
      else if (type === 'inlineStr') text = textsOf(body)
      // ExcelJS's streaming writer: a string in <v> (t="str" without an <f> is plain text to Excel).
      else if (type === 'str') text = unescape(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '')
      if (text !== null) out.push({ file, ref, text, quotePrefix: quoted[style] ?? false })
    }
  }
  return out
}

/** The cells that look like formulas, each checked for the prefix. */
async function formulaLike(path: string): Promise<TextCell[]> {
  const cells = (await textCells(path)).filter((c) => looksLikeFormula(c.text))
  for (const c of cells) expect(c.quotePrefix, `${c.file} ${c.ref} "${c.text}" keeps Excel's quote prefix`).toBe(true)
  return cells
}

describe('text that looks like a formula', () => {
  it('keeps the quote prefix in every export, and ExcelJS reads it back as the same text', async () => {
    await setupSite(t.db, siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: ['36.71.01.1001'] }))
    const posyandu = await makePosyandu(t.db, { name: '+Posyandu Melati 01' })
    const kader = (await makeKader(t.db, posyandu.id, { name: LINK })).kader
    const plain = (await makeKader(t.db, posyandu.id, { name: 'Ani Rahmawati' })).kader
    const opd = await t.db.selectFrom('opd').select('id').where('code', '=', 'dinkes').executeTakeFirstOrThrow()
    await createFollowUp(t.db, followUpInput.parse({ source: 'monev', date: '2026-11-01', description: '@SUM(A1) timbangan rusak', dueDate: '2026-12-01', opdId: opd.id, posyanduId: posyandu.id }))
    const training = await createTraining(
      t.db,
      trainingInput.parse({ title: 'Pelatihan Kader Dasar', kind: 'pelatihan', startDate: '2026-03-03', endDate: '2026-03-04', place: 'Aula', competencies: ['A1'], participantIds: [kader.id, plain.id] }),
    )
    const folder = join(t.dir, 'flashdisk')
    mkdirSync(folder)

    const expected: Record<ExportKind, string[]> = {
      roster: [LINK, '+Posyandu Melati 01'],
      matrix: [LINK, '+Posyandu Melati 01'],
      training: [LINK, '+Posyandu Melati 01'],
      'tindak-lanjut': ['@SUM(A1) timbangan rusak', '+Posyandu Melati 01'],
      rekap: ['+Posyandu Melati 01'],
      // No equipment recorded: the Posyandu is listed as short of every kit item.
      sarana: ['+Posyandu Melati 01'],
      // No payments here (a Puskesmas records none): headings only, checked for no needless prefix.
      insentif: [],
    }
    for (const what of EXPORT_KINDS) {
      const r = await exportXlsx(t.db, exportInput.parse({ what, folder, year: 2026, ...(what === 'training' ? { trainingId: training.id } : {}) }))
      const texts = (await formulaLike(r.path)).map((c) => c.text)
      for (const text of expected[what]) expect(texts, `${what}: ${text}`).toContain(text)
      // Plain text gets no prefix: only what needs it.
      expect((await textCells(r.path)).some((c) => !c.quotePrefix), what).toBe(true)

      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(r.path)
      const values: unknown[] = []
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))))
      for (const text of expected[what]) expect(values, `${what}: ${text} read back as text`).toContain(text)
    }
  })

  it('a roster exported with such a name imports back with the name unchanged', async () => {
    await setUpKelurahan(t.db)
    const posyandu = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    await makeKader(t.db, posyandu.id, { name: LINK })
    const folder = join(t.dir, 'flashdisk')
    mkdirSync(folder)
    const r = await exportXlsx(t.db, exportInput.parse({ what: 'roster', folder, fullNik: true }))

    const target = await createTestDb()
    open.push(target)
    await setUpKelurahan(target.db)
    await makePosyandu(target.db, { name: 'Posyandu Melati 01' })
    const p = await previewRosterImport(target.db, kaderImportInput.parse({ path: r.path }))
    expect(p.rows.map((row) => [row.action, row.values.name])).toEqual([['new', LINK]])
    await applyRosterImport(target.db, kaderImportInput.parse({ path: r.path }))
    expect(await target.db.selectFrom('kader').select('name').execute()).toEqual([{ name: LINK }])
  })

  it('keeps the prefix in the list of problem rows an import writes, which imports back unchanged', async () => {
    await setUpKelurahan(t.db)
    await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const path = await writeWorkbook(join(t.dir, 'kader.xlsx'), [
      {
        name: 'Kader',
        rows: [
          ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu', 'Keterangan'],
          // No sex written and no NIK to read it from: skipped, into the report.
          [LINK, null, null, '12-04-1985', 'Melati 01', '-'],
          ['Ani Rahmawati', nik(), 'P', '12-04-1985', 'Melati 01', '+62 pindahan'],
        ],
      },
    ])
    const done = await applyRosterImport(t.db, kaderImportInput.parse({ path }))
    expect(done).toMatchObject({ created: 1, skipped: 1 })
    const texts = (await formulaLike(done.errorReport!)).map((c) => c.text)
    expect(texts).toEqual(expect.arrayContaining([LINK, '-']))

    const again = await previewRosterImport(t.db, kaderImportInput.parse({ path: done.errorReport! }))
    expect(again.rows.map((row) => row.values.name)).toEqual([LINK])
  })
})
