// Sarana prasarana and kader incentives (issue 18, items 2 and 3): three replicated kinds.
// - sarana_item: the equipment list, reference data the kota extends (defaults seeded at open,
//   identically everywhere, keyed on `code`);
// - sarana: one line of a Posyandu's inventory (item, quantity, condition, date received, funding);
// - insentif: one payment to a kader for a period (month "YYYY-MM"); paid_date null = not paid yet.
// No unique indexes across offices' rows: two offices' copies meet in a merge, so "one line per
// item per Posyandu" is the service's rule, not the schema's. Independent of 0009.

import type { Kysely } from 'kysely'
import { replicated } from './2026_11_23_0001_create_core_tables'

export async function up(db: Kysely<any>): Promise<void> {
  await replicated(db.schema.createTable('sarana_item'))
    // Stable key of a default item ('dacin', …); null for an item the Dinas added.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    // Part of the anthropometry kit (1) or not (0).
    .addColumn('kit', 'integer', (c) => c.notNull().defaultTo(0))
    // The OPD a follow-up about a damaged item goes to (no reference: an OPD the Dinas added may
    // arrive later than the item, and a missing one only means no suggestion).
    .addColumn('opd_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('received', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await replicated(db.schema.createTable('sarana'))
    .addColumn('posyandu_id', 'text', (c) => c.notNull().references('posyandu.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('sarana_item.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text')
    .addColumn('funding_source', 'text')
    .addColumn('note', 'text')
    // This office's own bookkeeping, as on every replicated table (migration 0004).
    .addColumn('received', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('sarana_posyandu_idx').on('sarana').columns(['posyandu_id', 'deleted']).execute()

  await replicated(db.schema.createTable('insentif'))
    .addColumn('kader_id', 'text', (c) => c.notNull().references('kader.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('paid_date', 'text')
    .addColumn('note', 'text')
    // This office's own bookkeeping, as on every replicated table (migration 0004).
    .addColumn('received', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('insentif_kader_idx').on('insentif').columns(['kader_id', 'period']).execute()
  await db.schema.createIndex('insentif_period_idx').on('insentif').columns(['period', 'deleted']).execute()
}
