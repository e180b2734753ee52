// The kader roster: list, form, NIK check, archive and restore.

import { z } from 'zod'
import {
  EDUCATION_LEVELS,
  KADER_ROLES,
  KADER_STATUSES,
  SEXES,
  SPM_FIELDS,
  type EducationLevel,
  type KaderRole,
  type KaderStatus,
  type Sex,
  type SpmField,
} from '../domain/reference'
import { cleanNik, type NikWarning } from '../domain/nik'
import { id, isoDate, optText, out, phoneSchema, reqText, rtRw, spmFields, villageCode } from './common'

// ---------------------------------------------------------------- outputs

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
  /** Found only with one slip in a word of the search ("kadr" for "kader"): no name answered it exactly. */
  similar?: true
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

// ---------------------------------------------------------------- inputs

export const nikSchema = z
  .string({ message: 'NIK wajib diisi.' })
  .transform(cleanNik)
  .refine((s) => /^\d{16}$/.test(s), { message: 'NIK harus 16 angka, tanpa spasi atau huruf.' })

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

// ---------------------------------------------------------------- channels

export const kaderChannels = {
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
