// Training needs: which kader lack what, and which classes to hold next. Trainings are run per
// competency group (a module of the Kemenkes curriculum), for kader who live near each other,
// in classes of a size the Puskesmas can teach. So for every group, the active kader lacking
// any of its items are ordered by place (kecamatan, kelurahan, Posyandu) and cut into classes
// of near-equal size; classes where completing the group lifts many kader to their next level
// come first — those are the trainings that change the numbers the Dinas reports — then
// classes whose group is on the members' way to their next level (a new kader needs A and B
// before anything else, though neither alone makes them Purwa).

import type { ExpressionBuilder } from 'kysely'
import type { ParsedInput, TrainingCohort, TrainingNeeds } from '../../../../shared/contract'
import { LEVEL_CODES, codeRangeLabel, competencyCodes, groupOf, levelOf, nextLevelNeed, type Catalogue, type LevelCode } from '../../../../shared/domain/competency'
import type { Database, Db } from '../../db/schema'
import { activeCatalogue } from './catalogue.service'
import { resolveScope } from './competency.service'

export interface NeedsKader {
  kaderId: string
  name: string
  posyanduId: string
  villageCode: string
  villageName: string
  competent: string[]
}

const rank = (l: LevelCode | null) => (l === null ? 0 : LEVEL_CODES.indexOf(l) + 1)

/** Cuts a list into `k` consecutive parts whose sizes differ by at most one. */
function balancedParts<T>(xs: readonly T[], maxSize: number): T[][] {
  const k = Math.ceil(xs.length / maxSize)
  const parts: T[][] = []
  let start = 0
  for (let i = 0; i < k; i++) {
    const size = Math.floor(xs.length / k) + (i < xs.length % k ? 1 : 0)
    parts.push(xs.slice(start, start + size))
    start += size
  }
  return parts
}

/** The proposed classes for a set of kader (pure: the service only loads the kader). */
export function proposeCohorts(catalogue: Catalogue, kader: readonly NeedsKader[], classSize: number): TrainingCohort[] {
  const collator = new Intl.Collator('id')
  // What each kader holds, and which groups their next level asks for, worked out once.
  const people = [...kader]
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.posyanduId.localeCompare(b.posyanduId) || collator.compare(a.name, b.name))
    .map((k) => {
      const held = new Set(k.competent)
      const need = nextLevelNeed(catalogue, held)
      return { k, held, rank: rank(levelOf(catalogue, held)), needGroups: new Set(need?.missing.map(groupOf)) }
    })
  const cohorts: (TrainingCohort & { onPath: number })[] = []
  for (const group of catalogue.groups) {
    const items = group.items.map((i) => i.code)
    const members: { k: NeedsKader; missing: string[]; levelUp: boolean; onPath: boolean }[] = []
    for (const p of people) {
      const missing = items.filter((c) => !p.held.has(c))
      if (missing.length === 0) continue
      const after = rank(levelOf(catalogue, new Set([...p.held, ...items])))
      members.push({ k: p.k, missing, levelUp: after > p.rank, onPath: p.needGroups.has(group.code) })
    }
    for (const part of balancedParts(members, classSize)) {
      const lacking = new Set(part.flatMap((m) => m.missing))
      const codes = items.filter((c) => lacking.has(c))
      const villages: string[] = []
      for (const m of part) if (!villages.includes(m.k.villageName)) villages.push(m.k.villageName)
      cohorts.push({
        group: group.code,
        groupName: group.name,
        codes,
        label: codeRangeLabel(catalogue, codes),
        kaderIds: part.map((m) => m.k.kaderId),
        posyanduCount: new Set(part.map((m) => m.k.posyanduId)).size,
        villageNames: villages,
        levelUps: part.filter((m) => m.levelUp).length,
        onPath: part.filter((m) => m.onPath).length,
      })
    }
  }
  return cohorts
    .sort((a, b) => b.levelUps - a.levelUps || b.onPath - a.onPath || b.kaderIds.length - a.kaderIds.length || a.group.localeCompare(b.group))
    .map(({ onPath: _onPath, ...cohort }) => cohort)
}

export async function trainingNeeds(db: Db, input: ParsedInput<'competency:needs'>): Promise<TrainingNeeds> {
  const scope = await resolveScope(db, input)
  const catalogue = await activeCatalogue(db)
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .where((eb) => scope(eb as unknown as ExpressionBuilder<Database, 'kader' | 'posyandu'>))
    .select(['kader.id', 'kader.name', 'kader.posyandu_id', 'posyandu.village_code', 'posyandu.village_name', 'kc.competent', 'kc.not_yet', 'kc.level'])
    .execute()
  const kader: NeedsKader[] = rows.map((r) => ({
    kaderId: r.id,
    name: r.name,
    posyanduId: r.posyandu_id,
    villageCode: r.village_code,
    villageName: r.village_name,
    competent: r.competent ? (JSON.parse(r.competent) as string[]) : [],
  }))
  const missing = new Map(competencyCodes(catalogue).map((c) => [c, kader.length]))
  for (const k of kader) for (const c of k.competent) if (missing.has(c)) missing.set(c, missing.get(c)! - 1)
  // Assessed and found belum kompeten (latest result): they need practice, the others a first assessment or the course.
  const notYet = new Map(competencyCodes(catalogue).map((c) => [c, 0]))
  for (const r of rows) for (const c of r.not_yet ? (JSON.parse(r.not_yet) as string[]) : []) if (notYet.has(c)) notYet.set(c, notYet.get(c)! + 1)
  return {
    kaderCount: kader.length,
    withoutLevel: rows.filter((r) => !r.level).length,
    missingPerCode: [...missing].map(([code, n]) => ({ code, missing: n, notYet: notYet.get(code)! })),
    cohorts: proposeCohorts(catalogue, kader, input.classSize),
  }
}
