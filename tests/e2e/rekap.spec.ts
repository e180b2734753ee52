// The kota recap in the browser, on a demo of all of Kota Tangerang (13 kecamatan, 104
// kelurahan) with two offices heard of through paket. The numbers on screen are checked
// against what the core answers through the bridge.

import SqliteDatabase from 'better-sqlite3'
import type { Rekap, RekapCounts, RekapNode } from '../../shared/contract'
import { expect, cli, onBuiltDb, snap } from './fixtures'
import { RekapPage } from './pages/RekapPage'
import { seriousViolations } from './axe'

const DAY = 86_400_000
const test = onBuiltDb('kota-rekap', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kesehatan Kota Tangerang'])
  cli(['demo', '--db', file, '--wilayah', '36.71', '--posyandu', '3', '--kader-per-posyandu', '8', '--seed', '5'])
  // Two offices whose paket reached the Dinas: a kelurahan 42 days ago, a Puskesmas 5 days ago.
  const sqlite = new SqliteDatabase(file)
  // The demo's stand-in offices have paket dates of their own; this spec sets its own.
  sqlite.prepare('delete from office').run()
  const insert = sqlite.prepare(
    'insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const at = (days: number) => new Date(Date.now() - days * DAY - DAY / 2).toISOString()
  insert.run('kel-sukarasa', 'kelurahan', '36.71.01.1001', 'Sukarasa', 'Kantor Kelurahan Sukarasa', '[]', at(42), at(40))
  insert.run('pkm-jatiuwung', 'puskesmas', '36.71.02', 'Jatiuwung', 'Puskesmas Jatiuwung', '["36.71.02.1001","36.71.02.1002"]', at(5), at(5))
  sqlite.close()
})

const fmt = (n: number) => n.toLocaleString('id-ID')

/** The cells of a row as the table writes them (the TKK column: each group's share of the active kader, in percent). */
function expectedCells(c: RekapCounts): string[] {
  return [
    c.posyandu,
    c.activeKader,
    c.levels.none,
    c.levels.purwa,
    c.levels.madya,
    c.levels.utama,
    c.groups.map((g) => String(c.activeKader > 0 ? Math.round((g.complete / c.activeKader) * 100) : 0)).join('\u2009·\u2009'),
    c.trainings,
    c.meetings,
    c.followUpsOpen,
    c.followUpsOverdue,
  ].map((v) => (typeof v === 'number' ? fmt(v) : v))
}

function find(nodes: RekapNode[], code: string): RekapNode {
  const n = nodes.find((x) => x.code === code)
  if (!n) throw new Error(`no node ${code}`)
  return n
}

test.describe('the kota recap', () => {
  test.describe.configure({ timeout: 120_000 })

  test('shows the totals, opens a kecamatan and a kelurahan, and marks the silent ones', async ({ page, bigHost }) => {
    const rekap = await bigHost.invoke<Rekap>('rekap:get', {})
    const r = new RekapPage(page)
    await r.open(bigHost.url)
    await expect(page.getByText(`Umur paket dihitung sampai`)).toBeVisible()

    await expect(r.stat('posyandu')).toHaveText(fmt(rekap.total.posyandu))
    await expect(r.stat('kader')).toHaveText(fmt(rekap.total.activeKader))
    await expect(r.stat('pelatihan')).toHaveText(fmt(rekap.total.trainings))
    await expect(r.stat('rapat')).toHaveText(fmt(rekap.total.meetings))
    await expect(r.stat('tindak-lanjut')).toHaveText(fmt(rekap.total.followUpsOverdue))
    // 104 kelurahan; the three reached by the two offices' paket are not silent.
    await expect(r.stat('diam')).toHaveText('101')
    expect(await r.cells(r.total)).toEqual([...expectedCells(rekap.total), ''])
    await snap(page, 'rekap-kota-top')

    // Only the 13 kecamatan rows are drawn until one is opened.
    expect(rekap.nodes).toHaveLength(13)
    await expect(r.treeRows).toHaveCount(13)
    const tangerang = find(rekap.nodes, '36.71.01')
    const kec = r.row('36.71.01')
    expect(await r.cells(kec)).toEqual([...expectedCells(tangerang), '42 hari'])

    const kecToggle = r.toggle('Kec. Tangerang')
    await expect(kecToggle).toHaveAttribute('aria-expanded', 'false')
    await kecToggle.click()
    await expect(kecToggle).toHaveAttribute('aria-expanded', 'true')
    await expect(r.treeRows).toHaveCount(13 + tangerang.children.length)

    const sukarasa = find(tangerang.children, '36.71.01.1001')
    expect(await r.cells(r.row('36.71.01.1001'))).toEqual([...expectedCells(sukarasa), '42 hari'])
    // A kelurahan nobody has heard from stands out.
    const silent = tangerang.children.find((v) => v.lastBundleAt === null)!
    await expect(r.row(silent.code)).toHaveClass(/rk-silent/)
    await expect(r.row(silent.code).locator('td').last()).toHaveText(/belum pernah/)
    // The Puskesmas's paket counts for the villages it serves.
    await r.toggle('Kec. Jatiuwung').click()
    await expect(r.row('36.71.02.1001').locator('td').last()).toHaveText('5 hari')
    await expect(r.row('36.71.02.1003').locator('td').last()).toHaveText(/belum pernah/)

    // Keyboard: focus the kelurahan and open it with Enter.
    const kelToggle = r.toggle('Kel. Sukarasa')
    await kelToggle.focus()
    await page.keyboard.press('Enter')
    await expect(kelToggle).toHaveAttribute('aria-expanded', 'true')
    for (const p of sukarasa.children) {
      const row = r.row(p.code)
      await expect(row.locator('th')).toContainText(p.name)
      expect(await r.cells(row)).toEqual([...expectedCells(p), ''])
    }
    await snap(page, 'rekap-kota-open')
    await page.locator('.rk-charts').scrollIntoViewIfNeeded()
    await snap(page, 'rekap-kota-charts')

    expect(await seriousViolations(page)).toEqual([])
    // The whole table fits the window at 1366 px: no sideways scrolling to reach the paket age.
    expect(await r.tree.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true)

    // Space closes it again; its Posyandu rows go away.
    await kelToggle.press('Space')
    await expect(kelToggle).toHaveAttribute('aria-expanded', 'false')
    await expect(r.row(sukarasa.children[0]!.code)).toHaveCount(0)

    // Offices: the longest silent first.
    await expect(r.offices.locator('tbody tr')).toHaveCount(2)
    await expect(r.offices.locator('tbody tr').first()).toContainText('Kantor Kelurahan Sukarasa')
    await expect(r.offices.locator('tbody tr').first()).toContainText('42 hari')
  })

  test('shows the year asked for and keeps it in the address', async ({ page, bigHost }) => {
    const y2025 = await bigHost.invoke<Rekap>('rekap:get', { year: 2025 })
    const y2024 = await bigHost.invoke<Rekap>('rekap:get', { year: 2024 })
    expect(y2025.total.trainings).not.toBe(y2024.total.trainings)
    const r = new RekapPage(page)
    await r.open(bigHost.url, 2025)
    await expect(r.year).toHaveValue('2025')
    await expect(r.stat('pelatihan')).toHaveText(fmt(y2025.total.trainings))
    await expect(r.stat('rapat')).toHaveText(fmt(y2025.total.meetings))

    await r.year.selectOption('2024')
    await expect(r.stat('pelatihan')).toHaveText(fmt(y2024.total.trainings))
    await expect(r.stat('rapat')).toHaveText(fmt(y2024.total.meetings))
    expect(page.url()).toContain('#/rekap?tahun=2024')

    // Opening every kecamatan draws the 104 kelurahan, still not their Posyandu.
    await r.expandAll.click()
    await expect(r.treeRows).toHaveCount(13 + 104)
    await r.collapseAll.click()
    await expect(r.treeRows).toHaveCount(13)
  })
})

test.describe('the recap of a kelurahan', () => {
  test.use({ seed: 'roster' })

  test('lists its Posyandu as the rows, without the kelurahan-only parts', async ({ page, host }) => {
    const rekap = await host.invoke<Rekap>('rekap:get', {})
    expect(rekap.nodes.map((n) => n.kind)).toEqual(['posyandu', 'posyandu', 'posyandu'])
    const r = new RekapPage(page)
    await r.open(host.url)
    await expect(r.treeRows).toHaveCount(3)
    for (const p of rekap.nodes) expect(await r.cells(r.row(p.code))).toEqual([...expectedCells(p), ''])
    expect(await r.cells(r.total)).toEqual([...expectedCells(rekap.total), ''])
    await expect(r.stat('kader')).toHaveText(fmt(rekap.total.activeKader))
    await expect(r.stat('diam')).toHaveCount(0)
    await expect(r.expandAll).toHaveCount(0)
    // The demo's trainings come from the stand-in Puskesmas of its kecamatan (a kelurahan may not
    // record them), named so nobody takes it for the real one, with the date the demo gives its
    // last paket.
    await expect(r.offices.locator('tbody tr')).toHaveCount(1)
    await expect(r.offices.locator('tbody tr').first()).toContainText('Puskesmas Kec. Tangerang (contoh demo)')
    await expect(r.offices.locator('tbody tr').first()).toContainText(/\d{4} pukul/)
    await expect(page.getByText('undefined')).toHaveCount(0)
    expect(await seriousViolations(page)).toEqual([])
  })
})
