// posyandu list: the register with its registration papers, run in-process as a script or a
// person at a terminal would.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { updatePosyandu } from '../../electron/core/features/posyandu/posyandu.service'
import { createPustu } from '../../electron/core/features/posyandu/pustu.service'
import { posyanduInput, pustuInput } from '../../shared/contract'
import { cli } from '../fixtures/cli'
import { makePosyandu, posyanduFields } from '../fixtures/db'

let dir: string
let db: string
const ids: { registered: string; pustu: string; plain: string } = { registered: '', pustu: '', plain: '' }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-posyandu-'))
  db = join(dir, 'kel.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  const open = await openDatabase(db)
  const pustu = await createPustu(open, pustuInput.parse({ villageCode: '36.71.01.1001', name: 'Pustu Sukarasa' }))
  const p = await makePosyandu(open, { name: 'Posyandu Mawar 01', spmFields: ['kesehatan', 'sosial'] })
  const fields = posyanduFields({
    name: 'Posyandu Mawar 01',
    spmFields: ['kesehatan', 'sosial'],
    skNumber: '400.5.7/012/Kel.1001/2024',
    skDate: '2024-02-01',
    registrationStatus: 'terdaftar',
    registeredDate: '2025-05-14',
    pustuId: pustu.id,
  })
  await updatePosyandu(open, { ...posyanduInput.parse(fields), id: p.id })
  const plain = await makePosyandu(open, { name: 'Posyandu Melati 02' })
  await closeDatabase(open)
  Object.assign(ids, { registered: p.id, pustu: pustu.id, plain: plain.id })
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('posyandu list command', () => {
  it('--json gives each Posyandu its id, village, SPM fields, SK, registration, Puskesmas and Pustu', async () => {
    const r = await cli(['posyandu', 'list', '--db', db, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: ids.registered,
        name: 'Posyandu Mawar 01',
        villageCode: '36.71.01.1001',
        spmFields: ['kesehatan', 'sosial'],
        skNumber: '400.5.7/012/Kel.1001/2024',
        skDate: '2024-02-01',
        registrationStatus: 'terdaftar',
        registeredDate: '2025-05-14',
        puskesmasCode: null,
        pustuId: ids.pustu,
      },
      {
        id: ids.plain,
        name: 'Posyandu Melati 02',
        villageCode: '36.71.01.1001',
        spmFields: ['kesehatan'],
        skNumber: null,
        skDate: null,
        registrationStatus: 'belum_terdaftar',
        registeredDate: null,
        puskesmasCode: null,
        pustuId: null,
      },
    ])
  })

  it('prints a readable Indonesian table with the registration in words', async () => {
    const r = await cli(['posyandu', 'list', '--db', db])
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Nama\s+Kelurahan\/Desa\s+Pendaftaran\s+Nomor SK\s+Tanggal SK\s+Puskesmas pembina\s+Pustu$/)
    expect(lines[2]).toMatch(/^Posyandu Mawar 01\s+Sukarasa\s+Terdaftar 14 Mei 2025\s+400\.5\.7\/012\/Kel\.1001\/2024\s+1 Feb 2024\s+-\s+Pustu Sukarasa$/)
    expect(lines[3]).toMatch(/^Posyandu Melati 02\s+Sukarasa\s+Belum terdaftar\s+-\s+-\s+-\s+-$/)
    expect(lines.at(-1)).toBe('2 Posyandu, 1 terdaftar.')
  })
})
