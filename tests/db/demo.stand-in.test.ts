// The demo's stand-in offices (electron/core/features/demo/stand-in.ts): the offices whose records
// a demo holds without being them have real, deterministic keys and signed key cards, the same
// in every demo database, with honest names; the demo database trusts them.

import { afterEach, describe, expect, it } from 'vitest'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { isStandIn, puskesmasStandIn, standInCard, standInKeys, villageStandIn } from '../../electron/core/features/demo/stand-in'
import { setupSite } from '../../electron/core/features/site/site.service'
import type { Db } from '../../electron/core/db/schema'
import { cardFingerprint, parseCard, type Card } from '../../electron/core/sync/card'
import { PAKET_KINDS } from '../../shared/domain/paket'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

const opened: TestDb[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.cleanup()
})

async function fresh(): Promise<TestDb> {
  const t = await createTestDb()
  opened.push(t)
  return t
}

/** A kelurahan office of Kecamatan Tangerang with the demo of its own village. */
async function kelurahanDemo(code: string, name: string, seed: number): Promise<Db> {
  const { db } = await fresh()
  await setUpKelurahan(db, code, name)
  await generateDemo(db, { wilayah: code, posyanduPerVillage: 3, kaderPerPosyandu: 8, seed })
  return db
}

async function trustedCard(db: Db, siteId: string): Promise<{ json: string; card: Card; fingerprint: string; source: string } | undefined> {
  const row = await db.selectFrom('trusted_office').select(['card', 'fingerprint', 'source']).where('site_id', '=', siteId).executeTakeFirst()
  return row && { json: row.card, card: JSON.parse(row.card) as Card, fingerprint: row.fingerprint, source: row.source }
}

/** Every office other than this one that some record of the database names as its writer. */
async function writersNamed(db: Db): Promise<string[]> {
  const self = (await db.selectFrom('site').select('id').executeTakeFirstOrThrow()).id
  const ids = new Set<string>()
  for (const kind of PAKET_KINDS) {
    for (const r of await db.selectFrom(kind).select('site_id').distinct().execute()) ids.add(r.site_id)
    // Every field version names its writer too.
    for (const r of await db.selectFrom(kind).select('version').distinct().execute()) ids.add(r.version.slice(19))
  }
  ids.delete(self)
  ids.delete('default') // the default OPD list
  return [...ids].sort()
}

/** Each writer named in records has a valid, trusted card, and an office row that says what the card says. */
async function expectTrustedStandIns(db: Db): Promise<Card[]> {
  const named = await writersNamed(db)
  expect(named.length).toBeGreaterThan(0)
  const cards: Card[] = []
  for (const id of named) {
    expect(isStandIn(id), id).toBe(true)
    const t = await trustedCard(db, id)
    expect(t, id).toBeDefined()
    const card = parseCard(JSON.parse(t!.json))
    expect(card, `${id}: signature`).not.toBeNull()
    expect(card!.siteId).toBe(id)
    expect(t!.fingerprint).toBe(cardFingerprint(card!))
    expect(card!.name).toContain('contoh')
    expect(await standInCard(db, id)).toEqual(card)
    const office = await db.selectFrom('office').selectAll().where('site_id', '=', id).executeTakeFirstOrThrow()
    expect(office).toMatchObject({ level: card!.level, area_code: card!.areaCode, area_name: card!.areaName, name: card!.name, villages: JSON.stringify(card!.villages) })
    cards.push(card!)
  }
  return cards
}

describe('demo stand-in offices', () => {
  it('two kelurahan demos of one kecamatan hold the same, byte-identical card of its stand-in Puskesmas, covering the whole kecamatan', async () => {
    const a = await kelurahanDemo('36.71.01.1001', 'Kantor Kelurahan Sukarasa', 1)
    const b = await kelurahanDemo('36.71.01.1002', 'Kantor Kelurahan Sukaasih', 2)
    const id = puskesmasStandIn('36.71.01')
    const ca = await trustedCard(a, id)
    const cb = await trustedCard(b, id)
    expect(ca).toBeDefined()
    expect(cb!.json).toBe(ca!.json)
    expect(cb!.fingerprint).toBe(ca!.fingerprint)
    const kecamatan = (await a.selectFrom('area').select('code').where('level', '=', 4).where('parent_code', '=', '36.71.01').orderBy('code').execute()).map((r) => r.code)
    expect(kecamatan.length).toBeGreaterThan(2)
    expect(ca!.card).toMatchObject({ level: 'puskesmas', areaCode: '36.71.01', areaName: 'Tangerang', name: 'Puskesmas Kec. Tangerang (contoh demo)', villages: kecamatan })
    // The kelurahan's trainings and assessments are its Puskesmas's.
    for (const db of [a, b]) {
      for (const kind of ['training', 'training_participant', 'assessment'] as const) {
        const owners = await db.selectFrom(kind).select('site_id').distinct().execute()
        expect(owners.map((o) => o.site_id)).toEqual([id])
      }
    }
    // Both office rows of the Puskesmas say the same about it.
    const office = (db: Db) => db.selectFrom('office').select(['level', 'area_code', 'area_name', 'name', 'villages']).where('site_id', '=', id).executeTakeFirstOrThrow()
    expect(await office(b)).toEqual(await office(a))
    await expectTrustedStandIns(a)
    await expectTrustedStandIns(b)
  })

  it('names every stand-in a kecamatan demo writes as, with a trusted card of its level and area', async () => {
    const { db } = await fresh()
    await setupSite(db, { level: 'kecamatan', areaCode: '36.71.01', name: 'Kantor Kecamatan Tangerang', coveredVillageCodes: [] })
    await generateDemo(db, { wilayah: '36.71.01', posyanduPerVillage: 2, kaderPerPosyandu: 8, seed: 3 })
    const cards = await expectTrustedStandIns(db)
    const villages = (await db.selectFrom('area').select(['code', 'name']).where('level', '=', 4).where('parent_code', '=', '36.71.01').orderBy('code').execute())
    // A kelurahan card per village (villages [] as a real kelurahan's), and the Puskesmas's.
    for (const v of villages) {
      expect(cards.find((c) => c.siteId === villageStandIn(v.code))).toMatchObject({ level: 'kelurahan', areaCode: v.code, areaName: v.name, villages: [] })
      expect(cards.find((c) => c.siteId === villageStandIn(v.code))!.name).toMatch(/^(Kelurahan|Desa) .+ \(contoh demo\)$/)
    }
    // A kecamatan may not record trainings: they are the stand-in Puskesmas's.
    expect(cards.find((c) => c.siteId === puskesmasStandIn('36.71.01'))).toMatchObject({ level: 'puskesmas', villages: villages.map((v) => v.code) })
    // Its own Tim Pembina's meetings are its own: no stand-in for the kecamatan itself.
    expect(cards.some((c) => c.level === 'kecamatan')).toBe(false)
  })

  it('gives a kota-wide demo made at a kecamatan stand-in kecamatan and kota offices of the right level', async () => {
    const { db } = await fresh()
    await setupSite(db, { level: 'kecamatan', areaCode: '36.71.01', name: 'Kantor Kecamatan Tangerang', coveredVillageCodes: [] })
    await generateDemo(db, { wilayah: '36.71', posyanduPerVillage: 1, kaderPerPosyandu: 3, seed: 5 })
    const cards = await expectTrustedStandIns(db)
    expect(cards.find((c) => c.siteId === 'demo-36.71')).toMatchObject({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang (contoh demo)' })
    expect(cards.find((c) => c.siteId === 'demo-36.71.02')).toMatchObject({ level: 'kecamatan', areaCode: '36.71.02', name: expect.stringMatching(/^Kecamatan .+ \(contoh demo\)$/) })
    expect(cards.some((c) => c.siteId === 'demo-36.71.01')).toBe(false)
  })

  it('derives the same keys for the same stand-in everywhere, other keys for another, and cards only for stand-ins', async () => {
    const { db } = await fresh()
    const id = puskesmasStandIn('36.71.01')
    expect(standInKeys(id)).toEqual(standInKeys(id))
    expect(standInKeys(id).signing.publicKey).not.toBe(standInKeys(puskesmasStandIn('36.71.02')).signing.publicKey)
    expect(standInKeys(id).signing.publicKey).not.toBe(standInKeys(id).encryption.publicKey)
    // Needs no office set up: a stand-in follows from its id and the area list.
    const card = await standInCard(db, id)
    expect(parseCard(card)).toEqual(card)
    expect(card).toMatchObject({ createdAt: '2026-06-30T00:00:00.000Z', signingKey: standInKeys(id).signing.publicKey })
    expect(await standInCard(db, 'demo-36.71.99')).toBeNull()
    expect(await standInCard(db, 'kel-sukarasa')).toBeNull()
    expect(isStandIn('demo-36.71.01.1001')).toBe(true)
    expect(isStandIn('01a24b9a-2981-71b3-ae52-f02cbe6b57f3')).toBe(false)
  })
})
