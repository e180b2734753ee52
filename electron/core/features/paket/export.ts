// Making a paket: the records this office holds for a destination, changed since the last paket
// to it (or all of them), written atomically into the chosen folder.

import { existsSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import packageJson from '../../../../package.json'
import type { PaketDestination, PaketExportResult, ParsedInput } from '../../../../shared/contract'
import { PAKET_KIND_NAMES, WEWENANG, type PaketKind } from '../../../../shared/domain/paket'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { capFile } from '../../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { AppError } from '../../../../shared/result'
import { SCHEMA_VERSION } from '../../db/migrations'
import { sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import type { Emit } from '../../ipc/types'
import {
  PAKET_EXTENSION,
  PAKET_FORMAT,
  PAKET_FORMAT_VERSION,
  CATALOGUE_PATH,
  ENCRYPTION_ALGORITHM,
  filePath,
  MAX_TOTAL_BYTES,
  recordsPath,
  sealEntries,
  writePaket,
  type PaketEntry,
  type Manifest,
  type ManifestOffice,
} from '../../sync/paket'
import { areaResolver, concerns, LEVEL_RANK } from '../../sync/area'
import { kindOf, REPLICATED_TABLES } from '../../sync/registry'
import { formatClock, parseClock, tick } from '../../sync/hlc'
import { cardFingerprint, type Card } from '../../sync/card'
import { newContentKey, signEd25519, wrapContentKey } from '../../sync/crypto'
import { uuidv7 } from '../../sync/uuid'
import { keyChangeStatement, ownCard, ownKeys, revocationStatements, successionStatements, trustedCards } from '../kunci/kunci.service'
import { officeZone, requireSite } from '../site/site.service'
import { signedScopes } from './authority'
import { recordChecker, travellingColumns } from './records'

const LEVEL_NAMES: Record<SiteLevel, string> = {
  kelurahan: 'Kantor kelurahan/desa',
  puskesmas: 'Puskesmas',
  kecamatan: 'Kantor kecamatan',
  kota: 'Dinas kota/kabupaten',
}

/** The kota's setup paket for every office of its area: its key, the reference data and the key cards it trusts. */
export const PEMBINAAN = 'pembinaan'

/** The offices that may change a kind (WEWENANG), in words: "Puskesmas atau Dinas kota/kabupaten". */
const keepersOf = (kind: PaketKind) =>
  (Object.keys(WEWENANG) as SiteLevel[])
    .filter((l) => WEWENANG[l].includes(kind))
    .map((l) => (l === 'kelurahan' ? 'kantor kelurahan/desa' : l === 'kecamatan' ? 'kantor kecamatan' : LEVEL_NAMES[l]))
    .join(' atau ')

type SiteRow = Awaited<ReturnType<typeof requireSite>>

interface Recipient {
  key: string
  name: string
  level: SiteLevel | null
  /** Area codes the recipient covers; null = everything this office holds. */
  areas: string[] | null
  /** The offices that can open the paket (their cards); empty for a paket pembinaan, which travels in clear. */
  readers: Card[]
}

/** Where this office can send: the levels above it, every office whose key it trusts, and (kota) the setup paket. */
export async function listDestinations(db: Db): Promise<PaketDestination[]> {
  const site = await requireSite(db)
  const sent = new Map(
    (await db.selectFrom('paket_sent').select(['destination']).select((eb) => eb.fn.max('created_at').as('last')).groupBy('destination').execute()).map((r) => [
      r.destination,
      r.last as string,
    ]),
  )
  const cards = await trustedCards(db)
  const out: PaketDestination[] = []
  const add = (target: Omit<Recipient, 'readers'>, siteId: string | null) => {
    let readers: string[] = []
    let unavailable: string | null = null
    try {
      readers = readersOf(site, target, cards, siteId).map((c) => c.name)
    } catch (e) {
      unavailable = e instanceof AppError ? e.message : 'Tujuan ini belum dapat dipakai.'
    }
    out.push({ key: target.key, name: target.name, level: target.level, lastSentAt: sent.get(target.key) ?? null, readers, unavailable })
  }
  const rank = LEVEL_RANK[site.level]
  for (const level of ['puskesmas', 'kota'] as const) {
    if (LEVEL_RANK[level] > rank) add({ key: `level:${level}`, name: LEVEL_NAMES[level], level, areas: null }, null)
  }
  // Only offices whose key card is trusted: a paket is encrypted for its readers' keys. An office
  // a level above already stands for (the same readers) is not listed twice.
  const byLevel = new Set(out.filter((d) => !d.unavailable).map((d) => d.readers.join('\n')))
  const sorted = [...cards].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || a.name.localeCompare(b.name))
  for (const c of sorted) {
    const target = { key: `site:${c.siteId}`, name: `${c.name} (${c.areaName})`, level: c.level, areas: null }
    if (LEVEL_RANK[c.level] > rank && byLevel.has(readersOf(site, target, cards, c.siteId).map((r) => r.name).join('\n'))) continue
    add(target, c.siteId)
  }
  if (site.level === 'kota') {
    add(
      {
        key: PEMBINAAN,
        name: 'Paket pembinaan untuk semua kantor: kunci Dinas, katalog, daftar OPD, daftar sarana dan kartu kunci kantor yang dikenal',
        level: null,
        areas: null,
      },
      null,
    )
  }
  return out
}

const inArea = (code: string, area: string) => code === area || code.startsWith(`${area}.`)

/** The kota whose setup paket (or card) this office trusts for its area. */
const kotaOf = (site: SiteRow, cards: Card[]) => cards.find((c) => c.level === 'kota' && c.siteId !== site.id && inArea(site.area_code, c.areaCode))

const noKey = (whose: string) =>
  new AppError({
    code: 'invalid_input',
    message: `Kartu kunci ${whose} belum dikenal kantor ini, jadi paket tidak dapat dikunci untuknya. Impor paket pembinaan terbaru dari Dinas, atau simpan kartu kunci kantor itu lewat Pengaturan → Kunci kantor, lalu buat paket lagi.`,
  })

/**
 * Who can open a paket to `recipient`: its own key(s) and, below the kota, the kota's too: the
 * Dinas supervises the whole city, so a stick handed to it directly is readable there as well.
 */
function readersOf(site: SiteRow, recipient: Omit<Recipient, 'readers'>, cards: Card[], siteId: string | null): Card[] {
  const kota = kotaOf(site, cards)
  let readers: Card[]
  if (recipient.key === PEMBINAAN) return []
  if (recipient.level === 'kota' && !siteId) {
    if (!kota) throw noKey('Dinas kota/kabupaten')
    return [kota]
  }
  if (siteId) {
    const card = cards.find((c) => c.siteId === siteId)
    if (!card) throw noKey(recipient.name)
    readers = [card]
  } else {
    // level:puskesmas: the Puskesmas whose villages include this kelurahan (or this kecamatan's).
    readers = cards.filter((c) => c.level === 'puskesmas' && c.villages.some((v) => inArea(v, site.area_code)))
    if (readers.length === 0) throw noKey('Puskesmas pembina')
  }
  if (kota && !readers.some((r) => r.siteId === kota.siteId)) readers.push(kota)
  return readers
}

async function resolveRecipient(db: Db, site: SiteRow, key: string): Promise<Recipient> {
  const cards = await trustedCards(db)
  const target = await destinationOf(db, site, key)
  return { ...target, readers: readersOf(site, target, cards, /^site:(.+)$/.exec(key)?.[1] ?? null) }
}

async function destinationOf(db: Db, site: SiteRow, key: string): Promise<Omit<Recipient, 'readers'>> {
  if (key === PEMBINAAN) {
    if (site.level !== 'kota') {
      throw new AppError({ code: 'invalid_input', message: 'Paket pembinaan hanya dibuat oleh Dinas kota/kabupaten.' })
    }
    return { key, name: `Semua kantor di ${site.area_name}`, level: null, areas: null }
  }
  const level = /^level:(kelurahan|puskesmas|kecamatan|kota)$/.exec(key)?.[1] as SiteLevel | undefined
  if (level) {
    if (LEVEL_RANK[level] <= LEVEL_RANK[site.level]) {
      throw new AppError({
        code: 'invalid_input',
        message: 'Paket ke kantor setingkat atau di bawah harus ditujukan ke kantor tertentu. Pilih kantornya dari daftar tujuan.',
      })
    }
    // Every office above covers this one's whole area: everything held here concerns it.
    return { key, name: LEVEL_NAMES[level], level, areas: null }
  }
  const siteId = /^site:(.+)$/.exec(key)?.[1]
  const office = siteId ? (await trustedCards(db)).find((c) => c.siteId === siteId) : undefined
  if (!office) throw new AppError({ code: 'invalid_input', message: 'Kantor tujuan tidak dikenal atau kuncinya belum dipercaya. Pilih tujuan dari daftar.' })
  const areas = LEVEL_RANK[office.level] > LEVEL_RANK[site.level] ? null : office.villages.length > 0 ? office.villages : [office.areaCode]
  return { key, name: office.name, level: office.level, areas }
}

/** A file name that says who, to whom and when: simpul_kel-babakan_ke_puskesmas_20261123-1605.simpul */
export function paketFileName(sender: string, recipient: string, nowMs: number, folder: string, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'kantor'
  const stamp = capFile(new Date(nowMs), zona) // the time on the office's wall, in its zone
  const base = `simpul_${slug(sender)}_ke_${slug(recipient)}_${stamp}`
  let name = `${base}${PAKET_EXTENSION}`
  for (let i = 2; existsSync(join(folder, name)); i++) name = `${base}-${i}${PAKET_EXTENSION}`
  return name
}

function assertFolder(folder: string): void {
  let ok = false
  try {
    ok = statSync(folder).isDirectory()
  } catch {
    ok = false
  }
  if (!ok) {
    throw new AppError({
      code: 'invalid_input',
      field: 'folder',
      message: 'Folder tidak ditemukan. Pastikan flashdisk terpasang dan alamat foldernya benar (mis. E:\\ atau /media/flashdisk).',
    })
  }
}

/**
 * Every row passes the check the receivers run (records.ts) before it leaves: one bad row (a
 * NIK edited outside the app, a damaged value) would make every receiver refuse the whole
 * paket, so it is named here instead, with what to do.
 */
function assertSound(sqlite: ReturnType<typeof sqliteOf>, table: string, columns: ReturnType<typeof travellingColumns>, rows: Record<string, unknown>[]): void {
  const check = recordChecker(table, columns)
  for (const r of rows) {
    const reason = check(r)
    if (!reason) continue
    const kind = kindOf(table)
    const label = (sqlite.prepare(kind.labelSql).get(r.id) as { label: string | null } | undefined)?.label
    throw new AppError({
      code: 'invalid_input',
      message: `Paket tidak dibuat: data ${kind.name.toLowerCase()} ${label ? `"${label}" ` : ''}(pengenal ${String(r.id)}) tidak sah (${reason}), sehingga kantor penerima akan menolak seluruh paket. Perbaiki data itu di aplikasi (buka lalu simpan ulang dengan isian yang benar), lalu buat paket lagi.`,
    })
  }
}

/** Rows as NDJSON: one JSON object per line. */
function ndjson(rows: readonly object[]): Buffer {
  const parts: string[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) parts[i] = JSON.stringify(rows[i])
  return Buffer.from(parts.length ? `${parts.join('\n')}\n` : '', 'utf8')
}

/** The recipient of a recovery paket: the new installation's card, the only reader; its whole area. */
export function recoveryRecipient(card: Card): Recipient {
  return { key: `site:${card.siteId}`, name: card.name, level: card.level, areas: card.villages.length > 0 ? card.villages : [card.areaCode], readers: [card] }
}

/**
 * The rows of `table` a recipient covering `to` (null: everything) is sent, changed since
 * `since` (null: all), with the travelling columns named.
 */
export function routedRows(
  sqlite: ReturnType<typeof sqliteOf>,
  table: PaketKind,
  since: string | null,
  areas: ReturnType<typeof areaResolver> | null,
  to: readonly string[] | null,
): Record<string, unknown>[] {
  const list = travellingColumns(sqlite, table).map((c) => c.name).join(', ')
  const stmt = since
    ? sqlite.prepare(`select ${list} from ${table} where version > ? or received > ?`).bind(since, since)
    : sqlite.prepare(`select ${list} from ${table}`)
  const rows = stmt.all() as Record<string, unknown>[]
  return areas && to ? rows.filter((r) => concerns(areas.routeAreas(table, r), to)) : rows
}

/** Routing only (what concerns a recipient): the offices' areas from their cards, else as heard of. */
export function routingResolver(sqlite: ReturnType<typeof sqliteOf>): ReturnType<typeof areaResolver> {
  // The receiver judges authority itself, so the offices heard of may place records whose
  // creator's card is not known here.
  const scopes = signedScopes(sqlite)
  const heard = new Map((sqlite.prepare('select site_id, area_code from office').all() as { site_id: string; area_code: string }[]).map((o) => [o.site_id, o.area_code]))
  return areaResolver(sqlite, (siteId) => scopes.get(siteId)?.code || heard.get(siteId) || undefined)
}

/**
 * `outFile`: the exact file to write (the CLI's --out); otherwise a telling name inside
 * `input.folder`. `recovery`: the new installation of a lost office (recovery.ts): the paket
 * carries everything of its area, for its card only.
 */
export async function exportPaketFile(
  db: Db,
  input: ParsedInput<'paket:export'>,
  emit?: Emit,
  nowMs: number = Date.now(),
  outFile?: string,
  recovery?: Card,
): Promise<PaketExportResult> {
  const site = await requireSite(db)
  assertFolder(input.folder)
  const recipient = recovery ? recoveryRecipient(recovery) : await resolveRecipient(db, site, input.destination)
  const keys = await ownKeys(db)
  const card = await ownCard(db)
  // Outside the transaction below: the key vault comes with the database handle, not a transaction.
  const keyChange = await keyChangeStatement(db)
  const progress = (done: number, total: number, label: string) => emit?.('progress', { task: 'paket', done, total, label })
  const sqlite = sqliteOf(db)
  const steps = REPLICATED_TABLES.length + 2

  // One read transaction: the records, the watermark and the clock tick agree with each other.
  const built = await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('paket_sent')
      .select((eb) => eb.fn.max('clock').as('clock'))
      .where('destination', '=', recipient.key)
      .executeTakeFirst()
    const pembinaan = recipient.key === PEMBINAAN
    const since = input.full || pembinaan || recovery ? null : ((last?.clock as string | null | undefined) ?? null)
    // The clock moves past everything in this paket: later writes and imports sort after it.
    const clock = tick(parseClock(site.clock), nowMs)
    await trx.updateTable('site').set({ clock: formatClock(clock) }).where('id', '=', site.id).execute()
    const areas = recipient.areas ? routingResolver(sqlite) : null

    const entries: PaketEntry[] = []
    const counts: Record<string, number> = {}
    let from: string | null = null
    let to: string | null = null
    const blobs: string[] = []
    const notOurs = new Map<string, number>()
    for (const [i, table] of REPLICATED_TABLES.entries()) {
      // A setup paket carries reference data only (the kinds with no area: the OPD list, the
      // equipment list): no person's record leaves with it.
      if (pembinaan && kindOf(table).area.length > 0) {
        counts[table] = 0
        continue
      }
      progress(i, steps, `Mengumpulkan ${table}`)
      // Yield so progress events and other calls get a turn between tables.
      await new Promise((r) => setImmediate(r))
      // The travelling columns, named, so rows need no reshaping before JSON.
      const columns = travellingColumns(sqlite, table)
      const rows = routedRows(sqlite, table, since, areas, recipient.areas)
      assertSound(sqlite, table, columns, rows)
      counts[table] = rows.length
      if (rows.length === 0) continue
      const mayChange = WEWENANG[site.level].includes(table as PaketKind)
      const ownSuffix = `:${site.id}`
      for (const r of rows) {
        const v = r.version as string
        if (from === null || v < from) from = v
        if (to === null || v > to) to = v
        if (table === 'attachment' && r.deleted === 0) blobs.push(r.sha256 as string)
        // Last written here, in a kind this office may not change: others will refuse it.
        if (!mayChange && v.endsWith(ownSuffix)) notOurs.set(table, (notOurs.get(table) ?? 0) + 1)
      }
      entries.push({ path: recordsPath(table), data: ndjson(rows) })
    }
    const catalogues = sqlite.prepare('select version, title, body from catalogue order by installed_at, version').all()
    entries.push({ path: CATALOGUE_PATH, data: ndjson(catalogues as Record<string, unknown>[]) })
    const getBlob = sqlite.prepare('select data from attachment_blob where sha256 = ?')
    for (const sha of new Set(blobs)) {
      const b = getBlob.get(sha) as { data: Buffer } | undefined
      if (b) entries.push({ path: filePath(sha), data: b.data })
    }
    const active = sqlite.prepare("select value from meta where key = 'catalogue.active'").get() as { value: string } | undefined
    const villages = (sqlite.prepare('select village_code from site_village order by village_code').all() as { village_code: string }[]).map((r) => r.village_code)
    const self: ManifestOffice = { siteId: site.id, level: site.level, areaCode: site.area_code, areaName: site.area_name, name: site.name, villages }
    const createdAt = new Date(nowMs).toISOString()
    const offices = (await trx.selectFrom('office').selectAll().execute()).map((o) => ({
      siteId: o.site_id,
      level: o.level as SiteLevel,
      areaCode: o.area_code,
      areaName: o.area_name,
      name: o.name,
      villages: JSON.parse(o.villages) as string[],
      lastBundleAt: o.last_bundle_at,
    }))
    const bundleId = uuidv7(nowMs)
    // A fresh content key for this paket only, wrapped for each reader's encryption key.
    const contentKey = recipient.readers.length > 0 ? newContentKey() : null
    const manifest: Omit<Manifest, 'entries'> = {
      format: PAKET_FORMAT,
      formatVersion: PAKET_FORMAT_VERSION,
      bundleId,
      createdAt,
      appVersion: packageJson.version,
      schemaVersion: SCHEMA_VERSION,
      catalogueVersion: active?.value ?? '',
      sender: self,
      recipient: { key: recipient.key, name: recipient.name, level: recipient.level },
      kind: pembinaan ? ('pembinaan' as const) : recovery ? ('pemulihan' as const) : ('data' as const),
      full: input.full || since === null,
      since,
      versions: { from, to },
      counts,
      offices: [{ ...self, lastBundleAt: createdAt }, ...offices],
      senderCard: card,
      signature: { algorithm: 'Ed25519' as const, fingerprint: cardFingerprint(card) },
      cards: (await trx.selectFrom('trusted_office').select('card').execute()).map((r) => JSON.parse(r.card) as unknown),
      revocations: await revocationStatements(trx),
      successions: await successionStatements(trx),
      keyChange,
      encryption: contentKey
        ? {
            algorithm: ENCRYPTION_ALGORITHM,
            recipients: recipient.readers.map((c) => ({
              siteId: c.siteId,
              name: c.name,
              encryptionKey: c.encryptionKey,
              ...wrapContentKey(contentKey, c.encryptionKey, bundleId, c.siteId),
            })),
          }
        : null,
    }
    const warnings = [...notOurs].map(
      ([table, n]) =>
        `${n} data ${PAKET_KIND_NAMES[table as PaketKind].toLowerCase()} yang diubah di kantor ini tidak akan diterima kantor lain: data itu dicatat oleh ${keepersOf(table as PaketKind)}. Minta kantor tersebut mencatatnya.`,
    )
    return { manifest, entries, contentKey, clock: formatClock(clock), counts, warnings }
  })

  // The receivers refuse a paket above the readers' limit; say so here instead of writing it.
  const size = built.entries.reduce((a, e) => a + e.data.length, 0)
  if (size > MAX_TOTAL_BYTES) {
    throw new AppError({
      code: 'invalid_input',
      message: `Paket ini akan berukuran ${Math.ceil(size / 1024 / 1024)} MB, lebih besar dari batas ${MAX_TOTAL_BYTES / 1024 / 1024} MB yang diterima kantor lain (kebanyakan karena lampiran rapat). Buat paket perubahan saja (bukan paket lengkap), atau kecilkan lampiran yang besar, lalu coba lagi.`,
    })
  }
  progress(REPLICATED_TABLES.length, steps, 'Menulis paket ke folder tujuan')
  // The office's own clock, the one its screens show (Terima, Riwayat): the name and the screen agree.
  const fileName = outFile ? basename(outFile) : paketFileName(site.name, recipient.name, nowMs, input.folder, await officeZone(db))
  const path = outFile ?? join(input.folder, fileName)
  // Sealed outside the transaction: deflating and encrypting a whole kota takes a second or two.
  const entries = built.contentKey ? sealEntries(built.manifest.bundleId, built.entries, built.contentKey) : built.entries
  const { bytes } = await writePaket(path, built.manifest, entries, (m) => signEd25519(keys.signing, m))
  progress(steps, steps, 'Selesai')
  const records = Object.values(built.counts).reduce((a, b) => a + b, 0)
  // Remembered only once the file is verified on the stick: a failed write keeps the watermark.
  await db
    .insertInto('paket_sent')
    .values({
      bundle_id: built.manifest.bundleId,
      destination: recipient.key,
      destination_name: recipient.name,
      full: built.manifest.full ? 1 : 0,
      clock: built.clock,
      created_at: built.manifest.createdAt,
      file_name: fileName,
      records,
    })
    .execute()
  return { path, fileName, bytes, records, counts: built.counts, full: built.manifest.full, warnings: built.warnings }
}
