// Writing replicated records (the replication registry's write helpers). Every local change to a
// record that travels between offices goes through these three verbs, so the bookkeeping the
// merge depends on is done in one place: a fresh version from this office's hybrid logical clock
// (read and written once per call, inside the caller's transaction, so a rolled-back write uses
// up no clock value), the per-field versions of the columns that changed, the owner, the times,
// a tombstone instead of a delete, and the history of each changed field (riwayat perubahan). Feature services never write `version`,
// `field_versions`, `site_id`, `created_at`, `updated_at` or `deleted` themselves.

import { CompiledQuery, type Insertable } from 'kysely'
import type { PaketKind } from '../../../shared/domain/paket'
import type { Database, Db, ReplicatedColumns } from '../db/schema'
import { bumpFieldState } from './fields'
import { nextVersions, siteOfVersion, VERSION_CLOCK_LENGTH } from './hlc'
import { uuidv7 } from './uuid'

/** A replicated table's name (the registry's kinds). */
export type RecordTable = PaketKind

/** The columns a service provides for a new record: its data, and optionally its id. */
export type RecordData<T extends RecordTable> = Omit<Insertable<Database[T]>, keyof ReplicatedColumns> & { id?: string }

/** What an update or tombstone needs of the row as it is: its id, owner and per-field versions. */
export interface RecordState {
  id: string
  site_id: string
  field_versions: string
}

/** The data columns a service may change (bookkeeping excluded). */
export type RecordPatch<T extends RecordTable> = Partial<Omit<Database[T], keyof ReplicatedColumns>>

export interface WriteOptions {
  /** Wall-clock instant for created_at/updated_at (and the clock's wall time); default now. */
  nowMs?: number
  /**
   * The office the write is made as, when it is not this one: only the demo uses it, to write
   * records as its stand-in offices would have sent them. The clock is still this office's, so
   * versions stay unique and increasing.
   */
  as?: (index: number) => string
  /**
   * How the change came about, for the history (riwayat perubahan): typed here (default), a merge
   * of two records (`gabung`), or a conflict settled here (`konflik`). Imports write their own
   * history (features/paket/merge-records.ts).
   */
  source?: LocalSource
}

/** The history's sources of a change made on this PC. */
export type LocalSource = 'di-sini' | 'gabung' | 'konflik'

/** The setting that names the person at this PC (Pengaturan → Nama petugas). */
export const OFFICER_SETTING = 'officerName'

/** SQLite's limit on bound parameters is 32,766; chunks stay well below it for wide tables. */
const INSERT_CHUNK_PARAMS = 30_000

/** `count` increasing versions for this office (or for `as` writers), with one clock read and write (hlc.ts). */
async function issueVersions(trx: Db, count: number, nowMs: number, as?: (i: number) => string): Promise<{ versions: string[] }> {
  // No office yet: the clock says so (not_set_up), in the words every write uses.
  const siteId = (await trx.selectFrom('site').select('id').executeTakeFirst())?.id ?? ''
  const versions = await nextVersions(trx, siteId, count, nowMs)
  // The clock is this office's; the name on the version is the writer's.
  return { versions: as ? versions.map((v, i) => `${v.slice(0, VERSION_CLOCK_LENGTH)}${as(i)}`) : versions }
}

/**
 * Creates records (one or many) owned by this office, each with its own increasing version.
 * Returns their ids in order. Many rows go in multi-row inserts, chunked under SQLite's limit.
 */
export async function insertRecords<T extends RecordTable>(trx: Db, table: T, rows: readonly RecordData<T>[], options: WriteOptions = {}): Promise<string[]> {
  if (rows.length === 0) return []
  const nowMs = options.nowMs ?? Date.now()
  const { versions } = await issueVersions(trx, rows.length, nowMs, options.as)
  const now = new Date(nowMs).toISOString()
  const full = rows.map((r, i) => {
    const version = versions[i]!
    return {
      ...r,
      id: r.id ?? uuidv7(nowMs),
      site_id: siteOfVersion(version),
      version,
      field_versions: '{}',
      created_at: now,
      updated_at: now,
      deleted: 0 as const,
    }
  })
  const perRow = Object.keys(full[0]!).length
  const chunk = Math.max(1, Math.floor(INSERT_CHUNK_PARAMS / perRow))
  for (let i = 0; i < full.length; i += chunk) {
    // The row shapes are the table's own; Kysely cannot follow the generic table name here.
    await trx
      .insertInto(table)
      .values(full.slice(i, i + chunk) as never)
      .execute()
  }
  return full.map((r) => r.id)
}

/** Creates one record owned by this office; returns its id. */
export async function insertRecord<T extends RecordTable>(trx: Db, table: T, row: RecordData<T>, options: WriteOptions = {}): Promise<string> {
  return (await insertRecords(trx, table, [row], options))[0]!
}

export interface RecordUpdate<T extends RecordTable> {
  /** The row as it is now. Columns of `patch` found here count as changed only when they differ. */
  existing: RecordState
  patch: RecordPatch<T>
  /**
   * Write even when no column of `patch` differs: a new version and updated_at, no field version.
   * For a record whose change people see lives in another record (a progress note on a follow-up).
   */
  touch?: boolean
  /**
   * Also set the tombstone in the same version: 0 restores an archived record while changing it
   * (the roster import's kader found in the archive). Counts as a change only when it differs
   * from `existing.deleted`, so pass `deleted` in existing.
   */
  deleted?: 0 | 1
}

const same = (a: unknown, b: unknown) => a === b || (a == null && b == null)

/**
 * Changes records: for each, the columns of `patch` that differ from `existing` get a new version
 * (one per record), their field versions are bumped, and the time is stamped. Records with no
 * real change are left alone. Returns how many were written.
 */
export async function updateRecords<T extends RecordTable>(trx: Db, table: T, updates: readonly RecordUpdate<T>[], options: WriteOptions = {}): Promise<number> {
  const real = updates
    .map((u) => {
      const patch = (u.deleted === undefined ? u.patch : { ...u.patch, deleted: u.deleted }) as Record<string, unknown>
      const now = u.existing as unknown as Record<string, unknown>
      const changed = Object.keys(patch).filter((c) => patch[c] !== undefined && (!(c in now) || !same(now[c], patch[c])))
      return { existing: u.existing, patch, changed, touch: u.touch === true }
    })
    .filter((u) => u.changed.length > 0 || u.touch)
  if (real.length === 0) return 0
  const nowMs = options.nowMs ?? Date.now()
  const { versions } = await issueVersions(trx, real.length, nowMs, options.as)
  const now = new Date(nowMs).toISOString()
  // Before the rows change: the history needs the values they had.
  await recordHistory(trx, table, real, versions, now, options)
  for (const [i, u] of real.entries()) {
    const version = versions[i]!
    const set: Record<string, unknown> = {}
    for (const c of u.changed) set[c] = u.patch[c]
    // As for inserts: the generic table name is beyond Kysely's types, the columns are the table's.
    await trx
      .updateTable(table as 'posyandu')
      .set({ ...set, version, field_versions: bumpFieldState(u.existing, u.changed, version), updated_at: now } as never)
      .where('id', '=', u.existing.id)
      .execute()
  }
  return real.length
}

/** The person named in Pengaturan, or null (the setting holds JSON, as settings.service writes it). */
async function officerName(trx: Db): Promise<string | null> {
  const raw = (await trx.selectFrom('setting').select('value').where('key', '=', OFFICER_SETTING).executeTakeFirst())?.value
  if (raw === undefined) return null
  try {
    const v = JSON.parse(raw) as unknown
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
  } catch {
    return null
  }
}

const HISTORY_CHUNK = Math.floor(INSERT_CHUNK_PARAMS / 9)

/**
 * One history row per changed column (the tombstone is the column `deleted`), in the caller's
 * transaction, so a change and its history are written together or not at all. The old value
 * is the row's as the caller read it; a column the caller did not read is read here.
 */
async function recordHistory(
  trx: Db,
  table: RecordTable,
  real: readonly { existing: RecordState; patch: Record<string, unknown>; changed: string[] }[],
  versions: readonly string[],
  at: string,
  options: WriteOptions,
): Promise<void> {
  const rows: Insertable<Database['riwayat']>[] = []
  // A stand-in office's write (the demo) is not made by the person at this PC.
  const person = options.as ? null : await officerName(trx)
  const source = options.source ?? 'di-sini'
  for (const [i, u] of real.entries()) {
    if (u.changed.length === 0) continue
    let before = u.existing as unknown as Record<string, unknown>
    if (u.changed.some((c) => !(c in before))) {
      // The generic table name is beyond Kysely's types; every replicated table has an id.
      const row = await trx
        .selectFrom(table as 'posyandu')
        .selectAll()
        .where('id', '=', u.existing.id)
        .executeTakeFirst()
      before = { ...(row as Record<string, unknown> | undefined), ...before }
    }
    const siteId = siteOfVersion(versions[i]!)
    for (const c of u.changed) {
      if (same(before[c], u.patch[c])) continue
      rows.push({ table_name: table, record_id: u.existing.id, at, site_id: siteId, person, field: c, from_value: json(before[c]), to_value: json(u.patch[c]), source })
    }
  }
  for (let i = 0; i < rows.length; i += HISTORY_CHUNK) await trx.insertInto('riwayat').values(rows.slice(i, i + HISTORY_CHUNK)).execute()
}

/** A value as the history keeps it: JSON, null for no value. */
export const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v))

/** Changes one record (see updateRecords); false when nothing differed. */
export async function updateRecord<T extends RecordTable>(
  trx: Db,
  table: T,
  existing: RecordUpdate<T>['existing'],
  patch: RecordPatch<T>,
  options: WriteOptions = {},
): Promise<boolean> {
  return (await updateRecords(trx, table, [{ existing, patch }], options)) > 0
}

/**
 * Marks records deleted (or, with `deleted = 0`, restores them). Records are never removed: the
 * tombstone travels, so the delete reaches every office that holds a copy.
 */
export async function tombstoneRecords<T extends RecordTable>(
  trx: Db,
  table: T,
  rows: readonly (RecordState & { deleted?: number })[],
  deleted: 0 | 1 = 1,
  options: WriteOptions = {},
): Promise<number> {
  return updateRecords(
    trx,
    table,
    rows.map((existing) => ({ existing, patch: { deleted } as unknown as RecordPatch<T> })),
    options,
  )
}

/** Marks one record deleted (or restores it). */
export async function tombstoneRecord<T extends RecordTable>(
  trx: Db,
  table: T,
  row: RecordState & { deleted?: number },
  deleted: 0 | 1 = 1,
  options: WriteOptions = {},
): Promise<boolean> {
  return (await tombstoneRecords(trx, table, [row], deleted, options)) > 0
}

/** Owner of reference records every installation seeds identically, before any office exists. */
export const REFERENCE_SITE_ID = 'default'
/** Older than any version the clock can issue, so any real edit of a seeded record wins a merge. */
export const REFERENCE_VERSION = `0000000000000:0000:${REFERENCE_SITE_ID}`
/** The creation instant of seeded records (the instant of REFERENCE_VERSION), the same everywhere. */
export const REFERENCE_CREATED_AT = '1970-01-01T00:00:00.000Z'

/**
 * Seeds reference records (the default OPD list) that every installation creates identically.
 * Unlike insertRecords, nothing here comes from this office: the owner, the version and the times
 * are fixed constants and the ids are derived from the data by the caller, so two offices that
 * seeded independently hold byte-identical copies of one record, and any later real edit (with a
 * clock version) wins over the seed in a merge. No clock value is used, so seeding works before
 * the office is set up. Rows already present (same id) are left alone, so two windows opening one
 * fresh file at once do not fail.
 */
export async function seedReferenceRecords<T extends RecordTable>(db: Db, table: T, rows: readonly (RecordData<T> & { id: string })[]): Promise<void> {
  if (rows.length === 0) return
  const full = rows.map((r) => ({
    ...r,
    site_id: REFERENCE_SITE_ID,
    version: REFERENCE_VERSION,
    field_versions: '{}',
    created_at: REFERENCE_CREATED_AT,
    updated_at: REFERENCE_CREATED_AT,
    deleted: 0 as const,
  }))
  // As for inserts: the generic table name is beyond Kysely's types, the columns are the table's.
  await db
    .insertInto(table as 'opd')
    .values(full as never)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

// ---------------------------------------------------------------- bulk

/** Rows per hand-compiled statement: measured, a few hundred is as fast as it gets (longer ones parse slower). */
const BULK_ROWS = 250
const BOOKKEEPING = ['id', 'site_id', 'version', 'field_versions', 'created_at', 'updated_at', 'deleted'] as const
const bulkStatements = new Map<string, string>()

function bulkStatement(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}(${columns.join(',')})${rows}`
  let text = bulkStatements.get(key)
  if (!text) {
    const tuple = `(${columns.map(() => '?').join(', ')})`
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`
    bulkStatements.set(key, text)
  }
  return text
}

/**
 * insertRecords for bulk writers (the demo's hundreds of thousands of assessments): the same
 * records and bookkeeping, but each row given as its values in the order of `columns`, and
 * written by hand-compiled multi-row statements. At that size Kysely's builder, and an object
 * per row, cost more than SQLite spends storing them. Without an "id" column the ids are new
 * UUIDv7s. Returns the ids in row order.
 */
export async function insertRecordValues<T extends RecordTable>(
  trx: Db,
  table: T,
  columns: readonly (keyof RecordData<T> & string)[],
  rows: readonly (readonly unknown[])[],
  options: WriteOptions = {},
): Promise<string[]> {
  if (rows.length === 0) return []
  const nowMs = options.nowMs ?? Date.now()
  const { versions } = await issueVersions(trx, rows.length, nowMs, options.as)
  const now = new Date(nowMs).toISOString()
  const idAt = columns.indexOf('id' as keyof RecordData<T> & string)
  const all = [...BOOKKEEPING, ...columns.filter((_, c) => c !== idAt)]
  const per = Math.max(1, Math.min(BULK_ROWS, Math.floor(INSERT_CHUNK_PARAMS / all.length)))
  const ids: string[] = new Array<string>(rows.length)
  for (let i = 0; i < rows.length; i += per) {
    const end = Math.min(rows.length, i + per)
    const params: unknown[] = []
    for (let j = i; j < end; j++) {
      const row = rows[j]!
      if (row.length !== columns.length) throw new Error(`insertRecordValues: row ${j} of ${table} has ${row.length} values for ${columns.length} columns`)
      const id = idAt >= 0 ? (row[idAt] as string) : uuidv7(nowMs)
      const version = versions[j]!
      ids[j] = id
      params.push(id, siteOfVersion(version), version, '{}', now, now, 0)
      for (let c = 0; c < row.length; c++) if (c !== idAt) params.push(row[c])
    }
    await trx.executeQuery(CompiledQuery.raw(bulkStatement(table, all, end - i), params))
  }
  return ids
}
