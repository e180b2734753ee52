// Posyandu registration (issue 18, item 1): the SK pembentukan, the musyawarah, the registration
// with Kemendagri, the Puskesmas pembina chosen from the offices the app knows (by its site id,
// beside the name already kept in `puskesmas`) and the Pustu, a replicated record of its own per
// kelurahan/desa. The pengurus are the roster's kader.role (ketua, sekretaris, bendahara), so
// two ketua in one Posyandu show as two kader rows: no new column for them.

import type { Kysely } from 'kysely'
import { replicated } from './2026_11_23_0001_create_core_tables'

export async function up(db: Kysely<any>): Promise<void> {
  await replicated(db.schema.createTable('pustu'))
    .addColumn('village_code', 'text', (c) => c.notNull())
    // Codes are retired and renamed: the name the record was made with.
    .addColumn('village_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    // Local, like every replicated table's (see 0004).
    .addColumn('received', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('pustu_village_idx').on('pustu').columns(['village_code', 'name']).execute()

  // The lurah / kepala desa who signed the SK is kept by name (sk_signer).
  for (const name of ['sk_number', 'sk_date', 'sk_signer', 'musyawarah_date', 'registered_date', 'registry_number', 'puskesmas_code', 'pustu_id']) {
    await db.schema.alterTable('posyandu').addColumn(name, 'text').execute()
  }
  // 'belum_terdaftar' | 'terdaftar'. Every Posyandu already kept starts unregistered.
  await db.schema
    .alterTable('posyandu')
    .addColumn('registration_status', 'text', (c) => c.notNull().defaultTo('belum_terdaftar'))
    .execute()
  await db.schema.createIndex('posyandu_registration_idx').on('posyandu').columns(['registration_status', 'village_code']).execute()
}
