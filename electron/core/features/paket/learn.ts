// The import's learning stage: what a paket teaches besides records. The sender's card (once a
// person accepted it, or its trusted old key vouched for the new one), the kota's revocations,
// the cards of offices the sender answers for, and reference data from above (catalogues). Runs
// inside the import's transaction, before the records are judged, so what it learns counts for
// them; and last, what this office now knows of the offices it heard of.

import type SqliteDatabase from 'better-sqlite3'
import type { PaketImportSummary } from '../../../../shared/contract'
import { catalogueSchema } from '../../../../shared/domain/competency'
import type { SiteLevel } from '../../../../shared/domain/reference'
import type { Db } from '../../db/schema'
import { LEVEL_RANK, withinScope } from '../../sync/area'
import { damaged, parseNdjson, type PaketContent } from '../../sync/paket'
import { cardFingerprint, parseCard, type Card } from '../../sync/card'
import { storeCatalogue } from '../competency/catalogue.service'
import { predecessorsOf, receiveRevocations, receiveSuccessions, revocationOf, trust, trustStatus } from '../kunci/kunci.service'
import type { RawKeyPair } from '../../sync/crypto'
import { requireSite } from '../site/site.service'

export type SenderTrust = 'trusted' | 'accepted' | 'rotated'

/**
 * Trust and revocations. The sender's card is stored as trusted when a person accepted it (or
 * its old key vouched for it); a paket pembinaan makes its kota the one that vouches for the
 * region. Revocations come first, so a revoked card below is not learned. Then the cards the
 * sender passes on, if it answers for them: the kota for every office, an office for the offices
 * below it in its area (a kelurahan for none). Keys are learned, never replaced.
 */
export async function learnKeys(trx: Db, content: PaketContent, sender: SenderTrust, summary: PaketImportSummary, kotaSigning: RawKeyPair | null = null): Promise<void> {
  const m = content.manifest
  const card0 = content.senderCard
  // A recovery paket from the kota, its fingerprint checked by a person: the new installation
  // takes the kota as its setup paket would make it (its revocations count here).
  if (m.kind === 'pembinaan' || (m.kind === 'pemulihan' && card0.level === 'kota' && sender === 'accepted')) await trust(trx, card0, 'pembinaan')
  else if (sender === 'rotated') {
    const source = (await trx.selectFrom('trusted_office').select('source').where('site_id', '=', card0.siteId).executeTakeFirst())?.source
    await trust(trx, card0, (source as 'pembinaan' | 'kartu' | 'paket' | undefined) ?? 'paket')
  } else if (sender === 'accepted') await trust(trx, card0, 'paket')
  await receiveRevocations(trx, m.revocations)
  // After the revocations: a successor whose key was revoked meanwhile is not trusted.
  const learned = await receiveSuccessions(trx, m.successions, kotaSigning)
  for (const s of learned) if (!summary.learnedCards.includes(s.successor.name)) summary.learnedCards.push(s.successor.name)
  const site = await requireSite(trx)
  if (learned.length > 0 && site.level === 'kota' && !kotaSigning) {
    summary.warnings.push(
      `Kantor ${learned.map((s) => s.successor.name).join(', ')} dipulihkan dengan instalasi baru, tetapi kunci kantor ini tidak dapat dipakai di sini untuk mencabut kunci PC lamanya. Cabut kunci lama itu di Pengaturan → Kunci kantor pada aplikasi desktop Dinas.`,
    )
  }
  // The old installations this one succeeds: their cards are learned even when revoked, to judge
  // and place the records they made (their own paket stay refused by the revocation).
  const predecessors = await predecessorsOf(trx, site.id)
  const vouches = (c: Card) =>
    card0.level === 'kota' ||
    (LEVEL_RANK[c.level] < LEVEL_RANK[card0.level] && withinScope(c.areaCode, { name: card0.name, level: card0.level, code: card0.areaCode, villages: card0.villages }))
  for (const raw of m.cards) {
    const card = parseCard(raw)
    if (card && vouches(card) && (await trustStatus(trx, card)) === 'new' && (predecessors.has(card.siteId) || !(await revocationOf(trx, cardFingerprint(card))))) {
      await trust(trx, card, 'paket')
      summary.learnedCards.push(card.name)
    }
  }
}

interface CatalogueRow {
  version: string
  title: string
  body: string
}

function parseCatalogues(content: PaketContent): CatalogueRow[] {
  if (!content.catalogue) return []
  const lines = content.catalogue.toString('utf8').split('\n').filter(Boolean).length
  const rows = parseNdjson(content.catalogue, 'katalog', lines)
  for (const r of rows) {
    if (typeof r.version !== 'string' || typeof r.title !== 'string' || typeof r.body !== 'string') throw damaged('katalog di dalamnya tidak sah.')
  }
  return rows as unknown as CatalogueRow[]
}

/**
 * Reference data: catalogue versions only from above; the sender's active one becomes active
 * here. Returns whether the catalogue in use changed (every kader's level is then recomputed).
 */
export async function learnCatalogues(trx: Db, sqlite: SqliteDatabase.Database, content: PaketContent, fromAbove: boolean, summary: PaketImportSummary): Promise<boolean> {
  const m = content.manifest
  const catalogues = parseCatalogues(content)
  if (catalogues.length === 0) return false
  let changed = false
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
    changed = true
  }
  if (fromAbove && m.catalogueVersion) {
    const active = sqlite.prepare("select value from meta where key = 'catalogue.active'").get() as { value: string } | undefined
    const chosen = held.get(m.catalogueVersion) as { body: string } | undefined
    if (chosen && active?.value !== m.catalogueVersion) {
      sqlite.prepare("insert into meta (key, value) values ('catalogue.active', ?) on conflict(key) do update set value = excluded.value").run(m.catalogueVersion)
      changed = true
    } else if (changed && active) {
      // storeCatalogue made the newest stored one active; the sender's choice decides.
      sqlite.prepare("update meta set value = ? where key = 'catalogue.active'").run(m.catalogueVersion || active.value)
    }
  }
  return changed
}

/**
 * What this office now knows of the sender and the offices it relays news of: names for the
 * screens and the date of each office's newest paket (silent offices). What an office is
 * (level, area) is taken from its own signed card, or from the kota; another sender may only
 * introduce an office not heard of yet. Authority never reads this list (authority.ts).
 */
export function recordOffices(sqlite: SqliteDatabase.Database, content: PaketContent, selfId: string, now: string): void {
  const m = content.manifest
  const card = content.senderCard
  const upsert = sqlite.prepare(`
    insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at)
    values (@siteId, @level, @areaCode, @areaName, @name, @villages, @lastBundleAt, @lastImportedAt)
    on conflict(site_id) do update set
      level = excluded.level, area_code = excluded.area_code, area_name = excluded.area_name, name = excluded.name,
      villages = excluded.villages,
      last_bundle_at = max(coalesce(office.last_bundle_at, ''), coalesce(excluded.last_bundle_at, '')),
      last_imported_at = coalesce(excluded.last_imported_at, office.last_imported_at)`)
  const add = sqlite.prepare(`
    insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at)
    values (@siteId, @level, @areaCode, @areaName, @name, @villages, @lastBundleAt, @lastImportedAt)
    on conflict(site_id) do update set
      last_bundle_at = max(coalesce(office.last_bundle_at, ''), coalesce(excluded.last_bundle_at, ''))`)
  // A relayed receipt dated after the paket that carries it cannot be true: capped there.
  const cap = (at: string | null) => (at && at > m.createdAt ? m.createdAt : at)
  for (const o0 of m.offices) {
    if (o0.siteId === selfId) continue
    const isSender = o0.siteId === m.sender.siteId
    const o = isSender ? { ...o0, level: card.level, areaCode: card.areaCode, areaName: card.areaName, name: card.name, villages: card.villages } : o0
    ;(isSender || card.level === 'kota' ? upsert : add).run({
      siteId: o.siteId,
      level: o.level as SiteLevel,
      areaCode: o.areaCode,
      areaName: o.areaName,
      name: o.name,
      villages: JSON.stringify(o.villages),
      lastBundleAt: isSender ? m.createdAt : cap(o.lastBundleAt),
      lastImportedAt: isSender ? now : null,
    })
  }
  sqlite.prepare("update office set last_bundle_at = nullif(last_bundle_at, '')").run()
}
