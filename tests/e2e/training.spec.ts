import type { Area, KaderRow, Posyandu, Training, TrainingRow } from '../../shared/contract'
import { test, expect, snap, type WebHost } from './fixtures'
import { TrainingPage } from './pages/TrainingPage'
import { seriousViolations } from './axe'

test.use({ seed: 'roster' })

const CLASS_SIZE = 20

/** The seeded roster as the picker will show it: active kader per Posyandu, by name. */
async function activeByPosyandu(host: WebHost): Promise<{ posyandu: Posyandu; kader: KaderRow[] }[]> {
  const posyandu = await host.invoke<Posyandu[]>('posyandu:list', { includeInactive: true })
  return Promise.all(
    posyandu.map(async (p) => ({
      posyandu: p,
      kader: (await host.invoke<{ rows: KaderRow[] }>('kader:list', { posyanduId: p.id, status: 'aktif', limit: 500 })).rows,
    })),
  )
}

test.describe('training events', () => {
  test('records a training for 20 kader, then their attendance and scores by keyboard, kept after a reload', async ({ page, openApp, host }) => {
    const [village] = await host.invoke<Area[]>('site:villages', {})
    const roster = await activeByPosyandu(host)
    const [a, b, c] = roster
    if (!village || !a || !b || !c) throw new Error('the roster seed should have one kelurahan with three Posyandu')
    const before = await host.invoke<TrainingRow[]>('training:list', {})

    await openApp('pelatihan')
    const tp = new TrainingPage(page)
    await expect(tp.heading).toHaveText('Pelatihan kader')
    await tp.addButton.click()
    await expect(tp.heading).toHaveText('Catat pelatihan')

    await tp.title.fill('Pelatihan Kader Ibu Hamil Angkatan I')
    await tp.kind.selectOption({ label: 'Pelatihan' })
    await tp.startDate.fill('03-03-2025')
    await tp.endDate.fill('05-03-2025')
    await expect(page.locator('#t-end-long')).toHaveText('5 Maret 2025')
    await tp.place.fill('Aula Puskesmas Tangerang')
    await tp.facilitators.fill('Bidan Yuli\ndr. Rina')
    await snap(page, 'training-form-top')
    await tp.selectWholeGroup('C')
    await expect(tp.competency('C1')).toBeChecked()
    await expect(tp.competency('C5')).toBeChecked()
    await expect(tp.competency('B1')).not.toBeChecked()
    await expect(page.getByText('5 keterampilan dipilih: C1–C5')).toBeVisible()

    // Two whole Posyandu of the kelurahan, then the rest one by one from the third, found by name.
    await tp.village.selectOption({ label: village.name })
    await tp.posyandu.selectOption({ label: a.posyandu.name })
    await tp.expectResults(a.kader.length)
    await tp.addAll.click()
    await tp.posyandu.selectOption({ label: b.posyandu.name })
    await tp.expectResults(b.kader.length)
    await tp.addAll.click()
    let chosen = a.kader.length + b.kader.length
    await expect(tp.chosenCount).toHaveText(`${chosen} peserta terpilih`)

    await tp.posyandu.selectOption({ label: c.posyandu.name })
    const extra = c.kader.slice(0, Math.max(0, CLASS_SIZE - chosen))
    for (const k of extra) {
      await tp.kaderSearch.fill(k.name)
      await tp.kaderSearch.press('Enter')
      await tp.addButtonFor(k.name).click()
      chosen += 1
      await expect(tp.chosenCount).toHaveText(`${chosen} peserta terpilih`)
    }
    // A larger seed would overshoot: take the last ones off again, as a person would.
    for (const k of [...a.kader, ...b.kader].slice(CLASS_SIZE)) {
      await page.getByRole('button', { name: `Hapus ${k.name} dari peserta` }).click()
      chosen -= 1
    }
    await expect(tp.chosenCount).toHaveText(`${CLASS_SIZE} peserta terpilih`)
    await snap(page, 'training-form')
    await tp.save.click()

    await expect(tp.heading).toHaveText('Pelatihan Kader Ibu Hamil Angkatan I')
    await expect(tp.toasts).toContainText('Pelatihan “Pelatihan Kader Ibu Hamil Angkatan I” disimpan.')
    await expect(page.getByText('3–5 Maret 2025')).toBeVisible()
    const names = await tp.gridNames()
    expect(names).toHaveLength(CLASS_SIZE)
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'id', { sensitivity: 'base' })))
    const [first, second] = names as [string, string]

    // By keyboard only: Space ticks a day, arrows move between cells, typing fills a score.
    await tp.attendance(first, '3 Maret 2025').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(tp.preScore(first)).toBeFocused()
    await page.keyboard.type('60')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('85,5')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type('SRT/001')
    await page.keyboard.press('ArrowDown')
    await expect(tp.certificate(second)).toBeFocused()
    await page.keyboard.type('SRT/002')
    await page.getByRole('button', { name: 'Tandai semua peserta hadir pada 5 Maret 2025' }).focus()
    await page.keyboard.press('Enter')
    await expect(tp.attendance(second, '5 Maret 2025')).toBeChecked()
    await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible()
    await tp.certificate(second).focus()
    await page.keyboard.press('Control+s')
    await expect(tp.toasts).toContainText('Kehadiran dan nilai disimpan.')
    await expect(page.getByText('Ada perubahan yang belum disimpan.')).toHaveCount(0)
    await snap(page, 'training-results')

    await page.reload()
    await expect(tp.heading).toHaveText('Pelatihan Kader Ibu Hamil Angkatan I')
    await expect(tp.attendance(first, '3 Maret 2025')).toBeChecked()
    await expect(tp.attendance(first, '4 Maret 2025')).toBeChecked()
    await expect(tp.attendance(first, '5 Maret 2025')).toBeChecked()
    await expect(tp.attendance(second, '3 Maret 2025')).not.toBeChecked()
    await expect(tp.attendance(second, '5 Maret 2025')).toBeChecked()
    await expect(tp.preScore(first)).toHaveValue('60')
    await expect(tp.postScore(first)).toHaveValue('85,5')
    await expect(tp.certificate(first)).toHaveValue('SRT/001')
    await expect(tp.certificate(second)).toHaveValue('SRT/002')

    const after = await host.invoke<TrainingRow[]>('training:list', {})
    expect(after).toHaveLength(before.length + 1)
    const row = after.find((r) => r.title === 'Pelatihan Kader Ibu Hamil Angkatan I')!
    expect(row).toMatchObject({ kind: 'pelatihan', startDate: '2025-03-03', endDate: '2025-03-05', competencies: ['C1', 'C2', 'C3', 'C4', 'C5'], participantCount: CLASS_SIZE })
    const saved = await host.invoke<Training>('training:get', { id: row.id })
    expect(saved.facilitators).toEqual(['Bidan Yuli', 'dr. Rina'])
    expect(saved.participants.find((p) => p.name === first)).toMatchObject({
      attendance: ['2025-03-03', '2025-03-04', '2025-03-05'],
      preScore: 60,
      postScore: 85.5,
      certificateNumber: 'SRT/001',
    })
    expect(saved.participants.filter((p) => p.attendance.includes('2025-03-05'))).toHaveLength(CLASS_SIZE)

    // The list shows it with its dates, participants and skills.
    await page.getByRole('link', { name: 'Daftar pelatihan' }).click()
    await tp.search.fill('ibu hamil')
    const listed = tp.table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Pelatihan Kader Ibu Hamil Angkatan I/ }) })
    await expect(listed).toContainText('3–5 Maret 2025')
    await expect(listed).toContainText('Aula Puskesmas Tangerang')
    await expect(listed).toContainText('C1–C5')
    await expect(listed.getByRole('cell').nth(3)).toHaveText(String(CLASS_SIZE))
    await tp.search.fill('')
    await snap(page, 'training-list')
  })

  test('an end date before the start date is refused in Indonesian and nothing is saved', async ({ page, openApp, host }) => {
    const before = await host.invoke<TrainingRow[]>('training:list', {})
    await openApp('pelatihan/baru')
    const tp = new TrainingPage(page)
    await expect(tp.heading).toHaveText('Catat pelatihan')
    await tp.title.fill('Refreshing Kader Posyandu')
    await tp.kind.selectOption({ label: 'Refreshing (penyegaran)' })
    await tp.startDate.fill('05-03-2025')
    await tp.endDate.fill('03-03-2025')
    await expect(tp.errorOf(tp.endDate)).toHaveText('Tanggal selesai tidak boleh sebelum tanggal mulai.')

    await tp.save.click()
    await expect(page.getByText('Periksa isian yang ditandai merah.')).toBeVisible()
    await expect(tp.endDate).toBeFocused()
    await expect(tp.heading).toHaveText('Catat pelatihan')
    expect(await host.invoke<TrainingRow[]>('training:list', {})).toHaveLength(before.length)
  })

  test('the training list, form and attendance grid have no serious accessibility problems', async ({ page, openApp, host }) => {
    const kader = (await host.invoke<{ rows: KaderRow[] }>('kader:list', { status: 'aktif', limit: 5 })).rows
    const tr = await host.invoke<Training>('training:create', {
      title: 'Bimtek Pencatatan Posyandu',
      kind: 'bimtek',
      startDate: '2025-06-10',
      endDate: '2025-06-11',
      competencies: ['A2'],
      participantIds: kader.map((k) => k.id),
    })
    for (const [path, heading] of [
      ['pelatihan', 'Pelatihan kader'],
      ['pelatihan/baru', 'Catat pelatihan'],
      [`pelatihan/${tr.id}`, 'Bimtek Pencatatan Posyandu'],
    ] as const) {
      await openApp(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
      expect(await seriousViolations(page), path).toEqual([])
    }

    // A training entered ahead is a plan: days not yet come cannot be ticked, and the page says why.
    const day = (n: number) => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
      return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    }
    const long = (iso: string) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
    const running = await host.invoke<Training>('training:create', {
      title: 'Orientasi Kader Baru',
      kind: 'orientasi',
      startDate: day(-1),
      endDate: day(1),
      participantIds: kader.slice(0, 2).map((k) => k.id),
    })
    await openApp(`pelatihan/${running.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orientasi Kader Baru')
    await expect(page.getByTestId('results-ahead')).toHaveText(
      `Hari kegiatan mulai ${long(day(1))} belum tiba: kehadirannya dapat dicentang pada hari itu atau sesudahnya.`,
    )
    const first = kader[0]!.name
    await expect(page.getByRole('checkbox', { name: `${first} hadir ${long(day(1))}` })).toBeDisabled()
    await expect(page.getByRole('checkbox', { name: `${first} hadir ${long(day(0))}` })).toBeEnabled()
    await expect(page.getByRole('button', { name: `Tandai semua peserta hadir pada ${long(day(1))}` })).toBeDisabled()
    expect(await seriousViolations(page)).toEqual([])

    // Planned for next week: no assessment sheet yet, and the page says from when.
    const planned = await host.invoke<Training>('training:create', {
      title: 'Pelatihan Kader Lansia',
      kind: 'pelatihan',
      startDate: day(7),
      endDate: day(8),
      participantIds: kader.slice(0, 2).map((k) => k.id),
    })
    await openApp(`pelatihan/${planned.id}/penilaian`)
    await expect(page.getByTestId('assess-not-started')).toHaveText(
      `Pelatihan ini baru dimulai ${long(day(7))}. Penilaiannya dicatat pada hari pelatihan atau sesudahnya.`,
    )
    await expect(page.getByRole('grid')).toHaveCount(0)
  })
})
