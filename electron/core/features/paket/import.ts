// Receiving a bundle: check it whole, merge every record field by field in one transaction, and
// report per kind what is new, updated, unchanged, in conflict or refused. The preview is the
// same computation rolled back, so what it promises is exactly what the import does.

import { basename } from 'node:path'
import type { PaketImportSummary, PaketKindSummary, PaketManifestInfo, PaketRefusal, PaketSenderKey } from '../../../../shared/contract'
import { catalogueSchema } from '../../../../shared/domain/competency'
import type { PaketKind } from '../../../../shared/domain/paket'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import { SCHEMA_VERSION } from '../../db/migrations'
import { optimizeDatabase, sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import type { Emit } from '../../ipc/types'
import { damaged, parseNdjson, readBundle, type BundleContent, type Manifest } from '../../sync/bundle'
import { REPLICATED_TABLES } from '../../sync/digest'
import { parseFieldState } from '../../sync/fields'
import { formatClock, observe, parseClock, parseVersion, tick } from '../../sync/hlc'
import { BOOKKEEPING_COLUMNS, mergeRow, type Row } from '../../sync/merge'
import { cardFingerprint, parseCard, sameFingerprint } from '../../sync/card'
import { contentKeyOpener, receiveRevocations, revocationOf, trust, trustStatus, vouchedByTrustedKey } from '../kunci/kunci.service'
import { storeCatalogue } from '../competency/catalogue.service'
import { recomputeCompetencies } from '../competency/competency.service'
import { rebuildSearchIndex, reindexFollowUp, reindexMeeting } from '../search/search.service'
import { requireSite } from '../site/site.service'
import { LEVEL_RANK } from './area'
import { areaLookup, loadScopes, refusal, withinScope, type Scope } from './authority'

/** How far ahead of this PC's clock a version may be: beyond it the sender's clock is wrong. */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000
const MAX_REFUSALS_LISTED = 200

/** Parent records each table points at (foreign keys): a record whose parent is missing here is refused. */
const PARENTS: Record<string, [column: string, table: string][]> = {
  kader: [['posyandu_id', 'posyandu']],
  kader_status: [['kader_id', 'kader']],
  training_participant: [
    ['training_id', 'training'],
    ['kader_id', 'kader'],
  ],
  assessment: [
    ['kader_id', 'kader'],
    ['training_id', 'training'],
  ],
  meeting: [['posyandu_id', 'posyandu']],
  attachment: [['meeting_id', 'meeting']],
  follow_up: [
    ['meeting_id', 'meeting'],
    ['posyandu_id', 'posyandu'],
    ['opd_id', 'opd'],
  ],
  follow_up_progress: [['follow_up_id', 'follow_up']],
}

// REPLICATED_TABLES is in parent-before-child order except opd, which follow_up needs first.
const IMPORT_ORDER = ['opd', ...REPLICATED_TABLES.filter((t) => t !== 'opd')]

interface Column {
  name: string
  type: string
  notnull: boolean
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/
const VERSION = /^\d{13}:\d{4}:[^"\\\s]{1,64}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const JSON_LISTS = new Set(['spm_fields', 'facilitators', 'competencies', 'attendance', 'agenda', 'attendees'])

type Check = (v: unknown) => string | null

/** One check per column, built once per table from its declared type and name. */
function columnCheck(c: Column): Check {
  const isDate = c.type === 'TEXT' && /(^|_)date$/.test(c.name)
  const isList = JSON_LISTS.has(c.name)
  return (v) => {
    if (v === null) return c.notnull ? `kolom ${c.name} kosong` : null
    switch (c.type) {
      case 'TEXT':
        if (typeof v !== 'string') return `kolom ${c.name} bukan teks`
        if (v.length > 100_000) return `kolom ${c.name} terlalu panjang`
        if (isDate && !DATE.test(v)) return `kolom ${c.name} bukan tanggal`
        if (isList) {
          try {
            if (!Array.isArray(JSON.parse(v))) return `kolom ${c.name} bukan daftar`
          } catch {
            return `kolom ${c.name} bukan daftar`
          }
        }
        return null
      case 'INTEGER':
        return Number.isInteger(v) ? null : `kolom ${c.name} bukan bilangan bulat`
      case 'REAL':
        return typeof v === 'number' && Number.isFinite(v) ? null : `kolom ${c.name} bukan angka`
      default:
        return null
    }
  }
}

/**
 * A checker of a record's shape against the table: exactly its columns, each of the right type,
 * plus the formats the app relies on. A record failing it was not written by Simpul Posyandu: the
 * bundle is refused whole. The checker returns a reason, or null when the record is sound.
 */
function recordChecker(table: string, columns: Column[]): (row: Row) => string | null {
  const checks = columns.map((c) => [c.name, columnCheck(c)] as const)
  return (row) => {
    let n = 0
    for (const _ in row) n++
    if (n !== checks.length) return 'kolomnya tidak sesuai'
    for (const [name, check] of checks) {
      if (!(name in row)) return `kolom ${name} tidak ada`
      const reason = check(row[name])
      if (reason) return reason
    }
    if (!UUID.test(row.id as string)) return 'pengenalnya tidak sah'
    if (!VERSION.test(row.version as string)) return 'versinya tidak sah'
    if (!INSTANT.test(row.created_at as string) || !INSTANT.test(row.updated_at as string)) return 'waktu ubahnya tidak sah'
    if (row.deleted !== 0 && row.deleted !== 1) return 'tanda hapusnya tidak sah'
    if (row.field_versions !== '{}') {
      try {
        parseFieldState(row.field_versions as string)
      } catch {
        return 'versi per kolomnya tidak sah'
      }
    }
    if (table === 'kader') {
      if (!/^\d{16}$/.test(row.nik as string)) return 'NIK bukan 16 angka'
      if (row.sex !== 'L' && row.sex !== 'P') return 'jenis kelaminnya tidak sah'
    }
    return null
  }
}

function columnsOf(sqlite: ReturnType<typeof sqliteOf>, table: string): Column[] {
  return (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string; type: string; notnull: number }[])
    .filter((c) => c.name !== 'received')
    .map((c) => ({ name: c.name, type: c.type.toUpperCase(), notnull: c.notnull === 1 }))
}

export function manifestInfo(m: Manifest): PaketManifestInfo {
  return {
    bundleId: m.bundleId,
    formatVersion: m.formatVersion,
    schemaVersion: m.schemaVersion,
    appVersion: m.appVersion,
    catalogueVersion: m.catalogueVersion,
    createdAt: m.createdAt,
    sender: { siteId: m.sender.siteId, level: m.sender.level, areaCode: m.sender.areaCode, areaName: m.sender.areaName, name: m.sender.name },
    recipient: m.recipient,
    full: m.full,
    versions: m.versions,
    counts: m.counts,
    records: Object.values(m.counts).reduce((a, b) => a + b, 0),
  }
}

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

/** Thrown to roll the preview's transaction back after it has computed everything. */
class PreviewDone extends Error {}

export interface ImportOptions {
  apply: boolean
  /** The fingerprint a person confirmed for a sender whose key is not trusted yet. */
  acceptFingerprint?: string | null
  emit?: Emit
  nowMs?: number
}

export async function importBundle(db: Db, path: string, options: ImportOptions): Promise<PaketImportSummary> {
  const nowMs = options.nowMs ?? Date.now()
  const progress = (done: number, total: number, label: string) => options.emit?.('progress', { task: 'paket', done, total, label })
  const site = await requireSite(db)
  progress(0, 100, 'Membaca dan memeriksa paket')
  const open = await contentKeyOpener(db)
  const revocations = new Map((await db.selectFrom('key_revocation').select(['fingerprint', 'revoked_at', 'reason']).execute()).map((r) => [r.fingerprint, r]))
  // Checked on the signed manifest, before anything is decrypted: who sent it comes first.
  const refuseSender = (manifest: Manifest) => {
    if (manifest.sender.siteId === site.id) {
      throw new AppError({ code: 'invalid_input', message: 'Paket ini dibuat oleh kantor ini sendiri, jadi tidak ada yang perlu diimpor. Pilih paket dari kantor lain.' })
    }
    const revoked = revocations.get(manifest.signature.fingerprint)
    if (revoked) {
      throw new AppError({
        code: 'forbidden',
        message: `Kunci ${manifest.sender.name} telah dicabut oleh Dinas pada ${revoked.revoked_at.slice(0, 10)} (${revoked.reason}). Paket yang ditandatangani kunci itu tidak diimpor. Kantor tersebut perlu kunci baru yang dipercayakan lagi oleh Dinas.`,
      })
    }
  }
  const content = await readBundle(path, SCHEMA_VERSION, (manifest) => {
    refuseSender(manifest)
    return open(manifest)
  })
  const m = content.manifest
  refuseSender(m)
  const sqlite = sqliteOf(db)
  const columns = new Map(IMPORT_ORDER.map((t) => [t, columnsOf(sqlite, t)]))

  /**
   * The records of one table, parsed and checked. Called table by table inside the transaction,
   * so only one table's objects are alive at a time; a bad record anywhere still refuses the
   * whole bundle, because throwing rolls everything back.
   */
  const incoming = (table: string): Row[] => {
    const data = content.records.get(table)
    const rows = data ? parseNdjson(data, `data ${table}`, m.counts[table] ?? 0) : []
    content.records.delete(table) // the text is no longer needed once parsed
    const check = recordChecker(table, columns.get(table)!)
    for (const [i, r] of rows.entries()) {
      const reason = check(r)
      if (reason) throw damaged(`data ${table} baris ${i + 1} tidak sah (${reason}).`)
    }
    return rows
  }
  const catalogues = content.catalogue ? parseCatalogues(content) : []

  const senderFingerprint = cardFingerprint(content.senderCard)
  let status = await trustStatus(db, content.senderCard)
  // A replaced key that the trusted old key signed over: taken without asking (section 6).
  const rotated = status === 'changed' && (await vouchedByTrustedKey(db, content.senderCard, m.keyChange))
  if (rotated) status = 'trusted'
  const senderKey: PaketSenderKey = { fingerprint: senderFingerprint, status: status === 'new' ? 'unknown' : status === 'self' ? 'trusted' : status }
  const accepted = senderKey.status === 'trusted' || (!!options.acceptFingerprint && sameFingerprint(options.acceptFingerprint, senderFingerprint))
  if (options.apply && !accepted) {
    throw new AppError({
      code: 'forbidden',
      message:
        senderKey.status === 'changed'
          ? `Kunci ${m.sender.name} berbeda dari yang dikenal kantor ini (sidik jari baru: ${senderFingerprint}). Mungkin PC-nya baru atau kuncinya diganti. Cocokkan sidik jari ini dengan kantor tersebut lewat telepon, lalu terima kuncinya.`
          : `${m.sender.name} belum dikenal kantor ini. Cocokkan sidik jari kuncinya (${senderFingerprint}) dengan kantor tersebut lewat telepon, lalu terima kuncinya sebelum mengimpor.`,
    })
  }

  if (m.kind === 'pembinaan') {
    const covers = m.sender.level === 'kota' && (site.area_code === m.sender.areaCode || site.area_code.startsWith(`${m.sender.areaCode}.`))
    if (!covers) {
      throw new AppError({
        code: 'forbidden',
        message: `Paket pembinaan ini dari ${m.sender.name} (${m.sender.areaName}), bukan dari Dinas wilayah kantor ini. Paket tidak diimpor.`,
      })
    }
  }

  const previous = await db.selectFrom('paket_received').select('imported_at').where('bundle_id', '=', m.bundleId).executeTakeFirst()
  const summary: PaketImportSummary = {
    manifest: manifestInfo(m),
    fileName: basename(path),
    senderKey,
    ageDays: Math.max(0, Math.floor((nowMs - Date.parse(m.createdAt)) / 86_400_000)),
    alreadyImportedAt: previous?.imported_at ?? null,
    kinds: IMPORT_ORDER.map((kind) => ({ kind, new: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0 })),
    refusals: [],
    duplicates: 0,
    learnedCards: [],
    catalogues: [],
    changes: 0,
    warnings: [],
    applied: false,
  }
  if (Date.parse(m.createdAt) > nowMs + FUTURE_TOLERANCE_MS) {
    summary.warnings.push('Paket ini bertanggal di masa depan: jam komputer pengirim atau komputer ini tampaknya salah. Periksa tanggal dan jam kedua komputer.')
  }

  try {
    await db.transaction().execute(async (trx) => {
      if (m.kind === 'pembinaan') {
        // The kota that vouches for this region: trusted as such from now on.
        await trust(trx, content.senderCard, 'pembinaan')
      } else if (rotated) {
        const source = (await trx.selectFrom('trusted_office').select('source').where('site_id', '=', content.senderCard.siteId).executeTakeFirst())?.source
        await trust(trx, content.senderCard, (source as 'pembinaan' | 'kartu' | 'paket' | undefined) ?? 'paket')
      } else if (senderKey.status !== 'trusted') await trust(trx, content.senderCard, 'paket')
      // Revocations signed by the kota come first, so a revoked card below is not learned.
      await receiveRevocations(trx, m.revocations)
      // A trusted sender vouches for the offices it trusts, if it answers for them: the kota for
      // every office, an office for the offices below it in its area (a kelurahan for none).
      // Their keys are learned, never replaced.
      const card0 = content.senderCard
      const vouches = (c: { level: SiteLevel; areaCode: string }) =>
        card0.level === 'kota' ||
        (LEVEL_RANK[c.level] < LEVEL_RANK[card0.level] && withinScope(c.areaCode, { name: card0.name, level: card0.level, code: card0.areaCode, villages: card0.villages }))
      for (const raw of m.cards) {
        const card = parseCard(raw)
        if (card && vouches(card) && (await trustStatus(trx, card)) === 'new' && !(await revocationOf(trx, cardFingerprint(card)))) {
          await trust(trx, card, 'paket')
          summary.learnedCards.push(card.name)
        }
      }
      await mergeAll(trx, sqlite, site, m, incoming, columns, catalogues, content, summary, nowMs, progress)
      if (!options.apply || summary.alreadyImportedAt) throw new PreviewDone()
    })
    summary.applied = true
  } catch (e) {
    if (!(e instanceof PreviewDone)) throw e
  }
  // New statistics for the query planner after a bulk change (the roster's plans depend on them).
  if (summary.applied && summary.changes > 1000) await optimizeDatabase(db)
  progress(100, 100, 'Selesai')
  return summary
}

interface CatalogueRow {
  version: string
  title: string
  body: string
}

function parseCatalogues(content: BundleContent): CatalogueRow[] {
  const lines = content.catalogue!.toString('utf8').split('\n').filter(Boolean).length
  const rows = parseNdjson(content.catalogue!, 'katalog', lines)
  for (const r of rows) {
    if (typeof r.version !== 'string' || typeof r.title !== 'string' || typeof r.body !== 'string') throw damaged('katalog di dalamnya tidak sah.')
  }
  return rows as unknown as CatalogueRow[]
}

async function mergeAll(
  trx: Db,
  sqlite: ReturnType<typeof sqliteOf>,
  site: Awaited<ReturnType<typeof requireSite>>,
  m: Manifest,
  incoming: (table: string) => Row[],
  columns: Map<string, Column[]>,
  catalogues: CatalogueRow[],
  content: BundleContent,
  summary: PaketImportSummary,
  nowMs: number,
  progress: (done: number, total: number, label: string) => void,
): Promise<void> {
  const senderRank = LEVEL_RANK[m.sender.level]
  const selfRank = LEVEL_RANK[site.level]
  const fromAbove = senderRank > selfRank
  // This import's own clock value, stamped on every row it writes (`received`): the next
  // bundle from here relays them, whatever their versions.
  const clock = tick(parseClock(site.clock), nowMs)
  const received = formatClock(clock)
  const now = new Date(nowMs).toISOString()
  const limitMs = nowMs + FUTURE_TOLERANCE_MS
  let maxVersion = ''

  const officeLevel = new Map<string, SiteLevel>()
  for (const o of sqlite.prepare('select site_id, level from office').all() as { site_id: string; level: SiteLevel }[]) officeLevel.set(o.site_id, o.level)
  for (const o of m.offices) if (!officeLevel.has(o.siteId)) officeLevel.set(o.siteId, o.level)
  officeLevel.set(site.id, site.level)

  const kinds = new Map(summary.kinds.map((k) => [k.kind, k]))
  const refuse = (kind: string, recordId: string, reason: string) => {
    kinds.get(kind)!.refused++
    if (summary.refusals.length < MAX_REFUSALS_LISTED) summary.refusals.push({ kind, recordId, reason })
  }
  const insertConflict = sqlite.prepare(
    'insert into sync_conflict (table_name, record_id, field, kept_value, kept_version, lost_value, lost_version, bundle_id, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  // INDEXED BY: the planner, guessing from the roster's wide covering indexes, otherwise scans them.
  const sameNik = sqlite.prepare('select id from kader indexed by kader_nik_idx where nik = ? and id != ? and deleted = 0')
  const insertDuplicate = sqlite.prepare(
    'insert or ignore into kader_duplicate (nik, kader_id, other_kader_id, bundle_id, detected_at) values (?, ?, ?, ?, ?)',
  )
  // A pair settled elsewhere (the Puskesmas merged it, archiving one side): nothing left to decide here.
  const settleDuplicates = sqlite.prepare(
    "update kader_duplicate set resolved_at = ?, resolution = 'merged' where resolved_at is null and (kader_id = ? or other_kader_id = ?)",
  )
  // Authority (authority.ts): who made each incoming write, and may it change this record here?
  const scopes = loadScopes(sqlite, m)
  const areaOf = areaLookup(sqlite, scopes)
  const senderScope: Scope = {
    name: content.senderCard.name,
    level: content.senderCard.level,
    code: content.senderCard.areaCode,
    villages: content.senderCard.villages,
  }
  const decided = new Map<string, string | null>()
  /** The reason the first of `writers` that may not change this record is refused, or null. */
  const notAllowed = (table: PaketKind, writers: Iterable<string>, areas: (string | undefined)[]): string | null => {
    for (const w of writers) {
      const key = `${w}|${table}|${areas.join(',')}`
      let reason = decided.get(key)
      if (reason === undefined) {
        reason = refusal(table, areas, w, scopes, site.id, senderScope)
        decided.set(key, reason)
      }
      if (reason) return reason
    }
    return null
  }
  const touchedKader = new Set<string>()
  const touchedMeetings = new Set<string>()
  const touchedFollowUps = new Set<string>()
  let processed = 0
  const total = IMPORT_ORDER.reduce((a, t) => a + (m.counts[t] ?? 0), 0) || 1

  for (const table of IMPORT_ORDER) {
    const rows = incoming(table)
    const kind = kinds.get(table)!
    const cols = columns.get(table)!
    const dataColumns = cols.map((c) => c.name).filter((c) => !BOOKKEEPING_COLUMNS.has(c))
    const names = [...cols.map((c) => c.name), 'received']
    const select = sqlite.prepare(`select * from ${table} where id = ?`)
    const insert = sqlite.prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`)
    const update = sqlite.prepare(`update ${table} set ${names.filter((n) => n !== 'id').map((n) => `${n} = ?`).join(', ')} where id = ?`)
    // A table empty before this import cannot hold any of the incoming ids: skip the lookups.
    const wasEmpty = !sqlite.prepare(`select 1 from ${table} limit 1`).get()
    /**
     * Runs a write; a record whose parent is missing (foreign key) is refused instead of failing
     * the import. SQLite undoes just that statement, the transaction goes on.
     */
    const writeOrRefuse = (run: () => void, id: string): boolean => {
      try {
        run()
        return true
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e
        const cols = (PARENTS[table] ?? []).map(([c]) => c).join(', ')
        refuse(table, id, `Data induknya (${cols}) tidak ada di sini dan tidak ikut paket. Minta pengirim membuat paket lengkap.`)
        return false
      }
    }
    progress(Math.round((processed / total) * 90) + 5, 100, `Menggabungkan ${table}`)
    await new Promise((r) => setImmediate(r))

    for (const r of rows) {
      processed++
      const id = r.id as string
      const version = r.version as string
      // Every version the row carries (its own, each column's, what its writers had seen) must
      // be within a day of this PC's clock: one far ahead would win every later edit.
      const newest = newestVersionMs(version, r.field_versions as string)
      if (newest > limitMs) {
        refuse(
          table,
          id,
          `Versi data ini bertanggal ${new Date(newest).toISOString().slice(0, 10)}, lebih dari sehari di depan jam komputer ini. Jam komputer pengirim tampaknya salah: betulkan tanggal dan jamnya, lalu kirim paket baru.`,
        )
        continue
      }
      const local = wasEmpty ? undefined : (select.get(id) as Row | undefined)
      if (table === 'opd' && !fromAbove) {
        // Reference data flows down: an OPD owned by this level or above (or the default list)
        // changes only through a bundle from above. An office's own new units may come up.
        const owner = r.site_id as string
        const ownerLevel = owner === 'default' ? 'kota' : officeLevel.get(owner)
        const ownedAbove = ownerLevel !== undefined && LEVEL_RANK[ownerLevel] >= selfRank
        if (ownedAbove) {
          const merged = local ? mergeRow(local, r, dataColumns) : null
          if (local && merged!.row === null) kind.unchanged++
          else refuse(table, id, 'Daftar OPD hanya diterima dari kantor tingkat di atas (Dinas); perubahan dari kantor ini diabaikan.')
          continue
        }
      }
      if (!local) {
        // A new record: its creator and whoever wrote its fields since.
        const writers = new Set([r.site_id as string])
        if (r.field_versions !== '{}') for (const v of Object.values(parseFieldState(r.field_versions as string).fields)) writers.add(parseVersion(v).siteId)
        const reason = notAllowed(table as PaketKind, writers, [areaOf(table, r)])
        if (reason) {
          refuse(table, id, reason)
          continue
        }
        if (!writeOrRefuse(() => insert.run(...names.map((n) => (n === 'received' ? received : r[n]))), id)) continue
        kind.new++
        if (table === 'kader') {
          for (const other of sameNik.all(r.nik, id) as { id: string }[]) {
            const res = insertDuplicate.run(r.nik, other.id, id, m.bundleId, now)
            if (res.changes > 0) summary.duplicates++
          }
        }
      } else {
        if (local.site_id !== r.site_id || local.created_at !== r.created_at) {
          refuse(table, id, 'Data dengan pengenal yang sama di sini dibuat oleh kantor lain. Data ini tidak digabung.')
          continue
        }
        const merged = mergeRow(local, r, dataColumns)
        if (merged.row === null) {
          kind.unchanged++
          continue
        }
        const row = merged.row
        const before = areaOf(table, local)
        const after = areaOf(table, row)
        const reason = notAllowed(table as PaketKind, merged.writers, before === after ? [before] : [before, after])
        if (reason) {
          refuse(table, id, reason)
          continue
        }
        if (!writeOrRefuse(() => update.run(...names.filter((n) => n !== 'id').map((n) => (n === 'received' ? received : row[n])), id), id)) continue
        kind.updated++
        if (table === 'kader' && row.deleted === 1 && local.deleted !== 1) settleDuplicates.run(now, id, id)
        if (merged.conflicts.length > 0) {
          kind.conflicts++
          for (const c of merged.conflicts) {
            insertConflict.run(table, id, c.field, JSON.stringify(c.keptValue ?? null), c.keptVersion, JSON.stringify(c.lostValue ?? null), c.lostVersion, m.bundleId, now)
          }
        }
      }
      if (version > maxVersion) maxVersion = version
      if (table === 'kader' || table === 'assessment') touchedKader.add((table === 'kader' ? id : r.kader_id) as string)
      else if (table === 'meeting') touchedMeetings.add(id)
      else if (table === 'follow_up') touchedFollowUps.add(id)
      else if (table === 'follow_up_progress') touchedFollowUps.add(r.follow_up_id as string)
      else if (table === 'opd') {
        for (const f of sqlite.prepare('select id from follow_up where opd_id = ?').all(id) as { id: string }[]) touchedFollowUps.add(f.id)
      }
    }
  }

  // Attachment contents (by SHA-256, already checked against their names).
  const putBlob = sqlite.prepare('insert or ignore into attachment_blob (sha256, data) values (?, ?)')
  for (const [sha, data] of content.files) putBlob.run(sha, data)

  // Reference data: catalogue versions only from above.
  let catalogueChanged = false
  if (catalogues.length > 0) {
    const held = sqlite.prepare('select body from catalogue where version = ?')
    for (const c of catalogues) {
      const existing = held.get(c.version) as { body: string } | undefined
      if (existing) {
        if (existing.body !== c.body) summary.warnings.push(`Katalog versi ${c.version} di paket berbeda isinya dengan yang ada di sini; yang di sini tetap dipakai.`)
        continue
      }
      if (!fromAbove) {
        summary.warnings.push(`Katalog versi ${c.version} dari kantor pengirim diabaikan: katalog hanya diterima dari kantor tingkat di atas.`)
        continue
      }
      let parsed
      try {
        parsed = catalogueSchema.parse(JSON.parse(c.body))
      } catch {
        throw damaged(`katalog versi ${c.version} di dalamnya tidak sah.`)
      }
      if (parsed.version !== c.version) throw damaged(`katalog versi ${c.version} di dalamnya tidak sah.`)
      await storeCatalogue(trx, parsed)
      summary.catalogues.push(c.version)
      catalogueChanged = true
    }
    if (fromAbove && m.catalogueVersion) {
      const active = sqlite.prepare("select value from meta where key = 'catalogue.active'").get() as { value: string } | undefined
      const held2 = held.get(m.catalogueVersion) as { body: string } | undefined
      if (held2 && active?.value !== m.catalogueVersion) {
        sqlite.prepare("insert into meta (key, value) values ('catalogue.active', ?) on conflict(key) do update set value = excluded.value").run(m.catalogueVersion)
        catalogueChanged = true
      } else if (catalogueChanged && active) {
        // storeCatalogue made the newest stored one active; the sender's choice decides.
        sqlite.prepare("update meta set value = ? where key = 'catalogue.active'").run(m.catalogueVersion || active.value)
      }
    }
  }

  progress(95, 100, 'Menghitung ulang tingkat kader dan indeks pencarian')
  // Recomputing everyone in one pass is cheaper than looking up most of them one list at a time.
  const kaderCount = (sqlite.prepare('select count(*) as n from kader').get() as { n: number }).n
  if (catalogueChanged || touchedKader.size > kaderCount / 2) await recomputeCompetencies(trx, 'all')
  else if (touchedKader.size > 0) await recomputeCompetencies(trx, [...touchedKader])
  if (touchedMeetings.size + touchedFollowUps.size > 300) await rebuildSearchIndex(trx)
  else {
    for (const id of touchedMeetings) await reindexMeeting(trx, id)
    for (const id of touchedFollowUps) await reindexFollowUp(trx, id)
  }

  // What this office now knows about the sender and the offices it relays news of.
  const upsertOffice = sqlite.prepare(`
    insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at)
    values (@siteId, @level, @areaCode, @areaName, @name, @villages, @lastBundleAt, @lastImportedAt)
    on conflict(site_id) do update set
      level = excluded.level, area_code = excluded.area_code, area_name = excluded.area_name, name = excluded.name,
      villages = excluded.villages,
      last_bundle_at = max(coalesce(office.last_bundle_at, ''), coalesce(excluded.last_bundle_at, '')),
      last_imported_at = coalesce(excluded.last_imported_at, office.last_imported_at)`)
  // What an office is (level, area) is taken from its own signed card, or from the kota; another
  // sender may only introduce an office not heard of yet (authority uses these, authority.ts).
  const addOffice = sqlite.prepare(`
    insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at)
    values (@siteId, @level, @areaCode, @areaName, @name, @villages, @lastBundleAt, @lastImportedAt)
    on conflict(site_id) do update set
      last_bundle_at = max(coalesce(office.last_bundle_at, ''), coalesce(excluded.last_bundle_at, ''))`)
  const card = content.senderCard
  for (const o0 of m.offices) {
    if (o0.siteId === site.id) continue
    const isSender = o0.siteId === m.sender.siteId
    const o = isSender ? { ...o0, level: card.level, areaCode: card.areaCode, areaName: card.areaName, name: card.name, villages: card.villages } : o0
    ;(isSender || card.level === 'kota' ? upsertOffice : addOffice).run({
      siteId: o.siteId,
      level: o.level,
      areaCode: o.areaCode,
      areaName: o.areaName,
      name: o.name,
      villages: JSON.stringify(o.villages),
      lastBundleAt: isSender ? m.createdAt : o.lastBundleAt,
      lastImportedAt: isSender ? now : null,
    })
  }
  sqlite.prepare("update office set last_bundle_at = nullif(last_bundle_at, '')").run()

  // The clock moves past everything received, so later local changes sort after them.
  const after = maxVersion ? observe(clock, parseVersion(maxVersion), nowMs) : clock
  sqlite.prepare('update site set clock = ? where id = ?').run(formatClock(after), site.id)

  summary.changes = summary.kinds.reduce((a, k: PaketKindSummary) => a + k.new + k.updated, 0)
  sqlite
    .prepare(
      'insert or ignore into paket_received (bundle_id, sender_site_id, sender_name, sender_level, created_at, imported_at, file_name, summary) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(m.bundleId, m.sender.siteId, m.sender.name, m.sender.level, m.createdAt, now, summary.fileName, JSON.stringify({ changes: summary.changes, kinds: summary.kinds }))
}

export type { PaketRefusal }
