// NIK (Nomor Induk Kependudukan): 16 digits = 6-digit kecamatan code of first registration
// + DDMMYY birth date (women: day + 40) + 4-digit serial. There is no check digit.
// Hand-written on purpose: the npm package nik-parser gets sex and century wrong (domain.md).
// Whether the kecamatan exists needs the area list, so the service checks that part.

import type { Sex } from './reference'

export interface ParsedNik {
  /** Kemendagri kecamatan code with dots, e.g. "36.71.01". */
  districtCode: string
  /** Birth date as the NIK encodes it, "YYYY-MM-DD" (century inferred, see parseNik). */
  birthDate: string
  sex: Sex
  serial: string
}

export type NikProblem = 'shape' | 'date' | 'serial'
export type NikParse = { ok: true; value: ParsedNik } | { ok: false; problem: NikProblem; message: string }

export const NIK_MESSAGES: Record<NikProblem | 'district', string> = {
  shape: 'NIK harus 16 angka, tanpa spasi atau huruf.',
  date: 'Angka tanggal lahir di dalam NIK (digit 7–12) bukan tanggal yang ada. Periksa kembali NIK pada KTP/KK.',
  serial: 'Nomor urut di akhir NIK (4 digit terakhir) tidak boleh 0000.',
  district: 'Kode kecamatan di awal NIK (6 digit pertama) tidak ada dalam daftar wilayah Kemendagri.',
}

/** Strips the spaces, dots and dashes people type inside a NIK; anything else is kept to be refused. */
export function cleanNik(input: string): string {
  return input.replace(/[\s.-]/g, '')
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/**
 * Parses a NIK. The two-digit year is read as the latest year not after `today`
 * (a NIK "…0105…" issued today is 2005, not 1905; "…0199…" is 1999).
 */
export function parseNik(input: string, today: Date = new Date()): NikParse {
  const nik = cleanNik(input)
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'shape', message: NIK_MESSAGES.shape }
  const districtCode = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`
  let day = Number(nik.slice(6, 8))
  const month = Number(nik.slice(8, 10))
  const yy = Number(nik.slice(10, 12))
  let sex: Sex = 'L'
  if (day > 40) {
    sex = 'P'
    day -= 40
  }
  const thisYear = today.getUTCFullYear()
  let year = 2000 + yy
  if (year > thisYear) year -= 100
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'date', message: NIK_MESSAGES.date }
  const birthDate = `${year}-${pad(month)}-${pad(day)}`
  if (birthDate > today.toISOString().slice(0, 10)) {
    // The same two digits a century earlier is the only real reading of a future date.
    year -= 100
  }
  const serial = nik.slice(12)
  if (serial === '0000') return { ok: false, problem: 'serial', message: NIK_MESSAGES.serial }
  return { ok: true, value: { districtCode, birthDate: `${year}-${pad(month)}-${pad(day)}`, sex, serial } }
}

export interface NikWarning {
  code: 'birth_date_mismatch' | 'sex_mismatch'
  message: string
}

/**
 * Compares a parsed NIK with what was entered. Disagreement is a warning, never a refusal:
 * the NIK may have been issued with a wrong date, and the person's papers decide.
 * The century is ignored because the NIK only holds two digits of the year.
 */
export function compareNik(parsed: ParsedNik, entered: { birthDate?: string | null; sex?: Sex | null }): NikWarning[] {
  const warnings: NikWarning[] = []
  if (entered.birthDate && entered.birthDate.slice(2) !== parsed.birthDate.slice(2)) {
    warnings.push({
      code: 'birth_date_mismatch',
      message: 'Tanggal lahir tidak sama dengan tanggal di dalam NIK. Periksa KTP; data tetap dapat disimpan.',
    })
  }
  if (entered.sex && entered.sex !== parsed.sex) {
    warnings.push({
      code: 'sex_mismatch',
      message:
        parsed.sex === 'P'
          ? 'NIK ini milik perempuan (tanggal di NIK ditambah 40), tetapi jenis kelamin diisi laki-laki. Data tetap dapat disimpan.'
          : 'NIK ini milik laki-laki, tetapi jenis kelamin diisi perempuan. Data tetap dapat disimpan.',
    })
  }
  return warnings
}

/** "3671011234560001" → "367101******0001": the birth date part is personal data (UU 27/2022). */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : nik
}
