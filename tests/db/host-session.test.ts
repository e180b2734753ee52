// The host's recovery mode (electron/core/host/host-session.ts): a damaged database file serves
// only the recovery calls; a restore or a fresh start reopens the database without a restart.

import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, sqliteOf } from '../../electron/core/db/open'
import { makeBackup } from '../../electron/core/features/cadangan/cadangan.service'
import { copyToFolder } from '../../electron/core/features/cadangan/flashdisk'
import { recoveryCode } from '../../electron/core/features/cadangan/kode'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { archiveKader } from '../../electron/core/features/kader/kader.service'
import { lostSince, startHostSession, type HostSession } from '../../electron/core/host/host-session'
import { replicatedDigest } from '../../electron/core/sync/digest'
import type { BerkasRusakStatus, FoundCopy } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { damage } from '../fixtures/damaged'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

let t: TestDb | null = null
let session: HostSession | null = null
afterEach(async () => {
  await session?.close()
  session = null
  await t?.cleanup()
  t = null
})

/** An office's file with demo data; with `backup`, a verified backup made first. Then damaged. */
async function damagedFile(backup: boolean): Promise<{ file: string; digest: string; backupName: string | null }> {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 10, seed: 3 })
  sqliteOf(t.db).pragma('wal_checkpoint(TRUNCATE)')
  const file = `${t.file}.kopi.sqlite`
  copyFileSync(t.file, file)
  const db = await openDatabase(file)
  const digest = (await replicatedDigest(db)).digest
  const backupName = backup ? (await makeBackup(db, { reason: 'manual' })).fileName : null
  await closeDatabase(db)
  damage(file)
  return { file, digest, backupName }
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('a host on a damaged database file', () => {
  it('serves only the recovery calls, lists the verified backup, and after a restore serves the restored data', async () => {
    const { file, digest, backupName } = await damagedFile(true)
    const opened: string[] = []
    const now = Date.now() + 3 * 86_400_000
    session = await startHostSession({ file, emit: () => {}, now: () => now, afterOpen: async (db) => void opened.push(sqliteOf(db).name) })
    expect(session.db()).toBeNull()

    const status = value<BerkasRusakStatus>(await session.dispatch('berkasRusak:status', {}))
    if (!status.damaged) throw new Error('expected the recovery mode')
    expect(status.file).toBe(file)
    expect(status.message).toMatch(/rusak/)
    expect(status.backups.map((b) => b.fileName)).toEqual([backupName])
    expect(status.backups[0]).toMatchObject({ verified: true, reason: 'manual', daysAgo: 3 })
    expect(status.backups[0]!.bytes).toBeGreaterThan(0)

    // Everything else answers that the file is damaged, never a stack or an empty list.
    expect(await session.dispatch('kader:list', {})).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/rusak/) } })
    expect(await session.dispatch('berkasRusak:restore', { fileName: 'simpul-lain.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await session.dispatch('berkasRusak:restore', { fileName: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(opened).toEqual([])

    const restored = value<{ keptAside: string }>(await session.dispatch('berkasRusak:restore', { fileName: backupName }))
    expect(existsSync(restored.keptAside)).toBe(true)
    expect(opened).toEqual([file])
    expect(session.db()).not.toBeNull()
    expect((await replicatedDigest(session.db()!)).digest).toBe(digest)
    expect(value(await session.dispatch('berkasRusak:status', {}))).toEqual({ damaged: false })
    expect(value<{ name: string }>(await session.dispatch('site:get', {}))).toMatchObject({ name: 'Kantor Kelurahan Sukarasa' })
    // Recovery is over: the normal table answers the recovery calls.
    expect(await session.dispatch('berkasRusak:startFresh', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  }, 60_000)

  it('without a backup offers only the fresh start, which keeps the damaged file aside under a dated name and opens an empty database', async () => {
    const { file } = await damagedFile(false)
    session = await startHostSession({ file, emit: () => {} })
    const status = value<BerkasRusakStatus>(await session.dispatch('berkasRusak:status', {}))
    expect(status).toMatchObject({ damaged: true, backups: [] })

    const fresh = value<{ keptAside: string }>(await session.dispatch('berkasRusak:startFresh', {}))
    expect(fresh.keptAside).toMatch(/\.rusak-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/)
    expect(existsSync(fresh.keptAside)).toBe(true)
    expect(readdirSync(dirname(file))).toContain(basename(fresh.keptAside))
    // The first-run setup follows: no office yet, and the new file is sound.
    expect(value(await session.dispatch('site:get', {}))).toBeNull()
    expect(sqliteOf(session.db()!).pragma('integrity_check', { simple: true })).toBe('ok')
  }, 60_000)

  it('opens a sound file normally, and refuses the recovery calls', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    await closeDatabase(t.db)
    const dir = t.dir
    t.cleanup = async () => rmSync(dir, { recursive: true, force: true })
    session = await startHostSession({ file: t.file, emit: () => {} })
    expect(session.db()).not.toBeNull()
    expect(value(await session.dispatch('berkasRusak:status', {}))).toEqual({ damaged: false })
    expect(await session.dispatch('berkasRusak:restore', { fileName: 'x.db' })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  }, 60_000)
})

describe('what a restore would lose', () => {
  it('counts, per kind, the records the file shows as changed after each backup time', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 1, kaderPerPosyandu: 5, seed: 3 })
    const backupTime = new Date(Date.now() + 1000).toISOString()
    await new Promise((r) => setTimeout(r, 1100))
    const kader = await t.db.selectFrom('kader').select('id').limit(2).execute()
    for (const k of kader) await archiveKader(t.db, { id: k.id })
    sqliteOf(t.db).pragma('wal_checkpoint(TRUNCATE)')

    const later = new Date(Date.now() + 60_000).toISOString()
    const lost = lostSince(t.file, [backupTime, '2000-01-01T00:00:00.000Z', later])!
    expect(lost.get(backupTime)!.find((l) => l.name === 'Kader')).toEqual({ name: 'Kader', count: 2 })
    expect(lost.get(backupTime)!.find((l) => l.name === 'Posyandu')).toBeUndefined()
    expect(lost.get('2000-01-01T00:00:00.000Z')!.find((l) => l.name === 'Kader')!.count).toBe(5)
    expect(lost.get(later)).toEqual([])
    expect(lostSince(`${t.file}.tidak-ada`, [backupTime])).toBeNull()
  }, 60_000)
})

describe('restoring from an encrypted flashdisk copy through the host', () => {
  /** An office with demo data and its copy on a "stick"; returns the copy's folder, code and digest. */
  async function officeWithCopy(): Promise<{ stick: string; code: string; digest: string }> {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 10, seed: 5 })
    const stick = mkdtempSync(join(tmpdir(), 'simpul-stick-'))
    const code = await recoveryCode(t.db)
    await copyToFolder(t.db, stick)
    return { stick, code, digest: (await replicatedDigest(t.db)).digest }
  }

  it('at first run finds the copy on the stick, refuses a wrong code with the new database untouched, and with the right one opens the office', async () => {
    const { stick, code, digest } = await officeWithCopy()
    const file = join(dirname(t!.file), 'pc-baru.sqlite')
    session = await startHostSession({ file, emit: () => {} })
    expect(value(await session.dispatch('site:get', {}))).toBeNull()

    const found = value<FoundCopy[]>(await session.dispatch('cadangan:findCopies', { folder: stick }))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ office: 'Kantor Kelurahan Sukarasa', fileName: expect.stringMatching(/\.simpul-cadangan$/) })

    const wrong = await session.dispatch('cadangan:restoreCopy', { path: found[0]!.path, kode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Kode pemulihan tidak cocok/) } })
    // Closed for the attempt and opened again as it was: still the first run.
    expect(value(await session.dispatch('site:get', {}))).toBeNull()

    const restored = value<{ keptAside: string | null }>(await session.dispatch('cadangan:restoreCopy', { path: found[0]!.path, kode: code.toLowerCase().replace(/-/g, ' ') }))
    expect(restored.keptAside).not.toBeNull()
    expect(value<{ name: string }>(await session.dispatch('site:get', {}))).toMatchObject({ name: 'Kantor Kelurahan Sukarasa' })
    expect((await replicatedDigest(session.db()!)).digest).toBe(digest)
    rmSync(stick, { recursive: true, force: true })
  }, 60_000)

  it('never replaces an office in use, and restores on the damaged-file screen', async () => {
    const { stick, code, digest } = await officeWithCopy()
    const [copy] = readdirSync(stick).filter((n) => n.endsWith('.simpul-cadangan'))
    // The office's own file, as the desktop would open it (the fixture keeps its handle on the original).
    sqliteOf(t!.db).pragma('wal_checkpoint(TRUNCATE)')
    const file = join(dirname(t!.file), 'kantor.sqlite')
    copyFileSync(t!.file, file)
    session = await startHostSession({ file, emit: () => {} })
    expect(await session.dispatch('cadangan:restoreCopy', { path: join(stick, copy!), kode: code })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/sedang dipakai/) },
    })
    await session.close()

    damage(file)
    session = await startHostSession({ file, emit: () => {} })
    expect(value<BerkasRusakStatus>(await session.dispatch('berkasRusak:status', {}))).toMatchObject({ damaged: true })
    expect(value<FoundCopy[]>(await session.dispatch('cadangan:findCopies', { folder: stick }))).toHaveLength(1)
    value(await session.dispatch('cadangan:restoreCopy', { path: join(stick, copy!), kode: code }))
    expect(value(await session.dispatch('berkasRusak:status', {}))).toEqual({ damaged: false })
    expect((await replicatedDigest(session.db()!)).digest).toBe(digest)
    rmSync(stick, { recursive: true, force: true })
  }, 60_000)
})

describe('an office starting over as a new identity', () => {
  it('asks for the office name, then keeps a verified backup and the old file aside and opens an empty database for setup', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 1, kaderPerPosyandu: 5, seed: 2 })
    const oldDigest = (await replicatedDigest(t.db)).digest
    await closeDatabase(t.db)
    const dir = t.dir
    t.cleanup = async () => rmSync(dir, { recursive: true, force: true })
    session = await startHostSession({ file: t.file, emit: () => {} })
    const site = value<{ id: string; name: string }>(await session.dispatch('site:get', {}))

    // A name that is not the office's: nothing moves.
    expect(await session.dispatch('site:startNewIdentity', { officeName: 'Kelurahan Lain' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'officeName', message: `Ketik nama kantor persis seperti tertulis, "${site.name}", untuk memastikan.` },
    })
    expect(value(await session.dispatch('site:get', {}))).toMatchObject({ id: site.id })

    // Typed loosely (case, spaces): the office starts over.
    const done = value<{ backup: string; keptAside: string }>(
      await session.dispatch('site:startNewIdentity', { officeName: `  ${site.name.toUpperCase().replace(' ', '   ')} ` }),
    )
    expect(dirname(done.keptAside)).toBe(dirname(t.file))
    expect(basename(done.keptAside)).toMatch(new RegExp(`^${basename(t.file)}\\.identitas-lama-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ$`))
    expect(value(await session.dispatch('site:get', {}))).toBeNull()

    // Both the backup and the file aside hold the old office, whole.
    for (const file of [done.backup, done.keptAside]) {
      const old = await openDatabase(file)
      expect((await replicatedDigest(old)).digest).toBe(oldDigest)
      await closeDatabase(old)
    }
    expect(basename(done.backup)).toMatch(/identitas-baru/)
    expect(readdirSync(join(dirname(t.file), 'cadangan'))).toContain(basename(done.backup))
  }, 60_000)

  it('is refused by the plain dispatcher (the CLI), which does not hold the file', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    const { createDispatcher } = await import('../../electron/core/ipc/dispatch')
    const { handlers } = await import('../../electron/core/ipc/handlers')
    const d = createDispatcher({ db: t.db, emit: () => {} }, { handlers })
    expect(await d('site:startNewIdentity', { officeName: 'x' })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })
})
