// What named kader (a class, a proposed cohort) hold now: one call for the whole list.

import type { MatrixRow } from '@shared/contract'
import { call } from '../../api/client'

/** Never rejects: when the call fails the kader are shown without their current marks. */
export async function loadKaderCompetencies(ids: readonly string[]): Promise<Map<string, MatrixRow>> {
  const out = new Map<string, MatrixRow>()
  try {
    for (let i = 0; i < ids.length; i += 1000) {
      for (const row of await call('competency:rows', { kaderIds: ids.slice(i, i + 1000) })) out.set(row.kaderId, row)
    }
  } catch {
    // Left out: the marks are a help for filling the grid, not what it saves.
  }
  return out
}

/** Codes whose current assessment is kompeten / belum kompeten. */
export function currentSets(row: MatrixRow | undefined): { competent: Set<string>; notYet: Set<string> } {
  return { competent: new Set(row?.competent), notYet: new Set(row?.notYet) }
}
