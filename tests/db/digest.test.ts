import { sql, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { REPLICATED_TABLES, replicatedDigest } from '../../electron/core/sync/digest'
import { recomputeCompetencies } from '../../electron/core/features/competency/competency.service'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { rebuildSearchIndex } from '../../electron/core/features/search/search.service'
import { setSettings } from '../../electron/core/features/settings/settings.service'
import type { Db } from '../../electron/core/db/schema'
import { cli } from '../fixtures/cli'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

const open: TestDb[] = []
async function office(name: string): Promise<TestDb> {
  const t = await createTestDb()
  open.push(t)
  await setUpKelurahan(t.db, '36.71.01.1001', name)
  return t
}
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
})

/** Copies every replicated row from one database to another, as a complete paket would. */
async function copyRecords(from: Db, to: Db) {
  for (const table of REPLICATED_TABLES) {
    const rows = await (from as Kysely<any>).selectFrom(table).selectAll().execute()
    await (to as Kysely<any>).deleteFrom(table).execute()
    for (let i = 0; i < rows.length; i += 200) await (to as Kysely<any>).insertInto(table).values(rows.slice(i, i + 200)).execute()
  }
}

describe('db digest', () => {
  it('is the same for two installations holding the same records, whatever their own site', async () => {
    const a = await office('Kantor A')
    const b = await office('Kantor B')
    await generateDemo(a.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 5, seed: 4 })
    const da = await replicatedDigest(a.db)
    expect(da.records).toBeGreaterThan(100)
    expect((await replicatedDigest(b.db)).digest).not.toBe(da.digest)

    await b.db.transaction().execute(async (trx) => {
      await copyRecords(a.db, trx)
      await recomputeCompetencies(trx, 'all')
    })
    await rebuildSearchIndex(b.db)
    await setSettings(b.db, { minKaderPerPosyandu: 9 })
    expect(await replicatedDigest(b.db)).toEqual(da)
    const [siteA, siteB] = [await a.db.selectFrom('site').select('id').executeTakeFirstOrThrow(), await b.db.selectFrom('site').select('id').executeTakeFirstOrThrow()]
    expect(siteA.id).not.toBe(siteB.id)
  })

  it('changes when one field of one record changes', async () => {
    const a = await office('Kantor A')
    await generateDemo(a.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 1, kaderPerPosyandu: 3, seed: 4 })
    const before = await replicatedDigest(a.db)
    const k = await a.db.selectFrom('kader').select('id').executeTakeFirstOrThrow()
    await a.db.updateTable('kader').set({ phone: '+6281200000000' }).where('id', '=', k.id).execute()
    const after = await replicatedDigest(a.db)
    expect(after.records).toBe(before.records)
    expect(after.digest).not.toBe(before.digest)
  })

  it('covers every table that carries the replicated columns, and no other', async () => {
    const a = await office('Kantor A')
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(a.db)
    const replicated: string[] = []
    for (const { name } of tables.rows) {
      const cols = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(a.db)
      const names = new Set(cols.rows.map((c) => c.name))
      if (['site_id', 'version', 'field_versions', 'deleted'].every((c) => names.has(c))) replicated.push(name)
    }
    expect(replicated.sort()).toEqual([...REPLICATED_TABLES].sort())
  })
})

describe('the db digest command', () => {
  it('prints one line: the SHA-256 of the replicated records', async () => {
    const a = await office('Kantor A')
    // The test's own connection stays open: the file is in WAL mode, as when the app is running.
    const expected = (await replicatedDigest(a.db)).digest
    const r = await cli(['db', 'digest', '--db', a.file])
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
    expect(r.stdout).toBe(`${expected}\n`)
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
  })
})
