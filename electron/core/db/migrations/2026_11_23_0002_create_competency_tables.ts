// Competencies and trainings: the versioned catalogue (local reference data), training events
// and their participants, assessments (replicated), and the derived per-kader state (local).

import type { Kysely } from 'kysely'
import { replicated } from './2026_11_23_0001_create_core_tables'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .execute()

  await replicated(db.schema.createTable('training'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('organiser', 'text')
    .addColumn('facilitators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('competencies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('catalogue_version', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('training_deleted_start_idx').on('training').columns(['deleted', 'start_date']).execute()

  await replicated(db.schema.createTable('training_participant'))
    .addColumn('training_id', 'text', (c) => c.notNull().references('training.id'))
    .addColumn('kader_id', 'text', (c) => c.notNull().references('kader.id'))
    .addColumn('attendance', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('pre_score', 'real')
    .addColumn('post_score', 'real')
    .addColumn('certificate_number', 'text')
    .execute()
  await db.schema
    .createIndex('training_participant_training_idx')
    .on('training_participant')
    .columns(['training_id', 'kader_id'])
    .execute()
  await db.schema.createIndex('training_participant_kader_idx').on('training_participant').column('kader_id').execute()

  await replicated(db.schema.createTable('assessment'))
    .addColumn('kader_id', 'text', (c) => c.notNull().references('kader.id'))
    .addColumn('competency_code', 'text', (c) => c.notNull())
    .addColumn('catalogue_version', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('assessor_name', 'text', (c) => c.notNull())
    .addColumn('assessor_nip', 'text')
    .addColumn('assessor_profession', 'text')
    .addColumn('assessor_institution', 'text')
    .addColumn('training_id', 'text', (c) => c.references('training.id'))
    .addColumn('notes', 'text')
    .execute()
  // The latest judgement per kader and code is the last entry of this index's run.
  await db.schema
    .createIndex('assessment_kader_code_idx')
    .on('assessment')
    .columns(['kader_id', 'competency_code', 'date', 'version'])
    .execute()
  await db.schema.createIndex('assessment_training_idx').on('assessment').column('training_id').execute()

  await db.schema
    .createTable('kader_competency')
    .addColumn('kader_id', 'text', (c) => c.primaryKey().references('kader.id'))
    .addColumn('competent', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('not_yet', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('level', 'text')
    .addColumn('level_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('catalogue_version', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kader_competency_level_idx').on('kader_competency').columns(['level_rank', 'kader_id']).execute()
}
