// The kinds of records a paket ("paket") carries: the replicated tables, in the order people
// think of them and in which every per-kind table is shown, with what the screens need of each:
// its name in the users' words and which levels of office may change it. The core's replication
// registry (electron/core/sync/registry.ts) adds what only the core needs (parents, area, what
// to refresh) to these same entries; everything else derives from this one table.

import type { SiteLevel } from './reference'

const KELURAHAN = 'kelurahan' as const
const PUSKESMAS = 'puskesmas' as const
const KECAMATAN = 'kecamatan' as const
const KOTA = 'kota' as const
const EVERY_LEVEL = [KELURAHAN, PUSKESMAS, KECAMATAN, KOTA] as const

/**
 * Which levels of office may change each kind, within their own area, in the copies other
 * offices hold (a paket carrying anything else is refused record by record). A kelurahan keeps
 * its Posyandu register, kader and meetings; a Puskesmas its trainings and assessments, and the
 * kader of its villages too (it corrects them and merges the same person entered by two
 * kelurahan, which only it sees); the kota the reference data and its own trainings; every level
 * its own Tim Pembina meetings and follow-ups. Data, not code: the division of work is the
 * region's, and may change. OPD records keep their own rule (reference data from above; an
 * office's own units go up).
 */
export const PAKET_KIND_SPECS = {
  pustu: { name: 'Pustu', writers: [KELURAHAN] },
  posyandu: { name: 'Posyandu', writers: [KELURAHAN] },
  kader: { name: 'Kader', writers: [KELURAHAN, PUSKESMAS] },
  kader_status: { name: 'Riwayat status kader', writers: [KELURAHAN, PUSKESMAS] },
  training: { name: 'Pelatihan', writers: [PUSKESMAS, KOTA] },
  training_participant: { name: 'Peserta pelatihan', writers: [PUSKESMAS, KOTA] },
  assessment: { name: 'Penilaian kompetensi', writers: [PUSKESMAS, KOTA] },
  opd: { name: 'OPD', writers: EVERY_LEVEL },
  meeting: { name: 'Rapat', writers: EVERY_LEVEL },
  attachment: { name: 'Lampiran (rapat, bukti tindak lanjut)', writers: EVERY_LEVEL },
  follow_up: { name: 'Tindak lanjut', writers: EVERY_LEVEL },
  follow_up_progress: { name: 'Perkembangan tindak lanjut', writers: EVERY_LEVEL },
  // Issue 18: the Dinas's equipment list flows down; a kelurahan keeps its Posyandu's equipment
  // and pays its kader.
  sarana_item: { name: 'Daftar sarana', writers: [KOTA] },
  sarana: { name: 'Sarana prasarana', writers: [KELURAHAN] },
  insentif: { name: 'Insentif kader', writers: [KELURAHAN] },
} as const satisfies Record<string, { name: string; writers: readonly SiteLevel[] }>

export type PaketKind = keyof typeof PAKET_KIND_SPECS

/** The kinds in their order. */
export const PAKET_KINDS = Object.keys(PAKET_KIND_SPECS) as PaketKind[]

/** The kinds in the users' words (messages of the core and the CLI; the screens have their own i18n). */
export const PAKET_KIND_NAMES = Object.fromEntries(PAKET_KINDS.map((k) => [k, PAKET_KIND_SPECS[k].name])) as Record<PaketKind, string>

/** Per level, the kinds it may change (PAKET_KIND_SPECS seen from the office's side). */
export const WEWENANG = Object.fromEntries(
  EVERY_LEVEL.map((l) => [l, PAKET_KINDS.filter((k) => (PAKET_KIND_SPECS[k].writers as readonly SiteLevel[]).includes(l))]),
) as unknown as Record<SiteLevel, readonly PaketKind[]>

export function isPaketKind(k: string): k is PaketKind {
  return Object.hasOwn(PAKET_KIND_SPECS, k)
}
