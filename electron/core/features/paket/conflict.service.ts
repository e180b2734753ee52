// What a person reviews after an import: the conflict list (a field two offices changed without
// seeing each other's change; the merge kept one value and parked the other here) and the
// same-NIK pairs (one person entered in two offices). Resolving either is an ordinary local
// change with a new version, so the decision travels with the next paket like any edit.

import type { KaderDuplicatePair, PaketConflict, ParsedInput } from '../../../../shared/contract'
import { isPaketKind, type PaketKind } from '../../../../shared/domain/paket'
import { assertWewenang } from './authority'
import { AppError } from '../../../../shared/result'
import { sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import { parseVersion } from '../../sync/hlc'
import { tombstoneRecord, updateRecord, updateRecords, type RecordPatch, type RecordState, type RecordUpdate } from '../../sync/write'
import { recomputeCompetencies } from '../competency/competency.service'
import { reindexFollowUp, reindexMeeting } from '../search/search.service'
import { requireSite } from '../site/site.service'
import { kindOf } from '../../sync/registry'
import { backupBefore } from '../cadangan/cadangan.service'

/** Office names by site id: every office heard of, this one marked, and the default list. */
export function officeNames(db: Db): Map<string, string> {
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
    const labelSql = isPaketKind(r.table_name) ? kindOf(r.table_name).labelSql : undefined
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

/**
 * Writes one field of a replicated row back as a local change (new version, its field version
 * bumped); `deleted` is a field like any other in a conflict, written as a tombstone or restore.
 * Returns the row as it now is.
 */
async function writeField(sqlite: ReturnType<typeof sqliteOf>, trx: Db, table: PaketKind, id: string, field: string, value: unknown): Promise<Record<string, unknown>> {
  const row = sqlite.prepare(`select * from ${table} where id = ?`).get(id) as (RecordState & Record<string, unknown>) | undefined
  if (!row) throw new AppError({ code: 'not_found', message: 'Data yang dimaksud tidak ditemukan lagi.' })
  if (field === 'deleted') await tombstoneRecord(trx, table, row, value === 1 ? 1 : 0, { source: 'konflik' })
  // The field comes from our own merge's conflict record: a column of this table.
  else await updateRecord(trx, table, row, { [field]: value } as RecordPatch<PaketKind>, { source: 'konflik' })
  return { ...row, [field]: value }
}

export async function resolveConflict(db: Db, input: ParsedInput<'paket:resolveConflict'>): Promise<PaketConflict> {
  const site = await requireSite(db)
  const c = await db.selectFrom('sync_conflict').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (!c) throw new AppError({ code: 'not_found', message: 'Konflik ini tidak ditemukan.' })
  if (c.resolved_at) throw new AppError({ code: 'invalid_input', message: 'Konflik ini sudah diselesaikan.' })
  // The table name comes from our own import, but it is checked anyway before it reaches SQL.
  if (!isPaketKind(c.table_name)) throw new AppError({ code: 'internal', message: 'Jenis data konflik ini tidak dikenal.' })
  // The raw handle belongs to the opened database; its statements run inside the Kysely
  // transaction open on the same connection.
  if (input.choice === 'restored') assertWewenang(site.level, [c.table_name as PaketKind], 'Memulihkan nilai ini')
  const sqlite = sqliteOf(db)
  await db.transaction().execute(async (trx) => {
    if (input.choice === 'restored') {
      const row = await writeField(sqlite, trx, c.table_name as PaketKind, c.record_id, c.field, parseValue(c.lost_value))
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
  // A merge moves a kader's whole record: a verified copy first, so it can be taken back.
  if (input.choice === 'merged') await backupBefore(db, 'gabung')
  const merge = { source: 'gabung' } as const
  await db.transaction().execute(async (trx) => {
    if (input.choice === 'merged') {
      const keep = input.keepId!
      const drop = keep === d.kader_id ? d.other_kader_id : d.kader_id
      const state = ['id', 'site_id', 'field_versions', 'kader_id', 'deleted'] as const
      for (const table of ['kader_status', 'assessment'] as const) {
        const rows = await trx.selectFrom(table).select(state).where('kader_id', '=', drop).execute()
        await updateRecords(trx, table, rows.map((r) => ({ existing: r, patch: { kader_id: keep } })), merge)
      }
      const kept = new Set(
        (await trx.selectFrom('training_participant').select('training_id').where('kader_id', '=', keep).where('deleted', '=', 0).execute()).map((r) => r.training_id),
      )
      const places = await trx.selectFrom('training_participant').select([...state, 'training_id']).where('kader_id', '=', drop).where('deleted', '=', 0).execute()
      // A training both attended keeps the kept kader's place: the other's is removed, not moved.
      await updateRecords(
        trx,
        'training_participant',
        places.map((r): RecordUpdate<'training_participant'> => (kept.has(r.training_id) ? { existing: r, patch: {}, deleted: 1 } : { existing: r, patch: { kader_id: keep } })),
        merge,
      )
      const dropped = await trx.selectFrom('kader').select(['id', 'site_id', 'field_versions', 'deleted']).where('id', '=', drop).executeTakeFirst()
      if (!dropped) throw new AppError({ code: 'not_found', message: 'Data yang dimaksud tidak ditemukan lagi.' })
      await tombstoneRecord(trx, 'kader', dropped, 1, merge)
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
