// Backups (cadangan) of this office's database, kept in a folder beside the database file.

import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

/**
 * Why a backup was made: once a day at start, on request, or just before work that rewrites many
 * records (a paket import, a catalogue install, a restore, a merge). Part of the file name.
 */
export type BackupReason = 'harian' | 'manual' | 'impor-paket' | 'pasang-katalog' | 'pulihkan' | 'gabung'

export interface Backup {
  path: string
  fileName: string
  bytes: number
  /** When the copy was made (ISO-8601, read from the file name). */
  createdAt: string
  reason: BackupReason
  /** Passed SQLite's full integrity check when made (only such copies get a backup's name) and still looks like a database. */
  verified: boolean
}

// ---------------------------------------------------------------- channels

export const cadanganChannels = {
  /** The backups beside the database file, newest first. */
  'cadangan:list': { input: empty, output: out<Backup[]>() },
  /** Makes a verified backup now (reason "manual") and rotates the old ones. */
  'cadangan:create': { input: empty, output: out<Backup>() },
} as const
