// The level rule in the Dinas's hands: TKK per skill, the rule checked, the preview counted
// without writing, the rule saved as a new catalogue version, and the rule travelling down.

import { describe, expect, it } from 'vitest'
import { installCatalogue } from '../../electron/core/features/competency/catalogue-install.service'
import { DEFAULT_CATALOGUE, getCatalogueInfo } from '../../electron/core/features/competency/catalogue.service'
import { assessBulk, getKaderCompetency } from '../../electron/core/features/competency/competency.service'
import { previewLevelRule, saveLevelRule } from '../../electron/core/features/competency/level-rule.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { bulkAssessmentInput, levelRuleInput, type Input } from '../../shared/contract'
import { catalogueSchema, levelOf, levelRuleProblems, nextLevelNeed, type LevelRule } from '../../shared/domain/competency'
import { errorOf, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { fingerprintOf, introduce, officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()
const ASSESSOR = { name: 'dr. Rina Marlina', nip: null, profession: null, institution: 'Puskesmas Tangerang' }
const items = (g: string) => DEFAULT_CATALOGUE.groups.find((x) => x.code === g)!.items.map((i) => i.code)

const DEFAULT_RULE: LevelRule[] = DEFAULT_CATALOGUE.levels.map((l) => ({ code: l.code, requiresAllOf: l.requiresAllOf, plusAnyOf: l.plusAnyOf ?? null }))
/** Purwa by count alone: any 12 TKK. */
const PURWA_BY_COUNT = levelRuleInput.parse({
  levels: [
    { code: 'purwa', requiresAllOf: [], minTkk: 12 },
    { code: 'madya', requiresAllOf: ['A', 'B'], plusAnyOf: { groups: ['C', 'D', 'E'], min: 1 } },
    { code: 'utama', requiresAllOf: ['A', 'B', 'C', 'D', 'E'] },
  ],
} satisfies Input<'competency:saveLevelRule'>)
/** One reading of the sources: Purwa = A + B + one more group; Madya two more. */
const STRICTER = levelRuleInput.parse({
  levels: [
    { code: 'purwa', requiresAllOf: ['A', 'B'], plusAnyOf: { groups: ['C', 'D', 'E'], min: 1 } },
    { code: 'madya', requiresAllOf: ['A', 'B'], plusAnyOf: { groups: ['C', 'D', 'E'], min: 2 } },
    { code: 'utama', requiresAllOf: ['A', 'B', 'C', 'D', 'E'] },
  ],
})

async function held(t: TestDb, kaderId: string, codes: string[]) {
  await assessBulk(
    t.db,
    bulkAssessmentInput.parse({ date: '2026-10-02', method: 'uji_pelatihan', assessor: ASSESSOR, entries: codes.map((competencyCode) => ({ kaderId, competencyCode, result: 'kompeten' })) }),
  )
}

/**
 * Four kader of one Posyandu: Ani A+B (Purwa, 12 TKK), Budi A+B+D (Madya, 16 TKK), Citra A, B
 * without B8, and C (no level, 16 TKK), Dewi nothing assessed.
 */
async function fourKader(t: TestDb) {
  const p = await makePosyandu(t.db)
  const ani = (await makeKader(t.db, p.id, { name: 'Ani' })).kader
  const budi = (await makeKader(t.db, p.id, { name: 'Budi' })).kader
  const citra = (await makeKader(t.db, p.id, { name: 'Citra' })).kader
  const dewi = (await makeKader(t.db, p.id, { name: 'Dewi' })).kader
  await held(t, ani.id, [...items('A'), ...items('B')])
  await held(t, budi.id, [...items('A'), ...items('B'), ...items('D')])
  await held(t, citra.id, [...items('A'), ...items('B').filter((c) => c !== 'B8'), ...items('C')])
  return { ani, budi, citra, dewi }
}

describe('TKK per skill', () => {
  it('counts one TKK for every skill held kompeten, whatever the groups', async () => {
    const kel = await office('kelurahan')
    const { ani, citra, dewi } = await fourKader(kel)
    const a = await getKaderCompetency(kel.db, { kaderId: ani.id })
    expect(a.tkk).toBe(12)
    expect(a.groups.filter((g) => g.complete).map((g) => g.code)).toEqual(['A', 'B'])
    const c = await getKaderCompetency(kel.db, { kaderId: citra.id })
    expect(c.tkk).toBe(16)
    expect(c.level).toBeNull()
    expect((await getKaderCompetency(kel.db, { kaderId: dewi.id })).tkk).toBe(0)
  })
})

describe('a minimum number of TKK', () => {
  const byCount = catalogueSchema.parse({ ...DEFAULT_CATALOGUE, levels: [{ code: 'purwa', name: 'Kader Purwa', requiresAllOf: [], minTkk: 12 }] })

  it('counts skills whatever their group, and names the fewest still missing', () => {
    expect(levelOf(byCount, new Set([...items('A'), ...items('C'), 'D1', 'D2', 'D3']))).toBe('purwa')
    expect(levelOf(byCount, new Set([...items('A'), ...items('C'), 'D1', 'D2']))).toBeNull()
    // Group A held (4 TKK): eight more, the first ones not held in catalogue order.
    expect(nextLevelNeed(byCount, new Set(items('A')))).toEqual({ level: 'purwa', missing: items('B') })
  })
})

describe('the level rule is checked', () => {
  it('accepts the shipped rule', () => {
    expect(levelRuleProblems(DEFAULT_CATALOGUE, DEFAULT_RULE)).toEqual([])
    expect(levelRuleProblems(DEFAULT_CATALOGUE, PURWA_BY_COUNT.levels)).toEqual([])
  })

  it('refuses a higher level easier than a lower one', () => {
    const madyaEasier: LevelRule[] = [
      { code: 'purwa', requiresAllOf: ['A', 'B'] },
      { code: 'madya', requiresAllOf: ['A'], plusAnyOf: { groups: ['C', 'D'], min: 1 } },
      { code: 'utama', requiresAllOf: ['A', 'B', 'C', 'D', 'E'] },
    ]
    expect(levelRuleProblems(DEFAULT_CATALOGUE, madyaEasier)).toEqual([expect.stringMatching(/^Kader Madya tidak boleh lebih mudah daripada Kader Purwa/)])
    // Purwa asks for 20 TKK; Madya can be met with 16 (A, B and D).
    const countTooHigh: LevelRule[] = [{ code: 'purwa', requiresAllOf: [], minTkk: 20 }, DEFAULT_RULE[1]!]
    expect(levelRuleProblems(DEFAULT_CATALOGUE, countTooHigh).join(' ')).toMatch(/Kader Madya tidak boleh lebih mudah/)
    // Madya with one extra group out of C, D, E is not implied by Utama needing all five: it is.
    expect(levelRuleProblems(DEFAULT_CATALOGUE, STRICTER.levels)).toEqual([])
  })

  it('refuses a catalogue file whose levels are not a ladder, and keeps the one in force', async () => {
    const kel = await office('kelurahan')
    const upsideDown = { ...DEFAULT_CATALOGUE, version: '2099.3', levels: DEFAULT_CATALOGUE.levels.map((l) => (l.code === 'utama' ? { ...l, requiresAllOf: ['A'] } : l)) }
    const e = await errorOf(() => installCatalogue(kel.db, { json: JSON.stringify(upsideDown) }))
    expect(e.message).toMatch(/^Katalog tidak sah: Kader Utama tidak boleh lebih mudah daripada Kader Madya/)
    expect((await getCatalogueInfo(kel.db)).catalogue.version).toBe('2024.1')
  })

  it('refuses an empty rule, unknown groups, too many asked and more TKK than the catalogue has', () => {
    const p = levelRuleProblems(DEFAULT_CATALOGUE, [
      { code: 'purwa', requiresAllOf: [] },
      { code: 'madya', requiresAllOf: ['A', 'Z'], plusAnyOf: { groups: ['C'], min: 2 } },
      { code: 'utama', requiresAllOf: [], minTkk: 26 },
    ])
    expect(p).toEqual([
      'Aturan Kader Purwa kosong: pilih paling sedikit satu kelompok wajib, kelompok tambahan atau jumlah TKK.',
      'Aturan Kader Madya menyebut kelompok Z yang tidak ada dalam katalog.',
      'Aturan Kader Madya meminta 2 kelompok tambahan, padahal hanya 1 kelompok lain yang dipilih.',
      'Aturan Kader Utama meminta 26 TKK, padahal katalog hanya punya 25 keterampilan.',
    ])
  })
})

describe('preview and save', () => {
  it('counts who would change level without writing anything', async () => {
    const kel = await office('kelurahan')
    await fourKader(kel)
    const before = await getCatalogueInfo(kel.db)
    const up = await previewLevelRule(kel.db, PURWA_BY_COUNT)
    expect(up).toEqual({
      kaderCount: 4,
      levels: [
        { level: 'none', before: 2, after: 1 },
        { level: 'purwa', before: 1, after: 2 },
        { level: 'madya', before: 1, after: 1 },
        { level: 'utama', before: 0, after: 0 },
      ],
      moves: [{ from: 'none', to: 'purwa', count: 1 }],
      up: 1,
      down: 0,
    })
    const down = await previewLevelRule(kel.db, STRICTER)
    expect(down.moves).toEqual([
      { from: 'purwa', to: 'none', count: 1 },
      { from: 'madya', to: 'purwa', count: 1 },
    ])
    expect([down.up, down.down]).toEqual([0, 2])
    expect(await getCatalogueInfo(kel.db)).toEqual(before)
  })

  it('lets only the kota save the rule', async () => {
    const kel = await office('kelurahan')
    const e = await errorOf(() => saveLevelRule(kel.db, PURWA_BY_COUNT))
    expect(e).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/ditetapkan oleh Dinas Kesehatan/) })
    expect((await getCatalogueInfo(kel.db)).versions).toHaveLength(1)
  })

  it('saves the rule on the kota as a new catalogue version, keeps the old one, and the kelurahan follows it', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    await introduce(kel, kota)
    const { ani, budi, citra } = await fourKader(kel)
    // The kota learns the kelurahan (its key, its kader) from a first paket; the assessments it
    // holds here stand for those a Puskesmas recorded and relayed (a kelurahan may not send them).
    const folder = stick()
    const upPaket = await exportPaket(kel.db, { folder, destination: 'level:kota', full: true })
    await importPaket(kota.db, { path: upPaket.path, acceptFingerprint: await fingerprintOf(upPaket.path) })

    expect(await errorOf(() => saveLevelRule(kota.db, levelRuleInput.parse({ levels: DEFAULT_RULE })))).toMatchObject({
      message: expect.stringMatching(/sama dengan yang sedang berlaku/),
    })
    const info = await saveLevelRule(kota.db, STRICTER)
    expect(info.catalogue.version).toBe('2024.1+aturan1')
    expect(info.catalogue.levels.find((l) => l.code === 'purwa')).toEqual({
      code: 'purwa',
      name: 'Kader Purwa',
      requiresAllOf: ['A', 'B'],
      plusAnyOf: { groups: ['C', 'D', 'E'], min: 1 },
    })
    expect(info.versions.map((v) => [v.version, v.active])).toEqual([
      ['2024.1', false],
      ['2024.1+aturan1', true],
    ])
    // A second change is the next version; the first stays in the history.
    const again = await saveLevelRule(kota.db, PURWA_BY_COUNT)
    expect(again.catalogue.version).toBe('2024.1+aturan2')
    expect(again.versions).toHaveLength(3)

    const downPaket = await exportPaket(kota.db, { folder, destination: `site:${await siteIdOf(kel)}`, full: true })
    const r = await importPaket(kel.db, { path: downPaket.path, acceptFingerprint: await fingerprintOf(downPaket.path) })
    expect(r.catalogues).toEqual(['2024.1+aturan1', '2024.1+aturan2'])
    const kelInfo = await getCatalogueInfo(kel.db)
    expect(kelInfo.catalogue.version).toBe('2024.1+aturan2')
    expect(kelInfo.versions).toHaveLength(3)
    // Recomputed under the kota's rule: Citra's 16 TKK now make her Purwa.
    expect((await getKaderCompetency(kel.db, { kaderId: citra.id })).level).toBe('purwa')
    expect((await getKaderCompetency(kel.db, { kaderId: ani.id })).level).toBe('purwa')
    expect((await getKaderCompetency(kel.db, { kaderId: budi.id })).level).toBe('madya')
    const stored = await kel.db.selectFrom('kader_competency').select(['kader_id', 'level', 'catalogue_version']).where('kader_id', '=', citra.id).executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ level: 'purwa', catalogue_version: '2024.1+aturan2' })
  })
})
