import { expect, type Locator, type Page } from '@playwright/test'

/** The kader roster, a kader's page and the kader form. */
export class KaderPage {
  // roster
  readonly search: Locator
  readonly filterPosyandu: Locator
  readonly filterStatus: Locator
  readonly filterSpm: Locator
  readonly sort: Locator
  readonly archiveToggle: Locator
  readonly total: Locator
  readonly grid: Locator
  readonly rows: Locator
  readonly addButton: Locator
  // form
  readonly nik: Locator
  readonly name: Locator
  readonly birthPlace: Locator
  readonly birthDate: Locator
  readonly phone: Locator
  readonly posyandu: Locator
  readonly role: Locator
  readonly status: Locator
  readonly statusSince: Locator
  readonly statusNote: Locator
  readonly save: Locator
  // detail
  readonly heading: Locator
  readonly toasts: Locator

  constructor(readonly page: Page) {
    this.search = page.getByLabel('Cari nama atau NIK')
    this.filterPosyandu = page.locator('#kader-filter-posyandu')
    this.filterStatus = page.locator('#kader-filter-status')
    this.filterSpm = page.locator('#kader-filter-spm')
    this.sort = page.getByLabel('Urutkan')
    this.archiveToggle = page.getByRole('checkbox', { name: 'Arsip' })
    this.total = page.locator('.roster-total')
    this.grid = page.getByRole('grid', { name: 'Daftar kader' })
    this.rows = this.grid.locator('.roster-body [role="row"][aria-rowindex]')
    this.addButton = page.getByRole('link', { name: 'Tambah kader' })
    this.nik = page.getByLabel('NIK', { exact: true })
    this.name = page.getByLabel('Nama lengkap')
    this.birthPlace = page.getByLabel('Tempat lahir')
    this.birthDate = page.getByRole('textbox', { name: 'Tanggal lahir' })
    this.phone = page.getByLabel('Nomor HP')
    this.posyandu = page.locator('#k-posyandu')
    this.role = page.getByLabel('Jabatan')
    this.status = page.locator('#k-status')
    this.statusSince = page.getByRole('textbox', { name: 'Berlaku sejak' })
    this.statusNote = page.getByLabel('Keterangan status')
    this.save = page.getByRole('button', { name: 'Simpan' })
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
  }

  sex(label: 'Laki-laki' | 'Perempuan') {
    return this.page.getByRole('group', { name: 'Jenis kelamin' }).getByRole('radio', { name: label })
  }

  spm(label: string) {
    return this.page.getByRole('group', { name: 'Bidang SPM yang dilayani' }).getByRole('checkbox', { name: label })
  }

  columnHeader(name: RegExp | string) {
    return this.grid.getByRole('columnheader', { name })
  }

  /** The message under a form field. */
  errorOf(field: Locator) {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error').first()
  }

  rowNamed(name: string) {
    return this.rows.filter({ hasText: name })
  }

  /** Names of the rows currently drawn, top to bottom. */
  async visibleNames(): Promise<string[]> {
    await expect(this.rows.first().locator('.row-name')).toBeVisible()
    const rows = await this.rows.all()
    const items = await Promise.all(
      rows.map(async (r) => ({ i: Number(await r.getAttribute('aria-rowindex')), name: (await r.locator('.row-name').textContent()) ?? '' })),
    )
    return items.sort((a, b) => a.i - b.i).map((x) => x.name)
  }

  async expectTotal(text: string) {
    await expect(this.total).toHaveText(text)
  }

  async openRoster() {
    await this.page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kader', exact: true }).click()
    await expect(this.heading).toHaveText('Kader')
  }
}
