// The same paket give the same data in any order (issue 13). Two kelurahan keep their kader,
// their Puskesmas assesses them, and paket go kelurahan → Puskesmas → kelurahan and on to the
// kota, as well as kelurahan → kota and Puskesmas → kota directly. The kota knows the kelurahan's
// keys from the start but learns the Puskesmas's card only from the Puskesmas's own paket, so
// its assessments relayed by a kelurahan arrive before anything says who may write them (coverage
// learned late). Every paket made is then imported into two copies of the kota in two random
// orders: both print the same digest, hold the same records aside, and, once the Puskesmas's own
// paket is in, hold nothing and hold every assessment.
//
// Also: a kelurahan that names a made-up Puskesmas in its own paket and writes assessments in
// its name gains nothing: the kota refuses them and keeps them aside.

import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessmentInput, kaderInput } from '../../shared/contract'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import type { Db } from '../../electron/core/db/schema'
import { assess } from '../../electron/core/features/competency/competency.service'
import { getKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { ownCard, trust } from '../../electron/core/features/kunci/kunci.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { insertRecords } from '../../electron/core/sync/write'
import { kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, createStick, fingerprintOf, siteIdOf } from '../fixtures/offices'

type Office = 'k1' | 'k2' | 'pkm'
const OFFICES: Office[] = ['k1', 'k2', 'pkm']
const CODES = ['A1', 'A2', 'B1', 'B2']

type Action =
  | { t: 'edit'; office: 'k1' | 'k2'; kader: number; value: number }
  | { t: 'assess'; kader: number; code: number; kompeten: boolean }
  | { t: 'send'; from: Office; to: Office | 'kota' }
  | { t: 'deliver'; paket: number; to: Office }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), office: fc.constantFrom('k1' as const, 'k2' as const), kader: fc.nat(3), value: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('assess' as const), kader: fc.nat(3), code: fc.nat(CODES.length - 1), kompeten: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('send' as const), from: fc.constantFrom(...OFFICES), to: fc.constantFrom<Office | 'kota'>('k1', 'k2', 'pkm', 'kota') }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('deliver' as const), paket: fc.nat(40), to: fc.constantFrom(...OFFICES) }) },
)

/** Imports as a person would: a first paket from an office after comparing its fingerprint. */
async function receive(db: Db, path: string) {
  return importPaketFile(db, path, { apply: true, acceptFingerprint: await fingerprintOf(path) })
}

async function heldRows(db: Db): Promise<string[]> {
  return (await db.selectFrom('paket_held').select(['table_name', 'record_id', 'row_hash']).execute()).map((r) => `${r.table_name}|${r.record_id}|${r.row_hash}`).sort()
}

async function run(actions: Action[], orders: [number[], number[]]): Promise<void> {
  const stick = createStick()
  const o: Record<Office, TestDb> = { k1: await createOffice('kelurahan'), k2: await createOffice('kelurahan2'), pkm: await createOffice('puskesmas') }
  const kota = await createOffice('kota')
  const copies: Db[] = []
  let kotaClosed = false
  try {
    const cards = { k1: await ownCard(o.k1.db), k2: await ownCard(o.k2.db), pkm: await ownCard(o.pkm.db), kota: await ownCard(kota.db) }
    // The kelurahan and their Puskesmas know one another and the kota; the kota knows the
    // kelurahan only: the Puskesmas's card reaches it with the Puskesmas's first paket.
    for (const a of OFFICES) for (const b of [...OFFICES, 'kota' as const]) if (a !== b) await trust(o[a].db, cards[b], 'kartu')
    await trust(kota.db, cards.k1, 'kartu')
    await trust(kota.db, cards.k2, 'kartu')
    const ids: Record<Office | 'kota', string> = { k1: await siteIdOf(o.k1), k2: await siteIdOf(o.k2), pkm: await siteIdOf(o.pkm), kota: await siteIdOf(kota) }

    const kader: { id: string; owner: 'k1' | 'k2' }[] = []
    for (const [owner, village] of [['k1', '36.71.01.1001'], ['k2', '36.71.01.1002']] as const) {
      const p = await makePosyandu(o[owner].db, { villageCode: village, name: `Posyandu ${owner}` })
      for (let j = 0; j < 2; j++) kader.push({ id: (await makeKader(o[owner].db, p.id, { name: `Kader ${owner}.${j}` })).kader.id, owner })
    }
    const pakets: { path: string; readers: Set<string> }[] = []
    const has = async (db: Db, id: string) => !!(await db.selectFrom('kader').select('id').where('id', '=', id).executeTakeFirst())
    const send = async (from: Office, to: Office | 'kota') => {
      if (from === to) return
      const r = await exportPaketFile(o[from].db, { folder: stick.folder, destination: `site:${ids[to]}`, full: false })
      pakets.push({ path: r.path, readers: new Set([to, 'kota']) })
    }
    for (const a of actions) {
      if (a.t === 'edit') {
        const k = kader.filter((x) => x.owner === a.office)[a.kader % 2]!
        const cur = await getKader(o[a.office].db, { id: k.id })
        await updateKader(o[a.office].db, { ...kaderInput.parse(kaderFields(cur.posyanduId, { nik: cur.nik, name: cur.name, birthDate: cur.birthDate, sex: cur.sex, phone: `0812-300-${4000 + a.value}` })), id: k.id })
      } else if (a.t === 'assess') {
        const k = kader[a.kader % kader.length]!
        if (!(await has(o.pkm.db, k.id))) continue
        const result = a.kompeten ? 'kompeten' : 'belum_kompeten'
        await assess(o.pkm.db, assessmentInput.parse({ kaderId: k.id, competencyCode: CODES[a.code], date: '2026-10-01', result, method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
      } else if (a.t === 'send') await send(a.from, a.to)
      else if (pakets.length > 0) {
        const b = pakets[a.paket % pakets.length]!
        if (b.readers.has(a.to)) await receive(o[a.to].db, b.path).catch((e: unknown) => {
          // A paket an office made itself, or carried back to it: nothing to import.
          if (!/kantor ini sendiri/.test(String((e as Error).message))) throw e
        })
      }
    }
    // Whatever happened above, the kota finally hears from everyone, the Puskesmas included.
    await send('k1', 'kota')
    await send('k2', 'kota')
    await send('pkm', 'kota')

    // Two installations of the same kota, before any import.
    await closeDatabase(kota.db)
    kotaClosed = true
    for (const name of ['a.sqlite', 'b.sqlite']) copyFileSync(kota.file, join(kota.dir, name))
    for (const name of ['a.sqlite', 'b.sqlite']) copies.push(await openDatabase(join(kota.dir, name)))
    const forKota = pakets.filter((b) => b.readers.has('kota'))
    for (const [i, db] of copies.entries()) {
      const order = orders[i]!
      const sequence = [...forKota.keys()].sort((x, y) => (order[x % order.length]! - order[y % order.length]!) || x - y)
      for (const n of sequence) await receive(db, forKota[n]!.path)
    }
    const [a, b] = copies as [Db, Db]
    expect((await replicatedDigest(a)).digest).toBe((await replicatedDigest(b)).digest)
    expect(await heldRows(a)).toEqual(await heldRows(b))
    // The Puskesmas's own paket taught its card: nothing it wrote is still waiting.
    expect(await heldRows(a)).toEqual([])
    const atPkm = await o.pkm.db.selectFrom('assessment').select('id').orderBy('id').execute()
    expect(await a.selectFrom('assessment').select('id').orderBy('id').execute()).toEqual(atPkm)
  } finally {
    for (const db of copies) await closeDatabase(db)
    for (const t of Object.values(o)) await t.cleanup()
    if (kotaClosed) rmSync(kota.dir, { recursive: true, force: true })
    else await kota.cleanup()
    stick.cleanup()
  }
}

describe('bundles in any order', () => {
  it('give the same data at two kota installations, with coverage learned late and relays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 8, maxLength: 30 }),
        fc.tuple(fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 })),
        (actions, orders) => run(actions, orders),
      ),
      { numRuns: 6, endOnFailure: true },
    )
  }, 300_000)

  it("refuses a kelurahan's assessments written in the name of a Puskesmas only its own office list names", async () => {
    const stick = createStick()
    const kel = await createOffice('kelurahan')
    const kota = await createOffice('kota')
    try {
      await trust(kel.db, await ownCard(kota.db), 'kartu')
      await trust(kota.db, await ownCard(kel.db), 'kartu')
      const p = await makePosyandu(kel.db)
      const { kader } = await makeKader(kel.db, p.id)
      const forged = 'pkm-palsu'
      await kel.db
        .insertInto('office')
        .values({ site_id: forged, level: 'puskesmas', area_code: '36.71.01', area_name: 'Tangerang', name: 'Puskesmas Tangerang', villages: '["36.71.01.1001"]', last_bundle_at: null, last_imported_at: null })
        .execute()
      await kel.db.transaction().execute((trx) =>
        insertRecords(
          trx,
          'assessment',
          ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5'].map((code) => ({
            kader_id: kader.id,
            competency_code: code,
            catalogue_version: '2024.1',
            date: '2026-10-01',
            result: 'kompeten',
            method: 'observasi_praktik',
            assessor_name: 'Bidan Palsu',
            assessor_nip: null,
            assessor_profession: null,
            assessor_institution: null,
            training_id: null,
            notes: null,
          })),
          { as: () => forged },
        ),
      )
      const out = await exportPaketFile(kel.db, { folder: stick.folder, destination: 'level:kota', full: true })
      const summary = await importPaketFile(kota.db, out.path, { apply: true })
      const assessments = summary.kinds.find((k) => k.kind === 'assessment')!
      expect(assessments).toMatchObject({ new: 0, refused: 25, held: 25 })
      expect(summary.refusals.find((r) => r.kind === 'assessment')!.reason).toMatch(/kartu kuncinya belum dikenal/)
      expect(summary.kinds.find((k) => k.kind === 'kader')!.new).toBe(1)
      expect(await kota.db.selectFrom('assessment').select('id').execute()).toEqual([])
      expect(await kota.db.selectFrom('kader_competency').select('kader_id').where('level', 'is not', null).execute()).toEqual([])
      expect((await kota.db.selectFrom('paket_held').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(25)
    } finally {
      await kel.cleanup()
      await kota.cleanup()
      stick.cleanup()
    }
  })
})
