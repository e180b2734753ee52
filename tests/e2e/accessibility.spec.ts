// axe-core scans of the screens people use most, in Chromium: labels, roles, contrast,
// keyboard reachability. Serious and critical findings fail the test, listed by rule.

import { test, expect } from './fixtures'
import { seriousViolations } from './axe'

test.describe('accessibility', () => {
  test('the first-run setup has no serious accessibility problems', async ({ page, openApp }) => {
    await openApp()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Simpul Posyandu')
    expect(await seriousViolations(page)).toEqual([])
  })

  test.describe('on a kelurahan with kader', () => {
    test.use({ seed: 'roster' })

    for (const [path, heading] of [
      ['', 'Beranda'],
      ['posyandu', 'Posyandu'],
      ['kader', 'Kader'],
      ['kader/baru', 'Kader baru'],
      ['posyandu/baru', 'Posyandu baru'],
      ['pengaturan', 'Pengaturan'],
    ] as const) {
      test(`the ${heading} screen has no serious accessibility problems`, async ({ page, openApp }) => {
        await openApp(path)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
        // Scan the finished screen, not its loading state.
        await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
        expect(await seriousViolations(page)).toEqual([])
      })
    }
  })
})
