// Roster import from a spreadsheet (.xlsx, .csv): read the layout, preview every row, apply.

import { z } from 'zod'
import { id, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

/**
 * What a roster column can hold. `birthPlaceDate` is the usual combined "Tempat/Tgl Lahir"
 * column ("Tangerang, 12-04-1985"); `rtRw` the combined "RT/RW" ("003/005").
 */
export const KADER_IMPORT_FIELDS = [
  'name',
  'nik',
  'sex',
  'birthPlace',
  'birthDate',
  'birthPlaceDate',
  'address',
  'rt',
  'rw',
  'rtRw',
  'phone',
  'posyandu',
  'role',
  'education',
  'skNumber',
  'skDate',
  'status',
  'notes',
] as const
export type KaderImportField = (typeof KADER_IMPORT_FIELDS)[number]

export interface KaderImportSheet {
  name: string
  /** Rows holding anything. */
  rows: number
}

export interface KaderImportColumn {
  /** 1-based column number in the sheet. */
  index: number
  /** The heading text as written (merged heading cells read as one). */
  heading: string
  /** The field it was matched to (automatically by its usual Indonesian heading, or by the person); null: ignored. */
  field: KaderImportField | null
  /** A few values from the rows below, as text, for the person to recognise the column. */
  samples: string[]
}

/** A spreadsheet's layout: its sheets, the chosen sheet's header row and columns. */
export interface KaderImportLayout {
  path: string
  fileName: string
  sheets: KaderImportSheet[]
  sheet: string
  /** 1-based row number of the header (title rows above it are skipped). */
  headerRow: number
  columns: KaderImportColumn[]
}

export interface KaderImportProblem {
  field: KaderImportField | 'row'
  /** In Indonesian, saying what is wrong and what was done or must be done. */
  message: string
  /** error: the row cannot be saved as it is; warning: saved, but look (e.g. NIK and birth date disagree). */
  severity: 'error' | 'warning'
}

/** One roster row as it will be saved. */
export interface KaderImportRow {
  /** 1-based row number in the sheet, as the person sees it in Excel. */
  row: number
  action: 'new' | 'update' | 'error'
  /** The kader updated (matched by NIK) when action = update. */
  existingKaderId: string | null
  values: {
    name: string | null
    nik: string | null
    sex: 'L' | 'P' | null
    birthPlace: string | null
    birthDate: string | null
    address: string | null
    rt: string | null
    rw: string | null
    phone: string | null
    /** The Posyandu name as written in the file. */
    posyanduName: string | null
    /** Where it will go (matched, chosen or to be created); null when undecided. */
    posyanduId: string | null
    role: string | null
    education: string | null
    skNumber: string | null
    skDate: string | null
    status: string | null
    notes: string | null
  }
  /** The cells as written, per field, for showing next to the problems. */
  raw: Partial<Record<KaderImportField, string>>
  problems: KaderImportProblem[]
}

/** A Posyandu name from the file and how it maps to the register. */
export interface KaderImportPosyandu {
  /** As written in the file (trimmed). */
  name: string
  rows: number
  /** The Posyandu it goes to: matched by name, or chosen by the person. "new": to be created. Null: undecided (rows are errors). */
  choice: { kind: 'existing'; id: string; name: string } | { kind: 'new' } | null
  /** The closest names in the register, best first. */
  suggestions: { id: string; name: string }[]
  /**
   * The register's Posyandu this name most likely misspells (one or two letters apart, same
   * number: "Melat 4" → Posyandu Melati 4), offered as "Maksud Anda …?" and never taken without
   * the person's choice. Null when nothing is that near, or the name matched.
   */
  near: { id: string; name: string } | null
  /** Other ways the file writes the same name ("MELATI IV" beside "Melati 4"), all going to this one Posyandu. */
  spellings: string[]
  /**
   * At a kelurahan, a name not in the register that is a letter or two off another name of the
   * same file with more rows ("Mawar Merh" beside "Mawar Merah"): offered as "Maksud Anda …?", so
   * that a typo does not become a second new Posyandu. Null otherwise.
   */
  nearInFile: string | null
  /** The name of this file whose Posyandu these rows follow (the person answered "sama dengan …"); `choice` is then that name's. */
  sameAs: string | null
}

export interface KaderImportPreview {
  layout: KaderImportLayout
  rows: KaderImportRow[]
  posyandu: KaderImportPosyandu[]
  counts: { new: number; update: number; error: number; warnings: number; blank: number }
}

export interface KaderImportResult {
  created: number
  updated: number
  skipped: number
  posyanduCreated: number
  /** The error report (.xlsx) written beside the roster for the skipped rows; null when none. */
  errorReport: string | null
}

// ---------------------------------------------------------------- inputs

/** The prefix of a Posyandu choice naming another name of the same file ("sama:Mawar Merah"). */
export const SAME_AS = 'sama:'

const kaderImportSource = z.object({
  path: reqText(1000, 'Berkas'),
  /** Null: the first sheet that looks like a roster. */
  sheet: z.string().max(200).nullish(),
  /** Null: detected (the row with the most known headings). */
  headerRow: z.number().int().min(1).max(1000).nullish(),
})
const kaderImportChoices = kaderImportSource.extend({
  /** Column number → field (or null: ignore). Missing columns keep the automatic match. */
  mapping: z.record(z.string(), z.enum(KADER_IMPORT_FIELDS).nullable()).default({}),
  /**
   * Posyandu name as written → an existing Posyandu id, "new" to create it, or "sama:<another
   * name of the file>" to go wherever that name goes (one new Posyandu for a typo and its original).
   */
  posyandu: z.record(z.string(), z.union([id, z.literal('new'), z.string().startsWith(SAME_AS).max(400)])).default({}),
})
export const kaderImportInput = kaderImportChoices

// ---------------------------------------------------------------- channels

export const kaderImporChannels = {
  /** A roster spreadsheet's sheets, header row and columns with their automatic match. */
  'kaderImpor:read': { input: kaderImportSource, output: out<KaderImportLayout>() },
  /** Every row as it will be saved, with its problems per cell; the database does not change. */
  'kaderImpor:preview': { input: kaderImportChoices, output: out<KaderImportPreview>() },
  /** Saves the rows without errors (new kader, or updates matched by NIK) in one transaction; the rest go to an error report. */
  'kaderImpor:apply': { input: kaderImportChoices, output: out<KaderImportResult>() },
} as const
