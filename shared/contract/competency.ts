// Competencies: the catalogue, assessments, a kader's card, the matrix, the summary and training needs.

import { z } from 'zod'
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_RESULTS,
  LEVEL_CODES,
  type AssessmentMethod,
  type AssessmentResult,
  type Catalogue,
  type LevelCode,
  type NextLevelNeed,
} from '../domain/competency'
import { areaCode, competencyCode, empty, id, isoDate, optText, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

export interface CatalogueVersionInfo {
  version: string
  title: string
  installedAt: string
  active: boolean
}

/** The competency catalogue in force, and every version this office has held. */
export interface CatalogueInfo {
  catalogue: Catalogue
  versions: CatalogueVersionInfo[]
}

export interface Assessor {
  name: string
  nip: string | null
  profession: string | null
  institution: string | null
}

/** One judgement kader × competency. Never edited: a later one supersedes it. */
export interface Assessment {
  id: string
  kaderId: string
  competencyCode: string
  /** The catalogue version in force when it was recorded. */
  catalogueVersion: string
  date: string
  result: AssessmentResult
  method: AssessmentMethod
  assessor: Assessor
  trainingId: string | null
  trainingTitle: string | null
  notes: string | null
  recordedAt: string
  /** A later assessment of the same kader and competency replaced it. */
  superseded: boolean
}

export interface GroupProgress {
  code: string
  name: string
  /** All items kompeten: a kelompok lengkap. */
  complete: boolean
  competent: number
  total: number
}

/** A kader's competencies now: derived from the assessments under the catalogue in force. */
export interface KaderCompetency {
  kaderId: string
  name: string
  posyanduName: string
  villageName: string
  catalogueVersion: string
  level: LevelCode | null
  /** TKK held: one per skill whose latest assessment is kompeten. */
  tkk: number
  groups: GroupProgress[]
  items: { code: string; groupCode: string; text: string; verified: boolean; current: Assessment | null }[]
  /** What is still missing for the next level; null at the highest level. */
  next: NextLevelNeed | null
  /** Every assessment, newest first, superseded ones included. */
  history: Assessment[]
}

/** One line of the competency matrix (kader × 25). */
export interface MatrixRow {
  kaderId: string
  name: string
  posyanduName: string
  villageName: string
  level: LevelCode | null
  /** Codes whose latest assessment is kompeten. */
  competent: string[]
  /** Codes whose latest assessment is belum kompeten. */
  notYet: string[]
}

export interface CompetencySummary {
  /** Active, non-archived kader in the chosen area. */
  kaderCount: number
  levels: Record<LevelCode | 'none', number>
  /** Per competency code: kader holding it kompeten, and kader assessed belum kompeten. */
  coverage: { code: string; competent: number; notYet: number }[]
  /** Per group: kader with that group complete (kelompok lengkap). */
  groups: { code: string; complete: number }[]
}

/** A proposed training class: kader near each other who lack the same group's items. */
export interface TrainingCohort {
  group: string
  groupName: string
  /** The codes of the group that members lack (union), catalogue order. */
  codes: string[]
  /** "C1–C5" */
  label: string
  kaderIds: string[]
  posyanduCount: number
  villageNames: string[]
  /** Members for whom this class is all that stands between them and their next level. */
  levelUps: number
}

export interface TrainingNeeds {
  kaderCount: number
  withoutLevel: number
  /**
   * Per code: active kader who do not hold it kompeten; of them, `notYet` were assessed and
   * found belum kompeten (the rest were never assessed on it: a different next step).
   */
  missingPerCode: { code: string; missing: number; notYet: number }[]
  /** Best first: most level-ups, then largest. */
  cohorts: TrainingCohort[]
}

/** How many kader (active, in this office's area) a level rule would move. */
export interface LevelRulePreview {
  kaderCount: number
  /** Per level ('none': no level yet), kader now and under the proposed rule. */
  levels: { level: LevelCode | 'none'; before: number; after: number }[]
  /** Each move with its count, e.g. 3 kader from purwa to none. */
  moves: { from: LevelCode | 'none'; to: LevelCode | 'none'; count: number }[]
  up: number
  down: number
}

// ---------------------------------------------------------------- inputs

const groupLetter = z.string().regex(/^[A-Z]$/, { message: 'Kode kelompok harus satu huruf besar, mis. A.' })

/** The level rule as the Dinas edits it; the checks that need the catalogue are levelRuleProblems. */
export const levelRuleInput = z.object({
  levels: z
    .array(
      z.object({
        code: z.enum(LEVEL_CODES, { message: 'Kode tingkat harus purwa, madya atau utama.' }),
        requiresAllOf: z.array(groupLetter).max(26),
        plusAnyOf: z
          .object({
            groups: z.array(groupLetter).min(1, { message: 'Pilih paling sedikit satu kelompok tambahan.' }).max(26),
            min: z.number({ message: 'Isi berapa kelompok tambahan yang diminta.' }).int().min(1, { message: 'Jumlah kelompok tambahan paling sedikit 1.' }),
          })
          .nullish(),
        minTkk: z
          .number({ message: 'Jumlah TKK harus angka.' })
          .int({ message: 'Jumlah TKK harus bilangan bulat.' })
          .min(1, { message: 'Jumlah TKK paling sedikit 1 (kosongkan bila tidak dipakai).' })
          .max(500)
          .nullish(),
      }),
    )
    .min(1, { message: 'Aturan harus menyebut paling sedikit satu tingkat.' })
    .max(LEVEL_CODES.length),
})

/** Which kader a competency view covers: one Posyandu, or an area (kelurahan, kecamatan, kota). */
export const scopeInput = z.object({
  posyanduId: id.nullish(),
  wilayah: areaCode.nullish(),
})

export const assessorInput = z.object({
  name: reqText(100, 'Nama penilai'),
  nip: z
    .string()
    .nullish()
    .transform((s) => (s ? s.replace(/\s+/g, '') : null))
    .refine((s) => s === null || /^\d{18}$/.test(s), { message: 'NIP harus 18 angka (boleh dikosongkan).' }),
  profession: optText(60, 'Profesi penilai'),
  institution: optText(120, 'Instansi penilai'),
})

export const assessmentInput = z.object({
  kaderId: id,
  competencyCode,
  date: isoDate,
  result: z.enum(ASSESSMENT_RESULTS, { message: 'Pilih hasil: kompeten atau belum kompeten.' }),
  method: z.enum(ASSESSMENT_METHODS, { message: 'Pilih cara penilaian.' }),
  assessor: assessorInput,
  trainingId: id.nullish().transform((s) => s ?? null),
  notes: optText(500, 'Catatan'),
})

export const bulkAssessmentInput = z.object({
  trainingId: id.nullish().transform((s) => s ?? null),
  date: isoDate,
  method: z.enum(ASSESSMENT_METHODS, { message: 'Pilih cara penilaian.' }),
  assessor: assessorInput,
  /** Only the cells a person filled; an empty cell is no judgement. */
  entries: z
    .array(z.object({ kaderId: id, competencyCode, result: z.enum(ASSESSMENT_RESULTS) }))
    .min(1, { message: 'Isi paling sedikit satu hasil penilaian.' })
    .max(20_000),
})

export const MATRIX_SORTS = ['name', 'posyandu', 'level'] as const

export const matrixInput = scopeInput.extend({
  query: z.string().trim().max(100).default(''),
  /** Only kader at this level ('none': without a level yet). */
  level: z.enum([...LEVEL_CODES, 'none']).nullish(),
  /** Only kader who do not hold this code kompeten. */
  lacking: competencyCode.nullish(),
  sortBy: z.enum(MATRIX_SORTS).default('name'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})

// ---------------------------------------------------------------- channels

export const competencyChannels = {
  /** The competency catalogue in force and the versions held. */
  'competency:catalogue': { input: empty, output: out<CatalogueInfo>() },
  /** Installs a catalogue (JSON text); keeps every assessment and recomputes levels. */
  'competency:installCatalogue': { input: z.object({ json: z.string().max(500_000) }), output: out<CatalogueInfo>() },
  /** How many kader a proposed level rule would move, computed without writing. */
  'competency:previewLevelRule': { input: levelRuleInput, output: out<LevelRulePreview>() },
  /** The Dinas (kota) saves a level rule: a new catalogue version, levels recomputed; it travels down in every paket. */
  'competency:saveLevelRule': { input: levelRuleInput, output: out<CatalogueInfo>() },
  'competency:kader': { input: z.object({ kaderId: id }), output: out<KaderCompetency>() },
  'competency:assess': { input: assessmentInput, output: out<KaderCompetency>() },
  /** The training grid: many kader × competencies in one transaction. */
  'competency:assessBulk': { input: bulkAssessmentInput, output: out<{ saved: number; levelChanges: number }>() },
  'competency:matrix': { input: matrixInput, output: out<{ total: number; rows: MatrixRow[] }>() },
  /** The matrix rows of named kader (a class, a proposed cohort), in the order asked; archived ones left out. */
  'competency:rows': {
    input: z.object({ kaderIds: z.array(id).max(1000, { message: 'Paling banyak 1.000 kader sekaligus.' }) }),
    output: out<MatrixRow[]>(),
  },
  'competency:summary': { input: scopeInput, output: out<CompetencySummary>() },
  'competency:needs': {
    input: scopeInput.extend({ classSize: z.number().int().min(5).max(100).default(30) }),
    output: out<TrainingNeeds>(),
  },
} as const
