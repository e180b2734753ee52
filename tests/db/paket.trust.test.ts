// Trusted paket between real offices (issue 6): who may open a paket, what a sender may
// change, how a region starts from the kota's setup paket, and replays. Every attack leaves the
// receiving database exactly as it was.

import { describe, expect, it } from 'vitest'
import { assessmentInput, kaderInput, trainingInput } from '../../shared/contract'
import { createTraining } from '../../electron/core/features/training/training.service'
import { assess } from '../../electron/core/features/competency/competency.service'
import { getKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { kunciState } from '../../electron/core/features/kunci/kunci.service'
import { listDestinations } from '../../electron/core/features/paket/export'
import { exportPaket, importPaket, previewPaket } from '../../electron/core/features/paket/paket.service'
import { readManifest } from '../../electron/core/sync/paket'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { errorOf, kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { fingerprintOf, introduce, officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()
const send = (from: TestDb, destination: string, folder: string, full = false) => exportPaket(from.db, { folder, destination, full })
const kind = (s: Awaited<ReturnType<typeof importPaket>>, k: string) => s.kinds.find((x) => x.kind === k)!

describe('a new region', () => {
  it("starts from the kota's setup bundle: one fingerprint per office pair, then bundles flow up and down", async () => {
    const kota = await office('kota')
    const pkm = await office('puskesmas')
    const kel = await office('kelurahan')
    const folder = stick()

    // 1–2. The setup paket: each office confirms the kota's fingerprint once.
    const setup = await send(kota, 'pembinaan', folder)
    expect((await readManifest(setup.path, Number.MAX_SAFE_INTEGER)).manifest.encryption).toBeNull()
    for (const o of [pkm, kel]) {
      const p = await previewPaket(o.db, { path: setup.path })
      expect(p.senderKey.status).toBe('unknown')
      await importPaket(o.db, { path: setup.path, acceptFingerprint: p.senderKey.fingerprint })
    }
    // The kelurahan cannot write to its Puskesmas yet, and is told why.
    const before = await listDestinations(kel.db)
    expect(before.find((d) => d.key === 'level:puskesmas')!.unavailable).toMatch(/Kartu kunci Puskesmas pembina belum dikenal/)
    expect(before.find((d) => d.key === 'level:kota')).toMatchObject({ unavailable: null, readers: ['Dinas Kesehatan Kota Tangerang'] })

    // 3. Both send to the Dinas; the Dinas confirms each fingerprint once.
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Siti Aminah' })).kader
    for (const o of [kel, pkm]) {
      const up = await send(o, 'level:kota', folder)
      const pre = await previewPaket(kota.db, { path: up.path })
      expect(pre.senderKey.status).toBe('unknown')
      await importPaket(kota.db, { path: up.path, acceptFingerprint: pre.senderKey.fingerprint })
    }
    expect((await getKader(kota.db, { id: k.id })).name).toBe('Siti Aminah')

    // 4–5. The next setup paket carries their cards; nobody is asked again.
    const again = await send(kota, 'pembinaan', folder)
    for (const o of [pkm, kel]) {
      expect((await previewPaket(o.db, { path: again.path })).senderKey.status).toBe('trusted')
      const learned = await importPaket(o.db, { path: again.path })
      expect(learned.learnedCards).toEqual([o === kel ? 'Puskesmas Tangerang' : 'Kantor Kelurahan Sukarasa'])
    }
    // The Puskesmas and the Dinas are each offered once: by level, not again by name.
    expect((await listDestinations(kel.db)).map((d) => [d.key, d.readers])).toEqual([
      ['level:puskesmas', ['Puskesmas Tangerang', 'Dinas Kesehatan Kota Tangerang']],
      ['level:kota', ['Dinas Kesehatan Kota Tangerang']],
    ])
    expect((await kunciState(kel.db)).trusted.map((t) => [t.name, t.source])).toEqual([
      ['Dinas Kesehatan Kota Tangerang', 'pembinaan'],
      ['Puskesmas Tangerang', 'paket'],
    ])

    // 6. Up to the Puskesmas (readable there and at the Dinas), and back down: no question asked.
    const toPkm = await send(kel, 'level:puskesmas', folder)
    expect((await readManifest(toPkm.path, Number.MAX_SAFE_INTEGER)).manifest.encryption!.recipients.map((r) => r.name)).toEqual([
      'Puskesmas Tangerang',
      'Dinas Kesehatan Kota Tangerang',
    ])
    const got = await importPaket(pkm.db, { path: toPkm.path })
    expect(got.senderKey.status).toBe('trusted')
    expect(kind(got, 'kader').new).toBe(1)
    await assess(pkm.db, assessmentInput.parse({ kaderId: k.id, competencyCode: 'A1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
    const down = await importPaket(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
    expect(down.senderKey.status).toBe('trusted')
    expect(kind(down, 'assessment')).toMatchObject({ new: 1, refused: 0 })
    await importPaket(kota.db, { path: (await send(pkm, 'level:kota', folder)).path })
    const digests = await Promise.all([kel, pkm, kota].map(async (o) => (await replicatedDigest(o.db)).digest))
    expect(new Set(digests).size).toBe(1)
  })
})

describe('who can open a bundle', () => {
  it('the Puskesmas it was addressed to and the kota, and no one else', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    const kel2 = await office('kelurahan2')
    await introduce(kel, pkm, kota, kel2)
    const p = await makePosyandu(kel.db)
    await makeKader(kel.db, p.id)
    const folder = stick()
    const b = await send(kel, 'level:puskesmas', folder)
    expect(kind(await importPaket(pkm.db, { path: b.path }), 'kader').new).toBe(1)
    expect(kind(await importPaket(kota.db, { path: b.path }), 'kader').new).toBe(1)
    const before = await replicatedDigest(kel2.db)
    const e = await errorOf(() => importPaket(kel2.db, { path: b.path }))
    expect(e.code).toBe('forbidden')
    expect(e.message).toMatch(/dikunci untuk Puskesmas Tangerang, Dinas Kesehatan Kota Tangerang, bukan untuk kantor ini/)
    expect((await errorOf(() => previewPaket(kel2.db, { path: b.path }))).code).toBe('forbidden')
    expect(await replicatedDigest(kel2.db)).toEqual(before)
    expect(await kel2.db.selectFrom('paket_received').selectAll().execute()).toEqual([])
  })
})

describe('what a sender may change', () => {
  it("refuses a kelurahan's change to another kelurahan's kader, whoever it claims wrote it", async () => {
    const kel = await office('kelurahan')
    const kel2 = await office('kelurahan2')
    const pkm = await office('puskesmas')
    await introduce(kel, kel2, pkm)
    const folder = stick()
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Siti Aminah' })).kader
    await importPaket(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })

    // The other kelurahan's PC holds a copy of the kader (a tampered installation) and changes her.
    for (const table of ['posyandu', 'kader'] as const) {
      const rows = await kel.db.selectFrom(table).selectAll().execute()
      for (const r of rows) await kel2.db.insertInto(table).values(r as never).execute()
    }
    await updateKader(kel2.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Nama Diubah Kelurahan Lain' })), id: k.id })
    const before = await replicatedDigest(pkm.db)
    const own = await importPaket(pkm.db, { path: (await send(kel2, 'level:puskesmas', folder, true)).path })
    expect(kind(own, 'kader').refused).toBe(1)
    expect(own.refusals.find((r) => r.kind === 'kader')!.reason).toMatch(/di luar wilayah Kantor Kelurahan Tangerang/)

    // The same change claiming to be the kader's own kelurahan's write: the relay rule refuses it.
    const kelId = await siteIdOf(kel)
    const forged = `${String(Date.now() + 1000).padStart(13, '0')}:0000:${kelId}`
    await kel2.db
      .updateTable('kader')
      .set({ name: 'Nama Palsu', version: forged, field_versions: JSON.stringify({ name: forged }) })
      .where('id', '=', k.id)
      .execute()
    const claimed = await importPaket(pkm.db, { path: (await send(kel2, 'level:puskesmas', folder, true)).path })
    expect(kind(claimed, 'kader').refused).toBe(1)
    expect(claimed.refusals.find((r) => r.kind === 'kader')!.reason).toMatch(/meneruskan perubahan data di luar wilayahnya/)
    expect((await getKader(pkm.db, { id: k.id })).name).toBe('Siti Aminah')
    // Only the bookkeeping of the two imports changed; every record is as it was.
    expect((await replicatedDigest(pkm.db)).digest).toBe(before.digest)
  })

  it("refuses a kelurahan's own assessment (the Puskesmas assesses), counted in the preview", async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await introduce(kel, pkm)
    const folder = stick()
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    await assess(kel.db, assessmentInput.parse({ kaderId: k.id, competencyCode: 'A1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Sekretaris Kelurahan' } }))
    const b = await send(kel, 'level:puskesmas', folder)
    // The kelurahan is told when it makes the paket.
    expect(b.warnings).toEqual([
      '1 data penilaian kompetensi yang diubah di kantor ini tidak akan diterima kantor lain: data itu dicatat oleh Puskesmas atau Dinas kota/kabupaten. Minta kantor tersebut mencatatnya.',
    ])
    const preview = await previewPaket(pkm.db, { path: b.path })
    expect(kind(preview, 'assessment')).toMatchObject({ new: 0, refused: 1 })
    expect(kind(preview, 'kader').new).toBe(1)
    expect(preview.refusals[0]!.reason).toMatch(/Kantor Kelurahan Sukarasa \(kelurahan\/desa\) tidak berwenang mengubah data penilaian kompetensi/)
    await importPaket(pkm.db, { path: b.path })
    expect(await pkm.db.selectFrom('assessment').selectAll().execute()).toEqual([])
  })
})

describe('forged writes', () => {
  it("refuses writes in the receiver's own name, a value changed under an old version, and versions from the future", async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await introduce(kel, pkm)
    const folder = stick()
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Siti Aminah' })).kader
    await importPaket(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    await assess(pkm.db, assessmentInput.parse({ kaderId: k.id, competencyCode: 'A1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
    await importPaket(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
    const before = await replicatedDigest(pkm.db)
    const pkmId = await siteIdOf(pkm)

    // 1. The assessment's assessor changed at the kelurahan, its version left as the Puskesmas wrote it.
    await kel.db.updateTable('assessment').set({ assessor_name: 'Orang Lain' }).execute()
    // 2. A training "by the Puskesmas" that the Puskesmas never made.
    const training = await createTraining(kel.db, trainingInput.parse({ title: 'Pelatihan palsu', kind: 'pelatihan', startDate: '2026-10-05', endDate: '2026-10-05', competencies: ['A1'], participantIds: [] }))
    const claimed = `${String(Date.now()).padStart(13, '0')}:0000:${pkmId}`
    await kel.db.updateTable('training').set({ site_id: pkmId, version: claimed }).where('id', '=', training.id).execute()
    // 3. The kader's name with a column version a week ahead.
    const ahead = `${String(Date.now() + 7 * 86_400_000).padStart(13, '0')}:0000:${await siteIdOf(kel)}`
    await kel.db.updateTable('kader').set({ name: 'Dari Masa Depan', field_versions: JSON.stringify({ name: ahead }) }).where('id', '=', k.id).execute()
    const r = await importPaket(pkm.db, { path: (await send(kel, 'level:puskesmas', folder, true)).path })
    expect(kind(r, 'training')).toMatchObject({ new: 0, refused: 1 })
    expect(r.refusals.find((x) => x.kind === 'training')!.reason).toMatch(/mengaku dibuat oleh kantor ini/)
    expect(kind(r, 'assessment').refused).toBe(1)
    expect(r.refusals.find((x) => x.kind === 'assessment')!.reason).toMatch(/mengaku dibuat oleh kantor ini/)
    expect(kind(r, 'kader').refused).toBe(1)
    expect(r.refusals.find((x) => x.kind === 'kader')!.reason).toMatch(/lebih dari sehari di depan jam komputer ini/)
    expect((await replicatedDigest(pkm.db)).digest).toBe(before.digest)
  })
})

describe('replays', () => {
  it('an old bundle imported again, or arriving after a newer one, changes nothing', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await introduce(kel, pkm)
    const folder = stick()
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Nama Lama' })).kader
    const first = await send(kel, 'level:puskesmas', folder)
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Nama Baru' })), id: k.id })
    const second = await send(kel, 'level:puskesmas', folder, true)
    await importPaket(pkm.db, { path: second.path })
    const after = await replicatedDigest(pkm.db)
    // The older paket arrives late: its older values lose the merge.
    const late = await importPaket(pkm.db, { path: first.path, acceptFingerprint: await fingerprintOf(first.path) })
    expect(kind(late, 'kader')).toMatchObject({ new: 0, updated: 0 })
    expect((await getKader(pkm.db, { id: k.id })).name).toBe('Nama Baru')
    // And again: recognised by its id.
    const replay = await importPaket(pkm.db, { path: second.path })
    expect(replay.alreadyImportedAt).not.toBeNull()
    expect(replay.applied).toBe(false)
    expect(await replicatedDigest(pkm.db)).toEqual(after)
  })
})
