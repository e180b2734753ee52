// riwayat: a kader's history of changes, run in-process as a script or a support person would.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kaderInput, type RiwayatEntry } from '../../shared/contract'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { updateKader } from '../../electron/core/features/kader/kader.service'
import { setSettings } from '../../electron/core/features/settings/settings.service'
import { cli } from '../fixtures/cli'
import { kaderFields, makeKader, makePosyandu } from '../fixtures/db'

let dir: string
let db: string
let kader: { id: string; nik: string }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-riwayat-'))
  db = join(dir, 'kel.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  const open = await openDatabase(db)
  const p = await makePosyandu(open, { name: 'Mawar' })
  const k = (await makeKader(open, p.id, { name: 'Siti Aminah', phone: '0812-1111-1111' })).kader
  await setSettings(open, { officerName: 'Bu Rina' })
  await updateKader(open, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Siti Aminah', phone: '0812-2222-2222' })), id: k.id })
  await closeDatabase(open)
  kader = { id: k.id, nik: k.nik }
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('riwayat command', () => {
  it('--json lists the changes newest first with at, office, field, from, to and source, ending with the creation', async () => {
    const r = await cli(['riwayat', '--db', db, '--kader', kader.id, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const list = JSON.parse(r.stdout) as RiwayatEntry[]
    expect(list.map((e) => [e.field, e.from, e.to, e.source])).toEqual([
      ['phone', '0812-1111-1111', '0812-2222-2222', 'di-sini'],
      ['dibuat', null, null, 'di-sini'],
    ])
    for (const e of list) expect(Object.keys(e)).toEqual(expect.arrayContaining(['at', 'office', 'field', 'from', 'to', 'source']))
    expect(list[0]!.person).toBe('Bu Rina')
    // The same kader found by NIK, written with the separators people type.
    const byNik = await cli(['riwayat', '--db', db, '--nik', `${kader.nik.slice(0, 6)} ${kader.nik.slice(6)}`, '--json'])
    expect(JSON.parse(byNik.stdout)).toEqual(list)
  })

  it('prints a readable Indonesian table', async () => {
    const r = await cli(['riwayat', '--db', db, '--nik', kader.nik])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe('Riwayat perubahan Siti Aminah, terbaru di atas:')
    expect(lines[2]).toMatch(/^Waktu\s+Kantor\/petugas\s+Kolom\s+Sebelumnya\s+Menjadi\s+Sumber$/)
    expect(lines[4]).toMatch(/WIB\s+Kantor Kelurahan Sukarasa \(kantor ini\) · Bu Rina\s+Nomor HP\s+0812-1111-1111\s+0812-2222-2222\s+Diketik di sini$/)
    expect(lines[5]).toMatch(/Dibuat\s+Diketik di sini$/)
  })

  it('says in one line when the kader is not there, the NIK is malformed or no kader is named', async () => {
    const unknownId = await cli(['riwayat', '--db', db, '--kader', 'no-such-id'])
    expect(unknownId.code).toBe(1)
    expect(unknownId.stderr).toMatch(/^Tidak ada kader dengan pengenal no-such-id di basis data ini\..*\n$/)
    const unknownNik = await cli(['riwayat', '--db', db, '--nik', '3671015204859999'])
    expect(unknownNik).toMatchObject({ code: 1, stdout: '' })
    expect(unknownNik.stderr).toBe('Tidak ada kader dengan NIK 367101******9999 di basis data ini.\n')
    const bad = await cli(['riwayat', '--db', db, '--nik', '12345'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/bukan 16 angka/)
    const none = await cli(['riwayat', '--db', db])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/--kader PENGENAL atau --nik NIK/)
    for (const r of [unknownId, unknownNik, bad, none]) expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
