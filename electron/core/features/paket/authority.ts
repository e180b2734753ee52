// What an office may change in the copies other offices hold (issue 6): the kinds of its level
// (WEWENANG in shared/domain/paket.ts) and only within its own area. Checked at import for every
// incoming write that would change a record here, against the office that made the write (the
// site id in the field's version) and against the office that signed the bundle (a relay may
// pass on only what concerns its own area). See "Authority" in docs/bundle-format.md.

import type SqliteDatabase from 'better-sqlite3'
import { PAKET_KIND_NAMES, WEWENANG, type PaketKind } from '../../../../shared/domain/paket'
import type { SiteLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import type { Manifest } from '../../sync/bundle'
import type { Row } from '../../sync/merge'

export interface Scope {
  name: string
  level: SiteLevel
  /** The office's own area code (a Puskesmas: its kecamatan). */
  code: string
  /** A Puskesmas's villages. */
  villages: readonly string[]
}

const LEVEL_WORDS: Record<SiteLevel, string> = { kelurahan: 'kelurahan/desa', puskesmas: 'Puskesmas', kecamatan: 'kecamatan', kota: 'Dinas kota/kabupaten' }

/** Whether area code `a` lies inside what office `s` answers for. */
export function withinScope(a: string, s: Scope): boolean {
  switch (s.level) {
    case 'kelurahan':
      return a === s.code
    case 'puskesmas':
      // Its villages, and its own kecamatan-wide records; not the kecamatan's other Puskesmas.
      return a === s.code || s.villages.some((v) => a === v || a.startsWith(`${v}.`))
    default:
      return s.code === '' || a === s.code || a.startsWith(`${s.code}.`)
  }
}

/** Whether area `a` concerns office `s` at all (inside it, or covering it): what a relay may pass on. */
function concernsScope(a: string, s: Scope): boolean {
  if (withinScope(a, s)) return true
  return [s.code, ...s.villages].some((c) => c.startsWith(`${a}.`))
}

/**
 * The offices writes may come from, with the area each answers for: this office, the offices
 * whose key cards it trusts (their area is signed), then every office heard of, then the offices
 * the bundle's manifest names. The default OPD list (site "default") is the kota's.
 */
export function loadScopes(sqlite: SqliteDatabase.Database, m: Manifest): Map<string, Scope> {
  const out = new Map<string, Scope>()
  const put = (id: string, s: Scope) => {
    if (!out.has(id)) out.set(id, s)
  }
  const self = sqlite.prepare('select id, level, area_code, name from site').get() as { id: string; level: SiteLevel; area_code: string; name: string }
  const own = (sqlite.prepare('select village_code from site_village').all() as { village_code: string }[]).map((r) => r.village_code)
  put(self.id, { name: self.name, level: self.level, code: self.area_code, villages: own })
  for (const r of sqlite.prepare('select card from trusted_office').all() as { card: string }[]) {
    const c = JSON.parse(r.card) as { siteId: string; name: string; level: SiteLevel; areaCode: string; villages: string[] }
    put(c.siteId, { name: c.name, level: c.level, code: c.areaCode, villages: c.villages })
  }
  for (const o of sqlite.prepare('select site_id, level, area_code, name, villages from office').all() as {
    site_id: string
    level: SiteLevel
    area_code: string
    name: string
    villages: string
  }[]) {
    put(o.site_id, { name: o.name, level: o.level, code: o.area_code, villages: JSON.parse(o.villages) as string[] })
  }
  for (const o of m.offices) put(o.siteId, { name: o.name, level: o.level, code: o.areaCode, villages: o.villages })
  put('default', { name: 'Daftar OPD bawaan', level: 'kota', code: '', villages: [] })
  return out
}

/**
 * The area a record belongs to for authority: the village of its Posyandu (kader and everything
 * about a kader through it), a meeting's Posyandu or else its organiser's area, a training its
 * organiser's area. Looked up in the database being imported into, where parents are already
 * merged (tables are imported parents first); cached per parent.
 */
export function areaLookup(sqlite: SqliteDatabase.Database, scopes: Map<string, Scope>) {
  const posyandu = sqlite.prepare('select village_code as a from posyandu where id = ?').pluck()
  const kader = sqlite.prepare('select p.village_code as a from kader k join posyandu p on p.id = k.posyandu_id where k.id = ?').pluck()
  const meeting = sqlite.prepare('select posyandu_id, site_id from meeting where id = ?')
  const training = sqlite.prepare('select site_id from training where id = ?').pluck()
  const followUp = sqlite.prepare('select posyandu_id, meeting_id, site_id from follow_up where id = ?')
  const cache = new Map<string, string | undefined>()
  const cached = (key: string, f: () => string | undefined) => {
    if (cache.has(key)) return cache.get(key)
    const v = f()
    cache.set(key, v)
    return v
  }
  const officeArea = (siteId: unknown) => scopes.get(siteId as string)?.code || undefined
  const posyanduArea = (id: unknown) => (id ? cached(`p:${id as string}`, () => posyandu.get(id) as string | undefined) : undefined)
  const kaderArea = (id: unknown) => cached(`k:${id as string}`, () => kader.get(id) as string | undefined)
  const meetingArea = (id: unknown) =>
    cached(`m:${id as string}`, () => {
      const r = meeting.get(id) as { posyandu_id: string | null; site_id: string } | undefined
      return r ? (posyanduArea(r.posyandu_id) ?? officeArea(r.site_id)) : undefined
    })
  const followUpArea = (id: unknown) =>
    cached(`f:${id as string}`, () => {
      const r = followUp.get(id) as { posyandu_id: string | null; meeting_id: string | null; site_id: string } | undefined
      return r ? (posyanduArea(r.posyandu_id) ?? (r.meeting_id ? meetingArea(r.meeting_id) : undefined) ?? officeArea(r.site_id)) : undefined
    })
  /** The record's area, or undefined when it has none (reference data) or it cannot be told. */
  return (table: string, row: Row): string | undefined => {
    switch (table) {
      case 'posyandu':
        return row.village_code as string
      case 'kader':
        return posyanduArea(row.posyandu_id)
      case 'kader_status':
      case 'assessment':
        return kaderArea(row.kader_id)
      case 'training':
        return officeArea(row.site_id)
      case 'training_participant':
        return cached(`t:${row.training_id as string}`, () => officeArea(training.get(row.training_id)))
      case 'meeting':
        return posyanduArea(row.posyandu_id) ?? officeArea(row.site_id)
      case 'attachment':
        return meetingArea(row.meeting_id)
      case 'follow_up':
        return posyanduArea(row.posyandu_id) ?? (row.meeting_id ? meetingArea(row.meeting_id) : undefined) ?? officeArea(row.site_id)
      case 'follow_up_progress':
        return followUpArea(row.follow_up_id)
      default:
        return undefined
    }
  }
}

/**
 * Why `writer` may not make this change to a record of `kind` whose area is `areas` (before and
 * after the change), relayed by `sender`; null when it may. A write in this office's name that it
 * does not already hold is forged.
 */
export function refusal(kind: PaketKind, areas: readonly (string | undefined)[], writerId: string, scopes: Map<string, Scope>, selfId: string, sender: Scope): string | null {
  // Only a write this office does not hold yet can change a record here; none of those is its own.
  if (writerId === selfId) return 'Perubahan ini mengaku dibuat oleh kantor ini, padahal kantor ini tidak pernah membuatnya; tidak diterima.'
  const writer = scopes.get(writerId)
  if (!writer) return 'Perubahan ini dibuat oleh kantor yang tidak dikenal di sini; tidak diterima.'
  if (!WEWENANG[writer.level].includes(kind)) {
    return `${writer.name} (${LEVEL_WORDS[writer.level]}) tidak berwenang mengubah data ${PAKET_KIND_NAMES[kind].toLowerCase()}; perubahan ini tidak diterima.`
  }
  if (kind === 'opd') return null // reference data has no area; its own rule applies (import.ts)
  for (const a of areas) {
    if (a === undefined) {
      if (writer.level !== 'kota') return `Wilayah data ini tidak diketahui di sini, jadi perubahan dari ${writer.name} tidak dapat diperiksa dan tidak diterima.`
      continue
    }
    if (!withinScope(a, writer)) return `Data ini di luar wilayah ${writer.name}; perubahan dari kantor itu tidak diterima.`
    if (sender.level !== 'kota' && !concernsScope(a, sender)) return `${sender.name} meneruskan perubahan data di luar wilayahnya; tidak diterima.`
  }
  return null
}

/**
 * Refuses a local change this office could not pass on: other offices would refuse it, and the
 * copies would differ for good (a conflict restored, a same-NIK merge).
 */
export function assertWewenang(level: SiteLevel, kinds: readonly PaketKind[], what: string): void {
  const missing = kinds.filter((k) => !WEWENANG[level].includes(k))
  if (missing.length === 0) return
  throw new AppError({
    code: 'forbidden',
    message: `${what} tidak dapat dilakukan di kantor ${LEVEL_WORDS[level]}: data ${missing.map((k) => PAKET_KIND_NAMES[k].toLowerCase()).join(', ')} hanya boleh diubah kantor yang berwenang, dan perubahan dari sini akan ditolak kantor lain. Minta kantor yang berwenang melakukannya.`,
  })
}
