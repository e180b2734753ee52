import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { SCHEMA_VERSION } from '../../electron/core/db/migrations'
import type { Db } from '../../electron/core/db/schema'
import { appInfo } from '../../electron/core/features/app/app.service'
import { AREA_SOURCE } from '../../electron/core/features/area/area.service'
import packageJson from '../../package.json'
import { createTestDb, errorOf } from '../fixtures/db'

const pragma = async (db: Db, name: string) => {
  const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)
  return Object.values(rows[0] ?? {})[0]
}

describe('openDatabase', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'simpul-open-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('sets WAL, foreign keys, a busy timeout and NORMAL sync on a file', async () => {
    const t = await createTestDb()
    try {
      expect(await pragma(t.db, 'journal_mode')).toBe('wal')
      expect(await pragma(t.db, 'foreign_keys')).toBe(1)
      expect(await pragma(t.db, 'busy_timeout')).toBe(5000)
      expect(await pragma(t.db, 'synchronous')).toBe(1)
    } finally {
      await t.cleanup()
    }
  })

  it('opens an in-memory database without WAL', async () => {
    const db = await openDatabase(':memory:')
    try {
      expect(await pragma(db, 'journal_mode')).toBe('memory')
      expect(await pragma(db, 'foreign_keys')).toBe(1)
    } finally {
      await closeDatabase(db)
    }
  })

  it('creates a new file, migrates it and loads the area list once', async () => {
    const file = join(dir, 'new.sqlite')
    const db = await openDatabase(file)
    expect(await appInfo(db)).toEqual({ appVersion: packageJson.version, schemaVersion: SCHEMA_VERSION, areaSource: AREA_SOURCE })
    await closeDatabase(db)
    const again = await openDatabase(file)
    const n = await again.selectFrom('area').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n.n)).toBeGreaterThan(90_000)
    await closeDatabase(again)
  })

  it('refuses a file that is not a SQLite database, and leaves it unchanged', async () => {
    const file = join(dir, 'surat.docx')
    const content = 'PK\u0003\u0004 ini bukan basis data, ini dokumen Word yang salah pilih'.repeat(20)
    writeFileSync(file, content)
    const e = await errorOf(() => openDatabase(file))
    expect(e.code).toBe('internal')
    expect(e.message).toMatch(/bukan basis data Simpul Posyandu/)
    expect(readFileSync(file, 'utf8')).toBe(content)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a SQLite database of another program, and leaves it unchanged', async () => {
    const file = join(dir, 'lain.sqlite')
    const other = new SqliteDatabase(file)
    other.exec(`create table pelanggan (id integer primary key, nama text); insert into pelanggan (nama) values ('Budi')`)
    other.close()
    const before = readFileSync(file)
    const e = await errorOf(() => openDatabase(file))
    expect(e).toMatchObject({ code: 'internal', message: expect.stringMatching(/bukan basis data Simpul Posyandu/) })
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a database written by a newer version of the app and says to update', async () => {
    const file = join(dir, 'baru.sqlite')
    await closeDatabase(await openDatabase(file))
    const raw = new SqliteDatabase(file)
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2099_01_01_0001_future_tables', new Date().toISOString())
    raw.close()
    const e = await errorOf(() => openDatabase(file))
    expect(e.code).toBe('internal')
    expect(e.message).toMatch(/versi aplikasi yang lebih baru\. Perbarui aplikasi/)
  })

  it('says so when the folder of the file does not exist', async () => {
    const e = await errorOf(() => openDatabase(join(dir, 'tidak-ada', 'simpul.sqlite')))
    expect(e.code).toBe('internal')
    expect(e.message).toMatch(/tidak dapat dibuka/)
  })
})
