// Office keys and key cards: made once, self-signed, fingerprints compared by people before an
// office trusts another; paket from trusted senders pass on the cards they trust.

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { kunciState, ownCard, ownKeys, readCard, revokeKey, rotateKeys, saveCard, trust, trustCard } from '../../electron/core/features/kunci/kunci.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { createSaranaItem } from '../../electron/core/features/sarana/sarana.service'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { changeSiteArea } from '../../electron/core/features/site/site.service'
import { cardFingerprint, makeCard, makeRevocation, parseCard } from '../../electron/core/sync/card'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/core/sync/crypto'
import { contract, siteChangeAreaInput } from '../../shared/contract'
import { DEFAULT_SARANA_ITEMS } from '../../shared/domain/sarana'
import { errorOf, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { fingerprintOf, officesPerTest } from '../fixtures/offices'

const { office, stick } = officesPerTest()
/** `a` holds `b`'s key card, its fingerprint confirmed (so `a` can encrypt paket for `b`). */
async function knows(a: TestDb, b: TestDb) {
  await trust(a.db, await ownCard(b.db), 'kartu')
}

/** A kelurahan whose first paket the Puskesmas imported, its fingerprint confirmed: each trusts the other. */
async function knownAtPuskesmas() {
  const kel = await office('kelurahan')
  const pkm = await office('puskesmas')
  await knows(kel, pkm)
  const folder = stick()
  const first = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
  await importPaketFile(pkm.db, first.path, { apply: true, acceptFingerprint: await fingerprintOf(first.path) })
  return { kel, pkm, folder }
}

describe('office keys', () => {
  it('are made once, and the card they sign verifies and names the office', async () => {
    const kel = await office('kelurahan')
    const a = await ownKeys(kel.db)
    const b = await ownKeys(kel.db)
    expect(b).toEqual(a)
    expect(Buffer.from(a.signing.publicKey, 'base64url')).toHaveLength(32)
    const card = await ownCard(kel.db)
    expect(parseCard(JSON.parse(JSON.stringify(card)))).toEqual(card)
    expect(card).toMatchObject({ level: 'kelurahan', areaCode: '36.71.01.1001', name: 'Kantor Kelurahan Sukarasa' })
    const state = await kunciState(kel.db)
    expect(state.self.fingerprint).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/)
    expect(state.trusted).toEqual([])
    // The private halves never appear in the card.
    expect(JSON.stringify(card)).not.toContain(a.signing.privateKey)
    expect(JSON.stringify(card)).not.toContain(a.encryption.privateKey)
  })
})

describe('key cards', () => {
  it('are trusted only with the right fingerprint', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const folder = stick()
    const saved = await saveCard(pkm.db, { folder })
    expect(saved.fileName).toMatch(/\.simpul-kunci$/)
    expect(await readCard(kel.db, { path: saved.path })).toMatchObject({ status: 'new', card: { name: 'Puskesmas Tangerang', fingerprint: saved.fingerprint } })
    expect(await readCard(pkm.db, { path: saved.path })).toMatchObject({ status: 'self' })

    const wrong = await errorOf(() => trustCard(kel.db, { path: saved.path, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' }))
    expect(wrong).toMatchObject({ code: 'invalid_input', field: 'fingerprint' })
    expect((await kunciState(kel.db)).trusted).toEqual([])

    // Typed as people type it: lower case, spaces instead of dashes.
    const t = await trustCard(kel.db, { path: saved.path, fingerprint: saved.fingerprint.toLowerCase().replace(/-/g, ' ') })
    expect(t).toMatchObject({ name: 'Puskesmas Tangerang', source: 'kartu', fingerprint: saved.fingerprint })
    expect(await readCard(kel.db, { path: saved.path })).toMatchObject({ status: 'trusted' })
  })

  it('refuses a card changed after it was signed, and tells a new key of a known office apart', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const folder = stick()
    const saved = await saveCard(pkm.db, { folder })
    const card = JSON.parse(readFileSync(saved.path, 'utf8')) as Record<string, unknown>
    const forged = join(folder, 'palsu.simpul-kunci')
    writeFileSync(forged, JSON.stringify({ ...card, name: 'Dinas Palsu' }))
    expect((await errorOf(() => readCard(kel.db, { path: forged }))).message).toMatch(/rusak atau telah diubah/)
    await trustCard(kel.db, { path: saved.path, fingerprint: saved.fingerprint })

    // The same office id with other keys (a new PC, a rotated key, or an impostor).
    const signing = generateSigningKeys()
    const other = makeCard(
      { ...(card as unknown as Parameters<typeof makeCard>[0]), signingKey: signing.publicKey, encryptionKey: generateEncryptionKeys().publicKey },
      signing,
    )
    const otherPath = join(folder, 'lain.simpul-kunci')
    writeFileSync(otherPath, JSON.stringify(other))
    expect(await readCard(kel.db, { path: otherPath })).toMatchObject({ status: 'changed' })
    expect(cardFingerprint(other)).not.toBe(saved.fingerprint)
  })
})

describe('signed bundles and trust', () => {
  it('a trusted sender passes on the cards it trusts; a changed sender key must be accepted again', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    const folder = stick()
    // The Puskesmas trusts the kelurahan's card, then sends to the kota (whose card both hold).
    await knows(pkm, kota)
    await knows(kel, kota)
    const kelCard = await saveCard(kel.db, { folder })
    await trustCard(pkm.db, { path: kelCard.path, fingerprint: kelCard.fingerprint })
    const up = await exportPaketFile(pkm.db, { folder, destination: 'level:kota', full: false })
    const preview = await importPaketFile(kota.db, up.path, { apply: false })
    expect(preview.senderKey.status).toBe('unknown')
    await importPaketFile(kota.db, up.path, { apply: true, acceptFingerprint: await fingerprintOf(up.path) })
    const trusted = (await kunciState(kota.db)).trusted
    expect(trusted.map((t) => [t.name, t.source])).toEqual([
      ['Kantor Kelurahan Sukarasa', 'paket'],
      ['Puskesmas Tangerang', 'paket'],
    ])
    // The kelurahan's first paket to the kota is now signed by a known key.
    const direct = await exportPaketFile(kel.db, { folder, destination: 'level:kota', full: false })
    expect((await importPaketFile(kota.db, direct.path, { apply: false })).senderKey.status).toBe('trusted')
    await importPaketFile(kota.db, direct.path, { apply: true })

    // The Puskesmas gets new keys without its old ones (a new PC): the kota must check before accepting.
    await pkm.db.deleteFrom('office_key').execute()
    const again = await exportPaketFile(pkm.db, { folder, destination: 'level:kota', full: true })
    const p2 = await importPaketFile(kota.db, again.path, { apply: false })
    expect(p2.senderKey.status).toBe('changed')
    const e = await errorOf(() => importPaketFile(kota.db, again.path, { apply: true }))
    expect(e.code).toBe('forbidden')
    expect(e.message).toMatch(/berbeda dari yang dikenal/)
    await importPaketFile(kota.db, again.path, { apply: true, acceptFingerprint: p2.senderKey.fingerprint })
    expect((await importPaketFile(kota.db, again.path, { apply: false })).senderKey.status).toBe('trusted')
  })
})

describe('paket pembinaan', () => {
  it('carries the kota key, reference data and known cards, no records of people; importing trusts the kota for the region', async () => {
    const kota = await office('kota')
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const folder = stick()
    // The kota already knows the Puskesmas.
    const pkmCard = await saveCard(pkm.db, { folder })
    await trustCard(kota.db, { path: pkmCard.path, fingerprint: pkmCard.fingerprint })
    // An item the Dinas added to the equipment list travels down with it.
    const item = await createSaranaItem(kota.db, contract['sarana:itemCreate'].input.parse({ name: 'Alat ukur lingkar kepala', kit: true }))
    const setup = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: false })
    expect(setup.counts).toMatchObject({ opd: 15, sarana_item: DEFAULT_SARANA_ITEMS.length + 1, kader: 0, posyandu: 0, assessment: 0, sarana: 0, insentif: 0 })
    const p = await importPaketFile(kel.db, setup.path, { apply: false })
    expect(p.manifest.sender.level).toBe('kota')
    await importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: p.senderKey.fingerprint })
    expect((await kel.db.selectFrom('sarana_item').select('name').where('id', '=', item.id).executeTakeFirst())?.name).toBe('Alat ukur lingkar kepala')
    const trusted = (await kunciState(kel.db)).trusted
    expect(trusted.map((t) => [t.name, t.source])).toEqual([
      ['Dinas Kesehatan Kota Tangerang', 'pembinaan'],
      ['Puskesmas Tangerang', 'paket'],
    ])
    // Only the kota makes one.
    expect((await errorOf(() => exportPaketFile(kel.db, { folder, destination: 'pembinaan', full: true }))).message).toMatch(/hanya dibuat oleh Dinas/)
  })

  it('from the Dinas of another city is refused', async () => {
    const kel = await office('kelurahan')
    const other = await office('kota')
    await other.db.updateTable('site').set({ area_code: '32.73', area_name: 'Kota Bandung', name: 'Dinkes Kota Bandung' }).execute()
    const folder = stick()
    const setup = await exportPaketFile(other.db, { folder, destination: 'pembinaan', full: true })
    const accept = await fingerprintOf(setup.path)
    const e = await errorOf(() => importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: accept }))
    expect(e.message).toMatch(/bukan dari Dinas wilayah kantor ini/)
    expect((await kunciState(kel.db)).trusted).toEqual([])
  })
})

describe('revocation', () => {
  it('the kota revokes a lost key; the statement travels down; bundles signed with it are refused, even if accepted', async () => {
    const kota = await office('kota')
    const kel = await office('kelurahan')
    const kel2 = await office('kelurahan2')
    const folder = stick()
    // The region is set up: both kelurahan trust the kota, the kota knows the first kelurahan.
    for (const k of [kel, kel2]) {
      const setup = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true })
      await importPaketFile(k.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    }
    const lostCard = await saveCard(kel.db, { folder })
    await trustCard(kota.db, { path: lostCard.path, fingerprint: lostCard.fingerprint })
    const kelId = (await ownCard(kel.db)).siteId
    // A paket made on the lost laptop, before and after the revocation.
    const fromLaptop = await exportPaketFile(kel.db, { folder, destination: 'level:kota', full: true })

    expect((await errorOf(() => revokeKey(kel.db, { siteId: kelId, reason: 'x' }))).code).toBe('forbidden')
    const revoked = await revokeKey(kota.db, { siteId: kelId, reason: 'Laptop kelurahan hilang' })
    expect(revoked.revokedAt).not.toBeNull()
    expect((await kunciState(kota.db)).trusted.find((t) => t.siteId === kelId)!.revokedAt).toBe(revoked.revokedAt)

    const before = await replicatedDigest(kota.db)
    const e = await errorOf(() => importPaketFile(kota.db, fromLaptop.path, { apply: true, acceptFingerprint: lostCard.fingerprint }))
    expect(e.code).toBe('forbidden')
    expect(e.message).toMatch(/telah dicabut oleh Dinas .*Laptop kelurahan hilang/)
    expect(await replicatedDigest(kota.db)).toEqual(before)

    // The kota's next paket carries the statement to the other kelurahan, which then refuses it too.
    const down = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true })
    await importPaketFile(kel2.db, down.path, { apply: true })
    const e2 = await errorOf(() => importPaketFile(kel2.db, fromLaptop.path, { apply: true, acceptFingerprint: lostCard.fingerprint }))
    expect(e2.message).toMatch(/telah dicabut/)
  })

  it('ignores a revocation not signed by the kota this office trusts', async () => {
    const kota = await office('kota')
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const folder = stick()
    const setup = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true })
    await importPaketFile(kel.db, setup.path, { apply: true, acceptFingerprint: await fingerprintOf(setup.path) })
    // A Puskesmas (not the kota) "revokes" the kota's own key in its paket: ignored.
    const kotaCard = await saveCard(kota.db, { folder })
    await trustCard(pkm.db, { path: kotaCard.path, fingerprint: kotaCard.fingerprint })
    const pkmKeys = await ownKeys(pkm.db)
    const fake = makeRevocation(
      { siteId: (await ownCard(kota.db)).siteId, fingerprint: kotaCard.fingerprint, revokedAt: new Date().toISOString(), reason: 'palsu', issuerSiteId: (await ownCard(pkm.db)).siteId },
      pkmKeys.signing,
    )
    await pkm.db.insertInto('key_revocation').values({ fingerprint: fake.fingerprint, site_id: fake.siteId, revoked_at: fake.revokedAt, reason: fake.reason, issuer_site_id: fake.issuerSiteId, statement: JSON.stringify(fake) }).execute()
    await knows(pkm, kel)
    const b = await exportPaketFile(pkm.db, { folder, destination: `site:${(await ownCard(kel.db)).siteId}`, full: false })
    await importPaketFile(kel.db, b.path, { apply: true, acceptFingerprint: await fingerprintOf(b.path) })
    expect((await kunciState(kel.db)).trusted.find((t) => t.name === 'Dinas Kesehatan Kota Tangerang')!.revokedAt).toBeNull()
    const again = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true })
    expect((await importPaketFile(kel.db, again.path, { apply: false })).senderKey.status).toBe('trusted')
  })
})

describe('key rotation', () => {
  it('offices that trusted the old key take the new one from the next bundle, without asking', async () => {
    const { kel, pkm, folder } = await knownAtPuskesmas()
    const before = (await kunciState(pkm.db)).trusted[0]!

    const rotated = await rotateKeys(kel.db)
    expect(rotated.fingerprint).not.toBe(before.fingerprint)
    const next = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
    const preview = await importPaketFile(pkm.db, next.path, { apply: false })
    expect(preview.senderKey).toEqual({ fingerprint: rotated.fingerprint, status: 'trusted' })
    await importPaketFile(pkm.db, next.path, { apply: true })
    expect((await kunciState(pkm.db)).trusted.map((t) => [t.fingerprint, t.source])).toEqual([[rotated.fingerprint, 'paket']])

    // A card for the same office that the old key did not sign over is still "changed".
    await kel.db.deleteFrom('office_key').execute()
    const impostor = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
    expect((await importPaketFile(pkm.db, impostor.path, { apply: false })).senderKey.status).toBe('changed')
  })
})

describe('a card that claims another area', () => {
  it('under a rotated key is asked about, not taken: the old key vouches for a key, not for more authority', async () => {
    const { kel, pkm, folder } = await knownAtPuskesmas()
    const before = (await kunciState(pkm.db)).trusted[0]!.fingerprint

    // The office's file edited to claim the next village, then the keys replaced.
    await kel.db.updateTable('site').set({ area_code: '36.71.01.1002', area_name: 'Sukaasih' }).execute()
    const rotated = await rotateKeys(kel.db)
    const next = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
    expect((await importPaketFile(pkm.db, next.path, { apply: false })).senderKey).toEqual({
      fingerprint: rotated.fingerprint,
      status: 'changed',
      change: { knownArea: 'Sukarasa', knownFingerprint: before, cardArea: 'Sukaasih' },
    })
    const refused = await errorOf(() => importPaketFile(pkm.db, next.path, { apply: true }))
    expect(refused).toMatchObject({ code: 'forbidden' })
    expect(refused.message).toMatch(/^Kartu kunci Kantor Kelurahan Sukarasa berbeda dari yang dikenal kantor ini \(kunci atau wilayah kerjanya berubah/)
    expect((await kunciState(pkm.db)).trusted.map((t) => t.areaCode)).toEqual(['36.71.01.1001'])
  })

  it('under the same key (the area corrected after the card was handed out) is asked about once, then judged by the new area', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await knows(kel, pkm)
    // The card went to the Puskesmas by hand before the wrong village was noticed.
    await knows(pkm, kel)
    await changeSiteArea(kel.db, siteChangeAreaInput.parse({ areaCode: '36.71.01.1002', name: 'Kantor Kelurahan Sukaasih' }))
    // Read from a card file on Kunci kantor, the new card is "changed", both areas named.
    const saved = await saveCard(kel.db, { folder: stick() })
    expect(await readCard(pkm.db, { path: saved.path })).toMatchObject({
      status: 'changed',
      change: { knownArea: 'Sukarasa', knownFingerprint: saved.fingerprint, cardArea: 'Sukaasih' },
    })
    const p = await makePosyandu(kel.db, { villageCode: '36.71.01.1002' })
    await makeKader(kel.db, p.id)
    const folder = stick()
    const first = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
    const fingerprint = await fingerprintOf(first.path)
    // Same key, another area: the screen shows what the person confirmed before beside the new claim.
    expect((await importPaketFile(pkm.db, first.path, { apply: false })).senderKey).toEqual({
      fingerprint,
      status: 'changed',
      change: { knownArea: 'Sukarasa', knownFingerprint: fingerprint, cardArea: 'Sukaasih' },
    })
    const summary = await importPaketFile(pkm.db, first.path, { apply: true, acceptFingerprint: fingerprint })
    expect(summary.kinds.find((k) => k.kind === 'kader')).toMatchObject({ new: 1, refused: 0, held: 0 })
    expect((await kunciState(pkm.db)).trusted.map((t) => t.areaCode)).toEqual(['36.71.01.1002'])
    // Known now: the next paket passes without a question.
    const second = await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false })
    expect((await importPaketFile(pkm.db, second.path, { apply: false })).senderKey.status).toBe('trusted')
  })
})
