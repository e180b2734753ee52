// Meetings of the Tim Pembina Posyandu: minutes, attendance, attachments.

import { z } from 'zod'
import { SPM_FIELDS, type SpmField } from '../domain/reference'
import {
  ATTACHMENT_KINDS,
  MEETING_KINDS,
  MEETING_LEVELS,
  type AttachmentKind,
  type MeetingKind,
  type MeetingLevel,
} from '../domain/meeting'
import { id, isoDate, optText, out, phoneSchema, reqText } from './common'
import type { FollowUpRow } from './follow-up'

// ---------------------------------------------------------------- outputs

export interface Attendee {
  name: string
  position: string | null
  /** Institution as written on the attendance sheet (an OPD, the PKK, a Posyandu…). */
  institution: string | null
  opdId: string | null
  phone: string | null
  present: boolean
}

export interface AgendaItem {
  title: string
  /** Minutes of this agenda item in the small rich-text format of shared/domain/meeting.ts. */
  minutes: string
}

export interface AttachmentInfo {
  id: string
  fileName: string
  kind: AttachmentKind
  mime: string
  size: number
  sha256: string
  createdAt: string
}

/** One line of the meeting list. */
export interface MeetingRow {
  id: string
  level: MeetingLevel
  kind: MeetingKind
  title: string
  date: string
  place: string | null
  attendeeCount: number
  presentCount: number
  followUpCount: number
  openFollowUps: number
  overdueFollowUps: number
  /** Found only with one slip in a word of the search ("kadr" for "kader"): nothing answered it exactly. */
  similar?: true
}

export interface Meeting {
  id: string
  level: MeetingLevel
  kind: MeetingKind
  title: string
  date: string
  /** "HH:MM" (WIB) */
  startTime: string | null
  endTime: string | null
  place: string | null
  chair: string | null
  minuteTaker: string | null
  invitationNumber: string | null
  /** For a monev / pembinaan visit: the Posyandu visited. */
  posyanduId: string | null
  posyanduName: string | null
  spmFields: SpmField[]
  agenda: AgendaItem[]
  /** Kesimpulan, rich text. */
  conclusions: string
  attendees: Attendee[]
  attachments: AttachmentInfo[]
  followUps: FollowUpRow[]
  createdAt: string
  updatedAt: string
}

// ---------------------------------------------------------------- inputs

const hhmm = z
  .string()
  .trim()
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'Jam ditulis seperti 09:00.' })

export const attendeeInput = z.object({
  name: reqText(100, 'Nama peserta'),
  position: optText(100, 'Jabatan'),
  institution: optText(120, 'Instansi'),
  opdId: id.nullish().transform((s) => s ?? null),
  phone: phoneSchema,
  present: z.boolean().default(true),
})

export const meetingInput = z.object({
  level: z.enum(MEETING_LEVELS, { message: 'Pilih tingkat Tim Pembina.' }),
  kind: z.enum(MEETING_KINDS, { message: 'Pilih jenis kegiatan.' }),
  title: reqText(200, 'Judul rapat'),
  date: isoDate,
  startTime: hhmm,
  endTime: hhmm,
  place: optText(200, 'Tempat'),
  chair: optText(100, 'Pimpinan rapat'),
  minuteTaker: optText(100, 'Notulis'),
  invitationNumber: optText(100, 'Nomor undangan'),
  posyanduId: id.nullish().transform((s) => s ?? null),
  spmFields: z.array(z.enum(SPM_FIELDS)).default([]).transform((xs) => SPM_FIELDS.filter((f) => xs.includes(f))),
  agenda: z
    .array(z.object({ title: reqText(200, 'Judul agenda'), minutes: z.string().max(50_000, { message: 'Notulen satu agenda paling panjang 50.000 huruf.' }).default('') }))
    .max(30, { message: 'Paling banyak 30 agenda.' })
    .default([]),
  conclusions: z.string().max(20_000, { message: 'Kesimpulan paling panjang 20.000 huruf.' }).default(''),
  /** The whole attendance list, in order (replaces the saved one). */
  attendees: z.array(attendeeInput).max(500, { message: 'Paling banyak 500 peserta.' }).default([]),
})

// ---------------------------------------------------------------- channels

export const meetingChannels = {
  'meeting:list': {
    input: z.object({ query: z.string().trim().max(100).default(''), level: z.enum(MEETING_LEVELS).nullish() }),
    output: out<MeetingRow[]>(),
  },
  'meeting:get': { input: z.object({ id }), output: out<Meeting>() },
  'meeting:create': { input: meetingInput, output: out<Meeting>() },
  'meeting:update': { input: meetingInput.extend({ id }), output: out<Meeting>() },
  'meeting:archive': { input: z.object({ id }), output: out<{ id: string }>() },
  /** A photo or a scanned signed attendance list, sent as base64; stored once per content (SHA-256). */
  'meeting:addAttachment': {
    input: z.object({
      meetingId: id,
      fileName: reqText(200, 'Nama berkas'),
      kind: z.enum(ATTACHMENT_KINDS),
      mime: z.string().max(100),
      dataBase64: z.string().max(12_000_000, { message: 'Berkas terlalu besar. Paling besar 8 MB.' }),
    }),
    output: out<AttachmentInfo>(),
  },
  'meeting:removeAttachment': { input: z.object({ id }), output: out<{ id: string }>() },
  'meeting:attachment': { input: z.object({ id }), output: out<{ fileName: string; mime: string; dataBase64: string }>() },
} as const
