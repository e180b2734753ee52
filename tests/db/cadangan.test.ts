// Verified backups beside the database file: real SQLite files in temp folders, the clock passed in.

import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, rmSync, utimesSync, watch, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import {
  backupFolder,
  backupIfDue,
  listBackups,
  makeBackup,
  rotateBackups,
} from '../../electron/core/features/cadangan/cadangan.service'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { importPaket } from '../../electron/core/features/paket/paket.service'
import { cardFingerprint } from '../../electron/core/sync/card'
import { readManifest } from '../../electron/core/sync/paket'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { AppError, type AppErrorShape } from '../../shared/result'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'
import { kelurahanPaketForKota } from '../fixtures/offices'

const open: TestDb[] = []
async function office(): Promise<TestDb> {
  const t = await createTestDb()
  open.push(t)
  await setUpKelurahan(t.db)
  return t
}
afterEach(async () => {
  for (const t of open.splice(0)) await t.cleanup()
})

const at = (iso: string) => Date.parse(iso)
const DAY = 86_400_000

/** Fails when `work` does not throw an AppError; returns its code and message. */
async function appErrorOf(work: () => Promise<unknown>): Promise<AppErrorShape> {
  try {
    await work()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return (e as AppError).shape
  }
  throw new Error('expected an AppError')
}

describe('makeBackup', () => {
  it('writes a verified copy beside the database whose records are the same, and nothing into the database', async () => {
    const t = await office()
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 5, seed: 4 })
    const before = await replicatedDigest(t.db)
    // data_version moves on this second connection when any other connection commits to the file.
    const watcher = new SqliteDatabase(t.file, { readonly: true })
    const version = watcher.pragma('data_version', { simple: true })

    const b = await makeBackup(t.db, { reason: 'manual', nowMs: at('2026-12-06T16:40:00.456Z') })

    expect(b).toMatchObject({
      path: join(t.dir, 'cadangan', 'simpul-2026-12-06T16-40-00Z-manual.db'),
      fileName: 'simpul-2026-12-06T16-40-00Z-manual.db',
      createdAt: '2026-12-06T16:40:00.000Z',
      reason: 'manual',
      verified: true,
    })
    expect(b.bytes).toBeGreaterThan(1_000_000)
    expect(readdirSync(join(t.dir, 'cadangan'))).toEqual([b.fileName])
    expect(watcher.pragma('data_version', { simple: true })).toBe(version)
    watcher.close()

    // One self-contained file: it opens read-only on its own and checks out.
    const copy = new SqliteDatabase(b.path, { readonly: true, fileMustExist: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()

    // Restored as a database of its own, it holds exactly the records the office had.
    const restoredFile = join(t.dir, 'dipulihkan.sqlite')
    copyFileSync(b.path, restoredFile)
    const restored = await openDatabase(restoredFile)
    try {
      expect(await replicatedDigest(restored)).toEqual(before)
      expect(before.records).toBeGreaterThan(10)
    } finally {
      await closeDatabase(restored)
    }
    expect(await listBackups(t.db)).toEqual([b])
  })

  it('gives a second copy in the same second its own name, and the day keeps only its newest copy', async () => {
    const t = await office()
    const first = await makeBackup(t.db, { reason: 'harian', nowMs: at('2026-12-06T01:00:00Z') })
    const second = await makeBackup(t.db, { reason: 'impor-paket', nowMs: at('2026-12-06T05:30:00Z') })
    const third = await makeBackup(t.db, { reason: 'impor-paket', nowMs: at('2026-12-06T05:30:00.900Z') })
    expect(third.fileName).toBe('simpul-2026-12-06T05-30-00Z-impor-paket-2.db')
    // Rotation keeps the newest copy of the day; the others of that day go.
    expect((await listBackups(t.db)).map((b) => b.fileName)).toEqual([third.fileName])
    expect(existsSync(first.path) || existsSync(second.path)).toBe(false)
  })

  it('lets two backups run at once in the same second (the app and the CLI), leaving one sound copy and no temp file', async () => {
    const t = await office()
    const nowMs = at('2026-12-06T01:00:00Z')
    const [a, b] = await Promise.all([makeBackup(t.db, { reason: 'harian', nowMs }), makeBackup(t.db, { reason: 'harian', nowMs })])
    expect(a.verified && b.verified).toBe(true)
    expect(readdirSync(join(t.dir, 'cadangan'))).toEqual(['simpul-2026-12-06T01-00-00Z-harian.db'])
    expect((await listBackups(t.db)).map((x) => x.verified)).toEqual([true])
  })

  it('waits for a save in progress on the same connection and copies what it saved', async () => {
    const t = await office()
    const folder = join(t.dir, 'cadangan')
    mkdirSync(folder)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const save = t.db.transaction().execute(async (trx) => {
      await trx.updateTable('site').set({ name: 'Kantor Kelurahan Sukarasa Baru' }).execute()
      entered()
      await gate
    })
    await inside
    // The save ends only after a copy attempt met its write lock: the attempt's temp file was
    // made and removed again (better-sqlite3 then resolves with no copy at all).
    const events: string[] = []
    const watcher = watch(folder, (_event, name) => {
      if (!name?.endsWith('.tmp')) return
      events.push(name)
      if (events.length >= 2 && !existsSync(join(folder, name))) release()
    })
    try {
      const backup = makeBackup(t.db, { reason: 'manual', nowMs: at('2026-12-06T01:00:00Z') })
      const b = await backup
      const copy = new SqliteDatabase(b.path, { readonly: true, fileMustExist: true })
      expect(copy.prepare('select name from site').pluck().get()).toBe('Kantor Kelurahan Sukarasa Baru')
      copy.close()
      expect(events.length).toBeGreaterThanOrEqual(2)
    } finally {
      watcher.close()
      release() // a failed backup must not leave the save hanging
      await save
    }
  })

  it('refuses a copy that fails the integrity check, removes it and keeps the older backups', async () => {
    const t = await office()
    const good = await makeBackup(t.db, { reason: 'harian', nowMs: at('2026-12-05T01:00:00Z') })
    // Damage as a failing disk does it: one page of an index overwritten on disk (the
    // connection that is open never read it, so only a full read of the file can tell).
    const raw = new SqliteDatabase(t.file)
    raw.exec(`create table rusak (a text); create index rusak_a on rusak (a);
      insert into rusak values ('satu'), ('dua'), ('tiga');`)
    const root = Number(raw.prepare("select rootpage from sqlite_schema where name = 'rusak_a'").pluck().get())
    const pageSize = Number(raw.pragma('page_size', { simple: true }))
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const fd = openSync(t.file, 'r+')
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize)
    closeSync(fd)

    const { code, message } = await appErrorOf(() => makeBackup(t.db, { reason: 'harian', nowMs: at('2026-12-06T01:00:00Z') }))
    expect(code).toBe('damaged')
    expect(message).toMatch(/^Cadangan tidak dibuat: salinan basis data tidak lolos pemeriksaan keutuhan/)
    expect(message).toContain(backupFolder(t.db))
    expect(readdirSync(join(t.dir, 'cadangan'))).toEqual([good.fileName])
    expect(await listBackups(t.db)).toEqual([good])
    // Closing runs PRAGMA optimize, which would read the damaged page: close without it.
    open.splice(open.indexOf(t), 1)
    await t.db.destroy()
    rmSync(t.dir, { recursive: true, force: true })
  })

  it('says what to do when the backup folder cannot be made, and leaves no file behind', async () => {
    const t = await office()
    // A file where the folder should be: mkdir fails as on a folder one may not write.
    writeFileSync(join(t.dir, 'cadangan'), 'bukan folder')
    const { code, message } = await appErrorOf(() => makeBackup(t.db, { reason: 'manual', nowMs: at('2026-12-06T01:00:00Z') }))
    expect(code).toBe('internal')
    expect(message).toBe(
      `Folder cadangan ${join(t.dir, 'cadangan')} tidak dapat ditulisi. Pastikan folder itu ada, boleh ditulisi, dan disknya tidak hanya-baca, lalu coba lagi.`,
    )
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.db') || f.includes('.tmp'))).toEqual([])
  })

  it('never lists the temp file of a killed backup and clears it on the next backup', async () => {
    const t = await office()
    const folder = join(t.dir, 'cadangan')
    mkdirSync(folder)
    const stale = join(folder, 'simpul-2026-12-05T01-00-00Z-harian.db.2a-0f3c9b1e.tmp')
    writeFileSync(stale, Buffer.from('SQLite format 3\0 separuh', 'latin1'))
    const oneHourAgo = new Date(Date.now() - 3_600_000)
    utimesSync(stale, oneHourAgo, oneHourAgo)
    expect(await listBackups(t.db)).toEqual([])
    const b = await makeBackup(t.db, { reason: 'manual' })
    expect(readdirSync(folder)).toEqual([b.fileName])
  })
})

describe('backupIfDue', () => {
  it('makes one backup per office day (Asia/Jakarta) and nothing more that day', async () => {
    const t = await office()
    const yesterday = await backupIfDue(t.db, { nowMs: at('2026-12-05T01:00:00Z') })
    expect(yesterday).toMatchObject({ reason: 'harian', createdAt: '2026-12-05T01:00:00.000Z' })
    // 18:00 UTC is already 01:00 the next day in the office.
    const today = await backupIfDue(t.db, { nowMs: at('2026-12-05T18:00:00Z') })
    expect(today).toMatchObject({ reason: 'harian', createdAt: '2026-12-05T18:00:00.000Z' })
    expect(await backupIfDue(t.db, { nowMs: at('2026-12-06T10:00:00Z') })).toBeNull()
    expect((await listBackups(t.db)).map((b) => b.createdAt)).toEqual(['2026-12-05T18:00:00.000Z', '2026-12-05T01:00:00.000Z'])
  })

  it('counts a backup made before risky work as the day’s backup', async () => {
    const t = await office()
    await makeBackup(t.db, { reason: 'impor-paket', nowMs: at('2026-12-06T02:00:00Z') })
    expect(await backupIfDue(t.db, { nowMs: at('2026-12-06T03:00:00Z') })).toBeNull()
  })
})

describe('rotation', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly copies after a year of daily backups', async () => {
    const t = await office()
    const folder = backupFolder(t.db)
    const first = await backupIfDue(t.db, { nowMs: at('2025-12-07T01:00:00Z') })
    // Every other day's copy is a link to this one: rotation reads names and headers, and a
    // year of real copies would take a minute.
    const source = join(t.dir, 'sumber.db')
    linkSync(first!.path, source)
    const plant = (iso: string, reason: string) => linkSync(source, join(folder, `simpul-${iso.slice(0, 19).replace(/:/g, '-')}Z-${reason}.db`))

    // The PC was off from 20 to 24 November.
    const off = new Set(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'])
    for (let ms = at('2025-12-08T01:00:00Z'); ms < at('2026-12-06T00:00:00Z'); ms += DAY) {
      const iso = new Date(ms).toISOString()
      if (off.has(iso.slice(0, 10))) continue
      if (iso.startsWith('2026-12-03')) {
        await backupIfDue(t.db, { nowMs: ms })
        // A paket imported later that day: the copy before it is the day's newest.
        await makeBackup(t.db, { reason: 'impor-paket', nowMs: ms + 6 * 3_600_000 })
        continue
      }
      plant(iso, 'harian')
      if (iso.startsWith('2026-10-31')) plant(new Date(ms + 6 * 3_600_000).toISOString(), 'impor-paket')
      await rotateBackups(folder)
    }
    const last = await backupIfDue(t.db, { nowMs: at('2026-12-06T01:00:00Z') })
    expect(last?.fileName).toBe('simpul-2026-12-06T01-00-00Z-harian.db')

    const kept = (await listBackups(t.db)).map((b) => `${b.createdAt.slice(0, 13)} ${b.reason}`)
    expect(kept).toEqual([
      // the 7 newest days
      '2026-12-06T01 harian',
      '2026-12-05T01 harian',
      '2026-12-04T01 harian',
      '2026-12-03T07 impor-paket',
      '2026-12-02T01 harian',
      '2026-12-01T01 harian',
      '2026-11-30T01 harian',
      // the newest of ISO weeks 48, 47 (cut short by the days off) and 46; week 49's is 6 Dec
      '2026-11-29T01 harian',
      '2026-11-19T01 harian',
      '2026-11-15T01 harian',
      // the newest of each month back to January (December's and November's are above)
      '2026-10-31T07 impor-paket',
      '2026-09-30T01 harian',
      '2026-08-31T01 harian',
      '2026-07-31T01 harian',
      '2026-06-30T01 harian',
      '2026-05-31T01 harian',
      '2026-04-30T01 harian',
      '2026-03-31T01 harian',
      '2026-02-28T01 harian',
      '2026-01-31T01 harian',
    ])
    expect(readdirSync(folder)).toHaveLength(kept.length)
  })

  it('three copies in one second, rotated between them: each new one is the newest and stays', async () => {
    const t = await office()
    const nowMs = at('2026-12-06T10:00:00Z')
    for (const reason of ['impor-paket', 'impor-paket', 'pasang-katalog'] as const) {
      const b = await makeBackup(t.db, { reason, nowMs })
      expect(existsSync(b.path)).toBe(true)
      expect((await listBackups(t.db))[0]?.fileName).toBe(b.fileName)
    }
  })

  it('never deletes the newest sound copy, and drops copies that are no longer databases', async () => {
    const t = await office()
    const good = await makeBackup(t.db, { reason: 'harian', nowMs: at('2026-12-01T01:00:00Z') })
    const folder = backupFolder(t.db)
    const broken = join(folder, 'simpul-2026-12-06T01-00-00Z-harian.db')
    writeFileSync(broken, 'rusak')
    expect((await listBackups(t.db)).map((b) => [b.fileName, b.verified])).toEqual([
      ['simpul-2026-12-06T01-00-00Z-harian.db', false],
      [good.fileName, true],
    ])
    await rotateBackups(folder)
    expect(await listBackups(t.db)).toEqual([good])
  })
})

describe('a backup before risky work', () => {
  it('comes before a paket import, and holds the office as it was before the import', async () => {
    const { kel, kota, stick, paket } = await kelurahanPaketForKota()
    try {
      const before = (await replicatedDigest(kota.db)).digest
      const fingerprint = cardFingerprint((await readManifest(paket, Number.MAX_SAFE_INTEGER)).senderCard)
      const s = await importPaket(kota.db, { path: paket, acceptFingerprint: fingerprint })
      expect(s.changes).toBeGreaterThan(0)
      const backups = await listBackups(kota.db)
      expect(backups.map((b) => b.reason)).toEqual(['impor-paket'])
      const copy = await openDatabase(backups[0]!.path)
      expect((await replicatedDigest(copy)).digest).toBe(before)
      await closeDatabase(copy)
      expect((await replicatedDigest(kota.db)).digest).not.toBe(before)
    } finally {
      await kel.cleanup()
      await kota.cleanup()
      stick.cleanup()
    }
  }, 60_000)
})
