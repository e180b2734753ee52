// Backups (cadangan) of this office's database, kept in a folder beside the database file.

import { z } from 'zod'
import { empty, out, reqText } from './common'
import type { PaketDrive } from './paket'

// ---------------------------------------------------------------- outputs

/**
 * Why a backup was made: once a day at start, on request, or just before work that rewrites many
 * records (a paket import, a catalogue install, a restore, a merge). Part of the file name.
 */
export type BackupReason = 'harian' | 'manual' | 'impor-paket' | 'pasang-katalog' | 'pulihkan' | 'gabung' | 'identitas-baru'

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

/** When and where the last encrypted copy left the PC (Cadangkan ke flashdisk). */
export interface LastCopy {
  /** ISO-8601 instant. */
  at: string
  folder: string
  path: string
}

/** An encrypted copy written to a chosen folder (the flashdisk), read back and checked before it got its name. */
export interface FlashdiskCopy {
  path: string
  fileName: string
  folder: string
  bytes: number
  createdAt: string
  verified: boolean
  /** Written to a flashdisk the PC sees (else a folder the person confirmed). */
  removable: boolean
}

/** The Cadangan section of Pengaturan, and the recovery-code notice. */
export interface CadanganState {
  backups: Backup[]
  lastCopy: LastCopy | null
  /** Pengaturan warns: no copy ever left the PC, or the last one is older than `staleAfterDays`. */
  copyWarning: 'never' | 'stale' | null
  staleAfterDays: number
  /** The folder offered for the next copy: the last one used (else the paket's) while on a flashdisk plugged in, else the only flashdisk, else ''. */
  copyFolder: string
  /** The flashdisks the PC sees now (as `paket:drives` lists them), offered with one click. */
  drives: PaketDrive[]
  /** When the person said the recovery code is kept; null while not yet. */
  codeConfirmedAt: string | null
  /** The desktop app shows the recovery code until the person confirms it is kept. */
  noticePending: boolean
}

/** An encrypted copy found in a folder (the flashdisk), read from its header without the code. */
export interface FoundCopy {
  path: string
  fileName: string
  bytes: number
  /** When the copy was made (ISO-8601). */
  createdAt: string
  /** The office whose data it holds, as it named itself; null for a copy that does not say. */
  office: string | null
}

export const restoreCopyInput = z
  .object({
    /** The copy (a .simpul-cadangan file), as found by cadangan:findCopies or typed. */
    path: reqText(1000, 'Berkas salinan'),
    /** The office's recovery code, from its kartu pemulihan (case, dashes and spaces do not matter). */
    kode: reqText(64, 'Kode pemulihan'),
  })
  .strict()

// ---------------------------------------------------------------- channels

export const cadanganChannels = {
  /** The backups beside the database file, newest first. */
  'cadangan:list': { input: empty, output: out<Backup[]>() },
  /** Makes a verified backup now (reason "manual") and rotates the old ones. */
  'cadangan:create': { input: empty, output: out<Backup>() },
  /** Backups, the last flashdisk copy and whether the recovery code still has to be shown. */
  'cadangan:state': { input: empty, output: out<CadanganState>() },
  /** A verified backup, encrypted with the recovery code, into `folder` (the flashdisk). */
  'cadangan:copy': {
    /** `askIfNotRemovable`: a folder not on a flashdisk is refused (field `removable`) so the screen can ask. */
    input: z.object({ folder: reqText(1000, 'Folder'), askIfNotRemovable: z.boolean().optional() }),
    output: out<FlashdiskCopy>(),
  },
  /** The recovery code (the UI asks for confirmation before it calls this). */
  'cadangan:code': { input: empty, output: out<{ code: string }>() },
  /** The person kept the recovery code (printed or written down): the notice goes away. */
  'cadangan:confirmCode': { input: empty, output: out<CadanganState>() },
  /** The encrypted copies in `folder`, newest first (no code needed: only their headers are read). */
  'cadangan:findCopies': { input: z.object({ folder: reqText(1000, 'Folder') }), output: out<FoundCopy[]>() },
  /**
   * Puts the office's data back from an encrypted copy and opens it. Only where no office's data
   * is in use: on the screen of a damaged database, and at first run (a new or repaired PC). The
   * host does this (it holds the database), not the dispatcher.
   */
  'cadangan:restoreCopy': { input: restoreCopyInput, output: out<{ keptAside: string | null }>() },
} as const
