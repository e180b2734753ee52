import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default on a 2-core PC is one worker (cores − 1), which leaves a core idle while
    // tests wait on child processes (kill -9 runs, lock holders, the CLI). Two run side by side.
    maxWorkers: 2,
    // One module graph per worker instead of one per file: a minute less on this PC, since most
    // files import the same core. Files therefore leave no global behind (real timers restored,
    // spies restored, databases closed in afterEach).
    isolate: false,
  },
})
