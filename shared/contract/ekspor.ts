// Lists and reports written as real spreadsheets (.xlsx).

import { z } from 'zod'
import { id, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

export interface ExportResult {
  path: string
  fileName: string
  rows: number
}

// ---------------------------------------------------------------- inputs

export const EXPORT_KINDS = ['roster', 'matrix', 'training', 'tindak-lanjut', 'rekap', 'sarana', 'insentif'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const exportInput = z.object({
  what: z.enum(EXPORT_KINDS),
  /** Folder to write into; the file name says what, which office and when. */
  folder: reqText(1000, 'Folder'),
  /** Roster (and training participants): the full NIK (otherwise masked as on screen, 367101******0001). */
  fullNik: z.boolean().default(false),
  /** Rekap, incentives and the trainings of a year: which year (default: this year). The roster is always the whole roster. */
  year: z.number().int().min(2000).max(2100).nullish(),
  trainingId: id.nullish(),
})

// ---------------------------------------------------------------- channels

export const eksporChannels = {
  /** Writes one list or report as a real spreadsheet (.xlsx) into a folder. */
  'ekspor:xlsx': { input: exportInput, output: out<ExportResult>() },
} as const
