import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installCatalogue } from '../../electron/core/features/competency/catalogue-install.service'
import { getCatalogueInfo, DEFAULT_CATALOGUE } from '../../electron/core/features/competency/catalogue.service'
import {
  assess,
  assessBulk,
  competencyMatrix,
  competencyRows,
  competencySummary,
  deriveState,
  getKaderCompetency,
  recomputeCompetencies,
} from '../../electron/core/features/competency/competency.service'
import { trainingNeeds } from '../../electron/core/features/competency/needs.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import type { Db } from '../../electron/core/db/schema'
import { assessmentInput, bulkAssessmentInput, matrixInput, scopeInput, type Input } from '../../shared/contract'
import { competencyCodes, type AssessmentResult } from '../../shared/domain/competency'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'

const ASSESSOR = { name: 'dr. Rina Marlina', nip: '198503122010012003', profession: 'Tenaga Promosi Kesehatan', institution: 'Puskesmas Tangerang' }
const groupCodes = (g: string) => DEFAULT_CATALOGUE.groups.find((x) => x.code === g)!.items.map((i) => i.code)

function one(kaderId: string, competencyCode: string, result: AssessmentResult = 'kompeten', date = '2026-10-01') {
  return assessmentInput.parse({ kaderId, competencyCode, date, result, method: 'observasi_praktik', assessor: ASSESSOR } satisfies Input<'competency:assess'>)
}

function bulk(entries: { kaderId: string; competencyCode: string; result: AssessmentResult }[], date = '2026-10-02') {
  return bulkAssessmentInput.parse({ date, method: 'uji_pelatihan', assessor: ASSESSOR, entries } satisfies Input<'competency:assessBulk'>)
}

const cells = (kaderId: string, codes: string[], result: AssessmentResult = 'kompeten') => codes.map((competencyCode) => ({ kaderId, competencyCode, result }))

async function count(db: Db, table: 'assessment' | 'kader_competency'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

describe('competencies', () => {
  let t: TestDb
  let posyanduId: string
  beforeEach(async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    posyanduId = (await makePosyandu(t.db)).id
  })
  afterEach(() => t.cleanup())

  it('installs the shipped catalogue when a database is first opened', async () => {
    const info = await getCatalogueInfo(t.db)
    expect(info.catalogue.version).toBe('2024.1')
    expect(competencyCodes(info.catalogue)).toHaveLength(25)
    expect(info.versions).toEqual([expect.objectContaining({ version: '2024.1', active: true })])
    // Items not checked against the official text say so.
    expect(info.catalogue.groups.flatMap((g) => g.items).some((i) => !i.verified)).toBe(true)
  })

  it('derives TKK, the level and what is missing from the assessments', async () => {
    const { kader } = await makeKader(t.db, posyanduId)
    let c = await getKaderCompetency(t.db, { kaderId: kader.id })
    expect(c.level).toBeNull()
    expect(c.next).toEqual({ level: 'purwa', missing: [...groupCodes('A'), ...groupCodes('B')] })

    await assessBulk(t.db, bulk(cells(kader.id, [...groupCodes('A'), ...groupCodes('B')])))
    c = await getKaderCompetency(t.db, { kaderId: kader.id })
    expect(c.level).toBe('purwa')
    expect(c.groups.filter((g) => g.complete).map((g) => g.code)).toEqual(['A', 'B'])
    expect(c.groups.find((g) => g.code === 'C')).toMatchObject({ competent: 0, total: 5, complete: false })
    // Madya needs one more group: the smallest one is named (D or E, four items each).
    expect(c.next?.level).toBe('madya')
    expect(c.next?.missing).toHaveLength(4)
    expect(c.items.find((i) => i.code === 'A1')?.current).toMatchObject({ result: 'kompeten', method: 'uji_pelatihan', catalogueVersion: '2024.1' })
  })

  it('lets a re-assessment supersede the earlier one without deleting it', async () => {
    const { kader } = await makeKader(t.db, posyanduId)
    await assessBulk(t.db, bulk(cells(kader.id, [...groupCodes('A'), ...groupCodes('B')]), '2026-09-01'))
    const after = await assess(t.db, { ...one(kader.id, 'B3', 'belum_kompeten', '2026-10-15'), notes: 'Pengukuran panjang badan belum tepat' })
    expect(after.level).toBeNull()
    const b3 = after.history.filter((h) => h.competencyCode === 'B3')
    expect(b3.map((h) => [h.result, h.superseded])).toEqual([
      ['belum_kompeten', false],
      ['kompeten', true],
    ])
    expect(after.items.find((i) => i.code === 'B3')?.current?.notes).toBe('Pengukuran panjang badan belum tepat')
    // An assessment entered later but dated earlier does not override the newer judgement.
    const late = await assess(t.db, one(kader.id, 'B3', 'kompeten', '2026-10-01'))
    expect(late.items.find((i) => i.code === 'B3')?.current?.result).toBe('belum_kompeten')
    expect(late.history).toHaveLength(14)
  })

  it('refuses a future date, an unknown code and an archived kader, writing nothing', async () => {
    const { kader } = await makeKader(t.db, posyanduId)
    const tomorrow = new Date(Date.parse(`${todayJakarta()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(await errorOf(() => assess(t.db, one(kader.id, 'A1', 'kompeten', tomorrow)))).toMatchObject({ code: 'invalid_input', field: 'date' })
    expect(await errorOf(() => assess(t.db, one(kader.id, 'F9')))).toMatchObject({ code: 'invalid_input', field: 'competencyCode' })
    const other = await makeKader(t.db, posyanduId, { name: 'Dewi Lestari' })
    await t.db.updateTable('kader').set({ deleted: 1 }).where('id', '=', other.kader.id).execute()
    const e = await errorOf(() => assessBulk(t.db, bulk([...cells(kader.id, ['A1', 'A2']), ...cells(other.kader.id, ['A1'])])))
    expect(e.code).toBe('not_found')
    expect(e.message).toContain('diarsipkan')
    expect(await count(t.db, 'assessment')).toBe(0)
    expect(await count(t.db, 'kader_competency')).toBe(0)
  })

  it('saves a training grid in one go and counts who changed level', async () => {
    const a = (await makeKader(t.db, posyanduId, { name: 'Ani' })).kader
    const b = (await makeKader(t.db, posyanduId, { name: 'Budi', sex: 'L' })).kader
    await assessBulk(t.db, bulk(cells(a.id, groupCodes('A'))))
    const r = await assessBulk(t.db, bulk([...cells(a.id, groupCodes('B')), ...cells(b.id, groupCodes('B')), { kaderId: b.id, competencyCode: 'B1', result: 'belum_kompeten' }]))
    // B1 of Budi typed twice: the last value counts, once.
    expect(r).toEqual({ saved: 16, levelChanges: 1 })
    expect((await getKaderCompetency(t.db, { kaderId: a.id })).level).toBe('purwa')
    expect((await getKaderCompetency(t.db, { kaderId: b.id })).items.find((i) => i.code === 'B1')?.current?.result).toBe('belum_kompeten')
  })

  it('keeps the stored state equal to a recomputation from scratch', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await makeKader(t.db, posyanduId, { name: `Kader ${i}` })).kader.id)
    const codes = competencyCodes(DEFAULT_CATALOGUE)
    let seed = 11
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let round = 0; round < 5; round++) {
      const entries = ids.flatMap((id) => codes.filter(() => rnd() < 0.6).map((c) => ({ kaderId: id, competencyCode: c, result: (rnd() < 0.8 ? 'kompeten' : 'belum_kompeten') as AssessmentResult })))
      await assessBulk(t.db, bulk(entries, `2026-0${round + 1}-10`))
    }
    const stored = await t.db.selectFrom('kader_competency').selectAll().orderBy('kader_id').execute()
    await t.db.transaction().execute((trx) => recomputeCompetencies(trx, 'all'))
    expect(await t.db.selectFrom('kader_competency').selectAll().orderBy('kader_id').execute()).toEqual(stored)
    for (const row of stored) {
      const c = await getKaderCompetency(t.db, { kaderId: row.kader_id })
      expect(row.level).toBe(c.level)
      expect(JSON.parse(row.competent)).toEqual(c.items.filter((i) => i.current?.result === 'kompeten').map((i) => i.code))
    }
  })

  it('recomputes every level when a catalogue with another rule is installed, keeping history', async () => {
    const { kader } = await makeKader(t.db, posyanduId)
    await assessBulk(t.db, bulk(cells(kader.id, groupCodes('A'))))
    expect((await getKaderCompetency(t.db, { kaderId: kader.id })).level).toBeNull()
    const next = {
      ...DEFAULT_CATALOGUE,
      version: '2026.1',
      levels: DEFAULT_CATALOGUE.levels.map((l) => (l.code === 'purwa' ? { ...l, requiresAllOf: ['A'] } : l)),
    }
    const info = await installCatalogue(t.db, { json: JSON.stringify(next) })
    expect(info.catalogue.version).toBe('2026.1')
    expect(info.versions.map((v) => [v.version, v.active])).toEqual([
      ['2024.1', false],
      ['2026.1', true],
    ])
    const c = await getKaderCompetency(t.db, { kaderId: kader.id })
    expect(c.level).toBe('purwa')
    expect(c.catalogueVersion).toBe('2026.1')
    // The assessments keep the version they were made under.
    expect(new Set(c.history.map((h) => h.catalogueVersion))).toEqual(new Set(['2024.1']))
    expect((await competencyMatrix(t.db, matrixInput.parse({}))).rows[0]?.level).toBe('purwa')
  })

  it('refuses a damaged or conflicting catalogue and changes nothing', async () => {
    const before = await getCatalogueInfo(t.db)
    expect(await errorOf(() => installCatalogue(t.db, { json: '{"catalogue": ' }))).toMatchObject({ code: 'invalid_input', field: 'json' })
    const e = await errorOf(() => installCatalogue(t.db, { json: JSON.stringify({ ...DEFAULT_CATALOGUE, version: '2026.2', groups: [] }) }))
    expect(e.message).toMatch(/^Katalog tidak sah/)
    const changed = { ...DEFAULT_CATALOGUE, title: 'Judul lain' }
    expect((await errorOf(() => installCatalogue(t.db, { json: JSON.stringify(changed) }))).message).toContain('nomor versi baru')
    expect(await getCatalogueInfo(t.db)).toEqual(before)
  })

  it('lists the matrix filtered by level, lacking code, name and area, sorted by level', async () => {
    const other = await makePosyandu(t.db, { name: 'Posyandu Kenanga', villageCode: '36.71.01.1002' })
    const a = (await makeKader(t.db, posyanduId, { name: 'Ani Purwa' })).kader
    const b = (await makeKader(t.db, posyanduId, { name: 'Bunga Madya' })).kader
    const c = (await makeKader(t.db, other.id, { name: 'Citra Baru' })).kader
    await makeKader(t.db, posyanduId, { name: 'Dina Pindah', status: 'pindah' })
    await assessBulk(t.db, bulk([...cells(a.id, [...groupCodes('A'), ...groupCodes('B')]), ...cells(b.id, [...groupCodes('A'), ...groupCodes('B'), ...groupCodes('D')])]))
    await assess(t.db, one(c.id, 'C1', 'belum_kompeten'))

    const all = await competencyMatrix(t.db, matrixInput.parse({}))
    // Only active kader: the one who moved away is not counted.
    expect(all.total).toBe(3)
    expect(all.rows.map((r) => r.name)).toEqual(['Ani Purwa', 'Bunga Madya', 'Citra Baru'])
    expect(all.rows[2]).toMatchObject({ level: null, competent: [], notYet: ['C1'], villageName: expect.any(String) })
    expect((await competencyMatrix(t.db, matrixInput.parse({ level: 'none' }))).rows.map((r) => r.name)).toEqual(['Citra Baru'])
    expect((await competencyMatrix(t.db, matrixInput.parse({ level: 'madya' }))).rows.map((r) => r.name)).toEqual(['Bunga Madya'])
    expect((await competencyMatrix(t.db, matrixInput.parse({ lacking: 'D1' }))).rows.map((r) => r.name)).toEqual(['Ani Purwa', 'Citra Baru'])
    expect((await competencyMatrix(t.db, matrixInput.parse({ query: 'bunga' }))).total).toBe(1)
    expect((await competencyMatrix(t.db, matrixInput.parse({ wilayah: '36.71.01.1002' }))).rows.map((r) => r.name)).toEqual(['Citra Baru'])
    expect((await competencyMatrix(t.db, matrixInput.parse({ wilayah: '36.71.01' }))).total).toBe(3)
    expect((await competencyMatrix(t.db, matrixInput.parse({ posyanduId }))).total).toBe(2)
    expect((await competencyMatrix(t.db, matrixInput.parse({ sortBy: 'level', sortDir: 'desc' }))).rows.map((r) => r.level)).toEqual(['madya', 'purwa', null])
    expect((await competencyMatrix(t.db, matrixInput.parse({ limit: 1, offset: 1 }))).rows.map((r) => r.name)).toEqual(['Bunga Madya'])
    expect(await errorOf(() => competencyMatrix(t.db, matrixInput.parse({ wilayah: '99.99' })))).toMatchObject({ code: 'unknown_area' })
  })

  it('answers the rows of named kader in the order asked, leaving archived ones out', async () => {
    const a = (await makeKader(t.db, posyanduId, { name: 'Ani' })).kader
    const b = (await makeKader(t.db, posyanduId, { name: 'Bunga', status: 'nonaktif' })).kader
    const c = (await makeKader(t.db, posyanduId, { name: 'Citra' })).kader
    await assessBulk(t.db, bulk(cells(b.id, [...groupCodes('A'), ...groupCodes('B')])))
    await t.db.updateTable('kader').set({ deleted: 1 }).where('id', '=', c.id).execute()
    const rows = await competencyRows(t.db, { kaderIds: [b.id, c.id, a.id] })
    // A class may hold kader who are no longer active: they still have a row.
    expect(rows.map((r) => [r.name, r.level])).toEqual([
      ['Bunga', 'purwa'],
      ['Ani', null],
    ])
    expect(rows[0]!.competent).toHaveLength(12)
  })

  it('sums levels, coverage and training needs for an area', async () => {
    const a = (await makeKader(t.db, posyanduId, { name: 'Ani' })).kader
    const b = (await makeKader(t.db, posyanduId, { name: 'Bunga' })).kader
    await makeKader(t.db, posyanduId, { name: 'Citra' })
    await assessBulk(t.db, bulk([...cells(a.id, [...groupCodes('A'), ...groupCodes('B')]), ...cells(b.id, groupCodes('A')), { kaderId: b.id, competencyCode: 'B1', result: 'belum_kompeten' }]))
    const s = await competencySummary(t.db, scopeInput.parse({}))
    expect(s.kaderCount).toBe(3)
    expect(s.levels).toEqual({ none: 2, purwa: 1, madya: 0, utama: 0 })
    expect(s.coverage.find((x) => x.code === 'A1')).toEqual({ code: 'A1', competent: 2, notYet: 0 })
    expect(s.coverage.find((x) => x.code === 'B1')).toEqual({ code: 'B1', competent: 1, notYet: 1 })
    expect(s.groups).toEqual([
      { code: 'A', complete: 2 },
      { code: 'B', complete: 1 },
      { code: 'C', complete: 0 },
      { code: 'D', complete: 0 },
      { code: 'E', complete: 0 },
    ])

    const needs = await trainingNeeds(t.db, { ...scopeInput.parse({}), classSize: 30 })
    expect(needs).toMatchObject({ kaderCount: 3, withoutLevel: 2 })
    // Bunga was assessed on B1 and found belum kompeten; Citra never was: the chart tells them apart.
    expect(needs.missingPerCode.find((m) => m.code === 'B1')).toEqual({ code: 'B1', missing: 2, notYet: 1 })
    expect(needs.missingPerCode.find((m) => m.code === 'C1')).toEqual({ code: 'C1', missing: 3, notYet: 0 })
    const b1 = needs.cohorts.find((c) => c.group === 'B')!
    // Bunga would become Purwa with group B; Citra still lacks A.
    expect(b1).toMatchObject({ label: 'B1–B8', levelUps: 1, posyanduCount: 1 })
    expect(new Set(b1.kaderIds)).toEqual(new Set([b.id, (await competencyMatrix(t.db, matrixInput.parse({ query: 'citra' }))).rows[0]!.kaderId]))
  })

  it('derives the same state the shared rule gives', () => {
    const latest = new Map<string, AssessmentResult>([...groupCodes('A'), ...groupCodes('B')].map((c) => [c, 'kompeten']))
    latest.set('C1', 'belum_kompeten')
    expect(deriveState(DEFAULT_CATALOGUE, latest)).toEqual({
      competent: [...groupCodes('A'), ...groupCodes('B')],
      notYet: ['C1'],
      groups: ['A', 'B'],
      level: 'purwa',
    })
  })
})
