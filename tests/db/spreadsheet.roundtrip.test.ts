// The round trip issue 7 asks for: a kelurahan's roster exported to Excel (full NIK) and imported
// into an empty office of the same kelurahan gives the same kader, in the same Posyandu; the same
// file imported again changes nothing.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { exportXlsx } from '../../electron/core/features/ekspor/ekspor.service'
import { applyRosterImport, previewRosterImport } from '../../electron/core/features/kader-impor/kader-impor.service'
import type { Db } from '../../electron/core/db/schema'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { exportInput, kaderImportInput } from '../../shared/contract'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

const open: TestDb[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Every kader as the roster shows them: what must survive the trip. */
async function roster(db: Db) {
  const rows = await db
    .selectFrom('kader as k')
    .innerJoin('posyandu as p', 'p.id', 'k.posyandu_id')
    .select(['k.nik', 'k.name', 'k.sex', 'k.birth_place', 'k.birth_date', 'k.phone', 'k.address', 'k.rt', 'k.rw', 'k.role', 'k.education', 'k.status', 'k.sk_number', 'k.sk_date', 'k.notes', 'p.name as posyandu'])
    .where('k.deleted', '=', 0)
    .orderBy('k.nik')
    .execute()
  return rows
}

describe('roster round trip', () => {
  it('export with full NIK, import into an empty office of the same kelurahan: the same kader', async () => {
    const source = await createTestDb()
    const target = await createTestDb()
    open.push(source, target)
    await setUpKelurahan(source.db)
    await setUpKelurahan(target.db)
    await generateDemo(source.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 4, kaderPerPosyandu: 9, seed: 7 })
    const folder = mkdtempSync(join(tmpdir(), 'simpul-roundtrip-'))
    dirs.push(folder)

    const out = await exportXlsx(source.db, exportInput.parse({ what: 'roster', folder, fullNik: true }))
    expect(out.rows).toBe(36)
    // The register is empty: no Posyandu name matches, so every row waits for the person's choice.
    const first = await previewRosterImport(target.db, kaderImportInput.parse({ path: out.path }))
    expect(first.posyandu.map((p) => p.choice)).toEqual([null, null, null, null])
    expect(first.counts).toMatchObject({ new: 0, error: 36 })
    // They choose "create" for each: every row is then good.
    const posyandu = Object.fromEntries(first.posyandu.map((p) => [p.name, 'new' as const]))
    const preview = await previewRosterImport(target.db, kaderImportInput.parse({ path: out.path, posyandu }))
    expect(preview.counts).toMatchObject({ new: 36, update: 0, error: 0 })
    const done = await applyRosterImport(target.db, kaderImportInput.parse({ path: out.path, posyandu }))
    expect(done).toMatchObject({ created: 36, updated: 0, skipped: 0, posyanduCreated: 4, errorReport: null })
    expect(await roster(target.db)).toEqual(await roster(source.db))

    // Again: matched by NIK, nothing changes.
    const before = await replicatedDigest(target.db)
    const again = await applyRosterImport(target.db, kaderImportInput.parse({ path: out.path, posyandu }))
    expect(again).toMatchObject({ created: 0, updated: 36, posyanduCreated: 0 })
    expect(await replicatedDigest(target.db)).toEqual(before)
  })
})
