import { expect, type Locator, type Page } from '@playwright/test'

export type PreviewColumn = 'name' | 'nik' | 'sex' | 'birth' | 'address' | 'phone' | 'posyandu' | 'role' | 'other'

/** Impor dari Excel (#/kader/impor): the file, the sheet and columns, the check, the result. */
export class ImportPage {
  readonly heading: Locator
  readonly stepHeading: Locator
  readonly currentStep: Locator
  // step 1
  readonly file: Locator
  readonly read: Locator
  // step 2
  readonly sheet: Locator
  readonly headerRow: Locator
  readonly columns: Locator
  readonly toPreview: Locator
  // step 3
  readonly grid: Locator
  readonly rows: Locator
  readonly onlyProblems: Locator
  readonly save: Locator
  readonly backToColumns: Locator
  // step 4
  readonly result: Locator
  readonly openRoster: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.stepHeading = page.locator('#impor-step-title')
    this.currentStep = page.getByRole('list', { name: 'Langkah impor' }).locator('[aria-current="step"]')
    this.file = page.getByLabel('Berkas daftar kader (.xlsx atau .csv)')
    this.read = page.getByRole('button', { name: 'Baca berkas' })
    this.sheet = page.getByLabel('Lembar', { exact: true })
    this.headerRow = page.getByLabel('Baris judul kolom')
    this.columns = page.getByRole('table', { name: 'Pencocokan kolom' })
    this.toPreview = page.getByRole('button', { name: 'Lanjut ke pemeriksaan' })
    this.grid = page.getByRole('grid', { name: 'Pratinjau baris' })
    this.rows = this.grid.locator('[role="row"][data-index]')
    this.onlyProblems = page.getByRole('checkbox', { name: 'Hanya baris bermasalah' })
    this.save = page.getByRole('button', { name: /^Simpan [\d.]+ kader$/ })
    this.backToColumns = page.getByRole('button', { name: 'Kembali ke kolom' })
    this.result = page.locator('.impor-result')
    this.openRoster = page.getByRole('link', { name: 'Buka daftar kader' })
  }

  async open(baseUrl: string) {
    const url = new URL(baseUrl)
    url.hash = '#/kader/impor'
    await this.page.goto(url.toString())
    await expect(this.heading).toHaveText('Impor daftar kader dari Excel')
  }

  /** The select saying what column `letter` (headed `heading`) goes into. */
  columnField(letter: string, heading: string): Locator {
    return this.page.getByLabel(`Kolom ${letter} (${heading}) diisi ke`)
  }

  /** A count of the check ("Kader baru", "Diperbarui", "Bermasalah", "Peringatan", "Baris kosong") or of the result. */
  count(label: string): Locator {
    return this.page.locator('.impor-count').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd')
  }

  /** The select saying where the Posyandu named `name` in the file goes. */
  posyandu(name: string): Locator {
    return this.page.getByLabel(`Posyandu "${name}" masuk ke`, { exact: true })
  }

  /** The preview row of sheet row `n`. */
  row(n: number): Locator {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name: `Baris ${n}`, exact: true }) })
  }

  cell(n: number, column: PreviewColumn): Locator {
    return this.row(n).locator(`.impor-col-${column}`)
  }

  /** Moves the keyboard focus forward with Tab until `target` has it (a keyboard-only person's way). */
  async tabTo(target: Locator, max = 40) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return
      await this.page.keyboard.press('Tab')
    }
    await expect(target).toBeFocused()
  }
}
