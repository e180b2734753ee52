// Kader incentives (issue 18, item 3): one payment per kader per month, the payment list.

import { z } from 'zod'
import { INSENTIF_FUNDING, PERIOD, type InsentifFunding } from '../domain/sarana'
import { id, isoDate, optText, out, villageCode } from './common'

// ---------------------------------------------------------------- outputs

export interface Insentif {
  id: string
  kaderId: string
  kaderName: string
  posyanduId: string
  posyanduName: string
  villageCode: string
  /** The month paid for, "YYYY-MM". */
  period: string
  /** Rupiah, whole. */
  amount: number
  fundingSource: InsentifFunding
  /** Null: not paid yet. */
  paidDate: string | null
  note: string | null
  updatedAt: string
}

// ---------------------------------------------------------------- inputs

export const period = z.string({ message: 'Periode wajib diisi.' }).regex(PERIOD, { message: 'Periode harus berupa bulan dan tahun, mis. 2026-11.' })

export const insentifInput = z.object({
  kaderId: id,
  period,
  amount: z.coerce
    .number({ message: 'Jumlah wajib diisi.' })
    .int({ message: 'Jumlah ditulis dalam rupiah bulat, tanpa sen.' })
    .min(1, { message: 'Jumlah insentif harus lebih dari 0.' })
    .max(100_000_000, { message: 'Jumlah insentif terlalu besar; periksa angkanya.' }),
  fundingSource: z.enum(INSENTIF_FUNDING, { message: 'Pilih sumber dananya.' }),
  paidDate: isoDate.nullish().transform((s) => s ?? null),
  note: optText(300, 'Keterangan'),
})

export const insentifListInput = z.object({
  kaderId: id.nullish(),
  posyanduId: id.nullish(),
  villageCode: villageCode.nullish(),
  period: period.nullish(),
})

// ---------------------------------------------------------------- channels

export const insentifChannels = {
  'insentif:list': { input: insentifListInput, output: out<Insentif[]>() },
  'insentif:create': { input: insentifInput, output: out<Insentif>() },
  'insentif:update': { input: insentifInput.extend({ id }), output: out<Insentif>() },
  'insentif:remove': { input: z.object({ id }), output: out<null>() },
} as const
