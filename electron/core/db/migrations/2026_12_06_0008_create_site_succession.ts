// Recovery of an office through the region (issue 15, item 4). Replicated knowledge, not records:
// the signed statements "this new installation succeeds the old one(s) of this area", learned
// from paket (or made here when this office issued a recovery paket) and passed on with every
// paket, like key revocations. One row per statement.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_succession')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('successor_site_id', 'text', (c) => c.notNull())
    // The old installations' site ids (JSON list).
    .addColumn('predecessors', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('issuer_site_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // The signed statement as it travels (JSON).
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('learned_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('site_succession_successor_idx').on('site_succession').column('successor_site_id').execute()
}
