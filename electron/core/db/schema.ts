// The typed shape of the database, as Kysely sees it. snake_case here; services map to the
// camelCase types of shared/contract. Booleans are 0 | 1, instants ISO-8601 text,
// calendar dates "YYYY-MM-DD" text, lists JSON text.

import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely'

/**
 * Columns every table whose rows travel between offices carries (paket exchange, later):
 * - id: UUIDv7 (sorts by creation time, never collides between offices)
 * - site_id: the installation that created the row
 * - version: hybrid logical clock of the latest change, "<13-digit ms>:<4-digit counter>:<site id>",
 *   so plain string comparison orders changes and the site id breaks ties
 * - field_versions: JSON { column: version } of the last change per column, so two offices
 *   changing different fields of one record can both win (per-field merge)
 * - updated_at: wall-clock instant of the latest change, for people, never for ordering
 * - deleted: tombstone (1 = deleted/archived); rows are never hard-deleted
 * The tables also carry a local column `received` (this office's clock when an import last wrote
 * the row), read and written only by electron/core/sync through raw SQL, so it is not typed here.
 */
export interface ReplicatedColumns {
  id: string
  site_id: string
  version: string
  field_versions: string
  created_at: string
  updated_at: string
  deleted: 0 | 1
}

/** Key/value facts about this database file (schema and reference-data versions). Local. */
export interface MetaTable {
  key: string
  value: string
}

/** This installation: exactly one row once the first-run setup is done. Local, never travels. */
export interface SiteTable {
  id: string
  level: 'kelurahan' | 'puskesmas' | 'kecamatan' | 'kota'
  area_code: string
  area_name: string
  name: string
  created_at: string
  /** Last hybrid-logical-clock value issued here ("<ms>:<counter>"), so versions only grow. */
  clock: string
}

/** For a Puskesmas: the kelurahan/desa it covers. Local. */
export interface SiteVillageTable {
  village_code: string
  village_name: string
}

/** Local preferences (language, warning thresholds). */
export interface SettingTable {
  key: string
  value: string
}

/** The official Kemendagri area list (idn-area-data), loaded once. Reference data, local. */
export interface AreaTable {
  code: string
  name: string
  level: 1 | 2 | 3 | 4
  parent_code: string | null
  /** Lower-case name for search. */
  name_search: string
}

export interface PosyanduTable extends ReplicatedColumns {
  name: string
  village_code: string
  village_name: string
  rw: string | null
  address: string | null
  puskesmas: string | null
  schedule: string | null
  /** JSON array of SpmField codes. */
  spm_fields: string
  active: 0 | 1
  /** Registration (issue 18; migration 0009): SK pembentukan, musyawarah, Kemendagri registry. */
  sk_number: string | null
  sk_date: string | null
  /** The lurah / kepala desa who signed the SK, by name. */
  sk_signer: string | null
  musyawarah_date: string | null
  /** 'belum_terdaftar' | 'terdaftar' */
  registration_status: string
  registered_date: string | null
  registry_number: string | null
  /** The Puskesmas pembina's office (site id, from the offices this app knows); its name in `puskesmas`. */
  puskesmas_code: string | null
  pustu_id: string | null
}

/** A Pustu (Puskesmas Pembantu) of a kelurahan/desa; Posyandu point at it. Replicated. */
export interface PustuTable extends ReplicatedColumns {
  village_code: string
  village_name: string
  name: string
  address: string | null
}

export interface KaderTable extends ReplicatedColumns {
  nik: string
  name: string
  sex: 'L' | 'P'
  birth_place: string | null
  birth_date: string
  phone: string | null
  address: string | null
  rt: string | null
  rw: string | null
  posyandu_id: string
  role: string
  /** JSON array of SpmField codes. */
  spm_fields: string
  sk_number: string | null
  sk_date: string | null
  education: string | null
  status: string
  status_date: string
  notes: string | null
}

/** Dated history of a kader's status; one row per change, never edited. */
export interface KaderStatusTable extends ReplicatedColumns {
  kader_id: string
  status: string
  date: string
  note: string | null
}

/**
 * Competency catalogues (reference data, versioned). Every version ever installed stays, so old
 * assessments can be read under the wording they were made with; meta 'catalogue.active' names
 * the one in force. Local for now: the paket issue carries it down from the kota.
 */
export interface CatalogueTable {
  version: string
  title: string
  /** The whole catalogue as JSON (shared/domain/competency.ts checks its shape). */
  body: string
  installed_at: string
}

export interface TrainingTable extends ReplicatedColumns {
  title: string
  kind: string
  start_date: string
  end_date: string
  place: string | null
  organiser: string | null
  /** JSON array of names. */
  facilitators: string
  /** JSON array of competency codes. */
  competencies: string
  catalogue_version: string
  notes: string | null
}

/** A kader on a training's list. Removing a participant is a tombstone (results are kept). */
export interface TrainingParticipantTable extends ReplicatedColumns {
  training_id: string
  kader_id: string
  /** JSON array of the days attended ("YYYY-MM-DD"). */
  attendance: string
  pre_score: number | null
  post_score: number | null
  certificate_number: string | null
}

/** One judgement kader × competency. Never edited: a later one (date, then version) supersedes it. */
export interface AssessmentTable extends ReplicatedColumns {
  kader_id: string
  competency_code: string
  catalogue_version: string
  date: string
  result: 'kompeten' | 'belum_kompeten'
  method: string
  assessor_name: string
  assessor_nip: string | null
  assessor_profession: string | null
  assessor_institution: string | null
  training_id: string | null
  notes: string | null
}

/**
 * Derived, local: each kader's competencies now under the catalogue in force. Rewritten in the
 * same transaction as every assessment (and wholly when the catalogue changes), so lists can
 * filter and sort by level in SQL. Never typed, never sent: `recomputeCompetencies` rebuilds it.
 */
export interface KaderCompetencyTable {
  kader_id: string
  /** JSON array of codes held kompeten now, catalogue order. */
  competent: string
  /** JSON array of codes whose latest result is belum kompeten. */
  not_yet: string
  /** JSON array of complete group codes (TKK). */
  groups: string
  level: 'purwa' | 'madya' | 'utama' | null
  /** 0 none, 1 purwa, 2 madya, 3 utama: sorts by level. */
  level_rank: number
  catalogue_version: string
}

/** A regional office (OPD). Defaults carry a stable `code`, so two offices' defaults are one record. */
export interface OpdTable extends ReplicatedColumns {
  code: string | null
  name: string
  /** JSON array of SpmField codes. */
  spm_fields: string
  active: 0 | 1
}

export interface MeetingTable extends ReplicatedColumns {
  level: string
  kind: string
  title: string
  date: string
  start_time: string | null
  end_time: string | null
  place: string | null
  chair: string | null
  minute_taker: string | null
  invitation_number: string | null
  posyandu_id: string | null
  /** JSON array of SpmField codes. */
  spm_fields: string
  /** JSON array of { title, minutes } (minutes in the rich-text format of shared/domain/meeting.ts). */
  agenda: string
  conclusions: string
  /** JSON array of Attendee (shared/contract/meeting.ts), in the order of the attendance sheet. */
  attendees: string
}

/** Of a meeting or of a follow-up (its evidence): exactly one of the two is set. */
export interface AttachmentTable extends ReplicatedColumns {
  meeting_id: string | null
  follow_up_id: string | null
  file_name: string
  kind: string
  mime: string
  size: number
  sha256: string
}

/** File contents, stored once per SHA-256 whatever how many attachments name them. Local. */
export interface AttachmentBlobTable {
  sha256: string
  data: Buffer
}

export interface FollowUpTable extends ReplicatedColumns {
  source: string
  meeting_id: string | null
  date: string
  posyandu_id: string | null
  spm_field: string | null
  description: string
  reporter: string | null
  opd_id: string
  due_date: string
  status: string
  closed_date: string | null
  closing_evidence: string | null
}

/** The equipment list (reference data the kota extends; defaults seeded with a stable code). */
export interface SaranaItemTable extends ReplicatedColumns {
  code: string | null
  name: string
  kit: 0 | 1
  opd_id: string | null
  active: 0 | 1
}

/** One line of a Posyandu's inventory. */
export interface SaranaTable extends ReplicatedColumns {
  posyandu_id: string
  item_id: string
  quantity: number
  condition: string
  received_date: string | null
  funding_source: string | null
  note: string | null
}

/** One incentive payment to a kader for a month ("YYYY-MM"); paid_date null = not paid yet. */
export interface InsentifTable extends ReplicatedColumns {
  kader_id: string
  period: string
  amount: number
  funding_source: string
  paid_date: string | null
  note: string | null
}

/** Dated progress of a follow-up; one row per note, never edited. */
export interface FollowUpProgressTable extends ReplicatedColumns {
  follow_up_id: string
  date: string
  status: string
  note: string | null
}

/** The FTS5 index (local, derived). Only search.service.ts touches it, with raw SQL. */
export interface SearchFtsTable {
  ref_kind: 'rapat' | 'tindak_lanjut'
  ref_id: string
  date: string
  title: string
  content: string
  stems: string
}

/** Every office this one has heard of (from paket). Local. */
export interface OfficeTable {
  site_id: string
  level: string
  area_code: string
  area_name: string
  name: string
  /** JSON array of village codes (a Puskesmas's working area). */
  villages: string
  last_bundle_at: string | null
  last_imported_at: string | null
}

/** Paket imported here, by id: importing one again changes nothing and says so. Local. */
export interface PaketReceivedTable {
  bundle_id: string
  sender_site_id: string
  sender_name: string
  sender_level: string
  created_at: string
  imported_at: string
  file_name: string
  /** JSON of the import summary (counts per kind). */
  summary: string
}

/** Paket made here, by destination ("level:kota", "site:<id>", "berkas"). Local. */
export interface PaketSentTable {
  bundle_id: string
  destination: string
  destination_name: string
  full: 0 | 1
  clock: string
  created_at: string
  file_name: string
  records: number
}

/** A field changed by two offices without either seeing the other's change: the losing value. Local. */
export interface SyncConflictTable {
  id: Generated<number>
  table_name: string
  record_id: string
  field: string
  /** JSON of the value kept (and of the one that lost), so null and numbers survive. */
  kept_value: string | null
  kept_version: string
  lost_value: string | null
  lost_version: string
  bundle_id: string
  detected_at: string
  resolved_at: string | null
  /** 'kept' (the winner stays) or 'restored' (the losing value was written back as a new change). */
  resolution: string | null
}

/** Two kader with the same NIK created in two offices, waiting for a merge decision. Local. */
export interface KaderDuplicateTable {
  id: Generated<number>
  nik: string
  kader_id: string
  other_kader_id: string
  bundle_id: string
  detected_at: string
  resolved_at: string | null
  /** 'merged' (other_kader_id folded into kader_id) or 'different' (two people after all). */
  resolution: string | null
}

/** This office's key pairs (raw 32-byte keys, base64url). The row without retired_at is in use. Local, never travels. */
export interface OfficeKeyTable {
  id: Generated<number>
  signing_public: string
  signing_private: string
  encryption_public: string
  encryption_private: string
  created_at: string
  retired_at: string | null
}

/** Offices whose key cards this office trusts (a person confirmed the fingerprint, or the kota vouched). Local. */
export interface TrustedOfficeTable {
  site_id: string
  level: string
  area_code: string
  area_name: string
  name: string
  signing_key: string
  encryption_key: string
  fingerprint: string
  card_created_at: string
  source: string
  trusted_at: string
  /** The whole signed card (JSON). */
  card: string
}

/** A key the kota revoked; the signed statement travels with every paket. Local copy. */
export interface KeyRevocationTable {
  fingerprint: string
  site_id: string
  revoked_at: string
  reason: string
  issuer_site_id: string
  statement: string
}

/** A signed statement that a new installation succeeds the old one(s) of an area (recovery, issue 15). */
export interface SiteSuccessionTable {
  id: string
  successor_site_id: string
  /** JSON list of the old site ids. */
  predecessors: string
  level: string
  area_code: string
  issuer_site_id: string
  issued_at: string
  statement: string
  learned_at: string
}

/** A record a paket carried that could not be judged yet, kept to be judged again (issue 13). Local. */
export interface PaketHeldTable {
  id: Generated<number>
  table_name: string
  record_id: string
  /** The record as carried (JSON). */
  row: string
  row_hash: string
  reason: string
  sender_site_id: string
  bundle_id: string
  held_at: string
}

/** One change of one field of a replicated record, as this office saw it (riwayat perubahan). Local. */
export interface RiwayatTable {
  id: Generated<number>
  table_name: string
  record_id: string
  at: string
  site_id: string
  person: string | null
  field: string
  /** JSON of the value before and after. */
  from_value: string | null
  to_value: string | null
  /** 'di-sini' | 'paket' | 'gabung' | 'konflik' */
  source: string
}

export interface Database {
  meta: MetaTable
  site: SiteTable
  site_village: SiteVillageTable
  setting: SettingTable
  area: AreaTable
  posyandu: PosyanduTable
  pustu: PustuTable
  kader: KaderTable
  kader_status: KaderStatusTable
  catalogue: CatalogueTable
  training: TrainingTable
  training_participant: TrainingParticipantTable
  assessment: AssessmentTable
  kader_competency: KaderCompetencyTable
  opd: OpdTable
  meeting: MeetingTable
  attachment: AttachmentTable
  attachment_blob: AttachmentBlobTable
  follow_up: FollowUpTable
  follow_up_progress: FollowUpProgressTable
  search_fts: SearchFtsTable
  office: OfficeTable
  paket_received: PaketReceivedTable
  paket_sent: PaketSentTable
  sync_conflict: SyncConflictTable
  kader_duplicate: KaderDuplicateTable
  office_key: OfficeKeyTable
  trusted_office: TrustedOfficeTable
  key_revocation: KeyRevocationTable
  paket_held: PaketHeldTable
  riwayat: RiwayatTable
  site_succession: SiteSuccessionTable
  sarana_item: SaranaItemTable
  sarana: SaranaTable
  insentif: InsentifTable
}

export type Db = Kysely<Database>

export type PosyanduRow = Selectable<PosyanduTable>
export type NewPosyanduRow = Insertable<PosyanduTable>
export type PosyanduUpdate = Updateable<PosyanduTable>
export type PustuRow = Selectable<PustuTable>
export type KaderDbRow = Selectable<KaderTable>
export type NewKaderRow = Insertable<KaderTable>
export type KaderUpdate = Updateable<KaderTable>
export type KaderStatusRow = Selectable<KaderStatusTable>
export type AreaRow = Selectable<AreaTable>
export type TrainingDbRow = Selectable<TrainingTable>
export type AssessmentDbRow = Selectable<AssessmentTable>
export type NewKaderCompetencyRow = Insertable<KaderCompetencyTable>
