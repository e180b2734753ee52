// The history of every change (riwayat perubahan): one entry for each way a record changes,
// written in the same transaction as the change, read back in words.

import { afterEach, describe, expect, it } from 'vitest'
import { assessmentInput, kaderInput } from '../../shared/contract'
import { archiveKader, createKader, restoreKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { assess } from '../../electron/core/features/competency/competency.service'
import { listBackups } from '../../electron/core/features/cadangan/cadangan.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { listConflicts, listDuplicates, resolveConflict, resolveDuplicate } from '../../electron/core/features/paket/conflict.service'
import { listRiwayat } from '../../electron/core/features/riwayat/riwayat.service'
import { setSettings } from '../../electron/core/features/settings/settings.service'
import { updateRecord } from '../../electron/core/sync/write'
import { addFollowUpProgress, createFollowUp, updateFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { contract, followUpInput, followUpProgressInput, insentifInput, saranaInput, type Input } from '../../shared/contract'
import { createSarana, defaultSaranaItemId, updateSarana } from '../../electron/core/features/sarana/sarana.service'
import { createInsentif, updateInsentif } from '../../electron/core/features/insentif/insentif.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { opdRow } from '../fixtures/rows'
import { errorOf, kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, createStick, fingerprintOf, introduce, siteIdOf } from '../fixtures/offices'

const open: TestDb[] = []
const sticks: ReturnType<typeof createStick>[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
  for (const s of sticks.splice(0)) s.cleanup()
})

async function office(level: 'kelurahan' | 'kelurahan2' | 'puskesmas' | 'kota'): Promise<TestDb> {
  const t = await createOffice(level)
  await introduce(t, ...open)
  open.push(t)
  return t
}

function stick(): string {
  const s = createStick()
  sticks.push(s)
  return s.folder
}

/** Sends everything new for `to` and imports it there, as a person would after comparing the fingerprint. */
async function carry(from: TestDb, to: TestDb, destination: string) {
  const out = await exportPaket(from.db, { folder: stick(), destination, full: false })
  return importPaket(to.db, { path: out.path, acceptFingerprint: await fingerprintOf(out.path) })
}

const history = (t: TestDb, kind: 'kader' | 'posyandu', id: string) => listRiwayat(t.db, { kind, id })
const rows = (t: TestDb) => t.db.selectFrom('riwayat').selectAll().execute()

describe('riwayat perubahan: changes typed here', () => {
  it('records an edited field with its old and new value in words, the office and the person set in Pengaturan, then the creation', async () => {
    const kel = await office('kelurahan')
    const self = await siteIdOf(kel)
    const p = await makePosyandu(kel.db, { name: 'Mawar' })
    const p2 = await makePosyandu(kel.db, { name: 'Melati' })
    const k = (await makeKader(kel.db, p.id, { name: 'Siti', phone: '0812-1111-1111' })).kader
    await setSettings(kel.db, { officerName: 'Bu Rina' })
    const base = kaderFields(p.id, { nik: k.nik, name: 'Siti', phone: '0812-1111-1111' })
    await updateKader(kel.db, { ...kaderInput.parse({ ...base, phone: '0812-2222-2222', posyanduId: p2.id, birthDate: '1985-04-13' }), id: k.id })

    const list = await history(kel, 'kader', k.id)
    const byField = new Map(list.map((e) => [e.field, e]))
    expect(byField.get('phone')).toMatchObject({ from: '0812-1111-1111', to: '0812-2222-2222', source: 'di-sini', person: 'Bu Rina', office: self, fieldLabel: 'Nomor HP' })
    expect(byField.get('phone')!.officeName).toBe('Kantor Kelurahan Sukarasa (kantor ini)')
    // References by name, dates in Indonesian.
    expect(byField.get('posyandu_id')).toMatchObject({ fieldLabel: 'Posyandu', from: 'Mawar', to: 'Melati' })
    expect(byField.get('birth_date')).toMatchObject({ fieldLabel: 'Tanggal lahir', to: '13 April 1985' })
    // Unchanged fields have no entry; the creation closes the list, told by the record itself.
    expect(byField.has('name')).toBe(false)
    expect(list.at(-1)).toMatchObject({ field: 'dibuat', fieldLabel: 'Dibuat', source: 'di-sini', office: self, from: null, to: null })
    expect(list.at(-1)!.at).toBe((await kel.db.selectFrom('kader').select('created_at').where('id', '=', k.id).executeTakeFirstOrThrow()).created_at)
  })

  it('records an archive and a restore as the record\'s state, newest first', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    await archiveKader(kel.db, { id: k.id })
    await restoreKader(kel.db, { id: k.id })
    const list = await history(kel, 'kader', k.id)
    expect(list.map((e) => [e.field, e.from, e.to, e.source])).toEqual([
      ['deleted', 'Dihapus (diarsipkan)', 'Aktif', 'di-sini'],
      ['deleted', 'Aktif', 'Dihapus (diarsipkan)', 'di-sini'],
      ['dibuat', null, null, 'di-sini'],
    ])
    expect(list[0]!.fieldLabel).toBe('Keadaan data')
    // No person set in Pengaturan: none is named.
    expect(list[0]!.person).toBeNull()
  })

  it('shows a kader\'s status changes, and writes no history for a new record', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { status: 'aktif' })).kader
    expect(await rows(kel)).toEqual([])
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, status: 'pindah', statusDate: '2026-11-02' })), id: k.id })
    const list = await history(kel, 'kader', k.id)
    expect(list.find((e) => e.field === 'status')).toMatchObject({ from: 'Aktif', to: 'Pindah' })
    expect(list.find((e) => e.field === 'status_date')).toMatchObject({ to: '2 November 2026' })
  })

  it('shows a Posyandu\'s equipment and a kader\'s incentive payments on their own pages, each named', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    const line = { posyanduId: p.id, itemId: defaultSaranaItemId('dacin'), quantity: 1, condition: 'baik', receivedDate: '2025-02-03', fundingSource: 'apbd' }
    const s = await createSarana(kel.db, saranaInput.parse(line))
    await updateSarana(kel.db, contract['sarana:update'].input.parse({ ...line, condition: 'rusak_berat', id: s.id }))
    expect((await history(kel, 'posyandu', p.id)).find((e) => e.field === 'condition')).toMatchObject({
      from: 'Baik',
      to: 'Rusak berat',
      fieldLabel: expect.stringContaining('Sarana prasarana (Dacin)'),
    })
    const payment = { kaderId: k.id, period: '2026-11', amount: 150000, fundingSource: 'apbd', paidDate: null }
    const n = await createInsentif(kel.db, insentifInput.parse(payment))
    await updateInsentif(kel.db, contract['insentif:update'].input.parse({ ...payment, paidDate: '2026-11-20', id: n.id }))
    expect((await history(kel, 'kader', k.id)).find((e) => e.field === 'paid_date')).toMatchObject({
      to: '20 November 2026',
      fieldLabel: expect.stringContaining('Insentif kader (November 2026)'),
    })
  })

  it('names a follow-up\'s OPD and dates in words, and shows its status changes from progress notes', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db, { name: 'Posyandu Melati 01' })
    const pupr = opdRow({ name: 'Uji: Dinas PUPR' })
    const dlh = opdRow({ name: 'Uji: DLH' })
    await kel.db.insertInto('opd').values([pupr, dlh]).execute()
    const today = todayJakarta()
    const fields: Input<'followUp:create'> = {
      source: 'aduan',
      date: today,
      posyanduId: p.id,
      spmField: 'pekerjaan_umum',
      description: 'Saluran air di RW 03 tersumbat.',
      opdId: pupr.id,
      dueDate: '2030-01-31',
    }
    const f = await createFollowUp(kel.db, followUpInput.parse(fields))
    await updateFollowUp(kel.db, { ...followUpInput.parse({ ...fields, opdId: dlh.id, dueDate: '2030-02-28' }), id: f.id })
    await addFollowUpProgress(kel.db, followUpProgressInput.parse({ id: f.id, date: today, status: 'diproses', note: 'Sudah disurati.' }))
    const list = await listRiwayat(kel.db, { kind: 'follow_up', id: f.id })
    const words = list.map((e) => [e.fieldLabel, e.from, e.to])
    expect(words[0]).toEqual(['Status', 'Baru', 'Diproses'])
    // One edit changed two fields: both, in either order.
    expect(words.slice(1, 3)).toEqual(
      expect.arrayContaining([
        ['OPD', 'Uji: Dinas PUPR', 'Uji: DLH'],
        ['Tenggat', '31 Januari 2030', '28 Februari 2030'],
      ]),
    )
    expect(words.slice(3)).toEqual([['Dibuat', null, null]])
  })

  it('leaves no history of a change that was rolled back', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db, { name: 'Mawar' })
    const row = await kel.db.selectFrom('posyandu').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow()
    await expect(
      kel.db.transaction().execute(async (trx) => {
        await updateRecord(trx, 'posyandu', row, { name: 'Mawar Baru' })
        throw new Error('power cut')
      }),
    ).rejects.toThrow('power cut')
    expect(await rows(kel)).toEqual([])
    expect((await history(kel, 'posyandu', p.id)).map((e) => e.field)).toEqual(['dibuat'])
  })

  it('says plainly when the record is not there', async () => {
    const kel = await office('kelurahan')
    const e = await errorOf(() => listRiwayat(kel.db, { kind: 'kader', id: 'no-such-id' }))
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/tidak ditemukan/)
  })
})

describe('riwayat perubahan: changes from other offices', () => {
  it('records a change imported from a paket under the office that made it, at the time it made it', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kelId = await siteIdOf(kel)
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { phone: '0812-1111-1111' })).kader
    await carry(kel, pkm, 'level:puskesmas')
    // A whole roster arriving adds no history rows: creation is told by the records themselves.
    expect(await rows(pkm)).toEqual([])
    expect((await history(pkm, 'kader', k.id)).at(-1)).toMatchObject({ field: 'dibuat', source: 'paket', office: kelId, officeName: 'Kantor Kelurahan Sukarasa' })

    await setSettings(kel.db, { officerName: 'Bu Rina' })
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, phone: '0812-3333-3333' })), id: k.id })
    const typedAt = (await history(kel, 'kader', k.id))[0]!.at
    await carry(kel, pkm, 'level:puskesmas')
    const [entry] = await history(pkm, 'kader', k.id)
    expect(entry).toMatchObject({ field: 'phone', from: '0812-1111-1111', to: '0812-3333-3333', source: 'paket', office: kelId, officeName: 'Kantor Kelurahan Sukarasa', at: typedAt })
    // The person at another office is not known here.
    expect(entry!.person).toBeNull()

    // An archive made there arrives as a change of the record's state.
    await archiveKader(kel.db, { id: k.id })
    await carry(kel, pkm, 'level:puskesmas')
    expect((await history(pkm, 'kader', k.id))[0]).toMatchObject({ field: 'deleted', from: 'Aktif', to: 'Dihapus (diarsipkan)', source: 'paket', office: kelId })
  })

  it('records a conflict settled here with the value it brought back', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { phone: '0812-1111-1111' })).kader
    await carry(kel, pkm, 'level:puskesmas')
    const base = kaderFields(p.id, { nik: k.nik })
    await updateKader(kel.db, { ...kaderInput.parse({ ...base, phone: '0812-3333-3333' }), id: k.id })
    await updateKader(pkm.db, { ...kaderInput.parse({ ...base, phone: '0812-2222-2222' }), id: k.id })
    await carry(kel, pkm, 'level:puskesmas')
    const [c] = await listConflicts(pkm.db, { includeResolved: false })
    await resolveConflict(pkm.db, { id: c!.id, choice: 'restored' })
    const phone = (await history(pkm, 'kader', k.id)).filter((e) => e.field === 'phone')
    expect(phone.map((e) => [e.from, e.to, e.source])).toEqual([
      ['0812-3333-3333', '0812-2222-2222', 'konflik'],
      ['0812-2222-2222', '0812-3333-3333', 'paket'],
      ['0812-1111-1111', '0812-2222-2222', 'di-sini'],
    ])
  })

  it('backs up before merging two kader, and records the merge on both and on the records it moved', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    await carry(kel, pkm, 'level:puskesmas')
    const mine = (await makeKader(kel.db, p.id, { name: 'Siti Aminah' })).kader
    const theirs = (await createKader(pkm.db, kaderInput.parse(kaderFields(p.id, { nik: mine.nik, name: 'Siti Aminah (Puskesmas)' })))).kader
    await assess(pkm.db, assessmentInput.parse({ kaderId: theirs.id, competencyCode: 'A1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
    const r = await carry(kel, pkm, 'level:puskesmas')
    expect(r.duplicates).toBe(1)
    const [pair] = await listDuplicates(pkm.db, { includeResolved: false })
    const before = (await listBackups(pkm.db)).filter((b) => b.reason === 'gabung')
    expect(before).toEqual([])
    await resolveDuplicate(pkm.db, { id: pair!.id, choice: 'merged', keepId: mine.id })

    const backups = (await listBackups(pkm.db)).filter((b) => b.reason === 'gabung')
    expect(backups).toHaveLength(1)
    expect(backups[0]!.verified).toBe(true)
    expect((await history(pkm, 'kader', theirs.id))[0]).toMatchObject({ field: 'deleted', to: 'Dihapus (diarsipkan)', source: 'gabung' })
    // The kept kader's page shows the status history it took over, named by kader.
    const moved = (await history(pkm, 'kader', mine.id)).filter((e) => e.kind === 'kader_status')
    expect(moved.length).toBeGreaterThan(0)
    expect(moved[0]).toMatchObject({ field: 'kader_id', from: 'Siti Aminah (Puskesmas)', to: 'Siti Aminah', source: 'gabung' })
    expect(moved[0]!.fieldLabel).toMatch(/^Riwayat status kader · Kader$/)
    const assessment = await pkm.db.selectFrom('assessment').select('id').where('kader_id', '=', mine.id).executeTakeFirstOrThrow()
    expect(await pkm.db.selectFrom('riwayat').select(['field', 'source']).where('record_id', '=', assessment.id).execute()).toEqual([{ field: 'kader_id', source: 'gabung' }])
  })
})
