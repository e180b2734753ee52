import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import catalogueJson from '../../resources/competencies.json'
import {
  LEVEL_CODES,
  catalogueSchema,
  codeRangeLabel,
  completeGroups,
  competencyCodes,
  levelHolds,
  levelOf,
  nextLevelNeed,
  type Catalogue,
} from '../../shared/domain/competency'
import { proposeCohorts, type NeedsKader } from '../../electron/core/features/competency/needs.service'

const CATALOGUE: Catalogue = catalogueSchema.parse(catalogueJson)
const CODES = competencyCodes(CATALOGUE)
const rank = (l: string | null) => (l === null ? 0 : LEVEL_CODES.indexOf(l as never) + 1)

const codeSet = fc.subarray(CODES).map((xs) => new Set(xs))

/** Arbitrary level rules over the catalogue's groups: the kota may issue any of them. */
const groupCodes = CATALOGUE.groups.map((g) => g.code)
const ruleArb = fc
  .tuple(
    ...LEVEL_CODES.map((code) =>
      fc.record({
        requiresAllOf: fc.subarray(groupCodes),
        plus: fc.option(fc.record({ groups: fc.subarray(groupCodes, { minLength: 1 }), min: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
      }).map((r) => ({
        code,
        name: `Kader ${code}`,
        requiresAllOf: r.requiresAllOf,
        ...(r.plus ? { plusAnyOf: { groups: r.plus.groups, min: Math.min(r.plus.min, r.plus.groups.length) } } : {}),
      })),
    ),
  )
  .map((levels) => catalogueSchema.parse({ ...CATALOGUE, version: 'uji', levels }))

describe('the level rule', () => {
  it('ships a catalogue of 25 items in five groups A–E with three levels', () => {
    expect(CODES).toHaveLength(25)
    expect(groupCodes).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(CATALOGUE.levels.map((l) => l.code)).toEqual(['purwa', 'madya', 'utama'])
  })

  it('reads the default rule as domain.md gives it', () => {
    const held = (groups: string[]) => new Set(CATALOGUE.groups.filter((g) => groups.includes(g.code)).flatMap((g) => g.items.map((i) => i.code)))
    expect(levelOf(CATALOGUE, held([]))).toBeNull()
    expect(levelOf(CATALOGUE, held(['A']))).toBeNull()
    expect(levelOf(CATALOGUE, held(['A', 'B']))).toBe('purwa')
    expect(levelOf(CATALOGUE, held(['A', 'B', 'D']))).toBe('madya')
    expect(levelOf(CATALOGUE, held(['B', 'C', 'D', 'E']))).toBeNull()
    expect(levelOf(CATALOGUE, held(['A', 'B', 'C', 'D', 'E']))).toBe('utama')
  })

  it('never lowers a level when a kompeten result is added', () => {
    fc.assert(
      fc.property(ruleArb, codeSet, fc.constantFrom(...CODES), (cat, held, extra) => {
        const before = levelOf(cat, held)
        const after = levelOf(cat, new Set([...held, extra]))
        return rank(after) >= rank(before)
      }),
    )
  })

  it('gives exactly the highest level whose rule holds', () => {
    fc.assert(
      fc.property(ruleArb, codeSet, (cat, held) => {
        const groups = new Set(completeGroups(cat, held))
        const holding = cat.levels.filter((l) => levelHolds(l, groups)).map((l) => rank(l.code))
        const expected = holding.length ? Math.max(...holding) : 0
        expect(rank(levelOf(cat, held))).toBe(expected)
        // And each level's rule is read literally: all required groups, plus enough of the others.
        for (const l of cat.levels) {
          const all = l.requiresAllOf.every((g) => groups.has(g))
          const extra = l.plusAnyOf ? l.plusAnyOf.groups.filter((g) => groups.has(g) && !l.requiresAllOf.includes(g)).length >= l.plusAnyOf.min : true
          expect(levelHolds(l, groups)).toBe(all && extra)
        }
      }),
    )
  })

  it('says what is missing for the next level, and completing it reaches at least that level', () => {
    fc.assert(
      fc.property(codeSet, (held) => {
        const need = nextLevelNeed(CATALOGUE, held)
        const now = levelOf(CATALOGUE, held)
        if (now === 'utama') return need === null
        expect(need).not.toBeNull()
        expect(need!.missing.every((c) => !held.has(c))).toBe(true)
        // At least that level: a kader who already holds group C jumps from none to Madya.
        expect(rank(levelOf(CATALOGUE, new Set([...held, ...need!.missing])))).toBeGreaterThanOrEqual(rank(need!.level))
        return rank(need!.level) === rank(now) + 1
      }),
    )
  })

  it('refuses a catalogue whose rule names a group that does not exist', () => {
    const bad = { ...CATALOGUE, levels: [{ code: 'purwa', name: 'Kader Purwa', requiresAllOf: ['A', 'Z'] }] }
    const r = catalogueSchema.safeParse(bad)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toContain('kelompok Z')
  })

  it('labels runs of codes as ranges', () => {
    expect(codeRangeLabel(CATALOGUE, ['C3', 'C1', 'C2', 'C4', 'C5'])).toBe('C1–C5')
    expect(codeRangeLabel(CATALOGUE, ['B2', 'B5', 'B7'])).toBe('B2, B5, B7')
    expect(codeRangeLabel(CATALOGUE, ['A4', 'B1'])).toBe('A4, B1')
    expect(codeRangeLabel(CATALOGUE, ['B1', 'B2', 'B3', 'B6'])).toBe('B1–B3, B6')
  })
})

describe('proposed training classes', () => {
  const all = (group: string) => CATALOGUE.groups.find((g) => g.code === group)!.items.map((i) => i.code)
  const kader = (i: number, village: string, competent: string[]): NeedsKader => ({
    kaderId: `k${String(i).padStart(3, '0')}`,
    name: `Kader ${i}`,
    posyanduId: `${village}-p${i % 3}`,
    villageCode: village,
    villageName: `Kel. ${village}`,
    competent,
  })

  it('cuts each group into classes no larger than asked, keeping villages together, level-ups first', () => {
    const list: NeedsKader[] = []
    for (let i = 0; i < 45; i++) list.push(kader(i, i < 20 ? '36.71.01.1001' : '36.71.01.1002', [...all('A')]))
    for (let i = 45; i < 50; i++) list.push(kader(i, '36.71.01.1003', [...all('A'), ...all('B')]))
    const cohorts = proposeCohorts(CATALOGUE, list, 30)
    const b = cohorts.filter((c) => c.group === 'B')
    // 45 kader lack group B: two classes of 23 and 22, everyone in them would become Purwa.
    expect(b.map((c) => c.kaderIds.length).sort()).toEqual([22, 23])
    expect(b.every((c) => c.levelUps === c.kaderIds.length)).toBe(true)
    expect(b[0]!.label).toBe('B1–B8')
    // Nobody lacks group A, so no class for it.
    expect(cohorts.some((c) => c.group === 'A')).toBe(false)
    // The first class proposed is one that lifts kader a level.
    expect(cohorts[0]!.levelUps).toBeGreaterThan(0)
    for (const c of cohorts) expect(c.kaderIds.length).toBeLessThanOrEqual(30)
    // Every kader lacking a group appears in exactly one class of that group.
    for (const g of ['B', 'C', 'D', 'E']) {
      const ids = cohorts.filter((c) => c.group === g).flatMap((c) => c.kaderIds)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('puts the groups new kader need first (A and B) before the others, when no class lifts anyone', () => {
    const list = Array.from({ length: 10 }, (_, i) => kader(i, '36.71.01.1001', []))
    const cohorts = proposeCohorts(CATALOGUE, list, 30)
    expect(cohorts.every((c) => c.levelUps === 0)).toBe(true)
    // Both are on the way to Purwa; classes of the same size follow the catalogue order.
    expect(cohorts.slice(0, 2).map((c) => c.group)).toEqual(['A', 'B'])
  })

  it('names only the codes the members lack', () => {
    const list = [kader(1, '36.71.01.1001', [...all('A'), 'B1', 'B2', 'B3', 'B4', 'B6', 'B8']), kader(2, '36.71.01.1001', [...all('A'), 'B1', 'B2', 'B3', 'B4', 'B6', 'B8'])]
    const b = proposeCohorts(CATALOGUE, list, 30).find((c) => c.group === 'B')!
    expect(b.codes).toEqual(['B5', 'B7'])
    expect(b.label).toBe('B5, B7')
  })
})
