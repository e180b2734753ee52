// Office keys (issue 6). Local tables only: this office's key pairs, and the offices whose
// public keys it trusts. Private keys never travel; a key card carries the public halves.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_key')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('signing_public', 'text', (c) => c.notNull())
    .addColumn('signing_private', 'text', (c) => c.notNull())
    .addColumn('encryption_public', 'text', (c) => c.notNull())
    .addColumn('encryption_private', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when the keys were rotated: old encryption keys still open bundles made for them.
    .addColumn('retired_at', 'text')
    .execute()

  await db.schema
    .createTable('trusted_office')
    .addColumn('site_id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('signing_key', 'text', (c) => c.notNull())
    .addColumn('encryption_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('card_created_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('trusted_at', 'text', (c) => c.notNull())
    // The whole signed card, to pass on to offices that trust this one.
    .addColumn('card', 'text', (c) => c.notNull())
    .execute()

  // Keys the kota has revoked (a lost laptop): signed statements that travel with every bundle.
  await db.schema
    .createTable('key_revocation')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('issuer_site_id', 'text', (c) => c.notNull())
    // The whole signed statement (JSON), to pass on.
    .addColumn('statement', 'text', (c) => c.notNull())
    .execute()
}
