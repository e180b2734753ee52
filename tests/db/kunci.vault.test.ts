// Private keys at rest: with a key vault (the desktop app: the operating system's key store) the
// database holds them sealed, so a copy of the file carries no usable private key. The vault here
// is a real AES-256-GCM one with a key that stands for "this PC"; the database is real. The vault
// comes with the database handle, as the desktop app opens it; other handles on the same file
// stand for the CLI or another PC.

import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import type { Db } from '../../electron/core/db/schema'
import { kunciState, ownCard, ownKeys, protectKeys, rotateKeys, type KeyVault } from '../../electron/core/features/kunci/kunci.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { aesGcmOpen, aesGcmSeal, signEd25519, verifyEd25519 } from '../../electron/core/sync/crypto'
import { errorOf, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, createStick, introduce } from '../fixtures/offices'

const open: TestDb[] = []
const handles: Db[] = []
afterEach(async () => {
  for (const db of handles.splice(0)) await closeDatabase(db)
  for (const t of open.splice(0)) await t.cleanup()
})

/** Another handle on the office's file, opened as a host with `keyVault` would (null: the CLI). */
async function openAs(t: TestDb, keyVault: KeyVault | null): Promise<Db> {
  const db = await openDatabase(t.file, { keyVault })
  handles.push(db)
  return db
}

/** A vault whose key never leaves "this PC" (the test process). */
function pcVault(): KeyVault {
  const key = randomBytes(32)
  return {
    scheme: 'os',
    seal: (plain) => aesGcmSeal(key, Buffer.from(plain, 'utf8'), Buffer.from('kunci')).toString('base64'),
    open: (sealed) => aesGcmOpen(key, Buffer.from(sealed, 'base64'), Buffer.from('kunci')).toString('utf8'),
  }
}

describe('private keys at rest', () => {
  it('are sealed in the database with the vault, and still sign and open bundles, also after a rotation', async () => {
    const kel = await createOffice('kelurahan')
    const pkm = await createOffice('puskesmas')
    open.push(kel, pkm)
    const pc = pcVault()
    const [kelDesk, pkmDesk] = [await openAs(kel, pc), await openAs(pkm, pc)]
    const keys = await ownKeys(kelDesk)
    const row = await kelDesk.selectFrom('office_key').selectAll().executeTakeFirstOrThrow()
    expect(row.signing_private).toMatch(/^sealed:os:/)
    expect(row.encryption_private).toMatch(/^sealed:os:/)
    expect(row.signing_private).not.toContain(keys.signing.privateKey)
    const sig = signEd25519(keys.signing, Buffer.from('x'))
    expect(verifyEd25519((await ownCard(kelDesk)).signingKey, Buffer.from('x'), sig)).toBe(true)
    // Both offices' keys are sealed with the same "PC" here; a paket still goes both ways.
    await introduce({ ...kel, db: kelDesk }, { ...pkm, db: pkmDesk })
    await makePosyandu(kelDesk)
    const stick = createStick()
    try {
      const b = await exportPaket(kelDesk, { folder: stick.folder, destination: 'level:puskesmas', full: false })
      expect((await importPaket(pkmDesk, { path: b.path })).applied).toBe(true)
      // After a rotation the next paket carries the retired (sealed) key's word for the new card.
      const rotated = await rotateKeys(kelDesk)
      const next = await exportPaket(kelDesk, { folder: stick.folder, destination: 'level:puskesmas', full: false })
      expect((await importPaket(pkmDesk, { path: next.path })).applied).toBe(true)
      expect((await kunciState(pkmDesk)).trusted.find((t) => t.siteId === rotated.siteId)?.fingerprint).toBe(rotated.fingerprint)
    } finally {
      stick.cleanup()
    }
  })

  it('keys stored before the vault are sealed at the next start; without the vault they cannot be used', async () => {
    const kel = await createOffice('kelurahan')
    open.push(kel)
    const before = await ownKeys(kel.db)
    const desk = await openAs(kel, pcVault())
    expect(await protectKeys(desk)).toBe(1)
    expect(await protectKeys(desk)).toBe(0)
    expect((await ownKeys(desk)).signing.privateKey).toBe(before.signing.privateKey)
    // The file opened by something without this PC's vault (the CLI, another PC).
    const e = await errorOf(async () => ownKeys(await openAs(kel, null)))
    expect(e.code).toBe('forbidden')
    expect(e.message).toMatch(/tersimpan terkunci oleh aplikasi desktop di PC aslinya/)
    expect(await protectKeys(kel.db)).toBe(0) // without a vault nothing is sealed or unsealed
    const otherPc = await openAs(kel, pcVault()) // another PC's vault: a different key
    expect((await errorOf(() => ownKeys(otherPc))).message).toMatch(/terkunci/)
  })
})
