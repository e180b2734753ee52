// Posyandu registration (issue 18, item 1): the SK pembentukan, the musyawarah, the Kemendagri
// registry, the Puskesmas pembina from the offices this one knows, the Pustu of the village and
// the pengurus from the roster; the list's filter, the recap's count, and the papers arriving
// unchanged at the Puskesmas and the Dinas through real paket. Real SQLite, real services.

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { exportXlsx } from '../../electron/core/features/ekspor/ekspor.service'
import { getKader } from '../../electron/core/features/kader/kader.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { getPosyandu, listPosyandu, listPuskesmasOptions, updatePosyandu } from '../../electron/core/features/posyandu/posyandu.service'
import { createPustu, listPustu, updatePustu } from '../../electron/core/features/posyandu/pustu.service'
import { getRekap } from '../../electron/core/features/rekap/rekap.service'
import { listRiwayat } from '../../electron/core/features/riwayat/riwayat.service'
import { officeToday } from '../../electron/core/features/site/site.service'
import { exportInput, posyanduInput, pustuInput, type Input, type Posyandu } from '../../shared/contract'
import { errorOf, makeKader, makePosyandu, posyanduFields } from '../fixtures/db'
import { introduce, officesPerTest, siteIdOf } from '../fixtures/offices'
import type { Db } from '../../electron/core/db/schema'

const { office, stick } = officesPerTest()
const SUKARASA = '36.71.01.1001'
const TANGERANG = '36.71.01.1002'

/** The page's save: every field as it is now, with the changes. */
function save(db: Db, p: Posyandu, changes: Partial<Input<'posyandu:update'>>) {
  const fields = posyanduFields({
    name: p.name,
    villageCode: p.villageCode,
    skNumber: p.skNumber,
    skDate: p.skDate,
    skSigner: p.skSigner,
    musyawarahDate: p.musyawarahDate,
    registrationStatus: p.registrationStatus,
    registeredDate: p.registeredDate,
    registryNumber: p.registryNumber,
    puskesmasCode: p.puskesmasCode,
    pustuId: p.pustuId,
  })
  return updatePosyandu(db, { ...posyanduInput.parse({ ...fields, ...changes }), id: p.id })
}

/** A kelurahan that holds the card of its Puskesmas (Kunci kantor), as after the paket pembinaan. */
async function kelurahanWithPuskesmas() {
  const kel = await office('kelurahan')
  const pkm = await office('puskesmas')
  const kota = await office('kota')
  await introduce(kel, pkm, kota)
  return { kel, pkm, kota, pkmId: await siteIdOf(pkm) }
}

const PAPERS = {
  skNumber: '400.5.7/012/Kel.1001/2024',
  skDate: '2024-02-01',
  skSigner: 'H. Ahmad Fauzi, S.Sos',
  musyawarahDate: '2024-01-20',
  registrationStatus: 'terdaftar',
  registeredDate: '2025-05-14',
  registryNumber: 'REG-3671011001-0007',
} as const

describe('Posyandu registration', () => {
  it('keeps the SK, the musyawarah, the registry, the Puskesmas pembina and the Pustu, and records each change in the history', async () => {
    const { kel, pkmId } = await kelurahanWithPuskesmas()
    const options = await listPuskesmasOptions(kel.db)
    expect(options).toEqual([{ code: pkmId, name: 'Puskesmas Tangerang', villageCodes: [SUKARASA, TANGERANG] }])
    const pustu = await createPustu(kel.db, pustuInput.parse({ villageCode: SUKARASA, name: 'Pustu Sukarasa', address: 'Jl. Ki Samaun No. 2' }))
    const p = await makePosyandu(kel.db)
    expect(p).toMatchObject({ registrationStatus: 'belum_terdaftar', skNumber: null, puskesmasCode: null, pustuId: null })

    const saved = await save(kel.db, p, { ...PAPERS, puskesmasCode: pkmId, pustuId: pustu.id })
    expect(saved).toMatchObject({ ...PAPERS, puskesmasCode: pkmId, puskesmas: 'Puskesmas Tangerang', pustuId: pustu.id, pustuName: 'Pustu Sukarasa' })
    expect(await listPustu(kel.db, { villageCode: SUKARASA })).toMatchObject([{ name: 'Pustu Sukarasa', posyanduCount: 1 }])

    const history = await listRiwayat(kel.db, { kind: 'posyandu', id: p.id })
    const changed = new Map(history.map((h) => [h.field, h.to]))
    // In words: the status, the dates, the Puskesmas and the Pustu by name.
    expect(changed.get('registration_status')).toBe('Terdaftar')
    expect(changed.get('sk_number')).toBe(PAPERS.skNumber)
    expect(changed.get('sk_date')).toBe('1 Februari 2024')
    expect(changed.get('puskesmas_code')).toBe('Puskesmas Tangerang')
    expect(changed.get('pustu_id')).toBe('Pustu Sukarasa')
    // Not registered any more: the registry's date and number go with it.
    const back = await save(kel.db, saved, { registrationStatus: 'belum_terdaftar' })
    expect(back).toMatchObject({ registrationStatus: 'belum_terdaftar', registeredDate: null, registryNumber: null, skNumber: PAPERS.skNumber })
  })

  it('refuses an SK or musyawarah dated after today, a registration without a date or before the SK', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const today = await officeToday(kel.db)
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const fields = async (changes: Partial<Input<'posyandu:update'>>) => {
      const e = (await errorOf(() => save(kel.db, p, changes))) as { code: string; fields?: Record<string, string> }
      expect(e.code).toBe('invalid_input')
      return e.fields
    }
    expect(await fields({ skDate: tomorrow, musyawarahDate: tomorrow })).toEqual({
      skDate: 'Tanggal SK pembentukan tidak boleh setelah hari ini.',
      musyawarahDate: 'Tanggal musyawarah tidak boleh setelah hari ini.',
    })
    expect(Object.keys((await fields({ registrationStatus: 'terdaftar', registeredDate: null }))!)).toEqual(['registeredDate'])
    expect((await fields({ skDate: '2024-02-01', registrationStatus: 'terdaftar', registeredDate: '2024-01-31' }))!.registeredDate).toMatch(/sebelum tanggal SK/)
    expect((await fields({ registrationStatus: 'terdaftar', registeredDate: tomorrow }))!.registeredDate).toMatch(/setelah hari ini/)
    // The same day as the SK is fine; nothing was half-written by the refusals.
    expect(await getPosyandu(kel.db, { id: p.id })).toMatchObject({ registrationStatus: 'belum_terdaftar', skDate: null })
    expect(await save(kel.db, p, { skDate: '2024-02-01', registrationStatus: 'terdaftar', registeredDate: '2024-02-01' })).toMatchObject({ registeredDate: '2024-02-01' })
  })

  it('takes the Puskesmas pembina only from the offices it knows, and the Pustu only from the Posyandu’s own village', async () => {
    const { kel } = await kelurahanWithPuskesmas()
    const p = await makePosyandu(kel.db)
    const unknown = (await errorOf(() => save(kel.db, p, { puskesmasCode: 'Puskesmas Karang Tengah' }))) as { fields?: Record<string, string> }
    expect(unknown.fields).toEqual({ puskesmasCode: 'Puskesmas itu tidak dikenal kantor ini. Pilih Puskesmas dari daftar.' })
    const elsewhere = await createPustu(kel.db, pustuInput.parse({ villageCode: TANGERANG, name: 'Pustu Tangerang' }))
    expect((await errorOf(() => save(kel.db, p, { pustuId: elsewhere.id }))).field).toBe('pustuId')
    // Two Pustu of one name in one village are one Pustu typed twice.
    expect((await errorOf(() => createPustu(kel.db, pustuInput.parse({ villageCode: TANGERANG, name: 'pustu tangerang' })))).field).toBe('name')
    expect(await updatePustu(kel.db, { ...pustuInput.parse({ villageCode: TANGERANG, name: 'Pustu Tangerang', address: 'Jl. Baru' }), id: elsewhere.id })).toMatchObject({ address: 'Jl. Baru' })
  })

  it('shows two ketua of one Posyandu so the page can warn, and settles them only when a ketua is chosen', async () => {
    const kel = await office('kelurahan')
    const p = await makePosyandu(kel.db)
    const a = await makeKader(kel.db, p.id, { name: 'Aminah', role: 'ketua' })
    const b = await makeKader(kel.db, p.id, { name: 'Bariah', role: 'ketua' })
    const c = await makeKader(kel.db, p.id, { name: 'Cucu', role: 'kader' })
    const before = await getPosyandu(kel.db, { id: p.id })
    expect(before.pengurus.ketua.map((k) => k.name)).toEqual(['Aminah', 'Bariah'])
    // Saving other fields leaves the two ketua as they are: nobody looked at them.
    const kept = await save(kel.db, before, { schedule: 'Setiap Kamis' })
    expect(kept.pengurus.ketua).toHaveLength(2)

    const settled = await save(kel.db, kept, { pengurus: { ketua: b.kader.id, bendahara: c.kader.id } })
    expect(settled.pengurus).toEqual({ ketua: [{ id: b.kader.id, name: 'Bariah' }], sekretaris: [], bendahara: [{ id: c.kader.id, name: 'Cucu' }] })
    expect((await getKader(kel.db, { id: a.kader.id })).role).toBe('kader')
    // One kader holds one role; someone else's kader is refused; neither changes anything.
    expect((await errorOf(() => save(kel.db, settled, { pengurus: { ketua: c.kader.id, sekretaris: c.kader.id } }))).field).toBe('pengurus.sekretaris')
    const other = await makePosyandu(kel.db, { name: 'Posyandu Mawar 02' })
    const stranger = await makeKader(kel.db, other.id, { name: 'Dewi' })
    expect((await errorOf(() => save(kel.db, settled, { pengurus: { sekretaris: stranger.kader.id } }))).field).toBe('pengurus.sekretaris')
    expect((await getPosyandu(kel.db, { id: p.id })).pengurus.ketua.map((k) => k.name)).toEqual(['Bariah'])
    // A blank choice leaves the role empty.
    expect((await save(kel.db, settled, { pengurus: { bendahara: '' } })).pengurus.bendahara).toEqual([])
  })

  it('filters the list by registration status and counts registered Posyandu per area in the recap', async () => {
    const kel = await office('kelurahan')
    const p1 = await makePosyandu(kel.db, { name: 'Posyandu Melati 01' })
    await makePosyandu(kel.db, { name: 'Posyandu Melati 02' })
    const p3 = await makePosyandu(kel.db, { name: 'Posyandu Melati 03' })
    await save(kel.db, p1, { ...PAPERS })
    await save(kel.db, p3, { ...PAPERS, active: false })
    const names = async (registrationStatus: 'terdaftar' | 'belum_terdaftar' | null) =>
      (await listPosyandu(kel.db, { includeInactive: true, registrationStatus })).map((p) => p.name)
    expect(await names('terdaftar')).toEqual(['Posyandu Melati 01', 'Posyandu Melati 03'])
    expect(await names('belum_terdaftar')).toEqual(['Posyandu Melati 02'])
    expect(await names(null)).toHaveLength(3)
    // The recap counts active Posyandu, as its Posyandu column does.
    const rekap = await getRekap(kel.db, {})
    expect([rekap.total.posyandu, rekap.total.registeredPosyandu]).toEqual([2, 1])
    expect(rekap.nodes.map((n) => [n.name, n.registeredPosyandu])).toEqual([
      ['Posyandu Melati 01', 1],
      ['Posyandu Melati 02', 0],
      ['Posyandu Melati 03', 0],
    ])
  })

  it('carries the papers and the Pustu unchanged from the kelurahan to the Puskesmas and on to the Dinas', async () => {
    const { kel, pkm, kota, pkmId } = await kelurahanWithPuskesmas()
    const folder = stick()
    const pustu = await createPustu(kel.db, pustuInput.parse({ villageCode: SUKARASA, name: 'Pustu Sukarasa', address: 'Jl. Ki Samaun No. 2' }))
    const p = await makePosyandu(kel.db)
    const ketua = await makeKader(kel.db, p.id, { name: 'Aminah', role: 'ketua' })
    const sent = await save(kel.db, p, { ...PAPERS, puskesmasCode: pkmId, pustuId: pustu.id, pengurus: { ketua: ketua.kader.id } })

    await importPaket(pkm.db, { path: (await exportPaket(kel.db, { folder, destination: 'level:puskesmas', full: false })).path })
    await importPaket(kota.db, { path: (await exportPaket(pkm.db, { folder, destination: 'level:kota', full: false })).path })

    for (const t of [pkm, kota]) {
      const got = await getPosyandu(t.db, { id: p.id })
      expect(got).toEqual({ ...sent, activeKaderCount: 1 })
      expect(await listPustu(t.db, {})).toEqual(await listPustu(kel.db, {}))
      const rekap = await getRekap(t.db, {})
      expect(rekap.total.registeredPosyandu).toBe(1)
    }
    // The rows themselves, bookkeeping and all, are the kelurahan's.
    const row = (db: Db) => db.selectFrom('posyandu').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow()
    const { received: _r, ...atKel } = (await row(kel.db)) as Record<string, unknown>
    const { received: _k, ...atKota } = (await row(kota.db)) as Record<string, unknown>
    expect(atKota).toEqual(atKel)
  }, 60_000)

  it('fills the demo with Pustu in most villages, SK and registration for some Posyandu and not others, and the kecamatan’s Puskesmas as pembina', async () => {
    const pkm = await office('puskesmas')
    await generateDemo(pkm.db, { wilayah: '36.71.01', posyanduPerVillage: 3, kaderPerPosyandu: 3, seed: 7 })
    const list = await listPosyandu(pkm.db, { includeInactive: true })
    const pustu = await listPustu(pkm.db, {})
    const byStatus = (s: string) => list.filter((p) => p.registrationStatus === s)
    expect(pustu.length).toBeGreaterThan(0)
    expect(pustu.length).toBeLessThan(8)
    expect(byStatus('terdaftar').length).toBeGreaterThan(0)
    expect(byStatus('belum_terdaftar').length).toBeGreaterThan(0)
    const pkmId = await siteIdOf(pkm)
    for (const p of list) {
      // A Posyandu's Pustu is its own village's; a registered one has its SK, dated before.
      if (p.pustuId) expect(pustu.find((u) => u.id === p.pustuId)!.villageCode).toBe(p.villageCode)
      if (p.registrationStatus === 'terdaftar') {
        expect(p.skDate! <= p.registeredDate!).toBe(true)
        // The demo numbers a registration by its village: 3671011001-004.
        expect(p.registryNumber).toMatch(new RegExp(`^${p.villageCode.replaceAll('.', '')}-\\d{3}$`))
      }
      if (p.skDate) expect(p.musyawarahDate! < p.skDate).toBe(true)
      // The villages this Puskesmas serves name it; the others its kecamatan's stand-in.
      expect(p.puskesmasCode).toBe([SUKARASA, TANGERANG].includes(p.villageCode) ? pkmId : 'demo-pkm-36.71.01')
    }
    expect((await getRekap(pkm.db, {})).total.registeredPosyandu).toBe(
      list.filter((p) => p.active && p.registrationStatus === 'terdaftar' && [SUKARASA, TANGERANG].includes(p.villageCode)).length,
    )
  }, 60_000)

  it('exports the register with its papers and pengurus, and the Pustu, in the roster workbook', async () => {
    const { kel, pkmId } = await kelurahanWithPuskesmas()
    const pustu = await createPustu(kel.db, pustuInput.parse({ villageCode: SUKARASA, name: 'Pustu Sukarasa', address: 'Jl. Ki Samaun No. 2' }))
    const p = await makePosyandu(kel.db)
    await makeKader(kel.db, p.id, { name: 'Aminah', role: 'ketua' })
    await makeKader(kel.db, p.id, { name: 'Bariah', role: 'ketua' })
    await save(kel.db, p, { ...PAPERS, puskesmasCode: pkmId, pustuId: pustu.id })
    const r = await exportXlsx(kel.db, exportInput.parse({ folder: stick(), what: 'roster' }))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(r.path)
    const rowsOf = (name: string) => {
      const ws = wb.getWorksheet(name)!
      const header = (ws.views[0] as { ySplit: number }).ySplit
      const head = (ws.getRow(header).values as ExcelJS.CellValue[]).slice(1)
      const rows: Record<string, ExcelJS.CellValue>[] = []
      for (let i = header + 1; i <= ws.rowCount; i++) {
        const v = (ws.getRow(i).values as ExcelJS.CellValue[]).slice(1)
        rows.push(Object.fromEntries(head.map((h, c) => [String(h), v[c] ?? null])))
      }
      return rows
    }
    expect(rowsOf('Daftar Posyandu')).toEqual([
      expect.objectContaining({
        Posyandu: 'Posyandu Melati 01',
        'No SK Pembentukan': PAPERS.skNumber,
        'Tanggal SK': new Date('2024-02-01T00:00:00Z'),
        'Penanda Tangan SK': PAPERS.skSigner,
        'Tanggal Musyawarah': new Date('2024-01-20T00:00:00Z'),
        'Status Pendaftaran': 'Terdaftar',
        'Tanggal Terdaftar': new Date('2025-05-14T00:00:00Z'),
        'Nomor Registrasi': PAPERS.registryNumber,
        'Puskesmas Pembina': 'Puskesmas Tangerang',
        Pustu: 'Pustu Sukarasa',
        // Two ketua on record: both named, as the page warns.
        Ketua: 'Aminah, Bariah',
        Sekretaris: null,
      }),
    ])
    expect(rowsOf('Pustu')).toEqual([{ No: 1, 'Kelurahan/Desa': 'Sukarasa', Pustu: 'Pustu Sukarasa', Alamat: 'Jl. Ki Samaun No. 2', Posyandu: 1 }])
  })
})
