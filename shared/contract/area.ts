// The official Kemendagri area list: search and browse.

import { z } from 'zod'
import type { AreaLevel } from '../domain/reference'
import { areaCode, out } from './common'

// ---------------------------------------------------------------- outputs

export interface Area {
  code: string
  name: string
  level: AreaLevel
  parentCode: string | null
  /** Human path from this area up, e.g. "Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten". */
  path: string
  /** The path above it, e.g. "Kec. Tangerang, Kota Tangerang, Banten" (empty for a province). */
  parentPath: string
}

// ---------------------------------------------------------------- channels

export const areaChannels = {
  'area:search': {
    input: z.object({
      query: z.string().trim().min(1).max(100),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullish(),
      withinCode: areaCode.nullish(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: out<Area[]>(),
  },
  'area:children': { input: z.object({ parentCode: areaCode.nullable() }), output: out<Area[]>() },
  'area:get': { input: z.object({ code: areaCode }), output: out<Area>() },
} as const
