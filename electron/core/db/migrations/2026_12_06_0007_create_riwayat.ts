// The history of every change (riwayat perubahan, issue 15). Local, never travels: each office
// records what it saw change, in the same transaction as the change. Only changed fields and
// tombstones get rows (old and new value as JSON): a record's creation is told by its own
// created_at and site_id, so a roster import or a kota-sized paket of new records adds none.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('riwayat')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The replicated table (registry kind) and the record's id.
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    // When the change was made (the writer's clock for an imported change), ISO-8601.
    .addColumn('at', 'text', (c) => c.notNull())
    // The office that made it, and the person where this office set one in Pengaturan.
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('person', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    // di-sini (typed here), paket (imported), gabung (a merge of two records), konflik (settled).
    .addColumn('source', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('riwayat_record_idx').on('riwayat').columns(['record_id', 'table_name']).execute()
}
