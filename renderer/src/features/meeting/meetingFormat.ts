// Small helpers of the meeting screens: how a meeting's day and hours are written on an
// Indonesian notulen, the office's default Tim Pembina level, and reading a pasted attendance
// list.

import type { MeetingLevel, Opd, SiteLevel } from '@shared/contract'
import type { ZonaWaktuKode } from '@shared/domain/zona-waktu'
import { i18n } from '../../i18n'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2025-03-03" → "Senin, 3 Maret 2025": the "hari/tanggal" line of an invitation or notulen. */
export function formatDayDate(iso: string): string {
  const m = ISO_DATE.exec(iso)
  if (!m) return iso
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID'
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
}

/** "09:00" → "09.00": offices write hours with a dot. */
function hour(hhmm: string): string {
  return i18n.language === 'en' ? hhmm : hhmm.replace(':', '.')
}

/** "09.00–11.00 WITA", "09.00 WIB" style lines in the office's zone; null when no hour was recorded. */
export function formatTimeRange(start: string | null, end: string | null, zone: ZonaWaktuKode = 'WIB'): string | null {
  if (start && end) return `${hour(start)}–${hour(end)} ${zone}`
  if (start) return `${hour(start)} ${zone}`
  if (end) return `–${hour(end)} ${zone}`
  return null
}

/**
 * Reads an hour as people type it: "9", "9.00", "09:00", "0900", "9.30" → "HH:MM". Anything
 * else is passed on as typed, so the contract's rule can name the problem.
 */
export function normaliseTime(text: string): string {
  const s = text.trim()
  if (!s) return ''
  let m = /^(\d{1,2})$/.exec(s)
  if (m) return Number(m[1]) < 24 ? `${m[1]!.padStart(2, '0')}:00` : s
  m = /^(\d{1,2})[.:,](\d{2})$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s)
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return `${m[1]!.padStart(2, '0')}:${m[2]}`
  return s
}

/** A kelurahan office records its own Tim Pembina; a Puskesmas works with the kecamatan's. */
export function defaultMeetingLevel(site: SiteLevel): MeetingLevel {
  if (site === 'kelurahan') return 'kelurahan'
  if (site === 'kota') return 'kota'
  return 'kecamatan'
}

export interface PastedAttendee {
  name: string
  position: string
  institution: string
  phone: string
}

const HEADER_WORDS = new Set(['nama', 'name', 'nama peserta', 'nama lengkap'])

/**
 * One attendee per line: "Nama; Jabatan; Instansi; No HP", or the same columns separated by
 * tabs as Excel and Word tables paste them. A header row ("Nama …") and a leading "No" column
 * (1, 2., 3) are left out, since lists copied from a daftar hadir usually carry both.
 */
export function parseAttendeeList(text: string): PastedAttendee[] {
  const out: PastedAttendee[] = []
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) continue
    let cells = (raw.includes('\t') ? raw.split('\t') : raw.split(';')).map((c) => c.trim())
    if (cells.length > 1 && /^\d{1,3}\.?$/.test(cells[0]!)) cells = cells.slice(1)
    // A numbered line without columns: "1. Siti Aminah".
    if (cells.length === 1) cells[0] = cells[0]!.replace(/^\d{1,3}[.)]\s+/, '')
    const [name = '', position = '', institution = '', phone = ''] = cells
    if (!name) continue
    if (out.length === 0 && HEADER_WORDS.has(name.toLowerCase())) continue
    out.push({ name, position, institution, phone })
  }
  return out
}

/** The OPD whose name was written as the institution (letter case and spacing aside). */
export function matchOpd(institution: string, opds: readonly Opd[]): Opd | null {
  const key = institution.trim().replace(/\s+/g, ' ').toLowerCase()
  if (!key) return null
  return opds.find((o) => o.name.toLowerCase() === key) ?? null
}
