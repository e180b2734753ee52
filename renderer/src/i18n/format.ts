// Dates and numbers the way people in the office write them: "9 Oktober 2025", "20.000".
// Calendar dates travel as "YYYY-MM-DD" and are formatted in UTC so no time zone can shift a day.

export type Lang = 'id' | 'en'

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
}
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID'),
  en: new Intl.NumberFormat('en-GB'),
}

let current: Lang = 'id'
export function setFormatLanguage(lang: Lang) {
  current = lang
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2025-10-09" → "9 Oktober 2025". An instant (ISO with time) is shown as its local calendar date. */
export function formatDate(iso: string | null | undefined, lang: Lang = current): string {
  if (!iso) return ''
  const m = ISO_DATE.exec(iso)
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  if (!m) return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d)
  return dateFormats[lang].format(d)
}

export function formatDateTime(iso: string | null | undefined, lang: Lang = current): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormats[lang].format(d)
}

export function formatNumber(n: number, lang: Lang = current): string {
  return numberFormats[lang].format(n)
}

/** "2025-10-09" → "09-10-2025": the short form a date field shows after it understood the input. */
export function formatDateShort(iso: string | null | undefined): string {
  const m = iso ? ISO_DATE.exec(iso) : null
  return m ? `${m[3]}-${m[2]}-${m[1]}` : ''
}

/** Whole years between a birth date and today (or `on`). */
export function ageOn(birthDate: string, on: Date = new Date()): number | null {
  const m = ISO_DATE.exec(birthDate)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  let age = on.getFullYear() - y
  if (on.getMonth() + 1 < mo || (on.getMonth() + 1 === mo && on.getDate() < d)) age -= 1
  return age
}

// Month names and the abbreviations people actually type, Indonesian and English.
const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, peb: 2, pebruari: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, agust: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, desember: 12, dec: 12, december: 12,
}

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  const p = (n: number) => String(n).padStart(2, '0')
  return `${y}-${p(m)}-${p(d)}`
}

/** Two-digit years are read as the latest such year not in the future ("05" → 2005, "78" → 1978). */
function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y)
  const yy = Number(y)
  const thisYear = now.getFullYear()
  let year = 2000 + yy
  if (year > thisYear) year -= 100
  return year
}

/**
 * Reads a date as people type it: "09-10-2025", "9/10/2025", "9.10.25", "9 Okt 2025",
 * "9 oktober 2025", "2025-10-09", "09102025". Day first, always (Indonesian order).
 * Returns "YYYY-MM-DD" or null.
 */
export function parseDateInput(text: string, now: Date = new Date()): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ')
  if (!s) return null
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$/.exec(s)
  if (m) return realDate(fullYear(m[3]!, now), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2})[ -]?([a-z]+)\.?[ -]?(\d{4}|\d{2})$/.exec(s)
  if (m) {
    const month = MONTHS[m[2]!]
    return month ? realDate(fullYear(m[3]!, now), month, Number(m[1])) : null
  }
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s)
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]))
  return null
}

const sizeFormats: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
}

/**
 * 2_500 → "2,4 KB"; 10_600_000 → "10,1 MB"; a stick's 7_800_000_000 → "7,3 GB": people compare
 * sizes, not bytes.
 */
export function formatBytes(bytes: number, lang: Lang = current): string {
  const nf = sizeFormats[lang]
  if (bytes < 1024 * 1024) return `${nf.format(Math.max(0.1, bytes / 1024))} KB`
  if (bytes < 1024 * 1024 * 1024) return `${nf.format(bytes / (1024 * 1024))} MB`
  return `${nf.format(bytes / (1024 * 1024 * 1024))} GB`
}
