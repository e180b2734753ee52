// Bundle exchange (issue 5). Local tables only: what this office knows about other offices,
// which bundles it sent and received, and the conflicts and same-NIK pairs waiting for a person.
// Plus one local column on every replicated table: `received`, this office's clock when the row
// was last written by an import, so an incremental bundle also relays what arrived from others
// since the last export (a kelurahan's kader passing through the Puskesmas), whatever the age of
// the versions they carry. Rows written here carry their own version, which the clock also orders.

import type { Kysely } from 'kysely'

const REPLICATED = [
  'posyandu',
  'kader',
  'kader_status',
  'training',
  'training_participant',
  'assessment',
  'opd',
  'meeting',
  'attachment',
  'follow_up',
  'follow_up_progress',
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of REPLICATED) {
    await db.schema.alterTable(table).addColumn('received', 'text', (c) => c.notNull().defaultTo('')).execute()
  }

  // The default OPD list was seeded with the local time of the first open; every office must
  // hold the same creation instant for these shared records (see opd.service DEFAULT_CREATED_AT).
  await db
    .updateTable('opd')
    .set({ created_at: '1970-01-01T00:00:00.000Z' })
    .where('site_id', '=', 'default')
    .execute()
  await db
    .updateTable('opd')
    .set({ updated_at: '1970-01-01T00:00:00.000Z' })
    .where('version', '=', '0000000000000:0000:default')
    .execute()

  // Every office this one has heard of, directly or through a relayed bundle's office list.
  await db.schema
    .createTable('office')
    .addColumn('site_id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('villages', 'text', (c) => c.notNull().defaultTo('[]'))
    // Creation time of the newest bundle from this office that reached here (directly or relayed).
    .addColumn('last_bundle_at', 'text')
    // When this office last imported a bundle made by it (null: only heard of it through others).
    .addColumn('last_imported_at', 'text')
    .execute()

  await db.schema
    .createTable('paket_received')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('sender_site_id', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('paket_sent')
    .addColumn('bundle_id', 'text', (c) => c.primaryKey())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('destination_name', 'text', (c) => c.notNull())
    .addColumn('full', 'integer', (c) => c.notNull())
    // This office's clock when the bundle was made: the next export to the same destination
    // carries the rows written (or received) after it.
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('paket_sent_destination_idx').on('paket_sent').columns(['destination', 'clock']).execute()

  await db.schema
    .createTable('sync_conflict')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('kept_value', 'text')
    .addColumn('kept_version', 'text', (c) => c.notNull())
    .addColumn('lost_value', 'text')
    .addColumn('lost_version', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute()
  await db.schema.createIndex('sync_conflict_open_idx').on('sync_conflict').columns(['resolved_at', 'id']).execute()

  await db.schema
    .createTable('kader_duplicate')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('kader_id', 'text', (c) => c.notNull())
    .addColumn('other_kader_id', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute()
  await db.schema.createIndex('kader_duplicate_pair_idx').on('kader_duplicate').columns(['kader_id', 'other_kader_id']).unique().execute()
}
