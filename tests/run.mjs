// `npm test`: typecheck, lint and build side by side (output printed when they end), then the
// unit and e2e tests with their output streamed, then exactly one closing
// line "N passed, N failed[, N skipped]" counted from the runners' JSON reports (the line CI
// reads; vitest's and Playwright's own summaries are not). Exit 1 when anything failed or a
// report is missing.
//
// typecheck, lint and build count as one test each. A step that crashes, or whose report is
// missing, counts as a failure even if its report (if any) shows none.

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const REPORTS = join(ROOT, '.reports')
const VITEST_REPORT = join(REPORTS, 'vitest.json')
// Outside test-results/, which Playwright wipes when it starts.
const PLAYWRIGHT_REPORT = join(REPORTS, 'playwright.json')
const CHROMIUM = '/usr/bin/chromium'

/** A package's CLI, run on this same Node (npm test puts the project's Node 24 first on PATH). */
function bin(pkg, name = pkg) {
  const dir = join(ROOT, 'node_modules', pkg)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]
  return join(dir, rel)
}

function run(label, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', (error) => {
      process.stdout.write(`✗ ${label}: ${error.message}\n`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/**
 * Like run, but the output is kept and handed back, so commands can run side by side and still
 * print one after the other.
 */
function runKept(args) {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', (error) => resolve({ code: 1, output: output + `${error.message}\n` }))
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

const totals = { passed: 0, failed: 0, skipped: 0 }

/**
 * Counted tests of one or more commands each, all commands run side by side (tsc and eslint use
 * one core each; this PC has two), then each test's output printed in order. Every command
 * runs, so every error shows at once.
 */
async function singles(tests) {
  const results = await Promise.all(tests.map(({ commands }) => Promise.all(commands.map(runKept))))
  for (const [i, { label }] of tests.entries()) {
    process.stdout.write(`\n▶ ${label}\n`)
    let code = 0
    for (const r of results[i]) {
      process.stdout.write(r.output)
      code = r.code || code
    }
    if (code === 0) totals.passed++
    else {
      totals.failed++
      process.stdout.write(`✗ ${label} gagal (kode ${code})\n`)
    }
  }
}

/** Adds a runner's counts; a crash with no failures in its report still counts as one. */
function add(label, code, counts) {
  if (!counts) {
    totals.failed++
    process.stdout.write(`✗ ${label}: laporan JSON tidak ada (langkah gagal sebelum selesai, kode ${code})\n`)
    return
  }
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  if (code !== 0 && counts.failed === 0) {
    totals.failed++
    process.stdout.write(`✗ ${label} keluar dengan kode ${code} tanpa tes yang gagal di laporannya\n`)
  }
}

function vitestCounts(report) {
  if (!report || typeof report.numTotalTests !== 'number') return null
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

function playwrightCounts(report) {
  if (!report || !report.stats) return null
  const s = report.stats
  // A config or global-setup error shows only in report.errors, with no test counted.
  const errors = Array.isArray(report.errors) ? report.errors.length : 0
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (s.unexpected ? 0 : errors),
    skipped: s.skipped ?? 0,
  }
}

async function main() {
  mkdirSync(REPORTS, { recursive: true })
  for (const f of [VITEST_REPORT, PLAYWRIGHT_REPORT]) rmSync(f, { force: true })

  process.stdout.write('\n▶ typecheck, lint and build, side by side (their output follows when all are done)\n')
  await singles([
    {
      label: 'typecheck (tsc)',
      commands: [
        [bin('typescript', 'tsc'), '-p', 'tsconfig.node.json'],
        [bin('typescript', 'tsc'), '-p', 'tsconfig.web.json'],
      ],
    },
    { label: 'lint (eslint .)', commands: [[bin('eslint'), '.']] },
    { label: 'build (electron-vite build)', commands: [[bin('electron-vite'), 'build']] },
  ])

  const vitest = await run('unit (vitest run)', [
    bin('vitest'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${VITEST_REPORT}`,
  ])
  add('vitest', vitest, vitestCounts(readJson(VITEST_REPORT)))

  if (!existsSync(CHROMIUM)) {
    process.stdout.write(
      `\n▶ e2e (playwright test)\n✗ Chromium tidak ditemukan di ${CHROMIUM}. Pasang Chromium dari Debian: apt-get update && apt-get install -y chromium\n`,
    )
    totals.failed++
  } else {
    const pw = await run('e2e (playwright test)', [bin('@playwright/test', 'playwright'), 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_REPORT,
    })
    add('playwright', pw, playwrightCounts(readJson(PLAYWRIGHT_REPORT)))
  }

  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`)
  process.exitCode = totals.failed > 0 ? 1 : 0
}

main().catch((error) => {
  process.stdout.write(`✗ tests/run.mjs: ${error?.message ?? error}\n`)
  process.stdout.write(`${totals.passed} passed, ${totals.failed + 1} failed\n`)
  process.exitCode = 1
})
