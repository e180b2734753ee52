// Sarana prasarana and kader incentives (issue 18, items 2–4): the kelurahan keeps them, the
// rules the forms rely on, the follow-up a broken item offers, which Posyandu lack a working
// anthropometry kit, and the records arriving unchanged at the Puskesmas and the Dinas, with the
// Dinas's own equipment list travelling down.

import { describe, expect, it } from 'vitest'
import { contract, insentifInput, saranaInput, saranaItemInput, type Input } from '../../shared/contract'
import { DEFAULT_SARANA_ITEMS } from '../../shared/domain/sarana'
import { defaultOpdId, listOpd, updateOpd } from '../../electron/core/features/opd/opd.service'
import { createInsentif, listInsentif, removeInsentif, updateInsentif } from '../../electron/core/features/insentif/insentif.service'
import {
  createSarana,
  createSaranaItem,
  defaultSaranaItemId,
  listSarana,
  listSaranaItems,
  saranaKitGaps,
  updateSarana,
  updateSaranaItem,
} from '../../electron/core/features/sarana/sarana.service'
import { getRekap } from '../../electron/core/features/rekap/rekap.service'
import { listRiwayat } from '../../electron/core/features/riwayat/riwayat.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { officeToday } from '../../electron/core/features/site/site.service'
import { insertRecord } from '../../electron/core/sync/write'
import { errorOf, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { fingerprintOf, introduce, officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()

const dacin = defaultSaranaItemId('dacin')
const kit = DEFAULT_SARANA_ITEMS.filter((i) => i.kit)

function line(posyanduId: string, overrides: Partial<Input<'sarana:create'>> = {}) {
  return saranaInput.parse({ posyanduId, itemId: dacin, quantity: 1, condition: 'baik', receivedDate: '2025-02-03', fundingSource: 'apbd', ...overrides })
}

function pay(kaderId: string, overrides: Partial<Input<'insentif:create'>> = {}) {
  return insentifInput.parse({ kaderId, period: '2026-11', amount: 150000, fundingSource: 'apbd', paidDate: null, ...overrides })
}

/** A whole working kit for a Posyandu. */
async function fullKit(db: TestDb['db'], posyanduId: string) {
  for (const i of kit) await createSarana(db, line(posyanduId, { itemId: defaultSaranaItemId(i.code) }))
}

async function carry(from: TestDb, to: TestDb, destination: string) {
  const out = await exportPaket(from.db, { folder: stick(), destination, full: false })
  return importPaket(to.db, { path: out.path, acceptFingerprint: await fingerprintOf(out.path) })
}

describe('sarana prasarana of a Posyandu', () => {
  it('starts from the default equipment list, the anthropometry kit first, each item with its OPD', async () => {
    const kel = await office('kelurahan')
    const items = await listSaranaItems(kel.db, { includeInactive: false })
    expect(items.map((i) => i.name)).toEqual(DEFAULT_SARANA_ITEMS.map((i) => i.name))
    expect(items.filter((i) => i.kit).map((i) => i.code)).toEqual(['dacin', 'timbangan_digital', 'papan_ukur', 'microtoise', 'pita_lila'])
    // The same id on every office, so two offices' defaults are one record.
    expect(items[0]).toEqual({ id: dacin, code: 'dacin', name: 'Dacin', kit: true, opdId: defaultOpdId('dinkes'), active: true })
  })

  it('keeps one line per item per Posyandu, with its condition, date received and funding', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db, { name: 'Melati 01' })
    const s = await createSarana(kel.db, line(p.id, { quantity: 2 }))
    expect(s).toMatchObject({ posyanduId: p.id, itemName: 'Dacin', kit: true, quantity: 2, condition: 'baik', receivedDate: '2025-02-03', fundingSource: 'apbd', followUp: null })
    const twice = await errorOf(() => createSarana(kel.db, line(p.id)))
    expect(twice).toMatchObject({ code: 'invalid_input', field: 'itemId', message: 'Dacin sudah tercatat untuk Posyandu ini. Ubah baris yang ada.' })
    // Another Posyandu has its own dacin.
    const other = await makePosyandu(kel.db, { name: 'Mawar 02' })
    await createSarana(kel.db, line(other.id))
    expect((await listSarana(kel.db, { posyanduId: p.id })).map((x) => x.id)).toEqual([s.id])
  })

  it('refuses a date received that has not come yet, and a negative or fractional quantity', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const today = await officeToday(kel.db)
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(await errorOf(() => createSarana(kel.db, line(p.id, { receivedDate: tomorrow })))).toMatchObject({
      field: 'receivedDate',
      message: 'Tanggal diterima belum terjadi. Periksa tanggalnya.',
    })
    await createSarana(kel.db, line(p.id, { receivedDate: today }))
    expect(saranaInput.safeParse({ ...line(p.id), quantity: -1 }).error?.issues[0]?.message).toBe('Jumlah tidak boleh kurang dari 0.')
    expect(saranaInput.safeParse({ ...line(p.id), quantity: 1.5 }).error?.issues[0]?.message).toBe('Jumlah harus bilangan bulat.')
    expect(saranaInput.safeParse({ ...line(p.id), condition: 'hilang' }).success).toBe(false)
  })

  it('offers a follow-up to the item’s OPD for an item that is rusak or tidak ada, worded as the office writes it', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db, { name: 'Posyandu Melati 01' })
    const s = await createSarana(kel.db, line(p.id, { condition: 'rusak_berat' }))
    expect(s.followUp).toEqual({ posyanduId: p.id, opdId: defaultOpdId('dinkes'), description: 'Dacin rusak berat di Posyandu Melati 01' })
    const tent = await createSarana(kel.db, line(p.id, { itemId: defaultSaranaItemId('tenda'), condition: 'tidak_ada', quantity: 0, receivedDate: null, fundingSource: null }))
    expect(tent.followUp).toEqual({ posyanduId: p.id, opdId: defaultOpdId('pemerintahan'), description: 'Tenda / terpal tidak ada di Posyandu Melati 01' })
    // Repaired: nothing to raise any more.
    expect((await updateSarana(kel.db, { ...line(p.id), id: s.id })).followUp).toBeNull()
  })

  it('records each change in the riwayat', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const s = await createSarana(kel.db, line(p.id))
    await updateSarana(kel.db, { ...line(p.id, { condition: 'rusak_ringan' }), id: s.id })
    const entries = await listRiwayat(kel.db, { kind: 'sarana', id: s.id })
    expect(entries[0]).toMatchObject({ fieldLabel: 'Kondisi', from: 'Baik', to: 'Rusak ringan' })
    expect(entries.map((e) => [e.fieldLabel, e.source])).toEqual([
      ['Kondisi', 'di-sini'],
      ['Dibuat', 'di-sini'],
    ])
  })

  it('lists the Posyandu whose anthropometry kit is not complete, naming what is missing or rusak berat', async () => {
    const kel = await office('kelurahan')
    const complete = await makePosyandu(kel.db, { name: 'Anggrek' })
    await fullKit(kel.db, complete.id)
    const broken = await makePosyandu(kel.db, { name: 'Bougenville' })
    await fullKit(kel.db, broken.id)
    const [dacinLine] = await listSarana(kel.db, { posyanduId: broken.id })
    await updateSarana(kel.db, { ...line(broken.id, { condition: 'rusak_berat' }), id: dacinLine!.id })
    // Rusak ringan still weighs: not a gap.
    const worn = await makePosyandu(kel.db, { name: 'Cempaka' })
    await fullKit(kel.db, worn.id)
    const [wornDacin] = await listSarana(kel.db, { posyanduId: worn.id })
    await updateSarana(kel.db, { ...line(worn.id, { condition: 'rusak_ringan' }), id: wornDacin!.id })
    const none = await makePosyandu(kel.db, { name: 'Dahlia' })
    const gaps = await saranaKitGaps(kel.db)
    expect(gaps.map((g) => [g.posyanduName, g.missing])).toEqual([
      ['Bougenville', ['Dacin']],
      ['Dahlia', kit.map((i) => i.name)],
    ])
    expect(gaps[1]).toMatchObject({ posyanduId: none.id, villageCode: '36.71.01.1001', villageName: 'Sukarasa' })
  })

  it('lets only the Dinas extend the equipment list, and only a kelurahan/desa keep a Posyandu’s equipment', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    const e = await errorOf(() => createSaranaItem(kel.db, saranaItemInput.parse({ name: 'Alat cek Hb' })))
    expect(e).toMatchObject({ code: 'forbidden' })
    expect(e.message).toMatch(/^Menambah jenis sarana tidak dapat dilakukan di kantor kelurahan\/desa/)
    const hb = await createSaranaItem(kota.db, saranaItemInput.parse({ name: 'Alat cek Hb', kit: false, opdId: defaultOpdId('dinkes') }))
    expect(hb).toMatchObject({ code: null, name: 'Alat cek Hb', kit: false, opdId: defaultOpdId('dinkes') })
    expect(await errorOf(() => createSaranaItem(kota.db, saranaItemInput.parse({ name: ' alat cek  HB ' })))).toMatchObject({ field: 'name' })
    // A Puskesmas sees a Posyandu (from a paket) but does not keep its inventory.
    const p = await makePosyandu(kel.db)
    await introduce(kel, pkm)
    await carry(kel, pkm, 'level:puskesmas')
    expect((await errorOf(() => createSarana(pkm.db, line(p.id)))).message).toMatch(/^Mencatat sarana prasarana Posyandu tidak dapat dilakukan di kantor Puskesmas/)
  })
})

describe('insentif kader', () => {
  it('keeps one payment per kader, month and funding source; empty date paid means not paid yet', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const { kader } = await makeKader(kel.db, p.id, { name: 'Siti Aminah' })
    const n = await createInsentif(kel.db, pay(kader.id))
    expect(n).toMatchObject({ kaderName: 'Siti Aminah', posyanduId: p.id, villageCode: '36.71.01.1001', period: '2026-11', amount: 150000, fundingSource: 'apbd', paidDate: null })
    expect(await errorOf(() => createInsentif(kel.db, pay(kader.id)))).toMatchObject({
      field: 'period',
      message: 'Insentif Siti Aminah untuk November 2026 dari APBD sudah tercatat. Ubah baris yang ada.',
    })
    // Another source in the same month is its own payment.
    await createInsentif(kel.db, pay(kader.id, { fundingSource: 'dana_desa', amount: 50000 }))
    const paid = await updateInsentif(kel.db, { ...pay(kader.id, { paidDate: '2026-11-25' }), id: n.id })
    expect(paid.paidDate).toBe('2026-11-25')
    expect((await listInsentif(kel.db, { period: '2026-11' })).map((x) => [x.fundingSource, x.paidDate])).toEqual(
      expect.arrayContaining([['apbd', '2026-11-25'], ['dana_desa', null]]),
    )
    await removeInsentif(kel.db, { id: n.id })
    expect((await listInsentif(kel.db, { kaderId: kader.id })).map((x) => x.fundingSource)).toEqual(['dana_desa'])
  })

  it('refuses a period that is not a month, an amount that is not whole rupiah, and a date paid still to come', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const { kader } = await makeKader(kel.db, p.id)
    expect(insentifInput.safeParse({ ...pay(kader.id), period: '2026-13' }).error?.issues[0]?.message).toBe('Periode harus berupa bulan dan tahun, mis. 2026-11.')
    expect(insentifInput.safeParse({ ...pay(kader.id), amount: 1500.5 }).error?.issues[0]?.message).toBe('Jumlah ditulis dalam rupiah bulat, tanpa sen.')
    expect(insentifInput.safeParse({ ...pay(kader.id), amount: 0 }).success).toBe(false)
    expect(insentifInput.safeParse({ ...pay(kader.id), fundingSource: 'swadaya' }).success).toBe(false)
    expect(await errorOf(() => createInsentif(kel.db, pay(kader.id, { paidDate: '2099-01-01' })))).toMatchObject({ field: 'paidDate' })
  })
})

describe('the recap', () => {
  it('counts per area the Posyandu lacking a working kit, the kader paid and the rupiah paid for the year', async () => {
    const kel = await office('kelurahan')
    const ok = await makePosyandu(kel.db, { name: 'Anggrek' })
    await fullKit(kel.db, ok.id)
    const lacking = await makePosyandu(kel.db, { name: 'Bougenville' })
    const { kader: a } = await makeKader(kel.db, ok.id, { name: 'Ani' })
    const { kader: b } = await makeKader(kel.db, ok.id, { name: 'Budi', sex: 'L' })
    const { kader: c } = await makeKader(kel.db, lacking.id, { name: 'Cucu' })
    await createInsentif(kel.db, pay(a.id, { period: '2026-10', paidDate: '2026-10-30' }))
    await createInsentif(kel.db, pay(a.id, { period: '2026-09', paidDate: '2026-09-30' }))
    await createInsentif(kel.db, pay(b.id, { period: '2026-10', paidDate: null }))
    await createInsentif(kel.db, pay(c.id, { period: '2026-10', amount: 200000, paidDate: '2026-11-02' }))
    // Paid in 2026 for a month of 2025: last year's recap.
    await createInsentif(kel.db, pay(c.id, { period: '2025-12', paidDate: '2026-01-05' }))
    const r = await getRekap(kel.db, { year: 2026 })
    expect(r.total).toMatchObject({ posyandu: 2, posyanduKitIncomplete: 1, insentifKaderPaid: 2, insentifTotal: 500000 })
    const byName = Object.fromEntries(r.nodes.map((n) => [n.name, n]))
    expect(byName.Anggrek).toMatchObject({ posyanduKitIncomplete: 0, insentifKaderPaid: 1, insentifTotal: 300000 })
    expect(byName.Bougenville).toMatchObject({ posyanduKitIncomplete: 1, insentifKaderPaid: 1, insentifTotal: 200000 })
    expect((await getRekap(kel.db, { year: 2025 })).total).toMatchObject({ insentifKaderPaid: 1, insentifTotal: 150000 })
  })
})

describe('sarana and insentif between offices', () => {
  it('arrive unchanged at the Puskesmas and at the Dinas; the Dinas’s new item reaches the kelurahan', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    await introduce(kel, pkm, kota)
    const p = await makePosyandu(kel.db)
    const { kader } = await makeKader(kel.db, p.id)
    await createSarana(kel.db, line(p.id, { condition: 'rusak_berat' }))
    await createSarana(kel.db, line(p.id, { itemId: defaultSaranaItemId('buku_kia'), quantity: 25, fundingSource: 'bok' }))
    await createInsentif(kel.db, pay(kader.id, { paidDate: '2026-11-20' }))
    await createInsentif(kel.db, pay(kader.id, { period: '2026-10' }))

    const s1 = await carry(kel, pkm, 'level:puskesmas')
    expect(s1.kinds.find((k) => k.kind === 'sarana')).toMatchObject({ new: 2, refused: 0 })
    expect(s1.kinds.find((k) => k.kind === 'insentif')).toMatchObject({ new: 2, refused: 0 })
    await carry(pkm, kota, 'level:kota')
    for (const o of [pkm, kota]) {
      expect(await listSarana(o.db, {})).toEqual(await listSarana(kel.db, {}))
      expect(await listInsentif(o.db, {})).toEqual(await listInsentif(kel.db, {}))
      expect(await saranaKitGaps(o.db)).toEqual(await saranaKitGaps(kel.db))
    }

    const hb = await createSaranaItem(kota.db, saranaItemInput.parse({ name: 'Alat cek Hb', opdId: defaultOpdId('dinkes') }))
    await carry(kota, kel, `site:${await siteIdOf(kel)}`)
    expect((await listSaranaItems(kel.db, { includeInactive: false })).map((i) => i.name)).toContain('Alat cek Hb')
    await createSarana(kel.db, line(p.id, { itemId: hb.id }))
  })

  it('the Dinas renames an item and stops offering another; both reach the kelurahan, whose lines stay', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    await introduce(kel, kota)
    const p = await makePosyandu(kel.db)
    const microtoise = defaultSaranaItemId('microtoise')
    await createSarana(kel.db, line(p.id, { itemId: microtoise }))
    const edit = (id: string, values: Partial<Input<'sarana:itemUpdate'>>) =>
      contract['sarana:itemUpdate'].input.parse({ id, name: 'Dacin', kit: true, opdId: defaultOpdId('dinkes'), active: true, ...values })

    // Only the Dinas keeps the list.
    expect(await errorOf(() => updateSaranaItem(kel.db, edit(dacin, { name: 'Dacin gantung' })))).toMatchObject({ code: 'forbidden' })
    // Two items of one name could not be told apart on a Posyandu's page.
    const microtoiseName = (await listSaranaItems(kota.db, { includeInactive: true })).find((i) => i.id === microtoise)!.name
    expect(await errorOf(() => updateSaranaItem(kota.db, edit(dacin, { name: microtoiseName.toUpperCase() })))).toMatchObject({ field: 'name' })

    const renamed = await updateSaranaItem(kota.db, edit(dacin, { name: 'Dacin gantung' }))
    expect(renamed).toMatchObject({ id: dacin, code: 'dacin', name: 'Dacin gantung', kit: true, active: true })
    const retired = await updateSaranaItem(kota.db, edit(microtoise, { name: microtoiseName, active: false }))
    expect(retired.active).toBe(false)
    expect((await listSaranaItems(kota.db, { includeInactive: false })).map((i) => i.id)).not.toContain(microtoise)

    await carry(kota, kel, `site:${await siteIdOf(kel)}`)
    const offered = await listSaranaItems(kel.db, { includeInactive: false })
    expect(offered.find((i) => i.id === dacin)?.name).toBe('Dacin gantung')
    expect(offered.map((i) => i.id)).not.toContain(microtoise)
    // The microtoise the Posyandu already has stays on its page.
    expect((await listSarana(kel.db, { posyanduId: p.id })).map((l) => l.itemId)).toEqual([microtoise])

    // Its OPD deactivated since, an item edited on a screen that no longer shows that OPD keeps it.
    const dinkes = (await listOpd(kota.db, contract['opd:list'].input.parse({ includeInactive: true }))).find((o) => o.id === defaultOpdId('dinkes'))!
    await updateOpd(kota.db, contract['opd:update'].input.parse({ id: dinkes.id, name: dinkes.name, spmFields: dinkes.spmFields, active: false }))
    expect((await updateSaranaItem(kota.db, edit(dacin, { name: 'Dacin gantung', opdId: null }))).opdId).toBeNull()
    expect((await kota.db.selectFrom('sarana_item').select('opd_id').where('id', '=', dacin).executeTakeFirstOrThrow()).opd_id).toBe(dinkes.id)
  })

  it('refuses a Puskesmas’s equipment line or incentive at the Dinas: only the kelurahan/desa keeps them', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    await introduce(kel, pkm, kota)
    const p = await makePosyandu(kel.db)
    const { kader } = await makeKader(kel.db, p.id)
    await carry(kel, pkm, 'level:puskesmas')
    // Written at the Puskesmas past the service's own check, as a tampered copy would be.
    await pkm.db.transaction().execute(async (trx) => {
      await insertRecord(trx, 'sarana', { posyandu_id: p.id, item_id: dacin, quantity: 1, condition: 'baik', received_date: null, funding_source: null, note: null })
      await insertRecord(trx, 'insentif', { kader_id: kader.id, period: '2026-11', amount: 999999, funding_source: 'bok', paid_date: null, note: null })
    })
    const s = await carry(pkm, kota, 'level:kota')
    expect(s.kinds.find((k) => k.kind === 'sarana')).toMatchObject({ new: 0, refused: 1 })
    expect(s.kinds.find((k) => k.kind === 'insentif')).toMatchObject({ new: 0, refused: 1 })
    expect(s.refusals.find((r) => r.kind === 'insentif')!.reason).toMatch(/Puskesmas Tangerang \(Puskesmas\) tidak berwenang mengubah data insentif kader/)
    expect(await listInsentif(kota.db, {})).toEqual([])
    expect(await listSarana(kota.db, {})).toEqual([])
  })
})
