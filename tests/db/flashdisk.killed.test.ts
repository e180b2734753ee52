// A power cut (SIGKILL) at random moments of a copy to the flashdisk and of a restore from one,
// 20 times each: whatever moment it hits, the database is sound with its records either as before
// or as after, and no file under a copy's final name is anything but a whole, verified copy.

import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { copyToFolder, COPY_EXTENSION, decryptFile, restoreEncrypted } from '../../electron/core/features/cadangan/flashdisk'
import { recoveryCode } from '../../electron/core/features/cadangan/kode'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { createTestDb, makeKader, setUpKelurahan } from '../fixtures/db'

const root = join(__dirname, '..', '..')
const RUNS = 20

/**
 * The i-th of RUNS kill moments: a random point in the i-th slice of the work's length (measured
 * in-process) and a little beyond, so the kills cover the whole work, start to finish.
 */
const momentOf = (i: number, workMs: number) => (workMs * 1.2 * (i + Math.random())) / RUNS

/**
 * Runs the child and kills it `delayMs` after its "start" line, or lets it finish when the delay
 * outlasts the work. Returns whether it was killed before "done".
 */
function runAndKill(args: string[], delayMs: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    // `--import tsx` runs the script in this very process, which the kill reaches.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/fixtures/cadangan-child.ts'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let seen = ''
    child.stdout.on('data', (d: Buffer) => {
      const first = !seen.includes('start')
      seen += d.toString()
      if (first && seen.includes('start')) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL' && !seen.includes('done') }))
  })
}

/** Whether the file is a database SQLite finds sound, read-only, without changing it. */
function sound(file: string): boolean {
  const d = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
  try {
    return d.pragma('quick_check', { simple: true }) === 'ok'
  } finally {
    d.close()
  }
}

describe('killed at random moments', () => {
  it(`a copy to the flashdisk, ${RUNS} times: the database is untouched and every named copy is whole`, async () => {
    const t = await createTestDb()
    try {
      await setUpKelurahan(t.db)
      await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 4, kaderPerPosyandu: 15, seed: 5 })
      const code = await recoveryCode(t.db)
      const before = await replicatedDigest(t.db)
      // A first copy measures the work, so the kills spread over all of it.
      const probe = join(t.dir, 'probe')
      mkdirSync(probe)
      const started = Date.now()
      await copyToFolder(t.db, probe)
      const workMs = Date.now() - started
      await closeDatabase(t.db)

      const stick = join(t.dir, 'flashdisk')
      mkdirSync(stick)
      let killed = 0
      for (let i = 0; i < RUNS; i++) if ((await runAndKill(['copy', t.file, stick], momentOf(i, workMs))).killed) killed++
      expect(killed).toBeGreaterThan(0)

      for (const name of readdirSync(stick).filter((n) => n.endsWith(COPY_EXTENSION))) {
        expect(name.startsWith('.')).toBe(false)
        const plain = join(t.dir, `uji-${name}.sqlite`)
        await decryptFile(join(stick, name), code, plain)
        const db = await openDatabase(plain)
        expect(await replicatedDigest(db)).toEqual(before)
        await closeDatabase(db)
      }
      expect(sound(t.file)).toBe(true)
      t.db = await openDatabase(t.file)
      expect(await replicatedDigest(t.db)).toEqual(before)
    } finally {
      await closeDatabase(t.db).catch(() => undefined)
      rmSync(t.dir, { recursive: true, force: true })
    }
  }, 300_000)

  it(`a restore from the flashdisk copy, ${RUNS} times: the database is sound and either as before or as the copy`, async () => {
    const t = await createTestDb()
    try {
      await setUpKelurahan(t.db)
      await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 4, kaderPerPosyandu: 15, seed: 6 })
      const code = await recoveryCode(t.db)
      const stick = join(t.dir, 'flashdisk')
      mkdirSync(stick)
      const copy = await copyToFolder(t.db, stick)
      const inCopy = await replicatedDigest(t.db)
      // Work after the copy: the file on disk differs from the copy.
      const posyandu = await t.db.selectFrom('posyandu').select('id').executeTakeFirstOrThrow()
      await makeKader(t.db, posyandu.id, { name: 'Kader Sesudah Salinan' })
      const current = await replicatedDigest(t.db)
      expect(current).not.toEqual(inCopy)
      await closeDatabase(t.db)
      const pristine = join(t.dir, 'sebelum.sqlite')
      copyFileSync(t.file, pristine)
      // A first restore (onto another path) measures the work, so the kills spread over all of it.
      const started = Date.now()
      await restoreEncrypted(join(t.dir, 'probe.sqlite'), copy.path, code)
      const workMs = Date.now() - started

      let killed = 0
      for (let i = 0; i < RUNS; i++) {
        // Each run starts from the office's own file again, so every kill meets a real swap.
        for (const n of readdirSync(t.dir)) if (n.startsWith('simpul.sqlite')) rmSync(join(t.dir, n), { force: true })
        copyFileSync(pristine, t.file)
        if ((await runAndKill(['restore', t.file, copy.path, code], momentOf(i, workMs))).killed) killed++
        expect(existsSync(t.file)).toBe(true)
        expect(sound(t.file)).toBe(true)
        const db = await openDatabase(t.file)
        const now = await replicatedDigest(db)
        await closeDatabase(db)
        expect([current.digest, inCopy.digest]).toContain(now.digest)
      }
      expect(killed).toBeGreaterThan(0)
      t.db = await openDatabase(t.file)
    } finally {
      await closeDatabase(t.db).catch(() => undefined)
      rmSync(t.dir, { recursive: true, force: true })
    }
  }, 300_000)
})
