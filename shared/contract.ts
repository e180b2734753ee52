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
  /** Active Posyandu whose active kader are below the minKaderPerPosyandu setting. */
  posyanduBelowMinimum: { id: string; name: string; activeKaderCount: number }[]
}

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  areaSource: string
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
  sortBy: z.enum(KADER_SORTS).default('name'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
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

/** The API the preload exposes as window.simpul and the HTTP client mimics. */
export interface SimpulApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<import('./result').Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
