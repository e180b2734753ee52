// A fingerprint of the data that travels between offices: every row of every replicated table,
// in a canonical order and form, hashed with SHA-256. Local tables (the office itself, its
// settings, the area list, derived state such as levels and the search index) are left out, so
// two installations that hold the same records print the same digest whatever their own site.
// Used to check that paket carried everything (issue 5's round trips, and people comparing
// two PCs by reading out a line).

import { createHash } from 'node:crypto'
import type { Db } from '../db/schema'
import { LOCAL_COLUMNS, REPLICATED_TABLES } from './registry'

export { REPLICATED_TABLES }

/** JSON with keys in a fixed order, so the same row always hashes the same. */
function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))
}

export async function replicatedDigest(db: Db): Promise<{ digest: string; records: number }> {
  const hash = createHash('sha256')
  let records = 0
  for (const table of REPLICATED_TABLES) {
    hash.update(`\n#${table}\n`)
    // Every replicated table has an id column; the row shapes differ and only the values matter here.
    const rows = (await db.selectFrom(table as 'kader').selectAll().orderBy('id').execute()) as unknown as Record<string, unknown>[]
    for (const row of rows) {
      for (const c of LOCAL_COLUMNS) delete row[c]
      hash.update(canonical(row))
      hash.update('\n')
      records++
    }
  }
  return { digest: hash.digest('hex'), records }
}
