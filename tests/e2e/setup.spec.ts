import { test, expect, snap } from './fixtures'
import { SetupPage } from './pages/SetupPage'
import { seriousViolations } from './axe'

test.describe('first-run setup', () => {
  test('sets up a kelurahan office by searching its name and choosing from the results', async ({ page, openApp, host }) => {
    // The page asks the server for nothing it lacks (the preview once logged a 404 for /favicon.ico).
    const missing: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`)
    })
    await openApp()
    const setup = new SetupPage(page)
    await setup.expectShown()
    await expect(page.getByRole('navigation', { name: 'Menu utama' })).toHaveCount(0)
    await expect(setup.level('Kelurahan/Desa')).toBeChecked()

    expect(missing).toEqual([])
    await setup.search('Sukarasa')
    // Eight villages are called Sukarasa: each result names its kecamatan, kota/kabupaten and province.
    await expect(setup.options).toHaveCount(8)
    const ours = setup.option('Kec. Tangerang, Kota Tangerang')
    await expect(ours).toHaveCount(1)
    await expect(ours).toContainText('Sukarasa — Kec. Tangerang, Kota Tangerang, Banten')
    await expect(ours).toContainText('36.71.01.1001')
    await snap(page, 'setup-search')
    // Words are matched across the names above the village: "Sukarasa Tangerang" puts ours first.
    await setup.areaSearch.fill('Sukarasa Tangerang')
    await expect(setup.options.first()).toContainText('Sukarasa — Kec. Tangerang, Kota Tangerang, Banten')
    await expect(setup.options.first()).toHaveAttribute('aria-selected', 'true')
    await setup.options.first().click()

    await expect(setup.chosenArea).toContainText('Sukarasa')
    await expect(setup.chosenArea).toContainText('36.71.01.1001')
    await expect(setup.officeName).toHaveValue('Kelurahan Sukarasa')
    await setup.submit.click()
    // One more look before the identity is made; "Kembali" returns to the form as it was.
    await expect(setup.confirm).toContainText('Anda akan membuat kantor untuk Kelurahan Sukarasa, Kec. Tangerang, Kota Tangerang, Banten. Benar?')
    await expect(setup.confirmYes).toBeFocused()
    expect(await seriousViolations(page), 'the confirmation').toEqual([])
    await setup.confirm.getByRole('button', { name: 'Kembali dan ganti' }).click()
    await expect(setup.submit).toBeFocused()
    await expect(setup.chosenArea).toContainText('36.71.01.1001')
    expect(await host.invoke('site:get', {})).toBeNull()
    await setup.submit.click()
    await setup.confirmYes.click()

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
    await expect(page.locator('.office-name')).toHaveText('Kelurahan Sukarasa')
    await expect(page.locator('.office-area')).toContainText('Kota Tangerang')
    const site = await host.invoke<{ level: string; areaCode: string; name: string }>('site:get', {})
    expect(site).toMatchObject({ level: 'kelurahan', areaCode: '36.71.01.1001', name: 'Kelurahan Sukarasa' })

    // A new office is shown how to join its region, nothing ticked yet; the empty Beranda still offers a Posyandu.
    const gabung = page.getByRole('region', { name: 'Bergabung dengan wilayah' })
    await expect(gabung).toContainText('0 dari 3 langkah selesai')
    await expect(gabung.getByRole('link', { name: 'Buka Terima' })).toHaveAttribute('href', '#/paket/terima')
    await expect(page.getByRole('link', { name: 'Tambah Posyandu' })).toBeVisible()
    expect(await seriousViolations(page), 'Beranda with the checklist').toEqual([])
    await snap(page, 'beranda-gabung')

    // The wrong village can be undone until the first paket leaves: Pengaturan → Ganti wilayah kantor.
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByRole('button', { name: 'Ganti wilayah kantor' }).click()
    await page.getByRole('combobox').fill('Sukarasa Bandung')
    await expect(page.getByRole('option').first()).toContainText('Sukarasa — Kec. ')
    await expect(page.getByRole('option').first()).toContainText('Kota Bandung, Jawa Barat')
    await page.getByRole('option').first().click()
    await page.getByRole('button', { name: 'Simpan wilayah baru' }).click()
    await expect(setup.confirm).toContainText(/Anda akan membuat kantor untuk Kelurahan Sukarasa, Kec\. .+, Kota Bandung, Jawa Barat\. Benar\?/)
    await setup.confirmYes.click()
    await expect(page.getByText(/Wilayah kantor diganti: Kelurahan Sukarasa, .+Kota Bandung/)).toBeVisible()
    await expect(page.locator('.office-area')).toContainText('Kota Bandung')
    expect((await host.invoke<{ areaCode: string }>('site:get', {})).areaCode).toMatch(/^32\.73\./)
    await expect(page.getByRole('button', { name: 'Ganti wilayah kantor' })).toBeFocused()
  })

  test('sets up a kelurahan office with the keyboard only, finding it by its code', async ({ page, openApp }) => {
    await openApp()
    const setup = new SetupPage(page)
    await expect(setup.heading).toBeFocused()

    await page.keyboard.press('Tab')
    await expect(setup.level('Kelurahan/Desa')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(setup.areaSearch).toBeFocused()
    await page.keyboard.type('36.71.01.1001')
    await expect(setup.areaSearch).toHaveAttribute('aria-expanded', 'true')
    const active = page.locator('[role="option"][aria-selected="true"]')
    await expect(active).toContainText('Sukarasa')
    await expect(setup.areaSearch).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!)
    await page.keyboard.press('Enter')

    await expect(setup.chosenArea).toContainText('Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten')
    // Focus lands on "Ganti" (moved there just after the choice renders); the next Tab is the
    // office name, and Enter there sends the form.
    await expect(setup.chosenArea.getByRole('button')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(setup.officeName).toBeFocused()
    await expect(setup.officeName).toHaveValue('Kelurahan Sukarasa')
    await page.keyboard.press('Enter')
    await expect(setup.confirmYes).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
    await expect(page.locator('.office-name')).toHaveText('Kelurahan Sukarasa')
  })

  test('moves through the search results with the arrow keys', async ({ page, openApp }) => {
    await openApp()
    const setup = new SetupPage(page)
    await setup.search('Sukarasa')
    const first = await setup.options.nth(0).getAttribute('id')
    const second = await setup.options.nth(1).getAttribute('id')
    await expect(setup.areaSearch).toHaveAttribute('aria-activedescendant', first!)
    await setup.areaSearch.press('ArrowDown')
    await expect(setup.areaSearch).toHaveAttribute('aria-activedescendant', second!)
    await setup.areaSearch.press('ArrowUp')
    await expect(setup.areaSearch).toHaveAttribute('aria-activedescendant', first!)
    await setup.areaSearch.press('Escape')
    await expect(setup.areaSearch).toHaveAttribute('aria-expanded', 'false')
  })

  test('refuses to start without an area and says so next to the field, in Indonesian', async ({ page, openApp }) => {
    await openApp()
    const setup = new SetupPage(page)
    await setup.submit.click()
    await expect(page.getByText('Pilih wilayah dari hasil pencarian atau dari daftar wilayah.')).toBeVisible()
    await expect(setup.areaSearch).toBeFocused()
    await expect(setup.areaSearch).toHaveAttribute('aria-invalid', 'true')
  })

  test('sets up a kelurahan office by browsing the area list', async ({ page, openApp }) => {
    await openApp()
    const setup = new SetupPage(page)
    await page.getByRole('button', { name: 'Atau pilih dari daftar wilayah' }).click()
    for (const name of ['Banten', 'Kota Tangerang', 'Tangerang', 'Sukarasa']) {
      await page.locator('.browse-grid').getByRole('button', { name: new RegExp(`^${name} \\d`) }).click()
    }
    await expect(setup.chosenArea).toContainText('36.71.01.1001')
    await expect(setup.officeName).toHaveValue('Kelurahan Sukarasa')
  })

  test('sets up a Puskesmas that covers all but one village of its kecamatan', async ({ page, openApp, host }) => {
    await openApp()
    const setup = new SetupPage(page)
    await setup.level('Puskesmas').check()
    await expect(page.getByRole('combobox', { name: 'Cari kecamatan tempat Puskesmas' })).toBeVisible()
    await setup.search('36.71.01')
    await setup.option('Kota Tangerang').first().click()
    await expect(setup.officeName).toHaveValue('Puskesmas Tangerang')
    const villages = page.getByRole('group', { name: /Kelurahan\/desa yang dibina/ }).getByRole('checkbox')
    await expect(villages.first()).toBeChecked()
    const count = await villages.count()
    expect(count).toBeGreaterThan(1)
    await villages.first().uncheck()
    await snap(page, 'setup-puskesmas')
    await setup.submit.click()
    await expect(setup.confirm).toContainText(`Kelurahan/desa yang dibina: ${count - 1}`)
    await setup.confirmYes.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beranda')
    const site = await host.invoke<{ level: string; coveredVillages: unknown[] }>('site:get', {})
    expect(site.level).toBe('puskesmas')
    expect(site.coveredVillages).toHaveLength(count - 1)
  })
})
