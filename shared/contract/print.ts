// Printable documents (kartu kader, daftar hadir, notulen): preview, and PDF in the desktop app.

import { z } from 'zod'
import { id, out, villageCode } from './common'
import { PERIOD } from '../domain/sarana'

// ---------------------------------------------------------------- outputs

/** A document ready to print: a standalone HTML page (A4, inline styles, no scripts). */
export interface PrintDocument {
  title: string
  /** Suggested file name, e.g. "Kartu Kompetensi - Siti Aminah.pdf". */
  fileName: string
  html: string
}

// ---------------------------------------------------------------- inputs

export const printRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kartuKader'), kaderId: id }),
  z.object({ kind: z.literal('daftarHadir'), trainingId: id }),
  z.object({ kind: z.literal('notulen'), meetingId: id }),
  z.object({ kind: z.literal('kartuPemulihan') }),
  // Issue 18: a month's incentive payment list, of one Posyandu or of a kelurahan/desa.
  z.object({
    kind: z.literal('daftarInsentif'),
    period: z.string().regex(PERIOD, { message: 'Periode harus berupa bulan dan tahun, mis. 2026-11.' }),
    posyanduId: id.nullish(),
    villageCode: villageCode.nullish(),
  }),
])
export type PrintRequest = z.output<typeof printRequest>

// ---------------------------------------------------------------- channels

export const printChannels = {
  /** A printable document (preview in the UI, PDF in the desktop app). */
  'print:document': { input: printRequest, output: out<PrintDocument>() },
  /** Desktop only: prints the document to a PDF file the person chooses. Null when cancelled. */
  'print:savePdf': { input: printRequest, output: out<{ path: string } | null>() },
} as const
