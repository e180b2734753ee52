// Opens (or creates) the database file, checks that it is ours and not from a newer app,
// migrates it and makes sure the area list is loaded. Only electron/main knows where the file
// lives; tests pass a temp file or ':memory:'.

import { closeSync, openSync, readSync, statSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely'
import { AppError } from '../../../shared/result'
import { ensureAreas } from '../features/area/area.service'
import { ensureCatalogue } from '../features/competency/catalogue-install.service'
import type { KeyVault } from '../features/kunci/kunci.service'
import { ensureOpds } from '../features/opd/opd.service'
import { ensureSaranaItems } from '../features/sarana/sarana.service'
import { busyError, isBusyError } from './busy'
import { MIGRATIONS, migrateToLatest } from './migrations'
import type { Database, Db } from './schema'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const MIGRATION_TABLE = 'kysely_migration'

const NOT_OURS =
  'Berkas ini bukan basis data Simpul Posyandu. Pilih berkas data Simpul Posyandu yang benar, atau pindahkan berkas ini lalu buka aplikasi lagi agar dibuat basis data baru.'
const NEWER =
  'Basis data ini dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi Simpul Posyandu ke versi terbaru, lalu buka lagi.'
const CANNOT_OPEN = 'Berkas basis data tidak dapat dibuka. Periksa apakah foldernya ada dan boleh ditulisi, lalu coba lagi.'
const BUSY_TIMEOUT_MS = 5000
const CORRUPT =
  'Berkas basis data rusak dan tidak dapat dibaca. Pulihkan dari cadangan atau dari paket terakhir, lalu coba lagi.'

const isMemory = (path: string) => path === ':memory:' || path === ''

/**
 * Refuses anything that is not empty and does not start with the SQLite header, before SQLite
 * touches it: opening a stray document in WAL mode would otherwise write into it.
 */
function assertSqliteFile(path: string): void {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    return // does not exist yet: SQLite creates it
  }
  if (size === 0) return
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.equals(SQLITE_HEADER)) throw new AppError({ code: 'internal', message: NOT_OURS })
}

/** Per-connection settings that change nothing in the file. SQLite-only. */
function applyConnectionPragmas(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
}

/**
 * WAL survives power cuts better and lets readers run during a write; with it NORMAL sync is
 * safe (a crash can lose the last commit, never corrupt the file). Writes the file header, so
 * it runs only once the file is known to be ours. SQLite-only.
 */
function applyFilePragmas(sqlite: SqliteDatabase.Database, memory: boolean): void {
  if (!memory) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
}

/**
 * Refreshes the query planner's statistics for tables that changed a lot (or never had any).
 * Without them SQLite takes the low-cardinality `deleted` column for a selective one and picks
 * slow plans for the roster at 20,000 kader. The limit keeps it to milliseconds; SQLite
 * recommends running this at open and after bulk changes. SQLite-only.
 */
export async function optimizeDatabase(db: Db): Promise<void> {
  await sql`pragma analysis_limit = 1000`.execute(db)
  await sql`pragma optimize = 0x10002`.execute(db)
}

/**
 * Every transaction begins IMMEDIATE: it takes the write lock at its start, waiting for it up to
 * the busy timeout. A plain (deferred) BEGIN reads first and then cannot upgrade to a writer
 * while another connection writes, and SQLite answers that with SQLITE_BUSY at once, without
 * waiting: a save meeting the CLI or a backup failed immediately. One place, so no service
 * can forget it. Readers are not blocked (WAL).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * Runs `work` (one write transaction) with commits synced to disk: a bundle import that said
 * Selesai survives a power cut. Everyday saves keep WAL's NORMAL sync (a power cut may lose
 * the last seconds of typing, never corrupt the file). SQLite-only.
 */
export async function withDurableCommit<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const sqlite = handles.get(db)?.sqlite
  if (!sqlite) return work()
  sqlite.pragma('synchronous = FULL')
  try {
    return await work()
  } finally {
    sqlite.pragma('synchronous = NORMAL')
  }
}

function asOpenError(e: unknown): unknown {
  if (e instanceof AppError) return e
  if (isBusyError(e)) return busyError()
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'SQLITE_NOTADB') return new AppError({ code: 'internal', message: NOT_OURS })
  if (code === 'SQLITE_CORRUPT') return new AppError({ code: 'damaged', message: CORRUPT })
  return e
}

/**
 * A file with tables but without our migration log belongs to another program; one whose log
 * names migrations this build does not know was written by a newer version of the app.
 */
async function assertKnownSchema(db: Kysely<any>): Promise<void> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name)
  if (tables.length === 0) return
  if (!tables.includes(MIGRATION_TABLE)) throw new AppError({ code: 'internal', message: NOT_OURS })
  const done = await db.selectFrom(MIGRATION_TABLE).select('name').execute()
  if (done.some((r: { name: string }) => !(r.name in MIGRATIONS))) {
    throw new AppError({ code: 'internal', message: NEWER })
  }
}

/**
 * A damaged file is never used silently: `quick_check` (a fraction of a second even for a kota's
 * file) at every open, before anything reads or writes it. Without it a file with overwritten
 * pages lists kader and even exports a paket made from the damage. The full integrity_check runs
 * in the daily backup.
 */
function assertSound(sqlite: SqliteDatabase.Database): void {
  let result: unknown
  try {
    result = sqlite.pragma('quick_check', { simple: true })
  } catch (e) {
    if (isBusyError(e)) throw e
    result = e
  }
  if (result !== 'ok') throw new AppError({ code: 'damaged', message: CORRUPT })
}

/** What each Kysely instance this module opened was opened with: its better-sqlite3 handle and the host's key vault. */
const handles = new WeakMap<Db, { sqlite: SqliteDatabase.Database; keyVault: KeyVault | null }>()

function handleOf(db: Db) {
  const h = handles.get(db)
  // A transaction is a different Kysely instance: pass the database it runs on instead.
  if (!h) throw new Error('Not a database opened by openDatabase')
  return h
}

/**
 * The raw connection, for the few bulk paths (paket import and export) where Kysely's per-query
 * cost would dominate: prepared statements on the same connection run inside the Kysely
 * transaction that is open at the time.
 */
export function sqliteOf(db: Db): SqliteDatabase.Database {
  return handleOf(db).sqlite
}

/**
 * The vault the host opened the database with (kunci.service.ts KeyVault): the desktop app's
 * operating-system key store, null for the CLI and the browser preview.
 */
export function keyVaultOf(db: Db): KeyVault | null {
  return handleOf(db).keyVault
}

export interface OpenOptions {
  /** Folder with idn-area-data's CSV files; the packaged app passes its resources copy. */
  areaDataDir?: string
  /** Seals the private keys this process writes and opens those it reads; only the desktop app has one. */
  keyVault?: KeyVault | null
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Db> {
  const memory = isMemory(path)
  if (!memory) assertSqliteFile(path)
  let sqlite: SqliteDatabase.Database
  try {
    sqlite = new SqliteDatabase(path)
  } catch (e) {
    const mapped = asOpenError(e)
    throw mapped instanceof AppError ? mapped : new AppError({ code: 'internal', message: CANNOT_OPEN })
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
  handles.set(db, { sqlite, keyVault: options.keyVault ?? null })
  try {
    applyConnectionPragmas(sqlite)
    assertSound(sqlite)
    await assertKnownSchema(db)
    applyFilePragmas(sqlite, memory)
    await migrateToLatest(db)
    await ensureAreas(db, options.areaDataDir)
    await ensureCatalogue(db)
    await ensureOpds(db)
    await ensureSaranaItems(db)
    await optimizeDatabase(db)
  } catch (e) {
    await db.destroy()
    throw asOpenError(e)
  }
  return db
}

export async function closeDatabase(db: Db): Promise<void> {
  try {
    await optimizeDatabase(db)
  } finally {
    await db.destroy()
  }
}
