// Printable documents (kartu kader, daftar hadir, notulen): preview, and PDF in the desktop app.

import { z } from 'zod'
import { id, out } from './common'

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
])
export type PrintRequest = z.output<typeof printRequest>

// ---------------------------------------------------------------- channels

export const printChannels = {
  /** A printable document (preview in the UI, PDF in the desktop app). */
  'print:document': { input: printRequest, output: out<PrintDocument>() },
  /** Desktop only: prints the document to a PDF file the person chooses. Null when cancelled. */
  'print:savePdf': { input: printRequest, output: out<{ path: string } | null>() },
} as const
