import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { archiveKader } from '../../electron/core/features/kader/kader.service'
import { createPosyandu, getPosyandu, listPosyandu, updatePosyandu } from '../../electron/core/features/posyandu/posyandu.service'
import { parseVersion } from '../../electron/core/sync/hlc'
import { posyanduInput } from '../../shared/contract'
import { createTestDb, errorOf, makeKader, makePosyandu, posyanduFields, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(async () => t.cleanup())

const rowOf = (id: string) => t.db.selectFrom('posyandu').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
describe('posyandu', () => {
  it('needs a set-up office before the first Posyandu', async () => {
    const e = await errorOf(() => makePosyandu(t.db))
    expect(e.code).toBe('not_set_up')
  })

  it('creates a Posyandu with its village name, fields and no kader yet', async () => {
    const site = await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db, { rw: '3', spmFields: ['sosial', 'kesehatan'] })
    expect(p).toMatchObject({
      name: 'Posyandu Melati 01',
      villageCode: '36.71.01.1001',
      villageName: 'Sukarasa',
      rw: '003',
      address: 'Jl. Masjid No. 3',
      spmFields: ['kesehatan', 'sosial'],
      active: true,
      activeKaderCount: 0,
    })
    const row = await rowOf(p.id)
    expect(row).toMatchObject({ site_id: site.id, deleted: 0, field_versions: '{}' })
    expect(parseVersion(row.version).siteId).toBe(site.id)
    expect(p.createdAt).toBe(p.updatedAt)
  })

  it('refuses a village that is not in the Kemendagri list', async () => {
    await setUpKelurahan(t.db)
    const e = await errorOf(() => makePosyandu(t.db, { villageCode: '36.71.01.1999' }))
    expect(e.code).toBe('unknown_area')
  })

  it('updates only what changed, with a newer version recorded for those fields alone', async () => {
    await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db)
    const before = await rowOf(p.id)
    const updated = await updatePosyandu(t.db, { ...posyanduInput.parse(posyanduFields({ schedule: 'Setiap Rabu', active: false })), id: p.id })
    expect(updated).toMatchObject({ schedule: 'Setiap Rabu', active: false, name: p.name })
    const after = await rowOf(p.id)
    expect(after.version > before.version).toBe(true)
    expect(columnVersions(after.field_versions)).toEqual({ schedule: after.version, active: after.version })
    expect(after.created_at).toBe(before.created_at)
  })

  it('keeps the version when an update changes nothing', async () => {
    await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db)
    const before = await rowOf(p.id)
    await updatePosyandu(t.db, { ...posyanduInput.parse(posyanduFields()), id: p.id })
    expect((await rowOf(p.id)).version).toBe(before.version)
  })

  it('records a move to another village with that village name', async () => {
    await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db)
    const moved = await updatePosyandu(t.db, { ...posyanduInput.parse(posyanduFields({ villageCode: '36.71.01.1002' })), id: p.id })
    expect(moved.villageCode).toBe('36.71.01.1002')
    expect(moved.villageName).not.toBe('Sukarasa')
    expect(Object.keys(columnVersions((await rowOf(p.id)).field_versions)).sort()).toEqual(['village_code', 'village_name'])
  })

  it('says a Posyandu that does not exist was not found', async () => {
    await setUpKelurahan(t.db)
    const id = '01a2084a-6b83-754d-b142-4421af1ad240'
    expect(await errorOf(() => getPosyandu(t.db, { id }))).toMatchObject({ code: 'not_found', message: expect.stringMatching(/tidak ditemukan/) })
    expect((await errorOf(() => updatePosyandu(t.db, { ...posyanduInput.parse(posyanduFields()), id }))).code).toBe('not_found')
  })

  it('lists Posyandu by name with their active, non-archived kader counted', async () => {
    await setUpKelurahan(t.db)
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const anggrek = await makePosyandu(t.db, { name: 'posyandu Anggrek 02' })
    const tutup = await makePosyandu(t.db, { name: 'Posyandu Dahlia 03', active: false })
    await makeKader(t.db, melati.id)
    await makeKader(t.db, melati.id, { status: 'nonaktif' })
    const archived = await makeKader(t.db, melati.id)
    await archiveKader(t.db, { id: archived.kader.id })
    await makeKader(t.db, anggrek.id)
    await makeKader(t.db, anggrek.id)

    const all = await listPosyandu(t.db, { includeInactive: true })
    expect(all.map((p) => [p.id, p.activeKaderCount])).toEqual([
      [anggrek.id, 2],
      [tutup.id, 0],
      [melati.id, 1],
    ])
    const open = await listPosyandu(t.db, { includeInactive: false })
    expect(open.map((p) => p.id)).toEqual([anggrek.id, melati.id])
    expect((await getPosyandu(t.db, { id: melati.id })).activeKaderCount).toBe(1)
  })

  it('creates each Posyandu in its own transaction, so a refused one leaves nothing behind', async () => {
    await setUpKelurahan(t.db)
    await errorOf(() => createPosyandu(t.db, posyanduInput.parse(posyanduFields({ villageCode: '36.71.01.1999' }))))
    expect(await listPosyandu(t.db, { includeInactive: true })).toEqual([])
  })
})
