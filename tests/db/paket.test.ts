// Bundles between real offices: each a real SQLite database, bundles real files in a temp folder
// standing in for the USB stick.

import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { kaderInput } from '../../shared/contract'
import { archiveKader, updateKader, getKader } from '../../electron/core/features/kader/kader.service'
import { exportPaket, importPaket, previewPaket, scanFolder } from '../../electron/core/features/paket/paket.service'
import { listConflicts } from '../../electron/core/features/paket/conflict.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice } from '../fixtures/offices'

const open: TestDb[] = []
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
})

async function office(level: 'kelurahan' | 'puskesmas' | 'kota'): Promise<TestDb> {
  const t = await createOffice(level)
  open.push(t)
  return t
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

    const done = await importPaket(pkm.db, { path: out.path })
    expect(done.applied).toBe(true)
    expect(done.changes).toBe(out.records - out.counts.opd!) // every office holds the default OPD list already
    expect((await replicatedDigest(pkm.db)).digest).toBe((await replicatedDigest(kel.db)).digest)

    // Again: nothing changes, and it says so.
    const again = await importPaket(pkm.db, { path: out.path })
    expect(again.alreadyImportedAt).not.toBeNull()
    expect(again.applied).toBe(false)
    expect(again.kinds.every((k) => k.new === 0 && k.updated === 0)).toBe(true)

    // Relayed through the Puskesmas to the kota.
    const up = await send(pkm, 'level:kota', folder)
    expect(up.counts.kader).toBe(5)
    await importPaket(kota.db, { path: up.path })
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
    await importPaket(pkm.db, { path: first.path })
    const second = await send(kel, 'level:puskesmas', folder)
    expect(second.records).toBe(0)
    await updateKader(kel.db, { ...kaderInput.parse(kaderFields(p.id, { nik: k.nik, name: 'Siti Baru' })), id: k.id })
    const third = await send(kel, 'level:puskesmas', folder)
    expect(third.counts.kader).toBe(1)
    const r = await importPaket(pkm.db, { path: third.path })
    expect(r.kinds.find((x) => x.kind === 'kader')!.updated).toBe(1)
    expect((await getKader(pkm.db, { id: k.id })).name).toBe('Siti Baru')
  })

  it('keeps both sides of a concurrent edit to different fields, and lets the owner win the same field', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id, { name: 'Siti Aminah', phone: '0812-1111-1111' })).kader
    const folder = stick()
    await importPaket(pkm.db, { path: (await send(kel, 'level:puskesmas', folder)).path })
    const base = kaderFields(p.id, { nik: k.nik, name: 'Siti Aminah', phone: '0812-1111-1111' })
    // The kelurahan (the owner) changes the name and the phone; later, without having seen that,
    // the Puskesmas changes the address and the phone. The owner's phone wins although it is older.
    await updateKader(kel.db, { ...kaderInput.parse({ ...base, name: 'Siti Aminah S.', phone: '0812-3333-3333' }), id: k.id })
    await new Promise((r) => setTimeout(r, 5))
    await updateKader(pkm.db, { ...kaderInput.parse({ ...base, address: 'Jl. Baru 1', phone: '0812-2222-2222' }), id: k.id })
    const up = await send(kel, 'level:puskesmas', folder)
    const r = await importPaket(pkm.db, { path: up.path })
    expect(r.kinds.find((x) => x.kind === 'kader')!.conflicts).toBe(1)
    const down = await send(pkm, `site:${(await kel.db.selectFrom('site').select('id').executeTakeFirstOrThrow()).id}`, folder)
    await importPaket(kel.db, { path: down.path })
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
