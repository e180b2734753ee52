// Evidence of a follow-up closed as selesai: photos and scans in the attachment store (checked by
// content), counted as evidence, named in the history, kept while the follow-up is selesai, and
// carried in paket like a meeting's attachments.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addFollowUpProgress, createFollowUp, getFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { addFollowUpAttachment, getAttachment, removeAttachment } from '../../electron/core/features/meeting/attachment.service'
import { addAttachment, createMeeting, getMeeting } from '../../electron/core/features/meeting/meeting.service'
import { sqliteOf } from '../../electron/core/db/open'
import { defaultOpdId } from '../../electron/core/features/opd/opd.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { contract, followUpInput, followUpProgressInput, meetingInput, type Input } from '../../shared/contract'
import { todayJakarta } from '../../shared/domain/tanggal'
import { errorOf, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, fingerprintOf, introduce } from '../fixtures/offices'

const open: TestDb[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
})

async function office(kind: 'kelurahan' | 'puskesmas'): Promise<TestDb> {
  const t = await createOffice(kind)
  await introduce(t, ...open)
  open.push(t)
  return t
}

const today = todayJakarta()
/** A photo as a phone writes it: JPEG's first bytes, then enough of a body to be whole. */
const photo = (s: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.from(s.padEnd(200, '#'))])
const scan = (s: string) => Buffer.from(`%PDF-1.7\n${s}`.padEnd(300, ' '))

async function raise(t: TestDb) {
  const p = await makePosyandu(t.db)
  return createFollowUp(
    t.db,
    followUpInput.parse({
      source: 'aduan',
      date: today,
      posyanduId: p.id,
      description: 'Sumur bor RW 01 mati, Posyandu tanpa air bersih.',
      opdId: defaultOpdId('pupr'),
      dueDate: today,
    } satisfies Input<'followUp:create'>),
  )
}

const attach = (t: TestDb, followUpId: string, fileName: string, data: Buffer) =>
  addFollowUpAttachment(t.db, contract['followUp:addAttachment'].input.parse({ followUpId, fileName, dataBase64: data.toString('base64') }))
const progress = (t: TestDb, input: Input<'followUp:progress'>) => addFollowUpProgress(t.db, followUpProgressInput.parse(input))

describe('follow-up evidence', () => {
  it('closes as selesai on a photo and a scan alone, naming them in the history', async () => {
    const kel = await office('kelurahan')
    const f = await raise(kel)
    const a = await attach(kel, f.id, 'sumur-sesudah.jpg', photo('air mengalir'))
    const b = await attach(kel, f.id, 'surat-balasan-pupr.pdf', scan('Surat 600/123'))
    expect([a.kind, a.mime, b.kind, b.mime]).toEqual(['foto', 'image/jpeg', 'lainnya', 'application/pdf'])
    const done = await progress(kel, { id: f.id, date: today, status: 'selesai' })
    expect(done).toMatchObject({ status: 'selesai', closedDate: today, closingEvidence: null })
    expect(done.attachments.map((x) => x.fileName)).toEqual(['surat-balasan-pupr.pdf', 'sumur-sesudah.jpg'])
    expect(done.progress[0]).toMatchObject({ status: 'selesai', note: 'Lampiran bukti: sumur-sesudah.jpg, surat-balasan-pupr.pdf' })
    // Text evidence stays possible beside the files.
    const noted = await progress(kel, { id: f.id, date: today, status: 'selesai', closingEvidence: 'Diperiksa Pak RW 01' })
    expect(noted.closingEvidence).toBe('Diperiksa Pak RW 01')
  })

  it('asks for written evidence or a photo/scan when neither is there', async () => {
    const kel = await office('kelurahan')
    const f = await raise(kel)
    const e = await errorOf(() => progress(kel, { id: f.id, date: today, status: 'selesai', note: 'Sudah.' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'closingEvidence' })
    expect(e.message).toContain('lampirkan foto/pindaiannya')
    expect((await getFollowUp(kel.db, { id: f.id })).status).toBe('baru')
  })

  it('refuses a 16-byte text file named .jpg, naming it, and writes nothing', async () => {
    const kel = await office('kelurahan')
    const f = await raise(kel)
    const e = await errorOf(() => attach(kel, f.id, 'foto-sesudah.jpg', Buffer.from('bukan foto asli\n')))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect(e.message).toContain('Berkas "foto-sesudah.jpg" bukan foto atau pindaian yang dikenal')
    expect(await kel.db.selectFrom('attachment').select('id').execute()).toEqual([])
    expect(await kel.db.selectFrom('attachment_blob').select('sha256').execute()).toEqual([])
  })

  it('keeps the last file of a selesai follow-up that has no written evidence', async () => {
    const kel = await office('kelurahan')
    const f = await raise(kel)
    const a = await attach(kel, f.id, 'sesudah-1.jpg', photo('satu'))
    const b = await attach(kel, f.id, 'sesudah-2.jpg', photo('dua'))
    await progress(kel, { id: f.id, date: today, status: 'selesai' })
    await removeAttachment(kel.db, { id: a.id })
    const e = await errorOf(() => removeAttachment(kel.db, { id: b.id }))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toContain('"sesudah-2.jpg" satu-satunya bukti penyelesaian')
    // With written evidence the file may go.
    await progress(kel, { id: f.id, date: today, status: 'selesai', closingEvidence: 'Berita acara no. 7' })
    await removeAttachment(kel.db, { id: b.id })
    expect((await getFollowUp(kel.db, { id: f.id })).attachments).toEqual([])
  })

  it('refuses evidence for an unknown follow-up', async () => {
    const kel = await office('kelurahan')
    const e = await errorOf(() => attach(kel, '01900000-0000-7000-8000-000000000000', 'x.jpg', photo('x')))
    expect(e.code).toBe('not_found')
  })

  it('travels in a paket with its content: the Puskesmas sees and opens the photo; digests agree', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const f = await raise(kel)
    const a = await attach(kel, f.id, 'sumur-sesudah.jpg', photo('air mengalir'))
    await progress(kel, { id: f.id, date: today, status: 'selesai' })
    const out = await exportPaket(kel.db, { folder: mkdtempSync(join(tmpdir(), 'simpul-stick-')), destination: 'level:puskesmas', full: false })
    expect(out.counts.attachment).toBe(1)
    await importPaket(pkm.db, { path: out.path, acceptFingerprint: await fingerprintOf(out.path) })
    const there = await getFollowUp(pkm.db, { id: f.id })
    expect(there).toMatchObject({ status: 'selesai', attachments: [expect.objectContaining({ id: a.id, fileName: 'sumur-sesudah.jpg', mime: 'image/jpeg' })] })
    expect((await getAttachment(pkm.db, { id: a.id })).dataBase64).toBe(photo('air mengalir').toString('base64'))
    expect((await replicatedDigest(pkm.db)).digest).toBe((await replicatedDigest(kel.db)).digest)
  })

  it('takes the meeting attachments of an office whose app has not been updated (no follow_up_id column yet)', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const m = await createMeeting(kel.db, meetingInput.parse({ level: 'kelurahan', kind: 'rapat_koordinasi', title: 'Rapat Pokjanal', date: today, agenda: [], attendees: [], spmFields: [] }))
    const a = await addAttachment(kel.db, contract['meeting:addAttachment'].input.parse({ meetingId: m.id, fileName: 'rapat.jpg', kind: 'foto', mime: 'image/jpeg', dataBase64: photo('rapat').toString('base64') }))
    // The sender's table as schema 8 had it: the paket's attachment rows lack the new column.
    const sqlite = sqliteOf(kel.db)
    sqlite.exec(`
      create table attachment_old as select id, site_id, version, field_versions, created_at, updated_at, deleted, meeting_id, file_name, kind, mime, size, sha256, received from attachment;
      drop table attachment;
      alter table attachment_old rename to attachment;`)
    const out = await exportPaket(kel.db, { folder: mkdtempSync(join(tmpdir(), 'simpul-stick-')), destination: 'level:puskesmas', full: false })
    expect(out.counts.attachment).toBe(1)
    await importPaket(pkm.db, { path: out.path, acceptFingerprint: await fingerprintOf(out.path) })
    expect((await getMeeting(pkm.db, { id: m.id })).attachments.map((x) => x.id)).toEqual([a.id])
    const row = await pkm.db.selectFrom('attachment').select(['meeting_id', 'follow_up_id']).where('id', '=', a.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ meeting_id: m.id, follow_up_id: null })
  })
})
