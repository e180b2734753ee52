// The exchange converges, whatever the order: four offices (two kelurahan, their Puskesmas and
// the kota) make random edits to kader, each within what it may change (a kelurahan its own
// kader, the Puskesmas those of its villages), and pass paket to random offices, delivered in
// random order, twice, late, or to offices they were not meant for (which cannot open them and
// change nothing). Once every office has exchanged everything with every other, every copy of a
// kader is the same everywhere, the Puskesmas and the kota hold all of them, no legitimate change
// was refused, and every edit either is the final value, was overwritten by an office that had
// seen it, or sits in a conflict list as the losing value (the documented rule).

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { kaderInput } from '../../shared/contract'
import { archiveKader, getKader, restoreKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { readPaket, parseNdjson } from '../../electron/core/sync/paket'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { contentKeyOpener } from '../../electron/core/features/kunci/kunci.service'
import { createOffice, createStick, introduce, siteIdOf, type OfficeKind } from '../fixtures/offices'

const KINDS: OfficeKind[] = ['kelurahan', 'kelurahan2', 'puskesmas', 'kota']
// Few kader and fields, so that offices often change the same field without seeing each other.
const FIELDS = ['name', 'phone', 'deleted'] as const
type Field = (typeof FIELDS)[number]

type Action =
  | { t: 'edit'; office: number; kader: number; field: Field; value: number }
  | { t: 'create'; office: number }
  | { t: 'send'; from: number; to: number; full: boolean }
  | { t: 'deliver'; paket: number; to: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  // Office 0, 1 (kelurahan) or 2 (Puskesmas); the kota (3) keeps no kader of its own.
  { weight: 5, arbitrary: fc.record({ t: fc.constant('edit' as const), office: fc.nat(2), kader: fc.nat(3), field: fc.constantFrom(...FIELDS), value: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('create' as const), office: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('send' as const), from: fc.nat(3), to: fc.nat(3), full: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('deliver' as const), paket: fc.nat(30), to: fc.nat(3) }) },
)

interface Edit {
  id: number
  kader: string
  field: Field
  value: unknown
  /** Edits of the same field this office had seen when it made this one. */
  supersedes: Set<number>
}

/** Per office, per kader and field: the edits its copy includes. */
type Knowledge = Map<string, Set<number>>
const key = (kader: string, field: string) => `${kader}|${field}`

const valueFor = (field: Field, v: number, office: number) =>
  field === 'phone' ? `0812-${1000 + office}-${2000 + v}` : field === 'deleted' ? v % 2 : `${field} ${office}.${v}`

async function run(actions: Action[]): Promise<void> {
  const stick = createStick()
  const offices: TestDb[] = []
  try {
    for (const k of KINDS) offices.push(await createOffice(k))
    await introduce(...offices)
    const siteIds = await Promise.all(offices.map((o) => siteIdOf(o)))
    const KOTA = 3
    const knowledge: Knowledge[] = offices.map(() => new Map())
    const edits: Edit[] = []
    const kaderIds: string[] = []
    const posyandu: string[] = []
    // Each kelurahan starts with a Posyandu and two kader.
    for (const i of [0, 1]) {
      const p = await makePosyandu(offices[i]!.db, { villageCode: i === 0 ? '36.71.01.1001' : '36.71.01.1002', name: `Posyandu ${i}` })
      posyandu.push(p.id)
      for (let j = 0; j < 2; j++) kaderIds.push((await makeKader(offices[i]!.db, p.id, { name: `Kader ${i}.${j}` })).kader.id)
    }
    const pakets: { path: string; from: number; readers: Set<number>; snapshot: Map<string, Set<number>> }[] = []

    const has = async (o: number, id: string) => !!(await offices[o]!.db.selectFrom('kader').select('id').where('id', '=', id).executeTakeFirst())
    const known = (o: number, k: string) => knowledge[o]!.get(k) ?? new Set<number>()

    const deliver = async (b: (typeof pakets)[number], to: number) => {
      if (b.from === to) return
      if (!b.readers.has(to)) {
        // Not addressed to this office: it cannot open the paket, and nothing changes.
        await expect(importPaketFile(offices[to]!.db, b.path, { apply: true })).rejects.toMatchObject({ shape: { code: 'forbidden' } })
        return
      }
      const s = await importPaketFile(offices[to]!.db, b.path, { apply: true })
      // A change may be held when its parent travelled in a paket this office never got (an
      // incremental paket after a lost one); it is judged again later. Nothing is refused.
      expect(s.refusals.filter((r) => !r.held)).toEqual([])
      const held = new Set(s.refusals.map((r) => r.recordId))
      for (const [k, ids] of b.snapshot) {
        if (!held.has(k.split('|')[0]!)) knowledge[to]!.set(k, new Set([...known(to, k), ...ids]))
      }
    }
    const send = async (from: number, to: number, full: boolean) => {
      const r = await exportPaketFile(offices[from]!.db, { folder: stick.folder, destination: `site:${siteIds[to]!}`, full })
      const content = await readPaket(r.path, undefined, await contentKeyOpener(offices[to]!.db))
      const snapshot = new Map<string, Set<number>>()
      const data = content.records.get('kader')
      for (const row of data ? parseNdjson(data, 'kader', content.manifest.counts.kader!) : []) {
        for (const f of FIELDS) snapshot.set(key(row.id as string, f), new Set(known(from, key(row.id as string, f))))
      }
      pakets.push({ path: r.path, from, readers: new Set(from === KOTA ? [to] : [to, KOTA]), snapshot })
    }

    for (const a of actions) {
      if (a.t === 'create') {
        kaderIds.push((await makeKader(offices[a.office]!.db, posyandu[a.office]!, { name: `Baru ${kaderIds.length}` })).kader.id)
      } else if (a.t === 'edit') {
        const id = kaderIds[a.kader % kaderIds.length]!
        const db = offices[a.office]!.db
        if (!(await has(a.office, id))) continue
        const value = valueFor(a.field, a.value, a.office)
        const current = await db.selectFrom('kader').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
        if (a.field === 'deleted') {
          if (current.deleted === value) continue
          if (value === 1) await archiveKader(db, { id })
          else await restoreKader(db, { id })
        } else {
          if (current.deleted === 1) continue
          const k = await getKader(db, { id })
          const input = kaderFields(k.posyanduId, {
            nik: k.nik,
            name: k.name,
            phone: k.phone,
            address: k.address,
            notes: k.notes,
            birthDate: k.birthDate,
            sex: k.sex,
            [a.field]: value,
          })
          await updateKader(db, { ...kaderInput.parse(input), id })
        }
        const stored = (await db.selectFrom('kader').select(a.field).where('id', '=', id).executeTakeFirstOrThrow())[a.field]
        const k = key(id, a.field)
        const e: Edit = { id: edits.length, kader: id, field: a.field, value: stored, supersedes: new Set(known(a.office, k)) }
        edits.push(e)
        knowledge[a.office]!.set(k, new Set([...known(a.office, k), e.id]))
      } else if (a.t === 'send') {
        await send(a.from, a.to === a.from ? (a.to + 1) % offices.length : a.to, a.full)
      } else if (pakets.length > 0) {
        await deliver(pakets[a.paket % pakets.length]!, a.to)
      }
    }

    // Until everyone has seen everything: two rounds of full paket from every office to every other.
    for (let round = 0; round < 2; round++) {
      for (let from = 0; from < offices.length; from++) {
        for (let to = 0; to < offices.length; to++) {
          if (to === from) continue
          await send(from, to, true)
          await deliver(pakets[pakets.length - 1]!, to)
        }
      }
    }

    // Whatever was held on the way has been judged and released once its parents came.
    for (const o of offices) expect(await o.db.selectFrom('paket_held').select('record_id').execute()).toEqual([])

    // Every copy of a kader is the same wherever it is held; the Puskesmas and the kota hold all.
    const copies = new Map<string, string>()
    for (const [i, o] of offices.entries()) {
      const rows = await o.db.selectFrom('kader').selectAll().orderBy('id').execute()
      if (i >= 2) expect(rows.map((r) => r.id).sort()).toEqual([...kaderIds].sort())
      for (const r of rows) {
        const { received: _received, ...row } = r as typeof r & { received?: unknown }
        const json = JSON.stringify(row)
        if (copies.has(r.id)) expect(json).toBe(copies.get(r.id))
        else copies.set(r.id, json)
      }
    }
    expect((await replicatedDigest(offices[2]!.db)).digest).toBe((await replicatedDigest(offices[KOTA]!.db)).digest)

    const lost = new Set<string>()
    for (const o of offices) {
      for (const c of await o.db.selectFrom('sync_conflict').selectAll().where('table_name', '=', 'kader').execute()) {
        lost.add(`${c.record_id}|${c.field}|${c.lost_value}`)
      }
    }
    const superseded = new Set<number>()
    for (const e of edits) for (const s of e.supersedes) superseded.add(s)
    for (const e of edits) {
      const final = (await offices[2]!.db.selectFrom('kader').select(e.field).where('id', '=', e.kader).executeTakeFirstOrThrow())[e.field]
      const ok = final === e.value || superseded.has(e.id) || lost.has(`${e.kader}|${e.field}|${JSON.stringify(e.value)}`)
      if (!ok) throw new Error(`edit ${e.id} (${e.field} = ${String(e.value)}) lost without a conflict record; final ${String(final)}`)
    }
  } finally {
    for (const o of offices) await o.cleanup()
    stick.cleanup()
  }
}

describe('bundle exchange, property', () => {
  afterAll(() => undefined)
  it('converges and loses no edit outside the conflict rule, for any order of bundles', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 50 }), (actions) => run(actions)),
      { numRuns: 15, endOnFailure: true },
    )
  }, 240_000)
})
