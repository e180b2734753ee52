// Start-up (issue 14, item 8): what a command pays before it does anything, and what the app's
// main process pays for the core, each next to a baseline measured in the same run on the same
// machine:
// - the CLI as `npm run simpul` runs it (tsx, a fresh process each time): `--help`, which needs
//   no database, and `kader list` on a small kelurahan database; wall time from spawn to exit;
// - the core as electron/main loads it (the modules main imports from electron/core: dispatch
//   with its handler table, db/open, the key service, …): the time to import them in a fresh
//   process, Node and tsx already started.
// Baseline = the same process with the modules that used to load at start loaded first: for the
// core, those the handler table imported (startup-eager-core.ts: ExcelJS, the spreadsheet, print
// and paket services); for the CLI, those and what the command files imported besides
// (startup-eager.ts: the demo generators, the paket code, the database and dispatcher that
// db-file.ts imported). CPU time (Linux) is printed too: on a busy machine it varies less. Each case runs once to warm
// tsx's cache, then ROUNDS times, lazy and eager alternating (AB BA …) so a busy stretch of a
// shared machine falls on both; the medians are printed and go to .reports/bench.json "startup".
// Cross-check of the baseline against the code itself (2026-12-06, the 2-core bench machine under
// heavy load from other jobs, so CPU time, medians of 9): commit 2482e81, before loading on first
// use, took 1,330 ms CPU for `--help` and 1,480 ms for `kader list`, where this bench's eager
// baseline gave 1,440 and 1,410; the lazy code 360 and 950. The built out/main/index.js (Electron
// stubbed) took ~480 ms CPU to load at 2482e81 and ~180 ms now, ExcelJS no longer among it.

import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { siteSetupInput } from '../../shared/contract'
import { median, writeResults } from './paket.bench'

const ROUNDS = 5
const ROOT = join(__dirname, '..', '..')
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const EAGER_CLI = join(__dirname, 'startup-eager.ts')
const EAGER_CORE = join(__dirname, 'startup-eager-core.ts')
const IMPORT = join(__dirname, 'startup-import.ts')
/** What electron/main/index.ts imports from the core (electron/main/*.ts, the `../core/…` imports). */
const MAIN_CORE = ['db/open', 'features/site/installation', 'features/kunci/kunci.service', 'host/open-database-file', 'ipc/dispatch', 'static/static-files'].map((m) =>
  join(ROOT, 'electron', 'core', m),
)

interface Run {
  ms: number
  cpuMs: number | null
}

/**
 * CPU time (user + system, ms) of this process's children that have ended, grandchildren they
 * waited for included (tsx's CLI runs the command in a child of its own): Linux's /proc, else null.
 * Clock ticks of 10 ms, Linux's USER_HZ.
 */
function childrenCpuMs(): number | null {
  try {
    // Fields after the command name in parentheses; cutime and cstime are the 16th and 17th of the line.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return null
  }
}

function run(args: string[]): Promise<{ out: string; ms: number; cpuMs: number | null }> {
  return new Promise((resolve, reject) => {
    const cpu = childrenCpuMs()
    const t = performance.now()
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - t
      const cpuAfter = childrenCpuMs()
      if (code !== 0) reject(new Error(`${args.slice(1).join(' ')} berhenti dengan kode ${code}: ${err.trim().split('\n')[0] ?? ''}`))
      else resolve({ out, ms, cpuMs: cpu === null || cpuAfter === null ? null : cpuAfter - cpu })
    })
  })
}

/** The CLI command, spawned as `npm run simpul` spawns it (tsx's CLI), optionally with the eager modules preloaded. */
const cli =
  (args: string[], eager: boolean) =>
  async (): Promise<Run> => {
    const r = await run([TSX_CLI, ...(eager ? ['--import', EAGER_CLI] : []), 'electron/core/cli/main.ts', ...args])
    return { ms: r.ms, cpuMs: r.cpuMs }
  }

/** The core's import time in a fresh process, as reported by the child itself. */
const core = (eager: boolean) => async (): Promise<Run> => {
  const modules = eager ? [...MAIN_CORE, EAGER_CORE] : MAIN_CORE
  const r = await run(['--import', 'tsx', IMPORT, ...modules])
  return JSON.parse(r.out.trim().split('\n').pop()!) as Run
}

/** Medians of ROUNDS runs of a lazy/eager pair after one warm-up of each, the order turning every round. */
async function pair(lazy: () => Promise<Run>, eager: () => Promise<Run>): Promise<{ lazy: Run; eager: Run }> {
  await lazy()
  await eager()
  const runs: [Run[], Run[]] = [[], []]
  const fns = [lazy, eager]
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0]
    for (const j of order) runs[j]!.push(await fns[j]!())
  }
  const med = (rs: Run[]): Run => ({
    ms: median(rs.map((r) => r.ms)),
    cpuMs: rs.some((r) => r.cpuMs === null) ? null : median(rs.map((r) => r.cpuMs!)),
  })
  return { lazy: med(runs[0]), eager: med(runs[1]) }
}

export async function startupBench(dir: string): Promise<void> {
  const t0 = performance.now()
  const file = join(dir, 'startup-kelurahan.sqlite')
  const db = await openDatabase(file)
  await setupSite(db, siteSetupInput.parse({ level: 'kelurahan', areaCode: '36.71.01.1001', name: 'Kelurahan Sukarasa' }))
  const demo = await generateDemo(db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 10, seed: 1 })
  await closeDatabase(db)

  const cases: [string, { lazy: Run; eager: Run }][] = [
    ['simpul --help', await pair(cli(['--help'], false), cli(['--help'], true))],
    [`simpul kader list (${demo.kader} kader)`, await pair(cli(['kader', 'list', '--db', file], false), cli(['kader', 'list', '--db', file], true))],
    ['inti seperti dimuat electron/main (impor)', await pair(core(false), core(true))],
  ]

  console.log('')
  console.log(`Waktu mulai: ${ROUNDS}x bergantian per kasus, proses baru setiap kali`)
  console.log(`${'kasus'.padEnd(44)} ${'dimuat saat perlu'.padStart(18)} ${'semua di awal'.padStart(14)}  (median, ms)  hemat`)
  for (const [label, r] of cases) {
    const cpu = r.lazy.cpuMs === null ? '' : `  (CPU ${r.lazy.cpuMs.toFixed(0)} vs ${r.eager.cpuMs!.toFixed(0)} ms)`
    console.log(`${label.padEnd(44)} ${r.lazy.ms.toFixed(0).padStart(18)} ${r.eager.ms.toFixed(0).padStart(14)}  ${(r.eager.ms - r.lazy.ms).toFixed(0).padStart(6)} ms${cpu}`)
  }
  console.log('  CLI: waktu dinding dari spawn sampai keluar, lewat tsx seperti npm run simpul (tanpa npm), CPU proses anak; inti: waktu dan CPU impor diukur di dalam proses anak')
  console.log('  baseline "semua di awal": perintah yang sama dengan modul yang dulu dimuat di awal dimuat lebih dulu (tests/bench/startup-eager.ts)')
  console.log(`  (bagian ini ${((performance.now() - t0) / 1000).toFixed(0)} s)`)

  writeResults('startup', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rounds: ROUNDS,
    cases: cases.map(([label, r]) => ({
      label,
      lazyMs: Math.round(r.lazy.ms),
      eagerMs: Math.round(r.eager.ms),
      ...(r.lazy.cpuMs === null ? {} : { lazyCpuMs: Math.round(r.lazy.cpuMs), eagerCpuMs: Math.round(r.eager.cpuMs!) }),
    })),
    baseline: 'the same command or import with tests/bench/startup-eager.ts preloaded: the modules that loaded at start before they were loaded on first use',
  })
}
