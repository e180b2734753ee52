// Every CLI table writes dates one way ("26 Jun 2026", a span "10 Jun 2026 s.d. 12 Jun 2026")
// and instants on the office's own clock with its zone ("26 Jun 2026 14.05 WITA").

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

const DATE = String.raw`\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}`
const NUMERIC_DATE = /\b\d{2}-\d{2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-tanggal-'))
  db = join(dir, 'puskesmas.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas Tangerang'])).code).toBe(0)
  expect((await cli(['demo', '--db', db, '--wilayah', '36.71.01', '--posyandu', '2', '--kader-per-posyandu', '5', '--seed', '7'])).code).toBe(0)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The body rows of a table command (under the header and its dashes, without the summary line). */
async function tableRows(argv: string[]): Promise<string[]> {
  const r = await cli([...argv, '--db', db])
  expect(r).toMatchObject({ code: 0, stderr: '' })
  const lines = r.stdout.trimEnd().split('\n')
  expect(lines[1]).toMatch(/^-+( +-+)+$/)
  return lines.slice(2, -1)
}

describe('dates in CLI tables', () => {
  it('training list, rapat list and tindak-lanjut list start each row with the same date form, never dd-mm-yyyy', async () => {
    const tables = {
      training: await tableRows(['training', 'list']),
      rapat: await tableRows(['rapat', 'list']),
      'tindak-lanjut': await tableRows(['tindak-lanjut', 'list']),
    }
    for (const [name, rows] of Object.entries(tables)) {
      expect(rows.length, name).toBeGreaterThan(0)
      for (const row of rows) {
        expect(row, name).toMatch(new RegExp(`^${DATE}( s\\.d\\. ${DATE})?\\s`))
        expect(row, name).not.toMatch(NUMERIC_DATE)
      }
    }
  })

  it('kader list writes the birth date in that form too', async () => {
    const rows = await tableRows(['kader', 'list'])
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row).toMatch(new RegExp(`\\s${DATE}\\s`))
      expect(row).not.toMatch(NUMERIC_DATE)
    }
  })
})

describe('times in CLI output', () => {
  it('a Denpasar office reads its backups in WITA', async () => {
    const bali = join(dir, 'denpasar.sqlite')
    expect((await cli(['init', '--db', bali, '--level', 'kelurahan', '--wilayah', '51.71.01.1001', '--name', 'Kantor Kelurahan Serangan'])).code).toBe(0)
    const made = await cli(['cadangan', 'buat', '--db', bali])
    expect(made.stdout).toMatch(new RegExp(`\\(\\d+(,\\d)? [KM]B, ${DATE} \\d{2}\\.\\d{2} WITA\\)\\.\\n$`))
    const list = await cli(['cadangan', 'daftar', '--db', bali])
    expect(list.stdout).toMatch(new RegExp(`\\n${DATE} \\d{2}\\.\\d{2} WITA +dibuat manual`))
    expect(list.stdout).not.toContain('WIB')
  })
})

describe('desa called desa', () => {
  it('demo on a desa says desa, not kelurahan', async () => {
    const desa = join(dir, 'desa.sqlite')
    expect((await cli(['init', '--db', desa, '--level', 'kelurahan', '--wilayah', '11.01.01.2001', '--name', 'Kantor Desa Keude Bakongan'])).code).toBe(0)
    const r = await cli(['demo', '--db', desa, '--wilayah', '11.01.01.2001', '--posyandu', '1', '--kader-per-posyandu', '3', '--seed', '3'])
    expect(r).toMatchObject({ code: 0 })
    expect(r.stdout).toMatch(/^Selesai: 1 desa, 1 Posyandu, 3 kader\.\n/)
  }, 60_000)
})
