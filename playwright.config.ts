// Playwright drives Debian's Chromium against the built renderer served by the HTTP bridge
// (toolchain.md: `npx playwright install` cannot download browsers here). Each test starts its
// own web host on its own database, so spec files run side by side in two workers: much of a
// test is waiting (on the page, on the host), which the other worker fills on the two cores.
// Tests inside a file stay in order in one worker (not fullyParallel): the kota-scale specs
// share a database built once per worker, which fully parallel files would build twice.

import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-sandbox',
      ],
    },
  },
})
