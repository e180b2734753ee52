// Paket (paket) between offices on a USB stick: write, scan, preview, import, history,
// and the conflicts and same-NIK pairs an import leaves for a person to settle.

import { z } from 'zod'
import type { SiteLevel } from '../domain/reference'
import { empty, id, out, reqText } from './common'
import type { CardChange, KeyCard } from './kunci'

// ---------------------------------------------------------------- outputs

/** Where a paket goes: a level above this office ("level:kota"), an office whose key is trusted ("site:<id>"), or (kota) the setup paket ("pembinaan"). */
export interface PaketDestination {
  key: string
  name: string
  level: SiteLevel | null
  /** When the last paket to this destination was made (null: never: the next one carries everything). */
  lastSentAt: string | null
  /** Who will be able to open the paket (names), e.g. the Puskesmas and the Dinas; empty for a paket pembinaan. */
  readers: string[]
  /** Why a paket cannot go there yet (its key card is not known here), in Indonesian; null when it can. */
  unavailable: string | null
}

export interface PaketOffice {
  siteId: string
  level: SiteLevel
  areaCode: string
  areaName: string
  name: string
}

/** The readable part of a paket (the manifest), as the UI and `paket inspect` show it. */
export interface PaketManifestInfo {
  bundleId: string
  formatVersion: number
  schemaVersion: number
  appVersion: string
  catalogueVersion: string
  createdAt: string
  /** data: records for the recipient; pembinaan: the kota's setup paket for every office; pemulihan: a lost office's records. */
  kind: 'data' | 'pembinaan' | 'pemulihan'
  sender: PaketOffice
  recipient: { key: string; name: string; level: SiteLevel | null }
  full: boolean
  /** Lowest and highest record version carried (null when the paket carries no records). */
  versions: { from: string | null; to: string | null }
  /** Records per kind (table name), e.g. { kader: 30 }. */
  counts: Record<string, number>
  records: number
}

/** A *.simpul file found in the chosen folder. */
export interface PaketFile {
  path: string
  fileName: string
  bytes: number
  modifiedAt: string
  /** Null when the file could not be read; `error` says why (in Indonesian). */
  manifest: PaketManifestInfo | null
  error: string | null
  /** When this office imported it already (null: not yet). */
  importedAt: string | null
  /** Made by this office (nothing to import). */
  own: boolean
  /**
   * Setup paket (pembinaan) only: the newest from its sender known here ("Terbaru"), or one a
   * newer paket pembinaan from the same sender replaces (on the stick, or imported already).
   */
  mark: 'newest' | 'superseded' | null
}

/** A removable drive (flashdisk) the PC sees now. */
export interface PaketDrive {
  /** Where it is mounted: "E:\\", "/media/ani/FLASHDISK". */
  path: string
  /** Its volume label, else its drive letter or folder name. */
  label: string
  /** Null when the system does not say. */
  freeBytes: number | null
  totalBytes: number | null
}

export interface PaketKindSummary {
  /** Table name (kader, assessment, …); the UI words it. */
  kind: string
  new: number
  updated: number
  unchanged: number
  conflicts: number
  /** Records not taken in (the held ones included). */
  refused: number
  /**
   * Of those, the ones kept aside ("ditahan") because they cannot be judged yet (their writer's
   * key card, their area or their parent record is not known here): judged again at every import.
   */
  held: number
}

export interface PaketRefusal {
  kind: string
  recordId: string
  reason: string
  /** Kept aside to be judged again (ditahan), rather than refused for good. */
  held: boolean
}

/** Who signed a paket, and what this office knows of that key. */
export interface PaketSenderKey {
  fingerprint: string
  /**
   * trusted: a key this office already trusts; unknown: first paket from this office (a person
   * must compare the fingerprint with the sender, e.g. by phone, and accept it); changed: the
   * office is known under another key (accept only after checking: a new PC or a rotated key).
   */
  status: 'trusted' | 'unknown' | 'changed'
  /** changed only: the card trusted here beside the paket's signed card. */
  change?: CardChange
}

/** What an import would do (preview) or did (apply): the same computation, rolled back for a preview. */
export interface PaketImportSummary {
  manifest: PaketManifestInfo
  fileName: string
  senderKey: PaketSenderKey
  /** Whole days between the paket's creation and now. */
  ageDays: number
  /** Set when this paket was imported before (then nothing changes). */
  alreadyImportedAt: string | null
  kinds: PaketKindSummary[]
  /** The first refusals with their reasons (all are counted in `kinds`). */
  refusals: PaketRefusal[]
  /** New same-NIK pairs flagged for a merge decision. */
  duplicates: number
  /** Catalogue versions installed from the paket (reference data from a higher level). */
  catalogues: string[]
  /** Records written (new + updated); 0 means the database did not change. */
  changes: number
  /** Records held from earlier paket that this import's knowledge let in (counted in `changes`). */
  released: number
  /** Records held here in all, waiting for knowledge, after this import. */
  heldTotal: number
  /** Offices whose key cards this paket taught (names): paket to them can be made now. */
  learnedCards: string[]
  warnings: string[]
  applied: boolean
}

/** What Kirim made: the paket written, and whether it went to a removable drive (then: unplug it safely). */
export interface PaketKirimResult extends PaketExportResult {
  removable: boolean
}

export interface PaketExportResult {
  path: string
  fileName: string
  bytes: number
  records: number
  counts: Record<string, number>
  full: boolean
  /**
   * Changes made here that other offices will refuse (a kind this office may not change, e.g. an
   * assessment entered at a kelurahan), in Indonesian; empty when there are none.
   */
  warnings: string[]
}

/** What a recovery paket for a lost office's new installation would hold (before it is written). */
export interface PaketRecoveryCheck {
  /** The new installation, from its key card (its fingerprint matched the one typed). */
  office: KeyCard
  /** The old installation(s) of that office this one knows, which the new one succeeds (names). */
  predecessors: string[]
  counts: Record<string, number>
  records: number
}

export interface PaketRecoveryResult extends PaketExportResult {
  office: KeyCard
  predecessors: string[]
  /** Old keys revoked here (the kota only): their later paket are refused. */
  revoked: number
}

export interface PaketHistory {
  sent: { bundleId: string; destinationName: string; full: boolean; createdAt: string; fileName: string; records: number }[]
  received: { bundleId: string; senderName: string; senderLevel: string; createdAt: string; importedAt: string; fileName: string; changes: number }[]
}

export interface PaketConflict {
  id: number
  kind: string
  recordId: string
  /** Who or what the record is, in words (kader name, meeting title…). */
  label: string
  field: string
  keptValue: unknown
  keptOffice: string
  lostValue: unknown
  lostOffice: string
  detectedAt: string
  resolvedAt: string | null
  resolution: 'kept' | 'restored' | null
}

export interface KaderDuplicatePair {
  id: number
  nik: string
  a: { id: string; name: string; posyandu: string; village: string; birthDate: string; office: string; assessments: number }
  b: { id: string; name: string; posyandu: string; village: string; birthDate: string; office: string; assessments: number }
  detectedAt: string
  resolvedAt: string | null
  resolution: 'merged' | 'different' | null
}

// ---------------------------------------------------------------- channels

export const paketChannels = {
  /** This office's destinations and the folder paket were last written to or read from ('' when none). */
  'paket:state': { input: empty, output: out<{ folder: string; destinations: PaketDestination[]; self: PaketOffice }>() },
  /**
   * The removable drives seen now, and the folder to start on: the last one used when it is on one
   * of them, else the only drive found, else '' (never the PC's own folders).
   */
  'paket:drives': { input: empty, output: out<{ drives: PaketDrive[]; folder: string }>() },
  /**
   * Writes a paket into the folder (atomically, then reads it back). Progress events: task "paket".
   * `askIfNotRemovable`: a folder that is not on a removable drive is refused (field "removable")
   * so the screen can ask the person first; asked again without it, the paket is written there.
   */
  'paket:export': {
    input: z.object({
      folder: reqText(1000, 'Folder'),
      destination: z.string().min(1),
      full: z.boolean().default(false),
      askIfNotRemovable: z.boolean().optional(),
    }),
    output: out<PaketKirimResult>(),
  },
  /** The *.simpul files in a folder, newest first, with their manifests. */
  'paket:scan': { input: z.object({ folder: reqText(1000, 'Folder') }), output: out<PaketFile[]>() },
  /** What importing the file would do; the database does not change. */
  'paket:preview': { input: z.object({ path: reqText(1000, 'Berkas') }), output: out<PaketImportSummary>() },
  /**
   * Imports the file, all or nothing. A sender whose key is not trusted yet is refused unless
   * `acceptFingerprint` equals its fingerprint (a person compared it with the sender).
   */
  'paket:import': {
    input: z.object({ path: reqText(1000, 'Berkas'), acceptFingerprint: z.string().trim().max(40).nullish() }),
    output: out<PaketImportSummary>(),
  },
  'paket:history': { input: empty, output: out<PaketHistory>() },
  'paket:conflicts': { input: z.object({ includeResolved: z.boolean().default(false) }), output: out<PaketConflict[]>() },
  /** kept: the winner stays; restored: the losing value is written back as a new change (it travels). */
  'paket:resolveConflict': { input: z.object({ id: z.number().int(), choice: z.enum(['kept', 'restored']) }), output: out<PaketConflict>() },
  'paket:duplicates': { input: z.object({ includeResolved: z.boolean().default(false) }), output: out<KaderDuplicatePair[]>() },
  /** merged: `keepId` stays and the other kader's history moves to it; different: two people after all. */
  'paket:resolveDuplicate': {
    input: z.object({ id: z.number().int(), choice: z.enum(['merged', 'different']), keepId: id.nullish() }),
    output: out<KaderDuplicatePair>(),
  },
  /**
   * Dinas or Puskesmas: checks a lost office's new key card against the fingerprint read out over
   * the phone, and says which office and how many records a recovery paket would carry.
   */
  'paket:recoveryCheck': {
    input: z.object({ cardPath: reqText(1000, 'Kartu kunci'), fingerprint: reqText(40, 'Sidik jari') }),
    output: out<PaketRecoveryCheck>(),
  },
  /**
   * Writes the recovery paket (every record of that office's area held here, for the new card
   * only) and the signed statement that the new installation succeeds the old one.
   */
  'paket:recover': {
    input: z.object({ cardPath: reqText(1000, 'Kartu kunci'), fingerprint: reqText(40, 'Sidik jari'), folder: reqText(1000, 'Folder') }),
    output: out<PaketRecoveryResult>(),
  },
  /** Desktop only: a folder chosen in the system dialog (null when cancelled). */
  'paket:chooseFolder': { input: empty, output: out<{ folder: string } | null>() },
} as const
