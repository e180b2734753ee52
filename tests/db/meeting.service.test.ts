import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../electron/core/db/schema'
import { todayJakarta } from '../../shared/domain/tanggal'
import {
  addAttachment,
  archiveMeeting,
  createMeeting,
  getAttachment,
  getMeeting,
  listMeetings,
  removeAttachment,
  updateMeeting,
} from '../../electron/core/features/meeting/meeting.service'
import { defaultOpdId } from '../../electron/core/features/opd/opd.service'
import { uuidv7 } from '../../electron/core/sync/uuid'
import { contract, meetingInput, type Input, type Posyandu } from '../../shared/contract'
import { MAX_ATTACHMENT_BYTES, type FollowUpStatus } from '../../shared/domain/meeting'
import { createTestDb, errorOf, makePosyandu, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'
import { replicatedColumns } from '../fixtures/rows'

let t: TestDb
let melati: Posyandu
const dinkes = defaultOpdId('dinkes')
const pupr = defaultOpdId('pupr')

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
})
afterEach(async () => t.cleanup())

function fields(overrides: Partial<Input<'meeting:create'>> = {}): Input<'meeting:create'> {
  return {
    level: 'kelurahan',
    kind: 'rapat_koordinasi',
    title: 'Rapat Koordinasi Tim Pembina Posyandu Triwulan I',
    date: '2025-03-10',
    startTime: '09:00',
    endTime: '11:30',
    place: 'Aula Kantor Kelurahan Sukarasa',
    chair: 'Lurah Sukarasa',
    minuteTaker: 'Sekretaris Kelurahan',
    invitationNumber: '005/12-Kel.Skr/III/2025',
    posyanduId: melati.id,
    spmFields: ['pekerjaan_umum', 'kesehatan'],
    agenda: [
      { title: 'Laporan Posyandu', minutes: 'Kunjungan balita **turun**.\n\n- Timbangan rusak\n- Kader kurang' },
      { title: 'Sarana air bersih', minutes: '1. Sumur bor RW 01 mati' },
    ],
    conclusions: 'Dinkes memeriksa timbangan; PUPR menilai sumur bor.',
    attendees: [
      { name: 'dr. Rina', position: 'Kepala Puskesmas', institution: 'Puskesmas Tangerang', opdId: dinkes, phone: '0812-3456-7890', present: true },
      { name: 'Ir. Budi', position: 'Kasi Air Minum', institution: 'Dinas PUPR', opdId: pupr, phone: null, present: false },
      { name: 'Ibu Sari', position: 'Ketua', institution: 'TP PKK Kelurahan', opdId: null, phone: null, present: true },
    ],
    ...overrides,
  }
}

const create = (overrides: Partial<Input<'meeting:create'>> = {}) => createMeeting(t.db, meetingInput.parse(fields(overrides)))
const update = (id: string, overrides: Partial<Input<'meeting:create'>> = {}) =>
  updateMeeting(t.db, { ...meetingInput.parse(fields(overrides)), id })
const meetingRow = (id: string) => t.db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const count = async (db: Db, table: 'meeting' | 'attachment' | 'attachment_blob') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
/** A file that begins as a JPEG does (the service checks the content, not the name), padded to a sensible size. */
const jpeg = (s: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(s.padEnd(80, '.'))])
const pdf = (s: string) => Buffer.from(`%PDF-1.4\n${s}`.padEnd(80, ' '))
const attach = (meetingId: string, data: string | Buffer, fileName = 'foto-rapat.jpg', kind: 'foto' | 'daftar_hadir' | 'lainnya' = 'foto') =>
  addAttachment(t.db, contract['meeting:addAttachment'].input.parse({ meetingId, fileName, kind, mime: 'image/jpeg', dataBase64: b64(data) }))

/** Follow-ups written straight into the table: the counts must not depend on the follow-up service. */
async function insertFollowUp(meetingId: string | null, dueDate: string, status: FollowUpStatus, deleted: 0 | 1 = 0): Promise<string> {
  const row = {
    ...replicatedColumns(),
    deleted,
    source: 'rapat',
    meeting_id: meetingId,
    date: '2025-03-10',
    posyandu_id: null,
    spm_field: null,
    description: 'Perbaiki timbangan Posyandu Melati',
    reporter: null,
    opd_id: dinkes,
    due_date: dueDate,
    status,
    closed_date: status === 'selesai' ? '2025-03-20' : null,
    closing_evidence: status === 'selesai' ? 'Foto timbangan baru' : null,
  }
  await t.db.insertInto('follow_up').values(row).execute()
  return row.id
}

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe('createMeeting and getMeeting', () => {
  it('round-trips every field: agenda, attendance, times, SPM fields, the Posyandu visited', async () => {
    const m = await create()
    expect(m).toMatchObject({
      level: 'kelurahan',
      kind: 'rapat_koordinasi',
      title: 'Rapat Koordinasi Tim Pembina Posyandu Triwulan I',
      date: '2025-03-10',
      startTime: '09:00',
      endTime: '11:30',
      place: 'Aula Kantor Kelurahan Sukarasa',
      chair: 'Lurah Sukarasa',
      minuteTaker: 'Sekretaris Kelurahan',
      invitationNumber: '005/12-Kel.Skr/III/2025',
      posyanduId: melati.id,
      posyanduName: 'Posyandu Melati 01',
      // In the order of the SPM list, whatever order they were ticked in.
      spmFields: ['kesehatan', 'pekerjaan_umum'],
      agenda: fields().agenda,
      conclusions: 'Dinkes memeriksa timbangan; PUPR menilai sumur bor.',
      attachments: [],
      followUps: [],
    })
    expect(m.attendees).toEqual([
      { name: 'dr. Rina', position: 'Kepala Puskesmas', institution: 'Puskesmas Tangerang', opdId: dinkes, phone: '+6281234567890', present: true },
      { name: 'Ir. Budi', position: 'Kasi Air Minum', institution: 'Dinas PUPR', opdId: pupr, phone: null, present: false },
      { name: 'Ibu Sari', position: 'Ketua', institution: 'TP PKK Kelurahan', opdId: null, phone: null, present: true },
    ])
    const got = await getMeeting(t.db, { id: m.id })
    expect(got).toEqual(m)
    const row = await meetingRow(m.id)
    expect(JSON.parse(row.agenda)).toEqual(fields().agenda)
    expect(row).toMatchObject({ field_versions: '{}', deleted: 0 })
  })

  it('keeps optional fields blank', async () => {
    const m = await create({ startTime: null, endTime: '', place: null, chair: null, minuteTaker: null, invitationNumber: null, posyanduId: null, agenda: [], attendees: [], spmFields: [] })
    expect(m).toMatchObject({ startTime: null, endTime: null, place: null, posyanduId: null, posyanduName: null, agenda: [], attendees: [], spmFields: [] })
  })

  it('refuses an end time before the start time, on endTime, writing nothing', async () => {
    const e = await errorOf(() => create({ startTime: '10:00', endTime: '09:30' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'endTime' })
    expect(e.message).toContain('09:30')
    expect(await count(t.db, 'meeting')).toBe(0)
  })

  it('refuses a Posyandu that does not exist, on posyanduId', async () => {
    const e = await errorOf(() => create({ posyanduId: uuidv7() }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'posyanduId' })
    expect(await count(t.db, 'meeting')).toBe(0)
  })

  it('refuses an attendee whose OPD does not exist, naming the attendee', async () => {
    const attendees = [{ name: 'Pak Joko', position: null, institution: null, opdId: uuidv7(), phone: null, present: true }]
    const e = await errorOf(() => create({ attendees }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'attendees' })
    expect(e.message).toContain('Pak Joko')
    expect(await count(t.db, 'meeting')).toBe(0)
  })

  it('says not_found for an unknown meeting', async () => {
    expect((await errorOf(() => getMeeting(t.db, { id: uuidv7() }))).code).toBe('not_found')
  })
})

describe('updateMeeting', () => {
  it('saves the changes and bumps field_versions of the changed columns only', async () => {
    const m = await create()
    const before = await meetingRow(m.id)
    const attendees = fields().attendees!.map((a) => (a.name === 'Ir. Budi' ? { ...a, present: true } : a))
    const agenda = [...fields().agenda!, { title: 'Lain-lain', minutes: '' }]
    const u = await update(m.id, { title: 'Rapat Koordinasi Triwulan I 2025', endTime: '12:00', attendees, agenda })
    expect(u).toMatchObject({ title: 'Rapat Koordinasi Triwulan I 2025', endTime: '12:00', startTime: '09:00' })
    expect(u.attendees.map((a) => a.present)).toEqual([true, true, true])
    expect(u.agenda.map((a) => a.title)).toEqual(['Laporan Posyandu', 'Sarana air bersih', 'Lain-lain'])
    const after = await meetingRow(m.id)
    expect(after.version > before.version).toBe(true)
    expect(columnVersions(after.field_versions)).toEqual({ title: after.version, end_time: after.version, attendees: after.version, agenda: after.version })
    expect(await getMeeting(t.db, { id: m.id })).toEqual(u)
    // The search index follows the edit in the same transaction.
    const hits = await t.db.selectFrom('search_fts').select('title').where('ref_kind', '=', 'rapat').where('ref_id', '=', m.id).execute()
    expect(hits).toEqual([{ title: 'Rapat Koordinasi Triwulan I 2025' }])
  })

  it('writes nothing when nothing changed', async () => {
    const m = await create()
    const before = await meetingRow(m.id)
    await update(m.id)
    expect(await meetingRow(m.id)).toEqual(before)
  })

  it('validates like create and keeps the saved meeting', async () => {
    const m = await create()
    expect(await errorOf(() => update(m.id, { startTime: '13:00', endTime: '12:59' }))).toMatchObject({ code: 'invalid_input', field: 'endTime' })
    expect(await errorOf(() => update(m.id, { posyanduId: uuidv7() }))).toMatchObject({ code: 'invalid_input', field: 'posyanduId' })
    expect((await meetingRow(m.id)).end_time).toBe('11:30')
  })

  it('keeps a Posyandu archived since it was chosen', async () => {
    const m = await create()
    await t.db.updateTable('posyandu').set({ deleted: 1 }).where('id', '=', melati.id).execute()
    const u = await update(m.id, { title: 'Judul baru' })
    expect(u).toMatchObject({ posyanduId: melati.id, posyanduName: 'Posyandu Melati 01', title: 'Judul baru' })
  })
})

describe('getMeeting follow-ups', () => {
  it('lists the meeting’s own follow-ups (not removed ones, not other meetings’), overdue marked', async () => {
    const today = todayJakarta()
    const m = await create()
    const other = await create({ title: 'Rapat lain' })
    const late = await insertFollowUp(m.id, shiftDays(today, -2), 'baru')
    const onTime = await insertFollowUp(m.id, shiftDays(today, 7), 'diproses')
    await insertFollowUp(m.id, shiftDays(today, -2), 'baru', 1)
    await insertFollowUp(other.id, shiftDays(today, -2), 'baru')
    const got = await getMeeting(t.db, { id: m.id })
    expect(got.followUps.map((f) => f.id).sort()).toEqual([late, onTime].sort())
    const byId = new Map(got.followUps.map((f) => [f.id, f]))
    expect(byId.get(late)).toMatchObject({ meetingId: m.id, opdId: dinkes, opdName: 'Dinas Kesehatan / Puskesmas', overdue: true, daysOverdue: 2 })
    expect(byId.get(onTime)).toMatchObject({ overdue: false, daysOverdue: 0, status: 'diproses' })
  })
})

describe('archiveMeeting', () => {
  it('tombstones the meeting; its follow-ups stay', async () => {
    const m = await create()
    const f = await insertFollowUp(m.id, '2025-04-10', 'baru')
    const indexed = () => t.db.selectFrom('search_fts').select('title').where('ref_kind', '=', 'rapat').where('ref_id', '=', m.id).execute()
    expect(await indexed()).toEqual([{ title: m.title }])
    expect(await archiveMeeting(t.db, { id: m.id })).toEqual({ id: m.id })
    expect(await indexed()).toEqual([])
    const row = await meetingRow(m.id)
    expect(row.deleted).toBe(1)
    expect(columnVersions(row.field_versions)).toEqual({ deleted: row.version })
    expect(await listMeetings(t.db, { query: '' })).toEqual([])
    expect((await errorOf(() => getMeeting(t.db, { id: m.id }))).code).toBe('not_found')
    expect((await errorOf(() => update(m.id))).code).toBe('not_found')
    expect((await errorOf(() => archiveMeeting(t.db, { id: m.id }))).code).toBe('not_found')
    expect(await t.db.selectFrom('follow_up').select('deleted').where('id', '=', f).executeTakeFirstOrThrow()).toEqual({ deleted: 0 })
  })
})

describe('listMeetings', () => {
  it('lists newest first with attendance and follow-up counts, overdue by the shared rule', async () => {
    const today = todayJakarta()
    const old = await create({ title: 'Rapat Januari', date: '2025-01-15', attendees: [] })
    const m = await create()
    await insertFollowUp(m.id, shiftDays(today, -1), 'baru') // overdue
    await insertFollowUp(m.id, shiftDays(today, -30), 'diproses') // overdue
    await insertFollowUp(m.id, today, 'baru') // the deadline day itself: open, not overdue
    await insertFollowUp(m.id, shiftDays(today, -5), 'selesai') // closed late: not overdue
    await insertFollowUp(m.id, shiftDays(today, -5), 'tidak_dapat')
    await insertFollowUp(m.id, shiftDays(today, -5), 'baru', 1) // removed: not counted
    await insertFollowUp(null, shiftDays(today, -5), 'baru') // an aduan of no meeting
    const rows = await listMeetings(t.db, { query: '' })
    expect(rows).toEqual([
      {
        id: m.id,
        level: 'kelurahan',
        kind: 'rapat_koordinasi',
        title: 'Rapat Koordinasi Tim Pembina Posyandu Triwulan I',
        date: '2025-03-10',
        place: 'Aula Kantor Kelurahan Sukarasa',
        attendeeCount: 3,
        presentCount: 2,
        followUpCount: 5,
        openFollowUps: 3,
        overdueFollowUps: 2,
      },
      {
        id: old.id,
        level: 'kelurahan',
        kind: 'rapat_koordinasi',
        title: 'Rapat Januari',
        date: '2025-01-15',
        place: 'Aula Kantor Kelurahan Sukarasa',
        attendeeCount: 0,
        presentCount: 0,
        followUpCount: 0,
        openFollowUps: 0,
        overdueFollowUps: 0,
      },
    ])
  })

  it('finds every word typed at any word start, and a word with one slip as similar only when nothing matched', async () => {
    const a = await create({ title: 'Monev Posyandu Mawar', kind: 'monev', place: 'Posyandu Mawar', chair: 'Camat Karawaci' })
    const b = await create({ title: 'Rapat Pokjanal Kota', level: 'kota', place: 'Ruang Rapat Bappeda', chair: 'Sekda' })
    const found = async (query: string) => (await listMeetings(t.db, contract['meeting:list'].input.parse({ query }))).map((r) => [r.id, r.similar ?? false])
    // Words in any order, each in the title, the place or the chair.
    expect(await found('karaw monev')).toEqual([[a.id, false]])
    expect(await found('pokj bapp')).toEqual([[b.id, false]])
    expect(await found('Posyadnu')).toEqual([[a.id, true]])
    expect(await found('bapeda')).toEqual([[b.id, true]])
    expect(await found('Posyandu Sekda')).toEqual([])
  })

  it('finds by title, place or chair, case-insensitively, and filters by level', async () => {
    const a = await create({ title: 'Monev Posyandu Mawar', kind: 'monev', place: 'Posyandu Mawar', chair: 'Camat' })
    const b = await create({ title: 'Rapat Pokjanal Kota', level: 'kota', place: 'Ruang Rapat Bappeda', chair: 'Sekda' })
    const ids = async (input: Input<'meeting:list'>) => (await listMeetings(t.db, contract['meeting:list'].input.parse(input))).map((r) => r.id)
    expect(await ids({ query: 'MAWAR' })).toEqual([a.id])
    expect(await ids({ query: 'bappeda' })).toEqual([b.id])
    expect(await ids({ query: 'sekda' })).toEqual([b.id])
    expect(await ids({ query: '100%' })).toEqual([])
    expect(await ids({ level: 'kota' })).toEqual([b.id])
    expect(await ids({ level: 'kecamatan' })).toEqual([])
  })
})

describe('attachments', () => {
  it('stores the content once per SHA-256 and returns it as base64', async () => {
    const m = await create()
    const photo = jpeg('JPEG bytes of the meeting photo')
    const a = await attach(m.id, photo, 'foto-1.jpg')
    const b = await attach(m.id, photo, 'foto-1 (salinan).jpg')
    const sheet = await attach(m.id, pdf('scanned signed attendance sheet'), 'daftar-hadir.pdf', 'daftar_hadir')
    expect(sheet.mime).toBe('application/pdf')
    expect(a).toMatchObject({ fileName: 'foto-1.jpg', kind: 'foto', mime: 'image/jpeg', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex') })
    expect(b.sha256).toBe(a.sha256)
    expect(await count(t.db, 'attachment')).toBe(3)
    expect(await count(t.db, 'attachment_blob')).toBe(2)
    expect(await getAttachment(t.db, { id: b.id })).toEqual({ fileName: 'foto-1 (salinan).jpg', mime: 'image/jpeg', dataBase64: b64(photo) })
    // Newest first on the meeting.
    expect((await getMeeting(t.db, { id: m.id })).attachments.map((x) => x.id)).toEqual([sheet.id, b.id, a.id])
  })

  it('refuses a file over the limit, saying the size, the limit and what to do, writing nothing', async () => {
    const m = await create()
    const e = await errorOf(() => attach(m.id, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7)))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect(e.message).toBe('Berkas 8,1 MB terlalu besar. Paling besar 8 MB: kecilkan foto atau pindai dengan resolusi lebih rendah.')
    expect(await count(t.db, 'attachment')).toBe(0)
    expect(await count(t.db, 'attachment_blob')).toBe(0)
    // Exactly the limit is accepted.
    const limit = Buffer.alloc(MAX_ATTACHMENT_BYTES, 7)
    limit.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect((await attach(m.id, limit)).size).toBe(MAX_ATTACHMENT_BYTES)
  })

  it('refuses an empty file and unreadable base64', async () => {
    const m = await create()
    expect(await errorOf(() => attach(m.id, ''))).toMatchObject({ code: 'invalid_input', field: 'file' })
    const bad = contract['meeting:addAttachment'].input.parse({ meetingId: m.id, fileName: 'x.jpg', kind: 'foto', mime: 'image/jpeg', dataBase64: 'bukan base64!' })
    expect(await errorOf(() => addAttachment(t.db, bad))).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect(await count(t.db, 'attachment')).toBe(0)
  })

  it('knows a file by its first bytes: a 16-byte text file named .jpg is refused naming the file, writing nothing', async () => {
    const m = await create()
    const text = await errorOf(() => attach(m.id, 'ini bukan foto!!', 'foto-kegiatan.jpg'))
    expect(text).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect(text.message).toBe(
      'Berkas "foto-kegiatan.jpg" bukan foto atau pindaian yang dikenal: isinya bukan JPEG, PNG, atau PDF, walaupun namanya begitu. Pilih foto (JPG, PNG) atau pindaian PDF yang asli.',
    )
    // The right first bytes but too short to be a whole picture: a cut-off copy.
    const cut = await errorOf(() => attach(m.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'terpotong.jpg'))
    expect(cut.message).toContain('Berkas "terpotong.jpg" hanya 6 byte')
    expect(await count(t.db, 'attachment')).toBe(0)
    expect(await count(t.db, 'attachment_blob')).toBe(0)
  })

  it('stores the type its content shows, whatever the browser guessed from the name', async () => {
    const m = await create()
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    const a = await addAttachment(t.db, contract['meeting:addAttachment'].input.parse({ meetingId: m.id, fileName: 'foto.jpg', kind: 'foto', mime: 'image/jpeg', dataBase64: b64(png) }))
    expect(a.mime).toBe('image/png')
    const p = await addAttachment(t.db, contract['meeting:addAttachment'].input.parse({ meetingId: m.id, fileName: 'scan', kind: 'daftar_hadir', mime: '', dataBase64: b64(pdf('scan')) }))
    expect(p.mime).toBe('application/pdf')
  })

  it('refuses a meeting that is unknown or archived', async () => {
    const m = await create()
    expect((await errorOf(() => attach(uuidv7(), jpeg('x')))).code).toBe('not_found')
    await archiveMeeting(t.db, { id: m.id })
    expect((await errorOf(() => attach(m.id, jpeg('x')))).code).toBe('not_found')
    expect(await count(t.db, 'attachment_blob')).toBe(0)
  })

  it('removes by tombstone; the content stays while any row names it', async () => {
    const m = await create()
    const a = await attach(m.id, jpeg('same photo'))
    const b = await attach(m.id, jpeg('same photo'))
    expect(await removeAttachment(t.db, { id: a.id })).toEqual({ id: a.id })
    const row = await t.db.selectFrom('attachment').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow()
    expect(row.deleted).toBe(1)
    expect(columnVersions(row.field_versions)).toEqual({ deleted: row.version })
    expect((await errorOf(() => getAttachment(t.db, { id: a.id }))).code).toBe('not_found')
    expect((await errorOf(() => removeAttachment(t.db, { id: a.id }))).code).toBe('not_found')
    expect((await getMeeting(t.db, { id: m.id })).attachments.map((x) => x.id)).toEqual([b.id])
    expect((await getAttachment(t.db, { id: b.id })).dataBase64).toBe(b64(jpeg('same photo')))
    expect(await count(t.db, 'attachment_blob')).toBe(1)
    expect((await errorOf(() => getAttachment(t.db, { id: uuidv7() }))).code).toBe('not_found')
  })
})
