import { expect, type Locator, type Page } from '@playwright/test'

/** The first-run screen: office level, area, name. */
export class SetupPage {
  readonly heading: Locator
  readonly areaSearch: Locator
  readonly options: Locator
  readonly officeName: Locator
  readonly submit: Locator
  readonly chosenArea: Locator
  /** The last look before the identity is made, and its "Ya, benar". */
  readonly confirm: Locator
  readonly confirmYes: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Selamat datang di Simpul Posyandu' })
    this.areaSearch = page.getByRole('combobox')
    this.options = page.getByRole('listbox').getByRole('option')
    this.officeName = page.getByLabel('Nama kantor')
    this.submit = page.getByRole('button', { name: 'Mulai memakai aplikasi' })
    this.chosenArea = page.locator('.chosen-area')
    this.confirm = page.getByRole('region', { name: 'Periksa sekali lagi' })
    this.confirmYes = this.confirm.getByRole('button', { name: 'Ya, benar' })
  }

  async expectShown() {
    await expect(this.heading).toBeVisible()
  }

  level(name: 'Kelurahan/Desa' | 'Puskesmas' | 'Kecamatan' | 'Kota/Kabupaten (Dinas)') {
    return this.page.getByRole('radio', { name: new RegExp(`^${name.replace(/[()/]/g, '\\$&')}`) })
  }

  option(text: string | RegExp) {
    return this.options.filter({ hasText: text })
  }

  async search(text: string) {
    await this.areaSearch.fill(text)
    await expect(this.options.first()).toBeVisible()
  }
}
