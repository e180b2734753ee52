// Migrations are listed by static import: a folder scan does not survive bundling. Names sort
// by date, so Kysely runs them in the order they were written. Forward-only.

import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import * as m0001 from './2026_11_23_0001_create_core_tables'
import * as m0002 from './2026_11_23_0002_create_competency_tables'
import * as m0003 from './2026_11_23_0003_create_meeting_tables'
import * as m0004 from './2026_11_23_0004_create_paket_tables'
import * as m0005 from './2026_11_23_0005_create_key_tables'
import * as m0006 from './2026_12_06_0006_create_paket_held'
import * as m0007 from './2026_12_06_0007_create_riwayat'
import * as m0008 from './2026_12_06_0008_create_site_succession'
import * as m0009 from './2026_12_06_0009_attachment_of_follow_up'
import * as m0010 from './2026_12_06_0010_add_posyandu_registrasi'
import * as m0011 from './2026_12_06_0011_create_sarana_insentif'

export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_23_0001_create_core_tables': m0001,
  '2026_11_23_0002_create_competency_tables': m0002,
  '2026_11_23_0003_create_meeting_tables': m0003,
  '2026_11_23_0004_create_paket_tables': m0004,
  '2026_11_23_0005_create_key_tables': m0005,
  '2026_12_06_0006_create_paket_held': m0006,
  '2026_12_06_0007_create_riwayat': m0007,
  '2026_12_06_0008_create_site_succession': m0008,
  '2026_12_06_0009_attachment_of_follow_up': m0009,
  '2026_12_06_0010_add_posyandu_registrasi': m0010,
  '2026_12_06_0011_create_sarana_insentif': m0011,
}

/** The schema version of this build: how many migrations it knows. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider })
}

async function run(resultSet: Promise<{ error?: unknown }>): Promise<void> {
  const { error } = await resultSet
  if (error) throw error instanceof Error ? error : new Error(String(error))
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await run(migrator(db).migrateToLatest())
}

/** Migrates up (or down, where a migration allows) to the named migration; for migration tests. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  if (!(name in MIGRATIONS)) throw new Error(`Unknown migration ${name}`)
  await run(migrator(db).migrateTo(name))
}
