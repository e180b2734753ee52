// The one typed contract between the UI and the core. Each entry is a call `feature:verb`
// with a zod input (validated in main for every call: the renderer is untrusted) and an
// output type. The same map is served over Electron IPC and over the HTTP bridge.
// Outputs are plain JSON-safe data: dates "YYYY-MM-DD", instants ISO-8601 strings.

import { z } from 'zod'
import {
  EDUCATION_LEVELS,
  KADER_ROLES,
  KADER_STATUSES,
  SEXES,
  SITE_LEVELS,
  SPM_FIELDS,
  type AreaLevel,
  type EducationLevel,
  type KaderRole,
  type KaderStatus,
  type Sex,
  type SiteLevel,
  type SpmField,
} from './domain/reference'
import { cleanNik, type NikWarning } from './domain/nik'
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_RESULTS,
  LEVEL_CODES,
  TRAINING_KINDS,
  type AssessmentMethod,
  type AssessmentResult,
  type Catalogue,
  type LevelCode,
  type NextLevelNeed,
  type TrainingKind,
} from './domain/competency'
import {
  ATTACHMENT_KINDS,
  FOLLOW_UP_SOURCES,
  FOLLOW_UP_STATUSES,
  MEETING_KINDS,
  MEETING_LEVELS,
  type AttachmentKind,
  type FollowUpSource,
  type FollowUpStatus,
  type MeetingKind,
  type MeetingLevel,
} from './domain/meeting'
import { normalisePhone } from './domain/phone'

// Indonesian default messages for anything a field below does not word itself.
z.config(z.locales.id())

/** Phantom marker for an output type: the contract carries types, not runtime schemas, for outputs. */
const out = <T>() => undefined as unknown as T

// ---------------------------------------------------------------- field schemas

const id = z.string().uuid({ message: 'Pengenal data tidak sah.' })
const isoDate = z
  .string({ message: 'Tanggal wajib diisi.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus diisi lengkap (hari, bulan, tahun).' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Tanggal itu tidak ada di kalender.',
  })
/** Optional free text: blank becomes null so the database never holds "". */
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} paling panjang ${max} huruf.` })
    .nullish()
    .transform((s) => (s ? s : null))
const reqText = (max: number, label: string) =>
  z
    .string({ message: `${label} wajib diisi.` })
    .trim()
    .min(1, { message: `${label} wajib diisi.` })
    .max(max, { message: `${label} paling panjang ${max} huruf.` })
/** RT/RW: 1–3 digits, stored zero-padded ("003") as written on KTP. */
const rtRw = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((s) => (s ? s.replace(/^0+(?=\d)/, '') : null))
    .refine((s) => s === null || /^\d{1,3}$/.test(s), { message: `${label} harus berupa angka 1–3 digit, mis. 003.` })
    .transform((s) => (s === null ? null : s.padStart(3, '0')))
const areaCode = z.string().trim().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
  message: 'Kode wilayah harus berbentuk kode Kemendagri, mis. 36.71.01.1001.',
})
const villageCode = z.string().trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, {
  message: 'Pilih kelurahan/desa dari daftar wilayah.',
})
const spmFields = z
  .array(z.enum(SPM_FIELDS), { message: 'Pilih bidang SPM.' })
  .min(1, { message: 'Pilih paling sedikit satu bidang SPM.' })
  .transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f)))

export const nikSchema = z
  .string({ message: 'NIK wajib diisi.' })
  .transform(cleanNik)
  .refine((s) => /^\d{16}$/.test(s), { message: 'NIK harus 16 angka, tanpa spasi atau huruf.' })
export const phoneSchema = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return null
    const e164 = normalisePhone(s)
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'Nomor HP tidak dikenali. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.' })
      return z.NEVER
    }
    return e164
  })

// ---------------------------------------------------------------- domain types (outputs)

export interface Area {
  code: string
  name: string
  level: AreaLevel
  parentCode: string | null
  /** Human path from this area up, e.g. "Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten". */
  path: string
}

export interface Site {
  id: string
  level: SiteLevel
  areaCode: string
  areaName: string
  areaPath: string
  name: string
  /** For a Puskesmas: the kelurahan/desa it covers. Empty for other levels. */
  coveredVillages: Area[]
  createdAt: string
  /**
   * Set when this installation took a new identity (new site id and keys) because its database
   * was copied from another PC or restored from a backup, until a person has read the notice.
   */
  identityRenewal: { at: string; reason: 'salinan' | 'cadangan' } | null
}

export interface Posyandu {
  id: string
  name: string
  villageCode: string
  villageName: string
  rw: string | null
  address: string | null
  puskesmas: string | null
  schedule: string | null
  spmFields: SpmField[]
  active: boolean
  /** Kader with status aktif and not archived. */
  activeKaderCount: number
  createdAt: string
  updatedAt: string
}

export interface KaderStatusEntry {
  id: string
  status: KaderStatus
  date: string
  note: string | null
  recordedAt: string
}

export interface Kader {
  id: string
  nik: string
  name: string
  sex: Sex
  birthPlace: string | null
  birthDate: string
  phone: string | null
  address: string | null
  rt: string | null
  rw: string | null
  posyanduId: string
  posyanduName: string
  villageCode: string
  role: KaderRole
  spmFields: SpmField[]
  skNumber: string | null
  skDate: string | null
  education: EducationLevel | null
  status: KaderStatus
  statusDate: string
  statusHistory: KaderStatusEntry[]
  notes: string | null
  archived: boolean
  createdAt: string
  updatedAt: string
}

/** One line of the roster list: NIK masked, only what the list shows. */
export interface KaderRow {
  id: string
  nikMasked: string
  name: string
  sex: Sex
  birthDate: string
  phone: string | null
  posyanduId: string
  posyanduName: string
  /** Posyandu names repeat between kelurahan ("Mawar 01"): the list shows where. */
  villageName: string
  role: KaderRole
  spmFields: SpmField[]
  status: KaderStatus
  archived: boolean
  updatedAt: string
}

export interface NikCheck {
  /** False when the NIK cannot be right (shape, date, unknown kecamatan): `message` says why. */
  valid: boolean
  message: string | null
  derived: { districtCode: string; districtName: string | null; birthDate: string; sex: Sex } | null
  warnings: NikWarning[]
  /** Another non-archived kader with the same NIK (a duplicate is refused on save). */
  duplicate: { id: string; name: string; posyanduName: string } | null
}

export interface KaderSaved {
  kader: Kader
  warnings: NikWarning[]
}

export interface Settings {
  language: 'id' | 'en'
  /** [open] in domain.md: a warning threshold only, never a rule. */
  minKaderPerPosyandu: number
}

export interface BerandaSummary {
  posyandu: { total: number; active: number }
  kader: {
    total: number
    byStatus: Record<KaderStatus, number>
    bySpmField: Record<SpmField, number>
    byRole: Record<KaderRole, number>
  }
  /** Active kader per level (derived from assessments; 'none' = no level yet). */
  kaderLevels: Record<LevelCode | 'none', number>
  /** Active Posyandu whose active kader are below the minKaderPerPosyandu setting. */
  posyanduBelowMinimum: { id: string; name: string; activeKaderCount: number }[]
}

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  areaSource: string
}


// ---------------------------------------------------------------- competencies and trainings

export interface CatalogueVersionInfo {
  version: string
  title: string
  installedAt: string
  active: boolean
}

/** The competency catalogue in force, and every version this office has held. */
export interface CatalogueInfo {
  catalogue: Catalogue
  versions: CatalogueVersionInfo[]
}

export interface Assessor {
  name: string
  nip: string | null
  profession: string | null
  institution: string | null
}

/** One judgement kader × competency. Never edited: a later one supersedes it. */
export interface Assessment {
  id: string
  kaderId: string
  competencyCode: string
  /** The catalogue version in force when it was recorded. */
  catalogueVersion: string
  date: string
  result: AssessmentResult
  method: AssessmentMethod
  assessor: Assessor
  trainingId: string | null
  trainingTitle: string | null
  notes: string | null
  recordedAt: string
  /** A later assessment of the same kader and competency replaced it. */
  superseded: boolean
}

export interface GroupProgress {
  code: string
  name: string
  /** All items kompeten: the kader holds this group's TKK. */
  complete: boolean
  competent: number
  total: number
}

/** A kader's competencies now: derived from the assessments under the catalogue in force. */
export interface KaderCompetency {
  kaderId: string
  name: string
  posyanduName: string
  villageName: string
  catalogueVersion: string
  level: LevelCode | null
  groups: GroupProgress[]
  items: { code: string; groupCode: string; text: string; verified: boolean; current: Assessment | null }[]
  /** What is still missing for the next level; null at the highest level. */
  next: NextLevelNeed | null
  /** Every assessment, newest first, superseded ones included. */
  history: Assessment[]
}

/** One line of the competency matrix (kader × 25). */
export interface MatrixRow {
  kaderId: string
  name: string
  posyanduName: string
  villageName: string
  level: LevelCode | null
  /** Codes whose latest assessment is kompeten. */
  competent: string[]
  /** Codes whose latest assessment is belum kompeten. */
  notYet: string[]
}

export interface CompetencySummary {
  /** Active, non-archived kader in the chosen area. */
  kaderCount: number
  levels: Record<LevelCode | 'none', number>
  /** Per competency code: kader holding it kompeten, and kader assessed belum kompeten. */
  coverage: { code: string; competent: number; notYet: number }[]
  /** Per group: kader holding its TKK. */
  groups: { code: string; complete: number }[]
}

/** A proposed training class: kader near each other who lack the same group's items. */
export interface TrainingCohort {
  group: string
  groupName: string
  /** The codes of the group that members lack (union), catalogue order. */
  codes: string[]
  /** "C1–C5" */
  label: string
  kaderIds: string[]
  posyanduCount: number
  villageNames: string[]
  /** Members for whom this class is all that stands between them and their next level. */
  levelUps: number
}

export interface TrainingNeeds {
  kaderCount: number
  withoutLevel: number
  /** Per code: active kader who do not hold it kompeten. */
  missingPerCode: { code: string; missing: number }[]
  /** Best first: most level-ups, then largest. */
  cohorts: TrainingCohort[]
}

export interface TrainingRow {
  id: string
  title: string
  kind: TrainingKind
  startDate: string
  endDate: string
  place: string | null
  organiser: string | null
  competencies: string[]
  participantCount: number
}

export interface TrainingParticipant {
  kaderId: string
  name: string
  nikMasked: string
  posyanduName: string
  villageName: string
  level: LevelCode | null
  /** The days (YYYY-MM-DD) of the training the kader attended. */
  attendance: string[]
  preScore: number | null
  postScore: number | null
  certificateNumber: string | null
}

export interface Training extends TrainingRow {
  facilitators: string[]
  notes: string | null
  /** Every calendar day from start to end: the columns of the attendance list. */
  days: string[]
  catalogueVersion: string
  participants: TrainingParticipant[]
  createdAt: string
  updatedAt: string
}


// ---------------------------------------------------------------- meetings and follow-ups

/** A regional office (OPD) that can be made responsible for a follow-up. Editable reference data. */
export interface Opd {
  id: string
  name: string
  /** The SPM fields it owns: used to suggest who is responsible for a follow-up. */
  spmFields: SpmField[]
  active: boolean
}

export interface Attendee {
  name: string
  position: string | null
  /** Institution as written on the attendance sheet (an OPD, the PKK, a Posyandu…). */
  institution: string | null
  opdId: string | null
  phone: string | null
  present: boolean
}

export interface AgendaItem {
  title: string
  /** Minutes of this agenda item in the small rich-text format of shared/domain/meeting.ts. */
  minutes: string
}

export interface AttachmentInfo {
  id: string
  fileName: string
  kind: AttachmentKind
  mime: string
  size: number
  sha256: string
  createdAt: string
}

/** One line of the meeting list. */
export interface MeetingRow {
  id: string
  level: MeetingLevel
  kind: MeetingKind
  title: string
  date: string
  place: string | null
  attendeeCount: number
  presentCount: number
  followUpCount: number
  openFollowUps: number
  overdueFollowUps: number
}

export interface Meeting {
  id: string
  level: MeetingLevel
  kind: MeetingKind
  title: string
  date: string
  /** "HH:MM" (WIB) */
  startTime: string | null
  endTime: string | null
  place: string | null
  chair: string | null
  minuteTaker: string | null
  invitationNumber: string | null
  /** For a monev / pembinaan visit: the Posyandu visited. */
  posyanduId: string | null
  posyanduName: string | null
  spmFields: SpmField[]
  agenda: AgendaItem[]
  /** Kesimpulan, rich text. */
  conclusions: string
  attendees: Attendee[]
  attachments: AttachmentInfo[]
  followUps: FollowUpRow[]
  createdAt: string
  updatedAt: string
}

export interface FollowUpProgress {
  id: string
  date: string
  status: FollowUpStatus
  note: string | null
  recordedAt: string
}

/** One line of a follow-up list. `overdue` follows the rule in shared/domain/meeting.ts. */
export interface FollowUpRow {
  id: string
  source: FollowUpSource
  meetingId: string | null
  meetingTitle: string | null
  /** When the problem was raised. */
  date: string
  posyanduId: string | null
  posyanduName: string | null
  spmField: SpmField | null
  description: string
  opdId: string
  opdName: string
  dueDate: string
  status: FollowUpStatus
  overdue: boolean
  /** Days past the deadline (0 when not overdue). */
  daysOverdue: number
  closedDate: string | null
}

export interface FollowUp extends FollowUpRow {
  reporter: string | null
  closingEvidence: string | null
  progress: FollowUpProgress[]
  createdAt: string
  updatedAt: string
}

/** The board per OPD: what each office still owes and how fast it closes. */
export interface OpdBoardRow {
  opdId: string
  opdName: string
  open: number
  overdue: number
  closed: number
  /** Median whole days from raised to closed, over the closed ones; null when none closed. */
  medianDaysToClose: number | null
}

export interface SearchHit {
  kind: 'rapat' | 'tindak_lanjut'
  /** The meeting or the follow-up. */
  id: string
  title: string
  /** A few words around the match, the matched words between « and ». */
  snippet: string
  date: string
}

/** A document ready to print: a standalone HTML page (A4, inline styles, no scripts). */
export interface PrintDocument {
  title: string
  /** Suggested file name, e.g. "Kartu Kompetensi - Siti Aminah.pdf". */
  fileName: string
  html: string
}

// ---------------------------------------------------------------- input schemas

export const siteSetupInput = z.object({
  level: z.enum(SITE_LEVELS, { message: 'Pilih jenis kantor.' }),
  areaCode,
  name: reqText(120, 'Nama kantor'),
  coveredVillageCodes: z.array(villageCode).default([]),
})

export const posyanduInput = z.object({
  name: reqText(100, 'Nama Posyandu'),
  villageCode,
  rw: rtRw('RW'),
  address: optText(300, 'Alamat'),
  puskesmas: optText(120, 'Nama Puskesmas'),
  schedule: optText(200, 'Jadwal buka'),
  spmFields,
  active: z.boolean().default(true),
})

export const kaderInput = z.object({
  nik: nikSchema,
  name: reqText(100, 'Nama lengkap').refine((s) => s.length >= 2, { message: 'Nama lengkap terlalu pendek.' }),
  sex: z.enum(SEXES, { message: 'Pilih jenis kelamin.' }),
  birthPlace: optText(60, 'Tempat lahir'),
  birthDate: isoDate,
  phone: phoneSchema,
  address: optText(300, 'Alamat'),
  rt: rtRw('RT'),
  rw: rtRw('RW'),
  posyanduId: z.string({ message: 'Pilih Posyandu.' }).uuid({ message: 'Pilih Posyandu.' }),
  role: z.enum(KADER_ROLES, { message: 'Pilih jabatan.' }),
  spmFields,
  skNumber: optText(100, 'Nomor SK'),
  skDate: isoDate.nullish().transform((s) => s ?? null),
  education: z.enum(EDUCATION_LEVELS).nullish().transform((s) => s ?? null),
  status: z.enum(KADER_STATUSES).default('aktif'),
  /** When the (new) status took effect; defaults to today in the service. */
  statusDate: isoDate.nullish().transform((s) => s ?? null),
  /** Why the status changed, kept in the dated history. */
  statusNote: optText(300, 'Keterangan status'),
  notes: optText(1000, 'Catatan'),
})

export const KADER_SORTS = ['name', 'posyandu', 'status', 'birthDate', 'updatedAt'] as const

export const kaderListInput = z.object({
  /** Part of the name, or of the NIK (digits). */
  query: z.string().trim().max(100).default(''),
  posyanduId: id.nullish(),
  status: z.enum(KADER_STATUSES).nullish(),
  spmField: z.enum(SPM_FIELDS).nullish(),
  /** true: show only the archived kader (to restore them); false: only the roster. */
  archived: z.boolean().default(false),
  /** Only kader of Posyandu in this kelurahan/desa (choosing training participants). */
  villageCode: villageCode.nullish(),
  sortBy: z.enum(KADER_SORTS).default('name'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})


// ---------------------------------------------------------------- competency and training inputs

const competencyCode = z.string().regex(/^[A-Z][0-9]{1,2}$/, { message: 'Kode keterampilan tidak dikenal.' })

/** Which kader a competency view covers: one Posyandu, or an area (kelurahan, kecamatan, kota). */
export const scopeInput = z.object({
  posyanduId: id.nullish(),
  wilayah: areaCode.nullish(),
})

export const assessorInput = z.object({
  name: reqText(100, 'Nama penilai'),
  nip: z
    .string()
    .nullish()
    .transform((s) => (s ? s.replace(/\s+/g, '') : null))
    .refine((s) => s === null || /^\d{18}$/.test(s), { message: 'NIP harus 18 angka (boleh dikosongkan).' }),
  profession: optText(60, 'Profesi penilai'),
  institution: optText(120, 'Instansi penilai'),
})

export const assessmentInput = z.object({
  kaderId: id,
  competencyCode,
  date: isoDate,
  result: z.enum(ASSESSMENT_RESULTS, { message: 'Pilih hasil: kompeten atau belum kompeten.' }),
  method: z.enum(ASSESSMENT_METHODS, { message: 'Pilih cara penilaian.' }),
  assessor: assessorInput,
  trainingId: id.nullish().transform((s) => s ?? null),
  notes: optText(500, 'Catatan'),
})

export const bulkAssessmentInput = z.object({
  trainingId: id.nullish().transform((s) => s ?? null),
  date: isoDate,
  method: z.enum(ASSESSMENT_METHODS, { message: 'Pilih cara penilaian.' }),
  assessor: assessorInput,
  /** Only the cells a person filled; an empty cell is no judgement. */
  entries: z
    .array(z.object({ kaderId: id, competencyCode, result: z.enum(ASSESSMENT_RESULTS) }))
    .min(1, { message: 'Isi paling sedikit satu hasil penilaian.' })
    .max(20_000),
})

const score = z
  .number({ message: 'Nilai harus angka 0–100.' })
  .min(0, { message: 'Nilai paling kecil 0.' })
  .max(100, { message: 'Nilai paling besar 100.' })
  .nullish()
  .transform((n) => n ?? null)

export const trainingInput = z
  .object({
    title: reqText(200, 'Nama kegiatan'),
    kind: z.enum(TRAINING_KINDS, { message: 'Pilih jenis kegiatan.' }),
    startDate: isoDate,
    endDate: isoDate,
    place: optText(200, 'Tempat'),
    organiser: optText(120, 'Penyelenggara'),
    facilitators: z
      .array(z.string().trim().max(120, { message: 'Nama fasilitator paling panjang 120 huruf.' }))
      .max(30)
      .default([])
      .transform((xs) => xs.filter((x) => x.length > 0)),
    competencies: z
      .array(competencyCode)
      .default([])
      .transform((xs) => [...new Set(xs)]),
    notes: optText(1000, 'Catatan'),
    participantIds: z
      .array(id)
      .max(1000, { message: 'Paling banyak 1.000 peserta dalam satu kegiatan.' })
      .default([])
      .transform((xs) => [...new Set(xs)]),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', path: ['endDate'] })
  .refine((t) => (Date.parse(t.endDate) - Date.parse(t.startDate)) / 86_400_000 < 62, {
    message: 'Satu kegiatan paling lama 61 hari. Catat kegiatan yang lebih panjang sebagai beberapa kegiatan.',
    path: ['endDate'],
  })

export const trainingResultsInput = z.object({
  trainingId: id,
  participants: z
    .array(
      z.object({
        kaderId: id,
        attendance: z.array(isoDate).max(62).transform((xs) => [...new Set(xs)].sort()),
        preScore: score,
        postScore: score,
        certificateNumber: optText(100, 'Nomor sertifikat'),
      }),
    )
    .max(1000),
})

export const MATRIX_SORTS = ['name', 'posyandu', 'level'] as const

export const matrixInput = scopeInput.extend({
  query: z.string().trim().max(100).default(''),
  /** Only kader at this level ('none': without a level yet). */
  level: z.enum([...LEVEL_CODES, 'none']).nullish(),
  /** Only kader who do not hold this code kompeten. */
  lacking: competencyCode.nullish(),
  sortBy: z.enum(MATRIX_SORTS).default('name'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})


// ---------------------------------------------------------------- kunci (office keys)

/** An office's key card as people see it: who, and the fingerprint to read out over the phone. */
export interface KeyCard {
  siteId: string
  level: SiteLevel
  areaCode: string
  areaName: string
  name: string
  /** e.g. "7KQ2-M9XD-4TPA-ZR0C-WE1H": compare it with the office before trusting. */
  fingerprint: string
  createdAt: string
}

export interface TrustedOffice extends KeyCard {
  /** How this office learned the key: a setup bundle from the kota, a card file, or a bundle a person accepted. */
  source: 'pembinaan' | 'kartu' | 'paket'
  trustedAt: string
  /** Set when the kota revoked this key: bundles signed with it are refused. */
  revokedAt: string | null
}

// ---------------------------------------------------------------- paket (bundles) and rekap

/** Where a bundle goes: a level above this office ("level:kota"), an office whose key is trusted ("site:<id>"), or (kota) the setup bundle ("pembinaan"). */
export interface PaketDestination {
  key: string
  name: string
  level: SiteLevel | null
  /** When the last bundle to this destination was made (null: never: the next one carries everything). */
  lastSentAt: string | null
  /** Who will be able to open the bundle (names), e.g. the Puskesmas and the Dinas; empty for a paket pembinaan. */
  readers: string[]
  /** Why a bundle cannot go there yet (its key card is not known here), in Indonesian; null when it can. */
  unavailable: string | null
}

export interface PaketOffice {
  siteId: string
  level: SiteLevel
  areaCode: string
  areaName: string
  name: string
}

/** The readable part of a bundle (the manifest), as the UI and `paket inspect` show it. */
export interface PaketManifestInfo {
  bundleId: string
  formatVersion: number
  schemaVersion: number
  appVersion: string
  catalogueVersion: string
  createdAt: string
  sender: PaketOffice
  recipient: { key: string; name: string; level: SiteLevel | null }
  full: boolean
  /** Lowest and highest record version carried (null when the bundle carries no records). */
  versions: { from: string | null; to: string | null }
  /** Records per kind (table name), e.g. { kader: 30 }. */
  counts: Record<string, number>
  records: number
}

/** A *.simpul file found in the chosen folder. */
export interface PaketFile {
  path: string
  fileName: string
  bytes: number
  modifiedAt: string
  /** Null when the file could not be read; `error` says why (in Indonesian). */
  manifest: PaketManifestInfo | null
  error: string | null
  /** When this office imported it already (null: not yet). */
  importedAt: string | null
  /** Made by this office (nothing to import). */
  own: boolean
}

export interface PaketKindSummary {
  /** Table name (kader, assessment, …); the UI words it. */
  kind: string
  new: number
  updated: number
  unchanged: number
  conflicts: number
  /** Records not taken in (the held ones included). */
  refused: number
  /**
   * Of those, the ones kept aside ("ditahan") because they cannot be judged yet (their writer's
   * key card, their area or their parent record is not known here): judged again at every import.
   */
  held: number
}

export interface PaketRefusal {
  kind: string
  recordId: string
  reason: string
  /** Kept aside to be judged again (ditahan), rather than refused for good. */
  held: boolean
}

/** What an import would do (preview) or did (apply): the same computation, rolled back for a preview. */
/** Who signed a bundle, and what this office knows of that key. */
export interface PaketSenderKey {
  fingerprint: string
  /**
   * trusted: a key this office already trusts; unknown: first bundle from this office (a person
   * must compare the fingerprint with the sender, e.g. by phone, and accept it); changed: the
   * office is known under another key (accept only after checking: a new PC or a rotated key).
   */
  status: 'trusted' | 'unknown' | 'changed'
}

export interface PaketImportSummary {
  manifest: PaketManifestInfo
  fileName: string
  senderKey: PaketSenderKey
  /** Whole days between the bundle's creation and now. */
  ageDays: number
  /** Set when this bundle was imported before (then nothing changes). */
  alreadyImportedAt: string | null
  kinds: PaketKindSummary[]
  /** The first refusals with their reasons (all are counted in `kinds`). */
  refusals: PaketRefusal[]
  /** New same-NIK pairs flagged for a merge decision. */
  duplicates: number
  /** Catalogue versions installed from the bundle (reference data from a higher level). */
  catalogues: string[]
  /** Records written (new + updated); 0 means the database did not change. */
  changes: number
  /** Records held from earlier bundles that this import's knowledge let in (counted in `changes`). */
  released: number
  /** Records held here in all, waiting for knowledge, after this import. */
  heldTotal: number
  /** Offices whose key cards this bundle taught (names): bundles to them can be made now. */
  learnedCards: string[]
  warnings: string[]
  applied: boolean
}

export interface PaketExportResult {
  path: string
  fileName: string
  bytes: number
  records: number
  counts: Record<string, number>
  full: boolean
  /**
   * Changes made here that other offices will refuse (a kind this office may not change, e.g. an
   * assessment entered at a kelurahan), in Indonesian; empty when there are none.
   */
  warnings: string[]
}

export interface PaketHistory {
  sent: { bundleId: string; destinationName: string; full: boolean; createdAt: string; fileName: string; records: number }[]
  received: { bundleId: string; senderName: string; senderLevel: string; createdAt: string; importedAt: string; fileName: string; changes: number }[]
}

export interface PaketConflict {
  id: number
  kind: string
  recordId: string
  /** Who or what the record is, in words (kader name, meeting title…). */
  label: string
  field: string
  keptValue: unknown
  keptOffice: string
  lostValue: unknown
  lostOffice: string
  detectedAt: string
  resolvedAt: string | null
  resolution: 'kept' | 'restored' | null
}

export interface KaderDuplicatePair {
  id: number
  nik: string
  a: { id: string; name: string; posyandu: string; village: string; birthDate: string; office: string; assessments: number }
  b: { id: string; name: string; posyandu: string; village: string; birthDate: string; office: string; assessments: number }
  detectedAt: string
  resolvedAt: string | null
  resolution: 'merged' | 'different' | null
}

export interface RekapCounts {
  posyandu: number
  activeKader: number
  /** Active kader per level: none, purwa, madya, utama. */
  levels: { none: number; purwa: number; madya: number; utama: number }
  /** Per competency group (catalogue order): active kader holding the whole group (TKK). */
  groups: { code: string; complete: number }[]
  /** Trainings with at least one participant here, held in the year. */
  trainings: number
  /** Meetings held here in the year. */
  meetings: number
  followUpsOpen: number
  followUpsOverdue: number
}

export interface RekapNode extends RekapCounts {
  code: string
  name: string
  kind: 'kecamatan' | 'kelurahan' | 'posyandu'
  /** Newest bundle received from an office of this area (directly or relayed); null: never. */
  lastBundleAt: string | null
  ageDays: number | null
  children: RekapNode[]
}

export interface RekapOffice extends PaketOffice {
  lastBundleAt: string | null
  ageDays: number | null
  /** When this office last imported a bundle made by that office (null: only heard of it through others). */
  lastImportedAt: string | null
}

export interface Rekap {
  scope: { code: string; name: string; level: SiteLevel }
  year: number
  /** The date the ages are counted to (YYYY-MM-DD). */
  today: string
  total: RekapCounts
  /** The competency groups of the catalogue in force (the order of `groups` in every count). */
  groupNames: { code: string; name: string }[]
  /** Kecamatan at the kota, kelurahan at a kecamatan or Puskesmas, Posyandu at a kelurahan. */
  nodes: RekapNode[]
  /** Offices heard of, the longest silent first. */
  offices: RekapOffice[]
  followUpsPerOpd: { opdId: string; name: string; open: number; overdue: number }[]
}

// ---------------------------------------------------------------- meeting and follow-up inputs

const hhmm = z
  .string()
  .trim()
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'Jam ditulis seperti 09:00.' })

export const opdInput = z.object({
  name: reqText(120, 'Nama OPD'),
  spmFields: z.array(z.enum(SPM_FIELDS)).default([]).transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f))),
  active: z.boolean().default(true),
})

export const attendeeInput = z.object({
  name: reqText(100, 'Nama peserta'),
  position: optText(100, 'Jabatan'),
  institution: optText(120, 'Instansi'),
  opdId: id.nullish().transform((s) => s ?? null),
  phone: phoneSchema,
  present: z.boolean().default(true),
})

export const meetingInput = z.object({
  level: z.enum(MEETING_LEVELS, { message: 'Pilih tingkat Tim Pembina.' }),
  kind: z.enum(MEETING_KINDS, { message: 'Pilih jenis kegiatan.' }),
  title: reqText(200, 'Judul rapat'),
  date: isoDate,
  startTime: hhmm,
  endTime: hhmm,
  place: optText(200, 'Tempat'),
  chair: optText(100, 'Pimpinan rapat'),
  minuteTaker: optText(100, 'Notulis'),
  invitationNumber: optText(100, 'Nomor undangan'),
  posyanduId: id.nullish().transform((s) => s ?? null),
  spmFields: z.array(z.enum(SPM_FIELDS)).default([]).transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f))),
  agenda: z
    .array(z.object({ title: reqText(200, 'Judul agenda'), minutes: z.string().max(50_000, { message: 'Notulen satu agenda paling panjang 50.000 huruf.' }).default('') }))
    .max(30, { message: 'Paling banyak 30 agenda.' })
    .default([]),
  conclusions: z.string().max(20_000, { message: 'Kesimpulan paling panjang 20.000 huruf.' }).default(''),
  /** The whole attendance list, in order (replaces the saved one). */
  attendees: z.array(attendeeInput).max(500, { message: 'Paling banyak 500 peserta.' }).default([]),
})

export const followUpInput = z.object({
  source: z.enum(FOLLOW_UP_SOURCES, { message: 'Pilih asal tindak lanjut.' }),
  meetingId: id.nullish().transform((s) => s ?? null),
  date: isoDate,
  posyanduId: id.nullish().transform((s) => s ?? null),
  spmField: z.enum(SPM_FIELDS).nullish().transform((s) => s ?? null),
  description: reqText(2000, 'Uraian masalah dan tindak lanjut'),
  reporter: optText(100, 'Pelapor'),
  opdId: z.string({ message: 'Pilih OPD penanggung jawab.' }).uuid({ message: 'Pilih OPD penanggung jawab.' }),
  dueDate: isoDate,
})

export const followUpProgressInput = z.object({
  id,
  date: isoDate,
  status: z.enum(FOLLOW_UP_STATUSES, { message: 'Pilih status.' }),
  note: optText(2000, 'Catatan perkembangan'),
  /** Required when the status becomes selesai: what shows it was done. */
  closingEvidence: optText(2000, 'Bukti penyelesaian'),
})

export const followUpListInput = z.object({
  /** 'open' = baru or diproses; 'overdue' = open and past the deadline. */
  state: z.enum(['all', 'open', 'overdue', ...FOLLOW_UP_STATUSES]).default('all'),
  opdId: id.nullish(),
  meetingId: id.nullish(),
  query: z.string().trim().max(100).default(''),
})

export const printRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kartuKader'), kaderId: id }),
  z.object({ kind: z.literal('daftarHadir'), trainingId: id }),
  z.object({ kind: z.literal('notulen'), meetingId: id }),
])
export type PrintRequest = z.output<typeof printRequest>

// ---------------------------------------------------------------- spreadsheets (issue 7)

/**
 * What a roster column can hold. `birthPlaceDate` is the usual combined "Tempat/Tgl Lahir"
 * column ("Tangerang, 12-04-1985"); `rtRw` the combined "RT/RW" ("003/005").
 */
export const KADER_IMPORT_FIELDS = [
  'name',
  'nik',
  'sex',
  'birthPlace',
  'birthDate',
  'birthPlaceDate',
  'address',
  'rt',
  'rw',
  'rtRw',
  'phone',
  'posyandu',
  'role',
  'education',
  'skNumber',
  'skDate',
  'status',
  'notes',
] as const
export type KaderImportField = (typeof KADER_IMPORT_FIELDS)[number]

export interface KaderImportSheet {
  name: string
  /** Rows holding anything. */
  rows: number
}

export interface KaderImportColumn {
  /** 1-based column number in the sheet. */
  index: number
  /** The heading text as written (merged heading cells read as one). */
  heading: string
  /** The field it was matched to (automatically by its usual Indonesian heading, or by the person); null: ignored. */
  field: KaderImportField | null
  /** A few values from the rows below, as text, for the person to recognise the column. */
  samples: string[]
}

/** A spreadsheet's layout: its sheets, the chosen sheet's header row and columns. */
export interface KaderImportLayout {
  path: string
  fileName: string
  sheets: KaderImportSheet[]
  sheet: string
  /** 1-based row number of the header (title rows above it are skipped). */
  headerRow: number
  columns: KaderImportColumn[]
}

export interface KaderImportProblem {
  field: KaderImportField | 'row'
  /** In Indonesian, saying what is wrong and what was done or must be done. */
  message: string
  /** error: the row cannot be saved as it is; warning: saved, but look (e.g. NIK and birth date disagree). */
  severity: 'error' | 'warning'
}

/** One roster row as it will be saved. */
export interface KaderImportRow {
  /** 1-based row number in the sheet, as the person sees it in Excel. */
  row: number
  action: 'new' | 'update' | 'error'
  /** The kader updated (matched by NIK) when action = update. */
  existingKaderId: string | null
  values: {
    name: string | null
    nik: string | null
    sex: 'L' | 'P' | null
    birthPlace: string | null
    birthDate: string | null
    address: string | null
    rt: string | null
    rw: string | null
    phone: string | null
    /** The Posyandu name as written in the file. */
    posyanduName: string | null
    /** Where it will go (matched, chosen or to be created); null when undecided. */
    posyanduId: string | null
    role: string | null
    education: string | null
    skNumber: string | null
    skDate: string | null
    status: string | null
    notes: string | null
  }
  /** The cells as written, per field, for showing next to the problems. */
  raw: Partial<Record<KaderImportField, string>>
  problems: KaderImportProblem[]
}

/** A Posyandu name from the file and how it maps to the register. */
export interface KaderImportPosyandu {
  /** As written in the file (trimmed). */
  name: string
  rows: number
  /** The Posyandu it goes to: matched by name, or chosen by the person. "new": to be created. Null: undecided (rows are errors). */
  choice: { kind: 'existing'; id: string; name: string } | { kind: 'new' } | null
  /** The closest names in the register, best first. */
  suggestions: { id: string; name: string }[]
}

export interface KaderImportPreview {
  layout: KaderImportLayout
  rows: KaderImportRow[]
  posyandu: KaderImportPosyandu[]
  counts: { new: number; update: number; error: number; warnings: number; blank: number }
}

export interface KaderImportResult {
  created: number
  updated: number
  skipped: number
  posyanduCreated: number
  /** The error report (.xlsx) written beside the roster for the skipped rows; null when none. */
  errorReport: string | null
}

export const EXPORT_KINDS = ['roster', 'matrix', 'training', 'tindak-lanjut', 'rekap'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export interface ExportResult {
  path: string
  fileName: string
  rows: number
}

const kaderImportSource = z.object({
  path: reqText(1000, 'Berkas'),
  /** Null: the first sheet that looks like a roster. */
  sheet: z.string().max(200).nullish(),
  /** Null: detected (the row with the most known headings). */
  headerRow: z.number().int().min(1).max(1000).nullish(),
})
const kaderImportChoices = kaderImportSource.extend({
  /** Column number → field (or null: ignore). Missing columns keep the automatic match. */
  mapping: z.record(z.string(), z.enum(KADER_IMPORT_FIELDS).nullable()).default({}),
  /** Posyandu name as written → an existing Posyandu id, or "new" to create it. */
  posyandu: z.record(z.string(), z.union([id, z.literal('new')])).default({}),
})
export const kaderImportInput = kaderImportChoices
export const exportInput = z.object({
  what: z.enum(EXPORT_KINDS),
  /** Folder to write into; the file name says what, which office and when. */
  folder: reqText(1000, 'Folder'),
  /** Roster (and training participants): the full NIK (otherwise masked as on screen, 367101******0001). */
  fullNik: z.boolean().default(false),
  /** Rekap and the trainings of a year: which year (default: this year). The roster is always the whole roster. */
  year: z.number().int().min(2000).max(2100).nullish(),
  trainingId: id.nullish(),
})

const empty = z.object({}).strict()

// ---------------------------------------------------------------- the contract

export const contract = {
  'app:info': { input: empty, output: out<AppInfo>() },

  'settings:get': { input: empty, output: out<Settings>() },
  'settings:set': {
    input: z
      .object({
        language: z.enum(['id', 'en']),
        minKaderPerPosyandu: z.number().int().min(1, { message: 'Paling sedikit 1.' }).max(100),
      })
      .partial(),
    output: out<Settings>(),
  },

  'site:get': { input: empty, output: out<Site | null>() },
  'site:setup': { input: siteSetupInput, output: out<Site>() },
  /** The kelurahan/desa this office works in (its own, its covered ones, or all under its area). */
  'site:villages': { input: empty, output: out<Area[]>() },
  /** The person has read the notice about the new identity (Site.identityRenewal). */
  'site:acknowledgeRenewal': { input: empty, output: out<Site>() },

  'area:search': {
    input: z.object({
      query: z.string().trim().min(1).max(100),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullish(),
      withinCode: areaCode.nullish(),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: out<Area[]>(),
  },
  'area:children': { input: z.object({ parentCode: areaCode.nullable() }), output: out<Area[]>() },
  'area:get': { input: z.object({ code: areaCode }), output: out<Area>() },

  'beranda:summary': { input: empty, output: out<BerandaSummary>() },
  /** Follow-ups still open and those past their deadline: shown in the menu on every screen. */
  'beranda:followUps': { input: empty, output: out<{ open: number; overdue: number }>() },

  'posyandu:list': {
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: out<Posyandu[]>(),
  },
  'posyandu:get': { input: z.object({ id }), output: out<Posyandu>() },
  'posyandu:create': { input: posyanduInput, output: out<Posyandu>() },
  'posyandu:update': { input: posyanduInput.extend({ id }), output: out<Posyandu>() },

  'kader:list': { input: kaderListInput, output: out<{ total: number; rows: KaderRow[] }>() },
  'kader:get': { input: z.object({ id }), output: out<Kader>() },
  'kader:checkNik': {
    input: z.object({
      nik: z.string().max(40),
      birthDate: isoDate.nullish(),
      sex: z.enum(SEXES).nullish(),
      excludeId: id.nullish(),
    }),
    output: out<NikCheck>(),
  },
  'kader:create': { input: kaderInput, output: out<KaderSaved>() },
  'kader:update': { input: kaderInput.extend({ id }), output: out<KaderSaved>() },
  /** Archive = tombstone: the kader leaves the roster (and, later, travels as deleted). */
  'kader:archive': { input: z.object({ id }), output: out<{ id: string }>() },
  /** Undo of archive. Refused with duplicate_nik if another kader took the NIK meanwhile. */
  'kader:restore': { input: z.object({ id }), output: out<Kader>() },

  /** A roster spreadsheet's sheets, header row and columns with their automatic match. */
  'kaderImpor:read': { input: kaderImportSource, output: out<KaderImportLayout>() },
  /** Every row as it will be saved, with its problems per cell; the database does not change. */
  'kaderImpor:preview': { input: kaderImportChoices, output: out<KaderImportPreview>() },
  /** Saves the rows without errors (new kader, or updates matched by NIK) in one transaction; the rest go to an error report. */
  'kaderImpor:apply': { input: kaderImportChoices, output: out<KaderImportResult>() },
  /** Writes one list or report as a real spreadsheet (.xlsx) into a folder. */
  'ekspor:xlsx': { input: exportInput, output: out<ExportResult>() },

  /** The competency catalogue in force and the versions held. */
  'competency:catalogue': { input: empty, output: out<CatalogueInfo>() },
  /** Installs a catalogue (JSON text); keeps every assessment and recomputes levels. */
  'competency:installCatalogue': { input: z.object({ json: z.string().max(500_000) }), output: out<CatalogueInfo>() },
  'competency:kader': { input: z.object({ kaderId: id }), output: out<KaderCompetency>() },
  'competency:assess': { input: assessmentInput, output: out<KaderCompetency>() },
  /** The training grid: many kader × competencies in one transaction. */
  'competency:assessBulk': { input: bulkAssessmentInput, output: out<{ saved: number; levelChanges: number }>() },
  'competency:matrix': { input: matrixInput, output: out<{ total: number; rows: MatrixRow[] }>() },
  /** The matrix rows of named kader (a class, a proposed cohort), in the order asked; archived ones left out. */
  'competency:rows': {
    input: z.object({ kaderIds: z.array(id).max(1000, { message: 'Paling banyak 1.000 kader sekaligus.' }) }),
    output: out<MatrixRow[]>(),
  },
  'competency:summary': { input: scopeInput, output: out<CompetencySummary>() },
  'competency:needs': {
    input: scopeInput.extend({ classSize: z.number().int().min(5).max(100).default(30) }),
    output: out<TrainingNeeds>(),
  },

  'training:list': {
    input: z.object({ query: z.string().trim().max(100).default('') }),
    output: out<TrainingRow[]>(),
  },
  'training:get': { input: z.object({ id }), output: out<Training>() },
  'training:create': { input: trainingInput, output: out<Training>() },
  /** Replaces the details and the participant list (removed participants keep their results). */
  'training:update': { input: trainingInput.and(z.object({ id })), output: out<Training>() },
  /** Attendance per day, pre/post test scores and certificate numbers. */
  'training:results': { input: trainingResultsInput, output: out<Training>() },
  'training:archive': { input: z.object({ id }), output: out<{ id: string }>() },

  /** A printable document (preview in the UI, PDF in the desktop app). */
  'print:document': { input: printRequest, output: out<PrintDocument>() },
  /** Desktop only: prints the document to a PDF file the person chooses. Null when cancelled. */
  'print:savePdf': { input: printRequest, output: out<{ path: string } | null>() },

  'opd:list': { input: z.object({ includeInactive: z.boolean().default(false) }), output: out<Opd[]>() },
  'opd:create': { input: opdInput, output: out<Opd>() },
  'opd:update': { input: opdInput.extend({ id }), output: out<Opd>() },

  'meeting:list': {
    input: z.object({ query: z.string().trim().max(100).default(''), level: z.enum(MEETING_LEVELS).nullish() }),
    output: out<MeetingRow[]>(),
  },
  'meeting:get': { input: z.object({ id }), output: out<Meeting>() },
  'meeting:create': { input: meetingInput, output: out<Meeting>() },
  'meeting:update': { input: meetingInput.extend({ id }), output: out<Meeting>() },
  'meeting:archive': { input: z.object({ id }), output: out<{ id: string }>() },
  /** A photo or a scanned signed attendance list, sent as base64; stored once per content (SHA-256). */
  'meeting:addAttachment': {
    input: z.object({
      meetingId: id,
      fileName: reqText(200, 'Nama berkas'),
      kind: z.enum(ATTACHMENT_KINDS),
      mime: z.string().max(100),
      dataBase64: z.string().max(12_000_000, { message: 'Berkas terlalu besar. Paling besar 8 MB.' }),
    }),
    output: out<AttachmentInfo>(),
  },
  'meeting:removeAttachment': { input: z.object({ id }), output: out<{ id: string }>() },
  'meeting:attachment': { input: z.object({ id }), output: out<{ fileName: string; mime: string; dataBase64: string }>() },

  'followUp:list': { input: followUpListInput, output: out<FollowUpRow[]>() },
  'followUp:get': { input: z.object({ id }), output: out<FollowUp>() },
  'followUp:create': { input: followUpInput, output: out<FollowUp>() },
  'followUp:update': { input: followUpInput.extend({ id }), output: out<FollowUp>() },
  /** A dated progress note that may change the status; closing as selesai needs evidence. */
  'followUp:progress': { input: followUpProgressInput, output: out<FollowUp>() },
  'followUp:board': { input: empty, output: out<OpdBoardRow[]>() },

  /** This office's destinations and the folder bundles were last written to or read from. */
  'paket:state': { input: empty, output: out<{ folder: string; destinations: PaketDestination[]; self: PaketOffice }>() },
  /** Writes a bundle into the folder (atomically, then reads it back). Progress events: task "paket". */
  'paket:export': {
    input: z.object({ folder: reqText(1000, 'Folder'), destination: z.string().min(1), full: z.boolean().default(false) }),
    output: out<PaketExportResult>(),
  },
  /** The *.simpul files in a folder, newest first, with their manifests. */
  'paket:scan': { input: z.object({ folder: reqText(1000, 'Folder') }), output: out<PaketFile[]>() },
  /** What importing the file would do; the database does not change. */
  'paket:preview': { input: z.object({ path: reqText(1000, 'Berkas') }), output: out<PaketImportSummary>() },
  /** Imports the file, all or nothing. */
  /**
   * Imports the file, all or nothing. A sender whose key is not trusted yet is refused unless
   * `acceptFingerprint` equals its fingerprint (a person compared it with the sender).
   */
  'paket:import': {
    input: z.object({ path: reqText(1000, 'Berkas'), acceptFingerprint: z.string().trim().max(40).nullish() }),
    output: out<PaketImportSummary>(),
  },

  /** This office's key card and the offices whose keys it trusts. */
  'kunci:state': { input: empty, output: out<{ self: KeyCard; trusted: TrustedOffice[] }>() },
  /** Writes this office's key card (*.simpul-kunci) into a folder, to hand to another office. */
  'kunci:saveCard': { input: z.object({ folder: reqText(1000, 'Folder') }), output: out<{ path: string; fileName: string; fingerprint: string }>() },
  /** Reads a key card file: who it names, and whether this office knows that office already. */
  'kunci:readCard': { input: z.object({ path: reqText(1000, 'Berkas') }), output: out<{ card: KeyCard; status: 'new' | 'trusted' | 'changed' | 'self' }>() },
  /** Replaces this office's keys; offices that trusted the old key take the new one from the next bundle. */
  'kunci:rotate': { input: empty, output: out<KeyCard>() },
  /** Kota only: revokes a trusted office's key (a lost laptop); the statement travels with every bundle. */
  'kunci:revoke': { input: z.object({ siteId: z.string().min(1).max(64), reason: reqText(500, 'Alasan') }), output: out<TrustedOffice>() },
  /** Trusts the office of a key card; `fingerprint` is what the person confirmed (must match the card). */
  'kunci:trustCard': { input: z.object({ path: reqText(1000, 'Berkas'), fingerprint: z.string().trim().min(1).max(40) }), output: out<TrustedOffice>() },
  'paket:history': { input: empty, output: out<PaketHistory>() },
  'paket:conflicts': { input: z.object({ includeResolved: z.boolean().default(false) }), output: out<PaketConflict[]>() },
  /** kept: the winner stays; restored: the losing value is written back as a new change (it travels). */
  'paket:resolveConflict': { input: z.object({ id: z.number().int(), choice: z.enum(['kept', 'restored']) }), output: out<PaketConflict>() },
  'paket:duplicates': { input: z.object({ includeResolved: z.boolean().default(false) }), output: out<KaderDuplicatePair[]>() },
  /** merged: `keepId` stays and the other kader's history moves to it; different: two people after all. */
  'paket:resolveDuplicate': {
    input: z.object({ id: z.number().int(), choice: z.enum(['merged', 'different']), keepId: id.nullish() }),
    output: out<KaderDuplicatePair>(),
  },
  /** Desktop only: a folder chosen in the system dialog (null when cancelled). */
  'paket:chooseFolder': { input: empty, output: out<{ folder: string } | null>() },
  /** Desktop only: a spreadsheet (.xlsx, .csv) chosen in the system open dialog (null when cancelled). */
  'app:chooseFile': { input: empty, output: out<{ path: string } | null>() },

  /** The recap of this office's area: per kecamatan, kelurahan and Posyandu, and the silent offices. */
  'rekap:get': { input: z.object({ year: z.number().int().min(2000).max(2100).nullish() }), output: out<Rekap>() },

  /** Full-text search over minutes, decisions and follow-ups (FTS5, Indonesian affixes folded). */
  'search:query': {
    input: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(30) }),
    output: out<SearchHit[]>(),
  },
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
/** What the caller passes (before zod defaults and transforms). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = Contract[C]['output']

/** Events pushed from core to UI via `on` (progress of long tasks). */
export interface Events {
  progress: { task: string; done: number; total: number; label: string }
}
export type EventName = keyof Events

export type { AreaLevel, EducationLevel, KaderRole, KaderStatus, Sex, SiteLevel, SpmField, NikWarning }
export type { AssessmentMethod, AssessmentResult, Catalogue, LevelCode, NextLevelNeed, TrainingKind }
export type { AttachmentKind, FollowUpSource, FollowUpStatus, MeetingKind, MeetingLevel }

/** The API the preload exposes as window.simpul and the HTTP client mimics. */
export interface SimpulApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<import('./result').Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
