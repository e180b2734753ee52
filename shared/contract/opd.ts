// The regional offices (OPD) a follow-up can be assigned to.

import { z } from 'zod'
import { SPM_FIELDS, type SpmField } from '../domain/reference'
import { id, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

/** A regional office (OPD) that can be made responsible for a follow-up. Editable reference data. */
export interface Opd {
  id: string
  name: string
  /** The SPM fields it owns: used to suggest who is responsible for a follow-up. */
  spmFields: SpmField[]
  active: boolean
}

// ---------------------------------------------------------------- inputs

export const opdInput = z.object({
  name: reqText(120, 'Nama OPD'),
  spmFields: z.array(z.enum(SPM_FIELDS)).default([]).transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f))),
  active: z.boolean().default(true),
})

// ---------------------------------------------------------------- channels

export const opdChannels = {
  'opd:list': { input: z.object({ includeInactive: z.boolean().default(false) }), output: out<Opd[]>() },
  'opd:create': { input: opdInput, output: out<Opd>() },
  'opd:update': { input: opdInput.extend({ id }), output: out<Opd>() },
} as const
