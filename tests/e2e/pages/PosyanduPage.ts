import { expect, type Locator, type Page } from '@playwright/test'

/** The Posyandu list and its form. */
export class PosyanduPage {
  readonly addButton: Locator
  readonly table: Locator
  readonly name: Locator
  readonly village: Locator
  readonly rw: Locator
  readonly address: Locator
  readonly puskesmas: Locator
  readonly schedule: Locator
  readonly save: Locator
  readonly cancel: Locator

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('link', { name: 'Tambah Posyandu' })
    // The Posyandu table, not the Pustu one below it.
    this.table = page.getByRole('table', { name: 'Posyandu', exact: true })
    this.name = page.getByLabel('Nama Posyandu')
    this.village = page.getByLabel('Kelurahan/Desa')
    this.rw = page.locator('#p-rw')
    this.address = page.getByLabel('Alamat')
    this.puskesmas = page.getByLabel('Puskesmas pembina')
    this.schedule = page.getByLabel('Jadwal buka')
    this.save = page.getByRole('button', { name: 'Simpan' })
    this.cancel = page.getByRole('button', { name: 'Batal' })
  }

  spm(label: string) {
    return this.page.getByRole('group', { name: 'Bidang SPM yang dilayani' }).getByRole('checkbox', { name: label })
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) })
  }

  /** The message shown under a field (its aria-describedby error text). */
  errorOf(field: Locator) {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error')
  }

  async expectList() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Posyandu' })).toBeVisible()
  }
}
