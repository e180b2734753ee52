// The home screen's summary and the follow-up counts in the menu.

import type { KaderRole, KaderStatus, SpmField } from '../domain/reference'
import type { LevelCode } from '../domain/competency'
import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

export interface BerandaSummary {
  posyandu: { total: number; active: number }
  kader: {
    total: number
    byStatus: Record<KaderStatus, number>
    bySpmField: Record<SpmField, number>
    byRole: Record<KaderRole, number>
  }
  /** Active kader per level (derived from assessments; 'none' = no level yet). */
  kaderLevels: Record<LevelCode | 'none', number>
  /** Active Posyandu whose active kader are below the minKaderPerPosyandu setting. */
  posyanduBelowMinimum: { id: string; name: string; activeKaderCount: number }[]
}

/**
 * "Bergabung dengan wilayah": an office's first steps into its region, each ticked from the
 * database when it has happened. A kelurahan/desa, Puskesmas or kecamatan: import the Dinas's
 * paket pembinaan, match the Dinas's fingerprint, send the first paket. The Dinas: make the paket
 * pembinaan, match the fingerprint of an office below it, make the paket pembinaan again (now with
 * the key cards of the offices it knows).
 */
export const GABUNG_STEPS = {
  kantor: ['pembinaan', 'sidikJari', 'kirim'],
  dinas: ['pembinaanKirim', 'sidikJariKantor', 'pembinaanLagi'],
} as const
export type GabungStep = (typeof GABUNG_STEPS)[keyof typeof GABUNG_STEPS][number]

export interface GabungChecklist {
  steps: { key: GabungStep; done: boolean }[]
  /** Every step done: the checklist is no longer shown. */
  done: boolean
}

// ---------------------------------------------------------------- channels

export const berandaChannels = {
  'beranda:summary': { input: empty, output: out<BerandaSummary>() },
  /** Follow-ups still open and those past their deadline: shown in the menu on every screen. */
  'beranda:followUps': { input: empty, output: out<{ open: number; overdue: number }>() },
  'beranda:gabung': { input: empty, output: out<GabungChecklist>() },
} as const
