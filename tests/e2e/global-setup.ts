// Before any test: the app built into out/ (the web host would otherwise rebuild the renderer
// inside the first test's time budget), skipped when out/ is newer than every source (`npm test`
// has just built it); and the web host and the CLI each bundled into one plain JavaScript file
// under out/e2e/. The tests start a web host per test and run the CLI to build databases: from
// the bundle a process is ready in about a third of the time tsx takes to compile the
// TypeScript at every start (tsx starts a second Node process and loads hundreds of modules).
// The bundle is the same code, transformed by the same esbuild that tsx uses.

import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureAppBuilt } from '../fixtures/build'

const ROOT = join(__dirname, '../..')
/** The web host and the CLI, bundled for the tests (out/e2e/bridge/web.cjs, out/e2e/cli/main.cjs). */
const CORE_BUNDLE = { 'bridge/web': 'electron/core/bridge/web.ts', 'cli/main': 'electron/core/cli/main.ts' }

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
  ensureAppBuilt()
  await bundleCore()
}
