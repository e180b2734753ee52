// A damaged database file (berkas data rusak): the host opens in a recovery mode that serves
// only these calls, and the app shows the way back (a verified backup, or a fresh start to be
// recovered from the Puskesmas/Dinas) instead of the normal screens.

import { z } from 'zod'
import type { Backup } from './cadangan'
import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

/** How many records of one kind the damaged file shows as changed after a backup was made. */
export interface LostChanges {
  /** The users' word for the kind ("Kader", "Posyandu"…). */
  name: string
  count: number
}

export interface RecoveryBackup extends Backup {
  /** Whole days between the copy and now. */
  daysAgo: number
  /**
   * Records changed after the copy, per kind, as far as the damaged file can still be read
   * (best effort); null when it cannot be read at all. Kinds with no change are left out.
   */
  lost: LostChanges[] | null
}

export type BerkasRusakStatus =
  | { damaged: false }
  | {
      damaged: true
      /** The damaged database file. */
      file: string
      /** What happened, in plain Indonesian. */
      message: string
      /** Verified backups beside the file, newest first (may be empty). */
      backups: RecoveryBackup[]
    }

export interface Recovered {
  /** Where the damaged file was kept (never deleted: it may still be read by an expert). */
  keptAside: string | null
}

// ---------------------------------------------------------------- inputs

export const berkasRusakRestoreInput = z
  .object({
    /** One of the backups listed by berkasRusak:status, by its file name (never a path from the page). */
    fileName: z.string().min(1, { message: 'Pilih cadangan yang akan dipulihkan.' }).max(200),
  })
  .strict()

// ---------------------------------------------------------------- channels

export const berkasRusakChannels = {
  /** Whether the host opened the database in recovery mode, and the ways back. */
  'berkasRusak:status': { input: empty, output: out<BerkasRusakStatus>() },
  /** Recovery mode only: puts the chosen backup in place (the damaged file kept aside) and opens it. */
  'berkasRusak:restore': { input: berkasRusakRestoreInput, output: out<Recovered>() },
  /** Recovery mode only: sets the damaged file aside and starts an empty database (first-run setup follows). */
  'berkasRusak:startFresh': { input: empty, output: out<Recovered>() },
} as const
