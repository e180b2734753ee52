// Before any test: the app built into out/ (the web host would otherwise rebuild the renderer
// inside the first test's time budget), skipped when out/ is newer than every source (`npm test`
// has just built it); and the web host and the CLI each bundled into one plain JavaScript file
// under out/e2e/. The tests start a web host per test and run the CLI to build databases: from
// the bundle a process is ready in about a third of the time tsx takes to compile the
// TypeScript at every start (tsx starts a second Node process and loads hundreds of modules).
// The bundle is the same code, transformed by the same esbuild that tsx uses.

import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
/** What electron-vite builds from, and what it writes. */
const APP_SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.web.json']
const APP_OUTPUTS = ['out/main/index.js', 'out/preload', 'out/renderer/index.html']
/** The web host and the CLI, bundled for the tests (out/e2e/bridge/web.cjs, out/e2e/cli/main.cjs). */
const CORE_BUNDLE = { 'bridge/web': 'electron/core/bridge/web.ts', 'cli/main': 'electron/core/cli/main.ts' }

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) if (entry !== 'node_modules') newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function oldestMtime(paths: string[]): number {
  return Math.min(...paths.map((p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).mtimeMs : 0)))
}

function buildApp() {
  const sources = Math.max(...APP_SOURCES.map((s) => newestMtime(join(ROOT, s))))
  if (oldestMtime(APP_OUTPUTS) > sources) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function bundleCore() {
  const esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild') as typeof import('esbuild')
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: CORE_BUNDLE,
    outdir: 'out/e2e',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    tsconfig: 'tsconfig.node.json',
    // The native module stays a module; everything else is read from one file.
    external: ['better-sqlite3', 'electron'],
    // CommonJS has no import.meta: area.service.ts resolves the area data from its own URL.
    define: { 'import.meta.url': '__simpulFileUrl' },
    banner: { js: "const __simpulFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  })
}

export default async function globalSetup() {
  buildApp()
  await bundleCore()
}
