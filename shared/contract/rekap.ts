// The recap of this office's area, and how long each office below has been silent.

import { z } from 'zod'
import type { SiteLevel } from '../domain/reference'
import { out } from './common'
import type { PaketOffice } from './paket'

// ---------------------------------------------------------------- outputs

export interface RekapCounts {
  posyandu: number
  activeKader: number
  /** Active kader per level: none, purwa, madya, utama. */
  levels: { none: number; purwa: number; madya: number; utama: number }
  /** Per competency group (catalogue order): active kader holding the whole group (TKK). */
  groups: { code: string; complete: number }[]
  /** Trainings with at least one participant here, held in the year. */
  trainings: number
  /** Meetings held here in the year. */
  meetings: number
  followUpsOpen: number
  followUpsOverdue: number
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
