// Follow-ups (tindak lanjut): raised in a meeting or a visit, owed by an OPD, closed with evidence.

import { z } from 'zod'
import { SPM_FIELDS, type SpmField } from '../domain/reference'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATUSES, type FollowUpSource, type FollowUpStatus } from '../domain/meeting'
import { empty, id, isoDate, optText, out, reqText } from './common'
import type { AttachmentInfo } from './meeting'

// ---------------------------------------------------------------- outputs

export interface FollowUpProgress {
  id: string
  date: string
  status: FollowUpStatus
  note: string | null
  recordedAt: string
}

/** One line of a follow-up list. `overdue` follows the rule in shared/domain/meeting.ts. */
export interface FollowUpRow {
  id: string
  source: FollowUpSource
  meetingId: string | null
  meetingTitle: string | null
  /** When the problem was raised. */
  date: string
  posyanduId: string | null
  posyanduName: string | null
  spmField: SpmField | null
  description: string
  opdId: string
  opdName: string
  dueDate: string
  status: FollowUpStatus
  overdue: boolean
  /** Days past the deadline (0 when not overdue). */
  daysOverdue: number
  closedDate: string | null
  /** Found only with one slip in a word of the search ("kadr" for "kader"): nothing answered it exactly. */
  similar?: true
}

export interface FollowUp extends FollowUpRow {
  reporter: string | null
  closingEvidence: string | null
  /** Photos and scans showing it was done (JPEG, PNG, PDF), newest first. */
  attachments: AttachmentInfo[]
  progress: FollowUpProgress[]
  createdAt: string
  updatedAt: string
}

/** The board per OPD: what each office still owes and how fast it closes. */
export interface OpdBoardRow {
  opdId: string
  opdName: string
  open: number
  overdue: number
  closed: number
  /** Median whole days from raised to closed, over the closed ones; null when none closed. */
  medianDaysToClose: number | null
}

// ---------------------------------------------------------------- inputs

export const followUpInput = z.object({
  source: z.enum(FOLLOW_UP_SOURCES, { message: 'Pilih asal tindak lanjut.' }),
  meetingId: id.nullish().transform((s) => s ?? null),
  date: isoDate,
  posyanduId: id.nullish().transform((s) => s ?? null),
  spmField: z.enum(SPM_FIELDS).nullish().transform((s) => s ?? null),
  description: reqText(2000, 'Uraian masalah dan tindak lanjut'),
  reporter: optText(100, 'Pelapor'),
  opdId: z.string({ message: 'Pilih OPD penanggung jawab.' }).uuid({ message: 'Pilih OPD penanggung jawab.' }),
  dueDate: isoDate,
})

export const followUpProgressInput = z.object({
  id,
  date: isoDate,
  status: z.enum(FOLLOW_UP_STATUSES, { message: 'Pilih status.' }),
  note: optText(2000, 'Catatan perkembangan'),
  /** Required when the status becomes selesai, unless a photo or scan is attached: what shows it was done. */
  closingEvidence: optText(2000, 'Bukti penyelesaian'),
})

export const followUpListInput = z.object({
  /** 'open' = baru or diproses; 'overdue' = open and past the deadline. */
  state: z.enum(['all', 'open', 'overdue', ...FOLLOW_UP_STATUSES]).default('all'),
  opdId: id.nullish(),
  meetingId: id.nullish(),
  query: z.string().trim().max(100).default(''),
})

// ---------------------------------------------------------------- channels

export const followUpChannels = {
  'followUp:list': { input: followUpListInput, output: out<FollowUpRow[]>() },
  'followUp:get': { input: z.object({ id }), output: out<FollowUp>() },
  'followUp:create': { input: followUpInput, output: out<FollowUp>() },
  'followUp:update': { input: followUpInput.extend({ id }), output: out<FollowUp>() },
  /** A dated progress note that may change the status; closing as selesai needs evidence. */
  'followUp:progress': { input: followUpProgressInput, output: out<FollowUp>() },
  'followUp:board': { input: empty, output: out<OpdBoardRow[]>() },
  /**
   * A photo or scan as evidence (checked by content: JPEG, PNG, PDF). Read and removed through
   * meeting:attachment and meeting:removeAttachment, which go by the attachment's id.
   */
  'followUp:addAttachment': {
    input: z.object({
      followUpId: id,
      fileName: reqText(200, 'Nama berkas'),
      dataBase64: z.string().max(12_000_000, { message: 'Berkas terlalu besar. Paling besar 8 MB.' }),
    }),
    output: out<AttachmentInfo>(),
  },
} as const
