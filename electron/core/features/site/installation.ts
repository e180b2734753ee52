// One identity per PC (issue 6): a database copied to another PC, or a backup restored over a
// newer state, must not go on speaking as the office it was copied from. Two PCs writing with one
// site id would issue the same versions for different values (their copies would never agree
// again) and would sign with one key. The desktop app checks at every start; the CLI and the
// browser preview do not (they work on files on purpose).
//
// How it tells: the database remembers the PC it runs on (a hash of the computer's and the
// Windows/Linux user's names); a file outside the database, in the app's own folder on this PC,
// remembers the newest clock this PC has seen for its office. Another PC → a copy; an older
// clock than this PC already reached → a restored backup. Either way the office gets a new
// site id and new keys, and its old identity becomes an office heard of (its records keep their
// owner). See "Installation identity" in docs/paket-format.md.

import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import type { Db } from '../../db/schema'
import { uuidv7 } from '../../sync/uuid'
import { getSiteRow } from './site.service'

const HOST_KEY = 'installation.host'
export const RENEWED_KEY = 'installation.renewed'

export interface InstallationPlace {
  /** Which PC and user this is (thisHost()). */
  host: string
  /** A small file outside the database, on this PC (the desktop app: userData/instalasi.json). */
  markerFile: string
}

export interface IdentityRenewal {
  at: string
  reason: 'salinan' | 'cadangan'
  previousSiteId: string
  siteId: string
}

/** This PC and user, as a hash: names never stored in the database. */
export function thisHost(): string {
  let user = ''
  try {
    user = userInfo().username
  } catch {
    // No user entry (some containers): the computer's name alone.
  }
  return createHash('sha256').update(`simpul-instalasi\n${hostname()}\n${user}`).digest('hex').slice(0, 32)
}

interface Marker {
  siteId: string
  clock: string
}

function readMarker(file: string): Marker | null {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Marker>
    return typeof m.siteId === 'string' && typeof m.clock === 'string' ? { siteId: m.siteId, clock: m.clock } : null
  } catch {
    return null
  }
}

function writeMarker(file: string, m: Marker): void {
  // Beside and renamed: a power cut leaves the old marker or the new one, never half of one.
  const tmp = `${file}.tmp`
  writeFileSync(tmp, `${JSON.stringify(m)}\n`, 'utf8')
  renameSync(tmp, file)
}

async function meta(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
}

async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/**
 * Run when the desktop app has opened its database. Returns the renewal when this start gave the
 * office a new identity (the screens then tell the person what to do), else null.
 */
export async function checkInstallation(db: Db, place: InstallationPlace, nowMs: number = Date.now()): Promise<IdentityRenewal | null> {
  const knownHost = await meta(db, HOST_KEY)
  const site = await getSiteRow(db)
  if (!knownHost || !site) {
    // First start of this database (or of this check): this PC is its home from now on.
    await setMeta(db, HOST_KEY, place.host)
    if (site) writeMarker(place.markerFile, { siteId: site.id, clock: site.clock })
    return null
  }
  const marker = readMarker(place.markerFile)
  const reason = knownHost !== place.host ? 'salinan' : marker && marker.siteId === site.id && site.clock < marker.clock ? 'cadangan' : null
  if (!reason) {
    writeMarker(place.markerFile, { siteId: site.id, clock: site.clock })
    return null
  }
  const renewal = await renewIdentity(db, reason, nowMs)
  await setMeta(db, HOST_KEY, place.host)
  const after = (await getSiteRow(db))!
  writeMarker(place.markerFile, { siteId: after.id, clock: after.clock })
  return renewal
}

/** Remembers this PC's newest clock (the desktop app calls it when it closes). */
export async function recordInstallation(db: Db, place: InstallationPlace): Promise<void> {
  const site = await getSiteRow(db)
  if (site && (await meta(db, HOST_KEY)) === place.host) writeMarker(place.markerFile, { siteId: site.id, clock: site.clock })
}

/**
 * A new site id and no keys (new ones are made when first needed): the copy's private keys were
 * the other PC's. The old identity stays an office heard of, so its records, conflicts and
 * recaps still name it. Watermarks go: the first paket of the new identity carry everything.
 */
export async function renewIdentity(db: Db, reason: IdentityRenewal['reason'], nowMs: number = Date.now()): Promise<IdentityRenewal> {
  return db.transaction().execute(async (trx) => {
    const site = (await getSiteRow(trx))!
    const siteId = uuidv7(nowMs)
    const villages = (await trx.selectFrom('site_village').select('village_code').orderBy('village_code').execute()).map((r) => r.village_code)
    await trx
      .insertInto('office')
      .values({
        site_id: site.id,
        level: site.level,
        area_code: site.area_code,
        area_name: site.area_name,
        name: `${site.name} (identitas lama)`,
        villages: JSON.stringify(villages),
        last_bundle_at: null,
        last_imported_at: null,
      })
      .onConflict((oc) => oc.column('site_id').doNothing())
      .execute()
    await trx.updateTable('site').set({ id: siteId }).where('id', '=', site.id).execute()
    await trx.deleteFrom('office_key').execute()
    await trx.deleteFrom('paket_sent').execute()
    const renewal: IdentityRenewal = { at: new Date(nowMs).toISOString(), reason, previousSiteId: site.id, siteId }
    await setMeta(trx, RENEWED_KEY, JSON.stringify(renewal))
    return renewal
  })
}

/** The last renewal of this office's identity, for the screens (null: never). */
export async function lastRenewal(db: Db): Promise<IdentityRenewal | null> {
  const raw = await meta(db, RENEWED_KEY)
  return raw ? (JSON.parse(raw) as IdentityRenewal) : null
}
