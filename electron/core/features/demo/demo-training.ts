// The training history of a demo area: training events per kecamatan, their participants and
// the assessments made at and after them, so the matrix, the levels and the training needs
// have something believable to show. Each kader first gets a target (no level, or the level's
// groups complete, sometimes one group half done); trainings are then planned to produce it:
// kader of one kecamatan who need the same group in the same period sit in one class.
// Deterministic for a seed (its own random stream, so the roster stays what it was), dated
// only from the demo's fixed reference date, never from today.

import type { Insertable } from 'kysely'
import {
  LEVEL_CODES,
  TRAINING_KINDS,
  codeRangeLabel,
  type Catalogue,
  type CatalogueGroup,
  type LevelCode,
  type TrainingKind,
} from '../../../../shared/domain/competency'
import type { KaderStatus, Sex } from '../../../../shared/domain/reference'
import type { AssessmentTable, Db, ReplicatedColumns, TrainingParticipantTable, TrainingTable } from '../../db/schema'
import { insertRecordValues } from '../../sync/write'

/** A kader as the roster generator wrote it: all the training plan needs to know. */
export interface DemoPerson {
  kaderId: string
  villageCode: string
  villageName: string
  posyanduName: string
  /** The day the kader joined (first status entry). */
  joined: string
  status: KaderStatus
  statusDate: string
}

export interface DemoRandom {
  next(): number
  int(min: number, max: number): number
  pick<T>(xs: readonly T[]): T
  chance(p: number): boolean
  weighted<T>(items: readonly (readonly [T, number])[]): T
  shuffle<T>(xs: readonly T[]): T[]
}

export interface TrainingWorld {
  rng: DemoRandom
  catalogue: Catalogue
  districtNames: Map<string, string>
  regencyNames: Map<string, string>
  personName(sex: Sex): string
}

const DAY = 86_400_000
/** Fixed "today" of the demo world (roster and trainings), so a seed gives the same data in any year. */
export const REFERENCE_DATE = Date.UTC(2026, 5, 30)
// The 25 keterampilan dasar came with the ILP transformation: classes run from early 2024.
const WINDOW_START = Date.UTC(2024, 0, 8)
const WINDOW_END = Date.UTC(2026, 5, 12)
/** Kader of a kecamatan wanted per group and period (about one class): sets the number of periods. */
const KADER_PER_BUCKET = 20
/** Groups trained per kader, on average over the targets below. */
const GROUPS_PER_KADER = 2.3
const MAX_PERIODS = 10
const MIN_CLASS = 10
const MAX_CLASS = 30

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`)
const pad = (n: number, w: number) => String(n).padStart(w, '0')
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const

// ---------------------------------------------------------------- wording of the events

const KIND_SHARE: Record<TrainingKind, number> = { pelatihan: 55, refreshing: 12, bimtek: 15, orientasi: 8, praktik_lapangan: 10 }
const KIND_WEIGHTS = TRAINING_KINDS.map((k) => [k, KIND_SHARE[k]] as const)

const KIND_TITLE: Record<TrainingKind, string> = {
  pelatihan: 'Pelatihan Kader Posyandu',
  refreshing: 'Refreshing Kader Posyandu',
  bimtek: 'Bimbingan Teknis Kader Posyandu',
  orientasi: 'Orientasi Kader Posyandu',
  praktik_lapangan: 'Praktik Lapangan Kader Posyandu',
}

const KIND_DAYS: Record<TrainingKind, readonly [number, number]> = {
  pelatihan: [2, 3],
  refreshing: [1, 2],
  bimtek: [1, 2],
  orientasi: [1, 1],
  praktik_lapangan: [1, 1],
}

/** Kinds whose participants who attended every day receive a certificate. */
const CERTIFIED: ReadonlySet<TrainingKind> = new Set(['pelatihan', 'refreshing', 'bimtek'])

const NOTES = [
  'Dibiayai BOK Puskesmas.',
  'Bekerja sama dengan TP PKK kelurahan.',
  'Materi dan praktik memakai Buku KIA terbaru.',
  'Sebagian peserta menyusul penilaian saat supervisi Posyandu.',
  'Konsumsi dari dana kelurahan.',
] as const

// ---------------------------------------------------------------- Puskesmas staff

interface Staff {
  name: string
  nip: string
  profession: string
  institution: string
}

interface Profession {
  profession: string
  femaleShare: number
  title(name: string, rng: DemoRandom): string
}

const PROFESSIONS: readonly Profession[] = [
  { profession: 'Tenaga Promosi Kesehatan', femaleShare: 0.6, title: (n, r) => (r.chance(0.7) ? `${n}, S.KM` : `${n}, S.Sos`) },
  { profession: 'Nutrisionis', femaleShare: 0.85, title: (n, r) => (r.chance(0.6) ? `${n}, S.Gz` : `${n}, A.Md.Gz`) },
  { profession: 'Bidan', femaleShare: 1, title: (n, r) => (r.chance(0.5) ? `Bd. ${n}, S.Tr.Keb` : `${n}, A.Md.Keb`) },
  { profession: 'Perawat', femaleShare: 0.6, title: (n, r) => (r.chance(0.5) ? `Ns. ${n}, S.Kep` : `${n}, A.Md.Kep`) },
]

/** NIP of a civil servant: birth date (8), CPNS year and month (6), sex 1/2, serial (3). */
function nip(rng: DemoRandom, sex: Sex): string {
  const born = Date.UTC(rng.int(1968, 1996), rng.int(0, 11), rng.int(1, 28))
  const bornYear = new Date(born).getUTCFullYear()
  const cpnsYear = Math.min(2023, bornYear + rng.int(23, 30))
  return `${iso(born).replace(/-/g, '')}${cpnsYear}${pad(rng.int(1, 12), 2)}${sex === 'L' ? 1 : 2}${pad(rng.int(1, 30), 3)}`
}

function makeStaff(w: TrainingWorld, profession: Profession, institution: string): Staff {
  const sex: Sex = w.rng.chance(profession.femaleShare) ? 'P' : 'L'
  return {
    name: profession.title(w.personName(sex), w.rng),
    nip: nip(w.rng, sex),
    profession: profession.profession,
    institution,
  }
}

// ---------------------------------------------------------------- what each kader should end with

interface Plan {
  person: DemoPerson
  /** Groups every item of which ends kompeten. */
  complete: Set<string>
  /** A group trained but left half done (some items belum kompeten), or null. */
  partial: string | null
  /** Period (index) of the class for each group trained. */
  periods: Map<string, number>
  /** The first and the last period the kader can be trained in. */
  first: number
  last: number
  /** Position in the roster: classes list their participants in this order. */
  order: number
}

// Roughly what a Puskesmas area looks like two years into the programme (~30 / 35 / 25 / 10 %).
const TARGET_WEIGHTS: Record<LevelCode | 'none', number> = { none: 28, purwa: 36, madya: 26, utama: 10 }

const rankOf = (code: LevelCode) => LEVEL_CODES.indexOf(code)

/** Groups whose completion gives `level` under the catalogue's rule (one of the ways to it). */
function groupsFor(w: TrainingWorld, level: Catalogue['levels'][number]): string[] {
  const groups = [...level.requiresAllOf]
  if (level.plusAnyOf) {
    const options = w.rng.shuffle(level.plusAnyOf.groups.filter((g) => !groups.includes(g)))
    const extra = Math.min(options.length, level.plusAnyOf.min + (w.rng.chance(0.2) ? 1 : 0))
    groups.push(...options.slice(0, extra))
  }
  return groups
}

function target(w: TrainingWorld, levels: Catalogue['levels'], groupCodes: string[]): { complete: Set<string>; partial: string | null } {
  const rng = w.rng
  const choice = rng.weighted<LevelCode | 'none'>([['none', TARGET_WEIGHTS.none], ...levels.map((l) => [l.code, TARGET_WEIGHTS[l.code]] as const)])
  if (choice === 'none') {
    // Half never trained; the others got part of the way to the lowest level.
    const lowest = levels[0]
    if (!lowest || rng.chance(0.45)) return { complete: new Set(), partial: null }
    const needed = groupsFor(w, lowest)
    const done = rng.int(0, Math.max(0, needed.length - 1))
    return { complete: new Set(needed.slice(0, done)), partial: needed[done] ?? null }
  }
  const level = levels.find((l) => l.code === choice)!
  const complete = new Set(groupsFor(w, level))
  const rest = groupCodes.filter((g) => !complete.has(g))
  const partial = rest.length > 0 && rng.chance(0.25) ? rng.pick(rest) : null
  return { complete, partial }
}

/**
 * The periods a kader can be trained in: from the period after joining (a month's grace)
 * to the one before leaving (nonaktif, pindah, meninggal). Whole periods, so every class of a
 * period can be dated anywhere in it.
 */
function eligiblePeriods(p: DemoPerson, periods: number): [number, number] {
  const length = (WINDOW_END - WINDOW_START) / periods
  const periodOf = (ms: number) => Math.floor((ms - WINDOW_START) / length)
  const ready = dayMs(p.joined) + 30 * DAY
  const first = ready < WINDOW_START ? 0 : periodOf(ready) + 1
  const last = p.status === 'aktif' ? periods - 1 : Math.min(periods - 1, periodOf(dayMs(p.statusDate) - 30 * DAY) - 1)
  return [first, last]
}

function plan(w: TrainingWorld, person: DemoPerson, order: number, periods: number, levels: Catalogue['levels'], groupCodes: string[]): Plan {
  const rng = w.rng
  const wanted = target(w, levels, groupCodes)
  const [first, last] = eligiblePeriods(person, periods)
  const trained = groupCodes.filter((g) => wanted.complete.has(g) || wanted.partial === g)
  if (first > last || trained.length === 0) return { person, complete: new Set(), partial: null, periods: new Map(), first, last, order }
  const out = new Map<string, number>()
  // Most kader were trained early in the programme; later groups come in later periods.
  let period = first + Math.floor(rng.next() ** 2 * (last - first + 1))
  for (const g of trained) {
    out.set(g, period)
    period = Math.min(last, period + rng.int(1, 2))
  }
  return { person, complete: wanted.complete, partial: wanted.partial, periods: out, first, last, order }
}

// ---------------------------------------------------------------- rows

/** The columns every replicated row has; the write helpers fill them (sync/write.ts). */
type Own<T> = Required<Omit<Insertable<T>, keyof ReplicatedColumns>>

/** Rows by the index of their training in the kecamatan; ids are given when written. */
interface KecamatanRows {
  trainings: Own<TrainingTable>[]
  participants: (Omit<Own<TrainingParticipantTable>, 'training_id'> & { training: number })[]
  assessments: (Omit<Own<AssessmentTable>, 'training_id'> & { training: number | null })[]
}

/** Splits n kader into classes of 10–30 (fewer only when there are fewer than 10 in all). */
function classSizes(rng: DemoRandom, n: number): number[] {
  let k = Math.max(1, Math.round(n / rng.int(15, 28)), Math.ceil(n / MAX_CLASS))
  if (n >= MIN_CLASS) k = Math.min(k, Math.floor(n / MIN_CLASS))
  const sizes: number[] = []
  for (let i = 0; i < k; i++) sizes.push(Math.floor(n / k) + (i < n % k ? 1 : 0))
  return sizes
}

function dateInPeriod(rng: DemoRandom, period: number, periods: number, days: number): number {
  const length = (WINDOW_END - WINDOW_START) / periods
  const from = WINDOW_START + period * length
  let start = Date.parse(`${iso(from + rng.int(0, Math.max(0, Math.floor(length / DAY) - days)) * DAY)}T00:00:00Z`)
  // No classes on Sunday.
  if (new Date(start).getUTCDay() === 0) start += DAY
  return start
}

function placeFor(w: TrainingWorld, kind: TrainingKind, kecamatan: string, first: DemoPerson): string {
  const isDesa = first.villageCode.split('.')[3]?.startsWith('2') ?? false
  if (kind === 'praktik_lapangan') return `${first.posyanduName}, ${isDesa ? 'Desa' : 'Kel.'} ${first.villageName}`
  return w.rng.weighted([
    [`Aula Puskesmas ${kecamatan}`, 5],
    [isDesa ? `Balai Desa ${first.villageName}` : `Aula Kantor Kelurahan ${first.villageName}`, 3],
    [`Aula Kantor Kecamatan ${kecamatan}`, 2],
  ])
}

/**
 * The classes, participants and assessments of one kecamatan. `people` are its kader in roster
 * order (village, then Posyandu), so a class holds kader from neighbouring Posyandu.
 */
function kecamatanHistory(w: TrainingWorld, districtCode: string, people: DemoPerson[], trainingSerial: { n: number }): KecamatanRows {
  const rng = w.rng
  const catalogue = w.catalogue
  const kecamatan = w.districtNames.get(districtCode) ?? districtCode
  const regency = w.regencyNames.get(districtCode.slice(0, 5)) ?? ''
  const institution = `Puskesmas ${kecamatan}`
  const staff = [
    makeStaff(w, PROFESSIONS[0]!, institution),
    makeStaff(w, PROFESSIONS[1]!, institution),
    makeStaff(w, PROFESSIONS[2]!, institution),
    makeStaff(w, PROFESSIONS[2]!, institution),
    makeStaff(w, PROFESSIONS[3]!, institution),
  ]
  const dinkes = regency ? makeStaff(w, PROFESSIONS[0]!, `Dinas Kesehatan ${regency}`) : null

  const levels = [...catalogue.levels].sort((a, b) => rankOf(a.code) - rankOf(b.code))
  const groupCodes = catalogue.groups.map((g) => g.code)
  const periods = Math.max(1, Math.min(MAX_PERIODS, Math.round((people.length * GROUPS_PER_KADER) / groupCodes.length / KADER_PER_BUCKET)))
  const plans = people.map((p, i) => plan(w, p, i, periods, levels, groupCodes))

  // Classes per group: kader of one period together, in classes of 10–30. Too few for a class
  // wait for the next period's, or join the previous class when they cannot wait (leaving, or
  // no period left) and were already eligible then; otherwise they are not trained in it yet.
  // Only a very small area (a kelurahan with a handful of kader) has smaller classes.
  const minClass = Math.min(MIN_CLASS, Math.ceil(people.length / 10))
  const classes: { period: number; group: CatalogueGroup; members: Plan[]; batch: number }[] = []
  for (const group of catalogue.groups) {
    let waiting: Plan[] = []
    let previous: { period: number; members: Plan[] } | null = null
    for (let period = 0; period < periods; period++) {
      const members = [...waiting, ...plans.filter((p) => p.periods.get(group.code) === period)].sort((a, b) => a.order - b.order)
      waiting = []
      if (members.length === 0) continue
      if (members.length < minClass) {
        if (period < periods - 1 && members.every((m) => m.last > period)) waiting = members
        else if (previous && previous.members.length + members.length <= MAX_CLASS && members.every((m) => m.first <= previous!.period)) {
          previous.members.push(...members)
        }
        continue
      }
      const sizes = classSizes(rng, members.length)
      let at = 0
      for (let i = 0; i < sizes.length; i++) {
        previous = { period, members: members.slice(at, at + sizes[i]!) }
        at += sizes[i]!
        classes.push({ period, group, members: previous.members, batch: sizes.length > 1 ? i + 1 : 0 })
      }
    }
  }
  classes.sort((a, b) => a.period - b.period || groupCodes.indexOf(a.group.code) - groupCodes.indexOf(b.group.code) || a.batch - b.batch)

  const rows: KecamatanRows = { trainings: [], participants: [], assessments: [] }
  for (const c of classes) {
    writeClass(w, rows, c.group, c.members, { period: c.period, periods, kecamatan, districtCode, staff, dinkes, trainingSerial, batch: c.batch })
  }
  return rows
}

interface ClassContext {
  period: number
  periods: number
  kecamatan: string
  districtCode: string
  staff: Staff[]
  dinkes: Staff | null
  trainingSerial: { n: number }
  /** "Angkatan n" when a period needs several classes of one group; 0 when there is one. */
  batch: number
}

function writeClass(w: TrainingWorld, rows: KecamatanRows, group: CatalogueGroup, cohort: Plan[], c: ClassContext): void {
  const rng = w.rng
  const kind = rng.weighted(KIND_WEIGHTS)
  const [minDays, maxDays] = KIND_DAYS[kind]
  const days = rng.int(minDays, maxDays)
  const start = dateInPeriod(rng, c.period, c.periods, days)
  const dates = Array.from({ length: days }, (_, i) => iso(start + i * DAY))
  const end = dates[dates.length - 1]!
  const codes = group.items.map((i) => i.code)
  const facilitators = rng.shuffle(c.staff).slice(0, rng.int(2, 3))
  const assessor = facilitators[0]!
  const names = facilitators.map((s) => s.name)
  if (c.dinkes && rng.chance(0.25)) names.push(c.dinkes.name)
  const key = ++c.trainingSerial.n
  const index = rows.trainings.length
  const title = `${KIND_TITLE[kind]}: ${group.name} (${codeRangeLabel(w.catalogue, codes)})${c.batch ? ` Angkatan ${c.batch}` : ''}`
  rows.trainings.push({
    title,
    kind,
    start_date: iso(start),
    end_date: end,
    place: placeFor(w, kind, c.kecamatan, cohort[0]!.person),
    organiser: `Puskesmas ${c.kecamatan}`,
    facilitators: JSON.stringify(names),
    competencies: JSON.stringify(codes),
    catalogue_version: w.catalogue.version,
    notes: rng.chance(0.25) ? rng.pick(NOTES) : null,
  })

  const month = new Date(start).getUTCMonth()
  const year = new Date(start).getUTCFullYear()
  const tested = kind !== 'orientasi'
  const assessorFields = {
    assessor_name: assessor.name,
    assessor_nip: assessor.nip,
    assessor_profession: assessor.profession,
    assessor_institution: assessor.institution,
  }
  cohort.forEach((p, i) => {
    const missed = days > 1 && rng.chance(0.08) ? rng.int(0, days - 1) : -1
    const attendance = dates.filter((_, d) => d !== missed)
    const pre = tested ? rng.int(35, 75) : null
    rows.participants.push({
      training: index,
      kader_id: p.person.kaderId,
      attendance: JSON.stringify(attendance),
      pre_score: pre,
      post_score: pre === null ? null : Math.min(100, pre + rng.int(5, 35)),
      certificate_number:
        CERTIFIED.has(kind) && missed < 0
          ? `445/${pad(key, 4)}.${pad(i + 1, 2)}/PKM.${c.districtCode.slice(-2)}/${ROMAN[month]}/${year}`
          : null,
    })

    // The test at the end of the class, and for some items a supervisi at the Posyandu later.
    const complete = p.complete.has(group.code)
    const notYet = new Set(complete ? [] : rng.shuffle(codes).slice(0, rng.int(1, Math.max(1, codes.length - 1))))
    const retake = new Set(complete && rng.chance(0.15) ? rng.shuffle(codes).slice(0, rng.int(1, 2)) : [])
    const leftBy = p.person.status === 'aktif' ? REFERENCE_DATE : dayMs(p.person.statusDate)
    const later = dayMs(end) + rng.int(30, 150) * DAY
    const canRevisit = later < Math.min(leftBy, REFERENCE_DATE)
    const supervisor = rng.pick(c.staff)
    for (const code of codes) {
      const failedFirst = notYet.has(code) || (retake.has(code) && canRevisit)
      rows.assessments.push({
        training: index,
        kader_id: p.person.kaderId,
        competency_code: code,
        catalogue_version: w.catalogue.version,
        date: end,
        result: failedFirst ? 'belum_kompeten' : 'kompeten',
        method: 'uji_pelatihan',
        ...assessorFields,
        notes: null,
      })
      // Passed on a later visit (superseding the first result), or checked again and still not.
      const revisit = retake.has(code) ? 'kompeten' : notYet.has(code) && rng.chance(0.15) ? 'belum_kompeten' : null
      if (revisit && canRevisit) {
        rows.assessments.push({
          training: null,
          kader_id: p.person.kaderId,
          competency_code: code,
          catalogue_version: w.catalogue.version,
          date: iso(later),
          result: revisit,
          method: 'supervisi_posyandu',
          assessor_name: supervisor.name,
          assessor_nip: supervisor.nip,
          assessor_profession: supervisor.profession,
          assessor_institution: supervisor.institution,
          notes: revisit === 'kompeten' ? 'Dinilai ulang saat supervisi di Posyandu.' : 'Perlu pendampingan lagi.',
        })
      }
    }
  })
}

// ---------------------------------------------------------------- writing

const TRAINING_COLUMNS = [
  'title', 'kind', 'start_date', 'end_date', 'place', 'organiser', 'facilitators', 'competencies', 'catalogue_version', 'notes',
] as const satisfies readonly (keyof TrainingTable)[]
const PARTICIPANT_COLUMNS = [
  'training_id', 'kader_id', 'attendance', 'pre_score', 'post_score', 'certificate_number',
] as const satisfies readonly (keyof TrainingParticipantTable)[]
const ASSESSMENT_COLUMNS = [
  'training_id', 'kader_id', 'competency_code', 'catalogue_version', 'date', 'result', 'method',
  'assessor_name', 'assessor_nip', 'assessor_profession', 'assessor_institution', 'notes',
] as const satisfies readonly (keyof AssessmentTable)[]

export interface TrainingHistoryResult {
  trainings: number
  participants: number
  assessments: number
  /** The offices the history was written as (see `writerOf`), sorted. */
  writers: string[]
}

/**
 * Writes the training history of `people`, one transaction per kecamatan. The derived
 * kader_competency rows are left to the caller (one recompute over everyone at the end).
 */
export async function writeTrainingHistory(
  db: Db,
  siteId: string,
  w: TrainingWorld,
  people: readonly DemoPerson[],
  onProgress?: (done: number, total: number) => void,
  /** The office a kecamatan's trainings come from (default: this one; see generateDemo). */
  writerOf: (district: string) => string = () => siteId,
): Promise<TrainingHistoryResult> {
  const byDistrict = new Map<string, DemoPerson[]>()
  for (const p of people) {
    const d = p.villageCode.slice(0, 8)
    let list = byDistrict.get(d)
    if (!list) byDistrict.set(d, (list = []))
    list.push(p)
  }
  const result: TrainingHistoryResult = { trainings: 0, participants: 0, assessments: 0, writers: [] }
  const writers = new Set<string>()
  const serial = { n: 0 }
  let done = 0
  for (const district of [...byDistrict.keys()].sort()) {
    const members = byDistrict.get(district)!
    const planned = kecamatanHistory(w, district, members, serial)
    // Kader order, so the (kader, code, date) index is filled from one end.
    planned.assessments.sort((a, b) =>
      a.kader_id < b.kader_id ? -1 : a.kader_id > b.kader_id ? 1 : a.competency_code < b.competency_code ? -1 : a.competency_code > b.competency_code ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    )
    // This office's clock, the writing office's name on the versions (write.ts).
    const writer = writerOf(district)
    if (planned.trainings.length > 0) writers.add(writer)
    const as = { as: () => writer }
    // The bulk path of the write helpers: at ~250,000 assessments an object per row would cost
    // more than SQLite spends storing them.
    await db.transaction().execute(async (trx) => {
      const ids = await insertRecordValues(trx, 'training', TRAINING_COLUMNS, planned.trainings.map((t) => TRAINING_COLUMNS.map((c) => t[c])), as)
      await insertRecordValues(
        trx,
        'training_participant',
        PARTICIPANT_COLUMNS,
        planned.participants.map((p) => [ids[p.training], p.kader_id, p.attendance, p.pre_score, p.post_score, p.certificate_number]),
        as,
      )
      await insertRecordValues(
        trx,
        'assessment',
        ASSESSMENT_COLUMNS,
        planned.assessments.map((a) => [
          a.training === null ? null : ids[a.training],
          a.kader_id,
          a.competency_code,
          a.catalogue_version,
          a.date,
          a.result,
          a.method,
          a.assessor_name,
          a.assessor_nip,
          a.assessor_profession,
          a.assessor_institution,
          a.notes,
        ]),
        as,
      )
    })
    result.trainings += planned.trainings.length
    result.participants += planned.participants.length
    result.assessments += planned.assessments.length
    done += members.length
    onProgress?.(done, people.length)
  }
  result.writers = [...writers].sort()
  return result
}
