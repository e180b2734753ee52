// The real desktop app, through Playwright's Electron driver. It needs the Electron binary,
// which is downloaded on first use and cannot be on the CI machines (no GitHub there, see
// toolchain.md), so it runs only where SIMPUL_ELECTRON_SMOKE=1 says the binary is present:
//   npx electron --version && npm run build && SIMPUL_ELECTRON_SMOKE=1 npx playwright test electron
// Everywhere else it is reported as skipped, with this reason.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

test.skip(process.env.SIMPUL_ELECTRON_SMOKE !== '1', 'needs the Electron binary (set SIMPUL_ELECTRON_SMOKE=1 where it is installed)')

test('the desktop app opens on the office setup, sandboxed, with only invoke and on exposed', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'simpul-electron-'))
  const app = await electron.launch({
    args: [resolve('out/main/index.js')],
    env: { ...process.env, SIMPUL_USER_DATA: userData },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { level: 1, name: 'Selamat datang di Simpul Posyandu' })).toBeVisible()
    expect(window.url()).toMatch(/^app:\/\//)
    const exposed = await window.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as { simpul: object }).simpul).sort(),
    }))
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on'] })
    const answers = await window.evaluate(async () => {
      const api = (window as unknown as { simpul: { invoke(c: string, i: unknown): Promise<unknown> } }).simpul
      return [await api.invoke('site:get', {}), await api.invoke('__proto__', {})]
    })
    expect(answers[0]).toEqual({ ok: true, value: null })
    expect(answers[1]).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
