// cadangan buat / cadangan daftar, run in-process as a script or a support person would run them.

import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backup } from '../../shared/contract'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-cadangan-'))
  db = join(dir, 'kel.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cadangan commands', () => {
  it('daftar says how to make the first backup when there is none', async () => {
    const r = await cli(['cadangan', 'daftar', '--db', db])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(`Belum ada cadangan untuk basis data ini. Buat satu: npm run simpul -- cadangan buat --db ${db}\n`)
    expect(JSON.parse((await cli(['cadangan', 'daftar', '--db', db, '--json'])).stdout)).toEqual([])
  })

  it('buat --json writes a verified copy into the folder beside the database and daftar lists it', async () => {
    const r = await cli(['cadangan', 'buat', '--db', db, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const made = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(made)).toEqual(['path', 'bytes', 'createdAt', 'verified'])
    const path = made.path as string
    expect(path).toMatch(/\/cadangan\/simpul-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-manual\.db$/)
    expect(path.startsWith(join(dir, 'cadangan'))).toBe(true)
    expect(made.bytes).toBe(statSync(path).size)
    expect(made.verified).toBe(true)
    expect(Math.abs(Date.parse(made.createdAt as string) - Date.now())).toBeLessThan(3_600_000)
    const copy = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('select name from site').pluck().get()).toBe('Kantor Kelurahan Sukarasa')
    copy.close()

    const list = JSON.parse((await cli(['cadangan', 'daftar', '--db', db, '--json'])).stdout) as Backup[]
    expect(list).toEqual([{ path, fileName: path.split('/').pop(), bytes: made.bytes, createdAt: made.createdAt, reason: 'manual', verified: true }])

    const text = await cli(['cadangan', 'daftar', '--db', db])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`Cadangan di ${join(dir, 'cadangan')}, terbaru di atas:`)
    expect(text.stdout).toMatch(/WIB +dibuat manual +\d+(,\d)? MB +baik +simpul-.*-manual\.db\n$/)
  })

  it('buat says in one line what to do when the backup folder cannot be written', async () => {
    expect((await cli(['init', '--db', join(dir, 'lain.sqlite'), '--level', 'kelurahan', '--wilayah', '36.71.01.1002', '--name', 'Kantor Lain'])).code).toBe(0)
    const folder = join(dir, 'cadangan')
    // The first test's backups live in that folder; a second database beside it shares it. Here
    // the folder is replaced by a file, as a folder one may not write behaves.
    rmSync(folder, { recursive: true, force: true })
    writeFileSync(folder, 'bukan folder')
    try {
      const r = await cli(['cadangan', 'buat', '--db', join(dir, 'lain.sqlite')])
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(`Folder cadangan ${folder} tidak dapat ditulisi. Pastikan folder itu ada, boleh ditulisi, dan disknya tidak hanya-baca, lalu coba lagi.\n`)
      expect(readdirSync(dir).filter((f) => f.includes('.db'))).toEqual([])
    } finally {
      rmSync(folder, { force: true })
    }
  })

  it('refuses a database file that does not exist', async () => {
    const r = await cli(['cadangan', 'buat', '--db', join(dir, 'tidak-ada.sqlite')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^Berkas basis data tidak ditemukan/)
    expect(existsSync(join(dir, 'tidak-ada.sqlite'))).toBe(false)
  })
})
