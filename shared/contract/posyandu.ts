// The Posyandu register, its registration papers (issue 18) and the Pustu of each kelurahan/desa.

import { z } from 'zod'
import type { SpmField } from '../domain/reference'
import { id, isoDate, optText, out, reqText, rtRw, spmFields, villageCode } from './common'

// ---------------------------------------------------------------- reference

/** Registration with Kemendagri (the registry every Posyandu serving the six SPM fields joins). */
export const REGISTRATION_STATUSES = ['belum_terdaftar', 'terdaftar'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** The pengurus taken from the roster: kader.role values. Ketua bidang stay in the roster. */
export const PENGURUS_ROLES = ['ketua', 'sekretaris', 'bendahara'] as const
export type PengurusRole = (typeof PENGURUS_ROLES)[number]

// ---------------------------------------------------------------- outputs

export interface PengurusHolder {
  id: string
  name: string
}

export interface Posyandu {
  id: string
  name: string
  villageCode: string
  villageName: string
  rw: string | null
  address: string | null
  /** The Puskesmas pembina's name as recorded (chosen from the list, or typed before registration existed). */
  puskesmas: string | null
  /** The Puskesmas pembina's office (its site id, from the offices this app knows). */
  puskesmasCode: string | null
  schedule: string | null
  spmFields: SpmField[]
  active: boolean
  /** Kader with status aktif and not archived. */
  activeKaderCount: number
  skNumber: string | null
  skDate: string | null
  /** The lurah / kepala desa who signed the SK. */
  skSigner: string | null
  musyawarahDate: string | null
  registrationStatus: RegistrationStatus
  registeredDate: string | null
  registryNumber: string | null
  pustuId: string | null
  pustuName: string | null
  /** Active kader holding each pengurus role; more than one ketua is a warning. */
  pengurus: Record<PengurusRole, PengurusHolder[]>
  createdAt: string
  updatedAt: string
}

export interface Pustu {
  id: string
  villageCode: string
  villageName: string
  name: string
  address: string | null
  /** Posyandu (not deleted) that point at it. */
  posyanduCount: number
}

/** A Puskesmas this office knows (itself, or an office heard of through paket) serving a village. */
export interface PuskesmasOption {
  code: string
  name: string
  /** The kelurahan/desa it serves (its key card's list). */
  villageCodes: string[]
}

// ---------------------------------------------------------------- inputs

/** An optional date typed in a form: blank is "not known". */
const optDate = z
  .union([z.literal(''), isoDate])
  .nullish()
  .transform((s) => (s ? s : null))

/** A chosen record's id, or blank for none. */
const optId = z
  .union([z.literal(''), id])
  .nullish()
  .transform((s) => (s ? s : null))

export const posyanduInput = z.object({
  name: reqText(100, 'Nama Posyandu'),
  villageCode,
  rw: rtRw('RW'),
  address: optText(300, 'Alamat'),
  schedule: optText(200, 'Jadwal buka'),
  spmFields,
  active: z.boolean().default(true),
  skNumber: optText(100, 'Nomor SK pembentukan'),
  skDate: optDate,
  skSigner: optText(100, 'Nama penanda tangan SK'),
  musyawarahDate: optDate,
  registrationStatus: z.enum(REGISTRATION_STATUSES, { message: 'Pilih status pendaftaran.' }).default('belum_terdaftar'),
  registeredDate: optDate,
  registryNumber: optText(100, 'Nomor registrasi'),
  /** A Puskesmas office's code from `posyandu:puskesmasOptions`. */
  puskesmasCode: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((s) => (s ? s : null)),
  pustuId: optId,
  /**
   * Who holds each pengurus role, among the Posyandu's kader: a role left out is not changed, a
   * blank one is left empty (its holders become kader). Only on update: a new Posyandu has no kader.
   */
  pengurus: z
    .object({ ketua: optId.optional(), sekretaris: optId.optional(), bendahara: optId.optional() })
    .default({}),
})

export const pustuInput = z.object({
  villageCode,
  name: reqText(100, 'Nama Pustu'),
  address: optText(300, 'Alamat'),
})

// ---------------------------------------------------------------- channels

export const posyanduChannels = {
  'posyandu:list': {
    input: z.object({
      includeInactive: z.boolean().default(true),
      registrationStatus: z.enum(REGISTRATION_STATUSES).nullish(),
    }),
    output: out<Posyandu[]>(),
  },
  'posyandu:get': { input: z.object({ id }), output: out<Posyandu>() },
  'posyandu:create': { input: posyanduInput, output: out<Posyandu>() },
  'posyandu:update': { input: posyanduInput.extend({ id }), output: out<Posyandu>() },
  'posyandu:puskesmasOptions': { input: z.object({}), output: out<PuskesmasOption[]>() },
  'pustu:list': { input: z.object({ villageCode: villageCode.nullish() }), output: out<Pustu[]>() },
  'pustu:create': { input: pustuInput, output: out<Pustu>() },
  'pustu:update': { input: pustuInput.extend({ id }), output: out<Pustu>() },
} as const
