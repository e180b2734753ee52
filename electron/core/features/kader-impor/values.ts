// Reading one roster cell into the app's value, the way people and Excel write them in
// Indonesian offices. Pure functions: no database, no file. Each returns the value (or null)
// and, when something was done or must be done, one problem in Indonesian.

import { cleanNik, NIK_MESSAGES, parseNik, type ParsedNik } from '../../../../shared/domain/nik'
import { normalisePhone } from '../../../../shared/domain/phone'
import type { EducationLevel, KaderRole, KaderStatus, Sex, SpmField } from '../../../../shared/domain/reference'
import { cellText, dateCellIso, type CellValue } from './workbook'

export interface Issue {
  severity: 'error' | 'warning'
  message: string
}

export interface Read<T> {
  value: T | null
  issue?: Issue
}

const error = (message: string): Issue => ({ severity: 'error', message })
const warning = (message: string): Issue => ({ severity: 'warning', message })

const pad2 = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`
/** "1985-04-12" → "12-04-1985", as the messages show dates. */
export const dmy = (isoDate: string) => isoDate.split('-').reverse().join('-')

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

// ---------------------------------------------------------------- NIK

/** Doubles hold integers exactly only up to 2^53; above it the last digits of a number cell are guesses. */
const EXACT_LIMIT = 2 ** 53

export const NIK_LOST_DIGITS = (shown: string) =>
  `Angka terakhir NIK hilang karena Excel menyimpannya sebagai angka (tersimpan ${shown}); ketik ulang sebagai teks dari KTP/KK (awali dengan tanda ').`
export const NIK_EMPTY = 'NIK kosong. Isi NIK 16 angka dari KTP/KK.'

/**
 * The NIK of a cell, cleaned and checked for shape, date and serial (shared/domain/nik.ts);
 * whether its kecamatan exists is the service's part (it needs the area list).
 *
 * Excel keeps only 15 significant digits of a number, so a 16-digit NIK typed into a number
 * cell always ends in a 0 that was not typed. A number cell that ends in 0 is therefore refused
 * (not only "…000"): saving a NIK whose last digit may be wrong would make the same person
 * come back as someone new at the next import. A number cell that does not end in 0 cannot
 * come from Excel's own typing (a program wrote it exactly) and is kept, up to 2^53 where
 * doubles stop being exact.
 */
export function readNik(v: CellValue, today: Date): Read<string> & { parsed?: ParsedNik } {
  if (v === null) return { value: null, issue: error(NIK_EMPTY) }
  let text: string
  if (typeof v === 'number') {
    const shown = cellText(v)
    if (Number.isInteger(v) && v >= 1e15 && v < 1e16) {
      if (v > EXACT_LIMIT || shown.endsWith('0')) return { value: null, issue: error(NIK_LOST_DIGITS(shown)) }
    } else if (v >= 1e16 || (v >= 1e15 && !Number.isInteger(v))) {
      return { value: null, issue: error(NIK_LOST_DIGITS(shown)) }
    }
    text = shown
  } else if (v instanceof Date || typeof v === 'boolean') {
    return { value: null, issue: error(NIK_MESSAGES.shape) }
  } else {
    text = v.trim()
  }
  // A NIK copied out of Excel's display of a number: "3,67102E+15", "3.67101520305E+15".
  if (/^\d([.,]\d+)?e\+?\d+$/i.test(text.replace(/\s/g, ''))) return { value: null, issue: error(NIK_LOST_DIGITS(text)) }
  // An apostrophe typed to force text is kept as a character when the cell was already text.
  const nik = cleanNik(text.replace(/^['‘’`]+/, '').replace(/^nik\s*[:.]?\s*/i, ''))
  const parsed = parseNik(nik, today)
  if (!parsed.ok) return { value: nik || null, issue: error(parsed.message) }
  return { value: nik, parsed: parsed.value }
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {}
for (const [n, names] of [
  [1, 'jan januari january'],
  [2, 'feb februari february peb pebruari febr'],
  [3, 'mar maret march mrt'],
  [4, 'apr april'],
  [5, 'mei may'],
  [6, 'jun juni june'],
  [7, 'jul juli july'],
  [8, 'agu agus agustus ags agt aug august agst'],
  [9, 'sep sept september'],
  [10, 'okt oktober oct october'],
  [11, 'nov nop november nopember'],
  [12, 'des desember dec december'],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = n
}

export type DateKind = 'birth' | 'sk'

/** Two-digit years: a birth year gives a plausible adult (17 or older) in this century, else the last one; an SK year is not in the future. */
function fullYear(yy: number, kind: DateKind, today: string): number {
  const thisYear = Number(today.slice(0, 4))
  if (kind === 'birth') return 2000 + yy <= thisYear - 17 ? 2000 + yy : 1900 + yy
  return 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy
}

/** Excel's 1900 date system (with its phantom 29 February 1900). */
export function serialToIso(serial: number): string {
  const days = Math.floor(serial)
  const base = days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10)
}

interface DateLabel {
  /** "Tanggal lahir", "Tanggal SK". */
  label: string
  kind: DateKind
}

/** A date from text: d-m-y in any separators, y-m-d, month names in Indonesian or English, 2- or 4-digit years. */
function parseDateText(raw: string, kind: DateKind, today: string): { iso: string | null; swapped?: boolean; impossible?: string; yearOnly?: number } {
  let s = raw
    .trim()
    .toLowerCase()
    .replace(/^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*/, '')
    .replace(/\s+/g, ' ')
  // "12 April '85": the apostrophe of an abbreviated year.
  s = s.replace(/^'/, '').replace(/(^|[\s\-/.])'(\d{2})$/, '$1$2')
  let y: number | undefined
  let m: number | undefined
  let d: number | undefined
  let twoDigitYear = false
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s))) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{1,2}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{2}|\d{4})$/.exec(s)) || (match = /^(\d{1,2}) (\d{1,2}) (\d{2}|\d{4})$/.exec(s))) {
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
    twoDigitYear = match[3]!.length === 2
  } else if ((match = /^(\d{1,2})[-/. ]*([a-z]+)\.?[-/., ]*(\d{2}|\d{4})$/.exec(s))) {
    m = MONTHS[match[2]!]
    if (m === undefined) return { iso: null }
    ;[d, y] = [Number(match[1]), Number(match[3])]
    twoDigitYear = match[3]!.length === 2
  } else if ((match = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s))) {
    m = MONTHS[match[1]!]
    if (m === undefined) return { iso: null }
    ;[d, y] = [Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) {
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{4})$/.exec(s))) {
    return { iso: null, yearOnly: Number(match[1]) }
  } else if (/^\d{5}$/.test(s)) {
    return { iso: serialToIso(Number(s)) }
  } else {
    return { iso: null }
  }
  if (twoDigitYear) y = fullYear(y, kind, today)
  let swapped = false
  if (m > 12 && d <= 12) {
    // 04/25/1985: written month first (an English-language Excel); there is no 25th month.
    ;[d, m] = [m, d]
    swapped = true
  }
  if (!isRealDate(y, m, d)) return { iso: null, impossible: raw.trim() }
  return { iso: iso(y, m, d), swapped }
}

/** A date cell: a real date, an Excel serial number, or text in the usual Indonesian ways. */
export function readDate(v: CellValue, what: DateLabel, today: string): Read<string> {
  if (v === null) return { value: null }
  let result: { iso: string | null; swapped?: boolean; impossible?: string; yearOnly?: number }
  if (v instanceof Date) {
    result = { iso: dateCellIso(v) }
  } else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) result = { iso: null, yearOnly: v }
    else if (Number.isInteger(v) && v >= 1_011_900 && v <= 31_129_999) result = parseDateText(String(v).padStart(8, '0'), what.kind, today)
    else if (v >= 1 && v < 2_958_466) result = { iso: serialToIso(v) }
    else result = { iso: null }
  } else if (typeof v === 'boolean') {
    result = { iso: null }
  } else {
    result = parseDateText(v, what.kind, today)
  }
  const shown = cellText(v)
  if (result.yearOnly !== undefined) {
    return { value: null, issue: error(`${what.label} hanya berisi tahun (${result.yearOnly}). Isi tanggal lengkap, mis. 12-04-${result.yearOnly}.`) }
  }
  if (result.impossible) return { value: null, issue: error(`${what.label} "${result.impossible}" tidak ada di kalender. Periksa hari dan bulannya.`) }
  if (!result.iso) return { value: null, issue: error(`${what.label} "${shown}" tidak dapat dibaca. Tulis seperti 12-04-1985 atau 12 April 1985.`) }
  if (result.iso > today) return { value: null, issue: error(`${what.label} ${dmy(result.iso)} belum terjadi. Periksa tahunnya.`) }
  if (result.iso < '1900-01-01') return { value: null, issue: error(`${what.label} ${dmy(result.iso)} terlalu lampau. Periksa tahunnya.`) }
  if (result.swapped) {
    return { value: result.iso, issue: warning(`${what.label} "${shown}" dibaca sebagai bulan/hari/tahun: ${dmy(result.iso)}. Periksa kembali.`) }
  }
  return { value: result.iso }
}

/** Whole years between a birth date and today. */
export function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

/**
 * "Tangerang, 12-04-1985", "TANGERANG / 12 April 1985", "Tangerang 12-4-85": the place and the
 * date. The date is the tail of the text; the place is what stands before it.
 */
export function splitPlaceDate(v: CellValue): { place: string | null; date: CellValue } {
  if (v === null || typeof v !== 'string') return { place: null, date: v }
  const s = v.trim()
  const tail = /^(.*?)[\s,;/]+(\d{1,2}[-/. ]+(?:\d{1,2}|[A-Za-z]+\.?)[-/. ]+\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{8})$/.exec(s)
  if (tail && /[a-z]/i.test(tail[1]!)) return { place: tail[1]!.replace(/[,;/\s]+$/, '').trim() || null, date: tail[2]! }
  // A date written some other way: whatever follows the first comma (the date reader judges it).
  const comma = /^([^,;]*[a-z][^,;]*)[,;]\s*(.*\d.*)$/i.exec(s)
  if (comma) return { place: comma[1]!.trim() || null, date: comma[2]!.trim() }
  if (/\d/.test(s)) return { place: null, date: s }
  return { place: s || null, date: null }
}

// ---------------------------------------------------------------- sex, phone, RT/RW

const SEX_WORDS: Record<string, Sex> = {
  l: 'L', lk: 'L', laki: 'L', lakilaki: 'L', lelaki: 'L', pria: 'L', m: 'L', male: 'L', cowok: 'L',
  p: 'P', pr: 'P', perempuan: 'P', prempuan: 'P', wanita: 'P', w: 'P', f: 'P', female: 'P', wan: 'P', cewek: 'P',
}

/** L/P, Laki-laki/Perempuan, Pria/Wanita, M/F in any case; null when empty or not recognised (then `unknown` is set). */
export function readSex(v: CellValue): { value: Sex | null; unknown?: string } {
  const t = cellText(v)
  if (!t) return { value: null }
  const key = t.toLowerCase().replace(/[^a-z]/g, '')
  const sex = SEX_WORDS[key]
  return sex ? { value: sex } : { value: null, unknown: t }
}

/**
 * A phone number (+62 …, 62 …, 08 …, with spaces or dashes) in E.164. A number the app does not
 * recognise is a warning and is left empty rather than an error: the number is optional on the
 * kader form too, and one mistyped digit should not keep a kader out of the register.
 * Excel drops the leading 0 of a phone typed as a number (812…): it is put back.
 */
export function readPhone(v: CellValue): Read<string> {
  if (v === null) return { value: null }
  let text = cellText(v)
  if (typeof v === 'number' && /^8\d{7,11}$/.test(text)) text = `0${text}`
  const parts = text
    .split(/\s*(?:[/,;&|]|\batau\b|\bdan\b)\s*/i)
    .map((p) => p.replace(/^['‘’`]+/, '').replace(/^(hp|wa|telp|tlp)\.?\s*:?\s*/i, '').trim())
    .filter(Boolean)
  const valid = parts.map((p) => normalisePhone(/^8\d{7,11}$/.test(p.replace(/\D/g, '')) && !p.startsWith('+') ? `0${p}` : p)).filter((p): p is string => p !== null)
  if (valid.length === 0) {
    return { value: null, issue: warning(`Nomor HP "${text}" tidak dikenali; dikosongkan. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.`) }
  }
  if (valid.length > 1) {
    return { value: valid[0]!, issue: warning(`Ada ${valid.length} nomor HP; hanya yang pertama (${text.split(/[/,;&|]/)[0]!.trim()}) yang disimpan.`) }
  }
  return { value: valid[0]! }
}

const rtPad = (s: string) => String(Number(s)).padStart(3, '0')

/** One RT or RW number: "3", "03", "RT 003", 3 → "003". */
export function readRtOrRw(v: CellValue, label: 'RT' | 'RW'): Read<string> {
  if (v === null) return { value: null }
  const t = cellText(v)
  const m = /^\s*(?:rt|rw)?\.?\s*(\d{1,3})\s*$/i.exec(t)
  if (!m || Number(m[1]) === 0) {
    return { value: null, issue: warning(`${label} "${t}" tidak dapat dibaca; dikosongkan. Tulis angkanya saja, mis. 003.`) }
  }
  return { value: rtPad(m[1]!) }
}

/** "003/005", "3-5", "RT 03 RW 05", "03 / 05". */
export function readRtRw(v: CellValue): { rt: string | null; rw: string | null; issue?: Issue } {
  if (v === null) return { rt: null, rw: null }
  const t = cellText(v)
  const m =
    /^\s*rt\.?\s*(\d{1,3})\s*[/,\-\\]?\s*rw\.?\s*(\d{1,3})\s*$/i.exec(t) ?? /^\s*(\d{1,3})\s*[/\-\\.\s]\s*(\d{1,3})\s*$/.exec(t)
  if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) {
    return { rt: null, rw: null, issue: warning(`RT/RW "${t}" tidak dapat dibaca; dikosongkan. Tulis seperti 003/005.`) }
  }
  return { rt: rtPad(m[1]!), rw: rtPad(m[2]!) }
}

// ---------------------------------------------------------------- Jabatan, Pendidikan, Status

const words = (v: CellValue) =>
  cellText(v)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const SPM_WORDS: [RegExp, SpmField][] = [
  [/\bpendidikan\b|\bpaud\b/, 'pendidikan'],
  [/\bkesehatan\b|\bkes\b/, 'kesehatan'],
  [/\bpekerjaan umum\b|\bpu\b/, 'pekerjaan_umum'],
  [/\bperumahan\b|\bperkim\b/, 'perumahan_rakyat'],
  [/\btrantib|\blinmas\b|\bketenteraman\b|\bketertiban\b/, 'trantibumlinmas'],
  [/\bsosial\b/, 'sosial'],
]

/**
 * Jabatan in the app's list: Ketua, Sekretaris, Bendahara, Ketua bidang (with its SPM field
 * when named), and everyone else (Anggota, Kader) as kader. A title the list does not have
 * (Wakil Ketua, Pembina) is saved as kader with a warning, so the row is not lost.
 */
export function readRole(v: CellValue): { value: KaderRole | null; spmField?: SpmField; unknown?: string } {
  const w = words(v)
  if (!w || w === '-') return { value: null }
  if (/^(ketua|koordinator|koord|kepala|kabid|penanggung jawab|pj)\b.*\b(bidang|bid|pokja|seksi|sie)\b|^kabid\b|^ketua (pendidikan|kesehatan|pekerjaan umum|perumahan|trantib|sosial)/.test(w)) {
    const spm = SPM_WORDS.find(([re]) => re.test(w))?.[1]
    return spm ? { value: 'ketua_bidang', spmField: spm } : { value: 'ketua_bidang' }
  }
  if (/^(ketua)( posyandu| kader| umum| pengurus)?$/.test(w)) return { value: 'ketua' }
  if (/^sek(re|er|ra)tar/.test(w) || w === 'sekr' || w === 'sekre') return { value: 'sekretaris' }
  if (/^benda?har/.test(w)) return { value: 'bendahara' }
  if (/^(anggota|kader)\b/.test(w) && !/wakil/.test(w)) return { value: 'kader' }
  return { value: 'kader', unknown: cellText(v) }
}

export function readEducation(v: CellValue): { value: EducationLevel | null; unknown?: string } {
  const w = words(v)
  if (!w || w === '-') return { value: null }
  const is = (re: RegExp) => re.test(w)
  if (is(/\b(tidak|tdk|belum|blm) (sekolah|tamat|lulus)\b|^tidak ada$/)) return { value: 'tidak_sekolah' }
  if (is(/\b(s ?2|s ?3|magister|master|doktor|pasca ?sarjana)\b/)) return { value: 's2_s3' }
  if (is(/\b(s ?1|d ?4|d ?iv|sarjana|strata 1)\b/)) return { value: 'd4_s1' }
  if (is(/\b(d ?1|d ?2|d ?3|d ?i|d ?ii|d ?iii|diploma|akademi|akper|akbid|politeknik)\b/)) return { value: 'd1_d3' }
  if (is(/\b(sma|smk|smu|ma|slta|stm|smea|spk|spg|sma sederajat|paket c|aliyah|sekolah menengah atas)\b/)) return { value: 'sma' }
  if (is(/\b(smp|mts|sltp|smep|paket b|tsanawiyah|sekolah menengah pertama)\b/)) return { value: 'smp' }
  if (is(/\b(sd|mi|sr|paket a|ibtidaiyah|sekolah dasar)\b/)) return { value: 'sd' }
  return { value: null, unknown: cellText(v) }
}

export function readStatus(v: CellValue): { value: KaderStatus | null; unknown?: string } {
  const w = words(v)
  if (!w || w === '-') return { value: null }
  if (/\b(meninggal|wafat|almarhum|almarhumah|alm|almh)\b/.test(w)) return { value: 'meninggal' }
  if (/\b(pindah|mutasi)\b/.test(w)) return { value: 'pindah' }
  if (/\b(tidak|tdk|non|nonaktif|berhenti|mengundurkan|keluar|cuti|pasif)\b/.test(w)) return { value: 'nonaktif' }
  if (/^(aktif|ya|a|aktip|active)$/.test(w) || /^aktif\b/.test(w)) return { value: 'aktif' }
  return { value: null, unknown: cellText(v) }
}
