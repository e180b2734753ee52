// Full-text search over meetings and follow-ups.

import { z } from 'zod'
import { out } from './common'

// ---------------------------------------------------------------- outputs

export interface SearchHit {
  kind: 'rapat' | 'tindak_lanjut'
  /** The meeting or the follow-up. */
  id: string
  title: string
  /** A few words around the match, the matched words between « and ». */
  snippet: string
  date: string
  /** Found only with one slip in a word ("kadr" for "kader"): listed after every exact hit. */
  similar?: true
}

// ---------------------------------------------------------------- channels

export const searchChannels = {
  /** Full-text search over minutes, decisions and follow-ups (FTS5, Indonesian affixes folded). */
  'search:query': {
    input: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(30) }),
    output: out<SearchHit[]>(),
  },
} as const
