// A class's participants, each with their competencies now. One call per kader, a few at a
// time: a class holds tens of kader, and a participant that fails to load only loses its
// "already held" marks, never the page.

import type { KaderCompetency } from '@shared/contract'
import { call } from '../../api/client'

export async function loadKaderCompetencies(ids: readonly string[], parallel = 6): Promise<Map<string, KaderCompetency>> {
  const out = new Map<string, KaderCompetency>()
  let next = 0
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++]!
      try {
        out.set(id, await call('competency:kader', { kaderId: id }))
      } catch {
        // Left out: the caller shows the kader without its current competencies.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker))
  return out
}

/** Codes whose current assessment is kompeten / belum kompeten. */
export function currentSets(kc: KaderCompetency | undefined): { competent: Set<string>; notYet: Set<string> } {
  const competent = new Set<string>()
  const notYet = new Set<string>()
  for (const it of kc?.items ?? []) {
    if (it.current?.result === 'kompeten') competent.add(it.code)
    else if (it.current?.result === 'belum_kompeten') notYet.add(it.code)
  }
  return { competent, notYet }
}
