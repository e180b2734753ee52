// The first schema: local tables (meta, site, site_village, setting, area) and the replicated
// roster (posyandu, kader, kader_status). Takes Kysely<any>: a migration is frozen in time and
// must not follow later edits of schema.ts.

import { sql, type CreateTableBuilder, type Kysely } from 'kysely'

/** Columns of every row that travels between offices (see ReplicatedColumns in schema.ts). */
export function replicated<T extends string>(t: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('site')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('clock', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('site_village')
    .addColumn('village_code', 'text', (c) => c.primaryKey())
    .addColumn('village_name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('name_search', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('area_parent_code_idx').on('area').column('parent_code').execute()
  await db.schema.createIndex('area_level_idx').on('area').column('level').execute()

  await replicated(db.schema.createTable('posyandu'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('village_name', 'text', (c) => c.notNull())
    .addColumn('rw', 'text')
    .addColumn('address', 'text')
    .addColumn('puskesmas', 'text')
    .addColumn('schedule', 'text')
    .addColumn('spm_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('posyandu_village_code_idx').on('posyandu').column('village_code').execute()
  // Posyandu lists and the roster's sort by Posyandu walk this index.
  await db.schema.createIndex('posyandu_name_idx').on('posyandu').column(sql`name collate nocase`).column('id').execute()

  await replicated(db.schema.createTable('kader'))
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_place', 'text')
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('rt', 'text')
    .addColumn('rw', 'text')
    .addColumn('posyandu_id', 'text', (c) => c.notNull().references('posyandu.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('spm_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sk_number', 'text')
    .addColumn('sk_date', 'text')
    .addColumn('education', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute()
  // Roster indexes (20,000 kader must page in milliseconds). Each ends in the list's
  // tie-breakers (name without case, then id) so a page is read in index order, no sort step.
  const nameNocase = sql`name collate nocase`
  // The default view: non-archived, by name. With nik and spm_fields at the end it also answers
  // the name/NIK search, the SPM filter and their counts from the index alone (no row reads).
  await db.schema
    .createIndex('kader_deleted_name_idx')
    .on('kader')
    .column('deleted')
    .column(nameNocase)
    .column('id')
    .column('nik')
    .column('spm_fields')
    .execute()
  // Sort and filter by status (status codes sort like their Indonesian labels).
  await db.schema
    .createIndex('kader_deleted_status_name_idx')
    .on('kader')
    .column('deleted')
    .column('status')
    .column(nameNocase)
    .column('id')
    .execute()
  // One Posyandu's kader by name, the posyandu sort (walked per Posyandu) and the FK lookups.
  await db.schema
    .createIndex('kader_posyandu_name_idx')
    .on('kader')
    .column('posyandu_id')
    .column('deleted')
    .column(nameNocase)
    .column('id')
    .execute()
  // Active kader per Posyandu, counted from the index alone.
  await db.schema.createIndex('kader_posyandu_status_idx').on('kader').columns(['posyandu_id', 'status', 'deleted']).execute()
  await db.schema.createIndex('kader_deleted_birth_date_idx').on('kader').columns(['deleted', 'birth_date']).execute()
  await db.schema.createIndex('kader_deleted_updated_at_idx').on('kader').columns(['deleted', 'updated_at']).execute()
  await db.schema.createIndex('kader_nik_idx').on('kader').column('nik').execute()

  await replicated(db.schema.createTable('kader_status'))
    .addColumn('kader_id', 'text', (c) => c.notNull().references('kader.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('kader_status_kader_id_idx').on('kader_status').columns(['kader_id', 'date']).execute()
}
