// A newcomer's first week (issue 17): the wrong village corrected before the first paket leaves,
// refused after; the "Bergabung dengan wilayah" checklist ticked by what really happened.

import { describe, expect, it } from 'vitest'
import { gabungChecklist } from '../../electron/core/features/beranda/beranda.service'
import { ownCard } from '../../electron/core/features/kunci/kunci.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { renewIdentity } from '../../electron/core/features/site/installation'
import { changeSiteArea, getSite, officeZone } from '../../electron/core/features/site/site.service'
import { siteChangeAreaInput, type Input } from '../../shared/contract'
import { errorOf, makePosyandu } from '../fixtures/db'
import { fingerprintOf, officesPerTest } from '../fixtures/offices'
import type { TestDb } from '../fixtures/db'

const { office, stick } = officesPerTest()

const change = (t: TestDb, input: Input<'site:changeArea'>) => changeSiteArea(t.db, siteChangeAreaInput.parse(input))
// Sukarasa in Kota Bandung: the one a newcomer of Kota Tangerang might pick by mistake.
const BANDUNG_SUKARASA = '32.73.01.1001'

describe('changing the office area before the first paket leaves', () => {
  it('moves the office, its name and its Posyandu to the right village in one go', async () => {
    const kel = await office('kelurahan')
    await change(kel, { areaCode: BANDUNG_SUKARASA, name: 'Kelurahan Sukarasa' })
    const p = await makePosyandu(kel.db, { villageCode: BANDUNG_SUKARASA })
    const before = await kel.db.selectFrom('posyandu').select('version').where('id', '=', p.id).executeTakeFirstOrThrow()
    expect((await getSite(kel.db))!.areaChangeable).toBe(true)

    const site = await change(kel, { areaCode: '36.71.01.1001', name: 'Kelurahan Sukarasa Tangerang' })
    expect(site).toMatchObject({ areaCode: '36.71.01.1001', areaName: 'Sukarasa', name: 'Kelurahan Sukarasa Tangerang', areaChangeable: true })
    expect(site.areaPath).toBe('Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten')
    const moved = await kel.db.selectFrom('posyandu').select(['village_code', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow()
    expect(moved.village_code).toBe('36.71.01.1001')
    // Changed as a replicated record: a new version (and history) travels with the first paket.
    expect(moved.version).not.toBe(before.version)
    const history = await kel.db.selectFrom('riwayat').select(['field', 'to_value']).where('record_id', '=', p.id).where('field', '=', 'village_code').execute()
    expect(history.map((h) => h.to_value)).toContain(JSON.stringify('36.71.01.1001'))
    // The key card names the new area: it is read from the office row.
    expect((await ownCard(kel.db)).areaCode).toBe('36.71.01.1001')
  })

  it('follows the province into the office clock', async () => {
    const kel = await office('kelurahan')
    // Kelurahan Panjer, Denpasar Selatan, Bali: WITA.
    const [bali] = await kel.db.selectFrom('area').select('code').where('level', '=', 4).where('code', 'like', '51.71.%').limit(1).execute()
    const site = await change(kel, { areaCode: bali!.code, name: 'Kantor Bali' })
    expect(site.timeZone).toBe('WITA')
    expect((await officeZone(kel.db)).kode).toBe('WITA')
  })

  it('refuses an area of the wrong level and keeps the old one', async () => {
    const kel = await office('kelurahan')
    const e = await errorOf(() => change(kel, { areaCode: '36.71.01', name: 'Kantor' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'areaCode' })
    expect(e.message).toBe('Untuk kantor kelurahan/desa, pilih wilayah berupa kelurahan/desa.')
    expect((await getSite(kel.db))!.areaCode).toBe('36.71.01.1001')
  })

  it('gives a Puskesmas its new kecamatan and villages, refusing villages of another kecamatan', async () => {
    const pkm = await office('puskesmas')
    const e = await errorOf(() => change(pkm, { areaCode: '36.71.02', name: 'Puskesmas X', coveredVillageCodes: ['36.71.01.1001'] }))
    expect(e.message).toMatch(/tidak berada di Kec\. /)
    const [v] = await pkm.db.selectFrom('area').select('code').where('parent_code', '=', '36.71.02').limit(1).execute()
    const site = await change(pkm, { areaCode: '36.71.02', name: 'Puskesmas Jatiuwung', coveredVillageCodes: [v!.code] })
    expect(site.coveredVillages.map((x) => x.code)).toEqual([v!.code])
  })

  it('is refused once a paket has left, in Indonesian, pointing to a new identity and the Dinas', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    const setup = await exportPaketFile(kota.db, { folder: stick(), destination: 'pembinaan', full: false })
    await importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    // Importing does not tie the area: only sending does.
    expect((await getSite(kel.db))!.areaChangeable).toBe(true)
    await exportPaketFile(kel.db, { folder: stick(), destination: 'level:kota', full: true })

    expect((await getSite(kel.db))!.areaChangeable).toBe(false)
    const e = await errorOf(() => change(kel, { areaCode: '36.71.01.1002', name: 'Kelurahan Tangerang' }))
    expect(e.code).toBe('forbidden')
    expect(e.message).toBe(
      'Wilayah kantor tidak dapat diganti lagi: kantor ini sudah mengirim paket, jadi kantor lain sudah mengenalnya dengan wilayah ini. Bila wilayahnya keliru, mulai identitas baru (lihat Pengaturan → Identitas kantor) dan beri tahu Dinas.',
    )
    expect((await getSite(kel.db))!.areaCode).toBe('36.71.01.1001')
  })

  it('is refused after an identity renewal, whose export log starts empty', async () => {
    const kel = await office('kelurahan')
    await renewIdentity(kel.db, 'salinan')
    expect((await getSite(kel.db))!.areaChangeable).toBe(false)
    expect((await errorOf(() => change(kel, { areaCode: '36.71.01.1002', name: 'X' }))).code).toBe('forbidden')
  })
})

describe('the "Bergabung dengan wilayah" checklist', () => {
  const done = async (t: TestDb) => Object.fromEntries((await gabungChecklist(t.db)).steps.map((s) => [s.key, s.done]))

  it('ticks each step of a kelurahan as it happens and is done after the first paket', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    expect(await gabungChecklist(kel.db)).toEqual({
      steps: [
        { key: 'pembinaan', done: false },
        { key: 'sidikJari', done: false },
        { key: 'kirim', done: false },
      ],
      done: false,
    })
    // The Dinas's paket pembinaan, its fingerprint matched by phone while importing it.
    const setup = await exportPaketFile(kota.db, { folder: stick(), destination: 'pembinaan', full: false })
    expect((await importPaketFile(kel.db, setup.path, { apply: false })).applied).toBe(false)
    expect(await done(kel)).toEqual({ pembinaan: false, sidikJari: false, kirim: false })
    await importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    expect(await done(kel)).toEqual({ pembinaan: true, sidikJari: true, kirim: false })

    await exportPaketFile(kel.db, { folder: stick(), destination: 'level:kota', full: true })
    expect(await gabungChecklist(kel.db)).toMatchObject({ done: true })
  })

  it('follows an area change: the Dinas of another kota no longer counts', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    const setup = await exportPaketFile(kota.db, { folder: stick(), destination: 'pembinaan', full: false })
    await importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    expect(await done(kel)).toEqual({ pembinaan: true, sidikJari: true, kirim: false })
    await change(kel, { areaCode: BANDUNG_SUKARASA, name: 'Kelurahan Sukarasa' })
    expect(await done(kel)).toEqual({ pembinaan: false, sidikJari: false, kirim: false })
  })

  it('gives the Dinas its own first steps: the paket pembinaan, an office below, the paket pembinaan again', async () => {
    const kota = await office('kota')
    const pkm = await office('puskesmas')
    expect((await gabungChecklist(kota.db)).steps.map((s) => s.key)).toEqual(['pembinaanKirim', 'sidikJariKantor', 'pembinaanLagi'])
    const setup = await exportPaketFile(kota.db, { folder: stick(), destination: 'pembinaan', full: false })
    expect(await done(kota)).toEqual({ pembinaanKirim: true, sidikJariKantor: false, pembinaanLagi: false })

    await importPaketFile(pkm.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    const up = await exportPaketFile(pkm.db, { folder: stick(), destination: 'level:kota', full: true })
    await importPaketFile(kota.db, up.path, { apply: true, acceptFingerprint: await fingerprintOf(up.path) })
    // The first paket pembinaan was made before the Puskesmas's card was known: it does not count twice.
    expect(await done(kota)).toEqual({ pembinaanKirim: true, sidikJariKantor: true, pembinaanLagi: false })

    await exportPaketFile(kota.db, { folder: stick(), destination: 'pembinaan', full: false })
    expect((await gabungChecklist(kota.db)).done).toBe(true)
  })
})
