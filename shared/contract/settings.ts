// The office's settings (language, the minimum kader per Posyandu, the officer's name).

import { z } from 'zod'
import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

export interface Settings {
  language: 'id' | 'en'
  /** [open] in domain.md: a warning threshold only, never a rule. */
  minKaderPerPosyandu: number
  /** Nama petugas: the person at this PC, named in the history of the changes made here ('' = none). */
  officerName: string
}

// ---------------------------------------------------------------- channels

export const settingsChannels = {
  'settings:get': { input: empty, output: out<Settings>() },
  'settings:set': {
    input: z
      .object({
        language: z.enum(['id', 'en']),
        minKaderPerPosyandu: z.number().int().min(1, { message: 'Paling sedikit 1.' }).max(100),
        officerName: z.string().trim().max(80, { message: 'Paling banyak 80 huruf.' }),
      })
      .partial(),
    output: out<Settings>(),
  },
} as const
