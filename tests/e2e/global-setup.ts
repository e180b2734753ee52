// Build the renderer once before any test: the web host would otherwise rebuild it inside the
// first test's time budget when the sources are newer than out/renderer.

import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export default function globalSetup() {
  const root = join(__dirname, '../..')
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
