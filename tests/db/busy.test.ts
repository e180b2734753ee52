// Writers wait their turn (issue 15, item 3): every transaction begins IMMEDIATE and waits for
// the write lock up to the busy timeout, so a save that meets another writer (the CLI, a second
// window, a backup) goes through once it is free; one that still cannot get it says so in
// Indonesian. The other writer is a separate process: better-sqlite3 waits synchronously, so a
// lock held by this process could never be released while it waits.

import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../electron/core/bridge/server'
import { BUSY } from '../../electron/core/db/busy'
import { createTestDb, kaderFields, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'

/** Another process takes the write lock on `file`, says "locked", and keeps it for `ms`. */
function holdWriteLock(file: string, ms: number): { child: ChildProcess; locked: Promise<void>; done: Promise<number | null> } {
  const code = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    db.exec('begin immediate')
    db.prepare("update site set name = name").run()
    process.stdout.write('locked\\n')
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]))
    db.exec('commit')
    db.close()
  `
  const child = spawn(process.execPath, ['-e', code, file, String(ms)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve())
    child.on('exit', (c) => reject(new Error(`lock holder ended early (${c})`)))
  })
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { child, locked, done }
}

let t: TestDb | null = null
let bridge: Bridge | null = null
afterEach(async () => {
  await bridge?.close()
  await t?.cleanup()
  bridge = null
  t = null
})

async function invoke(channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(`http://127.0.0.1:${bridge!.port}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Simpul-Token': bridge!.token },
    body: JSON.stringify({ channel, input }),
  })
  return (await res.json()) as never
}

describe('writers wait their turn', () => {
  it('a save through the bridge while another connection holds the write lock for 3 s waits and succeeds', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db)
    bridge = await startBridge({ db: t.db, staticDir: __dirname, port: 0 })
    const holder = holdWriteLock(t.file, 3000)
    await holder.locked
    const started = Date.now()
    const saved = await invoke('kader:create', kaderFields(p.id, { name: 'Siti Menunggu' }))
    expect(saved.error).toBeUndefined()
    expect(saved.ok).toBe(true)
    // It waited for the other writer rather than failing at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(await holder.done).toBe(0)
    expect(await t.db.selectFrom('kader').select('name').where('name', '=', 'Siti Menunggu').execute()).toHaveLength(1)
  }, 30_000)

  it('a save that cannot get the lock within the busy timeout says the data is in use elsewhere, and changes nothing', async () => {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    const p = await makePosyandu(t.db)
    bridge = await startBridge({ db: t.db, staticDir: __dirname, port: 0 })
    const holder = holdWriteLock(t.file, 8000)
    await holder.locked
    const saved = await invoke('kader:create', kaderFields(p.id, { name: 'Siti Terlambat' }))
    expect(saved.ok).toBe(false)
    expect(saved.error).toEqual({ code: 'busy', message: BUSY })
    await holder.done
    expect(await t.db.selectFrom('kader').select('name').where('name', '=', 'Siti Terlambat').execute()).toHaveLength(0)
  }, 30_000)
})
