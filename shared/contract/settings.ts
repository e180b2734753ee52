// The office's settings (language, the minimum kader per Posyandu).

import { z } from 'zod'
import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

export interface Settings {
  language: 'id' | 'en'
  /** [open] in domain.md: a warning threshold only, never a rule. */
  minKaderPerPosyandu: number
}

// ---------------------------------------------------------------- channels

export const settingsChannels = {
  'settings:get': { input: empty, output: out<Settings>() },
  'settings:set': {
    input: z
      .object({
        language: z.enum(['id', 'en']),
        minKaderPerPosyandu: z.number().int().min(1, { message: 'Paling sedikit 1.' }).max(100),
      })
      .partial(),
    output: out<Settings>(),
  },
} as const
