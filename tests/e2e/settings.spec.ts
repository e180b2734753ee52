import { test, expect } from './fixtures'

test.use({ seed: 'roster' })

test.describe('Pengaturan', () => {
  test('switches the app to English and keeps it after a reload', async ({ page, openApp }) => {
    await openApp('pengaturan')
    await page.getByRole('radio', { name: 'English' }).check()
    await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await page.getByRole('link', { name: 'Kader', exact: true }).click()
    await expect(page.locator('.roster-total')).toHaveText('30 kader')
    await expect(page.getByRole('columnheader', { name: /Name/ })).toBeVisible()
    await page.goto(page.url().replace(/#.*$/, '#/pengaturan'))
    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check()
    await expect(page.getByRole('link', { name: 'Beranda' })).toBeVisible()
  })

  test('a higher minimum of active kader lists the Posyandu below it on Beranda', async ({ page, openApp }) => {
    await openApp()
    await expect(page.getByText('Semua Posyandu aktif sudah memiliki kader aktif sesuai batas minimum.')).toBeVisible()
    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByLabel('Kader aktif minimum per Posyandu').fill('9')
    await page.getByRole('region', { name: 'Batas minimum kader' }).getByRole('button', { name: 'Simpan' }).click()
    await expect(page.getByRole('region', { name: 'Pemberitahuan' })).toContainText('Pengaturan disimpan.')
    await page.getByRole('link', { name: 'Beranda' }).click()
    const list = page.locator('.below-min li')
    await expect(list.first()).toBeVisible()
    await expect(page.getByText('Batas minimum saat ini 9 kader aktif per Posyandu')).toBeVisible()
    await list.first().getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kader')
    await expect(page.locator('#kader-filter-posyandu')).not.toHaveValue('')
  })

  test('shows the office, the app version and the area data credits', async ({ page, openApp, host }) => {
    const info = await host.invoke<{ appVersion: string }>('app:info', {})
    await openApp('pengaturan')
    await expect(page.getByTestId('app-version')).toHaveText(info.appVersion)
    await expect(page.getByText('Data wilayah: idn-area-data (kode MIT, data ODbL)')).toBeVisible()
    await expect(page.locator('.dl-item').filter({ hasText: 'Kode wilayah' })).toContainText('36.71.01.1001')
  })
})
