// Receiving a paket: one pipeline a paket passes through once, each stage in its own module.
//   1. open and verify the file (sync/paket.ts: seal, signature, sizes, decryption; here: who
//      sent it, whether a person accepted its key, every record's shape);
//   2. learn keys, revocations and reference data (learn.ts);
//   3. judge and merge every record, hold what cannot be judged yet, judge the held ones again
//      (merge-records.ts, authority.ts, the registry);
//   4. refresh derived data (refresh.ts), and note what this office now knows of the others.
// Stages 2 to 4 run in one transaction; the preview is the same computation rolled back, so what
// it promises is exactly what the import does.

import { basename } from 'node:path'
import type { PaketImportSummary, PaketManifestInfo, PaketSenderKey } from '../../../../shared/contract'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import { AppError } from '../../../../shared/result'
import { SCHEMA_VERSION } from '../../db/migrations'
import { optimizeDatabase, sqliteOf, withDurableCommit } from '../../db/open'
import type { Db } from '../../db/schema'
import type { Emit } from '../../ipc/types'
import type SqliteDatabase from 'better-sqlite3'
import { LEVEL_RANK } from '../../sync/area'
import { assertNotFromFuture, damaged, parseNdjson, readPaket, type PaketContent, type Manifest } from '../../sync/paket'
import { cardFingerprint, parseSuccession, sameFingerprint } from '../../sync/card'
import { formatClock, observe, parseClock, parseVersion, tick } from '../../sync/hlc'
import type { Row } from '../../sync/merge'
import { MERGE_ORDER, REGISTRY } from '../../sync/registry'
import { cardChange, contentKeyOpener, kotaSigningKeys, mayRecover, trustStatus, vouchedByTrustedKey } from '../kunci/kunci.service'
import { requireSite } from '../site/site.service'
import { learnCatalogues, learnKeys, recordOffices, type SenderTrust } from './learn'
import { mergeStage } from './merge-records'
import { olderSenderFill, recordChecker, travellingColumns } from './records'
import { refreshDerived } from './refresh'

export { FUTURE_TOLERANCE_MS } from './merge-records'

export function manifestInfo(m: Manifest): PaketManifestInfo {
  return {
    bundleId: m.bundleId,
    formatVersion: m.formatVersion,
    schemaVersion: m.schemaVersion,
    appVersion: m.appVersion,
    catalogueVersion: m.catalogueVersion,
    createdAt: m.createdAt,
    kind: m.kind,
    sender: { siteId: m.sender.siteId, level: m.sender.level, areaCode: m.sender.areaCode, areaName: m.sender.areaName, name: m.sender.name },
    recipient: m.recipient,
    full: m.full,
    versions: m.versions,
    counts: m.counts,
    records: Object.values(m.counts).reduce((a, b) => a + b, 0),
  }
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

type Progress = (done: number, total: number, label: string) => void

// ---------------------------------------------------------------- stage 1: open and verify

interface Verified {
  content: PaketContent
  senderKey: PaketSenderKey
  senderTrust: SenderTrust
}

/** Opens the paket for this office and decides whether its sender may be heard at all. */
async function openAndVerify(db: Db, path: string, options: ImportOptions, nowMs: number): Promise<Verified> {
  const site = await requireSite(db)
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
    assertNotFromFuture(manifest, nowMs, zonaDariKodeWilayah(site.area_code))
  }
  const content = await readPaket(path, SCHEMA_VERSION, (manifest) => {
    refuseSender(manifest)
    return open(manifest)
  })
  const m = content.manifest
  refuseSender(m)

  let status = await trustStatus(db, content.senderCard)
  // A replaced key that the trusted old key signed over: taken without asking (section 6).
  const rotated = status === 'changed' && (await vouchedByTrustedKey(db, content.senderCard, m.keyChange))
  if (rotated) status = 'trusted'
  const fingerprint = cardFingerprint(content.senderCard)
  const senderKey: PaketSenderKey = { fingerprint, status: status === 'new' ? 'unknown' : status === 'self' ? 'trusted' : status }
  const change = senderKey.status === 'changed' ? await cardChange(db, content.senderCard) : null
  if (change) senderKey.change = change
  const accepted = senderKey.status === 'trusted' || (!!options.acceptFingerprint && sameFingerprint(options.acceptFingerprint, fingerprint))
  if (options.apply && !accepted) {
    throw new AppError({
      code: 'forbidden',
      message:
        senderKey.status === 'changed'
          ? `Kartu kunci ${m.sender.name} berbeda dari yang dikenal kantor ini (kunci atau wilayah kerjanya berubah; sidik jari: ${fingerprint}). Mungkin PC-nya baru, kuncinya diganti atau wilayahnya diperbaiki. Cocokkan sidik jari ini dengan kantor tersebut lewat telepon, lalu terima kuncinya.`
          : `${m.sender.name} belum dikenal kantor ini. Cocokkan sidik jari kuncinya (${fingerprint}) dengan kantor tersebut lewat telepon, lalu terima kuncinya sebelum mengimpor.`,
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
  if (m.kind === 'pemulihan') {
    // A recovery paket: from an office that may recover this one, and carrying its statement that
    // this installation succeeds the old one (signed by that sender).
    const card = content.senderCard
    const forUs = m.recipient.key === `site:${site.id}` && mayRecover(card, { level: site.level, areaCode: site.area_code })
    const stated = m.successions.some((raw) => {
      const st = parseSuccession(raw, (id) => (id === card.siteId ? card.signingKey : null))
      return st !== null && st.successor.siteId === site.id && st.areaCode === site.area_code && st.level === site.level
    })
    if (!forUs || !stated) {
      throw new AppError({
        code: 'forbidden',
        message: `Paket pemulihan ini dari ${m.sender.name} (${m.sender.areaName}) bukan untuk kantor ini, atau pengirimnya tidak berwenang memulihkan ${site.area_name}. Paket tidak diimpor. Pastikan wilayah kantor ini sama dengan kantor yang dipulihkan, lalu minta paket pemulihan yang dibuat untuk kartu kunci kantor ini.`,
      })
    }
  }
  return { content, senderKey, senderTrust: rotated ? 'rotated' : senderKey.status === 'trusted' ? 'trusted' : 'accepted' }
}

/**
 * The records of one table, parsed and checked against the registry's shape. Called table by
 * table inside the transaction, so only one table's objects are alive at a time; a bad record
 * anywhere still refuses the whole paket, because throwing rolls everything back.
 */
function incomingRecords(sqlite: SqliteDatabase.Database, content: PaketContent, table: string): Row[] {
  const data = content.records.get(table)
  const rows = data ? parseNdjson(data, `data ${table}`, content.manifest.counts[table] ?? 0) : []
  content.records.delete(table) // the text is no longer needed once parsed
  const columns = travellingColumns(sqlite, table)
  const check = recordChecker(table, columns)
  // An office that has not updated yet sends rows without the columns added since: they read as
  // the migration's default, what such rows hold here too. (A newer paket never gets here:
  // readPaket refuses it.)
  const fill = olderSenderFill(columns)
  for (const [i, r] of rows.entries()) {
    fill(r)
    const reason = check(r)
    if (reason) throw damaged(`data ${table} baris ${i + 1} tidak sah (${reason}).`)
  }
  return rows
}

// ---------------------------------------------------------------- the pipeline

export async function importPaketFile(db: Db, path: string, options: ImportOptions): Promise<PaketImportSummary> {
  const nowMs = options.nowMs ?? Date.now()
  const progress: Progress = (done, total, label) => options.emit?.('progress', { task: 'paket', done, total, label })
  progress(0, 100, 'Membaca dan memeriksa paket')
  const { content, senderKey, senderTrust } = await openAndVerify(db, path, options, nowMs)
  const m = content.manifest
  const site = await requireSite(db)
  const sqlite = sqliteOf(db)
  // The kota retires the old keys of an office recovered elsewhere (learn.ts); its key is loaded
  // before the transaction, which has no key vault.
  const kotaSigning = m.successions.length > 0 ? await kotaSigningKeys(db) : null

  const previous = await db.selectFrom('paket_received').select('imported_at').where('bundle_id', '=', m.bundleId).executeTakeFirst()
  const summary: PaketImportSummary = {
    manifest: manifestInfo(m),
    fileName: basename(path),
    senderKey,
    ageDays: Math.max(0, Math.floor((nowMs - Date.parse(m.createdAt)) / 86_400_000)),
    alreadyImportedAt: previous?.imported_at ?? null,
    kinds: REGISTRY.map(({ kind }) => ({ kind, new: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0, held: 0 })),
    refusals: [],
    duplicates: 0,
    learnedCards: [],
    catalogues: [],
    changes: 0,
    released: 0,
    heldTotal: 0,
    warnings: [],
    applied: false,
  }

  try {
    // Synced to disk at commit: once the screen says Selesai, a power cut cannot take it back.
    await withDurableCommit(db, () => db.transaction().execute(async (trx) => {
      // 2. learn
      await learnKeys(trx, content, senderTrust, summary, kotaSigning)
      const fromAbove = LEVEL_RANK[content.senderCard.level] > LEVEL_RANK[site.level]
      const catalogueChanged = await learnCatalogues(trx, sqlite, content, fromAbove, summary)

      // 3. judge and merge. This import's own clock value is stamped on every row it writes
      // (`received`): the next paket from here relays them, whatever their versions.
      const clock = tick(parseClock(site.clock), nowMs)
      const now = new Date(nowMs).toISOString()
      const stage = mergeStage(sqlite, site, m.bundleId, formatClock(clock), nowMs, summary, m.offices)
      const card = content.senderCard
      const sender = { siteId: card.siteId, name: card.name, level: card.level, code: card.areaCode, villages: card.villages }
      const total = MERGE_ORDER.reduce((a, t) => a + (m.counts[t] ?? 0), 0) || 1
      let processed = 0
      for (const table of MERGE_ORDER) {
        progress(Math.round((processed / total) * 85) + 5, 100, `Menggabungkan ${table}`)
        // Yield so progress events and other calls get a turn between tables.
        await new Promise((r) => setImmediate(r))
        const rows = incomingRecords(sqlite, content, table)
        stage.mergeTable(table, rows, sender)
        processed += rows.length
      }
      // Attachment contents (by SHA-256, already checked against their names).
      const putBlob = sqlite.prepare('insert or ignore into attachment_blob (sha256, data) values (?, ?)')
      for (const [sha, data] of content.files) putBlob.run(sha, data)
      progress(90, 100, 'Memeriksa lagi data yang ditahan')
      summary.released = stage.rejudgeHeld()

      // 4. refresh
      progress(95, 100, 'Menghitung ulang tingkat kader dan indeks pencarian')
      await refreshDerived(trx, sqlite, stage.touched, catalogueChanged)
      recordOffices(sqlite, content, site.id, now)
      // The clock moves past everything received, so later local changes sort after them.
      const maxVersion = stage.maxVersion()
      const after = maxVersion ? observe(clock, parseVersion(maxVersion), nowMs) : clock
      sqlite.prepare('update site set clock = ? where id = ?').run(formatClock(after), site.id)
      summary.changes = summary.kinds.reduce((a, k) => a + k.new + k.updated, 0)
      summary.heldTotal = (sqlite.prepare('select count(*) as n from paket_held').get() as { n: number }).n
      sqlite
        .prepare(
          'insert or ignore into paket_received (bundle_id, sender_site_id, sender_name, sender_level, created_at, imported_at, file_name, summary) values (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(m.bundleId, m.sender.siteId, m.sender.name, m.sender.level, m.createdAt, now, summary.fileName, JSON.stringify({ changes: summary.changes, kinds: summary.kinds, paketKind: m.kind }))
      if (!options.apply || summary.alreadyImportedAt) throw new PreviewDone()
    }))
    summary.applied = true
  } catch (e) {
    if (!(e instanceof PreviewDone)) throw e
  }
  // New statistics for the query planner after a bulk change (the roster's plans depend on them).
  if (summary.applied && summary.changes > 1000) await optimizeDatabase(db)
  progress(100, 100, 'Selesai')
  return summary
}
