// The level rule in the Dinas's hands. The rule is part of the catalogue (versioned reference
// data), so changing it makes a new catalogue version: the old one stays in the history, the
// new one travels down in every paket like a catalogue the kota installed from a file
// (paket/export.ts sends every version held, learn.ts makes the sender's active one active),
// and every office recomputes its kader's levels when it arrives.

import type { CatalogueInfo, LevelRulePreview, ParsedInput } from '../../../../shared/contract'
import { LEVEL_CODES, catalogueSchema, levelOf, levelRuleProblems, type Catalogue, type LevelCode } from '../../../../shared/domain/competency'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { requireSite } from '../site/site.service'
import { activeCatalogue, getCatalogueInfo, storeCatalogue } from './catalogue.service'
import { recomputeCompetencies } from './competency.service'

type RuleInput = ParsedInput<'competency:saveLevelRule'>

function invalidRule(message: string): AppError {
  return new AppError({ code: 'invalid_input', field: 'levels', message, fields: { levels: message } })
}

const DEFAULT_NAMES: Record<LevelCode, string> = { purwa: 'Kader Purwa', madya: 'Kader Madya', utama: 'Kader Utama' }

/** The catalogue in force with its levels replaced by the proposed rule, checked; the version is still the old one. */
function withRule(c: Catalogue, input: RuleInput): Catalogue {
  const problems = levelRuleProblems(c, input.levels)
  if (problems.length > 0) throw invalidRule(problems.join(' '))
  const levels = [...input.levels]
    .sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))
    .map((l) => ({
      code: l.code,
      name: c.levels.find((x) => x.code === l.code)?.name ?? DEFAULT_NAMES[l.code],
      requiresAllOf: [...new Set(l.requiresAllOf)].sort(),
      ...(l.plusAnyOf ? { plusAnyOf: { groups: [...new Set(l.plusAnyOf.groups)].sort(), min: l.plusAnyOf.min } } : {}),
      ...(l.minTkk ? { minTkk: l.minTkk } : {}),
    }))
  return catalogueSchema.parse({ ...c, levels })
}

const sameRule = (a: Catalogue, b: Catalogue) => JSON.stringify(a.levels) === JSON.stringify(b.levels)

/** Active kader of this office's database (its area) with the skills they hold now. */
async function activeKaderHoldings(db: Db): Promise<{ level: LevelCode | null; competent: string[] }[]> {
  const rows = await db
    .selectFrom('kader')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .select(['kc.level', 'kc.competent'])
    .where('kader.deleted', '=', 0)
    .where('kader.status', '=', 'aktif')
    .execute()
  return rows.map((r) => ({ level: r.level ?? null, competent: r.competent ? (JSON.parse(r.competent) as string[]) : [] }))
}

/** Counts the kader a rule would move, writing nothing. */
export async function previewLevelRule(db: Db, input: RuleInput): Promise<LevelRulePreview> {
  const current = await activeCatalogue(db)
  const proposed = withRule(current, input)
  const kader = await activeKaderHoldings(db)
  const keys = ['none', ...LEVEL_CODES] as const
  const before = new Map<string, number>(keys.map((k) => [k, 0]))
  const after = new Map<string, number>(keys.map((k) => [k, 0]))
  const moves = new Map<string, number>()
  let up = 0
  let down = 0
  for (const k of kader) {
    const from = k.level ?? 'none'
    const to = levelOf(proposed, new Set(k.competent)) ?? 'none'
    before.set(from, before.get(from)! + 1)
    after.set(to, after.get(to)! + 1)
    if (from === to) continue
    moves.set(`${from} ${to}`, (moves.get(`${from} ${to}`) ?? 0) + 1)
    if (keys.indexOf(to) > keys.indexOf(from)) up++
    else down++
  }
  return {
    kaderCount: kader.length,
    levels: keys.map((level) => ({ level, before: before.get(level)!, after: after.get(level)! })),
    moves: [...moves].map(([key, count]) => {
      const [from, to] = key.split(' ') as [LevelCode | 'none', LevelCode | 'none']
      return { from, to, count }
    }),
    up,
    down,
  }
}

/** "2024.1" → "2024.1+aturan1", then "+aturan2", …: the first one not held yet. */
async function nextVersion(trx: Db, current: string): Promise<string> {
  const root = current.replace(/\+aturan\d+$/, '').slice(0, 30)
  const held = new Set((await trx.selectFrom('catalogue').select('version').execute()).map((r) => r.version))
  for (let k = 1; ; k++) if (!held.has(`${root}+aturan${k}`)) return `${root}+aturan${k}`
}

/** Saves the rule as a new catalogue version in force, and recomputes every kader, in one transaction. */
export async function saveLevelRule(db: Db, input: RuleInput): Promise<CatalogueInfo> {
  await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    if (site.level !== 'kota') {
      throw invalidRule('Aturan tingkat ditetapkan oleh Dinas Kesehatan kota/kabupaten. Kantor ini memakai aturan yang datang dalam paket dari Dinas.')
    }
    const current = await activeCatalogue(trx)
    const proposed = withRule(current, input)
    if (sameRule(current, proposed)) throw invalidRule('Aturan ini sama dengan yang sedang berlaku; tidak ada yang perlu disimpan.')
    const next = catalogueSchema.parse({ ...proposed, version: await nextVersion(trx, current.version) })
    await storeCatalogue(trx, next)
    await recomputeCompetencies(trx, 'all', next)
  })
  return getCatalogueInfo(db)
}
