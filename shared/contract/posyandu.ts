// The Posyandu register.

import { z } from 'zod'
import type { SpmField } from '../domain/reference'
import { id, optText, out, reqText, rtRw, spmFields, villageCode } from './common'

// ---------------------------------------------------------------- outputs

export interface Posyandu {
  id: string
  name: string
  villageCode: string
  villageName: string
  rw: string | null
  address: string | null
  puskesmas: string | null
  schedule: string | null
  spmFields: SpmField[]
  active: boolean
  /** Kader with status aktif and not archived. */
  activeKaderCount: number
  createdAt: string
  updatedAt: string
}

// ---------------------------------------------------------------- inputs

export const posyanduInput = z.object({
  name: reqText(100, 'Nama Posyandu'),
  villageCode,
  rw: rtRw('RW'),
  address: optText(300, 'Alamat'),
  puskesmas: optText(120, 'Nama Puskesmas'),
  schedule: optText(200, 'Jadwal buka'),
  spmFields,
  active: z.boolean().default(true),
})

// ---------------------------------------------------------------- channels

export const posyanduChannels = {
  'posyandu:list': {
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: out<Posyandu[]>(),
  },
  'posyandu:get': { input: z.object({ id }), output: out<Posyandu>() },
  'posyandu:create': { input: posyanduInput, output: out<Posyandu>() },
  'posyandu:update': { input: posyanduInput.extend({ id }), output: out<Posyandu>() },
} as const
