import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AREA_SOURCE,
  areaPath,
  childAreas,
  defaultAreaDataDir,
  ensureAreas,
  getArea,
  searchAreas,
} from '../../electron/core/features/area/area.service'
import { contract, type Input } from '../../shared/contract'
import { createTestDb, errorOf, type TestDb } from '../fixtures/db'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(async () => t.cleanup())

const search = (input: Input<'area:search'>) => searchAreas(t.db, contract['area:search'].input.parse(input))
const count = async (level: number) =>
  Number((await t.db.selectFrom('area').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', level as 1).executeTakeFirstOrThrow()).n)

describe('ensureAreas', () => {
  it('loads every province, regency, kecamatan and kelurahan/desa of idn-area-data', async () => {
    expect(await count(1)).toBe(38)
    expect(await count(2)).toBe(514)
    expect(await count(3)).toBeGreaterThan(7000)
    expect(await count(4)).toBeGreaterThan(80_000)
    const meta = await t.db.selectFrom('meta').select('value').where('key', '=', 'area_source').executeTakeFirstOrThrow()
    expect(meta.value).toBe(AREA_SOURCE)
    expect(AREA_SOURCE).toMatch(/^idn-area-data@\d+\.\d+\.\d+$/)
  })

  it('links each area to its parent and keeps a lower-case name for search', async () => {
    const row = await t.db.selectFrom('area').selectAll().where('code', '=', '36.71.01.1001').executeTakeFirstOrThrow()
    expect(row).toEqual({ code: '36.71.01.1001', name: 'Sukarasa', level: 4, parent_code: '36.71.01', name_search: 'sukarasa' })
    const orphans = await t.db
      .selectFrom('area as a')
      .leftJoin('area as p', 'p.code', 'a.parent_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.level', '>', 1)
      .where('p.code', 'is', null)
      .executeTakeFirstOrThrow()
    expect(Number(orphans.n)).toBe(0)
  })

  it('does nothing when the same version is already loaded', async () => {
    expect(await ensureAreas(t.db)).toEqual({ loaded: false, count: 0 })
  })

  it('reloads the list in one go when the bundled version changes', async () => {
    await t.db.updateTable('meta').set({ value: 'idn-area-data@0.0.1' }).where('key', '=', 'area_source').execute()
    await t.db.deleteFrom('area').where('level', '=', 4).where('code', 'like', '36.71.%').execute()
    const result = await ensureAreas(t.db)
    expect(result.loaded).toBe(true)
    expect(result.count).toBeGreaterThan(90_000)
    expect((await getArea(t.db, { code: '36.71.01.1001' })).name).toBe('Sukarasa')
  })
})

describe('ensureAreas from a copy of the data folder (the packaged app)', () => {
  it('reads the CSV files copied beside the app the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'simpul-areas-'))
    try {
      for (const f of ['provinces', 'regencies', 'districts', 'villages']) {
        copyFileSync(join(defaultAreaDataDir(), `${f}.csv`), join(dir, `${f}.csv`))
      }
      await t.db.updateTable('meta').set({ value: 'idn-area-data@0.0.1' }).where('key', '=', 'area_source').execute()
      const result = await ensureAreas(t.db, dir)
      expect(result.loaded).toBe(true)
      expect(result.count).toBeGreaterThan(90_000)
      expect((await getArea(t.db, { code: '36.71' })).name).toBe('Kota Tangerang')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a missing data folder in Indonesian and keeps the list it had', async () => {
    await t.db.updateTable('meta').set({ value: 'idn-area-data@0.0.1' }).where('key', '=', 'area_source').execute()
    const dir = mkdtempSync(join(tmpdir(), 'simpul-areas-empty-'))
    try {
      for (const f of ['provinces', 'regencies', 'districts', 'villages']) writeFileSync(join(dir, `${f}.csv`), 'code,name\n')
      const error = await errorOf(() => ensureAreas(t.db, dir))
      expect(error.message).toMatch(/Pasang ulang Simpul Posyandu/)
      expect((await getArea(t.db, { code: '36.71.01.1001' })).name).toBe('Sukarasa')
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await ensureAreas(t.db)
    }
  })
})

describe('area paths', () => {
  it('names a kelurahan with its kecamatan, kota and province', async () => {
    expect(await areaPath(t.db, '36.71.01.1001')).toBe('Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten')
  })

  it('names a desa as "Desa" and a kabupaten by its own name', async () => {
    const desa = (await childAreas(t.db, { parentCode: '36.03.01' })).find((a) => a.code.split('.')[3]!.startsWith('2'))
    expect(desa!.path).toMatch(/^Desa .+, Kec\. .+, Kabupaten Tangerang, Banten$/)
  })

  it('names a desa adat (village number 3…) as "Desa" too', async () => {
    expect(await areaPath(t.db, '91.03.01.3007')).toMatch(/^Desa .+, Kec\. /)
  })

  it('is empty for an unknown code', async () => {
    expect(await areaPath(t.db, '99.99.99.9999')).toBe('')
  })
})

describe('getArea', () => {
  it('returns the area with its parent and path', async () => {
    expect(await getArea(t.db, { code: '36.71' })).toEqual({
      code: '36.71',
      name: 'Kota Tangerang',
      level: 2,
      parentCode: '36',
      path: 'Kota Tangerang, Banten',
      parentPath: 'Banten',
    })
    expect((await getArea(t.db, { code: '36' })).parentCode).toBeNull()
  })

  it('refuses a code that is not in the Kemendagri list', async () => {
    const e = await errorOf(() => getArea(t.db, { code: '36.71.99' }))
    expect(e).toMatchObject({ code: 'unknown_area', message: 'Kode wilayah 36.71.99 tidak ada dalam daftar wilayah Kemendagri.' })
  })
})

describe('childAreas', () => {
  it('lists the 38 provinces when there is no parent', async () => {
    const provinces = await childAreas(t.db, { parentCode: null })
    expect(provinces).toHaveLength(38)
    expect(provinces.every((p) => p.level === 1 && p.parentCode === null)).toBe(true)
    expect(provinces.map((p) => p.name)).toContain('Banten')
  })

  it('lists the kecamatan of a kota, sorted by name', async () => {
    const kecamatan = await childAreas(t.db, { parentCode: '36.71' })
    expect(kecamatan).toHaveLength(13)
    const names = kecamatan.map((k) => k.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    expect(kecamatan.find((k) => k.code === '36.71.01')?.path).toBe('Kec. Tangerang, Kota Tangerang, Banten')
  })
})

describe('searchAreas', () => {
  it('finds an area by part of its name, whatever the case', async () => {
    const hits = await search({ query: 'SUKARA', withinCode: '36' })
    expect(hits.map((h) => h.code)).toContain('36.71.01.1001')
    expect(hits.find((h) => h.code === '36.71.01.1001')!.path).toBe('Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten')
  })

  it('puts the exact name first, then names that start with the query', async () => {
    const hits = await search({ query: 'tangerang', limit: 50 })
    expect(hits[0]!.name.toLowerCase()).toBe('tangerang')
    const firstContains = hits.findIndex((h) => !h.name.toLowerCase().startsWith('tangerang'))
    const lastPrefix = hits.map((h) => h.name.toLowerCase().startsWith('tangerang')).lastIndexOf(true)
    if (firstContains !== -1) expect(lastPrefix).toBeLessThan(firstContains)
  })

  it('finds by code with or without dots', async () => {
    expect((await search({ query: '3671011001' }))[0]!.code).toBe('36.71.01.1001')
    const byPrefix = await search({ query: '36.71.01', limit: 50 })
    expect(byPrefix[0]!.code).toBe('36.71.01')
    expect(byPrefix.slice(1).every((a) => a.code.startsWith('36.71.01.'))).toBe(true)
    expect((await search({ query: '367101' }))[0]!.code).toBe('36.71.01')
  })

  it('filters by level', async () => {
    const hits = await search({ query: 'tangerang', level: 3 })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.level === 3)).toBe(true)
  })

  it('reads "kel." and "kecamatan" in the query as the level', async () => {
    const kel = await search({ query: 'kel. sukarasa', limit: 50 })
    expect(kel.map((h) => h.code)).toContain('36.71.01.1001')
    expect(kel.every((h) => h.level === 4 && h.path.startsWith('Kel. '))).toBe(true)
    const desa = await search({ query: 'desa sukarasa', limit: 50 })
    expect(desa.length).toBeGreaterThan(0)
    expect(desa.every((h) => h.path.startsWith('Desa '))).toBe(true)
    const kec = await search({ query: 'kecamatan tangerang' })
    expect(kec.every((h) => h.level === 3)).toBe(true)
  })

  it('searches only under an area when asked', async () => {
    const hits = await search({ query: 'a', withinCode: '36.71.01', limit: 50 })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.code.startsWith('36.71.01.'))).toBe(true)
  })

  it('tells the eight villages called Sukarasa apart by the areas above them', async () => {
    const hits = await search({ query: 'Sukarasa', level: 4, limit: 20 })
    expect(hits).toHaveLength(8)
    expect(hits.every((h) => h.name === 'Sukarasa')).toBe(true)
    expect(new Set(hits.map((h) => h.parentPath)).size).toBe(8)
    expect(hits.find((h) => h.code === '36.71.01.1001')!.parentPath).toBe('Kec. Tangerang, Kota Tangerang, Banten')
  })

  it('matches every typed word across the village, kecamatan, kota/kabupaten and province names', async () => {
    const hits = await search({ query: 'Sukarasa Tangerang', level: 4, limit: 20 })
    expect(hits[0]!.code).toBe('36.71.01.1001')
    // The other Sukarasa villages follow (fewer words found), never before it.
    expect(hits.slice(1).map((h) => h.name)).toEqual(Array(7).fill('Sukarasa'))
    expect((await search({ query: 'sukarasa banten', level: 4 }))[0]!.code).toBe('36.71.01.1001')
    expect((await search({ query: 'Sukarasa, Kota Tangerang', level: 4 }))[0]!.code).toBe('36.71.01.1001')
    expect((await search({ query: 'sukarasa kec. tangerang', level: 4 }))[0]!.code).toBe('36.71.01.1001')
    // A Sukarasa in Jawa Barat when the person names that province.
    expect((await search({ query: 'sukarasa jawa barat', level: 4 }))[0]!.code).toMatch(/^32\./)
  })

  it('ranks the exact village name before a name that only contains the word', async () => {
    const hits = await search({ query: 'tangerang sukarasa', level: 4, limit: 20 })
    expect(hits[0]!.code).toBe('36.71.01.1001')
    const kec = await search({ query: 'Tangerang Kota Tangerang', level: 3 })
    expect(kec[0]!.code).toBe('36.71.01')
  })

  it('finds nothing for wildcards alone and respects the limit', async () => {
    expect(await search({ query: '%%' })).toEqual([])
    expect(await search({ query: 'sari', limit: 5 })).toHaveLength(5)
  })
})
