// The recap of this office's area, and how long each office below has been silent.

import { z } from 'zod'
import type { SiteLevel, SpmField } from '../domain/reference'
import { out } from './common'
import type { PaketOffice } from './paket'

// ---------------------------------------------------------------- outputs

/**
 * One SPM field in an area: the active Posyandu serving it, the active kader with it, and the
 * open and overdue follow-ups of that field (the follow-up's own `spm_field`; one without a
 * field counts in no row here, only in the node's totals).
 */
export interface RekapSpm {
  field: SpmField
  posyandu: number
  activeKader: number
  followUpsOpen: number
  followUpsOverdue: number
}

export interface RekapCounts {
  posyandu: number
  /** Active Posyandu registered with Kemendagri (registration_status terdaftar). */
  registeredPosyandu: number
  activeKader: number
  /** Active kader per level: none, purwa, madya, utama. */
  levels: { none: number; purwa: number; madya: number; utama: number }
  /** Per competency group (catalogue order): active kader holding the whole group (kelompok lengkap). */
  groups: { code: string; complete: number }[]
  /** TKK held by the active kader: each skill assessed kompeten is one Tanda Kecakapan Kader. */
  tkk: number
  /** Active kader holding at least one TKK. */
  kaderWithTkk: number
  /** The six SPM fields, in the order of SPM_FIELDS. */
  spm: RekapSpm[]
  /** Trainings with at least one participant here, held in the year. */
  trainings: number
  /** Meetings held here in the year. */
  meetings: number
  followUpsOpen: number
  followUpsOverdue: number
  /** Active Posyandu without a working anthropometry kit (an item missing, rusak berat or not recorded). */
  posyanduKitIncomplete: number
  /** Kader paid an incentive for a month of the year (each kader once). */
  insentifKaderPaid: number
  /** Rupiah paid in incentives for the months of the year. */
  insentifTotal: number
}

export interface RekapNode extends RekapCounts {
  code: string
  name: string
  kind: 'kecamatan' | 'kelurahan' | 'posyandu'
  /** Newest paket received from an office of this area (directly or relayed); null: never. */
  lastBundleAt: string | null
  ageDays: number | null
  children: RekapNode[]
}

export interface RekapOffice extends PaketOffice {
  lastBundleAt: string | null
  ageDays: number | null
  /** When this office last imported a paket made by that office (null: only heard of it through others). */
  lastImportedAt: string | null
  /**
   * Heard from only through another office's paket: the Puskesmas serving its village when
   * this office knows it (null name: relayed by an office not known by name); null when a
   * paket it made was imported here directly, or when nothing it made has reached here.
   */
  relayedBy: { siteId: string | null; name: string | null } | null
}

export interface Rekap {
  scope: { code: string; name: string; level: SiteLevel }
  year: number
  /** The date the ages are counted to (YYYY-MM-DD). */
  today: string
  total: RekapCounts
  /** The competency groups of the catalogue in force (the order of `groups` in every count). */
  groupNames: { code: string; name: string }[]
  /** Kecamatan at the kota, kelurahan at a kecamatan or Puskesmas, Posyandu at a kelurahan. */
  nodes: RekapNode[]
  /** Offices heard of, the longest silent first. */
  offices: RekapOffice[]
  followUpsPerOpd: { opdId: string; name: string; open: number; overdue: number }[]
}

// ---------------------------------------------------------------- channels

export const rekapChannels = {
  /** The recap of this office's area: per kecamatan, kelurahan and Posyandu, and the silent offices. */
  'rekap:get': { input: z.object({ year: z.number().int().min(2000).max(2100).nullish() }), output: out<Rekap>() },
} as const
