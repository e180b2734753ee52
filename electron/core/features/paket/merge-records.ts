// The import's judge-and-merge stage: every incoming record is judged (authority.ts, from the
// registry) and merged field by field (sync/merge.ts) into the local copy, or kept aside when it
// cannot be judged yet (held), or refused. Held records are judged again, with the same code,
// whenever an import brings new knowledge. Runs inside the import's transaction.

import { createHash } from 'node:crypto'
import type SqliteDatabase from 'better-sqlite3'
import type { PaketImportSummary, PaketKindSummary } from '../../../../shared/contract'
import type { PaketKind } from '../../../../shared/domain/paket'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { areaResolver, LEVEL_RANK, type AreaResolver, type Scope } from '../../sync/area'
import { parseFieldState } from '../../sync/fields'
import { parseVersion } from '../../sync/hlc'
import { mergeRow, type Row } from '../../sync/merge'
import { BOOKKEEPING_COLUMNS, kindOf, MERGE_ORDER, type Derived } from '../../sync/registry'
import { json } from '../../sync/write'
import { DEFAULT_OWNER, judge, signedScopes, type Verdict } from './authority'
import { travellingColumns } from './records'

/** How far ahead of this PC's clock a version may be: beyond it the sender's clock is wrong. */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000
const MAX_REFUSALS_LISTED = 200

/** The office that signed a paket, as far as this office knows it (from its signed card). */
export interface Sender extends Scope {
  siteId: string
}

/** What one import writes and counts; built once per import by `mergeStage`. */
interface Ctx {
  sqlite: SqliteDatabase.Database
  self: { id: string; level: SiteLevel }
  bundleId: string
  now: string
  /** This import's own clock value, stamped on every row it writes (`received`). */
  received: string
  limitMs: number
  summary: PaketImportSummary
  kinds: Map<string, PaketKindSummary>
  scopes: Map<string, Scope>
  /** Office names as heard of (unsigned: for messages only). */
  names: Map<string, string>
  areas: AreaResolver
  touched: Map<Derived, Set<string>>
  maxVersion: string
  tables: Map<PaketKind, TableStatements>
  statements: Map<string, SqliteDatabase.Statement>
}

/** A statement prepared once per import. */
function stmt(ctx: Ctx, sql: string): SqliteDatabase.Statement {
  let s = ctx.statements.get(sql)
  if (!s) ctx.statements.set(sql, (s = ctx.sqlite.prepare(sql)))
  return s
}

interface TableStatements {
  kind: PaketKind
  dataColumns: string[]
  names: string[]
  select: SqliteDatabase.Statement
  insert: SqliteDatabase.Statement
  update: SqliteDatabase.Statement
  /** Empty before this import: no incoming id can be here, the lookups are skipped. */
  wasEmpty: boolean
}

type Outcome = 'new' | 'updated' | 'unchanged' | { held: boolean; reason: string }

const refuse = (reason: string): Outcome => ({ held: false, reason })

/** The newest instant (ms) among a row's version and the versions inside its field_versions. */
function newestVersionMs(version: string, fieldVersions: string): number {
  let newest = parseVersion(version).ms
  if (fieldVersions === '{}') return newest
  const state = parseFieldState(fieldVersions)
  for (const map of [state.fields, state.seen, state.ownerSeen]) {
    for (const v of Object.values(map)) newest = Math.max(newest, parseVersion(v).ms)
  }
  return newest
}

function statements(sqlite: SqliteDatabase.Database, table: PaketKind): TableStatements {
  const cols = travellingColumns(sqlite, table).map((c) => c.name)
  const names = [...cols, 'received']
  return {
    kind: table,
    dataColumns: cols.filter((c) => !BOOKKEEPING_COLUMNS.has(c)),
    names,
    select: sqlite.prepare(`select * from ${table} where id = ?`),
    insert: sqlite.prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`),
    update: sqlite.prepare(`update ${table} set ${names.filter((n) => n !== 'id').map((n) => `${n} = ?`).join(', ')} where id = ?`),
    wasEmpty: !sqlite.prepare(`select 1 from ${table} limit 1`).get(),
  }
}

export interface MergeStage {
  /** Judges and merges one table's incoming records (call in MERGE_ORDER). */
  mergeTable(table: PaketKind, rows: Row[], sender: Sender): void
  /** Judges every held record again with what is known now; returns how many got in. */
  rejudgeHeld(): number
  /** Kader, meetings, follow-ups whose derived state needs refreshing, and the newest version written. */
  touched: Map<Derived, Set<string>>
  maxVersion(): string
}

export function mergeStage(
  sqlite: SqliteDatabase.Database,
  self: { id: string; level: SiteLevel },
  bundleId: string,
  received: string,
  nowMs: number,
  summary: PaketImportSummary,
  /** Offices the paket names (its unsigned list): for the messages about unknown writers only. */
  named: readonly { siteId: string; name: string }[],
): MergeStage {
  const names = new Map((sqlite.prepare('select site_id, name from office').all() as { site_id: string; name: string }[]).map((o) => [o.site_id, o.name]))
  for (const o of named) if (!names.has(o.siteId)) names.set(o.siteId, o.name)
  const ctx: Ctx = {
    sqlite,
    self,
    bundleId,
    now: new Date(nowMs).toISOString(),
    received,
    limitMs: nowMs + FUTURE_TOLERANCE_MS,
    summary,
    kinds: new Map(summary.kinds.map((k) => [k.kind, k])),
    scopes: signedScopes(sqlite),
    names,
    areas: areaResolver(sqlite, (siteId) => ctx.scopes.get(siteId)?.code || undefined),
    touched: new Map(),
    maxVersion: '',
    tables: new Map(),
    statements: new Map(),
  }
  return {
    mergeTable: (table, rows, sender) => {
      const held = stmt(ctx, HOLD)
      ctx.areas.reset()
      for (const r of rows) {
        const outcome = mergeOne(ctx, table, r, sender)
        count(ctx, table, r.id as string, outcome)
        if (typeof outcome === 'object' && outcome.held) {
          const json = JSON.stringify(r)
          held.run(table, r.id, json, sha256(json), outcome.reason, sender.siteId, bundleId, ctx.now)
        }
      }
      tableOf(ctx, table).wasEmpty = false
    },
    rejudgeHeld: () => rejudgeHeld(ctx),
    touched: ctx.touched,
    maxVersion: () => ctx.maxVersion,
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

const HOLD = 'insert or ignore into paket_held (table_name, record_id, row, row_hash, reason, sender_site_id, bundle_id, held_at) values (?, ?, ?, ?, ?, ?, ?, ?)'

function count(ctx: Ctx, table: string, recordId: string, outcome: Outcome): void {
  const kind = ctx.kinds.get(table)!
  if (outcome === 'new') kind.new++
  else if (outcome === 'updated') kind.updated++
  else if (outcome === 'unchanged') kind.unchanged++
  else {
    kind.refused++
    if (outcome.held) kind.held++
    if (ctx.summary.refusals.length < MAX_REFUSALS_LISTED) ctx.summary.refusals.push({ kind: table, recordId, reason: outcome.reason, held: outcome.held })
  }
}

/**
 * Held records, judged again until a pass lets none in (a released parent can release its
 * children). Those that get in or are now refused for good leave the list; the others stay.
 */
function rejudgeHeld(ctx: Ctx): number {
  const { sqlite } = ctx
  // Cards learned by this import count (the merge stage was set up after they were learned).
  ctx.scopes = signedScopes(sqlite)
  for (const t of ctx.tables.values()) t.wasEmpty = false
  const list = sqlite.prepare('select id, row, reason, sender_site_id from paket_held where table_name = ? order by id')
  const drop = sqlite.prepare('delete from paket_held where id = ?')
  const note = sqlite.prepare('update paket_held set reason = ? where id = ?')
  let released = 0
  for (let pass = 0; pass < MERGE_ORDER.length + 1; pass++) {
    let progress = 0
    for (const table of MERGE_ORDER) {
      const rows = list.all(table) as { id: number; row: string; reason: string; sender_site_id: string }[]
      if (rows.length === 0) continue
      ctx.areas.reset()
      for (const h of rows) {
        const r = JSON.parse(h.row) as Row
        const sender = senderOf(ctx, h.sender_site_id)
        const outcome = sender ? mergeOne(ctx, table, r, sender) : ({ held: true, reason: h.reason } as const)
        if (typeof outcome === 'object') {
          if (outcome.held) {
            if (outcome.reason !== h.reason) note.run(outcome.reason, h.id)
            continue
          }
        } else if (outcome !== 'unchanged') {
          released++
          progress++
          // Counted with the kind like the paket's own records: the person sees what changed.
          ctx.kinds.get(table)![outcome]++
        }
        drop.run(h.id)
      }
    }
    if (progress === 0) break
  }
  return released
}

/** A held record's sender: a relay whose card this office trusts (it imported the paket). */
function senderOf(ctx: Ctx, siteId: string): Sender | null {
  const s = ctx.scopes.get(siteId)
  return s ? { ...s, siteId } : null
}

function tableOf(ctx: Ctx, table: PaketKind): TableStatements {
  let t = ctx.tables.get(table)
  if (!t) ctx.tables.set(table, (t = statements(ctx.sqlite, table)))
  return t
}

/** The site ids that wrote a record's values: its creator and every field's last writer. */
function allWriters(r: Row): Set<string> {
  const writers = new Set([r.site_id as string])
  if (r.field_versions !== '{}') for (const v of Object.values(parseFieldState(r.field_versions as string).fields)) writers.add(parseVersion(v).siteId)
  return writers
}

function mergeOne(ctx: Ctx, table: PaketKind, r: Row, sender: Sender): Outcome {
  const t = tableOf(ctx, table)
  const id = r.id as string
  // Every version the row carries (its own, each column's, what its writers had seen) must be
  // within a day of this PC's clock: one far ahead would win every later edit.
  const newest = newestVersionMs(r.version as string, r.field_versions as string)
  if (newest > ctx.limitMs) {
    return refuse(
      `Versi data ini bertanggal ${new Date(newest).toISOString().slice(0, 10)}, lebih dari sehari di depan jam komputer ini. Jam komputer pengirim tampaknya salah: betulkan tanggal dan jamnya, lalu kirim paket baru.`,
    )
  }
  const local = t.wasEmpty ? undefined : (t.select.get(id) as Row | undefined)
  const fromAbove = LEVEL_RANK[sender.level] > LEVEL_RANK[ctx.self.level]
  if (kindOf(table).area.length === 0 && !fromAbove) {
    // Reference data flows down: a record owned by this level or above (or the default list)
    // changes only through a paket from above. An office's own new units may come up.
    const owner = r.site_id as string
    const ownerLevel = owner === DEFAULT_OWNER ? 'kota' : ctx.scopes.get(owner)?.level
    if (ownerLevel !== undefined && LEVEL_RANK[ownerLevel] >= LEVEL_RANK[ctx.self.level]) {
      if (local && mergeRow(local, r, t.dataColumns).row === null) return 'unchanged'
      return refuse('Daftar OPD hanya diterima dari kantor tingkat di atas (Dinas); perubahan dari kantor ini diabaikan.')
    }
  }
  const verdictOf = (writers: Iterable<string>, areas: (string | undefined)[]): Verdict => {
    for (const w of writers) {
      const v = judge(table, areas, w, ctx.scopes, ctx.self.id, sender, (s) => ctx.names.get(s))
      if (!v.ok) return v
    }
    return { ok: true }
  }
  let outcome: Outcome
  let written: Row
  if (!local) {
    // A new record: its creator and whoever wrote its fields since.
    const v = verdictOf(allWriters(r), [ctx.areas.areaOf(table, r)])
    if (!v.ok) return v
    if (!write(() => t.insert.run(...t.names.map((n) => (n === 'received' ? ctx.received : r[n]))))) return parentMissing(table)
    if (table === 'kader') flagDuplicates(ctx, r)
    outcome = 'new'
    written = r
  } else {
    if (local.site_id !== r.site_id || local.created_at !== r.created_at) {
      return refuse('Data dengan pengenal yang sama di sini dibuat oleh kantor lain. Data ini tidak digabung.')
    }
    const merged = mergeRow(local, r, t.dataColumns)
    if (merged.row === null) return 'unchanged'
    const row = merged.row
    const before = ctx.areas.areaOf(table, local)
    const after = ctx.areas.areaOf(table, row)
    const v = verdictOf(merged.writers, before === after ? [before] : [before, after])
    if (!v.ok) return v
    if (!write(() => t.update.run(...t.names.filter((n) => n !== 'id').map((n) => (n === 'received' ? ctx.received : row[n])), id))) return parentMissing(table)
    recordHistory(ctx, t, local, row)
    if (table === 'kader' && row.deleted === 1 && local.deleted !== 1) {
      // A pair settled elsewhere (the Puskesmas merged it, archiving one side): nothing left to decide here.
      stmt(ctx, "update kader_duplicate set resolved_at = ?, resolution = 'merged' where resolved_at is null and (kader_id = ? or other_kader_id = ?)").run(ctx.now, id, id)
    }
    if (merged.conflicts.length > 0) {
      ctx.kinds.get(table)!.conflicts++
      const insert = stmt(
        ctx,
        'insert into sync_conflict (table_name, record_id, field, kept_value, kept_version, lost_value, lost_version, bundle_id, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      for (const c of merged.conflicts) {
        insert.run(table, id, c.field, JSON.stringify(c.keptValue ?? null), c.keptVersion, JSON.stringify(c.lostValue ?? null), c.lostVersion, ctx.bundleId, ctx.now)
      }
    }
    outcome = 'updated'
    written = row
  }
  const version = r.version as string
  if (version > ctx.maxVersion) ctx.maxVersion = version
  const refresh = kindOf(table).refresh
  if (refresh) {
    let set = ctx.touched.get(refresh.derived)
    if (!set) ctx.touched.set(refresh.derived, (set = new Set()))
    set.add(written[refresh.key] as string)
  }
  return outcome
}

const HISTORY = "insert into riwayat (table_name, record_id, at, site_id, person, field, from_value, to_value, source) values (?, ?, ?, ?, null, ?, ?, ?, 'paket')"

/**
 * The history of an incoming change (riwayat perubahan): one row per field whose value here
 * changed, dated and named by that field's writer (its version), not by the sender who relayed
 * it. A new record gets none: its created_at and owner tell its creation.
 */
function recordHistory(ctx: Ctx, t: TableStatements, local: Row, row: Row): void {
  let fields: Record<string, string> | undefined
  for (const c of t.dataColumns) {
    const from = local[c] ?? null
    const to = row[c] ?? null
    if (from === to) continue
    fields ??= row.field_versions === '{}' ? {} : parseFieldState(row.field_versions as string).fields
    const v = parseVersion(fields[c] ?? (row.version as string))
    stmt(ctx, HISTORY).run(t.kind, row.id, new Date(v.ms).toISOString(), v.siteId, c, json(from), json(to))
  }
}

/**
 * Runs a write; false when a parent record is missing (foreign key). SQLite undoes just that
 * statement and the transaction goes on: the record is held until its parent comes.
 */
function write(run: () => void): boolean {
  try {
    run()
    return true
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e
    return false
  }
}

function parentMissing(table: PaketKind): Outcome {
  const cols = Object.keys(kindOf(table).parents).join(', ')
  return {
    held: true,
    reason: `Data induknya (${cols}) belum ada di sini dan tidak ikut paket ini. Data ini disimpan dan digabung begitu data induknya datang; bila tidak kunjung datang, minta pengirim membuat paket lengkap.`,
  }
}

/** Same-NIK pairs: one person entered in two offices, for a person to decide. */
function flagDuplicates(ctx: Ctx, r: Row): void {
  // INDEXED BY: the planner, guessing from the roster's wide covering indexes, otherwise scans them.
  const same = stmt(ctx, 'select id from kader indexed by kader_nik_idx where nik = ? and id != ? and deleted = 0')
  const insert = stmt(ctx, 'insert or ignore into kader_duplicate (nik, kader_id, other_kader_id, bundle_id, detected_at) values (?, ?, ?, ?, ?)')
  for (const other of same.all(r.nik, r.id) as { id: string }[]) {
    if (insert.run(r.nik, other.id, r.id, ctx.bundleId, ctx.now).changes > 0) ctx.summary.duplicates++
  }
}
