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
  },
})
