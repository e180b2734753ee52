import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { archiveKader } from '../../electron/core/features/kader/kader.service'
import {
  archiveTraining,
  createTraining,
  getTraining,
  listTrainings,
  saveTrainingResults,
  updateTraining,
} from '../../electron/core/features/training/training.service'
import { DEFAULT_CATALOGUE } from '../../electron/core/features/competency/catalogue.service'
import { assessBulk } from '../../electron/core/features/competency/competency.service'
import { tanggal, todayJakarta } from '../../shared/domain/tanggal'
import { bulkAssessmentInput, trainingInput, trainingResultsInput, type Input, type Kader, type Posyandu } from '../../shared/contract'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'

let t: TestDb
let melati: Posyandu
let mawar: Posyandu
let siti: Kader
let ani: Kader
let budi: Kader

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
  mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar 02', rw: '2' })
  siti = (await makeKader(t.db, melati.id, { name: 'Siti Aminah' })).kader
  ani = (await makeKader(t.db, mawar.id, { name: 'Ani Rahmawati' })).kader
  budi = (await makeKader(t.db, melati.id, { name: 'budi Santoso', sex: 'L' })).kader
})
afterEach(async () => t.cleanup())

function fields(overrides: Partial<Input<'training:create'>> = {}): Input<'training:create'> {
  return {
    title: 'Pelatihan Kader Dasar Angkatan I',
    kind: 'pelatihan',
    startDate: '2025-03-03',
    endDate: '2025-03-05',
    place: 'Aula Puskesmas Tangerang',
    organiser: 'Puskesmas Tangerang',
    facilitators: ['dr. Rina', '  ', 'Bidan Yuli'],
    competencies: ['C3', 'C1', 'C2'],
    notes: null,
    participantIds: [siti.id, ani.id],
    ...overrides,
  }
}

const create = (overrides: Partial<Input<'training:create'>> = {}) => createTraining(t.db, trainingInput.parse(fields(overrides)))
const update = (id: string, overrides: Partial<Input<'training:create'>> = {}) =>
  updateTraining(t.db, { ...trainingInput.parse(fields(overrides)), id })
const results = (input: Input<'training:results'>) => saveTrainingResults(t.db, trainingResultsInput.parse(input))
const trainingRow = (id: string) => t.db.selectFrom('training').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const participantRows = (trainingId: string) =>
  t.db.selectFrom('training_participant').selectAll().where('training_id', '=', trainingId).orderBy('kader_id').execute()

describe('createTraining', () => {
  it('saves the event with its participants sorted by name, each with a masked NIK and no level yet', async () => {
    const tr = await create({ participantIds: [siti.id, ani.id, budi.id] })
    expect(tr).toMatchObject({
      title: 'Pelatihan Kader Dasar Angkatan I',
      kind: 'pelatihan',
      startDate: '2025-03-03',
      endDate: '2025-03-05',
      place: 'Aula Puskesmas Tangerang',
      organiser: 'Puskesmas Tangerang',
      facilitators: ['dr. Rina', 'Bidan Yuli'],
      competencies: ['C1', 'C2', 'C3'],
      days: ['2025-03-03', '2025-03-04', '2025-03-05'],
      catalogueVersion: DEFAULT_CATALOGUE.version,
      participantCount: 3,
    })
    expect(tr.participants.map((p) => p.name)).toEqual(['Ani Rahmawati', 'budi Santoso', 'Siti Aminah'])
    expect(tr.participants[0]).toEqual({
      kaderId: ani.id,
      name: 'Ani Rahmawati',
      nikMasked: `${ani.nik.slice(0, 6)}******${ani.nik.slice(12)}`,
      posyanduName: 'Posyandu Mawar 02',
      villageName: melati.villageName,
      level: null,
      attendance: [],
      preScore: null,
      postScore: null,
      certificateNumber: null,
    })
  })

  it('names this office as organiser when none is given', async () => {
    const tr = await create({ organiser: '  ' })
    expect(tr.organiser).toBe('Kantor Kelurahan Sukarasa')
  })

  it('reads the derived level of a participant from kader_competency', async () => {
    await t.db
      .insertInto('kader_competency')
      .values({ kader_id: siti.id, competent: '[]', not_yet: '[]', groups: '["A","B"]', level: 'purwa', level_rank: 1, catalogue_version: DEFAULT_CATALOGUE.version })
      .onConflict((oc) => oc.column('kader_id').doUpdateSet({ level: 'purwa', level_rank: 1 }))
      .execute()
    const tr = await create()
    expect(tr.participants.find((p) => p.kaderId === siti.id)?.level).toBe('purwa')
    expect(tr.participants.find((p) => p.kaderId === ani.id)?.level).toBeNull()
  })

  it('refuses a competency code the catalogue in force does not have, and saves nothing', async () => {
    const e = await errorOf(() => create({ competencies: ['C1', 'Z9'] }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'competencies' })
    expect(e.message).toMatch(/^Keterampilan Z9 tidak ada di katalog yang berlaku/)
    expect(await t.db.selectFrom('training').select('id').execute()).toEqual([])
  })

  it('refuses an archived kader as participant', async () => {
    await archiveKader(t.db, { id: budi.id })
    const e = await errorOf(() => create({ participantIds: [siti.id, budi.id] }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'participantIds' })
    expect(e.message).toMatch(/tidak ada lagi di daftar kader/)
    expect(await t.db.selectFrom('training_participant').select('id').execute()).toEqual([])
  })

  it('refuses an end date before the start date (contract rule, Indonesian message)', () => {
    const parsed = trainingInput.safeParse(fields({ startDate: '2025-03-05', endDate: '2025-03-03' }))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['endDate'], message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' })
  })
})

describe('listTrainings', () => {
  it('lists non-archived trainings newest first, counting only current participants, searchable by title or place', async () => {
    const a = await create({ title: 'Refreshing Kader Gizi', kind: 'refreshing', startDate: '2025-01-10', endDate: '2025-01-10', place: 'Balai RW 02' })
    const b = await create({ title: 'Bimtek Pencatatan', kind: 'bimtek', startDate: '2025-05-01', endDate: '2025-05-02', place: 'Aula Kelurahan' })
    const c = await create({ title: 'Orientasi Kader Baru', kind: 'orientasi', startDate: '2025-03-01', endDate: '2025-03-01' })
    await update(b.id, { title: 'Bimtek Pencatatan', kind: 'bimtek', startDate: '2025-05-01', endDate: '2025-05-02', place: 'Aula Kelurahan', participantIds: [siti.id] })
    await archiveTraining(t.db, { id: c.id })

    const all = await listTrainings(t.db, { query: '' })
    expect(all.map((r) => r.id)).toEqual([b.id, a.id])
    expect(all[0]).toEqual({
      id: b.id,
      title: 'Bimtek Pencatatan',
      kind: 'bimtek',
      startDate: '2025-05-01',
      endDate: '2025-05-02',
      place: 'Aula Kelurahan',
      organiser: 'Puskesmas Tangerang',
      competencies: ['C1', 'C2', 'C3'],
      participantCount: 1,
    })
    expect((await listTrainings(t.db, { query: 'GIZI' })).map((r) => r.id)).toEqual([a.id])
    expect((await listTrainings(t.db, { query: 'aula kel' })).map((r) => r.id)).toEqual([b.id])
    expect(await listTrainings(t.db, { query: '100%' })).toEqual([])
  })
})

describe('updateTraining', () => {
  it('tombstones removed participants with their results, and restores them with the results when re-added', async () => {
    const tr = await create()
    await results({
      trainingId: tr.id,
      participants: [{ kaderId: ani.id, attendance: ['2025-03-03', '2025-03-04'], preScore: 55, postScore: 80, certificateNumber: 'SRT/001' }],
    })

    const removed = await update(tr.id, { participantIds: [siti.id, budi.id] })
    expect(removed.participants.map((p) => p.name)).toEqual(['budi Santoso', 'Siti Aminah'])
    const aniRow = (await participantRows(tr.id)).find((r) => r.kader_id === ani.id)!
    expect(aniRow).toMatchObject({ deleted: 1, pre_score: 55, post_score: 80, certificate_number: 'SRT/001' })
    expect(columnVersions(aniRow.field_versions)).toEqual(expect.objectContaining({ deleted: aniRow.version }))

    const restored = await update(tr.id, { participantIds: [siti.id, budi.id, ani.id] })
    expect(restored.participants.find((p) => p.kaderId === ani.id)).toMatchObject({
      attendance: ['2025-03-03', '2025-03-04'],
      preScore: 55,
      postScore: 80,
      certificateNumber: 'SRT/001',
    })
    // Restoring reuses the row: one row per kader on this training, never a second one.
    expect((await participantRows(tr.id)).filter((r) => r.kader_id === ani.id)).toHaveLength(1)
  })

  it('keeps an already listed participant who was archived since, but refuses adding an archived kader', async () => {
    const tr = await create()
    await archiveKader(t.db, { id: ani.id })
    const kept = await update(tr.id, { title: 'Pelatihan Kader Dasar (revisi)' })
    expect(kept.participants.map((p) => p.kaderId)).toContain(ani.id)
    await archiveKader(t.db, { id: budi.id })
    const e = await errorOf(() => update(tr.id, { participantIds: [siti.id, ani.id, budi.id] }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'participantIds' })
  })

  it('bumps the version and the field versions of exactly the changed columns', async () => {
    const tr = await create()
    const before = await trainingRow(tr.id)
    expect(before.field_versions).toBe('{}')

    await update(tr.id, { title: 'Pelatihan Kader Dasar Angkatan II', place: 'Balai Warga RW 01' })
    const after = await trainingRow(tr.id)
    expect(after.version > before.version).toBe(true)
    expect(columnVersions(after.field_versions)).toEqual({ title: after.version, place: after.version })

    // Nothing changed: no new version.
    await update(tr.id, { title: 'Pelatihan Kader Dasar Angkatan II', place: 'Balai Warga RW 01' })
    expect((await trainingRow(tr.id)).version).toBe(after.version)

    await update(tr.id, { title: 'Pelatihan Kader Dasar Angkatan II', place: 'Balai Warga RW 01', competencies: ['D1'] })
    const third = await trainingRow(tr.id)
    expect(third.version > after.version).toBe(true)
    expect(columnVersions(third.field_versions)).toEqual({ title: after.version, place: after.version, competencies: third.version })
    expect(third.competencies).toBe('["D1"]')
  })

  it('refuses an unknown competency code on update and leaves the training as it was', async () => {
    const tr = await create()
    const e = await errorOf(() => update(tr.id, { title: 'Judul baru', competencies: ['A1', 'X1'] }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'competencies' })
    expect((await getTraining(t.db, { id: tr.id })).title).toBe('Pelatihan Kader Dasar Angkatan I')
  })

  it('answers not_found for an archived training', async () => {
    const tr = await create()
    await archiveTraining(t.db, { id: tr.id })
    expect(await errorOf(() => update(tr.id))).toMatchObject({ code: 'not_found' })
    expect(await errorOf(() => getTraining(t.db, { id: tr.id }))).toMatchObject({ code: 'not_found' })
    const row = await trainingRow(tr.id)
    expect(row.deleted).toBe(1)
    expect(columnVersions(row.field_versions)).toEqual({ deleted: row.version })
  })
})

describe('saveTrainingResults', () => {
  it('saves attendance per day, scores and certificate numbers, versioning only the rows that changed', async () => {
    const tr = await create()
    const before = await participantRows(tr.id)
    const saved = await results({
      trainingId: tr.id,
      participants: [
        { kaderId: siti.id, attendance: ['2025-03-05', '2025-03-03', '2025-03-03'], preScore: 60.5, postScore: 85, certificateNumber: ' 440/12/PKM ' },
        { kaderId: ani.id, attendance: [], preScore: null, postScore: null, certificateNumber: '' },
      ],
    })
    expect(saved.participants.find((p) => p.kaderId === siti.id)).toMatchObject({
      attendance: ['2025-03-03', '2025-03-05'],
      preScore: 60.5,
      postScore: 85,
      certificateNumber: '440/12/PKM',
    })
    const after = await participantRows(tr.id)
    const sitiBefore = before.find((r) => r.kader_id === siti.id)!
    const sitiAfter = after.find((r) => r.kader_id === siti.id)!
    expect(sitiAfter.version > sitiBefore.version).toBe(true)
    expect(columnVersions(sitiAfter.field_versions)).toEqual({
      attendance: sitiAfter.version,
      pre_score: sitiAfter.version,
      post_score: sitiAfter.version,
      certificate_number: sitiAfter.version,
    })
    // Ani's line was sent unchanged: her row keeps its version.
    expect(after.find((r) => r.kader_id === ani.id)!.version).toBe(before.find((r) => r.kader_id === ani.id)!.version)

    await results({ trainingId: tr.id, participants: [{ kaderId: siti.id, attendance: ['2025-03-03', '2025-03-04', '2025-03-05'], preScore: 60.5, postScore: 85, certificateNumber: '440/12/PKM' }] })
    const third = (await participantRows(tr.id)).find((r) => r.kader_id === siti.id)!
    expect(columnVersions(third.field_versions)).toMatchObject({ attendance: third.version, pre_score: sitiAfter.version })
  })

  it('refuses an attendance day outside the training days, saying which days are allowed', async () => {
    const tr = await create()
    const e = await errorOf(() =>
      results({ trainingId: tr.id, participants: [{ kaderId: siti.id, attendance: ['2025-03-03', '2025-03-06'], preScore: 70 }] }),
    )
    expect(e).toMatchObject({ code: 'invalid_input', field: 'participants' })
    expect(e.message).toBe(
      'Tanggal hadir 6 Maret 2025 di luar tanggal kegiatan (3 Maret 2025 sampai 5 Maret 2025). Centang hanya hari-hari kegiatan, atau ubah dulu tanggal kegiatannya.',
    )
    expect((await getTraining(t.db, { id: tr.id })).participants.find((p) => p.kaderId === siti.id)?.preScore).toBeNull()
  })

  it('refuses results for a kader who is not (or no longer) a participant, and saves none of the batch', async () => {
    const tr = await create()
    const e = await errorOf(() =>
      results({
        trainingId: tr.id,
        participants: [
          { kaderId: siti.id, attendance: ['2025-03-03'], preScore: 70 },
          { kaderId: budi.id, attendance: ['2025-03-03'], preScore: 70 },
        ],
      }),
    )
    expect(e).toMatchObject({ code: 'invalid_input', field: 'participants' })
    expect(e.message).toMatch(/^budi Santoso bukan peserta kegiatan ini/)
    expect((await getTraining(t.db, { id: tr.id })).participants.find((p) => p.kaderId === siti.id)?.attendance).toEqual([])

    await update(tr.id, { participantIds: [siti.id] })
    expect(await errorOf(() => results({ trainingId: tr.id, participants: [{ kaderId: ani.id, attendance: [] }] }))).toMatchObject({
      code: 'invalid_input',
      field: 'participants',
    })
  })

  it('refuses a score above 100 at the contract, in Indonesian', () => {
    const parsed = trainingResultsInput.safeParse({ trainingId: siti.id, participants: [{ kaderId: siti.id, attendance: [], postScore: 120 }] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe('Nilai paling besar 100.')
  })
})

describe('dates checked against each other', () => {
  /** The office's calendar day `n` days from today (the kelurahan of the fixtures is in WIB). */
  const day = (n: number) => new Date(Date.parse(`${todayJakarta()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
  const assessor = { name: 'Bidan Yuli', nip: null, profession: null, institution: null }
  const grid = (trainingId: string, date: string) =>
    assessBulk(
      t.db,
      bulkAssessmentInput.parse({ trainingId, date, method: 'uji_pelatihan', assessor, entries: [{ kaderId: siti.id, competencyCode: 'C1', result: 'kompeten' }] }),
    )

  it('refuses an end before the start in the service too, whatever door the input came through', async () => {
    const e = await errorOf(() => createTraining(t.db, { ...trainingInput.parse(fields()), startDate: '2025-03-05', endDate: '2025-03-03' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'endDate' })
    expect(e.message).toBe('Tanggal selesai (3 Maret 2025) tidak boleh sebelum tanggal mulai (5 Maret 2025). Periksa lagi tanggal kegiatannya.')
    expect(await t.db.selectFrom('training').select('id').execute()).toEqual([])
    const tr = await create()
    const u = await errorOf(() => updateTraining(t.db, { ...trainingInput.parse(fields()), id: tr.id, startDate: '2025-03-06' }))
    expect(u.field).toBe('endDate')
    expect((await getTraining(t.db, { id: tr.id })).startDate).toBe('2025-03-03')
  })

  it('takes a training planned ahead with its participants, but no attendance for a day not yet come', async () => {
    const tr = await create({ startDate: day(-1), endDate: day(1) })
    // Yesterday and today can be ticked; tomorrow cannot, and nothing of the batch is saved.
    const e = await errorOf(() => results({ trainingId: tr.id, participants: [{ kaderId: siti.id, attendance: [day(-1), day(0), day(1)], preScore: 60 }] }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'participants' })
    expect(e.message).toBe(`Kehadiran ${tanggal(day(1))} belum dapat dicentang: hari itu belum tiba (hari ini ${tanggal(day(0))}). Centang kehadiran pada hari kegiatan atau sesudahnya.`)
    expect((await getTraining(t.db, { id: tr.id })).participants.find((p) => p.kaderId === siti.id)?.preScore).toBeNull()
    const saved = await results({ trainingId: tr.id, participants: [{ kaderId: siti.id, attendance: [day(-1), day(0)], preScore: 60 }] })
    expect(saved.participants.find((p) => p.kaderId === siti.id)).toMatchObject({ attendance: [day(-1), day(0)], preScore: 60 })
  })

  it('records no scores, certificates or assessments for a training that has not begun', async () => {
    const tr = await create({ startDate: day(3), endDate: day(4) })
    expect(tr.participants).toHaveLength(2)
    const e = await errorOf(() => results({ trainingId: tr.id, participants: [{ kaderId: siti.id, attendance: [], preScore: 55 }] }))
    expect(e.message).toBe(
      `Pelatihan ini baru dimulai ${tanggal(day(3))}: nilai dan nomor sertifikat dicatat sesudah kegiatan berjalan. Simpan daftar peserta dulu sebagai rencana.`,
    )
    // Dated today (not ahead), the assessment still falls before the training began.
    const a = await errorOf(() => grid(tr.id, day(0)))
    expect(a).toMatchObject({ code: 'invalid_input', field: 'date' })
    expect(a.message).toBe(
      `Tanggal penilaian (${tanggal(day(0))}) sebelum pelatihan "Pelatihan Kader Dasar Angkatan I" dimulai (${tanggal(day(3))}). Pilih tanggal pada hari pelatihan atau sesudahnya.`,
    )
    expect(await t.db.selectFrom('assessment').select('id').execute()).toEqual([])
  })

  it('takes an assessment on a training day or after it (the uji at the Posyandu), not before it began', async () => {
    const tr = await create()
    expect((await errorOf(() => grid(tr.id, '2025-03-02'))).field).toBe('date')
    expect((await grid(tr.id, '2025-03-05')).saved).toBe(1)
    expect((await grid(tr.id, '2025-04-10')).saved).toBe(1)
  })
})
