// Tim Pembina Posyandu (Pokjanal) meetings and their follow-ups (tindak lanjut): the closed
// lists, the default OPD list (domain.md §2: names vary by region, so it is editable data),
// the overdue rule, and the small rich-text format of the minutes.

import type { SpmField } from './reference'

/** Whose Tim Pembina met. */
export const MEETING_LEVELS = ['kelurahan', 'kecamatan', 'kota'] as const
export type MeetingLevel = (typeof MEETING_LEVELS)[number]

export const MEETING_KINDS = ['rapat_koordinasi', 'fgd', 'bimtek', 'advokasi', 'konsultasi_publik', 'monev'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]

/** Where a follow-up came from: a meeting decision, a monev finding, a complaint/aspiration at a Posyandu. */
export const FOLLOW_UP_SOURCES = ['rapat', 'monev', 'aduan'] as const
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number]

export const FOLLOW_UP_STATUSES = ['baru', 'diproses', 'selesai', 'tidak_dapat'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

/** The statuses as offices write them, for everything the core prints, exports and says. */
export const FOLLOW_UP_STATUS_NAMES: Record<FollowUpStatus, string> = {
  baru: 'Baru',
  diproses: 'Diproses',
  selesai: 'Selesai',
  tidak_dapat: 'Tidak dapat ditindaklanjuti',
}

/** A follow-up in one of these states is closed: it can no longer be overdue. */
export const CLOSED_STATUSES: readonly FollowUpStatus[] = ['selesai', 'tidak_dapat']

export const ATTACHMENT_KINDS = ['foto', 'daftar_hadir', 'lainnya'] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

/** Largest attachment accepted (a phone photo or a scanned attendance sheet fits easily). */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024

/**
 * The overdue rule: past the deadline and not closed. `today` is the office's calendar date
 * ("YYYY-MM-DD", Asia/Jakarta); the deadline day itself is not overdue yet.
 */
export function isOverdue(f: { dueDate: string; status: FollowUpStatus }, today: string): boolean {
  return f.dueDate < today && !CLOSED_STATUSES.includes(f.status)
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export interface DefaultOpd {
  /** Stable key of a default entry, so the same default from two offices is one record. */
  code: string
  name: string
  spmFields: SpmField[]
}

/** The usual OPD of a kota/kabupaten (domain.md §2), offered until an office edits its own list. */
export const DEFAULT_OPDS: readonly DefaultOpd[] = [
  { code: 'dinkes', name: 'Dinas Kesehatan / Puskesmas', spmFields: ['kesehatan'] },
  { code: 'disdik', name: 'Dinas Pendidikan', spmFields: ['pendidikan'] },
  { code: 'pupr', name: 'Dinas PUPR', spmFields: ['pekerjaan_umum'] },
  { code: 'perkim', name: 'Dinas Perkim', spmFields: ['perumahan_rakyat'] },
  { code: 'satpolpp', name: 'Satpol PP', spmFields: ['trantibumlinmas'] },
  { code: 'bpbd', name: 'BPBD', spmFields: ['trantibumlinmas'] },
  { code: 'dinsos', name: 'Dinas Sosial', spmFields: ['sosial'] },
  { code: 'pemerintahan', name: 'Bagian Pemerintahan / DPMD', spmFields: [] },
  { code: 'dp3ap2kb', name: 'DP3AP2KB', spmFields: [] },
  { code: 'bappeda', name: 'Bappeda', spmFields: [] },
  { code: 'ketahanan_pangan', name: 'Dinas Ketahanan Pangan / Pertanian', spmFields: [] },
  { code: 'dlh', name: 'Dinas Lingkungan Hidup (DLH)', spmFields: [] },
  { code: 'dukcapil', name: 'Disdukcapil', spmFields: [] },
  { code: 'diskominfo', name: 'Diskominfo', spmFields: [] },
  { code: 'tppkk', name: 'TP PKK', spmFields: [] },
]

// ---------------------------------------------------------------- minutes as rich text

/**
 * The minutes are written in a tiny, safe text format (never HTML, so nothing typed can run):
 * paragraphs separated by a blank line, **bold**, lines starting "- " form a bulleted list and
 * lines starting "1. " a numbered one. The screen and the printed notulen render the same blocks.
 */
export type RichInline = { text: string; bold: boolean }
export type RichBlock =
  | { type: 'p'; lines: RichInline[][] }
  | { type: 'ul'; items: RichInline[][] }
  | { type: 'ol'; items: RichInline[][] }

export function parseInline(line: string): RichInline[] {
  const out: RichInline[] = []
  const parts = line.split('**')
  // An odd count of "**" leaves the last one literal.
  const closed = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts[parts.length - 2]}**${parts[parts.length - 1]}`]
  closed.forEach((text, i) => {
    if (text) out.push({ text, bold: i % 2 === 1 })
  })
  return out
}

export function parseRichText(source: string): RichBlock[] {
  const blocks: RichBlock[] = []
  let current: RichBlock | null = null
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line)
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line)
    if (!line.trim()) {
      current = null
    } else if (bullet) {
      if (current?.type !== 'ul') blocks.push((current = { type: 'ul', items: [] }))
      current.items.push(parseInline(bullet[1]!))
    } else if (numbered) {
      if (current?.type !== 'ol') blocks.push((current = { type: 'ol', items: [] }))
      current.items.push(parseInline(numbered[1]!))
    } else {
      if (current?.type !== 'p') blocks.push((current = { type: 'p', lines: [] }))
      current.lines.push(parseInline(line.trim()))
    }
  }
  return blocks
}

/** The words only (for search and for one-line previews). */
export function richTextPlain(source: string): string {
  return parseRichText(source)
    .flatMap((b) => (b.type === 'p' ? b.lines : b.items))
    .map((l) => l.map((s) => s.text).join(''))
    .join(' ')
}
