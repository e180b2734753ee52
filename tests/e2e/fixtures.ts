// Each test gets its own web host (the HTTP bridge over the real core) on its own SQLite file,
// so tests never share state. `host.restart()` stops and starts it on the same file, as a
// person closing and reopening the app would. Databases are built with the real CLI.

import { test as base, expect, type Page } from '@playwright/test'
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
/** The web host and the CLI as global-setup.ts bundled them: a process starts without compiling. */
const WEB_HOST = join(ROOT, 'out/e2e/bridge/web.cjs')
const CLI = join(ROOT, 'out/e2e/cli/main.cjs')
const ADDRESS = /berjalan di (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-zA-Z]+)/

/** Runs the headless CLI (`electron/core/cli/main.ts`, bundled) and returns its stdout. */
export function cli(args: string[], timeoutMs = 600_000): string {
  return execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function tempDir(prefix = 'simpul-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Copies a SQLite file with its WAL companions, so the copy holds every committed row. */
export function copyDb(from: string, to: string) {
  copyFileSync(from, to)
  for (const ext of ['-wal', '-shm']) if (existsSync(from + ext)) copyFileSync(from + ext, to + ext)
}

/** A kelurahan office set up, with nothing recorded yet. */
export function buildKelurahanDb(file: string) {
  cli(['init', '--db', file, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kelurahan Sukarasa'])
}

/** A kelurahan office with 3 Posyandu × 10 kader (seed 7), the roster tests' starting point. */
export function buildRosterDb(file: string) {
  buildKelurahanDb(file)
  cli(['demo', '--db', file, '--wilayah', '36.71.01.1001', '--posyandu', '3', '--kader-per-posyandu', '10', '--seed', '7'])
}

export class WebHost {
  url = ''
  private child: ChildProcess | null = null
  private log = ''

  /** `env`: added to the host's environment, e.g. SIMPUL_FLASHDISK_ROOTS (the folder its "flashdisks" are in). */
  constructor(
    readonly dbPath: string,
    private readonly env: NodeJS.ProcessEnv = {},
  ) {}

  async start(): Promise<string> {
    const child = spawn(process.execPath, [WEB_HOST, '--db', this.dbPath, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...this.env },
    })
    this.child = child
    this.url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`web host did not print its address in 60 s:\n${out}\n${this.log}`)), 60_000)
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = ADDRESS.exec(out)
        if (m) {
          clearTimeout(timer)
          resolveUrl(m[1]!)
        }
      })
      child.stderr!.on('data', (chunk: Buffer) => {
        this.log += chunk.toString()
      })
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`web host exited with code ${code} before it was ready:\n${out}\n${this.log}`))
      })
    })
    return this.url
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    await new Promise<void>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
      }, 5_000)
      child.once('exit', () => {
        clearTimeout(timer)
        done()
      })
      child.kill('SIGTERM')
    })
  }

  /** Calls the core through the bridge, as the page does: to arrange data or to check it. */
  async invoke<T = unknown>(channel: string, input: unknown): Promise<T> {
    const url = new URL(this.url)
    const res = await fetch(new URL('/api/invoke', url.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Simpul-Token': url.searchParams.get('token') ?? '' },
      body: JSON.stringify({ channel, input }),
    })
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
    return body.value as T
  }

  async restart(): Promise<string> {
    await this.stop()
    return this.start()
  }
}

export type Seed = 'empty' | 'kelurahan' | 'roster'

interface Fixtures {
  /** Which database the test starts on: a fresh file (first run), an office set up, or the seeded roster. */
  seed: Seed
  host: WebHost
  /** Opens the app in the page and waits until the first screen is drawn. */
  openApp: (path?: string) => Promise<void>
}

interface WorkerFixtures {
  /** The seeded databases of this worker, each built on first use. */
  templates: (seed: Exclude<Seed, 'empty'>) => string
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  seed: ['empty', { option: true }],

  // Built once per worker and only when a test asks for it, then copied per test: the CLI takes
  // a few seconds, a copy milliseconds.
  templates: [
    async ({}, use) => {
      const dir = tempDir('simpul-template-')
      const built = new Map<string, string>()
      await use((seed) => {
        let file = built.get(seed)
        if (!file) {
          file = join(dir, `${seed}.db`)
          if (seed === 'roster') buildRosterDb(file)
          else buildKelurahanDb(file)
          built.set(seed, file)
        }
        return file
      })
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],

  host: async ({ seed, templates }, use) => {
    const dir = tempDir()
    const db = join(dir, 'simpul.db')
    if (seed !== 'empty') copyDb(templates(seed), db)
    // No flashdisk, whatever this machine has mounted: Kirim/Terima see the same on every run.
    const host = new WebHost(db, { SIMPUL_FLASHDISK_ROOTS: join(dir, 'media') })
    await host.start()
    await use(host)
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  },

  openApp: async ({ page, host }, use) => {
    await use(async (path = '') => {
      const url = new URL(host.url)
      url.hash = path ? `#/${path}` : ''
      await page.goto(url.toString())
      await expect(page.locator('h1')).toBeVisible()
    })
  },
})

export { expect }

/**
 * Tests on one large database, built by `build` once per worker when a test first needs it (a
 * kota's demo takes the CLI a minute), each test with its own web host on it. The tests only
 * read: they share the file instead of copying a hundred megabytes each.
 */
export function onBuiltDb(name: string, build: (file: string) => void) {
  return test.extend<{ bigHost: WebHost }, { bigDb: string }>({
    bigDb: [
      async ({}, use) => {
        const dir = tempDir(`simpul-${name}-`)
        const file = join(dir, `${name}.db`)
        build(file)
        await use(file)
        rmSync(dir, { recursive: true, force: true })
      },
      { scope: 'worker', timeout: 300_000 },
    ],
    bigHost: async ({ bigDb }, use) => {
      const host = new WebHost(bigDb)
      await host.start()
      await use(host)
      await host.stop()
    },
  })
}

/** For a screenshot to look at by eye (kept outside test-results, which is wiped). */
export async function snap(page: Page, name: string) {
  if (process.env.SIMPUL_SNAPSHOTS) await page.screenshot({ path: join(process.env.SIMPUL_SNAPSHOTS, `${name}.png`), fullPage: false })
}
