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
  // Offices whose paket reached the Dinas: a kelurahan 42 days ago, a Puskesmas 5 days ago, and
  // a kelurahan of that Puskesmas whose paket (7 days old) came inside the Puskesmas's.
  const sqlite = new SqliteDatabase(file)
  // The demo's stand-in offices have paket dates of their own; this spec sets its own.
  sqlite.prepare('delete from office').run()
  const insert = sqlite.prepare(
    'insert into office (site_id, level, area_code, area_name, name, villages, last_bundle_at, last_imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const at = (days: number) => new Date(Date.now() - days * DAY - DAY / 2).toISOString()
  insert.run('kel-sukarasa', 'kelurahan', '36.71.01.1001', 'Sukarasa', 'Kantor Kelurahan Sukarasa', '[]', at(42), at(40))
  insert.run('pkm-jatiuwung', 'puskesmas', '36.71.02', 'Jatiuwung', 'Puskesmas Jatiuwung', '["36.71.02.1001","36.71.02.1002"]', at(5), at(5))
  insert.run('kel-keroncong', 'kelurahan', '36.71.02.1001', 'Keroncong', 'Kantor Kelurahan Keroncong', '[]', at(7), null)
  sqlite.close()
})

const fmt = (n: number) => n.toLocaleString('id-ID')

/** The cells of a row as the table writes them (the TKK column: TKK per active kader, one decimal). */
function expectedCells(c: RekapCounts): string[] {
  return [
    c.posyandu,
    c.registeredPosyandu,
    c.activeKader,
    c.levels.none,
    c.levels.purwa,
    c.levels.madya,
    c.levels.utama,
    (c.activeKader > 0 ? c.tkk / c.activeKader : 0).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
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
    await expect(r.stat('tkk')).toHaveText(fmt(rekap.total.tkk))
    // 104 kelurahan; the two whose own paket reached here are not silent (the Puskesmas's paket
    // does not stand for the villages it serves).
    await expect(r.stat('diam')).toHaveText('102')
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
    // The Puskesmas's paket dates its kecamatan; a village only by a paket its own office made.
    await r.toggle('Kec. Jatiuwung').click()
    await expect(r.row('36.71.02').locator('td').last()).toHaveText('5 hari')
    await expect(r.row('36.71.02.1001').locator('td').last()).toHaveText('7 hari')
    await expect(r.row('36.71.02.1002').locator('td').last()).toHaveText(/belum pernah/)

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

    // Offices: the longest silent first, each once, with how its paket came here.
    await expect(r.heardFromRule).toContainText('dihitung sudah mengirim bila paket yang dibuatnya sampai di sini, langsung atau dibawa paket kantor lain')
    const offices = r.offices.locator('tbody tr')
    await expect(offices).toHaveCount(3)
    await expect(offices.first()).toContainText('Kantor Kelurahan Sukarasa')
    await expect(offices.first()).toContainText('42 hari')
    await expect(offices.first().locator('td').last()).toHaveText('langsung')
    await expect(offices.nth(1)).toContainText('Kantor Kelurahan Keroncong')
    await expect(offices.nth(1).locator('td').last()).toHaveText('lewat Puskesmas Jatiuwung')
  })

  test('shows the six SPM fields for the kota and each kecamatan, as the core counts them', async ({ page, bigHost }) => {
    const rekap = await bigHost.invoke<Rekap>('rekap:get', {})
    const r = new RekapPage(page)
    await r.open(bigHost.url)
    const names = ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas', 'Sosial']
    await expect(r.spmTotal.locator('tbody tr')).toHaveCount(6)
    for (const [i, f] of rekap.total.spm.entries()) {
      const row = r.spmTotal.locator(`tbody tr[data-field="${f.field}"]`)
      await expect(row.locator('th')).toHaveText(names[i]!)
      expect(await r.cells(row)).toEqual([f.posyandu, f.activeKader, f.followUpsOpen, f.followUpsOverdue].map(fmt))
    }
    expect(rekap.total.spm.some((f) => f.activeKader > 0)).toBe(true)

    // The picture: the six fields × the 13 kecamatan, the number written in every cell.
    await expect(r.spmHeat.locator('thead th')).toHaveText(['Wilayah / Posyandu', ...names])
    await expect(r.spmHeat.locator('tbody tr')).toHaveCount(13)
    for (const n of rekap.nodes) {
      const cells = r.spmHeat.locator(`tbody tr[data-code="${n.code}"] td .rk-heat-n`)
      await expect(cells).toHaveText(n.spm.map((f) => fmt(f.activeKader)))
    }
    const late = rekap.nodes.flatMap((n) => n.spm.filter((f) => f.followUpsOverdue > 0).map((f) => [n.code, f] as const))
    for (const [code, f] of late.slice(0, 3)) {
      await expect(r.spmHeat.locator(`tbody tr[data-code="${code}"] td[data-field="${f.field}"] .rk-heat-late`)).toHaveText(`⚠ ${fmt(f.followUpsOverdue)} lewat tenggat`)
    }
    await r.spmHeat.scrollIntoViewIfNeeded()
    await snap(page, 'rekap-kota-spm')
    expect(await seriousViolations(page)).toEqual([])
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
