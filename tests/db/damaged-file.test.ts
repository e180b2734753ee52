// A damaged database is never used silently (issue 15, item 2): a file with overwritten pages
// is refused at open, by the core and by every CLI command, with one Indonesian line, before
// anything reads it or a paket is made from it.

import { closeSync, copyFileSync, existsSync, openSync, statSync, writeSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, sqliteOf } from '../../electron/core/db/open'
import { makeBackup, restoreBackup } from '../../electron/core/features/cadangan/cadangan.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { cli } from '../fixtures/cli'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

const PAGE = 4096

/** Overwrites three pages in the second half of the file (where the demo's rows are) with noise. */
function damage(file: string): void {
  const pages = Math.floor(statSync(file).size / PAGE)
  const fd = openSync(file, 'r+')
  try {
    for (const p of [Math.floor(pages * 0.6), Math.floor(pages * 0.7), Math.floor(pages * 0.8)]) {
      const noise = Buffer.alloc(PAGE, 0)
      for (let i = 0; i < PAGE; i++) noise[i] = (i * 73 + p) & 0xff
      writeSync(fd, noise, 0, PAGE, p * PAGE)
    }
  } finally {
    closeSync(fd)
  }
}

let t: TestDb | null = null
afterEach(async () => {
  await t?.cleanup()
  t = null
})

/** An office's file with demo data; with `backup`, a verified backup made first. Then damaged. */
async function damagedFile(backup = false): Promise<{ file: string; digest: string; backupPath: string | null }> {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 10, seed: 3 })
  // Everything in the main file, then a copy of it for this test (the open handle keeps the original).
  sqliteOf(t.db).pragma('wal_checkpoint(TRUNCATE)')
  const file = `${t.file}.kopi.sqlite`
  copyFileSync(t.file, file)
  const db = await openDatabase(file)
  const digest = (await replicatedDigest(db)).digest
  const backupPath = backup ? (await makeBackup(db, { reason: 'manual' })).path : null
  await closeDatabase(db)
  damage(file)
  return { file, digest, backupPath }
}

describe('a damaged database file', () => {
  it('is refused at open with the damaged code and an Indonesian way back', async () => {
    const { file } = await damagedFile()
    await expect(openDatabase(file)).rejects.toMatchObject({ shape: { code: 'damaged', message: expect.stringMatching(/rusak.*[Pp]ulihkan/) } })
  }, 60_000)

  it('is refused by kader list, db digest and paket export with one line and exit 1', async () => {
    const { file } = await damagedFile()
    for (const argv of [
      ['kader', 'list', '--db', file],
      ['db', 'digest', '--db', file],
      ['paket', 'export', '--db', file, '--to', 'kota', '--out', `${file}.simpul`],
    ]) {
      const r = await cli(argv)
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.stdout, argv.join(' ')).toBe('')
      expect(r.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1)
      expect(r.stderr, argv.join(' ')).toMatch(/rusak/)
    }
  }, 60_000)

  it('names the newest backup and the command that restores it; restored, the office has its data back and the damaged file is kept aside', async () => {
    const { file, digest, backupPath } = await damagedFile(true)
    const refused = await cli(['kader', 'list', '--db', file])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toContain(`cadangan pulihkan --db ${file} ${backupPath}`)

    const restored = await cli(['cadangan', 'pulihkan', '--db', file, backupPath!])
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    const aside = /disimpan sebagai (\S+)\./.exec(restored.stdout)?.[1]
    expect(aside && existsSync(aside)).toBe(true)
    const db = await openDatabase(file)
    expect((await replicatedDigest(db)).digest).toBe(digest)
    await closeDatabase(db)
    expect((await cli(['kader', 'list', '--db', file])).code).toBe(0)
  }, 60_000)

  it('restores onto a new path too, and refuses a damaged backup without moving anything', async () => {
    const { file, digest, backupPath } = await damagedFile(true)
    const fresh = `${file}.baru.sqlite`
    expect(await restoreBackup(fresh, backupPath!)).toEqual({ file: fresh, keptAside: null })
    const db = await openDatabase(fresh)
    expect((await replicatedDigest(db)).digest).toBe(digest)
    await closeDatabase(db)

    const before = statSync(fresh).size
    await expect(restoreBackup(fresh, file)).rejects.toMatchObject({ shape: { code: 'damaged' } })
    expect(statSync(fresh).size).toBe(before)
    expect(existsSync(`${fresh}.sebelum-pulih`)).toBe(false)
  }, 60_000)
})
