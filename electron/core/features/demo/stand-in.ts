// The demo's stand-in offices. A demo database holds records of areas other than its own office's
// (a kota demo: every kelurahan's roster, every kecamatan's meetings), written as if they had
// arrived in paket from the offices of those areas. Those offices are stand-ins: ids
// "demo-<kelurahan code>", "demo-pkm-<kecamatan code>", "demo-<kecamatan code>", "demo-<kota code>",
// honest names ("Puskesmas Kec. Tangerang (contoh demo)"), and real keys and signed key cards, so
// a receiver judges their writes from a signed card like any other office's.
//
// Everything about a stand-in follows from its id and the area list alone: the same stand-in is
// the same office, with the same keys and byte-identical card, in every demo database. A Puskesmas
// stand-in covers every kelurahan/desa of its kecamatan, whichever of them the demo was made for.
//
// THE STAND-INS' PRIVATE KEYS ARE PUBLIC BY CONSTRUCTION: they are the SHA-256 of a fixed text in
// this file and the office id, so anyone can sign as a stand-in or open what is encrypted for one.
// They are fit only for demo data, which is why every stand-in's name says "contoh demo".

import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { SiteLevel } from '../../../../shared/domain/reference'
import type { Db } from '../../db/schema'
import { isStandIn, makeCard, type Card } from '../../sync/card'
import { encryptionKeysFromSeed, signingKeysFromSeed, type RawKeyPair } from '../../sync/crypto'
import { trust } from '../kunci/kunci.service'
import { REFERENCE_DATE } from './demo-training'

/** A stand-in office as its card and the `office` table describe it. */
export interface StandIn {
  siteId: string
  level: SiteLevel
  areaCode: string
  areaName: string
  name: string
  /** A Puskesmas: every kelurahan/desa of its kecamatan, sorted; the other levels: none. */
  villages: string[]
}

/** The stand-in kelurahan/desa office of a village. */
export const villageStandIn = (villageCode: string) => `demo-${villageCode}`
/** The stand-in Puskesmas of a kecamatan (one per kecamatan). */
export const puskesmasStandIn = (districtCode: string) => `demo-pkm-${districtCode}`
/** The stand-in kantor kecamatan (kecamatan code) or Dinas kota/kabupaten (kota code) of an area. */
export const areaStandIn = (areaCode: string) => `demo-${areaCode}`
export { isStandIn }

/** When the stand-ins' keys and cards were "made": the demo's fixed reference date. */
const CARD_CREATED_AT = new Date(REFERENCE_DATE).toISOString()
/** Suffix of every stand-in's name, so nobody takes one for the real office of its area. */
export const STAND_IN_MARK = '(contoh demo)'
/** The public text the stand-ins' keys come from (see the top of this file: the keys are public). */
const KEY_SEED_TEXT = 'Simpul Posyandu: kunci publik kantor contoh demo, hanya untuk data demo'

const seedOf = (purpose: 'tanda-tangan' | 'enkripsi', siteId: string) => createHash('sha256').update(`${KEY_SEED_TEXT}\n${purpose}\n${siteId}`, 'utf8').digest()

/** A stand-in's key pairs: derived from its id, the same everywhere, and public (see above). */
export function standInKeys(siteId: string): { signing: RawKeyPair; encryption: RawKeyPair } {
  return { signing: signingKeysFromSeed(seedOf('tanda-tangan', siteId)), encryption: encryptionKeysFromSeed(seedOf('enkripsi', siteId)) }
}

/** The signed key card of a stand-in, self-signed with its (public) key, dated at the reference date. */
export function standInCardOf(s: StandIn): Card {
  const keys = standInKeys(s.siteId)
  return makeCard(
    {
      siteId: s.siteId,
      level: s.level,
      areaCode: s.areaCode,
      areaName: s.areaName,
      name: s.name,
      villages: s.villages,
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
      createdAt: CARD_CREATED_AT,
    },
    keys.signing,
  )
}

const isDesa = (villageCode: string) => villageCode.split('.')[3]?.startsWith('2') ?? false

/**
 * The stand-ins with these ids, from the area list (ids that are no stand-in, or name an area
 * not in the list, are left out). In the order given, each once.
 */
export async function standIns(db: Db, siteIds: Iterable<string>): Promise<StandIn[]> {
  const wanted = [...new Set(siteIds)].filter(isStandIn)
  if (wanted.length === 0) return []
  const codeOf = (id: string) => id.replace(/^demo-(pkm-)?/, '')
  const areas = new Map(
    (await db.selectFrom('area').select(['code', 'name', 'level']).where('code', 'in', [...new Set(wanted.map(codeOf))]).execute()).map((a) => [a.code, a]),
  )
  const districts = [...new Set(wanted.filter((id) => id.startsWith('demo-pkm-')).map(codeOf))]
  const villagesOf = new Map<string, string[]>(districts.map((d) => [d, []]))
  if (districts.length > 0) {
    const rows = await db.selectFrom('area').select(['code', 'parent_code']).where('level', '=', 4).where('parent_code', 'in', districts).orderBy('code').execute()
    for (const r of rows) villagesOf.get(r.parent_code!)?.push(r.code)
  }
  const out: StandIn[] = []
  for (const siteId of wanted) {
    const area = areas.get(codeOf(siteId))
    if (!area) continue
    const base = { siteId, areaCode: area.code, areaName: area.name, villages: [] as string[] }
    if (siteId.startsWith('demo-pkm-')) {
      if (area.level !== 3) continue
      out.push({ ...base, level: 'puskesmas', name: `Puskesmas Kec. ${area.name} ${STAND_IN_MARK}`, villages: villagesOf.get(area.code)! })
    } else if (area.level === 4) {
      out.push({ ...base, level: 'kelurahan', name: `${isDesa(area.code) ? 'Desa' : 'Kelurahan'} ${area.name} ${STAND_IN_MARK}` })
    } else if (area.level === 3) {
      out.push({ ...base, level: 'kecamatan', name: `Kecamatan ${area.name} ${STAND_IN_MARK}` })
    } else if (area.level === 2) {
      out.push({ ...base, level: 'kota', name: `Dinas Kesehatan ${area.name} ${STAND_IN_MARK}` })
    }
  }
  return out
}

/** The key card of the stand-in with this id (the same in every demo database), or null. */
export async function standInCard(db: Db, siteId: string): Promise<Card | null> {
  const [s] = await standIns(db, [siteId])
  return s ? standInCardOf(s) : null
}

/**
 * Records stand-ins as this office knows them after their paket arrived: an `office` row with
 * the card's name, level, area and villages, and the card trusted (source "paket"), so this
 * office's paket pass the cards on to whoever trusts it to vouch for them. `paketAt` is when
 * the stand-in's last paket was made; a row already there keeps its dates. Call in a transaction.
 */
export async function recordStandIns(trx: Db, offices: readonly { standIn: StandIn; paketAt: string | null }[]): Promise<void> {
  for (const { standIn: s, paketAt } of offices) {
    const describe = { level: s.level, area_code: s.areaCode, area_name: s.areaName, name: s.name, villages: JSON.stringify(s.villages) }
    await trx
      .insertInto('office')
      .values({ site_id: s.siteId, ...describe, last_bundle_at: paketAt, last_imported_at: paketAt })
      .onConflict((oc) =>
        oc.column('site_id').doUpdateSet({
          ...describe,
          last_bundle_at: sql<string | null>`coalesce(office.last_bundle_at, excluded.last_bundle_at)`,
          last_imported_at: sql<string | null>`coalesce(office.last_imported_at, excluded.last_imported_at)`,
        }),
      )
      .execute()
    await trust(trx, standInCardOf(s), 'paket', paketAt ?? CARD_CREATED_AT)
  }
}
