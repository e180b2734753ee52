// The building blocks every feature's contract uses: the zod field schemas (with their
// Indonesian messages), the phantom marker for output types and the empty input. Every
// feature file imports this one, so the zod locale below is set before any call is parsed.

import { z } from 'zod'
import { SPM_FIELDS } from '../domain/reference'
import { normalisePhone } from '../domain/phone'

// Indonesian default messages for anything a field below does not word itself.
z.config(z.locales.id())

/** Phantom marker for an output type: the contract carries types, not runtime schemas, for outputs. */
export const out = <T>() => undefined as unknown as T

// ---------------------------------------------------------------- field schemas

export const id = z.string().uuid({ message: 'Pengenal data tidak sah.' })
export const isoDate = z
  .string({ message: 'Tanggal wajib diisi.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus diisi lengkap (hari, bulan, tahun).' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Tanggal itu tidak ada di kalender.',
  })
/** Optional free text: blank becomes null so the database never holds "". */
export const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} paling panjang ${max} huruf.` })
    .nullish()
    .transform((s) => (s ? s : null))
export const reqText = (max: number, label: string) =>
  z
    .string({ message: `${label} wajib diisi.` })
    .trim()
    .min(1, { message: `${label} wajib diisi.` })
    .max(max, { message: `${label} paling panjang ${max} huruf.` })
/** RT/RW: 1–3 digits, stored zero-padded ("003") as written on KTP. */
export const rtRw = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((s) => (s ? s.replace(/^0+(?=\d)/, '') : null))
    .refine((s) => s === null || /^\d{1,3}$/.test(s), { message: `${label} harus berupa angka 1–3 digit, mis. 003.` })
    .transform((s) => (s === null ? null : s.padStart(3, '0')))
export const areaCode = z.string().trim().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
  message: 'Kode wilayah harus berbentuk kode Kemendagri, mis. 36.71.01.1001.',
})
export const villageCode = z.string().trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, {
  message: 'Pilih kelurahan/desa dari daftar wilayah.',
})
export const spmFields = z
  .array(z.enum(SPM_FIELDS), { message: 'Pilih bidang SPM.' })
  .min(1, { message: 'Pilih paling sedikit satu bidang SPM.' })
  .transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f)))

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

/** A competency code as the catalogue writes it (e.g. C1): assessments, trainings and the matrix filter use it. */
export const competencyCode = z.string().regex(/^[A-Z][0-9]{1,2}$/, { message: 'Kode keterampilan tidak dikenal.' })

/** The input of a call that takes none (extra keys refused). */
export const empty = z.object({}).strict()
