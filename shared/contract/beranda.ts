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

// ---------------------------------------------------------------- channels

export const berandaChannels = {
  'beranda:summary': { input: empty, output: out<BerandaSummary>() },
  /** Follow-ups still open and those past their deadline: shown in the menu on every screen. */
  'beranda:followUps': { input: empty, output: out<{ open: number; overdue: number }>() },
} as const
