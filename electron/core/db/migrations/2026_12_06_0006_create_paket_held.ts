// Held writes (issue 13). Local: records a bundle carried that could not be judged yet (their
// writer's key card, their area or their parent record is not known here), kept with the reason
// and judged again whenever an import brings new knowledge. Nothing is dropped for lack of
// knowledge, so the same bundles give the same data in any order.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paket_held')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    // The record as the bundle carried it (JSON), and its SHA-256: one copy per distinct state.
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The office that signed the bundle: a relay vouches only for its own area.
    .addColumn('sender_site_id', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('paket_held_row_idx').on('paket_held').columns(['table_name', 'record_id', 'row_hash']).unique().execute()
}
