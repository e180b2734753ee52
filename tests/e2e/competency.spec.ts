// The competency screens as a Puskesmas promkes officer uses them: a class is assessed on the
// grid by keyboard, and the levels in the matrix, on the kader's page and in the training needs
// follow; the matrix stays a window of rows at kota scale; a new catalogue changes levels, a
// broken one changes nothing. Expected levels are computed with the shared rule (levelOf) from
// what the test knows, never read back from the screen under test.

import type { CatalogueInfo, KaderCompetency, MatrixRow, Training, TrainingNeeds } from '../../shared/contract'
import { levelOf, type Catalogue, type LevelCode } from '../../shared/domain/competency'
import { test as base, expect, cli, onBuiltDb, snap, type WebHost } from './fixtures'
import { CompetencyPage } from './pages/CompetencyPage'
import { seriousViolations } from './axe'

const test = base

/** As the matrix writes a level (short, to fit the name column). */
const LEVEL_WORD: Record<LevelCode | 'none', string> = { purwa: 'Purwa', madya: 'Madya', utama: 'Utama', none: 'Belum ada tingkat' }
const LEVEL_FULL: Record<LevelCode | 'none', string> = { purwa: 'Kader Purwa', madya: 'Kader Madya', utama: 'Kader Utama', none: 'Belum ada tingkat' }
const AB = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']

/** A calendar date `n` days back, "YYYY-MM-DD": assessments may not be dated in the future. */
function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000)
  return d.toISOString().slice(0, 10)
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
}

function competentNow(kc: KaderCompetency): Set<string> {
  return new Set(kc.items.filter((i) => i.current?.result === 'kompeten').map((i) => i.code))
}

test.describe('competencies on a kelurahan with kader', () => {
  test.use({ seed: 'roster' })

  test('an officer fills a class grid for 20 kader by keyboard, and levels and training needs follow', async ({ page, host, openApp }) => {
    test.setTimeout(120_000)
    const { catalogue } = await host.invoke<CatalogueInfo>('competency:catalogue', {})
    const none = (await host.invoke<{ total: number; rows: MatrixRow[] }>('competency:matrix', { level: 'none', limit: 100 })).rows
    const everyone = (await host.invoke<{ total: number; rows: MatrixRow[] }>('competency:matrix', { limit: 100 })).rows
    expect(none.length).toBeGreaterThanOrEqual(3)
    const noneIds = new Set(none.map((r) => r.kaderId))
    const participants = [...none.map((r) => r.kaderId), ...everyone.map((r) => r.kaderId).filter((id) => !noneIds.has(id))].slice(0, 20)
    expect(participants).toHaveLength(20)
    const training = await host.invoke<Training>('training:create', {
      title: 'Pelatihan Kader Purwa Angkatan 1',
      kind: 'pelatihan',
      startDate: daysAgo(12),
      endDate: daysAgo(10),
      organiser: 'Puskesmas Tangerang',
      competencies: AB,
      participantIds: participants,
    })
    const before = new Map<string, KaderCompetency>()
    for (const id of participants) before.set(id, await host.invoke<KaderCompetency>('competency:kader', { kaderId: id }))

    const c = new CompetencyPage(page)
    // The number to beat, as the needs page shows it before the class.
    await openApp('kompetensi/kebutuhan')
    await expect(c.heading).toHaveText('Kebutuhan pelatihan')
    await expect(c.withoutLevel).toHaveText(String(none.length))

    await c.go(`pelatihan/${training.id}/penilaian`)
    await expect(c.heading).toHaveText('Penilaian: Pelatihan Kader Purwa Angkatan 1')
    const order = await c.sheetKaderIds()
    expect(new Set(order)).toEqual(new Set(participants))
    // The last-day default and the method are there already; the assessor is typed once.
    await expect(page.getByTestId('assess-head-summary')).toContainText(`${longDate(training.endDate)} · Uji setelah pelatihan`)
    await c.assessorName.fill('Dwi Yulianti, S.KM')
    await page.getByLabel('Profesi').fill('Tenaga promosi kesehatan')

    // Kader without a level pass A and B; one of them fails A1 and stays without a level.
    const targets = order.filter((id) => noneIds.has(id))
    const partial = targets[targets.length - 1]!
    const complete = targets.filter((id) => id !== partial)
    const started = Date.now()
    await c.cell(order[0]!, 'A1').click()
    await expect(c.cell(order[0]!, 'A1')).toBeFocused()
    let usedRowHelper = false
    let usedSpace = false
    for (const id of order) {
      if (id === partial) {
        await page.keyboard.press('b')
        for (let i = 1; i < AB.length; i++) await page.keyboard.press('k')
      } else if (noneIds.has(id) && !usedRowHelper) {
        usedRowHelper = true
        await page.keyboard.press('Shift+K')
        await page.keyboard.press('ArrowDown')
      } else if (noneIds.has(id)) {
        // Typing moves right, and from the row's last cell to the next participant.
        await page.keyboard.type('k'.repeat(AB.length))
      } else if (!usedSpace) {
        usedSpace = true
        // Space cycles kompeten → belum → empty: nothing is judged for this kader.
        await page.keyboard.press('Space')
        await expect(c.cell(id, 'A1')).toHaveAttribute('data-value', 'kompeten')
        await page.keyboard.press('Space')
        await expect(c.cell(id, 'A1')).toHaveAttribute('data-value', 'belum_kompeten')
        await page.keyboard.press('Delete')
        await page.keyboard.press('ArrowDown')
      } else {
        await page.keyboard.press('ArrowDown')
      }
    }
    const saved = targets.length * AB.length
    await expect(c.counts).toHaveText(`${saved} sel terisi: ${saved - 1} kompeten, 1 belum kompeten`)
    await expect(c.cell(partial, 'A1')).toHaveAttribute('data-value', 'belum_kompeten')
    await expect(c.cell(partial, 'A1')).toHaveText('✗')
    for (const id of complete) await expect(c.cell(id, 'B8')).toHaveAttribute('data-value', 'kompeten')
    await snap(page, 'competency-grid-filled')

    const expected = new Map<string, LevelCode | null>()
    for (const id of complete) expected.set(id, levelOf(catalogue as Catalogue, new Set([...competentNow(before.get(id)!), ...AB])))
    for (const id of complete) expect(expected.get(id)).not.toBeNull()

    await page.keyboard.press('Control+s')
    await expect(c.toasts).toContainText(`${saved} penilaian disimpan, ${complete.length} kader naik tingkat`)
    await expect(page).toHaveURL(new RegExp(`#/pelatihan/${training.id}$`))
    // The whole class, 20 kader × 12 codes, took a person moments, not an afternoon.
    expect(Date.now() - started).toBeLessThan(60_000)

    // The matrix: the kader who passed carry their new level; the one who failed A1 does not.
    await c.go('kompetensi')
    await expect(c.heading).toHaveText('Matriks kompetensi')
    const names = new Map(everyone.map((r) => [r.kaderId, r.name]))
    const first = complete[0]!
    await c.search.fill(names.get(first)!)
    await expect(c.matrixRow(names.get(first)!).first().locator('.level-badge')).toHaveText(LEVEL_WORD[expected.get(first) ?? 'none'])
    await expect(c.matrixRow(names.get(first)!).first().locator('[role="gridcell"][aria-label="B8: Kompeten"]')).toHaveText('✓')
    await c.search.fill(names.get(partial)!)
    const partialRow = c.matrixRow(names.get(partial)!).first()
    await expect(partialRow.locator('.level-badge')).toHaveText(LEVEL_WORD.none)
    await expect(partialRow.locator('[role="gridcell"][aria-label="A1: Belum kompeten"]')).toHaveText('✗')
    await c.search.fill('')
    await c.filterLevel.selectOption('none')
    await c.expectTotal(`${none.length - complete.length} kader`)
    await snap(page, 'competency-matrix-after')

    // The kader's page: the level, both TKK, and the class's assessments in the history.
    await c.openKader(first)
    await expect(c.kaderLevel()).toHaveText(LEVEL_FULL[expected.get(first) ?? 'none'])
    await expect(c.kaderSection.locator('.cm-group.is-complete', { hasText: 'Pengelolaan Posyandu' })).toBeVisible()
    await expect(c.kaderSection.locator('.cm-group.is-complete', { hasText: 'Bayi dan Balita' })).toBeVisible()
    await c.kaderSection.getByText(/^Riwayat penilaian/).click()
    await expect(c.kaderSection.getByTestId('history-item').filter({ hasText: 'Pelatihan Kader Purwa Angkatan 1' })).toHaveCount(AB.length)

    // The needs page counts fewer kader without a level.
    await c.go('kompetensi/kebutuhan')
    await expect(c.withoutLevel).toHaveText(String(none.length - complete.length))
  })

  test('the needs page proposes classes best first, and one click drafts the training with them', async ({ page, host, openApp }) => {
    const needs = await host.invoke<TrainingNeeds>('competency:needs', { classSize: 10 })
    expect(needs.cohorts.length).toBeGreaterThan(0)
    const best = needs.cohorts[0]!
    const c = new CompetencyPage(page)
    await openApp('kompetensi/kebutuhan')
    await expect(c.activeKader).toHaveText(String(needs.kaderCount))
    await page.getByLabel('Ukuran kelas', { exact: true }).fill('10')
    await expect(c.cohorts).toHaveCount(needs.cohorts.length)
    const card = c.cohorts.first()
    await expect(card.getByRole('heading')).toContainText(`Kelompok ${best.group} · ${best.label}`)
    await expect(card).toContainText(`${best.kaderIds.length} kader di ${best.posyanduCount} Posyandu`)
    await card.getByText(`Lihat ${best.kaderIds.length} peserta`).click()
    await expect(card.locator('tbody tr')).toHaveCount(best.kaderIds.length)
    await expect(card.locator('tbody tr').first().getByRole('link')).not.toHaveText('Kader (tidak dapat dimuat)')

    await card.getByRole('button', { name: 'Buat rancangan pelatihan' }).click()
    await expect(page).toHaveURL(/#\/pelatihan\/baru$/)
    await expect(page.getByLabel('Nama kegiatan')).toHaveValue(`Pelatihan ${best.groupName} (${best.label})`)
  })

  test('a single assessment from the kader page supersedes the old one and keeps it in the history', async ({ page, host, openApp }) => {
    const row = (await host.invoke<{ rows: MatrixRow[] }>('competency:matrix', { limit: 1 })).rows[0]!
    const c = new CompetencyPage(page)
    await openApp(`kader/${row.kaderId}`)
    await expect(c.kaderSection.locator('.cm-groups')).toBeVisible()
    await c.kaderSection.getByRole('button', { name: 'Catat penilaian C3' }).click()
    const dialog = page.getByRole('dialog', { name: `Catat penilaian: ${row.name}` })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Keterampilan')).toHaveValue('C3')
    // Without a result and an assessor the core's own messages show where they belong.
    await dialog.getByLabel('Nama penilai').fill('')
    await dialog.getByRole('button', { name: 'Simpan penilaian' }).click()
    await expect(dialog.getByText('Pilih hasil: kompeten atau belum kompeten.')).toBeVisible()
    await expect(dialog.getByText('Nama penilai wajib diisi.')).toBeVisible()
    await dialog.getByRole('radio', { name: 'Belum kompeten', exact: true }).check()
    await dialog.getByLabel('Nama penilai').fill('Tri Suryani, A.Md.Gz')
    await dialog.getByRole('button', { name: 'Simpan penilaian' }).click()
    await expect(dialog).toBeHidden()
    await expect(c.kaderSection.locator('tr[data-code="C3"]')).toContainText('Belum kompeten')

    await c.kaderSection.getByRole('button', { name: 'Catat penilaian C3' }).click()
    await dialog.getByRole('radio', { name: 'Kompeten', exact: true }).check()
    await dialog.getByRole('button', { name: 'Simpan penilaian' }).click()
    await expect(dialog).toBeHidden()
    await expect(c.kaderSection.locator('tr[data-code="C3"]')).toContainText('Kompeten')
    await c.kaderSection.getByText(/^Riwayat penilaian/).click()
    const c3 = c.kaderSection.getByTestId('history-item').filter({ hasText: 'C3' })
    await expect(c3.filter({ hasText: 'digantikan' })).toHaveCount(1)
    await expect(c3.filter({ hasText: 'digantikan' })).toContainText('Belum kompeten')
  })

  test('a catalogue with another level rule changes the level shown; history is kept', async ({ page, host, openApp }) => {
    const { catalogue } = await host.invoke<CatalogueInfo>('competency:catalogue', {})
    const kader = await lonelyA(host, catalogue)
    const c = new CompetencyPage(page)
    await openApp(`kader/${kader.kaderId}`)
    await expect(c.kaderLevel()).toHaveText('Belum ada tingkat')

    // The kota decides group A alone makes a Kader Purwa.
    const next = {
      ...catalogue,
      version: '2099.1',
      title: 'Katalog uji: Purwa cukup kelompok A',
      levels: catalogue.levels.map((l) => (l.code === 'purwa' ? { ...l, requiresAllOf: ['A'] } : l)),
    }
    await c.go('kompetensi/katalog')
    await expect(c.heading).toHaveText('Katalog keterampilan')
    await expect(c.catalogueVersions).toHaveCount(1)
    await expect(page.getByText('Kader Purwa: semua keterampilan kelompok A (Pengelolaan Posyandu) dan B (Bayi dan Balita) kompeten.')).toBeVisible()
    // Only the Dinas sets the rule; a kelurahan reads it and is told who does.
    await expect(page.getByText('Aturan ini ditetapkan oleh Dinas Kesehatan kota/kabupaten')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Hitung dampaknya' })).toHaveCount(0)
    // "Belum diverifikasi" explained once, in Indonesian: what it means and who settles it.
    await expect(page.getByTestId('catalogue-unverified')).toContainText('belum dicocokkan dengan teks resmi')
    await expect(page.getByTestId('catalogue-unverified')).toContainText('Dinas memasang katalog berisi teks resmi')
    await expect(page.getByText('verified=false')).toHaveCount(0)
    await c.catalogueFile.setInputFiles({ name: 'katalog-2099.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) })
    await expect(page.getByTestId('catalogue-chosen')).toContainText('versi 2099.1')
    await c.installButton.click()
    await expect(c.catalogueOutcome).toContainText('Katalog versi 2099.1 sekarang berlaku')
    await expect(c.catalogueVersions).toHaveCount(2)
    await expect(page.getByText('Kader Purwa: semua keterampilan kelompok A (Pengelolaan Posyandu) kompeten.')).toBeVisible()

    await c.openKader(kader.kaderId)
    await expect(c.kaderLevel()).toHaveText('Kader Purwa')
    await c.kaderSection.getByText(/^Riwayat penilaian/).click()
    await expect(c.kaderSection.getByTestId('history-item')).toHaveCount(kader.history.length)
  })

  test('an invalid catalogue file shows the Indonesian reason and changes nothing', async ({ page, host, openApp }) => {
    const { catalogue } = await host.invoke<CatalogueInfo>('competency:catalogue', {})
    const kader = await lonelyA(host, catalogue)
    const c = new CompetencyPage(page)
    await openApp('kompetensi/katalog')
    await expect(c.catalogueVersions).toHaveCount(1)

    const broken = {
      ...catalogue,
      version: '2099.2',
      levels: catalogue.levels.map((l) => (l.code === 'purwa' ? { ...l, requiresAllOf: ['A', 'Z'] } : l)),
    }
    await c.catalogueFile.setInputFiles({ name: 'katalog-rusak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
    await c.installButton.click()
    await expect(c.catalogueOutcome).toContainText('Katalog tidak dipasang')
    await expect(c.catalogueOutcome).toContainText('Aturan Kader Purwa menyebut kelompok Z yang tidak ada.')
    await expect(c.catalogueOutcome).toContainText('Katalog yang berlaku tidak berubah.')

    await c.catalogueFile.setInputFiles({ name: 'bukan-katalog.json', mimeType: 'application/json', buffer: Buffer.from('{ ini bukan json') })
    await c.installButton.click()
    await expect(c.catalogueOutcome).toContainText('bukan JSON yang sah')

    await expect(c.catalogueVersions).toHaveCount(1)
    expect((await host.invoke<CatalogueInfo>('competency:catalogue', {})).catalogue.version).toBe(catalogue.version)
    await c.openKader(kader.kaderId)
    await expect(c.kaderLevel()).toHaveText('Belum ada tingkat')
  })

  test('the matrix (with its charts), needs, catalogue, class grid and kader section have no serious accessibility problems', async ({ page, host, openApp }) => {
    // Five screens, each scanned whole by axe: the longest test of the file on a busy machine.
    test.setTimeout(120_000)
    const ids = (await host.invoke<{ rows: MatrixRow[] }>('competency:matrix', { limit: 5 })).rows.map((r) => r.kaderId)
    const training = await host.invoke<Training>('training:create', {
      title: 'Refreshing kader',
      kind: 'refreshing',
      startDate: daysAgo(3),
      endDate: daysAgo(3),
      competencies: ['C1', 'C2', 'C3', 'C4', 'C5'],
      participantIds: ids,
    })
    const c = new CompetencyPage(page)
    for (const [path, heading] of [
      ['kompetensi', 'Matriks kompetensi'],
      ['kompetensi/kebutuhan', 'Kebutuhan pelatihan'],
      ['kompetensi/katalog', 'Katalog keterampilan'],
      [`pelatihan/${training.id}/penilaian`, 'Penilaian: Refreshing kader'],
      [`kader/${ids[0]}`, null],
    ] as const) {
      await openApp(path)
      if (heading) await expect(c.heading).toHaveText(heading)
      if (path === 'kompetensi') {
        await page.getByText('Ringkasan tingkat dan cakupan').click()
        await expect(page.getByRole('figure', { name: 'Sebaran tingkat kader' })).toBeVisible()
      }
      if (path.startsWith('kader/')) await expect(c.kaderSection.locator('.cm-groups')).toBeVisible()
      if (path.endsWith('penilaian')) await c.cell(ids[0]!, 'C1').click()
      // The needs page is done when its figures are in; each class proposal keeps a loader for its
      // participants inside its closed <details> until opened, so only visible loaders count.
      if (path === 'kompetensi/kebutuhan') await expect(c.withoutLevel).toBeVisible()
      await expect(page.locator('.loading:visible, [aria-busy="true"]')).toHaveCount(0)
      expect(await seriousViolations(page), path).toEqual([])
    }
  })
})

/**
 * A kader without a level whose group B is incomplete, given A1–A4 kompeten through the core:
 * group A complete, still no level under the default rule (A and B).
 */
async function lonelyA(host: WebHost, catalogue: Catalogue): Promise<KaderCompetency> {
  const rows = (await host.invoke<{ rows: MatrixRow[] }>('competency:matrix', { level: 'none', limit: 100 })).rows
  for (const r of rows) {
    const kc = await host.invoke<KaderCompetency>('competency:kader', { kaderId: r.kaderId })
    if (kc.groups.find((g) => g.code === 'B')?.complete) continue
    await host.invoke('competency:assessBulk', {
      date: daysAgo(20),
      method: 'observasi_praktik',
      assessor: { name: 'Dwi Yulianti, S.KM' },
      entries: ['A1', 'A2', 'A3', 'A4'].map((code) => ({ kaderId: r.kaderId, competencyCode: code, result: 'kompeten' })),
    })
    const after = await host.invoke<KaderCompetency>('competency:kader', { kaderId: r.kaderId })
    expect(levelOf(catalogue, competentNow(after))).toBeNull()
    expect(after.level).toBeNull()
    return after
  }
  throw new Error('the seeded roster has no kader without a level and with group B incomplete')
}

// ---------------------------------------------------------------- kota scale

const kota = onBuiltDb('kota-matrix', (file) => {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kota Tangerang'])
  cli(['demo', '--db', file, '--wilayah', '36.71', '--posyandu', '1', '--kader-per-posyandu', '125', '--seed', '3'])
})

kota.describe('the matrix of a kota with 11,000 active kader', () => {
  kota.describe.configure({ timeout: 120_000 })

  kota('draws only a window of rows, reads pages of at most 100, and scrolls to the last kader', async ({ page, bigHost }) => {
    const limits: number[] = []
    page.on('request', (req) => {
      if (!req.url().endsWith('/api/invoke')) return
      const body = req.postDataJSON() as { channel: string; input: { limit?: number } }
      if (body.channel === 'competency:matrix') limits.push(body.input.limit ?? Infinity)
    })
    const all = await bigHost.invoke<{ total: number; rows: MatrixRow[] }>('competency:matrix', { limit: 1 })
    expect(all.total).toBeGreaterThanOrEqual(10_500)
    const first = all.rows[0]!
    const last = (await bigHost.invoke<{ rows: MatrixRow[] }>('competency:matrix', { offset: all.total - 1, limit: 1 })).rows[0]!

    await page.goto(`${bigHost.url}#/kompetensi`)
    const c = new CompetencyPage(page)
    await c.expectTotal(`${all.total.toLocaleString('id-ID')} kader`)
    await expect(c.matrixRows.first().locator('.row-name')).toBeVisible()
    expect(await c.matrixRows.count()).toBeLessThan(100)
    await snap(page, 'kota-matrix-top')

    const body = page.locator('.cm-scroll')
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    const lastRow = c.matrix.locator(`[role="row"][aria-rowindex="${all.total + 2}"]`)
    await expect(lastRow.locator('.row-name')).toHaveText(last.name)
    await expect(lastRow.locator('.level-badge')).toHaveText(LEVEL_WORD[last.level ?? 'none'])
    expect(await c.matrixRows.count()).toBeLessThan(100)
    await snap(page, 'kota-matrix-end')

    // The middle arrives as it comes into view, and the keyboard reaches both ends.
    const mid = Math.floor(all.total / 2)
    const middle = (await bigHost.invoke<{ rows: MatrixRow[] }>('competency:matrix', { offset: mid, limit: 1 })).rows[0]!
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }))
    await expect(c.matrix.locator(`[role="row"][aria-rowindex="${mid + 3}"] .row-name`)).toHaveText(middle.name)
    await expect(c.matrix.locator('.cm-item.is-loading')).toHaveCount(0)
    // A key goes to whatever holds the focus when it is pressed. A row scrolled into view is drawn
    // (and marked selected) one render before the list moves the focus onto it, so each key waits
    // for the focus to arrive on the row, not only for the row to be selected.
    const selected = c.matrix.locator('[role="row"][aria-selected="true"]')
    await c.search.press('ArrowDown')
    await expect(selected).toHaveAttribute('aria-rowindex', '3')
    await expect(selected).toBeFocused()
    await page.keyboard.press('End')
    await expect(selected).toHaveAttribute('aria-rowindex', String(all.total + 2))
    await expect(selected).toBeFocused()
    await page.keyboard.press('Home')
    await expect(selected).toHaveAttribute('aria-rowindex', '3')
    await expect(selected).toBeFocused()
    await expect(selected.locator('.row-name')).toHaveText(first.name)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`#/kader/${first.kaderId}$`))

    expect(limits.length).toBeGreaterThan(0)
    expect(Math.max(...limits)).toBeLessThanOrEqual(100)
  })

  kota('the training list of a kota opens a hundred at a time and narrows by year', async ({ page, bigHost }) => {
    const trainings = await bigHost.invoke<{ startDate: string }[]>('training:list', {})
    expect(trainings.length).toBeGreaterThan(200)
    const fmt = (n: number) => n.toLocaleString('id-ID')
    await page.goto(`${bigHost.url}#/pelatihan`)
    await expect(page.getByText(`Ditampilkan 100 dari ${fmt(trainings.length)} kegiatan`)).toBeVisible()
    await expect(page.locator('.training-table tbody tr')).toHaveCount(100)
    await page.getByRole('button', { name: 'Tampilkan 100 lagi' }).click()
    await expect(page.locator('.training-table tbody tr')).toHaveCount(200)

    const year = trainings[0]!.startDate.slice(0, 4)
    const inYear = trainings.filter((t) => t.startDate.startsWith(year)).length
    await page.getByLabel('Tahun').selectOption(year)
    const shown = Math.min(100, inYear)
    await expect(page.locator('.training-table tbody tr')).toHaveCount(shown)
    await expect(page.getByText(inYear > 100 ? `Ditampilkan 100 dari ${fmt(inYear)} kegiatan` : `${fmt(inYear)} kegiatan`)).toBeVisible()
  })

  kota('a kota narrows the matrix to one kecamatan', async ({ page, bigHost }) => {
    const kec = await bigHost.invoke<{ total: number }>('competency:matrix', { wilayah: '36.71.01', limit: 1 })
    expect(kec.total).toBeGreaterThan(0)
    await page.goto(`${bigHost.url}#/kompetensi`)
    const c = new CompetencyPage(page)
    await c.scope.selectOption({ label: 'Tangerang' })
    await c.expectTotal(`${kec.total.toLocaleString('id-ID')} kader`)
  })
})
