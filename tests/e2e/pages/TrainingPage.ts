import { expect, type Locator, type Page } from '@playwright/test'

/** The training list, the training form (with its participant picker) and a training's page. */
export class TrainingPage {
  readonly heading: Locator
  readonly toasts: Locator
  // list
  readonly addButton: Locator
  readonly search: Locator
  readonly table: Locator
  // form
  readonly title: Locator
  readonly kind: Locator
  readonly startDate: Locator
  readonly endDate: Locator
  readonly place: Locator
  readonly facilitators: Locator
  readonly village: Locator
  readonly posyandu: Locator
  readonly kaderSearch: Locator
  readonly addAll: Locator
  readonly results: Locator
  readonly chosen: Locator
  readonly chosenCount: Locator
  readonly save: Locator
  // detail
  readonly grid: Locator
  readonly saveResults: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
    this.addButton = page.getByRole('link', { name: 'Catat pelatihan' })
    this.search = page.getByLabel('Cari judul atau tempat')
    this.table = page.getByRole('table', { name: 'Daftar pelatihan' })
    this.title = page.getByLabel('Nama kegiatan')
    this.kind = page.getByLabel('Jenis kegiatan')
    this.startDate = page.getByRole('textbox', { name: 'Tanggal mulai' })
    this.endDate = page.getByRole('textbox', { name: 'Tanggal selesai' })
    this.place = page.getByRole('textbox', { name: 'Tempat (tidak wajib)' })
    this.facilitators = page.getByLabel('Fasilitator / narasumber')
    this.village = page.getByLabel('Kelurahan/desa')
    this.posyandu = page.getByLabel('Posyandu', { exact: true })
    this.kaderSearch = page.getByLabel('Cari nama atau NIK kader')
    this.addAll = page.getByRole('button', { name: /^Tambah semua hasil/ })
    this.results = page.getByRole('list', { name: 'Hasil pencarian kader' })
    this.chosen = page.getByRole('list', { name: 'Peserta terpilih' })
    this.chosenCount = page.getByTestId('chosen-count')
    this.save = page.getByRole('button', { name: 'Simpan', exact: true })
    this.grid = page.getByRole('table', { name: 'Kehadiran dan nilai' })
    this.saveResults = page.getByRole('button', { name: 'Simpan kehadiran & nilai' })
  }

  competency(code: string) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${code} `) })
  }

  selectWholeGroup(code: string) {
    return this.page.getByRole('button', { name: `Pilih semua kelompok ${code}` }).click()
  }

  /** Waits until the results show exactly `n` kader (the answer for the filters just chosen). */
  async expectResults(n: number) {
    await expect(this.page.getByText(`${n} kader ditemukan`, { exact: true })).toBeVisible()
    await expect(this.addAll).toBeEnabled()
  }

  addButtonFor(name: string) {
    return this.page.getByRole('button', { name: `Tambah ${name} sebagai peserta` })
  }

  /** The message under a form field. */
  errorOf(field: Locator) {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error').first()
  }

  attendance(name: string, date: string) {
    return this.grid.getByRole('checkbox', { name: `${name} hadir ${date}` })
  }

  preScore(name: string) {
    return this.grid.getByRole('textbox', { name: `Nilai pre-test ${name}` })
  }

  postScore(name: string) {
    return this.grid.getByRole('textbox', { name: `Nilai post-test ${name}` })
  }

  certificate(name: string) {
    return this.grid.getByRole('textbox', { name: `Nomor sertifikat ${name}` })
  }

  /** Participant names in the grid, top to bottom. */
  async gridNames(): Promise<string[]> {
    return this.grid.locator('tbody th[scope="row"] a').allTextContents()
  }
}
