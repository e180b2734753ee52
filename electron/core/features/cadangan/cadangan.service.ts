// Verified backups of the open database, in a folder `cadangan` beside the database file.
// A copy is made with SQLite's online backup API (readers and writers go on meanwhile), checked
// in full with PRAGMA integrity_check and only then given a backup's name: a file under such a
// name is a copy that was sound when made, a failed one leaves nothing behind. Old copies are
// rotated grandfather-father-son. Nothing here writes into the main database.

import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readSync } from 'node:fs'
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { Backup, BackupReason } from '../../../../shared/contract'
import { hariIni } from '../../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { AppError } from '../../../../shared/result'
import { sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import { officeZone } from '../site/site.service'

const FOLDER = 'cadangan'
const REASONS: readonly BackupReason[] = ['harian', 'manual', 'impor-paket', 'pasang-katalog', 'pulihkan', 'gabung', 'identitas-baru']
/** simpul-2026-12-06T16-40-00Z-harian.db; a second copy in the same second gets -2, -3… */
const NAME = /^simpul-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.db$/
/** <name>.<pid>-<random>.tmp: two processes (the app and the CLI) backing up in the same second never share one. */
const TEMP = /\.db\.[0-9a-z]+-[0-9a-z]+\.tmp(-journal|-wal|-shm)?$/
/** A temp file this old belongs to a backup that was killed, not to one running in another process. */
const STALE_TEMP_MS = 10 * 60_000
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** How many of the newest days, ISO weeks and months keep their newest copy. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const

const DAY_MS = 86_400_000

// ---------------------------------------------------------------- messages

const noFile = () =>
  new AppError({ code: 'unsupported', message: 'Basis data ini tidak tersimpan dalam berkas, jadi tidak ada yang dapat dicadangkan.' })

const noSpace = (folder: string) =>
  new AppError({
    code: 'internal',
    message: `Ruang disk tidak cukup untuk membuat cadangan di ${folder}. Kosongkan ruang disk (pindahkan atau hapus berkas yang tidak diperlukan), lalu coba lagi.`,
  })

const notWritable = (folder: string) =>
  new AppError({
    code: 'internal',
    message: `Folder cadangan ${folder} tidak dapat ditulisi. Pastikan folder itu ada, boleh ditulisi, dan disknya tidak hanya-baca, lalu coba lagi.`,
  })

const damaged = (folder: string) =>
  new AppError({
    code: 'damaged',
    message: `Cadangan tidak dibuat: salinan basis data tidak lolos pemeriksaan keutuhan, tanda berkas basis data ini rusak. Cadangan lama di ${folder} tetap disimpan, jangan dihapus. Hubungi petugas TI untuk memulihkan dari cadangan terakhir yang baik.`,
  })

const busy = () =>
  new AppError({
    code: 'busy',
    message: 'Cadangan belum dapat dibuat karena basis data sedang dipakai untuk menyimpan. Tunggu sebentar, lalu coba lagi.',
  })

const failed = (folder: string) =>
  new AppError({
    code: 'internal',
    message: `Cadangan tidak dapat dibuat di ${folder}. Coba lagi; bila terulang, hubungi petugas TI.`,
  })

function asBackupError(e: unknown, folder: string): AppError {
  if (e instanceof AppError) return e
  const code = String((e as { code?: unknown } | null)?.code ?? '')
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return noSpace(folder)
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code) || code.startsWith('SQLITE_IOERR')) {
    return notWritable(folder)
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damaged(folder)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busy()
  return failed(folder)
}

// ---------------------------------------------------------------- names and dates

/** The folder beside the database file; the database must live in a file. */
export function backupFolder(db: Db): string {
  const file = sqliteOf(db).name
  if (file === '' || file === ':memory:') throw noFile()
  return join(dirname(file), FOLDER)
}

function stamp(ms: number): string {
  // 2026-12-06T16:40:00.123Z → 2026-12-06T16-40-00Z: sorts by time, valid on every file system.
  return new Date(ms).toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'
}

interface Parsed {
  fileName: string
  createdAt: string
  reason: BackupReason
  seq: number
}

function parseName(fileName: string): Parsed | null {
  const m = NAME.exec(fileName)
  if (!m) return null
  const reason = m[5] as BackupReason
  if (!REASONS.includes(reason)) return null
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z`
  if (Number.isNaN(Date.parse(createdAt))) return null
  return { fileName, createdAt, reason, seq: m[6] ? Number(m[6]) : 1 }
}

const newestFirst = (a: Parsed, b: Parsed) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq

/** The office's calendar day of an instant (the same day the rest of the app counts in). */
const dayOf = (iso: string, zona: ZonaWaktu = ZONA_WAKTU.WIB) => hariIni(zona, new Date(iso))
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
/** ISO weeks start on Monday; day 0 (1970-01-01) was a Thursday. */
const weekOf = (iso: string) => String(Math.floor((dayNumber(dayOf(iso)) + 3) / 7))
const monthOf = (iso: string) => dayOf(iso).slice(0, 7)

// ---------------------------------------------------------------- rotation

/**
 * Grandfather-father-son: the newest copy of each of the 7 newest days that have one, of the 4
 * newest ISO weeks and of the 12 newest months (counting only periods with a copy, so a PC left
 * off for months still keeps its older ones), and always the newest copy. A copy made before
 * risky work counts like any other. `backups` are verified copies; returns the file names to keep.
 */
export function backupsToKeep(backups: readonly { fileName: string; createdAt: string }[]): Set<string> {
  const sorted = backups.map((b) => ({ ...b, seq: parseName(b.fileName)?.seq ?? 1 })).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq)
  const keep = new Set<string>()
  const first = sorted[0]
  if (first) keep.add(first.fileName)
  const rules: [number, (iso: string) => string][] = [
    [KEEP.daily, dayOf],
    [KEEP.weekly, weekOf],
    [KEEP.monthly, monthOf],
  ]
  for (const [count, period] of rules) {
    let periods = 0
    let last: string | undefined
    for (const b of sorted) {
      if (periods >= count) break
      const p = period(b.createdAt)
      if (p === last) continue
      last = p
      periods++
      keep.add(b.fileName)
    }
  }
  return keep
}

/** Deletes the copies rotation does not keep, and copies that no longer look like a database. */
export async function rotateBackups(folder: string): Promise<void> {
  const all = await readBackups(folder)
  const keep = backupsToKeep(all.filter((b) => b.verified))
  for (const b of all) if (!keep.has(b.fileName)) await rm(b.path, { force: true })
}

// ---------------------------------------------------------------- listing

function startsWithHeader(path: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

async function readBackups(folder: string): Promise<Backup[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return []
    throw asBackupError(e, folder)
  }
  const parsed = names.map(parseName).filter((p): p is Parsed => p !== null)
  parsed.sort(newestFirst)
  const out: Backup[] = []
  for (const p of parsed) {
    const path = join(folder, p.fileName)
    let bytes: number
    try {
      const s = await stat(path)
      if (!s.isFile()) continue
      bytes = s.size
    } catch {
      continue // deleted meanwhile (another process rotating)
    }
    out.push({ path, fileName: p.fileName, bytes, createdAt: p.createdAt, reason: p.reason, verified: bytes > 0 && startsWithHeader(path) })
  }
  return out
}

/** The backups beside the database file, newest first (none for a database held in memory). */
export async function listBackups(db: Db): Promise<Backup[]> {
  const file = sqliteOf(db).name
  if (file === '' || file === ':memory:') return []
  return readBackups(backupFolder(db))
}

// ---------------------------------------------------------------- making one

async function removeCopy(path: string): Promise<void> {
  for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) await rm(f, { force: true })
}

/**
 * Temp files left by a backup that was killed (power cut, task manager) are rubbish. Their age
 * is measured on the real clock, which wrote their times; a young one may be another process's
 * backup in progress (the CLI beside the app).
 */
async function removeStaleTemps(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (!TEMP.test(name)) continue
    const path = join(folder, name)
    try {
      const age = Date.now() - (await stat(path)).mtimeMs
      if (age > STALE_TEMP_MS) await rm(path, { force: true })
    } catch {
      // gone already
    }
  }
}

/**
 * A name after every copy of the same second, whatever its reason: rotation orders copies of one
 * second by this number, so reusing a number freed by rotation would make a new copy look older.
 */
function uniqueName(existing: ReadonlySet<string>, ms: number, reason: BackupReason): string {
  const prefix = `simpul-${stamp(ms)}-`
  let last = 0
  for (const name of existing) if (name.startsWith(prefix)) last = Math.max(last, parseName(name)?.seq ?? 1)
  const seq = last + 1
  return seq === 1 ? `${prefix}${reason}.db` : `${prefix}${reason}-${seq}.db`
}

/**
 * Makes the copy self-contained (rollback journal, not WAL: one file that opens read-only from
 * any folder or stick), then checks every page and index. Throws when the copy is not sound.
 */
function verifyCopy(path: string, folder: string): void {
  const w = new SqliteDatabase(path, { fileMustExist: true })
  try {
    w.pragma('journal_mode = DELETE')
  } finally {
    w.close()
  }
  const r = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
  try {
    const rows = r.pragma('integrity_check') as { integrity_check: string }[]
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') throw damaged(folder)
  } finally {
    r.close()
  }
}

/** How long a backup waits for a save on this connection to finish. */
const BUSY_WAIT_MS = 10_000

/**
 * SQLite answers a backup step BUSY while this connection is inside a write transaction (a save
 * in progress; Kysely's transactions await between statements). When that happens on the first
 * step, better-sqlite3 resolves as if done and deletes the file: a copy with no pages. Retried
 * until the save is over.
 */
async function copyDatabase(sqlite: SqliteDatabase.Database, temp: string): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS
  for (;;) {
    const progress = await sqlite.backup(temp)
    if (progress.totalPages > 0 && progress.remainingPages === 0 && existsSync(temp)) return
    if (Date.now() > deadline) throw busy()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Flushes a file (or a folder's entries) to disk; some file systems refuse to fsync a folder. */
export function syncPath(path: string): void {
  try {
    const fd = openSync(path, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // best effort
  }
}

export interface BackupOptions {
  reason: BackupReason
  /** The clock (ms since epoch); tests pass their own. */
  nowMs?: number
}

/**
 * A verified backup of the open database, then rotation. Written under a temp name and renamed
 * only after integrity_check said ok, so a failure (damage, full disk, a killed process) leaves
 * no file that looks like a backup.
 */
export async function makeBackup(db: Db, options: BackupOptions): Promise<Backup> {
  const nowMs = options.nowMs ?? Date.now()
  const sqlite = sqliteOf(db)
  const folder = backupFolder(db)
  let temp: string | undefined
  try {
    await mkdir(folder, { recursive: true })
    await removeStaleTemps(folder)
    const fileName = uniqueName(new Set(await readdir(folder)), nowMs, options.reason)
    const path = join(folder, fileName)
    temp = `${path}.${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.tmp`
    await copyDatabase(sqlite, temp)
    verifyCopy(temp, folder)
    // Its pages on disk before it takes a backup's name, and the name on disk before it is
    // reported: a power cut never leaves a backup's name on a half-written file.
    syncPath(temp)
    await rename(temp, path)
    temp = undefined
    syncPath(folder)
    try {
      await rotateBackups(folder)
    } catch {
      // The verified copy stands; the next backup rotates again. Failing here would tell the
      // person their backup failed when it did not.
    }
    const bytes = (await stat(path)).size
    return { path, fileName, bytes, createdAt: parseName(fileName)!.createdAt, reason: options.reason, verified: true }
  } catch (e) {
    if (temp) await removeCopy(temp)
    throw asBackupError(e, folder)
  }
}

/** The backup at start: one a day (the office's calendar day); null when today's exists already. */
export async function backupIfDue(db: Db, options: { nowMs?: number } = {}): Promise<Backup | null> {
  const nowMs = options.nowMs ?? Date.now()
  const zona = await officeZone(db)
  const today = hariIni(zona, new Date(nowMs))
  const existing = await listBackups(db)
  if (existing.some((b) => b.verified && dayOf(b.createdAt, zona) === today)) return null
  return makeBackup(db, { reason: 'harian', nowMs })
}

// ---------------------------------------------------------------- restoring

/** The backups beside a database file, newest first, read without opening the file (it may be damaged). */
export function backupsOfFile(file: string): Promise<Backup[]> {
  return readBackups(join(dirname(file), FOLDER))
}

export interface Restored {
  /** The database file now holding the backup. */
  file: string
  /** Where the file it replaced was kept (with its WAL), or null when there was none. */
  keptAside: string | null
}

/**
 * A backup to restore must be a sound Simpul Posyandu database: checked in full before anything
 * moves. `shownAs` names it in messages when `backupPath` is a temp file (a decrypted copy).
 */
export function assertRestorable(backupPath: string, shownAs: string = backupPath): void {
  let r: SqliteDatabase.Database
  try {
    r = new SqliteDatabase(backupPath, { readonly: true, fileMustExist: true })
  } catch {
    throw new AppError({ code: 'not_found', message: `Berkas cadangan tidak dapat dibuka: ${shownAs}. Periksa nama berkasnya (lihat: cadangan daftar).` })
  }
  try {
    const ours = r.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number }
    const rows = r.pragma('integrity_check') as { integrity_check: string }[]
    if (ours.n !== 1 || rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new AppError({
        code: 'damaged',
        message: `Cadangan ${shownAs} rusak atau bukan basis data Simpul Posyandu, jadi tidak dipulihkan. Pilih cadangan lain (lihat: cadangan daftar).`,
      })
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError({ code: 'damaged', message: `Cadangan ${shownAs} rusak dan tidak dapat dibaca, jadi tidak dipulihkan. Pilih cadangan lain (lihat: cadangan daftar).` })
  } finally {
    r.close()
  }
}

/**
 * Puts a verified backup in place of the database file (closed: no process may have it open).
 * The backup is checked in full first; the file it replaces is kept aside with its WAL as
 * `<file>.sebelum-pulih-<time>` (never deleted: it may hold work the backup lacks); the copy is
 * written under a temp name, synced and renamed into place, so a power cut leaves either the old
 * file or the restored one. Restoring onto a new path works the same, with nothing to keep aside.
 */
export async function restoreBackup(file: string, backupPath: string, nowMs: number = Date.now()): Promise<Restored> {
  if (!existsSync(backupPath)) {
    throw new AppError({ code: 'not_found', message: `Berkas cadangan tidak ditemukan: ${backupPath}. Lihat cadangan yang ada: npm run simpul -- cadangan daftar --db ${file}` })
  }
  assertRestorable(backupPath)
  const temp = `${file}.pulih-${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(dirname(file), { recursive: true })
    await copyFile(backupPath, temp)
    syncPath(temp)
    return await swapIn(file, temp, nowMs)
  } catch (e) {
    await rm(temp, { force: true })
    throw asBackupError(e, dirname(file))
  }
}

/**
 * Folds a WAL left beside a closed database into the file itself, so the file alone is the whole
 * database before it is kept aside. Best effort: a file too damaged for that keeps its WAL, which
 * swapIn then moves aside with it.
 */
function settleWal(file: string): void {
  if (!existsSync(`${file}-wal`)) return
  try {
    const d = new SqliteDatabase(file, { fileMustExist: true })
    try {
      d.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      d.close()
    }
  } catch {
    // damaged or locked: the WAL goes aside below
  }
}

/**
 * Puts `temp` (a checked, synced database file beside `file`) in place of `file`. The current
 * file is kept aside as `<file>.sebelum-pulih-<time>` by a second name (a hard link, or a copy
 * where the disk has no links) while it stays in place; then one rename replaces it. A power cut
 * at any moment leaves either the old database or the restored one under `file`, never no file.
 * `temp` is the caller's to remove on failure.
 */
export async function swapIn(file: string, temp: string, nowMs: number): Promise<Restored> {
  const folder = dirname(file)
  try {
    let keptAside: string | null = null
    if (existsSync(file)) {
      settleWal(file)
      // Two restores in one second: the first file kept aside is never overwritten.
      keptAside = `${file}.sebelum-pulih-${stamp(nowMs)}`
      for (let n = 2; existsSync(keptAside); n++) keptAside = `${file}.sebelum-pulih-${stamp(nowMs)}-${n}`
      try {
        await link(file, keptAside)
      } catch {
        await copyFile(file, keptAside)
        syncPath(keptAside)
      }
      // A WAL that could not be folded in belongs to the old file: beside the restored one,
      // SQLite would replay it onto pages it does not match.
      if (existsSync(`${file}-wal`)) await rename(`${file}-wal`, `${keptAside}-wal`)
      await rm(`${file}-shm`, { force: true })
      syncPath(folder)
    }
    await rename(temp, file)
    syncPath(folder)
    return { file, keptAside }
  } catch (e) {
    throw asBackupError(e, folder)
  }
}

/**
 * A verified backup before risky work (a paket import, a catalogue install): what the work
 * changes can always be taken back. A database held in memory (tests, previews) has no file to
 * copy and goes on without one; a backup that fails stops the work with its reason.
 */
export async function backupBefore(db: Db, reason: Extract<BackupReason, 'impor-paket' | 'pasang-katalog' | 'gabung'>): Promise<Backup | null> {
  const file = sqliteOf(db).name
  if (file === '' || file === ':memory:') return null
  return makeBackup(db, { reason })
}
