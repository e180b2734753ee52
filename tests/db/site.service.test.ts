import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getSite, listSiteVillages, requireSite, setupSite } from '../../electron/core/features/site/site.service'
import { parseClock } from '../../electron/core/sync/hlc'
import { uuidv7Time } from '../../electron/core/sync/uuid'
import { siteSetupInput, type Input } from '../../shared/contract'
import { createTestDb, errorOf, setUpKelurahan, type TestDb } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(async () => t.cleanup())

const setup = (input: Input<'site:setup'>) => setupSite(t.db, siteSetupInput.parse(input))

describe('site setup', () => {
  it('has no office before the first-run setup, and says what to do when one is needed', async () => {
    expect(await getSite(t.db)).toBeNull()
    const e = await errorOf(() => requireSite(t.db))
    expect(e.code).toBe('not_set_up')
    expect(e.message).toMatch(/belum disiapkan/)
  })

  it('sets up a kelurahan office with its area name and path', async () => {
    const before = Date.now()
    const site = await setUpKelurahan(t.db)
    expect(site).toMatchObject({
      level: 'kelurahan',
      areaCode: '36.71.01.1001',
      areaName: 'Sukarasa',
      areaPath: 'Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten',
      name: 'Kantor Kelurahan Sukarasa',
      coveredVillages: [],
    })
    expect(uuidv7Time(site.id)).toBeGreaterThanOrEqual(before)
    expect(await getSite(t.db)).toEqual(site)
    const row = await requireSite(t.db)
    expect(parseClock(row.clock).ms).toBeGreaterThanOrEqual(before)
  })

  it('refuses a second setup: the office identity cannot be replaced', async () => {
    await setUpKelurahan(t.db)
    const e = await errorOf(() => setup({ level: 'kota', areaCode: '36.71', name: 'Dinkes' }))
    expect(e.code).toBe('already_set_up')
    expect((await getSite(t.db))!.level).toBe('kelurahan')
  })

  it('refuses an area code that is not in the Kemendagri list', async () => {
    const e = await errorOf(() => setup({ level: 'kelurahan', areaCode: '36.71.01.1999', name: 'Kantor' }))
    expect(e).toMatchObject({ code: 'unknown_area', message: expect.stringContaining('36.71.01.1999') })
    expect(await getSite(t.db)).toBeNull()
  })

  it('refuses an area of the wrong level and says which kind to pick', async () => {
    const e = await errorOf(() => setup({ level: 'kelurahan', areaCode: '36.71.01', name: 'Kantor' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'areaCode' })
    expect(e.message).toMatch(/kelurahan\/desa/)
    const kota = await errorOf(() => setup({ level: 'kota', areaCode: '36', name: 'Dinkes' }))
    expect(kota.message).toMatch(/kota\/kabupaten/)
  })

  it('sets up a Puskesmas in a kecamatan with the villages it covers', async () => {
    const site = await setup({
      level: 'puskesmas',
      areaCode: '36.71.01',
      name: 'Puskesmas Tangerang',
      coveredVillageCodes: ['36.71.01.1001', '36.71.01.1002', '36.71.01.1001'],
    })
    expect(site.level).toBe('puskesmas')
    expect(site.coveredVillages.map((v) => v.code).sort()).toEqual(['36.71.01.1001', '36.71.01.1002'])
    expect(site.coveredVillages[0]!.path).toMatch(/^Kel\. .+, Kec\. Tangerang, Kota Tangerang, Banten$/)
    expect((await listSiteVillages(t.db)).map((v) => v.code).sort()).toEqual(['36.71.01.1001', '36.71.01.1002'])
  })

  it('refuses a Puskesmas without covered villages', async () => {
    const e = await errorOf(() => setup({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'coveredVillageCodes' })
  })

  it('refuses a covered village outside the Puskesmas kecamatan, naming both', async () => {
    const e = await errorOf(() =>
      setup({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: ['36.71.02.1001'] }),
    )
    expect(e).toMatchObject({ code: 'invalid_input', field: 'coveredVillageCodes' })
    expect(e.message).toMatch(/tidak berada di Kec\. Tangerang/)
    expect(await getSite(t.db)).toBeNull()
  })

  it('refuses an unknown covered village', async () => {
    const e = await errorOf(() =>
      setup({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: ['36.71.01.1999'] }),
    )
    expect(e.code).toBe('unknown_area')
  })

  it('ignores covered villages for offices other than a Puskesmas', async () => {
    const site = await setup({ level: 'kecamatan', areaCode: '36.71.01', name: 'Kantor Kecamatan', coveredVillageCodes: ['36.71.01.1001'] })
    expect(site.coveredVillages).toEqual([])
    expect(await t.db.selectFrom('site_village').selectAll().execute()).toEqual([])
  })
})

describe('listSiteVillages', () => {
  it('needs a set-up office', async () => {
    expect((await errorOf(() => listSiteVillages(t.db))).code).toBe('not_set_up')
  })

  it('gives a kelurahan office its own village', async () => {
    await setUpKelurahan(t.db)
    expect((await listSiteVillages(t.db)).map((v) => v.code)).toEqual(['36.71.01.1001'])
  })

  it('gives a kecamatan office every village of the kecamatan, sorted by name', async () => {
    await setup({ level: 'kecamatan', areaCode: '36.71.01', name: 'Kantor Kecamatan Tangerang' })
    const villages = await listSiteVillages(t.db)
    expect(villages.length).toBeGreaterThanOrEqual(8)
    expect(villages.every((v) => v.level === 4 && v.code.startsWith('36.71.01.'))).toBe(true)
    const names = villages.map((v) => v.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
  })

  it('gives a kota office every village of the kota', async () => {
    await setup({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' })
    const villages = await listSiteVillages(t.db)
    expect(villages.length).toBeGreaterThan(100)
    expect(new Set(villages.map((v) => v.code.slice(0, 8))).size).toBe(13)
  })
})
