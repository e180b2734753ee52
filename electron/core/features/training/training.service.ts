// Training events (pelatihan, refreshing, bimtek, orientasi, praktik lapangan) and their
// participants. A participant row is the kader's place on the list and carries the results
// (attendance per day, pre/post test, certificate): taking someone off the list is a tombstone,
// so the results come back if they are put on it again, and the removal travels to other offices.

import type { ParsedInput, Training, TrainingParticipant, TrainingRow } from '../../../../shared/contract'
import { competencyCodes, type LevelCode, type TrainingKind } from '../../../../shared/domain/competency'
import { maskNik } from '../../../../shared/domain/nik'
import { tanggal } from '../../../../shared/domain/tanggal'
import { AppError } from '../../../../shared/result'
import type { Db, TrainingDbRow, TrainingTable } from '../../db/schema'
import { insertRecord, insertRecords, tombstoneRecord, tombstoneRecords, updateRecord, updateRecords, type RecordUpdate } from '../../sync/write'
import { activeCatalogue } from '../competency/catalogue.service'
import { officeToday, requireSite } from '../site/site.service'

type Editable =
  | 'title'
  | 'kind'
  | 'start_date'
  | 'end_date'
  | 'place'
  | 'organiser'
  | 'facilitators'
  | 'competencies'
  | 'catalogue_version'
  | 'notes'

/** Every calendar day from start to end, both included (UTC arithmetic: no zone can skip a day). */
export function trainingDays(start: string, end: string): string[] {
  const days: string[] = []
  const last = Date.parse(`${end}T00:00:00Z`)
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= last; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

function notFoundTraining(): AppError {
  return new AppError({ code: 'not_found', message: 'Kegiatan pelatihan ini tidak ditemukan atau sudah diarsipkan. Buka kembali daftar pelatihan.' })
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** LIKE wildcards typed by a person are meant literally; titles and places never need them. */
const literal = (s: string) => s.replace(/[%_\\]/g, '')

// ---------------------------------------------------------------- reads

export async function listTrainings(db: Db, input: ParsedInput<'training:list'>): Promise<TrainingRow[]> {
  let q = db
    .selectFrom('training')
    .select([
      'training.id',
      'training.title',
      'training.kind',
      'training.start_date',
      'training.end_date',
      'training.place',
      'training.organiser',
      'training.competencies',
    ])
    .select((eb) =>
      eb
        .selectFrom('training_participant')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('training_participant.training_id', '=', 'training.id')
        .where('training_participant.deleted', '=', 0)
        .as('participant_count'),
    )
    .where('training.deleted', '=', 0)
  const text = literal(input.query.trim().toLowerCase())
  if (text) {
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['training.title']), 'like', `%${text}%`), eb(eb.fn('lower', ['training.place']), 'like', `%${text}%`)]),
    )
  }
  const rows = await q.orderBy('training.start_date', 'desc').orderBy('training.end_date', 'desc').orderBy('training.id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind as TrainingKind,
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    organiser: r.organiser,
    competencies: parseList(r.competencies),
    participantCount: Number(r.participant_count ?? 0),
  }))
}

async function participantsOf(db: Db, trainingId: string): Promise<{ list: TrainingParticipant[]; lastChange: string | null }> {
  const rows = await db
    .selectFrom('training_participant as tp')
    .innerJoin('kader', 'kader.id', 'tp.kader_id')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .select([
      'tp.kader_id',
      'tp.attendance',
      'tp.pre_score',
      'tp.post_score',
      'tp.certificate_number',
      'tp.updated_at',
      'kader.name',
      'kader.nik',
      'posyandu.name as posyandu_name',
      'posyandu.village_name',
      'kc.level',
    ])
    .where('tp.training_id', '=', trainingId)
    .where('tp.deleted', '=', 0)
    .orderBy('kader.name', (ob) => ob.collate('nocase'))
    .orderBy('kader.id')
    .execute()
  let lastChange: string | null = null
  const seen = new Set<string>()
  const list: TrainingParticipant[] = []
  for (const r of rows) {
    if (lastChange === null || r.updated_at > lastChange) lastChange = r.updated_at
    // Two offices may each have put the same kader on the list: one line per kader.
    if (seen.has(r.kader_id)) continue
    seen.add(r.kader_id)
    list.push({
      kaderId: r.kader_id,
      name: r.name,
      nikMasked: maskNik(r.nik),
      posyanduName: r.posyandu_name,
      villageName: r.village_name,
      level: (r.level ?? null) as LevelCode | null,
      attendance: parseList(r.attendance).sort(),
      preScore: r.pre_score,
      postScore: r.post_score,
      certificateNumber: r.certificate_number,
    })
  }
  return { list, lastChange }
}

export async function getTraining(db: Db, input: ParsedInput<'training:get'>): Promise<Training> {
  const row = await db.selectFrom('training').selectAll().where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst()
  if (!row) throw notFoundTraining()
  const { list, lastChange } = await participantsOf(db, row.id)
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as TrainingKind,
    startDate: row.start_date,
    endDate: row.end_date,
    place: row.place,
    organiser: row.organiser,
    competencies: parseList(row.competencies),
    participantCount: list.length,
    facilitators: parseList(row.facilitators),
    notes: row.notes,
    days: trainingDays(row.start_date, row.end_date),
    catalogueVersion: row.catalogue_version,
    participants: list,
    createdAt: row.created_at,
    // Recording attendance changes the class as people see it, though not the training row.
    updatedAt: lastChange && lastChange > row.updated_at ? lastChange : row.updated_at,
  }
}

// ---------------------------------------------------------------- validation

/** Codes of the catalogue in force, returned in catalogue order (A1 … E4) whatever order they were ticked in. */
async function requireCodes(db: Db, codes: readonly string[]): Promise<{ codes: string[]; version: string }> {
  const catalogue = await activeCatalogue(db)
  const order = competencyCodes(catalogue)
  const unknown = codes.filter((c) => !order.includes(c))
  if (unknown.length > 0) {
    throw invalidField(
      'competencies',
      `Keterampilan ${unknown.join(', ')} tidak ada di katalog yang berlaku (versi ${catalogue.version}). Pilih keterampilan dari daftar.`,
    )
  }
  return { codes: order.filter((c) => codes.includes(c)), version: catalogue.version }
}

/**
 * Newly listed participants must be kader on the roster. Those already on the list stay even if
 * archived since: fixing a training's title must not need the old class to be rebuilt.
 */
async function requireParticipants(db: Db, ids: readonly string[], alreadyListed: ReadonlySet<string>): Promise<void> {
  const fresh = ids.filter((id) => !alreadyListed.has(id))
  if (fresh.length === 0) return
  const found = new Set<string>()
  // SQLite binds at most 32,766 parameters; 1,000 participants is the contract's limit anyway.
  for (let i = 0; i < fresh.length; i += 500) {
    const rows = await db
      .selectFrom('kader')
      .select('id')
      .where('id', 'in', fresh.slice(i, i + 500))
      .where('deleted', '=', 0)
      .execute()
    for (const r of rows) found.add(r.id)
  }
  const missing = fresh.filter((id) => !found.has(id))
  if (missing.length > 0) {
    throw invalidField(
      'participantIds',
      missing.length === 1
        ? 'Satu kader yang dipilih sebagai peserta tidak ada lagi di daftar kader (mungkin sudah diarsipkan). Hapus dari daftar peserta lalu simpan lagi.'
        : `${missing.length} kader yang dipilih sebagai peserta tidak ada lagi di daftar kader (mungkin sudah diarsipkan). Hapus dari daftar peserta lalu simpan lagi.`,
    )
  }
}

function editableValues(
  input: ParsedInput<'training:create'>,
  codes: string[],
  catalogueVersion: string,
  organiser: string | null,
): Pick<TrainingTable, Editable> {
  return {
    title: input.title,
    kind: input.kind,
    start_date: input.startDate,
    end_date: input.endDate,
    place: input.place,
    organiser,
    facilitators: JSON.stringify(input.facilitators),
    competencies: JSON.stringify(codes),
    catalogue_version: catalogueVersion,
    notes: input.notes,
  }
}

/**
 * The contract refuses it too; repeated here because the dates are what the attendance days
 * and assessment checks rest on, whatever door the input came through.
 */
function requireDateOrder(input: { startDate: string; endDate: string }): void {
  if (input.endDate < input.startDate) {
    throw invalidField(
      'endDate',
      `Tanggal selesai (${tanggal(input.endDate)}) tidak boleh sebelum tanggal mulai (${tanggal(input.startDate)}). Periksa lagi tanggal kegiatannya.`,
    )
  }
}

function spanOf(start: string, end: string): string {
  return start === end ? tanggal(start) : `${tanggal(start)} sampai ${tanggal(end)}`
}

// ---------------------------------------------------------------- writes

export async function createTraining(db: Db, input: ParsedInput<'training:create'>): Promise<Training> {
  const id = await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    requireDateOrder(input)
    const { codes, version: catalogueVersion } = await requireCodes(trx, input.competencies)
    await requireParticipants(trx, input.participantIds, new Set())
    const nowMs = Date.now()
    // The Puskesmas runs the trainings: an organiser left blank is this office.
    const id = await insertRecord(trx, 'training', editableValues(input, codes, catalogueVersion, input.organiser ?? site.name), { nowMs })
    await insertRecords(trx, 'training_participant', input.participantIds.map((kaderId) => newParticipant(id, kaderId)), { nowMs })
    return id
  })
  return getTraining(db, { id })
}

function newParticipant(trainingId: string, kaderId: string) {
  return { training_id: trainingId, kader_id: kaderId, attendance: '[]', pre_score: null, post_score: null, certificate_number: null }
}

async function requireTrainingRow(trx: Db, id: string): Promise<TrainingDbRow> {
  const row = await trx.selectFrom('training').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deleted === 1) throw notFoundTraining()
  return row
}

export async function updateTraining(db: Db, input: ParsedInput<'training:update'>): Promise<Training> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await requireTrainingRow(trx, input.id)
    requireDateOrder(input)
    const { codes, version: catalogueVersion } = await requireCodes(trx, input.competencies)
    const rows = await trx
      .selectFrom('training_participant')
      .select(['id', 'kader_id', 'deleted', 'field_versions', 'site_id'])
      .where('training_id', '=', input.id)
      .orderBy('deleted')
      .orderBy('version', 'desc')
      .execute()
    // Current rows sort first: a kader listed twice (two offices) keeps the live row.
    const byKader = new Map<string, (typeof rows)[number]>()
    for (const r of rows) if (!byKader.has(r.kader_id)) byKader.set(r.kader_id, r)
    const listed = new Set(rows.filter((r) => r.deleted === 0).map((r) => r.kader_id))
    await requireParticipants(trx, input.participantIds, listed)

    const values = editableValues(input, codes, catalogueVersion, input.organiser)
    const wanted = new Set(input.participantIds)
    const removals = rows.filter((r) => r.deleted === 0 && !wanted.has(r.kader_id))
    const restores = input.participantIds
      .map((k) => byKader.get(k))
      .filter((r): r is (typeof rows)[number] => r !== undefined && r.deleted === 1)
    const additions = input.participantIds.filter((k) => !byKader.has(k))

    // Versions in this order: the training's details, removals, restores, additions.
    const nowMs = Date.now()
    await updateRecord(trx, 'training', existing, values, { nowMs })
    await tombstoneRecords(trx, 'training_participant', removals, 1, { nowMs })
    await tombstoneRecords(trx, 'training_participant', restores, 0, { nowMs })
    await insertRecords(trx, 'training_participant', additions.map((kaderId) => newParticipant(input.id, kaderId)), { nowMs })
  })
  return getTraining(db, { id: input.id })
}

/**
 * Attendance, scores and certificates of the participants named; the others stay as they are.
 * A training may be entered ahead as a plan, but what happened in it cannot be recorded before
 * it happens: no attendance for a day that has not come (in the office's zone), and no scores or
 * certificates before the first day. Unticking is always possible, so a mistake can be undone.
 */
export async function saveTrainingResults(db: Db, input: ParsedInput<'training:results'>): Promise<Training> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const training = await requireTrainingRow(trx, input.trainingId)
    const days = new Set(trainingDays(training.start_date, training.end_date))
    const today = await officeToday(trx)
    const rows = await trx
      .selectFrom('training_participant')
      .selectAll()
      .where('training_id', '=', input.trainingId)
      .where('deleted', '=', 0)
      .orderBy('version', 'desc')
      .execute()
    const byKader = new Map<string, (typeof rows)[number]>()
    for (const r of rows) if (!byKader.has(r.kader_id)) byKader.set(r.kader_id, r)

    const updates: RecordUpdate<'training_participant'>[] = []
    for (const p of input.participants) {
      const row = byKader.get(p.kaderId)
      if (!row) {
        const kader = await trx.selectFrom('kader').select('name').where('id', '=', p.kaderId).executeTakeFirst()
        throw invalidField(
          'participants',
          `${kader ? kader.name : 'Salah satu kader'} bukan peserta kegiatan ini. Muat ulang halaman, lalu isi kehadiran dan nilai lagi.`,
        )
      }
      const outside = p.attendance.find((d) => !days.has(d))
      if (outside) {
        throw invalidField(
          'participants',
          `Tanggal hadir ${tanggal(outside)} di luar tanggal kegiatan (${spanOf(training.start_date, training.end_date)}). Centang hanya hari-hari kegiatan, atau ubah dulu tanggal kegiatannya.`,
        )
      }
      // A day already on record stays (saved on another office's clock): only new ticks are judged.
      const recorded = parseList(row.attendance)
      const ahead = p.attendance.find((d) => d > today && !recorded.includes(d))
      if (ahead) {
        throw invalidField(
          'participants',
          `Kehadiran ${tanggal(ahead)} belum dapat dicentang: hari itu belum tiba (hari ini ${tanggal(today)}). Centang kehadiran pada hari kegiatan atau sesudahnya.`,
        )
      }
      const scored = p.preScore !== null || p.postScore !== null || p.certificateNumber !== null
      const wasScored = row.pre_score !== null || row.post_score !== null || row.certificate_number !== null
      if (today < training.start_date && scored && !wasScored) {
        throw invalidField(
          'participants',
          `Pelatihan ini baru dimulai ${tanggal(training.start_date)}: nilai dan nomor sertifikat dicatat sesudah kegiatan berjalan. Simpan daftar peserta dulu sebagai rencana.`,
        )
      }
      const values = {
        attendance: JSON.stringify(p.attendance),
        pre_score: p.preScore,
        post_score: p.postScore,
        certificate_number: p.certificateNumber,
      }
      // Attendance compares as a set of days: the same days in another order are no change.
      const before = { ...row, attendance: JSON.stringify(parseList(row.attendance).sort()) }
      updates.push({ existing: before, patch: values })
    }
    // Participants whose results did not change are left alone (no version, no write).
    await updateRecords(trx, 'training_participant', updates)
  })
  return getTraining(db, { id: input.trainingId })
}

/** Tombstone, never a hard delete: the archive travels to other offices; assessments keep their link. */
export async function archiveTraining(db: Db, input: ParsedInput<'training:archive'>): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const row = await trx.selectFrom('training').select(['id', 'deleted', 'field_versions', 'site_id']).where('id', '=', input.id).executeTakeFirst()
    if (!row) throw notFoundTraining()
    if (row.deleted === 1) return
    await tombstoneRecord(trx, 'training', row)
  })
  return { id: input.id }
}
