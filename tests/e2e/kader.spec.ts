import type { Kader, KaderRow, Posyandu } from '../../shared/contract'
import { test, expect, snap, type WebHost } from './fixtures'
import { KaderPage } from './pages/KaderPage'

test.use({ seed: 'roster' })

// Kec. Tangerang (36.71.01), born 12 March 2005, a woman (day + 40 = 52), serial 0999.
const NEW_NIK = '3671015203050999'

async function roster(host: WebHost, input: Record<string, unknown> = {}) {
  return host.invoke<{ total: number; rows: KaderRow[] }>('kader:list', { limit: 500, ...input })
}

async function someKader(host: WebHost, pick: (r: KaderRow) => boolean = () => true): Promise<Kader> {
  const row = (await roster(host)).rows.find(pick)
  if (!row) throw new Error('no kader matches')
  return host.invoke<Kader>('kader:get', { id: row.id })
}

test.describe('kader roster', () => {
  test('adds a kader, helped by the data inside the NIK', async ({ page, openApp, host }) => {
    await openApp('kader')
    const k = new KaderPage(page)
    await k.expectTotal('30 kader')
    await k.addButton.click()
    await expect(k.heading).toHaveText('Kader baru')

    await k.nik.fill(NEW_NIK.slice(0, 10))
    await expect(page.getByText('10 dari 16 angka')).toBeVisible()
    await k.nik.fill(NEW_NIK)
    await expect(page.getByTestId('nik-derived')).toHaveText('Menurut NIK: lahir 12 Maret 2005, perempuan, Kec. Tangerang')
    await page.getByRole('button', { name: 'Isi tanggal lahir dan jenis kelamin dari NIK' }).click()
    await expect(k.birthDate).toHaveValue('12-03-2005')
    await expect(k.sex('Perempuan')).toBeChecked()
    await expect(page.locator('#k-birthDate-long')).toHaveText('12 Maret 2005')

    await k.name.fill('Siti Aminah')
    await k.birthPlace.fill('Tangerang')
    await k.phone.fill('081234567890')
    await expect(page.getByText('Akan disimpan sebagai 0812-3456-7890')).toBeVisible()
    await k.posyandu.selectOption({ label: 'Posyandu Tulip 03' })
    await k.spm('Kesehatan').check()
    await k.spm('Sosial').check()
    await snap(page, 'kader-form-filled')
    await k.save.click()

    await expect(k.heading).toHaveText('Siti Aminah')
    await expect(k.toasts).toContainText('Data Siti Aminah disimpan.')
    await expect(page.getByTestId('kader-nik')).toHaveText('367101******0999')
    await page.getByRole('button', { name: 'Tampilkan' }).click()
    await expect(page.getByTestId('kader-nik')).toHaveText(NEW_NIK)
    await expect(page.getByText('Tangerang, 12 Maret 2005')).toBeVisible()
    await expect(page.getByText('0812-3456-7890')).toBeVisible()

    await k.openRoster()
    await k.expectTotal('31 kader')
    const saved = await someKader(host, (r) => r.name === 'Siti Aminah')
    expect(saved).toMatchObject({ nik: NEW_NIK, sex: 'P', birthDate: '2005-03-12', phone: '+6281234567890', spmFields: ['kesehatan', 'sosial'] })
  })

  test('an invalid NIK shows what is wrong with it, in Indonesian, and is not saved', async ({ page, openApp }) => {
    await openApp('kader/baru')
    const k = new KaderPage(page)
    await k.nik.fill('36710A')
    await expect(k.errorOf(k.nik)).toHaveText('NIK harus 16 angka, tanpa spasi atau huruf.')
    // Day 32 of month 13 is not a date.
    await k.nik.fill('3671013213050001')
    await expect(k.errorOf(k.nik)).toHaveText(/Angka tanggal lahir di dalam NIK \(digit 7–12\) bukan tanggal yang ada/)
    // 99.99.99 is not a kecamatan: only the core's area list knows.
    await k.nik.fill('9999991203050001')
    await expect(k.errorOf(k.nik)).toHaveText(/Kode kecamatan di awal NIK \(6 digit pertama\) tidak ada/)

    await k.save.click()
    await expect(k.nik).toBeFocused()
    await expect(page.getByText('Periksa isian yang ditandai merah.')).toBeVisible()
    await expect(k.errorOf(k.name)).toHaveText('Nama lengkap wajib diisi.')
    await expect(k.heading).toHaveText('Kader baru')
  })

  test('a duplicate NIK is refused with a link to the kader who holds it', async ({ page, openApp, host }) => {
    const existing = await someKader(host)
    await openApp('kader/baru')
    const k = new KaderPage(page)
    await k.nik.fill(existing.nik)
    await expect(k.errorOf(k.nik)).toContainText(`NIK ini sudah dipakai ${existing.name}`)
    await k.name.fill('Orang Lain')
    await k.save.click()
    await expect(k.heading).toHaveText('Kader baru')
    await expect(k.nik).toBeFocused()
    await page.getByRole('link', { name: `Buka data ${existing.name}` }).click()
    // What was typed would be lost: the form asks first.
    await page.getByRole('dialog', { name: 'Buang perubahan?' }).getByRole('button', { name: 'Buang perubahan' }).click()
    await expect(k.heading).toHaveText(existing.name)
    expect((await roster(host)).total).toBe(30)
  })

  test('a NIK that disagrees with the birth date is a warning, and the kader is still saved', async ({ page, openApp, host }) => {
    const posyandu = await host.invoke<Posyandu[]>('posyandu:list', { includeInactive: true })
    await openApp('kader/baru')
    const k = new KaderPage(page)
    await k.nik.fill(NEW_NIK)
    await k.name.fill('Dewi Lestari')
    await k.sex('Perempuan').check()
    await k.birthDate.fill('13 Mar 2005')
    await expect(page.locator('#k-birthDate-long')).toHaveText('13 Maret 2005')
    const warning = page.getByTestId('nik-warnings')
    await expect(warning).toContainText('Tanggal lahir tidak sama dengan tanggal di dalam NIK')
    await expect(k.errorOf(k.nik)).toHaveCount(0)
    await k.posyandu.selectOption(posyandu[0]!.id)
    await k.spm('Kesehatan').check()
    await snap(page, 'kader-form-warning')
    await k.save.click()
    await expect(k.heading).toHaveText('Dewi Lestari')
    await expect(k.toasts).toContainText('Data Dewi Lestari disimpan dengan catatan')
    const saved = await someKader(host, (r) => r.name === 'Dewi Lestari')
    expect(saved.birthDate).toBe('2005-03-13')
  })

  test('searches by part of a name and by a whole NIK', async ({ page, openApp, host }) => {
    const target = await someKader(host)
    const word = target.name.split(' ')[0]!
    const expected = (await roster(host, { query: word })).total
    await openApp('kader')
    const k = new KaderPage(page)
    await k.search.fill(word)
    await k.expectTotal(`${expected} kader`)
    for (const name of await k.visibleNames()) expect(name.toLowerCase()).toContain(word.toLowerCase())

    await k.search.fill(target.nik)
    await k.expectTotal('1 kader')
    expect(await k.visibleNames()).toEqual([target.name])

    await k.search.fill('zzzz tidak ada')
    await k.expectTotal('0 kader')
    await expect(page.getByText('Tidak ada kader yang cocok dengan pencarian atau saringan ini.')).toBeVisible()
    await page.getByRole('button', { name: 'Hapus pencarian dan saringan' }).click()
    await k.expectTotal('30 kader')
  })

  test('filters by Posyandu, by status and by SPM field', async ({ page, openApp, host }) => {
    const posyandu = await host.invoke<Posyandu[]>('posyandu:list', { includeInactive: true })
    const p = posyandu[0]!
    await openApp('kader')
    const k = new KaderPage(page)

    await k.filterPosyandu.selectOption({ label: p.name })
    const byPosyandu = await roster(host, { posyanduId: p.id })
    await k.expectTotal(`${byPosyandu.total} kader`)
    await expect(k.rows.filter({ hasNotText: p.name })).toHaveCount(0)

    await k.filterPosyandu.selectOption({ label: 'Semua' })
    await k.filterStatus.selectOption({ label: 'Meninggal' })
    const dead = await roster(host, { status: 'meninggal' })
    expect(dead.total).toBeGreaterThan(0)
    await k.expectTotal(`${dead.total} kader`)
    expect((await k.visibleNames()).sort()).toEqual(dead.rows.map((r) => r.name).sort())

    await k.filterStatus.selectOption({ label: 'Semua' })
    await k.filterSpm.selectOption({ label: 'Trantibumlinmas' })
    const tr = await roster(host, { spmField: 'trantibumlinmas' })
    await k.expectTotal(`${tr.total} kader`)
    expect((await k.visibleNames()).sort()).toEqual(tr.rows.map((r) => r.name).sort())

    // Filters combine.
    await k.filterStatus.selectOption({ label: 'Aktif' })
    const both = await roster(host, { spmField: 'trantibumlinmas', status: 'aktif' })
    await k.expectTotal(`${both.total} kader`)
  })

  test('sorts by clicking the column headers, and says so to assistive tech', async ({ page, openApp, host }) => {
    await openApp('kader')
    const k = new KaderPage(page)
    const nameHeader = k.columnHeader(/Nama/)
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    const asc = (await roster(host, { sortBy: 'name', sortDir: 'asc' })).rows.map((r) => r.name)
    expect((await k.visibleNames()).slice(0, 5)).toEqual(asc.slice(0, 5))

    await nameHeader.getByRole('button').click()
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    const desc = (await roster(host, { sortBy: 'name', sortDir: 'desc' })).rows.map((r) => r.name)
    await expect(k.rows.first().locator('.row-name')).toHaveText(desc[0]!)
    expect((await k.visibleNames()).slice(0, 5)).toEqual(desc.slice(0, 5))

    const birthHeader = k.columnHeader(/Umur/)
    await birthHeader.getByRole('button').click()
    await expect(birthHeader).toHaveAttribute('aria-sort', 'ascending')
    await expect(nameHeader).toHaveAttribute('aria-sort', 'none')
    const oldest = (await roster(host, { sortBy: 'birthDate', sortDir: 'asc' })).rows[0]!
    await expect(k.rows.first().locator('.row-name')).toHaveText(oldest.name)

    await k.sort.selectOption({ label: 'Terakhir diubah (turun)' })
    const recent = (await roster(host, { sortBy: 'updatedAt', sortDir: 'desc' })).rows[0]!
    await expect(k.rows.first().locator('.row-name')).toHaveText(recent.name)
  })

  test('moves through the list with the keyboard and opens a kader with Enter', async ({ page, openApp, host }) => {
    const names = (await roster(host)).rows.map((r) => r.name)
    await openApp('kader')
    const k = new KaderPage(page)
    // Each key waits for the focus to reach the row it moved to: a key pressed before that goes
    // to the row (or the page) the focus is still on.
    await expect(k.rows.first().locator('.row-name')).toHaveText(names[0]!)
    await page.keyboard.press('/')
    await expect(k.search).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(k.rows.first()).toBeFocused()
    const selected = page.locator('[role="row"][aria-selected="true"]')
    for (const name of [names[1]!, names[2]!]) {
      await page.keyboard.press('ArrowDown')
      await expect(selected.locator('.row-name')).toHaveText(name)
      await expect(selected).toBeFocused()
    }
    await page.keyboard.press('Enter')
    await expect(k.heading).toHaveText(names[2]!)
    await page.getByRole('link', { name: 'Kembali ke daftar kader' }).click()
    await expect(selected.locator('.row-name')).toHaveText(names[2]!)
    await page.keyboard.press('n')
    await expect(k.heading).toHaveText('Kader baru')
  })

  test('edits a kader, and a status change lands in the dated history', async ({ page, openApp, host }) => {
    const target = await someKader(host, (r) => r.status === 'aktif')
    await openApp(`kader/${target.id}`)
    const k = new KaderPage(page)
    await page.getByRole('link', { name: 'Ubah' }).click()
    await expect(k.heading).toHaveText(`Ubah data kader: ${target.name}`)
    await expect(k.nik).toHaveValue(target.nik)

    await k.phone.fill('+62 813 1111 2222')
    await expect(k.statusSince).toHaveCount(0)
    await k.status.selectOption({ label: 'Pindah' })
    await expect(page.getByText('Status berubah.')).toBeVisible()
    await k.statusSince.fill('1/11/2025')
    await expect(page.locator('#k-statusDate-long')).toHaveText('1 November 2025')
    await k.statusNote.fill('Pindah ke Kelurahan Cikokol')
    await snap(page, 'kader-form-status')
    await k.phone.press('Control+s')

    await expect(k.heading).toHaveText(target.name)
    await expect(page.getByText('0813-1111-2222')).toBeVisible()
    const history = page.getByRole('list', { name: 'Riwayat status' }).getByRole('listitem')
    await expect(history).toHaveCount(target.statusHistory.length + 1)
    await expect(history.first()).toContainText('Pindah')
    await expect(history.first()).toContainText('sejak 1 November 2025')
    await expect(history.first()).toContainText('Pindah ke Kelurahan Cikokol')
    await snap(page, 'kader-detail-history')
    const after = await host.invoke<Kader>('kader:get', { id: target.id })
    expect(after).toMatchObject({ status: 'pindah', statusDate: '2025-11-01', phone: '+6281311112222' })
  })

  test('asks before throwing away unsaved changes on Esc', async ({ page, openApp, host }) => {
    const target = await someKader(host)
    await openApp(`kader/${target.id}/ubah`)
    const k = new KaderPage(page)
    await k.name.fill(`${target.name} X`)
    await k.name.press('Escape')
    const dialog = page.getByRole('dialog', { name: 'Buang perubahan?' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Lanjutkan mengisi' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(k.name).toHaveValue(`${target.name} X`)
    await k.name.press('Escape')
    await dialog.getByRole('button', { name: 'Buang perubahan' }).click()
    await expect(k.heading).toHaveText(target.name)
  })

  test('asks before leaving a form with unsaved changes through the navigation', async ({ page, openApp, host }) => {
    const target = await someKader(host)
    await openApp(`kader/${target.id}/ubah`)
    const k = new KaderPage(page)
    await k.name.fill(`${target.name} Y`)
    const nav = page.getByRole('navigation', { name: 'Menu utama' })
    await nav.getByRole('link', { name: 'Posyandu', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Buang perubahan?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Lanjutkan mengisi' }).click()
    await expect(k.name).toHaveValue(`${target.name} Y`)
    await nav.getByRole('link', { name: 'Posyandu', exact: true }).click()
    await dialog.getByRole('button', { name: 'Buang perubahan' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posyandu')
    expect((await host.invoke<{ name: string }>('kader:get', { id: target.id })).name).toBe(target.name)
  })

  test('archives a kader, then undoes it from the notice', async ({ page, openApp, host }) => {
    const target = await someKader(host)
    await openApp(`kader/${target.id}`)
    const k = new KaderPage(page)
    await page.getByRole('button', { name: 'Arsipkan' }).click()
    await expect(k.heading).toHaveText('Kader')
    await expect(k.toasts).toContainText(`Kader ${target.name} diarsipkan.`)
    await k.expectTotal('29 kader')
    await expect(k.rowNamed(target.name)).toHaveCount(0)
    await snap(page, 'kader-archived-toast')

    await k.toasts.getByRole('button', { name: 'Urungkan' }).click()
    await expect(k.toasts).toContainText(`Kader ${target.name} dikembalikan ke daftar.`)
    await k.expectTotal('30 kader')
    await expect(k.rowNamed(target.name)).toHaveCount(1)
  })

  test('an archived kader is found under Arsip and can be restored there', async ({ page, openApp, host }) => {
    const target = await someKader(host)
    await host.invoke('kader:archive', { id: target.id })
    await openApp('kader')
    const k = new KaderPage(page)
    await k.expectTotal('29 kader')
    await k.archiveToggle.check()
    await k.expectTotal('1 kader di arsip')
    await k.rowNamed(target.name).click()
    await expect(page.getByText('Kader ini ada di arsip')).toBeVisible()
    await page.getByRole('button', { name: 'Pulihkan dari arsip' }).click()
    await expect(k.toasts).toContainText(`Kader ${target.name} dikembalikan ke daftar.`)
    await expect(page.getByRole('button', { name: 'Arsipkan' })).toBeVisible()
    expect((await roster(host)).total).toBe(30)
  })

  test('the data is still there after the web host restarts', async ({ page, openApp, host }) => {
    await openApp('kader/baru')
    const k = new KaderPage(page)
    await k.nik.fill(NEW_NIK)
    await page.getByRole('button', { name: 'Isi tanggal lahir dan jenis kelamin dari NIK' }).click()
    await k.name.fill('Rina Marlina')
    await k.posyandu.selectOption({ index: 1 })
    await k.spm('Kesehatan').check()
    await k.save.click()
    await expect(k.heading).toHaveText('Rina Marlina')

    await host.restart()
    await openApp('kader')
    await k.expectTotal('31 kader')
    await k.search.fill('Rina Marlina')
    await k.expectTotal('1 kader')
    await k.rows.first().click()
    await expect(k.heading).toHaveText('Rina Marlina')
    await expect(page.getByText('12 Maret 2005')).toBeVisible()
  })
})
