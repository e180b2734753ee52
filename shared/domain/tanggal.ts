// Dates as Indonesian letters and forms write them ("23 November 2026"). Written out here
// rather than through Intl: the core also runs under Node builds without full ICU data, and
// a printed letter must not change wording with the machine's locale. Calendar dates are
// "YYYY-MM-DD" and are never shifted by a time zone.

import { ZONA_WAKTU, type ZonaWaktu } from './zona-waktu'

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const

const BULAN_SINGKAT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const

export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const

interface Parts {
  y: number
  m: number
  d: number
}

function parts(iso: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  const p = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= 31 ? p : null
}

/** "2026-11-23" → "23 November 2026". Anything unreadable is returned as it is. */
export function tanggal(iso: string): string {
  const p = parts(iso)
  return p ? `${p.d} ${BULAN[p.m - 1]} ${p.y}` : iso
}

/** "2026-11-23" → "Senin". */
export function hari(iso: string): string {
  const p = parts(iso)
  return p ? HARI[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()]! : ''
}

/** "2026-11-23" → "23 Nov 2026": for narrow table headers. */
export function tanggalSingkat(iso: string): string {
  const p = parts(iso)
  return p ? `${p.d} ${BULAN_SINGKAT[p.m - 1]} ${p.y}` : iso
}

/**
 * A span of days as people write it: "12 Maret 2026", "12–14 Maret 2026",
 * "30 Maret – 2 April 2026", "30 Desember 2026 – 2 Januari 2027".
 */
export function rentangTanggal(start: string, end: string): string {
  const a = parts(start)
  const b = parts(end)
  if (!a || !b) return start === end ? tanggal(start) : `${tanggal(start)} – ${tanggal(end)}`
  if (start === end) return tanggal(start)
  if (a.y !== b.y) return `${tanggal(start)} – ${tanggal(end)}`
  if (a.m !== b.m) return `${a.d} ${BULAN[a.m - 1]} – ${b.d} ${BULAN[b.m - 1]} ${b.y}`
  return `${a.d}–${b.d} ${BULAN[b.m - 1]} ${b.y}`
}

/** An instant on the wall clock of `zona`: "YYYY-MM-DD", "HH", "MM", "SS". */
export interface JamDinding {
  date: string
  hh: string
  mm: string
  ss: string
}

const wallFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The wall clock of an office's zone at an instant. Intl with the IANA zone (the time zone
 * data ships even with Node's small ICU); 'en-US' is asked only for its digits, always present.
 */
export function jamDinding(at: Date, zona: ZonaWaktu = ZONA_WAKTU.WIB): JamDinding {
  let f = wallFormats.get(zona.iana)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zona.iana,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    wallFormats.set(zona.iana, f)
  }
  const p: Record<string, string> = {}
  for (const part of f.formatToParts(at)) p[part.type] = part.value
  return { date: `${p.year}-${p.month}-${p.day}`, hh: p.hour!, mm: p.minute!, ss: p.second! }
}

/** The office's calendar date today in its own zone (WIB, WITA or WIT). */
export function hariIni(zona: ZonaWaktu = ZONA_WAKTU.WIB, now: Date = new Date()): string {
  return jamDinding(now, zona).date
}

/** Kept for callers not yet given the office's zone: today in WIB. */
export function todayJakarta(now: Date = new Date()): string {
  return hariIni(ZONA_WAKTU.WIB, now)
}

/**
 * "6 Desember 2026 23.40 WITA" (or with `tanggalSingkat`): an instant on the office's wall
 * clock, with its zone's abbreviation.
 */
export function waktu(iso: string, zona: ZonaWaktu = ZONA_WAKTU.WIB, formatDate: (date: string) => string = tanggal): string {
  const w = jamDinding(new Date(iso), zona)
  return `${formatDate(w.date)} ${w.hh}.${w.mm} ${zona.kode}`
}

/** Kept for callers not yet given the office's zone: `waktu` in WIB. */
export function waktuWib(iso: string, formatDate: (date: string) => string = tanggal): string {
  return waktu(iso, ZONA_WAKTU.WIB, formatDate)
}

/** "20261123-1605": an instant for a file name, on the office's wall clock. */
export function capFile(at: Date, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  const w = jamDinding(at, zona)
  return `${w.date.replaceAll('-', '')}-${w.hh}${w.mm}`
}
