// A roster .xlsx that is small on disk but whose sheet opens to a gigabyte (a zip bomb, made on
// purpose or by a broken tool): refused before ExcelJS inflates it, in well under a second of
// inflating and bounded memory, with a message that says what to do. Whether the zip's header
// declares the gigabyte or lies about it.

import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import yazl from 'yazl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewRosterImport, readRosterLayout } from '../../electron/core/features/kader-impor/kader-impor.service'
import { openBook } from '../../electron/core/features/kader-impor/workbook'
import { kaderImportInput } from '../../shared/contract'
import { createTestDb, errorOf, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'
import { rosterPeople, rosterSheet, writeWorkbook } from '../fixtures/spreadsheets'
import { declaring, repeatedBytes, zipEntries } from '../fixtures/zip'
import { PEAK_MB_SOURCE } from '../fixtures/peak'

const root = join(__dirname, '..', '..')
const GiB = 1024 ** 3
const SHEET = 'xl/worksheets/sheet1.xml'

let t: TestDb
let good: string
/** The sheet part declares and inflates to 1 GiB. */
let declared: string
/** The same, but the zip's directory says the sheet is 2,000 bytes. */
let lying: string

/** The workbook at `path` rebuilt with its first sheet replaced by a 1 GiB part (deflated by yazl as it streams). */
async function withBombSheet(path: string, out: string): Promise<string> {
  const parts = await zipEntries(path)
  expect(parts.has(SHEET)).toBe(true)
  const bomb = new yazl.ZipFile()
  for (const [name, data] of parts) {
    if (name === SHEET) bomb.addReadStreamLazy(name, { size: GiB, compressionLevel: 1 }, (cb) => cb(null, repeatedBytes(GiB, 0x20)))
    else if (name.endsWith('/')) bomb.addEmptyDirectory(name)
    else bomb.addBuffer(data, name)
  }
  bomb.end()
  const chunks: Buffer[] = []
  for await (const c of bomb.outputStream) chunks.push(c as Buffer)
  writeFileSync(out, Buffer.concat(chunks))
  return out
}

beforeAll(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
  good = await writeWorkbook(join(t.dir, 'kader.xlsx'), [rosterSheet(rosterPeople(20, { posyandu: ['Posyandu Melati 01'] }))])
  declared = await withBombSheet(good, join(t.dir, 'kader besar.xlsx'))
  lying = join(t.dir, 'kader bohong.xlsx')
  writeFileSync(lying, declaring(readFileSync(declared), SHEET, 2000))
}, 60_000)

afterAll(async () => t.cleanup())

const TOO_BIG =
  /^Berkas lembar kerja ini terlalu besar setelah dibuka \(bagian xl\/worksheets\/sheet1\.xml lebih dari 64 MB\)\. Simpan ulang daftar kader dalam berkas yang lebih kecil/

describe('a roster workbook that opens to a gigabyte', () => {
  it('the workbook it was made from reads', async () => {
    const book = await openBook(good)
    expect(book.kind).toBe('xlsx')
    expect(book.sheets[0]!.rows.length).toBeGreaterThan(20)
  })

  it('is refused on the size its zip declares, before anything is inflated', async () => {
    const started = Date.now()
    const e = await errorOf(() => openBook(declared))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'path' })
    expect(e.message).toMatch(TOO_BIG)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('is refused once 64 MB have come out when the zip lies about the size, on every path that reads a roster', async () => {
    const started = Date.now()
    expect((await errorOf(() => openBook(lying))).message).toMatch(TOO_BIG)
    expect(Date.now() - started).toBeLessThan(5000)
    const input = kaderImportInput.parse({ path: lying })
    expect((await errorOf(() => readRosterLayout(t.db, input))).message).toMatch(TOO_BIG)
    expect((await errorOf(() => previewRosterImport(t.db, input))).message).toMatch(TOO_BIG)
  })

  it('costs bounded memory: a separate process refusing it stays under 400 MB', async () => {
    // Its own process, so the peak is this refusal's and not the test runner's.
    const code = `
      ${PEAK_MB_SOURCE}
      const { pathToFileURL } = await import('node:url')
      const { openBook } = await import(pathToFileURL(process.argv[1]).href)
      const started = Date.now()
      let message = ''
      for (const path of process.argv.slice(2)) await openBook(path).catch((e) => (message = e.message))
      process.stdout.write(JSON.stringify({ message, ms: Date.now() - started, maxRssMb: await peakMb() }))
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, join(root, 'electron/core/features/kader-impor/workbook.ts'), declared, lying], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(exit).toBe(0)
    const r = JSON.parse(out) as { message: string; ms: number; maxRssMb: number }
    expect(r.message).toMatch(TOO_BIG)
    // Memory, not time, is the proof: inflating the sheet would take well over a gigabyte.
    expect(r.maxRssMb).toBeLessThan(400)
  }, 30_000)
})
