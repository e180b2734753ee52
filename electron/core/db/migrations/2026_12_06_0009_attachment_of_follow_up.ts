// Evidence of a follow-up (issue 17): a follow-up closed as selesai is shown done by a photo
// after the repair or a scanned reply letter, stored like a meeting's attachments (metadata
// replicated, content once per SHA-256 in attachment_blob). An attachment now belongs to a
// meeting or to a follow-up: meeting_id may be null and follow_up_id is added, exactly one of the
// two set. SQLite cannot drop a NOT NULL, so the table is rebuilt with its rows; nothing refers
// to attachment, so the foreign keys stay on. Written as plain SQL: this file is frozen.

import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table "attachment_new" (
      "id" text primary key,
      "site_id" text not null,
      "version" text not null,
      "field_versions" text default '{}' not null,
      "created_at" text not null,
      "updated_at" text not null,
      "deleted" integer default 0 not null,
      "meeting_id" text references "meeting" ("id"),
      "follow_up_id" text references "follow_up" ("id"),
      "file_name" text not null,
      "kind" text not null,
      "mime" text not null,
      "size" integer not null,
      "sha256" text not null,
      "received" text default '' not null,
      check (("meeting_id" is null) <> ("follow_up_id" is null))
    )`.execute(db)
  await sql`
    insert into "attachment_new"
      ("id", "site_id", "version", "field_versions", "created_at", "updated_at", "deleted", "meeting_id", "follow_up_id", "file_name", "kind", "mime", "size", "sha256", "received")
    select "id", "site_id", "version", "field_versions", "created_at", "updated_at", "deleted", "meeting_id", null, "file_name", "kind", "mime", "size", "sha256", "received"
    from "attachment"`.execute(db)
  await sql`drop table "attachment"`.execute(db)
  await sql`alter table "attachment_new" rename to "attachment"`.execute(db)
  await sql`create index "attachment_meeting_idx" on "attachment" ("meeting_id")`.execute(db)
  await sql`create index "attachment_follow_up_idx" on "attachment" ("follow_up_id")`.execute(db)
}
