// What a person reviews after an import: the conflict list (a field two offices changed without
// seeing each other's change; the merge kept one value and parked the other here) and the
// same-NIK pairs (one person entered in two offices). Resolving either is an ordinary local
// change with a new version, so the decision travels with the next bundle like any edit.

import type { KaderDuplicatePair, PaketConflict, ParsedInput } from '../../../../shared/contract'
import type { PaketKind } from '../../../../shared/domain/paket'
import { assertWewenang } from './authority'
import { AppError } from '../../../../shared/result'
import { sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import { bumpFieldVersions, nextVersion, parseVersion } from '../../sync/hlc'
import { recomputeCompetencies } from '../competency/competency.service'
import { reindexFollowUp, reindexMeeting } from '../search/search.service'
import { requireSite } from '../site/site.service'

/** A column that names a record in words, per kind. */
const LABEL_SQL: Record<string, string> = {
  posyandu: 'select name as label from posyandu where id = ?',
  kader: 'select name as label from kader where id = ?',
  kader_status: "select k.name || ' (riwayat status)' as label from kader_status s join kader k on k.id = s.kader_id where s.id = ?",
  training: 'select title as label from training where id = ?',
  training_participant: "select k.name || ' · ' || t.title as label from training_participant p join kader k on k.id = p.kader_id join training t on t.id = p.training_id where p.id = ?",
  assessment: "select k.name || ' · ' || a.competency_code as label from assessment a join kader k on k.id = a.kader_id where a.id = ?",
  opd: 'select name as label from opd where id = ?',
  meeting: 'select title as label from meeting where id = ?',
  attachment: 'select file_name as label from attachment where id = ?',
  follow_up: 'select substr(description, 1, 80) as label from follow_up where id = ?',
  follow_up_progress: "select substr(f.description, 1, 60) || ' (perkembangan)' as label from follow_up_progress p join follow_up f on f.id = p.follow_up_id where p.id = ?",
}

/** Office names by site id: every office heard of, this one marked, and the default list. */
function officeNames(db: Db): Map<string, string> {
  const sqlite = sqliteOf(db)
  const names = new Map<string, string>()
  for (const r of sqlite.prepare('select site_id, name from office').all() as { site_id: string; name: string }[]) names.set(r.site_id, r.name)
  const self = sqlite.prepare('select id, name from site').get() as { id: string; name: string } | undefined
  if (self) names.set(self.id, `${self.name} (kantor ini)`)
  names.set('default', 'Daftar bawaan')
  return names
}

/** The office that wrote a version, in words. */
function writerName(names: Map<string, string>, version: string): string {
  const site = parseVersion(version).siteId
  return names.get(site) ?? `Kantor ${site.slice(0, 8)}`
}

const parseValue = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown))

async function conflictRows(db: Db, where: { id?: number; includeResolved: boolean }): Promise<PaketConflict[]> {
  let q = db.selectFrom('sync_conflict').selectAll().orderBy('id', 'desc').limit(1000)
  if (where.id !== undefined) q = q.where('id', '=', where.id)
  else if (!where.includeResolved) q = q.where('resolved_at', 'is', null)
  const rows = await q.execute()
  const sqlite = sqliteOf(db)
  const names = officeNames(db)
  const office = (version: string) => writerName(names, version)
  return rows.map((r) => {
    const labelSql = LABEL_SQL[r.table_name]
    const label = labelSql ? ((sqlite.prepare(labelSql).get(r.record_id) as { label: string } | undefined)?.label ?? r.record_id) : r.record_id
    return {
      id: r.id,
      kind: r.table_name,
      recordId: r.record_id,
      label,
      field: r.field,
      keptValue: parseValue(r.kept_value),
      keptOffice: office(r.kept_version),
      lostValue: parseValue(r.lost_value),
      lostOffice: office(r.lost_version),
      detectedAt: r.detected_at,
      resolvedAt: r.resolved_at,
      resolution: r.resolution as PaketConflict['resolution'],
    }
  })
}

export function listConflicts(db: Db, input: ParsedInput<'paket:conflicts'>): Promise<PaketConflict[]> {
  return conflictRows(db, { includeResolved: input.includeResolved })
}

/** Rewrites derived state after a direct field write (levels, search index). */
async function afterWrite(trx: Db, table: string, row: Record<string, unknown>): Promise<void> {
  if (table === 'kader') await recomputeCompetencies(trx, [row.id as string])
  if (table === 'assessment') await recomputeCompetencies(trx, [row.kader_id as string])
  if (table === 'meeting') await reindexMeeting(trx, row.id as string)
  if (table === 'follow_up') await reindexFollowUp(trx, row.id as string)
  if (table === 'follow_up_progress') await reindexFollowUp(trx, row.follow_up_id as string)
}

/** Writes `values` into a replicated row as a local change (new version, field versions bumped). */
async function writeFields(
  sqlite: ReturnType<typeof sqliteOf>,
  trx: Db,
  siteId: string,
  table: string,
  id: string,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const row = sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown> | undefined
  if (!row) throw new AppError({ code: 'not_found', message: 'Data yang dimaksud tidak ditemukan lagi.' })
  const version = await nextVersion(trx, siteId)
  const fieldVersions = bumpFieldVersions({ field_versions: row.field_versions as string, site_id: row.site_id as string }, Object.keys(values), version)
  const sets = Object.keys(values)
  sqlite
    .prepare(`update ${table} set ${sets.map((c) => `${c} = ?`).join(', ')}, version = ?, field_versions = ?, updated_at = ? where id = ?`)
    .run(...sets.map((c) => values[c]), version, fieldVersions, new Date().toISOString(), id)
  return { ...row, ...values }
}

export async function resolveConflict(db: Db, input: ParsedInput<'paket:resolveConflict'>): Promise<PaketConflict> {
  const site = await requireSite(db)
  const c = await db.selectFrom('sync_conflict').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (!c) throw new AppError({ code: 'not_found', message: 'Konflik ini tidak ditemukan.' })
  if (c.resolved_at) throw new AppError({ code: 'invalid_input', message: 'Konflik ini sudah diselesaikan.' })
  // The table name comes from our own import, but it is checked anyway before it reaches SQL.
  if (!(c.table_name in LABEL_SQL)) throw new AppError({ code: 'internal', message: 'Jenis data konflik ini tidak dikenal.' })
  // The raw handle belongs to the opened database; its statements run inside the Kysely
  // transaction open on the same connection.
  if (input.choice === 'restored') assertWewenang(site.level, [c.table_name as PaketKind], 'Memulihkan nilai ini')
  const sqlite = sqliteOf(db)
  await db.transaction().execute(async (trx) => {
    if (input.choice === 'restored') {
      const row = await writeFields(sqlite, trx, site.id, c.table_name, c.record_id, { [c.field]: parseValue(c.lost_value) })
      await afterWrite(trx, c.table_name, row)
    }
    await trx
      .updateTable('sync_conflict')
      .set({ resolved_at: new Date().toISOString(), resolution: input.choice })
      .where('id', '=', c.id)
      .execute()
  })
  return (await conflictRows(db, { id: c.id, includeResolved: true }))[0]!
}

// ---------------------------------------------------------------- same NIK

async function duplicateRows(db: Db, where: { id?: number; includeResolved: boolean }): Promise<KaderDuplicatePair[]> {
  let q = db.selectFrom('kader_duplicate').selectAll().orderBy('id', 'desc').limit(1000)
  if (where.id !== undefined) q = q.where('id', '=', where.id)
  else if (!where.includeResolved) q = q.where('resolved_at', 'is', null)
  const rows = await q.execute()
  const sqlite = sqliteOf(db)
  const names = officeNames(db)
  const one = sqlite.prepare(`
    select k.id, k.name, k.birth_date, k.site_id, p.name as posyandu, p.village_name as village,
      (select count(*) from assessment a where a.kader_id = k.id and a.deleted = 0) as assessments
    from kader k join posyandu p on p.id = k.posyandu_id where k.id = ?`)
  const side = (id: string) => {
    const k = one.get(id) as { id: string; name: string; birth_date: string; site_id: string; posyandu: string; village: string; assessments: number } | undefined
    if (!k) return { id, name: '(tidak ditemukan)', posyandu: '', village: '', birthDate: '', office: '', assessments: 0 }
    return { id: k.id, name: k.name, posyandu: k.posyandu, village: k.village, birthDate: k.birth_date, office: names.get(k.site_id) ?? '', assessments: k.assessments }
  }
  return rows.map((r) => ({
    id: r.id,
    nik: r.nik,
    a: side(r.kader_id),
    b: side(r.other_kader_id),
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution as KaderDuplicatePair['resolution'],
  }))
}

export function listDuplicates(db: Db, input: ParsedInput<'paket:duplicates'>): Promise<KaderDuplicatePair[]> {
  return duplicateRows(db, { includeResolved: input.includeResolved })
}

/**
 * "merged": the kept kader takes over the other's status history, trainings and assessments
 * (each a local change that travels), and the other is archived. A training both attended keeps
 * the kept kader's participation. "different": only the decision is recorded.
 */
export async function resolveDuplicate(db: Db, input: ParsedInput<'paket:resolveDuplicate'>): Promise<KaderDuplicatePair> {
  const site = await requireSite(db)
  const d = await db.selectFrom('kader_duplicate').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (!d) throw new AppError({ code: 'not_found', message: 'Pasangan data ini tidak ditemukan.' })
  if (d.resolved_at) throw new AppError({ code: 'invalid_input', message: 'Pasangan data ini sudah diputuskan.' })
  if (input.choice === 'merged' && input.keepId !== d.kader_id && input.keepId !== d.other_kader_id) {
    throw new AppError({ code: 'invalid_input', message: 'Pilih kader mana yang disimpan.' })
  }
  if (input.choice === 'merged') assertWewenang(site.level, ['kader', 'kader_status', 'assessment', 'training_participant'], 'Menggabungkan kader')
  const sqlite = sqliteOf(db)
  await db.transaction().execute(async (trx) => {
    if (input.choice === 'merged') {
      const keep = input.keepId!
      const drop = keep === d.kader_id ? d.other_kader_id : d.kader_id
      for (const table of ['kader_status', 'assessment'] as const) {
        for (const r of sqlite.prepare(`select id from ${table} where kader_id = ?`).all(drop) as { id: string }[]) {
          await writeFields(sqlite, trx, site.id, table, r.id, { kader_id: keep })
        }
      }
      const kept = new Set((sqlite.prepare('select training_id from training_participant where kader_id = ? and deleted = 0').all(keep) as { training_id: string }[]).map((r) => r.training_id))
      for (const r of sqlite.prepare('select id, training_id from training_participant where kader_id = ? and deleted = 0').all(drop) as { id: string; training_id: string }[]) {
        await writeFields(sqlite, trx, site.id, 'training_participant', r.id, kept.has(r.training_id) ? { deleted: 1 } : { kader_id: keep })
      }
      await writeFields(sqlite, trx, site.id, 'kader', drop, { deleted: 1 })
      await recomputeCompetencies(trx, [keep, drop])
    }
    await trx
      .updateTable('kader_duplicate')
      .set({ resolved_at: new Date().toISOString(), resolution: input.choice })
      .where('id', '=', d.id)
      .execute()
  })
  return (await duplicateRows(db, { id: d.id, includeResolved: true }))[0]!
}
