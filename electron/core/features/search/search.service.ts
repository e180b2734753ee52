// Placeholder: being built (issue 4).
import type { ParsedInput, SearchHit } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

/** Rewrites the index entries of one meeting (its minutes, agenda and conclusions); call inside the writing transaction. */
export async function reindexMeeting(_trx: Db, _meetingId: string): Promise<void> {}
/** Rewrites the index entry of one follow-up; call inside the writing transaction. */
export async function reindexFollowUp(_trx: Db, _followUpId: string): Promise<void> {}
export async function search(_db: Db, _input: ParsedInput<'search:query'>): Promise<SearchHit[]> {
  throw new Error('belum dibuat')
}
/** Rebuilds the whole index from the tables (after a bulk write such as the demo, later a bundle import). */
export async function rebuildSearchIndex(_db: Db): Promise<void> {}
