// The roster at city size: Kota Tangerang has ~104 kelurahan; 2 Posyandu × 100 kader each
// gives 20,800 kader. The list must stay a window of rows and read pages, never everything.

import type { KaderRow } from '../../shared/contract'
import { expect, cli, onBuiltDb, snap } from './fixtures'
import { KaderPage } from './pages/KaderPage'

const test = onBuiltDb('kota-roster', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kota Tangerang'])
  cli(['demo', '--db', file, '--wilayah', '36.71', '--posyandu', '2', '--kader-per-posyandu', '100', '--seed', '3'])
})

test.describe('a roster of 20,800 kader', () => {
  test.describe.configure({ timeout: 120_000 })

  test('draws only a window of rows, reads pages of at most 100, and scrolls to the very end', async ({ page, bigHost }) => {
    const limits: number[] = []
    page.on('request', (req) => {
      if (!req.url().endsWith('/api/invoke')) return
      const body = req.postDataJSON() as { channel: string; input: { limit?: number } }
      if (body.channel === 'kader:list') limits.push(body.input.limit ?? Infinity)
    })
    const all = await bigHost.invoke<{ total: number; rows: KaderRow[] }>('kader:list', { limit: 1 })
    expect(all.total).toBeGreaterThanOrEqual(20_000)
    const last = (await bigHost.invoke<{ rows: KaderRow[] }>('kader:list', { offset: all.total - 1, limit: 1 })).rows[0]!

    await page.goto(`${bigHost.url}#/kader`)
    const k = new KaderPage(page)
    await k.expectTotal(`${all.total.toLocaleString('id-ID')} kader`)
    await expect(k.rows.first().locator('.row-name')).toBeVisible()
    expect(await k.rows.count()).toBeLessThan(100)
    await snap(page, 'large-roster-top')

    const body = page.locator('.roster-body')
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    const lastRow = k.grid.locator(`[role="row"][aria-rowindex="${all.total + 1}"]`)
    await expect(lastRow.locator('.row-name')).toHaveText(last.name)
    expect(await k.rows.count()).toBeLessThan(100)
    await snap(page, 'large-roster-end')

    // Somewhere in the middle too: the pages there arrive as they come into view.
    const mid = Math.floor(all.total / 2)
    const middle = (await bigHost.invoke<{ rows: KaderRow[] }>('kader:list', { offset: mid, limit: 1 })).rows[0]!
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }))
    await expect(k.grid.locator(`[role="row"][aria-rowindex="${mid + 2}"] .row-name`)).toHaveText(middle.name)
    await expect(k.grid.locator('.roster-item.is-loading')).toHaveCount(0)
    expect(await k.rows.count()).toBeLessThan(100)

    expect(limits.length).toBeGreaterThan(0)
    expect(Math.max(...limits)).toBeLessThanOrEqual(100)
  })

  test('answers a search by name or NIK among 20,800 kader', async ({ page, bigHost }) => {
    const sample = (await bigHost.invoke<{ rows: KaderRow[] }>('kader:list', { offset: 12_345, limit: 1 })).rows[0]!
    const full = await bigHost.invoke<{ nik: string; name: string }>('kader:get', { id: sample.id })
    const word = sample.name.split(' ')[1] ?? sample.name
    const expected = (await bigHost.invoke<{ total: number }>('kader:list', { query: word, limit: 1 })).total

    await page.goto(`${bigHost.url}#/kader`)
    const k = new KaderPage(page)
    await expect(k.rows.first().locator('.row-name')).toBeVisible()

    let started = Date.now()
    await k.search.fill(word)
    await k.expectTotal(`${expected.toLocaleString('id-ID')} kader`)
    const nameMs = Date.now() - started
    for (const name of await k.visibleNames()) expect(name.toLowerCase()).toContain(word.toLowerCase())

    // One letter too many ("Raqhmawati"): no name has it, the names one slip away are listed as similar.
    const typo = `${word.slice(0, 2)}q${word.slice(2)}`
    const similar = await bigHost.invoke<{ total: number; rows: KaderRow[] }>('kader:list', { query: typo, limit: 1 })
    expect(similar.total).toBe(expected)
    expect(similar.rows[0]!.similar).toBe(true)
    await k.search.fill(typo)
    await k.expectTotal(`Tidak ada nama yang persis cocok. Hasil mirip untuk “${typo}”: ${expected.toLocaleString('id-ID')} kader`)

    started = Date.now()
    await k.search.fill(full.nik)
    await k.expectTotal('1 kader')
    const nikMs = Date.now() - started
    expect(await k.visibleNames()).toEqual([full.name])
    // Includes the ~200 ms typing pause; a person should not wait more than a moment.
    expect(nameMs).toBeLessThan(3_000)
    expect(nikMs).toBeLessThan(3_000)
  })

  test('the End key jumps to the last kader and Home back to the first', async ({ page, bigHost }) => {
    const total = (await bigHost.invoke<{ total: number }>('kader:list', { limit: 1 })).total
    await page.goto(`${bigHost.url}#/kader`)
    const k = new KaderPage(page)
    // Each key waits for the focus to reach the row it moved to (see competency.spec.ts).
    await expect(k.rows.first().locator('.row-name')).toBeVisible()
    await k.search.press('ArrowDown')
    await expect(k.rows.first()).toBeFocused()
    await page.keyboard.press('End')
    const selected = page.locator('[role="row"][aria-selected="true"]')
    await expect(selected).toHaveAttribute('aria-rowindex', String(total + 1))
    await expect(selected).toBeFocused()
    await expect(selected.locator('.row-name')).not.toBeEmpty()
    await page.keyboard.press('Home')
    await expect(selected).toHaveAttribute('aria-rowindex', '2')
    await expect(selected).toBeFocused()
  })
})
