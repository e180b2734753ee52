// Tim Pembina meetings and follow-ups: the OPD list (editable reference data), meetings (with
// their agenda, minutes and attendance list as JSON: one meeting is written by one office, so
// per-field merge treats each list as one value), attachments (metadata replicated, content
// stored once per SHA-256 in SQLite itself), follow-ups with their dated progress, and the
// local FTS5 index that search reads.

import { sql, type Kysely } from 'kysely'
import { replicated } from './2026_11_23_0001_create_core_tables'

export async function up(db: Kysely<any>): Promise<void> {
  await replicated(db.schema.createTable('opd'))
    // Stable key of a default entry ('dinkes', …); null for OPD an office added itself.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('spm_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('opd_code_idx').on('opd').column('code').execute()

  await replicated(db.schema.createTable('meeting'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text')
    .addColumn('chair', 'text')
    .addColumn('minute_taker', 'text')
    .addColumn('invitation_number', 'text')
    .addColumn('posyandu_id', 'text', (c) => c.references('posyandu.id'))
    .addColumn('spm_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('conclusions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema.createIndex('meeting_deleted_date_idx').on('meeting').columns(['deleted', 'date']).execute()

  await replicated(db.schema.createTable('attachment'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachment_meeting_idx').on('attachment').column('meeting_id').execute()

  await db.schema
    .createTable('attachment_blob')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute()

  await replicated(db.schema.createTable('follow_up'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('posyandu_id', 'text', (c) => c.references('posyandu.id'))
    .addColumn('spm_field', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reporter', 'text')
    .addColumn('opd_id', 'text', (c) => c.notNull().references('opd.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_date', 'text')
    .addColumn('closing_evidence', 'text')
    .execute()
  // Overdue = open and due before today: status and due date together, per OPD for the board.
  await db.schema.createIndex('follow_up_status_due_idx').on('follow_up').columns(['deleted', 'status', 'due_date']).execute()
  await db.schema.createIndex('follow_up_opd_idx').on('follow_up').columns(['opd_id', 'status']).execute()
  await db.schema.createIndex('follow_up_meeting_idx').on('follow_up').column('meeting_id').execute()

  await replicated(db.schema.createTable('follow_up_progress'))
    .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_up.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('follow_up_progress_idx').on('follow_up_progress').columns(['follow_up_id', 'date']).execute()

  // Derived and local, like kader_competency: rewritten with every meeting/follow-up write.
  // `content` is the text as written (for snippets), `stems` the same words with Indonesian
  // affixes folded (what the query matches).
  await sql`create virtual table search_fts using fts5(
    ref_kind unindexed, ref_id unindexed, date unindexed, title, content, stems,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db)
}
