// The import's last stage: derived state that follows from the records it wrote, as the
// registry's `refresh` entries name it (kader levels, the search index). Only what was touched
// is refreshed, unless so much was touched that one pass over everything is cheaper.

import type SqliteDatabase from 'better-sqlite3'
import type { Db } from '../../db/schema'
import type { Derived } from '../../sync/registry'
import { recomputeCompetencies } from '../competency/competency.service'
import { rebuildSearchIndex, reindexFollowUp, reindexFollowUpsOfOpd, reindexMeeting } from '../search/search.service'

/** Above this many documents, rebuilding the whole index is faster than one by one. */
const REINDEX_ONE_BY_ONE = 300

export async function refreshDerived(trx: Db, sqlite: SqliteDatabase.Database, touched: Map<Derived, Set<string>>, catalogueChanged: boolean): Promise<void> {
  const ids = (d: Derived) => [...(touched.get(d) ?? [])]
  const kader = ids('levels')
  // Recomputing everyone in one pass is cheaper than looking up most of them one list at a time.
  const kaderCount = (sqlite.prepare('select count(*) as n from kader').get() as { n: number }).n
  if (catalogueChanged || kader.length > kaderCount / 2) await recomputeCompetencies(trx, 'all')
  else if (kader.length > 0) await recomputeCompetencies(trx, kader)

  const meetings = ids('meetingSearch')
  const followUps = ids('followUpSearch')
  const opds = ids('opdFollowUpSearch')
  if (meetings.length + followUps.length + opds.length > REINDEX_ONE_BY_ONE) {
    await rebuildSearchIndex(trx)
    return
  }
  for (const id of meetings) await reindexMeeting(trx, id)
  for (const id of followUps) await reindexFollowUp(trx, id)
  for (const id of opds) await reindexFollowUpsOfOpd(trx, id)
}
