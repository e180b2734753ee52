// Trainings (pelatihan and the like): details, participants, attendance and results.

import { z } from 'zod'
import { TRAINING_KINDS, type LevelCode, type TrainingKind } from '../domain/competency'
import { competencyCode, id, isoDate, optText, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

export interface TrainingRow {
  id: string
  title: string
  kind: TrainingKind
  startDate: string
  endDate: string
  place: string | null
  organiser: string | null
  competencies: string[]
  participantCount: number
}

export interface TrainingParticipant {
  kaderId: string
  name: string
  nikMasked: string
  posyanduName: string
  villageName: string
  level: LevelCode | null
  /** The days (YYYY-MM-DD) of the training the kader attended. */
  attendance: string[]
  preScore: number | null
  postScore: number | null
  certificateNumber: string | null
}

export interface Training extends TrainingRow {
  facilitators: string[]
  notes: string | null
  /** Every calendar day from start to end: the columns of the attendance list. */
  days: string[]
  catalogueVersion: string
  participants: TrainingParticipant[]
  createdAt: string
  updatedAt: string
}

// ---------------------------------------------------------------- inputs

const score = z
  .number({ message: 'Nilai harus angka 0–100.' })
  .min(0, { message: 'Nilai paling kecil 0.' })
  .max(100, { message: 'Nilai paling besar 100.' })
  .nullish()
  .transform((n) => n ?? null)

export const trainingInput = z
  .object({
    title: reqText(200, 'Nama kegiatan'),
    kind: z.enum(TRAINING_KINDS, { message: 'Pilih jenis kegiatan.' }),
    startDate: isoDate,
    endDate: isoDate,
    place: optText(200, 'Tempat'),
    organiser: optText(120, 'Penyelenggara'),
    facilitators: z
      .array(z.string().trim().max(120, { message: 'Nama fasilitator paling panjang 120 huruf.' }))
      .max(30)
      .default([])
      .transform((xs) => xs.filter((x) => x.length > 0)),
    competencies: z
      .array(competencyCode)
      .default([])
      .transform((xs) => [...new Set(xs)]),
    notes: optText(1000, 'Catatan'),
    participantIds: z
      .array(id)
      .max(1000, { message: 'Paling banyak 1.000 peserta dalam satu kegiatan.' })
      .default([])
      .transform((xs) => [...new Set(xs)]),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', path: ['endDate'] })
  .refine((t) => (Date.parse(t.endDate) - Date.parse(t.startDate)) / 86_400_000 < 62, {
    message: 'Satu kegiatan paling lama 61 hari. Catat kegiatan yang lebih panjang sebagai beberapa kegiatan.',
    path: ['endDate'],
  })

export const trainingResultsInput = z.object({
  trainingId: id,
  participants: z
    .array(
      z.object({
        kaderId: id,
        attendance: z.array(isoDate).max(62).transform((xs) => [...new Set(xs)].sort()),
        preScore: score,
        postScore: score,
        certificateNumber: optText(100, 'Nomor sertifikat'),
      }),
    )
    .max(1000),
})

// ---------------------------------------------------------------- channels

export const trainingChannels = {
  'training:list': {
    input: z.object({ query: z.string().trim().max(100).default('') }),
    output: out<TrainingRow[]>(),
  },
  'training:get': { input: z.object({ id }), output: out<Training>() },
  'training:create': { input: trainingInput, output: out<Training>() },
  /** Replaces the details and the participant list (removed participants keep their results). */
  'training:update': { input: trainingInput.and(z.object({ id })), output: out<Training>() },
  /** Attendance per day, pre/post test scores and certificate numbers. */
  'training:results': { input: trainingResultsInput, output: out<Training>() },
  'training:archive': { input: z.object({ id }), output: out<{ id: string }>() },
} as const
