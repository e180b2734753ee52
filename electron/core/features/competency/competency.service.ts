// Competency assessments and everything derived from them. An assessment is never edited: a
// later one for the same kader and code (by date, then version) supersedes it, and the history
// stays. What a kader holds now (TKK per group, level, what is missing) is derived under the
// catalogue in force by the rules in shared/domain/competency.ts, never typed. The derived
// state is also kept per kader in `kader_competency`, rewritten in the same transaction as
// every write, so the matrix can filter and sort 20,000 kader by level in SQL.

import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Assessment, CompetencySummary, KaderCompetency, MatrixRow, ParsedInput } from '../../../../shared/contract'
import {
  LEVEL_CODES,
  completeGroups,
  competencyCodes,
  levelOf,
  nextLevelNeed,
  type AssessmentMethod,
  type AssessmentResult,
  type Catalogue,
  type LevelCode,
} from '../../../../shared/domain/competency'
import { tanggal } from '../../../../shared/domain/tanggal'
import { AppError } from '../../../../shared/result'
import type { Database, Db, NewKaderCompetencyRow } from '../../db/schema'
import { insertRecord, insertRecords } from '../../sync/write'
import { codePrefixRange, dottedCode, findAreaRow, unknownArea } from '../area/area.service'
import { requireSite, officeToday } from '../site/site.service'
import { activeCatalogue } from './catalogue.service'

/** SQLite allows 32,766 bound values; lists of ids go in chunks well below that. */
const ID_CHUNK = 500
const INSERT_CHUNK = 500

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

const parseCodes = (json: string | null | undefined): string[] => (json ? (JSON.parse(json) as string[]) : [])

// ---------------------------------------------------------------- derived state

export interface DerivedState {
  competent: string[]
  notYet: string[]
  groups: string[]
  level: LevelCode | null
}

/** The state a kader holds under `catalogue` given the latest result per code. */
export function deriveState(catalogue: Catalogue, latest: ReadonlyMap<string, AssessmentResult>): DerivedState {
  const codes = competencyCodes(catalogue)
  const competent = codes.filter((c) => latest.get(c) === 'kompeten')
  const notYet = codes.filter((c) => latest.get(c) === 'belum_kompeten')
  const set = new Set(competent)
  return { competent, notYet, groups: completeGroups(catalogue, set), level: levelOf(catalogue, set) }
}

export const levelRank = (level: LevelCode | null): number => (level === null ? 0 : LEVEL_CODES.indexOf(level) + 1)

/**
 * Rewrites the derived `kader_competency` rows of the given kader (or of everyone) from the
 * assessments, under `catalogue` (default: the one in force). Call it inside the transaction
 * that changed assessments or the catalogue. Returns how many kader changed level.
 */
export async function recomputeCompetencies(trx: Db, kaderIds: readonly string[] | 'all', catalogue?: Catalogue): Promise<number> {
  const cat = catalogue ?? (await activeCatalogue(trx))
  const latest = new Map<string, Map<string, AssessmentResult>>()
  const before = new Map<string, LevelCode | null>()
  const read = async (ids: readonly string[] | null) => {
    let q = trx
      .selectFrom('assessment')
      .select(['kader_id', 'competency_code', 'result'])
      .where('deleted', '=', 0)
      // Ascending, so the last row read per kader and code is the one in force.
      .orderBy('kader_id')
      .orderBy('competency_code')
      .orderBy('date')
      .orderBy('version')
    if (ids) q = q.where('kader_id', 'in', ids)
    for (const r of await q.execute()) {
      let m = latest.get(r.kader_id)
      if (!m) latest.set(r.kader_id, (m = new Map()))
      m.set(r.competency_code, r.result)
    }
    let s = trx.selectFrom('kader_competency').select(['kader_id', 'level'])
    if (ids) s = s.where('kader_id', 'in', ids)
    for (const r of await s.execute()) before.set(r.kader_id, r.level)
  }
  if (kaderIds === 'all') {
    await read(null)
    await trx.deleteFrom('kader_competency').execute()
  } else {
    for (const ids of chunks([...new Set(kaderIds)], ID_CHUNK)) {
      await read(ids)
      await trx.deleteFrom('kader_competency').where('kader_id', 'in', ids).execute()
    }
  }

  const rows: NewKaderCompetencyRow[] = []
  let changed = 0
  const seen = new Set<string>()
  for (const [kaderId, results] of latest) {
    seen.add(kaderId)
    const s = deriveState(cat, results)
    if ((before.get(kaderId) ?? null) !== s.level) changed++
    if (s.competent.length === 0 && s.notYet.length === 0) continue
    rows.push({
      kader_id: kaderId,
      competent: JSON.stringify(s.competent),
      not_yet: JSON.stringify(s.notYet),
      groups: JSON.stringify(s.groups),
      level: s.level,
      level_rank: levelRank(s.level),
      catalogue_version: cat.version,
    })
  }
  // A kader whose assessments all went away (tombstoned) lost whatever level it had.
  for (const [kaderId, level] of before) if (!seen.has(kaderId) && level !== null) changed++
  for (const c of chunks(rows, INSERT_CHUNK)) await trx.insertInto('kader_competency').values(c).execute()
  return changed
}

// ---------------------------------------------------------------- scope (which kader a view covers)

export type Scope = ParsedInput<'competency:summary'>

/**
 * The area filter of every competency view: one Posyandu, or every Posyandu whose village lies
 * under an area code (kelurahan, kecamatan, kota). Unknown area codes are refused, so a typo
 * does not look like an area without kader.
 */
export type ScopeFilter = (eb: ExpressionBuilder<Database, 'kader' | 'posyandu'>) => Expression<SqlBool>

export async function resolveScope(db: Db, scope: Scope): Promise<ScopeFilter> {
  let village: string | null = null
  let range: [string, string] | null = null
  if (scope.wilayah) {
    const code = dottedCode(scope.wilayah)
    const area = await findAreaRow(db, code)
    if (!area) throw unknownArea(scope.wilayah)
    if (area.level === 4) village = area.code
    else range = codePrefixRange(`${area.code}.`)
  }
  return (eb) => {
    const conds = [eb('kader.deleted', '=', 0), eb('kader.status', '=', 'aktif')]
    if (scope.posyanduId) conds.push(eb('kader.posyandu_id', '=', scope.posyanduId))
    if (village) conds.push(eb('posyandu.village_code', '=', village))
    if (range) conds.push(eb('posyandu.village_code', '>=', range[0]), eb('posyandu.village_code', '<', range[1]))
    return eb.and(conds)
  }
}

// ---------------------------------------------------------------- one kader

function notFoundKader(): AppError {
  return new AppError({ code: 'not_found', message: 'Data kader ini tidak ditemukan. Muat ulang daftar kader.' })
}

export async function getKaderCompetency(db: Db, input: ParsedInput<'competency:kader'>): Promise<KaderCompetency> {
  const kader = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select(['kader.id', 'kader.name', 'posyandu.name as posyandu_name', 'posyandu.village_name'])
    .where('kader.id', '=', input.kaderId)
    .executeTakeFirst()
  if (!kader) throw notFoundKader()
  const catalogue = await activeCatalogue(db)
  const rows = await db
    .selectFrom('assessment')
    .leftJoin('training', 'training.id', 'assessment.training_id')
    .selectAll('assessment')
    .select('training.title as training_title')
    .where('assessment.kader_id', '=', input.kaderId)
    .where('assessment.deleted', '=', 0)
    .orderBy('assessment.date', 'desc')
    .orderBy('assessment.version', 'desc')
    .execute()
  const current = new Map<string, Assessment>()
  const history: Assessment[] = rows.map((r) => {
    const a: Assessment = {
      id: r.id,
      kaderId: r.kader_id,
      competencyCode: r.competency_code,
      catalogueVersion: r.catalogue_version,
      date: r.date,
      result: r.result,
      method: r.method as AssessmentMethod,
      assessor: { name: r.assessor_name, nip: r.assessor_nip, profession: r.assessor_profession, institution: r.assessor_institution },
      trainingId: r.training_id,
      trainingTitle: r.training_title,
      notes: r.notes,
      recordedAt: r.created_at,
      superseded: current.has(r.competency_code),
    }
    if (!a.superseded) current.set(a.competencyCode, a)
    return a
  })
  const state = deriveState(catalogue, new Map([...current].map(([code, a]) => [code, a.result])))
  const competent = new Set(state.competent)
  return {
    kaderId: kader.id,
    name: kader.name,
    posyanduName: kader.posyandu_name,
    villageName: kader.village_name,
    catalogueVersion: catalogue.version,
    level: state.level,
    tkk: state.competent.length,
    groups: catalogue.groups.map((g) => {
      const held = g.items.filter((i) => competent.has(i.code)).length
      return { code: g.code, name: g.name, complete: held === g.items.length, competent: held, total: g.items.length }
    }),
    items: catalogue.groups.flatMap((g) =>
      g.items.map((i) => ({ code: i.code, groupCode: g.code, text: i.text, verified: i.verified, current: current.get(i.code) ?? null })),
    ),
    next: nextLevelNeed(catalogue, competent),
    history,
  }
}

// ---------------------------------------------------------------- recording

function invalid(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

async function requireKnownCodes(catalogue: Catalogue, codes: Iterable<string>): Promise<void> {
  const known = new Set(competencyCodes(catalogue))
  for (const c of codes) {
    if (!known.has(c)) {
      throw invalid('competencyCode', `Keterampilan ${c} tidak ada dalam katalog ${catalogue.version}. Pilih keterampilan dari daftar.`)
    }
  }
}

/** "Today" on the office's own clock (WIB, WITA or WIT by its province). */
async function requireNotFuture(db: Db, date: string): Promise<void> {
  if (date > (await officeToday(db))) throw invalid('date', 'Tanggal penilaian tidak boleh setelah hari ini.')
}

/**
 * An assessment made in a training cannot be dated before the training began (nor, with
 * requireNotFuture, can a training that has not begun have any). A later date is allowed: the
 * uji is often done afterwards at the Posyandu; the form says so when the date is past the end.
 */
async function requireTraining(trx: Db, trainingId: string | null, date: string): Promise<void> {
  if (!trainingId) return
  const t = await trx.selectFrom('training').select(['start_date', 'title']).where('id', '=', trainingId).where('deleted', '=', 0).executeTakeFirst()
  if (!t) throw invalid('trainingId', 'Kegiatan pelatihan itu tidak ditemukan (mungkin sudah dihapus). Pilih kegiatan lain atau kosongkan.')
  if (date < t.start_date) {
    throw invalid(
      'date',
      `Tanggal penilaian (${tanggal(date)}) sebelum pelatihan "${t.title}" dimulai (${tanggal(t.start_date)}). Pilih tanggal pada hari pelatihan atau sesudahnya.`,
    )
  }
}

/** The kader that exist and are not archived, of those asked for; the rest are refused by name count. */
async function requireKader(trx: Db, ids: readonly string[]): Promise<void> {
  let found = 0
  for (const c of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await trx.selectFrom('kader').select('id').where('id', 'in', c).where('deleted', '=', 0).execute()
    found += rows.length
  }
  const wanted = new Set(ids).size
  if (found < wanted) {
    throw new AppError({
      code: 'not_found',
      message:
        wanted === 1
          ? 'Kader ini tidak ditemukan atau sudah diarsipkan. Pulihkan dulu dari arsip sebelum mencatat penilaiannya.'
          : `${wanted - found} kader tidak ditemukan atau sudah diarsipkan. Muat ulang halaman lalu isi kembali.`,
    })
  }
}

type AssessmentBase = Pick<ParsedInput<'competency:assess'>, 'date' | 'method' | 'assessor' | 'trainingId'>

function assessmentRow(base: AssessmentBase, catalogueVersion: string) {
  return {
    catalogue_version: catalogueVersion,
    date: base.date,
    method: base.method,
    assessor_name: base.assessor.name,
    assessor_nip: base.assessor.nip,
    assessor_profession: base.assessor.profession,
    assessor_institution: base.assessor.institution,
    training_id: base.trainingId,
  }
}

export async function assess(db: Db, input: ParsedInput<'competency:assess'>): Promise<KaderCompetency> {
  await requireNotFuture(db, input.date)
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const catalogue = await activeCatalogue(trx)
    await requireKnownCodes(catalogue, [input.competencyCode])
    await requireKader(trx, [input.kaderId])
    await requireTraining(trx, input.trainingId, input.date)
    await insertRecord(trx, 'assessment', {
      ...assessmentRow(input, catalogue.version),
      kader_id: input.kaderId,
      competency_code: input.competencyCode,
      result: input.result,
      notes: input.notes,
    })
    await recomputeCompetencies(trx, [input.kaderId], catalogue)
  })
  return getKaderCompetency(db, { kaderId: input.kaderId })
}

/** The training grid: every filled cell becomes one assessment, all in one transaction. */
export async function assessBulk(db: Db, input: ParsedInput<'competency:assessBulk'>): Promise<{ saved: number; levelChanges: number }> {
  await requireNotFuture(db, input.date)
  // A cell typed twice counts once, the last value.
  const cells = new Map<string, (typeof input.entries)[number]>()
  for (const e of input.entries) cells.set(`${e.kaderId} ${e.competencyCode}`, e)
  const entries = [...cells.values()]
  return db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const catalogue = await activeCatalogue(trx)
    await requireKnownCodes(catalogue, new Set(entries.map((e) => e.competencyCode)))
    const kaderIds = [...new Set(entries.map((e) => e.kaderId))]
    await requireKader(trx, kaderIds)
    await requireTraining(trx, input.trainingId, input.date)
    // One version per cell, in the grid's order (a later one for the same kader and code supersedes).
    const shared = assessmentRow(input, catalogue.version)
    const rows = entries.map((e) => ({ ...shared, kader_id: e.kaderId, competency_code: e.competencyCode, result: e.result, notes: null }))
    await insertRecords(trx, 'assessment', rows)
    const levelChanges = await recomputeCompetencies(trx, kaderIds, catalogue)
    return { saved: rows.length, levelChanges }
  })
}

// ---------------------------------------------------------------- matrix and summary

export async function competencyMatrix(db: Db, input: ParsedInput<'competency:matrix'>): Promise<{ total: number; rows: MatrixRow[] }> {
  const scope = await resolveScope(db, input)
  const base = () => {
    let q = db
      .selectFrom('kader')
      .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
      .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
      .where((eb) => scope(eb as unknown as ExpressionBuilder<Database, 'kader' | 'posyandu'>))
    const text = input.query.replace(/[%_\\]/g, '').toLowerCase()
    if (text) q = q.where((eb) => eb(eb.fn('lower', ['kader.name']), 'like', `%${text}%`))
    if (input.level === 'none') q = q.where('kc.level', 'is', null)
    else if (input.level) q = q.where('kc.level', '=', input.level)
    // competent is a JSON array of codes; the quotes keep "C1" from matching "C12".
    if (input.lacking) {
      const code = input.lacking
      q = q.where((eb) => eb.or([eb('kc.competent', 'is', null), eb('kc.competent', 'not like', `%"${code}"%`)]))
    }
    return q
  }
  const { total } = await base()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  let q = base().select([
    'kader.id',
    'kader.name',
    'posyandu.name as posyandu_name',
    'posyandu.village_name',
    'kc.level',
    'kc.competent',
    'kc.not_yet',
  ])
  const dir = input.sortDir
  if (input.sortBy === 'posyandu') {
    q = q.orderBy('posyandu.name', (ob) => (dir === 'asc' ? ob.collate('nocase').asc() : ob.collate('nocase').desc())).orderBy('posyandu.id', dir)
  } else if (input.sortBy === 'level') {
    q = q.orderBy((eb) => eb.fn.coalesce('kc.level_rank', eb.lit(0)), dir)
  }
  q = q
    .orderBy('kader.name', (ob) => (input.sortBy === 'name' && dir === 'desc' ? ob.collate('nocase').desc() : ob.collate('nocase').asc()))
    .orderBy('kader.id', input.sortBy === 'name' ? dir : 'asc')
  const rows = await q.limit(input.limit).offset(input.offset).execute()
  return {
    total: Number(total),
    rows: rows.map(toMatrixRow),
  }
}

function toMatrixRow(r: {
  id: string
  name: string
  posyandu_name: string
  village_name: string
  level: LevelCode | null
  competent: string | null
  not_yet: string | null
}): MatrixRow {
  return {
    kaderId: r.id,
    name: r.name,
    posyanduName: r.posyandu_name,
    villageName: r.village_name,
    level: r.level ?? null,
    competent: parseCodes(r.competent),
    notYet: parseCodes(r.not_yet),
  }
}

export async function competencyRows(db: Db, input: ParsedInput<'competency:rows'>): Promise<MatrixRow[]> {
  const found = new Map<string, MatrixRow>()
  for (const ids of chunks([...new Set(input.kaderIds)], ID_CHUNK)) {
    const rows = await db
      .selectFrom('kader')
      .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
      .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
      .select(['kader.id', 'kader.name', 'posyandu.name as posyandu_name', 'posyandu.village_name', 'kc.level', 'kc.competent', 'kc.not_yet'])
      .where('kader.id', 'in', ids)
      .where('kader.deleted', '=', 0)
      .execute()
    for (const r of rows) found.set(r.id, toMatrixRow(r))
  }
  return input.kaderIds.flatMap((id) => found.get(id) ?? [])
}

export async function competencySummary(db: Db, input: ParsedInput<'competency:summary'>): Promise<CompetencySummary> {
  const scope = await resolveScope(db, input)
  const catalogue = await activeCatalogue(db)
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .where((eb) => scope(eb as unknown as ExpressionBuilder<Database, 'kader' | 'posyandu'>))
    .select(['kc.level', 'kc.competent', 'kc.not_yet', 'kc.groups'])
    .execute()
  const codes = competencyCodes(catalogue)
  const competent = new Map(codes.map((c) => [c, 0]))
  const notYet = new Map(codes.map((c) => [c, 0]))
  const groups = new Map(catalogue.groups.map((g) => [g.code, 0]))
  const levels: CompetencySummary['levels'] = { none: 0, purwa: 0, madya: 0, utama: 0 }
  for (const r of rows) {
    levels[r.level ?? 'none']++
    for (const c of parseCodes(r.competent)) if (competent.has(c)) competent.set(c, competent.get(c)! + 1)
    for (const c of parseCodes(r.not_yet)) if (notYet.has(c)) notYet.set(c, notYet.get(c)! + 1)
    for (const g of parseCodes(r.groups)) if (groups.has(g)) groups.set(g, groups.get(g)! + 1)
  }
  return {
    kaderCount: rows.length,
    levels,
    coverage: codes.map((code) => ({ code, competent: competent.get(code)!, notYet: notYet.get(code)! })),
    groups: catalogue.groups.map((g) => ({ code: g.code, complete: groups.get(g.code)! })),
  }
}
