// Power cuts at random moments (issue 15, item 7): a paket import, a paket export, a backup, a
// restore, a copy to the flashdisk and a restore from one, each run in a child process that is killed (SIGKILL) after a random delay, at least
// 20 times each. After every kill the database is sound (integrity_check) and holds exactly the
// data before or after the work (replicatedDigest); an export leaves no half-written paket under
// a paket's name; a backup leaves only complete, sound backups under a backup's name; a restore
// leaves the old file or the restored one in place; a flashdisk copy leaves only whole, verified
// copies under a copy's name.
//
// Reproducible: every delay comes from SIMPUL_KILL_SEED (random when unset; each failure message
// names the seed, the run and the delay). SIMPUL_KILL_RUNS changes the number of runs per work.
// Fixture databases are built once and copied per run; children run a few at a time.

import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, sqliteOf } from '../../electron/core/db/open'
import { backupsOfFile, makeBackup } from '../../electron/core/features/cadangan/cadangan.service'
import { copyToFolder, decryptFile } from '../../electron/core/features/cadangan/flashdisk'
import { recoveryCode } from '../../electron/core/features/cadangan/kode'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { archiveKader } from '../../electron/core/features/kader/kader.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { readPaket } from '../../electron/core/sync/paket'
import { createOffice, fingerprintOf, introduce } from '../fixtures/offices'

const ROOT = join(__dirname, '..', '..')
/** The child bundled into out/ (not a temp folder): it resolves better-sqlite3 and idn-area-data from the repo. */
const CHILD = join(ROOT, 'out', 'killed', `killed-child-${process.pid}.cjs`)
const RUNS = Number(process.env.SIMPUL_KILL_RUNS ?? 20)
/** Children at a time: the suite shares two cores with other test files. */
const PARALLEL = 3
const SEED = Number(process.env.SIMPUL_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31))

type Op = 'import' | 'export' | 'backup' | 'restore' | 'copy' | 'restoreCopy'

let dir: string
/** Fixture files, built once, copied into each run's own folder. */
const fx = {
  kota: '',
  pkm: '',
  paket: '',
  accept: '',
  /** A backup of the Puskesmas made before five kader were archived (the restore's target). */
  pkmBackup: '',
  kotaBefore: '',
  kotaAfter: '',
  /** The Puskesmas's data now (A) and in its backup (B). */
  pkmNow: '',
  pkmBackedUp: '',
  pkmKader: 0,
  /** The Puskesmas's encrypted flashdisk copy made with its backup (B), and its recovery code. */
  pkmCopy: '',
  code: '',
}
/** Milliseconds from "start" to "done" of one uninterrupted run of each work: the span the random delays cover. */
const span: Record<Op, number> = { import: 0, export: 0, backup: 0, restore: 0, copy: 0, restoreCopy: 0 }

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function bundleChild(): Promise<void> {
  const esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild') as typeof import('esbuild')
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['tests/fixtures/killed-child.ts'],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    tsconfig: 'tsconfig.node.json',
    external: ['better-sqlite3', 'electron'],
    define: { 'import.meta.url': '__simpulFileUrl' },
    banner: { js: "const __simpulFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  })
}

/** Closes a test office's database and copies its file (everything checkpointed into it) to `to`. */
async function keep(db: Parameters<typeof closeDatabase>[0], from: string, to: string): Promise<void> {
  sqliteOf(db).pragma('wal_checkpoint(TRUNCATE)')
  await closeDatabase(db)
  copyFileSync(from, to)
}

async function digestOf(file: string): Promise<{ digest: string; sound: boolean }> {
  const db = await openDatabase(file)
  try {
    return { digest: (await replicatedDigest(db)).digest, sound: sqliteOf(db).pragma('integrity_check', { simple: true }) === 'ok' }
  } finally {
    await closeDatabase(db)
  }
}

/**
 * Runs the work in a child, which kills itself `delayMs` after it said "start" (unless it finished
 * first); `ms` is how long an uninterrupted run took, as the child measured it.
 */
function runChild(op: Op, args: string[], delayMs: number | null): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, op, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SIMPUL_ACCEPT: fx.accept, SIMPUL_KODE: fx.code, SIMPUL_KILL_AFTER_MS: delayMs === null ? '' : String(delayMs) },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    // 'close', not 'exit': the child's last lines may still be in the pipe when it exits.
    child.on('close', (code, signal) => {
      const done = /^done (\d+)$/m.exec(out)
      if (signal === 'SIGKILL') resolve({ killed: true, ms: 0 })
      else if (code === 0 && done) resolve({ killed: false, ms: Number(done[1]) })
      else reject(new Error(`${op} child failed (code ${code}, signal ${signal}):\n${out}\n${err}`))
    })
  })
}

/** What a run needs in its own folder: a copy of the database it works on, and the folder it writes to. */
function prepare(op: Op, runDir: string): { file: string; args: string[] } {
  mkdirSync(runDir, { recursive: true })
  const file = join(runDir, op === 'import' ? 'kota.sqlite' : 'pkm.sqlite')
  copyFileSync(op === 'import' ? fx.kota : fx.pkm, file)
  if (op === 'import') return { file, args: [file, fx.paket] }
  if (op === 'export' || op === 'copy') {
    const stick = join(runDir, 'flashdisk')
    mkdirSync(stick)
    return { file, args: [file, stick] }
  }
  if (op === 'restore') return { file, args: [file, fx.pkmBackup] }
  if (op === 'restoreCopy') return { file, args: [file, fx.pkmCopy] }
  return { file, args: [file, '-'] }
}

/** Every file under a backup's name is a complete, sound copy of the Puskesmas. */
async function assertBackupsSound(file: string, where: string): Promise<void> {
  for (const b of await backupsOfFile(file)) {
    const r = new SqliteDatabase(b.path, { readonly: true, fileMustExist: true })
    try {
      expect(r.pragma('integrity_check', { simple: true }), `${where}: ${b.fileName}`).toBe('ok')
      if (file.endsWith('pkm.sqlite')) expect((r.prepare('select count(*) as n from kader').get() as { n: number }).n, `${where}: ${b.fileName}`).toBe(fx.pkmKader)
    } finally {
      r.close()
    }
  }
}

/** The state a killed run left, checked against what the work may leave. */
async function check(op: Op, runDir: string, file: string, where: string): Promise<'before' | 'after'> {
  expect(existsSync(file), `${where}: the database file is missing`).toBe(true)
  const { digest, sound } = await digestOf(file)
  expect(sound, `${where}: integrity_check`).toBe(true)
  await assertBackupsSound(file, where)
  if (op === 'import') {
    expect([fx.kotaBefore, fx.kotaAfter], `${where}: digest`).toContain(digest)
    return digest === fx.kotaAfter ? 'after' : 'before'
  }
  if (op === 'restore' || op === 'restoreCopy') {
    expect([fx.pkmNow, fx.pkmBackedUp], `${where}: digest`).toContain(digest)
    return digest === fx.pkmBackedUp ? 'after' : 'before'
  }
  // An export and a backup change no replicated record.
  expect(digest, `${where}: digest`).toBe(fx.pkmNow)
  if (op === 'export') {
    const stick = join(runDir, 'flashdisk')
    const named = readdirSync(stick).filter((n) => !n.startsWith('.'))
    for (const n of named) {
      expect(n, `${where}: only a paket's name or a hidden temp file`).toMatch(/\.simpul$/)
      await expect(readPaket(join(stick, n)), `${where}: ${n} is a complete paket`).resolves.toBeDefined()
    }
    return named.length > 0 ? 'after' : 'before'
  }
  if (op === 'copy') {
    const stick = join(runDir, 'flashdisk')
    const named = readdirSync(stick).filter((n) => !n.startsWith('.'))
    for (const n of named) {
      expect(n, `${where}: only a copy's name or a hidden temp file`).toMatch(/\.simpul-cadangan$/)
      // The tag check reads the whole copy: a cut one fails it.
      await expect(decryptFile(join(stick, n), fx.code), `${where}: ${n} is a whole copy`).resolves.toBeDefined()
    }
    return named.length > 0 ? 'after' : 'before'
  }
  return (await backupsOfFile(file)).length > 0 ? 'after' : 'before'
}

/** RUNS kills of one work at random moments, PARALLEL at a time; returns how the runs ended. */
async function killAtRandom(op: Op, seedOffset: number): Promise<{ before: number; after: number; finished: number }> {
  const next = rng(SEED + seedOffset)
  // Stratified: run i is cut at a random moment of the i-th slice of the span, so every part of
  // the work (opening the files, writing, the commit or rename at its end) is hit; the span runs
  // half again past the measured time, so the last moments are covered on a busy machine too.
  const delays = Array.from({ length: RUNS }, (_, i) => Math.floor(((i + next()) / RUNS) * span[op] * 1.5))
  const tally = { before: 0, after: 0, finished: 0 }
  let index = 0
  const worker = async () => {
    while (index < delays.length) {
      const i = index++
      const delay = delays[i]!
      const where = `${op} killed ${delay} ms after start (seed ${SEED}, run ${i + 1} of ${RUNS}; replay: SIMPUL_KILL_SEED=${SEED})`
      const runDir = join(dir, `${op}-${i}`)
      const { file, args } = prepare(op, runDir)
      const { killed } = await runChild(op, args, delay)
      if (!killed) tally.finished++
      tally[await check(op, runDir, file, where)]++
      rmSync(runDir, { recursive: true, force: true })
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return tally
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-killed-'))
  await bundleChild()
  const pkm = await createOffice('puskesmas')
  const kota = await createOffice('kota')
  try {
    await introduce(pkm, kota)
    // Two villages' worth: an import that takes long enough to be cut at many moments.
    await generateDemo(pkm.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 6, kaderPerPosyandu: 10, seed: 3 })
    fx.pkmBackup = join(dir, 'pkm-cadangan.db')
    copyFileSync((await makeBackup(pkm.db, { reason: 'manual' })).path, fx.pkmBackup)
    fx.pkmBackedUp = (await replicatedDigest(pkm.db)).digest
    fx.code = await recoveryCode(pkm.db)
    const copyDir = join(dir, 'salinan')
    mkdirSync(copyDir)
    fx.pkmCopy = (await copyToFolder(pkm.db, copyDir)).path
    for (const k of await pkm.db.selectFrom('kader').select('id').limit(5).execute()) await archiveKader(pkm.db, { id: k.id })
    fx.pkmNow = (await replicatedDigest(pkm.db)).digest
    fx.pkmKader = Number((await pkm.db.selectFrom('kader').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const stick = join(dir, 'stick')
    mkdirSync(stick)
    fx.paket = (await exportPaketFile(pkm.db, { folder: stick, destination: 'level:kota', full: true })).path
    fx.accept = await fingerprintOf(fx.paket)
    fx.kotaBefore = (await replicatedDigest(kota.db)).digest
    fx.pkm = join(dir, 'pkm.sqlite')
    fx.kota = join(dir, 'kota.sqlite')
    // The paket export moved the Puskesmas's clock, not its records: its digest stands.
    await keep(pkm.db, pkm.file, fx.pkm)
    await keep(kota.db, kota.file, fx.kota)
  } finally {
    await pkm.cleanup().catch(() => undefined)
    await kota.cleanup().catch(() => undefined)
  }

  // Uninterrupted runs of each, PARALLEL at a time as the kills run: how long the work takes on
  // this machine under that load, and the import's "after".
  for (const op of ['import', 'export', 'backup', 'restore', 'copy', 'restoreCopy'] as const) {
    const wholes = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) => {
        const runDir = join(dir, `${op}-whole-${i}`)
        const { file, args } = prepare(op, runDir)
        const whole = await runChild(op, args, null)
        if (op === 'import' && i === 0) fx.kotaAfter = (await digestOf(file)).digest
        rmSync(runDir, { recursive: true, force: true })
        return whole.ms
      }),
    )
    span[op] = Math.max(5, ...wholes)
  }
}, 180_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(CHILD, { force: true })
})

/** Each work, what a kill may leave, and its seed offset (so each work has its own delays). */
const WORKS: readonly [Op, string][] = [
  ['import', 'a paket import: the database is sound and holds the data before or after the import'],
  ['export', 'a paket export: the database is unchanged and no half-written paket carries a paket name'],
  ['backup', 'a backup: the database is unchanged and the backups folder lists only complete, sound backups'],
  ['restore', 'a restore: the file in place is the old one or the restored one, and sound'],
  ['copy', "a copy to the flashdisk: the database is unchanged and every file under a copy's name is a whole, verified copy"],
  ['restoreCopy', "a restore from the flashdisk copy: the file in place is the old one or the copy's, and sound"],
]

describe(`work killed at random moments (seed ${SEED})`, () => {
  it.each(WORKS.map(([op, title], i) => ({ op, title, offset: i + 1 })))('$title', async ({ op, offset }) => {
    // The works that change records have a before and an after that differ.
    if (op === 'import') expect(fx.kotaAfter).not.toBe(fx.kotaBefore)
    if (op === 'restore' || op === 'restoreCopy') expect(fx.pkmBackedUp).not.toBe(fx.pkmNow)
    const tally = await killAtRandom(op, offset)
    console.info(`[killed] ${op} ${span[op]} ms whole; ${RUNS} runs:`, tally)
    expect(tally.before + tally.after).toBe(RUNS)
    expect(tally.finished, `seed ${SEED}: no ${op} was cut short`).toBeLessThan(RUNS)
  }, 180_000)
})
