import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import {
  DEFAULT_VERSION,
  createOpd,
  defaultOpdId,
  ensureOpds,
  listOpd,
  updateOpd,
} from '../../electron/core/features/opd/opd.service'
import { contract, opdInput, type Input } from '../../shared/contract'
import { DEFAULT_OPDS } from '../../shared/domain/meeting'
import { createTestDb, errorOf, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(async () => t.cleanup())

const create = (fields: Partial<Input<'opd:create'>> = {}) => createOpd(t.db, opdInput.parse({ name: 'Kecamatan Tangerang', ...fields }))
const update = (id: string, fields: Input<'opd:create'>) => updateOpd(t.db, { ...opdInput.parse(fields), id })
const opdRow = (id: string) => t.db.selectFrom('opd').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const dinkesId = defaultOpdId('dinkes')

describe('default OPD', () => {
  it('are seeded at open, in the usual order, active, with their SPM fields', async () => {
    const list = await listOpd(t.db, { includeInactive: false })
    expect(list.map((o) => o.name)).toEqual(DEFAULT_OPDS.map((o) => o.name))
    expect(list[0]).toEqual({ id: dinkesId, name: 'Dinas Kesehatan / Puskesmas', spmFields: ['kesehatan'], active: true })
    const row = await opdRow(dinkesId)
    expect(row).toMatchObject({ code: 'dinkes', site_id: 'default', version: '0000000000000:0000:default', field_versions: '{}', deleted: 0, created_at: '1970-01-01T00:00:00.000Z' })
  })

  it('have ids derived from their code only: RFC 9562 version 8 UUIDs the contract accepts', async () => {
    const digest = createHash('sha256').update('opd:dinkes').digest('hex')
    // Version nibble 8, variant bits 10; the rest is the digest's first 16 bytes.
    expect(dinkesId.replace(/-/g, '').slice(0, 12)).toBe(digest.slice(0, 12))
    expect(dinkesId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const ids = DEFAULT_OPDS.map((o) => defaultOpdId(o.code))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(contract['opd:update'].input.safeParse({ id, name: 'x' }).success).toBe(true)
  })

  it('get the same ids in two databases seeded independently (one record when offices meet)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'simpul-opd-'))
    const other = await openDatabase(join(dir, 'other.sqlite'))
    try {
      const ours = await t.db.selectFrom('opd').select(['id', 'code']).orderBy('id').execute()
      const theirs = await other.selectFrom('opd').select(['id', 'code']).orderBy('id').execute()
      expect(theirs).toEqual(ours)
      expect(ours).toHaveLength(DEFAULT_OPDS.length)
    } finally {
      await closeDatabase(other)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('are seeded only once: reopening, or an office that retired every default, adds nothing', async () => {
    await ensureOpds(t.db)
    expect(await t.db.selectFrom('opd').select('id').execute()).toHaveLength(DEFAULT_OPDS.length)
    await t.db.updateTable('opd').set({ active: 0 }).execute()
    await ensureOpds(t.db)
    expect(await t.db.selectFrom('opd').select('id').execute()).toHaveLength(DEFAULT_OPDS.length)
    expect(await listOpd(t.db, { includeInactive: false })).toEqual([])
  })

  it('are seeded into an empty table', async () => {
    await t.db.deleteFrom('opd').execute()
    await ensureOpds(t.db)
    expect((await listOpd(t.db, { includeInactive: false })).map((o) => o.id)).toEqual(DEFAULT_OPDS.map((o) => defaultOpdId(o.code)))
  })
})

describe('createOpd', () => {
  it('needs the office set up', async () => {
    expect((await errorOf(() => create())).code).toBe('not_set_up')
  })

  it('adds an OPD after the defaults, the office’s own sorted by name', async () => {
    await setUpKelurahan(t.db)
    const kec = await create({ name: 'Kecamatan Tangerang', spmFields: ['sosial', 'kesehatan'] })
    const bank = await create({ name: 'bank sampah induk' })
    expect(kec).toMatchObject({ name: 'Kecamatan Tangerang', spmFields: ['kesehatan', 'sosial'], active: true })
    const list = await listOpd(t.db, { includeInactive: false })
    expect(list.slice(-2).map((o) => o.id)).toEqual([bank.id, kec.id])
    expect(list.slice(0, DEFAULT_OPDS.length).map((o) => o.name)).toEqual(DEFAULT_OPDS.map((o) => o.name))
    const row = await opdRow(kec.id)
    expect(row.code).toBeNull()
    expect(row.site_id).not.toBe('default')
    expect(row.version > DEFAULT_VERSION).toBe(true)
  })

  it('refuses a name an active OPD already has, whatever the case and spacing', async () => {
    await setUpKelurahan(t.db)
    const e = await errorOf(() => create({ name: '  dinas   SOSIAL ' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'name' })
    expect(e.message).toContain('Sudah ada OPD bernama "Dinas Sosial"')
    expect(await t.db.selectFrom('opd').select('id').execute()).toHaveLength(DEFAULT_OPDS.length)
  })

  it('allows the name of an inactive OPD, and then refuses to make the old one active again', async () => {
    await setUpKelurahan(t.db)
    const dinsosId = defaultOpdId('dinsos')
    await update(dinsosId, { name: 'Dinas Sosial', spmFields: ['sosial'], active: false })
    const fresh = await create({ name: 'Dinas Sosial', spmFields: ['sosial'] })
    expect(fresh.active).toBe(true)
    const e = await errorOf(() => update(dinsosId, { name: 'Dinas Sosial', spmFields: ['sosial'], active: true }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'name' })
  })
})

describe('updateOpd', () => {
  it('renames a default: a newer version, field_versions only for what changed', async () => {
    await setUpKelurahan(t.db)
    const o = await update(dinkesId, { name: 'Dinas Kesehatan Kota Tangerang', spmFields: ['kesehatan'], active: true })
    expect(o).toEqual({ id: dinkesId, name: 'Dinas Kesehatan Kota Tangerang', spmFields: ['kesehatan'], active: true })
    const row = await opdRow(dinkesId)
    expect(row.version > DEFAULT_VERSION).toBe(true)
    expect(columnVersions(row.field_versions)).toEqual({ name: row.version })
    // The default keeps its place at the top of the list under its new name.
    expect((await listOpd(t.db, { includeInactive: false }))[0]!.name).toBe('Dinas Kesehatan Kota Tangerang')
  })

  it('changes nothing when nothing changed', async () => {
    await setUpKelurahan(t.db)
    await update(dinkesId, { name: 'Dinas Kesehatan / Puskesmas', spmFields: ['kesehatan'], active: true })
    expect(await opdRow(dinkesId)).toMatchObject({ version: DEFAULT_VERSION, field_versions: '{}' })
  })

  it('makes an OPD inactive instead of deleting it: hidden from the choice, still listed on request', async () => {
    await setUpKelurahan(t.db)
    const bpbd = defaultOpdId('bpbd')
    const o = await update(bpbd, { name: 'BPBD', spmFields: ['trantibumlinmas'], active: false })
    expect(o.active).toBe(false)
    expect((await listOpd(t.db, { includeInactive: false })).map((x) => x.id)).not.toContain(bpbd)
    const all = await listOpd(t.db, { includeInactive: true })
    expect(all.find((x) => x.id === bpbd)).toMatchObject({ active: false })
    expect(all).toHaveLength(DEFAULT_OPDS.length)
    const row = await opdRow(bpbd)
    expect(row.deleted).toBe(0)
    expect(columnVersions(row.field_versions)).toEqual({ active: row.version })
  })

  it('refuses renaming to another active OPD’s name', async () => {
    await setUpKelurahan(t.db)
    const e = await errorOf(() => update(defaultOpdId('bpbd'), { name: 'satpol pp', spmFields: [], active: true }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'name' })
    expect((await opdRow(defaultOpdId('bpbd'))).name).toBe('BPBD')
  })

  it('says not_found for an unknown OPD', async () => {
    await setUpKelurahan(t.db)
    const e = await errorOf(() => update('0190a000-0000-7000-8000-000000000000', { name: 'Dinas X', spmFields: [], active: true }))
    expect(e.code).toBe('not_found')
  })
})
