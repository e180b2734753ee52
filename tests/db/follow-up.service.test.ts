import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addFollowUpProgress,
  createFollowUp,
  getFollowUp,
  listFollowUps,
  median,
  opdBoard,
  updateFollowUp,
} from '../../electron/core/features/follow-up/follow-up.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { uuidv7 } from '../../electron/core/sync/uuid'
import { followUpInput, followUpListInput, followUpProgressInput, type Input, type Posyandu } from '../../shared/contract'
import { createTestDb, errorOf, makePosyandu, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'
import { meetingRow, opdRow } from '../fixtures/rows'

let t: TestDb
let melati: Posyandu
let dinkes: string
let pupr: string
let dlh: string
let rapat: string

const today = todayJakarta()
/** A calendar date `n` days from today (negative: before). */
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** OPD rows written directly: this suite tests follow-ups, not the OPD service. */
async function makeOpd(name: string, active = true): Promise<string> {
  const row = opdRow({ name, active: active ? 1 : 0 })
  await t.db.insertInto('opd').values(row).execute()
  return row.id
}

async function makeMeeting(title: string, deleted: 0 | 1 = 0): Promise<string> {
  const row = meetingRow({ title, date: day(-30), deleted })
  await t.db.insertInto('meeting').values(row).execute()
  return row.id
}

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
  dinkes = await makeOpd('Uji: Dinas Kesehatan')
  pupr = await makeOpd('Uji: Dinas PUPR')
  dlh = await makeOpd('Uji: DLH')
  rapat = await makeMeeting('Rapat Koordinasi Pokjanal Triwulan III')
})
afterEach(async () => t.cleanup())

function fields(overrides: Partial<Input<'followUp:create'>> = {}): Input<'followUp:create'> {
  return {
    source: 'rapat',
    meetingId: rapat,
    date: day(-20),
    posyanduId: melati.id,
    spmField: 'pekerjaan_umum',
    description: 'Saluran air di RW 03 tersumbat tumpukan sampah, Posyandu tergenang saat hujan.',
    reporter: 'Bu Rina (kader)',
    opdId: pupr,
    dueDate: day(-1),
    ...overrides,
  }
}

const create = (overrides: Partial<Input<'followUp:create'>> = {}) => createFollowUp(t.db, followUpInput.parse(fields(overrides)))
const update = (id: string, overrides: Partial<Input<'followUp:create'>> = {}) =>
  updateFollowUp(t.db, { ...followUpInput.parse(fields(overrides)), id })
const progress = (input: Input<'followUp:progress'>) => addFollowUpProgress(t.db, followUpProgressInput.parse(input))
const list = (input: Input<'followUp:list'> = {}) => listFollowUps(t.db, followUpListInput.parse(input))
const row = (id: string) => t.db.selectFrom('follow_up').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('createFollowUp', () => {
  it('saves it as baru with a first progress row "Dicatat" and the names of its OPD, meeting and Posyandu', async () => {
    const f = await create()
    expect(f).toMatchObject({
      source: 'rapat',
      meetingId: rapat,
      meetingTitle: 'Rapat Koordinasi Pokjanal Triwulan III',
      posyanduId: melati.id,
      posyanduName: 'Posyandu Melati 01',
      spmField: 'pekerjaan_umum',
      opdId: pupr,
      opdName: 'Uji: Dinas PUPR',
      status: 'baru',
      closedDate: null,
      closingEvidence: null,
      reporter: 'Bu Rina (kader)',
    })
    expect(f.progress).toEqual([expect.objectContaining({ date: day(-20), status: 'baru', note: 'Dicatat' })])
    const saved = await row(f.id)
    expect(saved.version).toMatch(/^\d{13}:\d{4}:/)
    expect(saved.field_versions).toBe('{}')
  })

  it('names the field for each invalid reference or date', async () => {
    const inactive = await makeOpd('Uji: Dinas Lama', false)
    const archived = await makeMeeting('Rapat yang diarsipkan', 1)
    const cases: [Partial<Input<'followUp:create'>>, string][] = [
      [{ opdId: inactive }, 'opdId'],
      [{ opdId: uuidv7() }, 'opdId'],
      [{ meetingId: null }, 'meetingId'],
      [{ meetingId: archived }, 'meetingId'],
      [{ meetingId: uuidv7() }, 'meetingId'],
      [{ posyanduId: uuidv7() }, 'posyanduId'],
      [{ date: day(-5), dueDate: day(-6) }, 'dueDate'],
    ]
    for (const [overrides, field] of cases) {
      const e = await errorOf(() => create(overrides))
      expect(e, field).toMatchObject({ code: 'invalid_input', field })
      expect(e.message.length).toBeGreaterThan(20)
    }
    expect(await t.db.selectFrom('follow_up').select('id').execute()).toEqual([])
  })

  it('needs no meeting for a complaint raised at a Posyandu, and accepts a deadline on the day itself', async () => {
    const f = await create({ source: 'aduan', meetingId: null, date: day(-3), dueDate: day(-3) })
    expect(f).toMatchObject({ source: 'aduan', meetingId: null, meetingTitle: null, dueDate: day(-3) })
  })
})

describe('the overdue rule', () => {
  it('is overdue the day after the deadline while open, not on the deadline day, not once closed, and again when reopened', async () => {
    const late = await create({ dueDate: day(-1) })
    const dueToday = await create({ dueDate: today })
    expect(late).toMatchObject({ overdue: true, daysOverdue: 1 })
    expect(dueToday).toMatchObject({ overdue: false, daysOverdue: 0 })

    const closed = await progress({ id: late.id, date: today, status: 'selesai', closingEvidence: 'Surat balasan Dinas PUPR no. 600/123' })
    expect(closed).toMatchObject({ status: 'selesai', overdue: false, daysOverdue: 0, closedDate: today })
    expect((await list({ state: 'overdue' })).map((r) => r.id)).toEqual([])

    const reopened = await progress({ id: late.id, date: today, status: 'diproses', note: 'Warga melapor saluran tersumbat lagi.' })
    expect(reopened).toMatchObject({ status: 'diproses', overdue: true, daysOverdue: 1, closedDate: null, closingEvidence: null })
    expect((await list({ state: 'overdue' })).map((r) => r.id)).toEqual([late.id])
  })

  it('counts the days past the deadline', async () => {
    const f = await create({ date: day(-40), dueDate: day(-12) })
    expect(f).toMatchObject({ overdue: true, daysOverdue: 12 })
  })
})

describe('addFollowUpProgress', () => {
  it('keeps a dated history, newest first, and sets the closed date to the date of the closing note', async () => {
    const f = await create({ date: day(-20), dueDate: day(10) })
    await progress({ id: f.id, date: day(-15), status: 'diproses', note: 'Surat diteruskan ke Dinas PUPR.' })
    await progress({ id: f.id, date: day(-9), status: 'diproses', note: 'Survei lokasi oleh Dinas PUPR.' })
    const done = await progress({ id: f.id, date: day(-2), status: 'selesai', note: 'Saluran dibersihkan.', closingEvidence: 'Foto sesudah perbaikan' })
    expect(done.progress.map((p) => [p.date, p.status])).toEqual([
      [day(-2), 'selesai'],
      [day(-9), 'diproses'],
      [day(-15), 'diproses'],
      [day(-20), 'baru'],
    ])
    expect(done.progress[0]!.note).toBe('Saluran dibersihkan.\nBukti penyelesaian: Foto sesudah perbaikan')
    expect(done).toMatchObject({ status: 'selesai', closedDate: day(-2), closingEvidence: 'Foto sesudah perbaikan' })
    const saved = await row(f.id)
    expect(Object.keys(columnVersions(saved.field_versions)).sort()).toEqual(['closed_date', 'closing_evidence', 'status'])
  })

  it('closes as tidak dapat ditindaklanjuti with a reason, which also sets the closed date', async () => {
    const f = await create()
    const e = await errorOf(() => progress({ id: f.id, date: today, status: 'tidak_dapat' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'note' })
    const closed = await progress({ id: f.id, date: today, status: 'tidak_dapat', note: 'Lahan milik swasta, bukan kewenangan Pemda.' })
    expect(closed).toMatchObject({ status: 'tidak_dapat', closedDate: today, overdue: false })
  })

  it('keeps the closed date when a closed item only gets a note or better evidence', async () => {
    const f = await create({ date: day(-20) })
    await progress({ id: f.id, date: day(-6), status: 'selesai', closingEvidence: 'Foto' })
    const better = await progress({ id: f.id, date: day(-1), status: 'selesai', closingEvidence: 'Berita acara serah terima no. 7' })
    expect(better).toMatchObject({ closedDate: day(-6), closingEvidence: 'Berita acara serah terima no. 7' })
    expect(better.progress).toHaveLength(3)
  })

  it('asks for closing evidence, saying what counts as evidence', async () => {
    const f = await create()
    const e = await errorOf(() => progress({ id: f.id, date: today, status: 'selesai', note: 'Sudah.' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'closingEvidence' })
    expect(e.message).toMatch(/bukti/i)
    expect(e.message).toMatch(/surat|berita acara|foto/)
    expect((await row(f.id)).status).toBe('baru')
  })

  it('rejects a date in the future or before the follow-up was raised, and a note that says nothing', async () => {
    const f = await create({ date: day(-20) })
    expect(await errorOf(() => progress({ id: f.id, date: day(1), status: 'diproses', note: 'x' }))).toMatchObject({ field: 'date' })
    expect(await errorOf(() => progress({ id: f.id, date: day(-21), status: 'diproses', note: 'x' }))).toMatchObject({ field: 'date' })
    expect(await errorOf(() => progress({ id: f.id, date: today, status: 'baru' }))).toMatchObject({ field: 'note' })
    expect(await errorOf(() => progress({ id: uuidv7(), date: today, status: 'diproses', note: 'x' }))).toMatchObject({ code: 'not_found' })
    expect((await getFollowUp(t.db, { id: f.id })).progress).toHaveLength(1)
  })
})

describe('updateFollowUp', () => {
  it('changes the details only, with field versions for the changed columns', async () => {
    const f = await create()
    await progress({ id: f.id, date: today, status: 'diproses', note: 'Diteruskan.' })
    const before = await row(f.id)
    const changed = await update(f.id, { opdId: dlh, dueDate: day(14), description: 'Sampah menumpuk di saluran RW 03.' })
    expect(changed).toMatchObject({ opdId: dlh, opdName: 'Uji: DLH', dueDate: day(14), status: 'diproses', overdue: false })
    const after = await row(f.id)
    expect(after.version > before.version).toBe(true)
    const fv = columnVersions(after.field_versions)
    expect(fv.opd_id).toBe(after.version)
    expect(fv.due_date).toBe(after.version)
    expect(fv.description).toBe(after.version)
    expect(fv.reporter).toBeUndefined()
    // Nothing changed: nothing written.
    await update(f.id, { opdId: dlh, dueDate: day(14), description: 'Sampah menumpuk di saluran RW 03.' })
    expect((await row(f.id)).version).toBe(after.version)
  })

  it('keeps an OPD made inactive since, but does not accept one newly chosen', async () => {
    const f = await create({ opdId: dinkes })
    await t.db.updateTable('opd').set({ active: 0 }).where('id', '=', dinkes).execute()
    await expect(update(f.id, { opdId: dinkes, description: 'Uraian diperbaiki.' })).resolves.toMatchObject({ opdId: dinkes })
    const other = await create({ opdId: pupr })
    expect(await errorOf(() => update(other.id, { opdId: dinkes }))).toMatchObject({ field: 'opdId' })
  })

  it('does not move the date past the day it was closed', async () => {
    const f = await create({ date: day(-20) })
    await progress({ id: f.id, date: day(-10), status: 'selesai', closingEvidence: 'Berita acara' })
    expect(await errorOf(() => update(f.id, { date: day(-5), dueDate: day(1) }))).toMatchObject({ field: 'date' })
  })
})

describe('listFollowUps', () => {
  it('finds every word typed at any word start, and a word with one slip as similar only when nothing matched', async () => {
    const a = await create({ description: 'Sampah menumpuk di saluran drainase', opdId: pupr, dueDate: day(5) })
    const b = await create({ description: 'Stok vitamin A habis', opdId: dinkes, dueDate: day(5), reporter: 'Bidan Yuli' })
    const found = async (query: string) => (await list({ query })).map((r) => [r.id, r.similar ?? false])
    expect(await found('drain samp')).toEqual([[a.id, false]])
    expect(await found('bidan vitam')).toEqual([[b.id, false]])
    expect(await found('saluarn')).toEqual([[a.id, true]])
    expect(await found('vitamn stok')).toEqual([[b.id, true]])
    expect(await found('sampah vitamin')).toEqual([])
  })

  it('filters by state, OPD, meeting and text, overdue first then by deadline', async () => {
    const other = await makeMeeting('Monev Posyandu Mawar')
    const a = await create({ description: 'Sampah menumpuk di saluran', opdId: pupr, dueDate: day(5) })
    const b = await create({ description: 'Jalan berlubang menuju Posyandu', opdId: pupr, dueDate: day(-3) })
    const c = await create({ description: 'Stok vitamin A habis', opdId: dinkes, dueDate: day(-8), meetingId: other, reporter: 'Bidan Yuli' })
    const d = await create({ description: 'Lampu jalan padam', opdId: pupr, dueDate: day(-30), date: day(-40) })
    await progress({ id: d.id, date: today, status: 'selesai', closingEvidence: 'Foto lampu menyala' })
    const e = await create({ description: 'Posyandu butuh timbangan', opdId: dinkes, dueDate: day(2) })
    await progress({ id: e.id, date: today, status: 'diproses', note: 'Diajukan ke Puskesmas.' })

    expect((await list()).map((r) => r.id)).toEqual([c.id, b.id, d.id, e.id, a.id])
    expect((await list({ state: 'open' })).map((r) => r.id)).toEqual([c.id, b.id, e.id, a.id])
    expect((await list({ state: 'overdue' })).map((r) => r.id)).toEqual([c.id, b.id])
    expect((await list({ state: 'selesai' })).map((r) => r.id)).toEqual([d.id])
    expect((await list({ state: 'diproses' })).map((r) => r.id)).toEqual([e.id])
    expect((await list({ state: 'baru' })).map((r) => r.id)).toEqual([c.id, b.id, a.id])
    expect((await list({ opdId: dinkes })).map((r) => r.id)).toEqual([c.id, e.id])
    expect((await list({ meetingId: other })).map((r) => r.id)).toEqual([c.id])
    expect((await list({ query: 'SAMPAH' })).map((r) => r.id)).toEqual([a.id])
    expect((await list({ query: 'yuli' })).map((r) => r.id)).toEqual([c.id])
    expect((await list({ query: '100%_' })).map((r) => r.id)).toEqual([])
    const rows = await list()
    expect(rows.map((r) => [r.overdue, r.daysOverdue])).toEqual([
      [true, 8],
      [true, 3],
      [false, 0],
      [false, 0],
      [false, 0],
    ])
  })
})

describe('opdBoard', () => {
  it('counts open, overdue and closed per active OPD with follow-ups, with the median days to close, busiest first', async () => {
    // Dinas PUPR: two overdue, one open in time, three closed after 4, 10 and 30 days → median 10.
    await create({ opdId: pupr, dueDate: day(-1) })
    await create({ opdId: pupr, dueDate: day(-5) })
    await create({ opdId: pupr, dueDate: day(3) })
    for (const [raised, closedAfter] of [
      [-40, 4],
      [-50, 10],
      [-35, 30],
    ] as const) {
      const f = await create({ opdId: pupr, date: day(raised), dueDate: day(raised + 7) })
      await progress({ id: f.id, date: day(raised + closedAfter), status: 'selesai', closingEvidence: 'Berita acara' })
    }
    // Dinas Kesehatan: one open in time, two closed (one as tidak dapat) after 2 and 7 days → median 5 (4.5 rounded).
    await create({ opdId: dinkes, dueDate: day(9) })
    const k1 = await create({ opdId: dinkes, date: day(-10), dueDate: day(-1) })
    await progress({ id: k1.id, date: day(-8), status: 'selesai', closingEvidence: 'Stok dikirim' })
    const k2 = await create({ opdId: dinkes, date: day(-10), dueDate: day(-1) })
    await progress({ id: k2.id, date: day(-3), status: 'tidak_dapat', note: 'Bukan kewenangan Dinkes.' })
    // DLH: only open in time, so it sorts after the OPD with overdue items by open count.
    await create({ opdId: dlh, dueDate: day(1) })
    await create({ opdId: dlh, dueDate: day(2) })
    // An inactive OPD with follow-ups is left off the board.
    const old = await makeOpd('Uji: Dinas Lama')
    await create({ opdId: old, dueDate: day(-9) })
    await t.db.updateTable('opd').set({ active: 0 }).where('id', '=', old).execute()

    const board = await opdBoard(t.db)
    expect(board).toEqual([
      { opdId: pupr, opdName: 'Uji: Dinas PUPR', open: 3, overdue: 2, closed: 3, medianDaysToClose: 10 },
      { opdId: dlh, opdName: 'Uji: DLH', open: 2, overdue: 0, closed: 0, medianDaysToClose: null },
      { opdId: dinkes, opdName: 'Uji: Dinas Kesehatan', open: 1, overdue: 0, closed: 2, medianDaysToClose: 5 },
    ])
  })

  it('moves when a follow-up is closed', async () => {
    const f = await create({ opdId: dinkes, date: day(-6), dueDate: day(-1) })
    expect(await opdBoard(t.db)).toEqual([{ opdId: dinkes, opdName: 'Uji: Dinas Kesehatan', open: 1, overdue: 1, closed: 0, medianDaysToClose: null }])
    await progress({ id: f.id, date: today, status: 'selesai', closingEvidence: 'Surat balasan' })
    expect(await opdBoard(t.db)).toEqual([{ opdId: dinkes, opdName: 'Uji: Dinas Kesehatan', open: 0, overdue: 0, closed: 1, medianDaysToClose: 6 }])
  })
})

describe('median', () => {
  it('takes the middle value, the rounded mean of the middle two for an even count, null for none', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([30, 4, 10])).toBe(10)
    expect(median([2, 7])).toBe(5)
    expect(median([1, 2, 3, 10])).toBe(3)
  })
})
