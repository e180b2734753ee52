// Sarana prasarana of a Posyandu (issue 18, item 2): the equipment list (reference data the
// Dinas extends), each Posyandu's inventory, and which Posyandu lack a working anthropometry kit.

import { z } from 'zod'
import { SARANA_CONDITIONS, SARANA_FUNDING, type SaranaCondition, type SaranaFunding } from '../domain/sarana'
import { id, isoDate, optText, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

/** One kind of equipment on the list. */
export interface SaranaItem {
  id: string
  /** Stable key of a default item ('dacin', …); null for one the Dinas added. */
  code: string | null
  name: string
  /** Part of the anthropometry kit. */
  kit: boolean
  /** The OPD a follow-up about it goes to (by its id), when known here. */
  opdId: string | null
  active: boolean
}

/** What "Catat tindak lanjut" pre-fills for an item that is damaged or missing. */
export interface SaranaFollowUpOffer {
  posyanduId: string
  opdId: string | null
  description: string
}

/** One line of a Posyandu's inventory. */
export interface Sarana {
  id: string
  posyanduId: string
  posyanduName: string
  itemId: string
  itemName: string
  kit: boolean
  quantity: number
  condition: SaranaCondition
  receivedDate: string | null
  fundingSource: SaranaFunding | null
  note: string | null
  /** Set when the item is rusak or tidak ada: the follow-up to raise. */
  followUp: SaranaFollowUpOffer | null
  updatedAt: string
}

/** A Posyandu whose anthropometry kit is incomplete: items missing, rusak berat or never recorded. */
export interface SaranaKitGap {
  posyanduId: string
  posyanduName: string
  villageCode: string
  villageName: string
  /** Names of the kit items that are not working here. */
  missing: string[]
}

// ---------------------------------------------------------------- inputs

export const saranaInput = z.object({
  posyanduId: id,
  itemId: id,
  quantity: z.coerce
    .number({ message: 'Jumlah wajib diisi.' })
    .int({ message: 'Jumlah harus bilangan bulat.' })
    .min(0, { message: 'Jumlah tidak boleh kurang dari 0.' })
    .max(100_000, { message: 'Jumlah terlalu besar.' }),
  condition: z.enum(SARANA_CONDITIONS, { message: 'Pilih kondisinya.' }),
  receivedDate: isoDate.nullish().transform((s) => s ?? null),
  fundingSource: z
    .enum(SARANA_FUNDING, { message: 'Pilih sumber dananya.' })
    .nullish()
    .transform((s) => s ?? null),
  note: optText(300, 'Keterangan'),
})

export const saranaItemInput = z.object({
  name: reqText(80, 'Nama sarana'),
  kit: z.boolean().default(false),
  opdId: id.nullish().transform((s) => s ?? null),
})

// ---------------------------------------------------------------- channels

export const saranaChannels = {
  'sarana:items': { input: z.object({ includeInactive: z.boolean().default(false) }), output: out<SaranaItem[]>() },
  /** The Dinas adds an item to the list; it travels down in its paket. */
  'sarana:itemCreate': { input: saranaItemInput, output: out<SaranaItem>() },
  /**
   * The Dinas renames an item, changes its OPD or kit flag, or stops offering it (active false:
   * Posyandu that have it keep their lines). Travels down like a new item.
   */
  'sarana:itemUpdate': { input: saranaItemInput.extend({ id, active: z.boolean() }), output: out<SaranaItem>() },
  'sarana:list': { input: z.object({ posyanduId: id.nullish() }), output: out<Sarana[]>() },
  'sarana:create': { input: saranaInput, output: out<Sarana>() },
  'sarana:update': { input: saranaInput.extend({ id }), output: out<Sarana>() },
  'sarana:remove': { input: z.object({ id }), output: out<null>() },
  /** Posyandu without a working anthropometry kit (the Puskesmas's and the Dinas's list). */
  'sarana:kitGaps': { input: z.object({}).strict(), output: out<SaranaKitGap[]>() },
} as const
