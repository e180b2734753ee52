// Paket between real offices: each a real SQLite database, paket real files in a temp folder
// standing in for the USB stick.

import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { assessmentInput, kaderInput } from '../../shared/contract'
import { archiveKader, createKader, updateKader, getKader } from '../../electron/core/features/kader/kader.service'
import { installCatalogue } from '../../electron/core/features/competency/catalogue-install.service'
import { DEFAULT_CATALOGUE, getCatalogueInfo } from '../../electron/core/features/competency/catalogue.service'
import { assess, getKaderCompetency } from '../../electron/core/features/competency/competency.service'
import { listOpd, updateOpd } from '../../electron/core/features/opd/opd.service'
import { exportPaket, importPaket, previewPaket, scanFolder } from '../../electron/core/features/paket/paket.service'
import { listConflicts, listDuplicates, resolveConflict, resolveDuplicate } from '../../electron/core/features/paket/conflict.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, fingerprintOf, introduce, siteIdOf } from '../fixtures/offices'

const open: TestDb[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
})

/** A new office of this test, whose key card the test's other offices already trust (and it theirs). */
async function office(level: 'kelurahan' | 'kelurahan2' | 'puskesmas' | 'kota'): Promise<TestDb> {
  const t = await createOffice(level)
  await introduce(t, ...open)
  open.push(t)
  return t
}

/** Imports as a person would after comparing the sender's fingerprint (a first paket from an office). */
async function receive(db: TestDb['db'], input: { path: string }) {
  return importPaket(db, { path: input.path, acceptFingerprint: await fingerprintOf(input.path) })
}

const stick = () => mkdtempSync(join(tmpdir(), 'simpul-stick-'))

async function send(from: TestDb, to: string, folder: string, full = false) {
  return exportPaket(from.db, { folder, destination: to, full })
}

describe('paket round trip', () => {
  it('carries a kelurahan roster to the Puskesmas and on to the kota; digests agree', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    const p = await makePosyandu(kel.db)
    for (let i = 0; i < 5; i++) await makeKader(kel.db, p.id, { name: `Kader ${i}` })
    const folder = stick()
    const out = await send(kel, 'level:puskesmas', folder)
    expect(out.counts.kader).toBe(5)
    expect(readdirSync(folder)).toEqual([out.fileName])

    const before = await replicatedDigest(pkm.db)
    const preview = await previewPaket(pkm.db, { path: out.path })
    expect(preview.kinds.find((k) => k.kind === 'kader')!.new).toBe(5)
    expect(preview.applied).toBe(false)
    expect(await replicatedDigest(pkm.db)).toEqual(before)

    const done = await receive(pkm.db, { path: out.path })
    expect(done.applied).toBe(true)
    // Every office holds the default OPD list and the default equipment list already.
    expect(done.changes).toBe(out.records - out.counts.opd! - out.counts.sarana_item!)
    expect((await replicatedDigest(pkm.db)).digest).toBe((await replicatedDigest(kel.db)).digest)

    // Again: nothing changes, and it says so.
    const again = await receive(pkm.db, { path: out.path })
    expect(again.alreadyImportedAt).not.toBeNull()
    expect(again.applied).toBe(false)
    expect(again.kinds.every((k) => k.new === 0 && k.updated === 0)).toBe(true)

    // Relayed through the Puskesmas to the kota.
    const up = await send(pkm, 'level:kota', folder)
    expect(up.counts.kader).toBe(5)
    await receive(kota.db, { path: up.path })
    expect((await replicatedDigest(kota.db)).digest).toBe((await replicatedDigest(kel.db)).digest)

    const files = await scanFolder(kota.db, { folder })
    expect(files).toHaveLength(2)
    expect(files.find((f) => f.fileName === up.fileName)!.importedAt).not.toBeNull()
  })

  it('sends only what changed since the last bundle to the same destination', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    const folder = stick()
    const first = await send(kel, 'level:puskesmas', folder)
    await receive(pkm.db, { path: first.path })
    const second = await send(kel, 'level:puskesmas', folder)
    expect(second.records).toBe(0)
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Siti Baru' })), id: k.id })
    const third = await send(kel, 'level:puskesmas', folder)
    expect(third.counts.kader).toBe(1)
    const r = await receive(pkm.db, { path: third.path })
    expect(r.kinds.find((x) => x.kind === 'kader')!.updated).toBe(1)
    expect((await getKader(pkm.db, { id: k.id })).name).toBe('Siti Baru')
  })

  it('keeps both sides of a concurrent edit to different fields, and lets the owner win the same field', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Siti Aminah', phone: '0812-1111-1111' })).kader
    const folder = stick()
    await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    const base = kaderFields(p.id, { nik: k.nik, name: 'Siti Aminah', phone: '0812-1111-1111' })
    // The kelurahan (the owner) changes the name and the phone; later, without having seen that,
    // the Puskesmas changes the address and the phone. The owner's phone wins although it is older.
    await updateKader(kel.db, { ...kaderInput.parse({ ...base, name: 'Siti Aminah S.', phone: '0812-3333-3333' }), id: k.id })
    await new Promise((r) => setTimeout(r, 5))
    await updateKader(pkm.db, { ...kaderInput.parse({ ...base, address: 'Jl. Baru 1', phone: '0812-2222-2222' }), id: k.id })
    const up = await send(kel, 'level:puskesmas', folder)
    const r = await receive(pkm.db, { path: up.path })
    expect(r.kinds.find((x) => x.kind === 'kader')!.conflicts).toBe(1)
    const down = await send(pkm, `site:${(await kel.db.selectFrom('site').select('id').executeTakeFirstOrThrow()).id}`, folder)
    await receive(kel.db, { path: down.path })
    for (const t of [kel, pkm]) {
      const got = await getKader(t.db, { id: k.id })
      expect(got.name).toBe('Siti Aminah S.')
      expect(got.address).toBe('Jl. Baru 1')
      expect(got.phone).toBe('+6281233333333')
    }
    expect((await replicatedDigest(kel.db)).digest).toBe((await replicatedDigest(pkm.db)).digest)
    const conflicts = await listConflicts(pkm.db, { includeResolved: false })
    expect(conflicts.map((c) => c.field)).toEqual(['phone'])
    await archiveKader(kel.db, { id: k.id })
  })
})

describe('paket rules', () => {
  it('a conflict resolved with the losing value writes it as a new change that travels', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { phone: '0812-1111-1111' })).kader
    const folder = stick()
    await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    const base = kaderFields(p.id, { nik: k.nik })
    await updateKader(kel.db, { ...kaderInput.parse({ ...base, phone: '0812-3333-3333' }), id: k.id })
    await updateKader(pkm.db, { ...kaderInput.parse({ ...base, phone: '0812-2222-2222' }), id: k.id })
    await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    const [c] = await listConflicts(pkm.db, { includeResolved: false })
    expect(c).toMatchObject({ kind: 'kader', field: 'phone', keptValue: '+6281233333333', lostValue: '+6281222222222', label: k.name })
    expect(c!.keptOffice).toBe('Kantor Kelurahan Sukarasa')
    const done = await resolveConflict(pkm.db, { id: c!.id, choice: 'restored' })
    expect(done.resolution).toBe('restored')
    expect((await getKader(pkm.db, { id: k.id })).phone).toBe('+6281222222222')
    expect(await listConflicts(pkm.db, { includeResolved: false })).toEqual([])
    // The decision reaches the kelurahan with the next paket.
    await receive(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
    expect((await getKader(kel.db, { id: k.id })).phone).toBe('+6281222222222')
    expect((await replicatedDigest(kel.db)).digest).toBe((await replicatedDigest(pkm.db)).digest)
  })

  it('flags the same NIK entered in two offices; the Puskesmas merges them into one kader with both histories', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const folder = stick()
    // The Puskesmas knows the Posyandu from an earlier paket; then both offices enter the same woman.
    await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    const mine = (await makeKader(kel.db, p.id, { name: 'Siti Aminah' })).kader
    const theirs = (await createKader(pkm.db, kaderInput.parse(kaderFields(p.id, { nik: mine.nik, name: 'Siti Aminah (Puskesmas)' })))).kader
    await assess(pkm.db, assessmentInput.parse({ kaderId: theirs.id, competencyCode: 'A1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
    const r = await receive(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
    expect(r.duplicates).toBe(1)
    const [pair] = await listDuplicates(kel.db, { includeResolved: false })
    expect(pair!.nik).toBe(mine.nik)
    expect(new Set([pair!.a.name, pair!.b.name])).toEqual(new Set(['Siti Aminah', 'Siti Aminah (Puskesmas)']))
    // Merging moves assessments, which only the Puskesmas may change: the kelurahan is told so.
    await expect(resolveDuplicate(kel.db, { id: pair!.id, choice: 'merged', keepId: mine.id })).rejects.toThrow(/Menggabungkan kader tidak dapat dilakukan di kantor kelurahan/)

    const back = await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    expect(back.duplicates).toBe(1)
    const [there] = await listDuplicates(pkm.db, { includeResolved: false })
    await resolveDuplicate(pkm.db, { id: there!.id, choice: 'merged', keepId: mine.id })
    expect((await getKader(pkm.db, { id: theirs.id })).archived).toBe(true)
    await receive(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
    expect((await getKader(kel.db, { id: theirs.id })).archived).toBe(true)
    // Settled at the Puskesmas: nothing is left for the kelurahan to decide.
    expect(await listDuplicates(kel.db, { includeResolved: false })).toEqual([])
    const kept = await getKaderCompetency(kel.db, { kaderId: mine.id })
    expect(kept.items.find((i) => i.code === 'A1')?.current?.result).toBe('kompeten')
    expect((await replicatedDigest(kel.db)).digest).toBe((await replicatedDigest(pkm.db)).digest)
  })

  it('takes reference data only from above: OPD changes and catalogues from a kelurahan are refused', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    const folder = stick()
    const [opd] = await listOpd(kel.db, { includeInactive: false })
    await updateOpd(kel.db, { id: opd!.id, name: 'Nama OPD versi kelurahan', spmFields: [], active: true })
    const next = { ...DEFAULT_CATALOGUE, version: '2026.9', title: 'Katalog kelurahan' }
    await installCatalogue(kel.db, { json: JSON.stringify(next) })
    const up = await receive(kota.db, { path: (await send(kel, 'level:kota', folder)).path })
    expect(up.kinds.find((k) => k.kind === 'opd')!.refused).toBe(1)
    expect(up.refusals[0]!.reason).toMatch(/hanya diterima dari kantor tingkat di atas/)
    expect(up.warnings.join(' ')).toMatch(/Katalog versi 2026.9/)
    expect((await getCatalogueInfo(kota.db)).catalogue.version).toBe('2024.1')

    // From the kota down, both are taken.
    const kel2 = await office('kelurahan2')
    await updateOpd(kota.db, { id: opd!.id, name: 'Nama OPD dari Dinas', spmFields: [], active: true })
    await installCatalogue(kota.db, { json: JSON.stringify({ ...DEFAULT_CATALOGUE, version: '2026.10', title: 'Katalog Dinas' }) })
    const down = await receive(kel2.db, { path: (await send(kota, `site:${await siteIdOf(kel2)}`, folder, true)).path })
    expect(down.catalogues).toEqual(['2026.10'])
    expect((await getCatalogueInfo(kel2.db)).catalogue.version).toBe('2026.10')
    expect((await listOpd(kel2.db, { includeInactive: true })).find((o) => o.id === opd!.id)!.name).toBe('Nama OPD dari Dinas')
  })

  it('refuses versions too far in the future and says the sender clock looks wrong', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    const folder = stick()
    await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    // The kelurahan PC's clock runs three days ahead.
    const ahead = Date.now() + 3 * 86_400_000
    await kel.db.updateTable('site').set({ clock: `${String(ahead).padStart(13, '0')}:0000` }).execute()
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Nama dari masa depan' })), id: k.id })
    const r = await receive(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    expect(r.kinds.find((x) => x.kind === 'kader')!.refused).toBe(1)
    expect(r.refusals[0]!.reason).toMatch(/Jam komputer pengirim tampaknya salah/)
    expect((await getKader(pkm.db, { id: k.id })).name).not.toBe('Nama dari masa depan')
  })

  it('a kota bundle to one kelurahan carries that kelurahan and what covers it, not the rest of the city', async () => {
    const kel = await office('kelurahan')
    const kota = await office('kota')
    const folder = stick()
    const p = await makePosyandu(kel.db)
    await makeKader(kel.db, p.id)
    await receive(kota.db, { path: (await send(kel, 'level:kota', folder)).path })
    const other = await makePosyandu(kota.db, { villageCode: '36.71.01.1002', name: 'Posyandu Lain' })
    await makeKader(kota.db, other.id, { name: 'Kader Lain' })
    const down = await send(kota, `site:${await siteIdOf(kel)}`, folder, true)
    expect(down.counts.posyandu).toBe(1)
    expect(down.counts.kader).toBe(1)
  })
})
