// Office keys and key cards (issue 6): every installation has a signing key pair (Ed25519) and
// an encryption key pair (X25519), made the first time they are needed; the private halves stay
// in this database. A key card carries the public halves and a fingerprint people compare over
// the phone before an office trusts another.

import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CardChange, KeyCard, ParsedInput, TrustedOffice } from '../../../../shared/contract'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import { keyVaultOf } from '../../db/open'
import type { Db } from '../../db/schema'
import {
  cardBody,
  cardFingerprint,
  isStandIn,
  makeCard,
  makeRevocation,
  parseCard,
  parseRevocation,
  parseSuccession,
  sameFingerprint,
  type Card,
  type Revocation,
  type Succession,
} from '../../sync/card'
import { damaged, type ContentKeyOpener, type Manifest } from '../../sync/paket'
import { fingerprint, generateEncryptionKeys, generateSigningKeys, signEd25519, unwrapContentKey, verifyEd25519, type RawKeyPair } from '../../sync/crypto'
import { requireSite } from '../site/site.service'

export const CARD_EXTENSION = '.simpul-kunci'

export interface OwnKeys {
  signing: RawKeyPair
  encryption: RawKeyPair
  createdAt: string
}

/**
 * Protects the private keys at rest with something that stays on this PC (the desktop app: the
 * operating system's key store through Electron's safeStorage, DPAPI on Windows). A database file
 * copied elsewhere (a backup on a stick) then holds only sealed private keys. The core cannot
 * import Electron, so the host opens the database with its vault (OpenOptions.keyVault, read back
 * with keyVaultOf); the CLI and the browser preview have none and keep the keys as they are.
 */
export interface KeyVault {
  /** Short name stored with each sealed key, e.g. "os". */
  scheme: string
  seal(plain: string): string
  /** Throws when this PC cannot open it (the file came from another PC or user). */
  open(sealed: string): string
}

const SEALED = /^sealed:([a-z]+):(.+)$/

const keysLocked = () =>
  new AppError({
    code: 'forbidden',
    message:
      'Kunci pribadi kantor ini tersimpan terkunci oleh aplikasi desktop di PC aslinya, sehingga tidak dapat dipakai di sini. Buat paket dan kartu kunci dari aplikasi Simpul Posyandu di PC kantor tersebut.',
  })

/** A private key as stored: sealed with the vault when there is one. */
function storePrivate(vault: KeyVault | null, plain: string): string {
  return vault ? `sealed:${vault.scheme}:${vault.seal(plain)}` : plain
}

/** A private key from the table, opened with the vault if it was sealed. */
function privateOf(vault: KeyVault | null, stored: string): string {
  const m = SEALED.exec(stored)
  if (!m) return stored
  if (!vault || vault.scheme !== m[1]) throw keysLocked()
  try {
    return vault.open(m[2]!)
  } catch {
    throw keysLocked()
  }
}

/** Seals keys stored before the vault existed (the desktop app calls it at start). */
export async function protectKeys(db: Db): Promise<number> {
  const vault = keyVaultOf(db)
  if (!vault) return 0
  const rows = await db.selectFrom('office_key').select(['id', 'signing_private', 'encryption_private']).execute()
  let sealed = 0
  for (const r of rows) {
    if (SEALED.test(r.signing_private) && SEALED.test(r.encryption_private)) continue
    await db
      .updateTable('office_key')
      .set({ signing_private: storePrivate(vault, privateOf(vault, r.signing_private)), encryption_private: storePrivate(vault, privateOf(vault, r.encryption_private)) })
      .where('id', '=', r.id)
      .execute()
    sealed++
  }
  return sealed
}

/** This office's keys in use; made (once) when first needed. */
export async function ownKeys(db: Db): Promise<OwnKeys> {
  const vault = keyVaultOf(db)
  const row = await db.selectFrom('office_key').selectAll().where('retired_at', 'is', null).orderBy('id', 'desc').executeTakeFirst()
  if (row) {
    return {
      signing: { publicKey: row.signing_public, privateKey: privateOf(vault, row.signing_private) },
      encryption: { publicKey: row.encryption_public, privateKey: privateOf(vault, row.encryption_private) },
      createdAt: row.created_at,
    }
  }
  await requireSite(db)
  const signing = generateSigningKeys()
  const encryption = generateEncryptionKeys()
  const createdAt = new Date().toISOString()
  await db
    .insertInto('office_key')
    .values({
      signing_public: signing.publicKey,
      signing_private: storePrivate(vault, signing.privateKey),
      encryption_public: encryption.publicKey,
      encryption_private: storePrivate(vault, encryption.privateKey),
      created_at: createdAt,
      retired_at: null,
    })
    .execute()
  return ownKeys(db)
}

/** This office's signed key card. */
export async function ownCard(db: Db): Promise<Card> {
  const site = await requireSite(db)
  const keys = await ownKeys(db)
  const villages = (await db.selectFrom('site_village').select('village_code').orderBy('village_code').execute()).map((r) => r.village_code)
  return makeCard(
    {
      siteId: site.id,
      level: site.level,
      areaCode: site.area_code,
      areaName: site.area_name,
      name: site.name,
      villages,
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
      createdAt: keys.createdAt,
    },
    keys.signing,
  )
}

export function cardInfo(c: Card): KeyCard {
  return { siteId: c.siteId, level: c.level, areaCode: c.areaCode, areaName: c.areaName, name: c.name, fingerprint: cardFingerprint(c), createdAt: c.createdAt }
}

type TrustedRow = { card: string; source: string; trusted_at: string }
const trustedInfo = (r: TrustedRow, revokedAt: string | null = null): TrustedOffice => ({
  ...cardInfo(JSON.parse(r.card) as Card),
  source: r.source as TrustedOffice['source'],
  trustedAt: r.trusted_at,
  revokedAt,
})

export async function kunciState(db: Db): Promise<{ self: KeyCard; trusted: TrustedOffice[] }> {
  const self = cardInfo(await ownCard(db))
  const rows = await db
    .selectFrom('trusted_office as t')
    .leftJoin('key_revocation as r', 'r.fingerprint', 't.fingerprint')
    .select(['t.card', 't.source', 't.trusted_at', 'r.revoked_at'])
    .orderBy('t.level')
    .orderBy('t.name')
    .execute()
  return { self, trusted: rows.filter((r) => !isStandIn((JSON.parse(r.card) as Card).siteId)).map((r) => trustedInfo(r, r.revoked_at)) }
}

/** What this office knows of the key `card` names: trusted as is, another key for that office, or nothing. */
export async function trustStatus(db: Db, card: Card): Promise<'trusted' | 'changed' | 'new' | 'self'> {
  const site = await requireSite(db)
  if (card.siteId === site.id) return 'self'
  const row = await db.selectFrom('trusted_office').select(['fingerprint', 'level', 'area_code', 'card']).where('site_id', '=', card.siteId).executeTakeFirst()
  if (!row) return 'new'
  // The same key claiming another area (an area corrected after the card was handed out) is a
  // changed card too: a person checks it again, as the first time.
  return row.fingerprint === cardFingerprint(card) && sameClaims(row, card) ? 'trusted' : 'changed'
}

/**
 * Whether `card` claims what the trusted card (as stored) claims: the level, area and villages
 * that give an office its authority. A person confirmed those with the fingerprint; neither a
 * card under the same key nor one the old key signs over may widen them unasked. (A stored card
 * that does not parse is judged by its level and area columns alone.)
 */
function sameClaims(row: { level: string; area_code: string; card: string }, card: Card): boolean {
  if (row.level !== card.level || row.area_code !== card.areaCode) return false
  let held: Card | null
  try {
    held = parseCard(JSON.parse(row.card))
  } catch {
    held = null
  }
  const villages = (c: Card) => [...c.villages].sort().join(',')
  return !held || villages(held) === villages(card)
}

/** Records `card` as trusted (replacing an earlier key of the same office). Call inside the caller's transaction. */
export async function trust(db: Db, card: Card, source: TrustedOffice['source'], now = new Date().toISOString()): Promise<TrustedOffice> {
  const values = {
    site_id: card.siteId,
    level: card.level as SiteLevel,
    area_code: card.areaCode,
    area_name: card.areaName,
    name: card.name,
    signing_key: card.signingKey,
    encryption_key: card.encryptionKey,
    fingerprint: cardFingerprint(card),
    card_created_at: card.createdAt,
    source,
    trusted_at: now,
    card: JSON.stringify(card),
  }
  await db
    .insertInto('trusted_office')
    .values(values)
    .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
    .execute()
  return trustedInfo(values)
}

export async function saveCard(db: Db, input: ParsedInput<'kunci:saveCard'>): Promise<{ path: string; fileName: string; fingerprint: string }> {
  const card = await ownCard(db)
  const slug = card.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'kantor'
  const fileName = `kunci_${slug}${CARD_EXTENSION}`
  const path = join(input.folder, fileName)
  try {
    await writeFile(path, `${JSON.stringify(card, null, 2)}\n`, 'utf8')
  } catch {
    throw new AppError({ code: 'invalid_input', field: 'folder', message: 'Kartu kunci tidak dapat disimpan di folder itu. Periksa foldernya (atau flashdisk), lalu coba lagi.' })
  }
  return { path, fileName, fingerprint: cardFingerprint(card) }
}

export async function loadCard(path: string): Promise<Card> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    throw new AppError({ code: 'invalid_input', field: 'path', message: 'Berkas ini bukan kartu kunci Simpul Posyandu, atau tidak dapat dibaca.' })
  }
  const card = parseCard(raw)
  if (!card) {
    throw new AppError({
      code: 'invalid_input',
      field: 'path',
      message: 'Kartu kunci ini rusak atau telah diubah (tanda tangannya tidak cocok). Minta kantor itu menyimpan kartunya lagi.',
    })
  }
  return card
}

export async function readCard(db: Db, input: ParsedInput<'kunci:readCard'>): Promise<{ card: KeyCard; status: 'new' | 'trusted' | 'changed' | 'self'; change?: CardChange }> {
  const card = await loadCard(input.path)
  const status = await trustStatus(db, card)
  const change = status === 'changed' ? await cardChange(db, card) : null
  return { card: cardInfo(card), status, ...(change ? { change } : {}) }
}

/** For a changed card: the one trusted here for its office beside what `card` claims. */
export async function cardChange(db: Db, card: Card): Promise<CardChange | null> {
  const held = await db.selectFrom('trusted_office').select(['area_name', 'fingerprint']).where('site_id', '=', card.siteId).executeTakeFirst()
  return held ? { knownArea: held.area_name, knownFingerprint: held.fingerprint, cardArea: card.areaName } : null
}

export async function trustCard(db: Db, input: ParsedInput<'kunci:trustCard'>): Promise<TrustedOffice> {
  const card = await loadCard(input.path)
  if ((await trustStatus(db, card)) === 'self') {
    throw new AppError({ code: 'invalid_input', message: 'Ini kartu kunci kantor ini sendiri.' })
  }
  if (!sameFingerprint(input.fingerprint, cardFingerprint(card))) {
    throw new AppError({
      code: 'invalid_input',
      field: 'fingerprint',
      message: 'Sidik jari yang dicocokkan tidak sama dengan sidik jari kartu ini. Jangan percayai kartu ini; tanyakan lagi ke kantor pengirimnya.',
    })
  }
  return trust(db, card, 'kartu')
}

/** Cards of the offices this one trusts whose keys were not revoked: who a paket can be encrypted for. */
export async function trustedCards(db: Db): Promise<Card[]> {
  const rows = await db
    .selectFrom('trusted_office as t')
    .leftJoin('key_revocation as r', 'r.fingerprint', 't.fingerprint')
    .select('t.card')
    .where('r.fingerprint', 'is', null)
    .execute()
  return rows.map((r) => JSON.parse(r.card) as Card).filter((c) => !isStandIn(c.siteId))
}

/** Why this office cannot open a paket that is not addressed to it. */
export function notAddressed(m: Manifest, siteId: string): AppError | null {
  if (!m.encryption || m.encryption.recipients.some((r) => r.siteId === siteId)) return null
  const names = m.encryption.recipients.map((r) => r.name).join(', ')
  return new AppError({
    code: 'forbidden',
    message: `Paket ini dikunci untuk ${names}, bukan untuk kantor ini, sehingga isinya tidak dapat dibuka di sini. Minta ${m.sender.name} membuat paket yang ditujukan ke kantor ini.`,
  })
}

/**
 * Opens the content key wrapped for this office (with its current or a retired encryption key).
 * Loads the keys first: the opener itself runs inside the paket reader, synchronously.
 */
export async function contentKeyOpener(db: Db): Promise<ContentKeyOpener> {
  const vault = keyVaultOf(db)
  const site = await requireSite(db)
  const keys = await db.selectFrom('office_key').select(['encryption_public', 'encryption_private']).execute()
  return (m) => {
    const refused = notAddressed(m, site.id)
    if (refused) throw refused
    const mine = m.encryption!.recipients.find((r) => r.siteId === site.id)!
    const pair = keys.find((k) => k.encryption_public === mine.encryptionKey)
    if (!pair) {
      throw new AppError({
        code: 'forbidden',
        message: `Paket ini dikunci untuk kunci lain kantor ini (mungkin kunci lama dari PC atau instalasi sebelumnya), sehingga tidak dapat dibuka di sini. Kirim kartu kunci kantor ini ke ${m.sender.name}, lalu minta paket baru.`,
      })
    }
    try {
      return unwrapContentKey({ publicKey: pair.encryption_public, privateKey: privateOf(vault, pair.encryption_private) }, mine, m.bundleId, site.id)
    } catch {
      throw damaged('kunci isi paket untuk kantor ini tidak dapat dibuka; kuncinya diubah atau rusak.')
    }
  }
}

// ---------------------------------------------------------------- revocation

/** The revocation of `fingerprint`, if the kota revoked that key. */
export async function revocationOf(db: Db, fingerprint: string): Promise<{ revokedAt: string; reason: string } | null> {
  const r = await db.selectFrom('key_revocation').select(['revoked_at', 'reason']).where('fingerprint', '=', fingerprint).executeTakeFirst()
  return r ? { revokedAt: r.revoked_at, reason: r.reason } : null
}

/** Every revocation statement held here, to travel with the next paket. */
export async function revocationStatements(db: Db): Promise<unknown[]> {
  return (await db.selectFrom('key_revocation').select('statement').execute()).map((r) => JSON.parse(r.statement) as unknown)
}

async function storeRevocation(db: Db, r: Revocation): Promise<boolean> {
  const res = await db
    .insertInto('key_revocation')
    .values({ fingerprint: r.fingerprint, site_id: r.siteId, revoked_at: r.revokedAt, reason: r.reason, issuer_site_id: r.issuerSiteId, statement: JSON.stringify(r) })
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

/**
 * Takes the revocations a paket carries that were signed by a kota this office trusts through
 * its setup paket (or by this office, when it is that kota). Others are ignored: an office
 * cannot revoke another's key. Returns how many were new.
 */
export async function receiveRevocations(db: Db, statements: readonly unknown[]): Promise<number> {
  if (statements.length === 0) return 0
  const site = await requireSite(db)
  const issuers = new Map<string, string>()
  for (const r of await db.selectFrom('trusted_office').select(['site_id', 'signing_key']).where('source', '=', 'pembinaan').where('level', '=', 'kota').execute()) {
    issuers.set(r.site_id, r.signing_key)
  }
  // Its public key only: this runs inside the import's transaction, and the key vault comes with the database handle, not a transaction.
  if (site.level === 'kota') {
    const own = await db.selectFrom('office_key').select('signing_public').where('retired_at', 'is', null).orderBy('id', 'desc').executeTakeFirst()
    if (own) issuers.set(site.id, own.signing_public)
  }
  let added = 0
  for (const raw of statements) {
    const r = parseRevocation(raw, (id) => issuers.get(id) ?? null)
    if (r && (await storeRevocation(db, r))) added++
  }
  return added
}

/** The kota revokes an office's key (a lost laptop): paket signed with it are refused everywhere the statement reaches. */
export async function revokeKey(db: Db, input: ParsedInput<'kunci:revoke'>): Promise<TrustedOffice> {
  const site = await requireSite(db)
  if (site.level !== 'kota') {
    throw new AppError({ code: 'forbidden', message: 'Hanya Dinas kota/kabupaten yang dapat mencabut kunci kantor.' })
  }
  const row = await db.selectFrom('trusted_office').select(['card', 'source', 'trusted_at', 'fingerprint', 'name']).where('site_id', '=', input.siteId).executeTakeFirst()
  if (!row) throw new AppError({ code: 'not_found', message: 'Kantor itu tidak ada di daftar kunci yang dipercaya.' })
  const keys = await ownKeys(db)
  const statement = makeRevocation(
    { siteId: input.siteId, fingerprint: row.fingerprint, revokedAt: new Date().toISOString(), reason: input.reason, issuerSiteId: site.id },
    keys.signing,
  )
  await storeRevocation(db, statement)
  return trustedInfo(row, statement.revokedAt)
}

// ---------------------------------------------------------------- rotation

/**
 * Replaces this office's keys (a key that may have been copied, or simply old). The old ones are
 * kept, retired: the next paket carry the old key's signature of the new card, so offices that
 * trusted the old key move to the new one by themselves.
 */
export async function rotateKeys(db: Db): Promise<KeyCard> {
  await ownKeys(db)
  await db.updateTable('office_key').set({ retired_at: new Date().toISOString() }).where('retired_at', 'is', null).execute()
  await ownKeys(db)
  return cardInfo(await ownCard(db))
}

export interface KeyChange {
  previousSigningKey: string
  previousFingerprint: string
  signature: string
}

/** The statement that goes with paket after a rotation (null when the keys were never replaced). */
export async function keyChangeStatement(db: Db): Promise<KeyChange | null> {
  const vault = keyVaultOf(db)
  const previous = await db.selectFrom('office_key').selectAll().where('retired_at', 'is not', null).orderBy('id', 'desc').executeTakeFirst()
  if (!previous) return null
  const site = await requireSite(db)
  const card = await ownCard(db)
  return {
    previousSigningKey: previous.signing_public,
    previousFingerprint: fingerprint(site.id, previous.signing_public, previous.encryption_public),
    signature: signEd25519({ publicKey: previous.signing_public, privateKey: privateOf(vault, previous.signing_private) }, cardBody(card)),
  }
}

/** Whether `change` proves that the key this office trusts for `card.siteId` vouches for `card`. */
export async function vouchedByTrustedKey(db: Db, card: Card, change: KeyChange | null): Promise<boolean> {
  if (!change) return false
  const row = await db.selectFrom('trusted_office').select(['signing_key', 'fingerprint', 'level', 'area_code', 'card']).where('site_id', '=', card.siteId).executeTakeFirst()
  if (!row || row.signing_key !== change.previousSigningKey || row.fingerprint !== change.previousFingerprint) return false
  // A new key, not a new authority: a card claiming more than the trusted one is asked about.
  if (!sameClaims(row, card)) return false
  return verifyEd25519(change.previousSigningKey, cardBody(card), change.signature)
}

// ---------------------------------------------------------------- succession (recovery of an office)

/** What an office answers for, as far as recovering another goes (its own card or site). */
export interface RecoveryIssuer {
  level: SiteLevel
  areaCode: string
  villages: readonly string[]
}

/**
 * Whether `issuer` may make a recovery paket for (and vouch for the new installation of) an
 * office of `level` in `areaCode`: the kota for any office of its city, a Puskesmas for the
 * kelurahan of its villages. The same offices that answer for that area's records (authority.ts).
 */
export function mayRecover(issuer: RecoveryIssuer, target: { level: SiteLevel; areaCode: string }): boolean {
  if (issuer.level === 'kota') return target.level !== 'kota' && target.areaCode.startsWith(`${issuer.areaCode}.`)
  if (issuer.level === 'puskesmas') return target.level === 'kelurahan' && issuer.villages.includes(target.areaCode)
  return false
}

/** Every succession statement held here, to travel with the next paket. */
export async function successionStatements(db: Db): Promise<unknown[]> {
  return (await db.selectFrom('site_succession').select('statement').orderBy('id').execute()).map((r) => JSON.parse(r.statement) as unknown)
}

/** The old site ids this office succeeds (it was recovered from them). */
export async function predecessorsOf(db: Db, siteId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('site_succession').select('predecessors').where('successor_site_id', '=', siteId).execute()
  return new Set(rows.flatMap((r) => JSON.parse(r.predecessors) as string[]))
}

export async function storeSuccession(db: Db, s: Succession, now = new Date().toISOString()): Promise<boolean> {
  const res = await db
    .insertInto('site_succession')
    .values({
      id: s.id,
      successor_site_id: s.successor.siteId,
      predecessors: JSON.stringify(s.predecessors.map((p) => p.siteId)),
      level: s.level,
      area_code: s.areaCode,
      issuer_site_id: s.issuerSiteId,
      issued_at: s.issuedAt,
      statement: JSON.stringify(s),
      learned_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

const RETIRED_REASON = 'Diganti instalasi baru lewat pemulihan kantor (PC lama hilang atau rusak).'

/**
 * The kota retires the old installations a succession names: their keys (as the kota knows them,
 * and as the statement names them) are revoked, so paket signed with them are refused wherever
 * the revocation travels. `signing`: the kota's own key pair. Returns how many were revoked.
 */
export async function retirePredecessors(db: Db, s: Succession, issuerSiteId: string, signing: RawKeyPair, now = new Date().toISOString()): Promise<number> {
  let revoked = 0
  for (const p of s.predecessors) {
    const known = await db.selectFrom('trusted_office').select('fingerprint').where('site_id', '=', p.siteId).executeTakeFirst()
    for (const fp of new Set([known?.fingerprint, p.fingerprint].filter((f): f is string => !!f))) {
      if (await revocationOf(db, fp)) continue
      const statement = makeRevocation({ siteId: p.siteId, fingerprint: fp, revokedAt: now, reason: RETIRED_REASON, issuerSiteId }, signing)
      if (await storeRevocation(db, statement)) revoked++
    }
  }
  return revoked
}

/**
 * The kota's signing key pair, for retiring old installations while an import runs (loaded
 * before its transaction: the key vault comes with the database handle). Null below the kota, or
 * when the keys are locked to the desktop app on another PC (the kota then revokes by hand).
 */
export async function kotaSigningKeys(db: Db): Promise<RawKeyPair | null> {
  const site = await requireSite(db)
  if (site.level !== 'kota') return null
  try {
    return (await ownKeys(db)).signing
  } catch {
    return null
  }
}

/**
 * Takes the succession statements a paket carries that were signed by an office with authority
 * for that area (mayRecover): the region's kota (trusted through its setup paket, or this
 * office itself) or a Puskesmas this office trusts, for its villages. For each new one: the
 * successor's card is trusted (the issuer matched its fingerprint), unless another key is
 * already trusted for it or it was revoked; at the kota (`signing` given), the old keys are
 * revoked. Returns the statements that were new here.
 */
export async function receiveSuccessions(db: Db, statements: readonly unknown[], signing: RawKeyPair | null, now = new Date().toISOString()): Promise<Succession[]> {
  if (statements.length === 0) return []
  const site = await requireSite(db)
  const issuers = new Map<string, RecoveryIssuer & { signingKey: string }>()
  for (const r of await db.selectFrom('trusted_office').select(['card', 'source']).execute()) {
    const c = JSON.parse(r.card) as Card
    // A kota's word counts only from the kota whose setup paket this office took.
    if (c.level === 'kota' && r.source !== 'pembinaan') continue
    issuers.set(c.siteId, { level: c.level, areaCode: c.areaCode, villages: c.villages, signingKey: c.signingKey })
  }
  const own = await db.selectFrom('office_key').select('signing_public').where('retired_at', 'is', null).orderBy('id', 'desc').executeTakeFirst()
  if (own) {
    const villages = (await db.selectFrom('site_village').select('village_code').execute()).map((r) => r.village_code)
    issuers.set(site.id, { level: site.level, areaCode: site.area_code, villages, signingKey: own.signing_public })
  }
  const learned: Succession[] = []
  for (const raw of statements) {
    const s = parseSuccession(raw, (id) => issuers.get(id)?.signingKey ?? null)
    if (!s || !mayRecover(issuers.get(s.issuerSiteId)!, s)) continue
    if (!(await storeSuccession(db, s, now))) continue
    learned.push(s)
    const card = s.successor
    if (card.siteId !== site.id && (await trustStatus(db, card)) === 'new' && !(await revocationOf(db, cardFingerprint(card)))) await trust(db, card, 'paket', now)
    if (signing && site.level === 'kota') await retirePredecessors(db, s, site.id, signing, now)
  }
  return learned
}
