// Which area a replicated record belongs to, for choosing what a bundle to a lower office carries
// (the kota's bundle to one Puskesmas carries that Puskesmas's villages, not the whole city).
// See "Area of a record" in docs/bundle-format.md.

import type SqliteDatabase from 'better-sqlite3'
import type { SiteLevel } from '../../../../shared/domain/reference'

/** Higher number = higher office. A Puskesmas and a kecamatan office sit at the same height. */
export const LEVEL_RANK: Record<SiteLevel, number> = { kelurahan: 0, puskesmas: 1, kecamatan: 1, kota: 2 }

/** Area codes of the offices that created records (this one and every office heard of). */
function officeAreas(sqlite: SqliteDatabase.Database): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of sqlite.prepare('select site_id, area_code from office').all() as { site_id: string; area_code: string }[]) out.set(r.site_id, r.area_code)
  const self = sqlite.prepare('select id, area_code from site').get() as { id: string; area_code: string } | undefined
  if (self) out.set(self.id, self.area_code)
  return out
}

export interface AreaIndex {
  /** The area code(s) a record belongs to; [] when it belongs to no area (goes everywhere). */
  of(table: string, row: Record<string, unknown>): string[]
}

/** Lookups for the area of every record, built once per export (a few queries over the whole tables). */
export function buildAreaIndex(sqlite: SqliteDatabase.Database): AreaIndex {
  const offices = officeAreas(sqlite)
  const posyandu = new Map<string, string>()
  for (const r of sqlite.prepare('select id, village_code from posyandu').all() as { id: string; village_code: string }[]) posyandu.set(r.id, r.village_code)
  const kader = new Map<string, string>()
  for (const r of sqlite.prepare('select k.id, p.village_code from kader k join posyandu p on p.id = k.posyandu_id').all() as { id: string; village_code: string }[]) {
    kader.set(r.id, r.village_code)
  }
  const meeting = new Map<string, string | undefined>()
  for (const r of sqlite.prepare('select id, posyandu_id, site_id from meeting').all() as { id: string; posyandu_id: string | null; site_id: string }[]) {
    meeting.set(r.id, (r.posyandu_id ? posyandu.get(r.posyandu_id) : undefined) ?? offices.get(r.site_id))
  }
  const followUp = new Map<string, string | undefined>()
  for (const r of sqlite.prepare('select id, posyandu_id, meeting_id, site_id from follow_up').all() as {
    id: string
    posyandu_id: string | null
    meeting_id: string | null
    site_id: string
  }[]) {
    followUp.set(
      r.id,
      (r.posyandu_id ? posyandu.get(r.posyandu_id) : undefined) ?? (r.meeting_id ? meeting.get(r.meeting_id) : undefined) ?? offices.get(r.site_id),
    )
  }
  // A training belongs to its organiser's area and to the villages of its participants.
  const training = new Map<string, Set<string>>()
  for (const r of sqlite.prepare('select id, site_id from training').all() as { id: string; site_id: string }[]) {
    const s = new Set<string>()
    const a = offices.get(r.site_id)
    if (a) s.add(a)
    training.set(r.id, s)
  }
  for (const r of sqlite.prepare('select training_id, kader_id from training_participant where deleted = 0').all() as { training_id: string; kader_id: string }[]) {
    const v = kader.get(r.kader_id)
    if (v) training.get(r.training_id)?.add(v)
  }
  const one = (x: string | undefined) => (x ? [x] : [])
  return {
    of(table, row) {
      switch (table) {
        case 'posyandu':
          return one(row.village_code as string)
        case 'kader':
          return one(posyandu.get(row.posyandu_id as string))
        case 'kader_status':
        case 'assessment':
        case 'training_participant':
          return one(kader.get(row.kader_id as string))
        case 'training':
          return [...(training.get(row.id as string) ?? [])]
        case 'meeting':
          return one(meeting.get(row.id as string))
        case 'attachment':
          return one(meeting.get(row.meeting_id as string))
        case 'follow_up':
          return one(followUp.get(row.id as string))
        case 'follow_up_progress':
          return one(followUp.get(row.follow_up_id as string))
        default:
          return [] // reference data (OPD list): everywhere
      }
    },
  }
}

/**
 * Whether a record of areas `areas` concerns a recipient covering `recipient` codes: it lies
 * inside the recipient's area, or it covers it (a kota meeting concerns every kelurahan of the
 * kota). Records of no area (reference data) concern everybody.
 */
export function concerns(areas: readonly string[], recipient: readonly string[]): boolean {
  if (areas.length === 0) return true
  return areas.some((a) => recipient.some((r) => a === r || a.startsWith(`${r}.`) || r.startsWith(`${a}.`)))
}
