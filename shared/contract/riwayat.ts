// The history of changes (riwayat perubahan) of one record, shown on its page.

import { z } from 'zod'
import { PAKET_KINDS } from '../domain/paket'
import type { RiwayatSource } from '../domain/riwayat'
import { out } from './common'

// ---------------------------------------------------------------- outputs

export interface RiwayatEntry {
  /** When the change was made (ISO-8601): on this PC, or by the writing office for an imported one. */
  at: string
  /** The office that made it (site id), and its name as known here. */
  office: string
  officeName: string
  /** The person at that office, where it set one in Pengaturan (known only for changes made here). */
  person: string | null
  /** The record that changed: the one asked about, or a record of its own (a kader's status history). */
  kind: (typeof PAKET_KINDS)[number]
  recordId: string
  /** The column ("dibuat" for the record's creation, "deleted" for archive/restore). */
  field: string
  fieldLabel: string
  /** The values in words (names for references, Indonesian dates, Ya/Tidak); null for none. */
  from: string | null
  to: string | null
  source: RiwayatSource
}

// ---------------------------------------------------------------- channels

export const riwayatChannels = {
  /** One record's changes, newest first, ending with its creation. */
  'riwayat:list': {
    input: z.object({ kind: z.enum(PAKET_KINDS as [(typeof PAKET_KINDS)[number], ...(typeof PAKET_KINDS)[number][]]), id: z.string().min(1).max(100) }),
    output: out<RiwayatEntry[]>(),
  },
} as const
