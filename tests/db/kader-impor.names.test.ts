// Posyandu names in a roster as offices write them: every spelling of a Posyandu the register
// holds finds it; two spellings of a new one become one Posyandu; a name a letter or two off is
// offered ("Maksud Anda …?") and goes where the person says, never by a silent guess.

import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeNik } from '../../electron/core/features/demo/demo.service'
import { applyRosterImport, previewRosterImport } from '../../electron/core/features/kader-impor/kader-impor.service'
import { kaderImportInput, type Input, type Posyandu } from '../../shared/contract'
import { createTestDb, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'
import { writeWorkbook } from '../fixtures/spreadsheets'

let t: TestDb
let melati: Posyandu
let mawar: Posyandu

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 4' })
  mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar Merah' })
})
afterEach(async () => t.cleanup())

const input = (path: string, more: Partial<Input<'kaderImpor:preview'>> = {}) => kaderImportInput.parse({ path, ...more })

/** A plain roster: one kader per Posyandu name as written, in that order. */
async function roster(file: string, posyandu: string[]): Promise<string> {
  return writeWorkbook(join(t.dir, file), [
    {
      name: 'Kader',
      rows: [
        ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'],
        ...posyandu.map((p, i) => [`Kader ${i + 1}`, encodeNik('36.71.01', '1985-04-12', 'P', i + 1), 'P', '12-04-1985', p]),
      ],
    },
  ])
}

async function posyanduOfKader(): Promise<Record<string, string>> {
  const rows = await t.db.selectFrom('kader').innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id').select(['kader.name', 'posyandu.name as posyandu']).execute()
  return Object.fromEntries(rows.map((r) => [r.name, r.posyandu]))
}

describe('Posyandu names as offices write them', () => {
  it('finds the register’s Posyandu for every spelling: capitals, spaces, Roman numerals, leading zeros, a "Pos." prefix', async () => {
    const path = await roster('ejaan.xlsx', ['POSYANDU MELATI IV', 'Pos. Melati 04', 'melati   4', 'Psy Melati-IV', 'mawar merah'])
    const p = await previewRosterImport(t.db, input(path))
    expect(p.counts).toMatchObject({ new: 5, error: 0 })
    expect(p.rows.map((r) => r.values.posyanduId)).toEqual([melati.id, melati.id, melati.id, melati.id, mawar.id])
    // One line per Posyandu on the screen, naming every spelling it stands for.
    expect(p.posyandu.map((g) => [g.name, g.rows, g.spellings, g.choice])).toEqual([
      ['POSYANDU MELATI IV', 4, ['Pos. Melati 04', 'melati 4', 'Psy Melati-IV'], { kind: 'existing', id: melati.id, name: 'Posyandu Melati 4' }],
      ['mawar merah', 1, [], { kind: 'existing', id: mawar.id, name: 'Posyandu Mawar Merah' }],
    ])
  })

  it('makes one new Posyandu of two spellings of the same name in one sheet', async () => {
    const path = await roster('baru.xlsx', ['Kenanga II', 'KENANGA 02', 'Posyandu Kenanga 2'])
    const p = await previewRosterImport(t.db, input(path))
    expect(p.posyandu).toHaveLength(1)
    expect(p.posyandu[0]).toMatchObject({ name: 'Kenanga II', rows: 3, spellings: ['KENANGA 02', 'Posyandu Kenanga 2'], choice: null, near: null })

    // The person's "buat baru" for the name as shown covers every spelling.
    const done = await applyRosterImport(t.db, input(path, { posyandu: { 'Kenanga II': 'new' } }))
    expect(done).toMatchObject({ created: 3, skipped: 0, posyanduCreated: 1 })
    const kenanga = await t.db.selectFrom('posyandu').select('name').where('name', 'like', '%enanga%').execute()
    expect(kenanga).toEqual([{ name: 'Kenanga II' }])
    expect(Object.values(await posyanduOfKader())).toEqual(['Kenanga II', 'Kenanga II', 'Kenanga II'])
  })

  it('offers the Posyandu a name is one or two letters from, and guesses nothing', async () => {
    const path = await roster('salah ketik.xlsx', ['Melat 4', 'Mawar Merh', 'Melati 6', 'Dahlia 5'])
    const p = await previewRosterImport(t.db, input(path))
    expect(p.counts).toMatchObject({ new: 0, error: 4 })
    expect(p.rows.every((r) => r.values.posyanduId === null)).toBe(true)
    expect(p.posyandu.map((g) => [g.name, g.choice, g.near])).toEqual([
      ['Melat 4', null, { id: melati.id, name: 'Posyandu Melati 4' }],
      ['Mawar Merh', null, { id: mawar.id, name: 'Posyandu Mawar Merah' }],
      // Another number is another Posyandu, however close the words.
      ['Melati 6', null, null],
      ['Dahlia 5', null, null],
    ])
    expect(p.rows[0]!.problems.map((q) => q.message)).toEqual([
      'Posyandu "Melat 4" tidak ada di daftar Posyandu kantor ini. Maksud Anda Posyandu Melati 4? Pilih Posyandu itu, atau buat Posyandu baru bila memang berbeda.',
    ])
    expect(p.rows[1]!.problems.map((q) => q.message)).toEqual([
      'Posyandu "Mawar Merh" tidak ada di daftar Posyandu kantor ini. Maksud Anda Posyandu Mawar Merah? Pilih Posyandu itu, atau buat Posyandu baru bila memang berbeda.',
    ])
  })

  it('goes where the person answers: the Posyandu offered, or a new one', async () => {
    const path = await roster('jawab.xlsx', ['Melat 4', 'Mawar Merh'])
    const done = await applyRosterImport(t.db, input(path, { posyandu: { 'Melat 4': melati.id, 'Mawar Merh': 'new' } }))
    expect(done).toMatchObject({ created: 2, skipped: 0, posyanduCreated: 1 })
    expect(await posyanduOfKader()).toEqual({ 'Kader 1': 'Posyandu Melati 4', 'Kader 2': 'Mawar Merh' })
  })

  it('asks whether a new name a letter off another new name of the file is the same Posyandu, and makes one when told so', async () => {
    const path = await roster('baru salah ketik.xlsx', ['Kenanga Bru', 'Kenanga Biru', 'KENANGA BIRU', 'Kenanga Biru', 'Dahlia 5'])
    const p = await previewRosterImport(t.db, input(path))
    // The rarer spelling is asked about, pointing at the one with more rows; nothing is merged yet.
    expect(p.posyandu.map((g) => [g.name, g.rows, g.nearInFile, g.choice])).toEqual([
      ['Kenanga Bru', 1, 'Kenanga Biru', null],
      ['Kenanga Biru', 3, null, null],
      ['Dahlia 5', 1, null, null],
    ])
    expect(p.rows[0]!.problems.map((q) => q.message)).toEqual([
      'Posyandu "Kenanga Bru" tidak ada di daftar Posyandu kantor ini. Maksud Anda "Kenanga Biru" (nama lain di berkas ini, 3 baris)? Pilih "sama dengan Kenanga Biru", atau buat Posyandu baru bila memang berbeda.',
    ])

    // "Sama dengan Kenanga Biru" while Kenanga Biru itself is undecided: still waiting, and said why.
    const half = await previewRosterImport(t.db, input(path, { posyandu: { 'Kenanga Bru': 'sama:Kenanga Biru' } }))
    expect(half.posyandu[0]).toMatchObject({ sameAs: 'Kenanga Biru', choice: null })
    expect(half.rows[0]!.problems.map((q) => q.message)).toEqual(['Baris ini ikut Posyandu "Kenanga Biru", yang belum dipilih. Pilih Posyandu untuk "Kenanga Biru".'])

    const choices = { 'Kenanga Bru': 'sama:Kenanga Biru', 'Kenanga Biru': 'new', 'Dahlia 5': 'new' }
    const both = await previewRosterImport(t.db, input(path, { posyandu: choices }))
    expect(both.posyandu[0]).toMatchObject({ sameAs: 'Kenanga Biru', choice: { kind: 'new' } })
    expect(both.counts).toMatchObject({ new: 5, error: 0 })
    const done = await applyRosterImport(t.db, input(path, { posyandu: choices }))
    expect(done).toMatchObject({ created: 5, posyanduCreated: 2 })
    expect(await posyanduOfKader()).toEqual({ 'Kader 1': 'Kenanga Biru', 'Kader 2': 'Kenanga Biru', 'Kader 3': 'Kenanga Biru', 'Kader 4': 'Kenanga Biru', 'Kader 5': 'Dahlia 5' })
  })

  it('refuses "sama dengan" a name that is not in the file', async () => {
    const path = await roster('sama.xlsx', ['Kenanga Bru'])
    const p = await previewRosterImport(t.db, input(path, { posyandu: { 'Kenanga Bru': 'sama:Kamboja 9' } }))
    expect(p.rows[0]!.problems.map((q) => q.message)).toEqual(['Nama "Kamboja 9" yang dipilih untuk "Kenanga Bru" tidak ada di berkas ini sebagai Posyandu tersendiri. Pilih lagi.'])
  })
})
