// `kader impor`, run in-process as a script or a support person would run it, on a roster file
// built like a real one (titles, a blank row, a JUMLAH row, a NIK that Excel cut, a Posyandu
// name not in the register).

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { NIK_LOST_DIGITS } from '../../electron/core/features/kader-impor/values'
import type { KaderImportPreview, KaderImportResult } from '../../shared/contract'
import { makePosyandu } from '../fixtures/db'
import { readWorkbook, rosterPeople, rosterSheet, setCell, STANDARD_COLUMNS, writeWorkbook } from '../fixtures/spreadsheets'
import { cli } from '../fixtures/cli'

let dir: string
let db: string
let pkm: string
let roster: string

const digest = async (file: string) => (await cli(['db', 'digest', '--db', file])).stdout
const kaderCount = async (file: string) => (JSON.parse((await cli(['kader', 'list', '--db', file, '--json'])).stdout) as unknown[]).length

const people = rosterPeople(6, { posyandu: ['Melati 01', 'Posyandu Mawar 02'] })
people[4]!.posyandu = 'Kamboja 09'

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-kader-impor-'))
  db = join(dir, 'kel.sqlite')
  pkm = join(dir, 'pkm.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  expect((await cli(['init', '--db', pkm, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas Tangerang'])).code).toBe(0)
  for (const file of [db, pkm]) {
    const handle = await openDatabase(file)
    await makePosyandu(handle, { name: 'Posyandu Melati 01' })
    await makePosyandu(handle, { name: 'Posyandu Mawar 02' })
    await closeDatabase(handle)
  }
  roster = await writeWorkbook(join(dir, 'kader sukarasa.xlsx'), [
    rosterSheet(people, {
      numberingRow: true,
      blankAfter: [2],
      totalRow: true,
      signature: true,
      // Typed into a number cell: Excel kept 15 digits.
      override: { 1: (row, cols) => setCell(row, cols, 'NIK', Number(`${people[1]!.nik.slice(0, 15)}0`)) },
    }),
  ])
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kader impor', () => {
  it('--dry-run prints the layout, the counts and the problems, and changes nothing', async () => {
    const before = await digest(db)
    const r = await cli(['kader', 'impor', '--db', db, roster, '--dry-run'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.split('\n')
    expect(lines.slice(0, 3)).toEqual(['Berkas: kader sukarasa.xlsx', 'Lembar: "Data Kader"; judul kolom di baris 4', 'Kolom:'])
    expect(lines).toContain('  A  No                   → (diabaikan)')
    expect(lines).toContain('  B  Nama Lengkap         → Nama')
    expect(lines).toContain('  E  Tempat Lahir         → Tempat lahir')
    expect(lines).toContain('  H  RT/RW                → RT/RW')
    expect(lines).toContain('  N  Tgl SK               → Tgl SK')
    expect(lines).toContain('Posyandu:')
    expect(lines).toContain('  Melati 01             2 baris  → Posyandu Melati 01')
    expect(lines).toContain('  Posyandu Mawar 02     3 baris  → Posyandu Mawar 02')
    expect(lines).toContain('  Kamboja 09            1 baris  → belum ada di daftar')
    expect(lines).toContain('Baris: 4 baru, 0 diperbarui, 2 bermasalah, 0 dengan peringatan; 1 baris kosong dilewati.')
    expect(lines).toContain('Masalah:')
    expect(lines).toContain(`  Baris 7, NIK: ${NIK_LOST_DIGITS(`${people[1]!.nik.slice(0, 15)}0`)}`)
    expect(lines).toContain('  Baris 11, Posyandu: Posyandu "Kamboja 09" tidak ada di daftar Posyandu kantor ini. Pilih Posyandu atau buat baru.')
    expect(lines).toContain('Posyandu yang belum ada di daftar: perbaiki namanya di berkas, buat Posyandunya dulu, atau jalankan lagi dengan --buat-posyandu.')
    expect(lines.at(-2)).toBe('Uji coba: basis data tidak diubah.')
    expect(await digest(db)).toBe(before)
  })

  it('--json gives the preview (and no result on a dry run)', async () => {
    const r = await cli(['kader', 'impor', '--db', db, roster, '--dry-run', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { preview: KaderImportPreview; result: KaderImportResult | null }
    expect(out.result).toBeNull()
    expect(out.preview.counts).toEqual({ new: 4, update: 0, error: 2, warnings: 0, blank: 1 })
    expect(out.preview.rows.map((x) => [x.row, x.action])).toEqual([
      [6, 'new'],
      [7, 'error'],
      [8, 'new'],
      [10, 'new'],
      [11, 'error'],
      [12, 'new'],
    ])
    expect(out.preview.rows[0]!.values).toMatchObject({ name: people[0]!.name, nik: people[0]!.nik, birthDate: people[0]!.birthDate })
  })

  it('refuses a missing file, an unknown sheet and a missing roster argument in one Indonesian line', async () => {
    const missing = await cli(['kader', 'impor', '--db', db, join(dir, 'tidak ada.xlsx')])
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toBe(`Berkas ${join(dir, 'tidak ada.xlsx')} tidak ditemukan. Periksa apakah berkasnya masih ada (dan flashdisk masih terpasang), lalu pilih lagi.\n`)
    const sheet = await cli(['kader', 'impor', '--db', db, roster, '--sheet', 'Rekap'])
    expect(sheet).toMatchObject({ code: 1, stderr: 'Lembar "Rekap" tidak ada di berkas kader sukarasa.xlsx. Lembar yang ada: Data Kader.\n' })
    const none = await cli(['kader', 'impor', '--db', db])
    expect(none.code).toBe(2)
    expect(none.stderr).toBe('ROSTER wajib disebut. Cara pakai: npm run simpul -- kader impor --db BERKAS ROSTER.xlsx [--sheet NAMA] [--dry-run] [--json] [--buat-posyandu]\n')
  })

  it('--buat-posyandu is for a kelurahan office only', async () => {
    const r = await cli(['kader', 'impor', '--db', pkm, roster, '--buat-posyandu'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      '--buat-posyandu hanya untuk kantor kelurahan/desa: Posyandu baru dibuat di kelurahan/desa kantor itu. Buat Posyandu di kantor kelurahannya, lalu impor lagi.\n',
    )
  })

  it('--buat-posyandu does not create a name a letter off a registered one: it asks', async () => {
    const typo = await writeWorkbook(join(dir, 'salah ketik.xlsx'), [rosterSheet(rosterPeople(2, { posyandu: ['Melat 01', 'Kamboja 09'], serialFrom: 50 }))])
    const r = await cli(['kader', 'impor', '--db', db, typo, '--buat-posyandu', '--dry-run'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.split('\n')
    expect(lines).toContain('  Melat 01       1 baris  → belum ada di daftar (maksud Anda Posyandu Melati 01?)')
    expect(lines).toContain('  Kamboja 09     1 baris  → dibuat baru')
    expect(lines).toContain('Nama Posyandu yang mirip nama terdaftar atau nama lain di berkas tidak dibuat baru: perbaiki namanya di berkas, atau pilih Posyandunya di layar Impor dari Excel.')
  })

  it('imports the good rows, names the error report, and updates the same kader on a second run', async () => {
    const r = await cli(['kader', 'impor', '--db', db, roster])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.at(-2)).toBe('Selesai: 4 kader baru, 0 diperbarui, 2 baris dilewati.')
    const report = /^Baris yang dilewati beserta masalahnya: (.+)$/.exec(lines.at(-1)!)?.[1]
    expect(report).toMatch(/kader sukarasa_baris-bermasalah_\d{8}-\d{4}(_\d+)?\.xlsx$/)
    expect(existsSync(report!)).toBe(true)
    const [sheet] = await readWorkbook(report!)
    expect(sheet!.rows.slice(2).map((row) => [row[1], row[STANDARD_COLUMNS.length]])).toEqual([
      [people[1]!.name, 7],
      [people[4]!.name, 11],
    ])
    expect(await kaderCount(db)).toBe(4)

    const again = await cli(['kader', 'impor', '--db', db, roster, '--buat-posyandu'])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('  Kamboja 09            1 baris  → dibuat baru\n')
    expect(again.stdout).toContain('Baris: 1 baru, 4 diperbarui, 1 bermasalah, 0 dengan peringatan; 1 baris kosong dilewati.\n')
    expect(again.stdout).toContain('Selesai: 1 kader baru, 4 diperbarui, 1 baris dilewati, 1 Posyandu baru.\n')
    expect(await kaderCount(db)).toBe(5)
  })
})
