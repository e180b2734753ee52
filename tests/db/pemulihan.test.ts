// Recovery through the region (issue 15, item 4): an office whose PC is lost gets its records
// back from the kota or its Puskesmas, as a new installation that the region then takes as that
// office. Real offices, each its own database, paket on a stick between them.

import { describe, expect, it } from 'vitest'
import { assessmentInput, followUpInput, kaderInput, siteSetupInput } from '../../shared/contract'
import { assess } from '../../electron/core/features/competency/competency.service'
import { createFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { getKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { kunciState, loadCard, ownKeys, saveCard, storeSuccession } from '../../electron/core/features/kunci/kunci.service'
import { exportPaket, importPaket, previewPaket, recoverOffice, recoveryCheck } from '../../electron/core/features/paket/paket.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { readManifest } from '../../electron/core/sync/paket'
import { makeSuccession } from '../../electron/core/sync/card'
import { uuidv7 } from '../../electron/core/sync/uuid'
import { createTestDb, errorOf, kaderFields, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()
const send = (from: TestDb, destination: string, folder: string) => exportPaket(from.db, { folder, destination, full: false })
const kind = (s: Awaited<ReturnType<typeof importPaket>>, k: string) => s.kinds.find((x) => x.kind === k)!

/** Imports a paket whose sender a person has checked by phone (the first paket from it). */
async function receive(to: TestDb, path: string) {
  const p = await previewPaket(to.db, { path })
  return importPaket(to.db, { path, acceptFingerprint: p.senderKey.fingerprint })
}

/**
 * A region as the README starts it (setup paket, first paket up, setup paket again), and a
 * kelurahan's records (a Posyandu, three kader, a monev follow-up without a Posyandu, whose
 * area is its office's) sent up to the Puskesmas and the kota; the Puskesmas assesses a kader and
 * sends it up and back down. A second kelurahan's records are at the Puskesmas and the kota too.
 */
async function regionWithData(folder: string) {
  const kota = await office('kota')
  const pkm = await office('puskesmas')
  const kel = await office('kelurahan')
  const kel2 = await office('kelurahan2')
  const setup = await send(kota, 'pembinaan', folder)
  for (const o of [pkm, kel, kel2]) await receive(o, setup.path)
  for (const o of [kel, kel2, pkm]) await receive(kota, (await send(o, 'level:kota', folder)).path)
  const again = await send(kota, 'pembinaan', folder)
  for (const o of [pkm, kel, kel2]) await importPaket(o.db, { path: again.path })

  const p = await makePosyandu(kel.db)
  const kader = []
  for (const name of ['Siti Aminah', 'Dewi Lestari', 'Rina Marlina']) kader.push((await makeKader(kel.db, p.id, { name })).kader)
  const opd = await kel.db.selectFrom('opd').select('id').where('code', '=', 'dinkes').executeTakeFirstOrThrow()
  await createFollowUp(kel.db, followUpInput.parse({ source: 'monev', date: '2026-11-20', description: 'Stok PMT habis.', dueDate: '2026-12-20', opdId: opd.id }))
  const p2 = await makePosyandu(kel2.db, { name: 'Posyandu Anggrek', villageCode: '36.71.01.1002' })
  await makeKader(kel2.db, p2.id, { name: 'Kader Kelurahan Lain' })

  for (const o of [kel, kel2]) {
    const up = await send(o, 'level:puskesmas', folder)
    await importPaket(pkm.db, { path: up.path })
    await importPaket(kota.db, { path: up.path })
  }
  await assess(pkm.db, assessmentInput.parse({ kaderId: kader[0]!.id, competencyCode: 'A1', date: '2026-11-25', result: 'kompeten', method: 'observasi_praktik', assessor: { name: 'Bidan Rina' } }))
  await importPaket(kota.db, { path: (await send(pkm, 'level:kota', folder)).path })
  await importPaket(kel.db, { path: (await send(pkm, `site:${await siteIdOf(kel)}`, folder)).path })
  return { kota, pkm, kel, kel2, kader, posyandu: p }
}

/** The new installation of the lost office: set up for the same village, its card saved to the stick. */
async function newInstallation(folder: string) {
  const neu = await office('kelurahan')
  const card = await saveCard(neu.db, { folder })
  return { neu, card }
}

const rename = (t: TestDb, posyanduId: string, k: { id: string; nik: string }, name: string) =>
  updateKader(t.db, { ...kaderInput.parse(kaderFields(posyanduId, { nik: k.nik, name })), id: k.id })

describe('recovery of a lost office through the region', () => {
  it('from the kota: the new installation holds the same records, its edits are the office’s everywhere, the old key is refused', async () => {
    const folder = stick()
    const { kota, pkm, kel, kader, posyandu } = await regionWithData(folder)
    const lost = await replicatedDigest(kel.db)
    const oldId = await siteIdOf(kel)
    const { neu, card } = await newInstallation(folder)

    // The fingerprint read over the phone must be the card's.
    const wrong = await errorOf(() => recoveryCheck(kota.db, { cardPath: card.path, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' }))
    expect(wrong).toMatchObject({ code: 'invalid_input', field: 'fingerprint', message: expect.stringMatching(/tidak sama/) })
    await expect(recoverOffice(kota.db, { cardPath: card.path, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE', folder })).rejects.toThrow(/tidak sama/)
    expect(await kota.db.selectFrom('site_succession').selectAll().execute()).toEqual([])

    const check = await recoveryCheck(kota.db, { cardPath: card.path, fingerprint: card.fingerprint.toLowerCase() })
    expect(check.office).toMatchObject({ name: 'Kantor Kelurahan Sukarasa', areaCode: '36.71.01.1001', fingerprint: card.fingerprint })
    expect(check.predecessors).toEqual(['Kantor Kelurahan Sukarasa'])
    // Its own area only: the other kelurahan's Posyandu and kader stay out.
    expect(check.counts).toMatchObject({ posyandu: 1, kader: 3, assessment: 1, follow_up: 1 })

    const made = await recoverOffice(kota.db, { cardPath: card.path, fingerprint: card.fingerprint, folder })
    expect(made).toMatchObject({ records: check.records, revoked: 1, predecessors: ['Kantor Kelurahan Sukarasa'] })
    const { manifest } = await readManifest(made.path, Number.MAX_SAFE_INTEGER)
    expect(manifest.kind).toBe('pemulihan')
    // Encrypted for the new installation only.
    expect(manifest.encryption!.recipients.map((r) => r.siteId)).toEqual([await siteIdOf(neu)])
    expect((await kunciState(kota.db)).trusted.find((t) => t.siteId === oldId)!.revokedAt).not.toBeNull()

    // The new installation checks the Dinas's fingerprint, as with the setup paket, and imports.
    const pre = await previewPaket(neu.db, { path: made.path })
    expect(pre.senderKey.status).toBe('unknown')
    const got = await importPaket(neu.db, { path: made.path, acceptFingerprint: pre.senderKey.fingerprint })
    expect(got.heldTotal).toBe(0)
    expect(got.refusals).toEqual([])
    expect(kind(got, 'kader').new).toBe(3)
    expect(await replicatedDigest(neu.db)).toEqual(lost)
    expect((await kunciState(neu.db)).trusted.find((t) => t.level === 'kota')!.source).toBe('pembinaan')

    // Its next edit to a recovered kader is accepted at the kota, as the office's own.
    await rename(neu, posyandu.id, kader[1]!, 'Dewi Lestari Putri')
    const up = await send(neu, 'level:kota', folder)
    const atKota = await importPaket(kota.db, { path: up.path })
    expect(atKota.senderKey.status).toBe('trusted')
    expect(kind(atKota, 'kader')).toMatchObject({ updated: 1, refused: 0 })
    expect((await getKader(kota.db, { id: kader[1]!.id })).name).toBe('Dewi Lestari Putri')

    // The Puskesmas learns the succession (and the revocation) from the kota's next paket, then
    // takes the new installation's paket without asking anyone.
    const down = await importPaket(pkm.db, { path: (await send(kota, `site:${await siteIdOf(pkm)}`, folder)).path })
    expect(down.learnedCards).toContain('Kantor Kelurahan Sukarasa')
    expect(await pkm.db.selectFrom('site_succession').select('successor_site_id').execute()).toEqual([{ successor_site_id: await siteIdOf(neu) }])
    await rename(neu, posyandu.id, kader[2]!, 'Rina Marlina Sari')
    const toPkm = await importPaket(pkm.db, { path: (await send(neu, 'level:puskesmas', folder)).path })
    expect(toPkm.senderKey.status).toBe('trusted')
    expect(kind(toPkm, 'kader').refused).toBe(0)
    expect((await getKader(pkm.db, { id: kader[2]!.id })).name).toBe('Rina Marlina Sari')

    // The old key (a stolen laptop) is refused at the kota and, once told, at the Puskesmas.
    await rename(kel, posyandu.id, kader[0]!, 'Diubah di Laptop Hilang')
    const stale = await send(kel, 'level:puskesmas', folder)
    for (const o of [kota, pkm]) {
      expect(await errorOf(() => importPaket(o.db, { path: stale.path }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/dicabut/) })
    }
    expect((await getKader(kota.db, { id: kader[0]!.id })).name).toBe('Siti Aminah')
  })

  it('from the Puskesmas: the kota learns the succession from the Puskesmas and revokes the old key itself', async () => {
    const folder = stick()
    const { kota, pkm, kel, kader, posyandu } = await regionWithData(folder)
    const lost = await replicatedDigest(kel.db)
    const oldId = await siteIdOf(kel)
    const { neu, card } = await newInstallation(folder)

    expect(await errorOf(() => recoverOffice(pkm.db, { cardPath: card.path, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE', folder }))).toMatchObject({ field: 'fingerprint' })
    const made = await recoverOffice(pkm.db, { cardPath: card.path, fingerprint: card.fingerprint, folder })
    // A Puskesmas cannot revoke; the kota does when the statement reaches it.
    expect(made.revoked).toBe(0)

    const got = await receive(neu, made.path)
    expect(got.heldTotal).toBe(0)
    expect(await replicatedDigest(neu.db)).toEqual(lost)

    await rename(neu, posyandu.id, kader[1]!, 'Dewi Lestari Putri')
    const toPkm = await importPaket(pkm.db, { path: (await send(neu, 'level:puskesmas', folder)).path })
    expect(toPkm.senderKey.status).toBe('trusted')
    expect(kind(toPkm, 'kader')).toMatchObject({ updated: 1, refused: 0 })

    // Relayed up: the kota takes the succession, trusts the new card, revokes the old key, and
    // accepts the new installation's edit.
    const atKota = await importPaket(kota.db, { path: (await send(pkm, 'level:kota', folder)).path })
    expect(kind(atKota, 'kader')).toMatchObject({ updated: 1, refused: 0, held: 0 })
    expect((await getKader(kota.db, { id: kader[1]!.id })).name).toBe('Dewi Lestari Putri')
    const trusted = (await kunciState(kota.db)).trusted
    expect(trusted.find((t) => t.siteId === oldId)!.revokedAt).not.toBeNull()
    expect(trusted.find((t) => t.fingerprint === card.fingerprint)).toMatchObject({ source: 'paket', revokedAt: null })

    await rename(kel, posyandu.id, kader[0]!, 'Diubah di Laptop Hilang')
    const stale = await send(kel, 'level:kota', folder)
    expect(await errorOf(() => importPaket(kota.db, { path: stale.path }))).toMatchObject({ code: 'forbidden' })
  })

  it('refuses a recovery outside the maker’s authority, and a recovery paket meant for another installation', async () => {
    const folder = stick()
    const { kota, pkm } = await regionWithData(folder)
    // A kelurahan of another kecamatan: not the Puskesmas's village.
    const far = await createTestDb()
    try {
      await setupSite(far.db, siteSetupInput.parse({ level: 'kelurahan', areaCode: '36.71.02.1001', name: 'Kantor Kelurahan Jauh' }))
      const farCard = await saveCard(far.db, { folder })
      expect(await errorOf(() => recoveryCheck(pkm.db, { cardPath: farCard.path, fingerprint: farCard.fingerprint }))).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/bukan kelurahan\/desa binaan Puskesmas ini/),
      })
      // The kota knows no office there: nothing to recover from it.
      expect(await errorOf(() => recoveryCheck(kota.db, { cardPath: farCard.path, fingerprint: farCard.fingerprint }))).toMatchObject({ code: 'not_found' })
    } finally {
      await far.cleanup()
    }
    // A recovery paket carried to another new installation of the same village cannot be opened there.
    const { card } = await newInstallation(folder)
    const made = await recoverOffice(kota.db, { cardPath: card.path, fingerprint: card.fingerprint, folder })
    const other = await office('kelurahan')
    expect(await errorOf(() => previewPaket(other.db, { path: made.path }))).toMatchObject({ code: 'forbidden' })
  })

  it('ignores a succession statement signed by an office without authority for that area: nothing revoked, nobody trusted', async () => {
    const folder = stick()
    const { kota, pkm, kel, kel2 } = await regionWithData(folder)
    const oldId = await siteIdOf(kel)
    const { card } = await newInstallation(folder)
    const statement = (issuerSiteId: string, signing: Awaited<ReturnType<typeof ownKeys>>['signing'], successor: Awaited<ReturnType<typeof loadCard>>, predecessor = oldId) =>
      makeSuccession(
        { id: uuidv7(Date.now()), level: 'kelurahan', areaCode: successor.areaCode, predecessors: [{ siteId: predecessor, fingerprint: null }], successor, issuedAt: new Date().toISOString(), issuerSiteId },
        signing,
      )
    // A neighbouring kelurahan claims to replace Sukarasa's office; its statement travels in its paket.
    await storeSuccession(kel2.db, statement(await siteIdOf(kel2), (await ownKeys(kel2.db)).signing, await loadCard(card.path)))
    await importPaket(kota.db, { path: (await send(kel2, 'level:kota', folder)).path })
    // The Puskesmas vouches for a new office of a village outside its own (another kecamatan).
    const far = await createTestDb()
    try {
      await setupSite(far.db, siteSetupInput.parse({ level: 'kelurahan', areaCode: '36.71.02.1001', name: 'Kantor Kelurahan Jauh' }))
      const farCard = await loadCard((await saveCard(far.db, { folder })).path)
      await storeSuccession(pkm.db, statement(await siteIdOf(pkm), (await ownKeys(pkm.db)).signing, farCard, 'kantor-lama-jauh'))
    } finally {
      await far.cleanup()
    }
    await importPaket(kota.db, { path: (await send(pkm, 'level:kota', folder)).path })

    expect(await kota.db.selectFrom('site_succession').selectAll().execute()).toEqual([])
    const trusted = (await kunciState(kota.db)).trusted
    expect(trusted.find((t) => t.siteId === oldId)!.revokedAt).toBeNull()
    expect(trusted.find((t) => t.fingerprint === card.fingerprint)).toBeUndefined()
    expect(trusted.find((t) => t.name === 'Kantor Kelurahan Jauh')).toBeUndefined()
  })
})
