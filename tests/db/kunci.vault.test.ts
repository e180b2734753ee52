// Private keys at rest: with a key vault (the desktop app: the operating system's key store) the
// database holds them sealed, so a copy of the file carries no usable private key. The vault here
// is a real AES-256-GCM one with a key that stands for "this PC"; the database is real.

import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { ownCard, ownKeys, protectKeys, setKeyVault, type KeyVault } from '../../electron/core/features/kunci/kunci.service'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { aesGcmOpen, aesGcmSeal, signEd25519, verifyEd25519 } from '../../electron/core/sync/crypto'
import { errorOf, makePosyandu, type TestDb } from '../fixtures/db'
import { createOffice, createStick, introduce } from '../fixtures/offices'

const open: TestDb[] = []
afterEach(async () => {
  setKeyVault(null)
  for (const t of open.splice(0)) await t.cleanup()
})

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
  it('are sealed in the database with the vault, and still sign and open bundles', async () => {
    const kel = await createOffice('kelurahan')
    const pkm = await createOffice('puskesmas')
    open.push(kel, pkm)
    setKeyVault(pcVault())
    const keys = await ownKeys(kel.db)
    const row = await kel.db.selectFrom('office_key').selectAll().executeTakeFirstOrThrow()
    expect(row.signing_private).toMatch(/^sealed:os:/)
    expect(row.encryption_private).toMatch(/^sealed:os:/)
    expect(row.signing_private).not.toContain(keys.signing.privateKey)
    const sig = signEd25519(keys.signing, Buffer.from('x'))
    expect(verifyEd25519((await ownCard(kel.db)).signingKey, Buffer.from('x'), sig)).toBe(true)
    // Both offices' keys are sealed with the same "PC" here; a bundle still goes both ways.
    await introduce(kel, pkm)
    await makePosyandu(kel.db)
    const stick = createStick()
    try {
      const b = await exportPaket(kel.db, { folder: stick.folder, destination: 'level:puskesmas', full: false })
      expect((await importPaket(pkm.db, { path: b.path })).applied).toBe(true)
    } finally {
      stick.cleanup()
    }
  })

  it('keys stored before the vault are sealed at the next start; without the vault they cannot be used', async () => {
    const kel = await createOffice('kelurahan')
    open.push(kel)
    const before = await ownKeys(kel.db)
    setKeyVault(pcVault())
    expect(await protectKeys(kel.db)).toBe(1)
    expect(await protectKeys(kel.db)).toBe(0)
    expect((await ownKeys(kel.db)).signing.privateKey).toBe(before.signing.privateKey)
    // The file opened by something without this PC's vault (the CLI, another PC).
    setKeyVault(null)
    const e = await errorOf(() => ownKeys(kel.db))
    expect(e.code).toBe('forbidden')
    expect(e.message).toMatch(/tersimpan terkunci oleh aplikasi desktop di PC aslinya/)
    setKeyVault(pcVault()) // another PC's vault: a different key
    expect((await errorOf(() => ownKeys(kel.db))).message).toMatch(/terkunci/)
  })
})
