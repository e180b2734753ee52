import { expect, type Locator, type Page } from '@playwright/test'

/** The competency matrix, the training-needs page, the catalogue, the class grid and a kader's competency section. */
export class CompetencyPage {
  // matrix
  readonly matrix: Locator
  readonly matrixRows: Locator
  readonly total: Locator
  readonly search: Locator
  readonly filterLevel: Locator
  readonly filterLacking: Locator
  readonly scope: Locator
  // needs
  readonly withoutLevel: Locator
  readonly activeKader: Locator
  readonly cohorts: Locator
  // catalogue
  readonly catalogueFile: Locator
  readonly installButton: Locator
  readonly catalogueOutcome: Locator
  readonly catalogueVersions: Locator
  // class grid
  readonly sheet: Locator
  readonly assessorName: Locator
  readonly saveAssessments: Locator
  readonly counts: Locator
  // kader page
  readonly kaderSection: Locator
  readonly heading: Locator
  readonly toasts: Locator

  constructor(readonly page: Page) {
    this.matrix = page.getByRole('grid', { name: 'Matriks kompetensi kader' })
    this.matrixRows = this.matrix.locator('.cm-body [role="row"][aria-rowindex]')
    this.total = page.locator('.roster-total')
    this.search = page.getByLabel('Cari nama kader')
    this.filterLevel = page.locator('#cm-level')
    this.filterLacking = page.locator('#cm-lacking')
    this.scope = page.locator('#cm-scope')
    this.withoutLevel = page.getByTestId('needs-without-level').locator('.stat-value')
    this.activeKader = page.getByTestId('needs-active').locator('.stat-value')
    this.cohorts = page.getByTestId('cohort')
    this.catalogueFile = page.locator('#cat-file')
    this.installButton = page.getByRole('button', { name: 'Pasang katalog ini' })
    this.catalogueOutcome = page.getByTestId('catalogue-outcome')
    this.catalogueVersions = page.getByTestId('catalogue-version')
    this.sheet = page.getByRole('grid', { name: 'Lembar penilaian peserta' })
    this.assessorName = page.getByLabel('Nama penilai')
    this.saveAssessments = page.getByRole('button', { name: 'Simpan penilaian' })
    this.counts = page.locator('.cm-assess-counts')
    this.kaderSection = page.getByTestId('kader-competency')
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
  }

  matrixRow(name: string) {
    return this.matrixRows.filter({ has: this.page.locator('.row-name', { hasText: name }) })
  }

  /** The class grid's cell of a participant (by kader id) and a competency code. */
  cell(kaderId: string, code: string) {
    return this.sheet.locator(`tr[data-kader="${kaderId}"] td[data-code="${code}"]`)
  }

  /** The participants in the order the grid shows them. */
  async sheetKaderIds(): Promise<string[]> {
    await expect(this.sheet.locator('tr[data-kader]').first()).toBeVisible()
    return this.sheet.locator('tr[data-kader]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kader') ?? ''))
  }

  async expectTotal(text: string) {
    await expect(this.total).toHaveText(text)
  }

  /** Moves within the running app, as a click on a link would (no reload, toasts stay). */
  async go(path: string) {
    await this.page.evaluate((hash) => {
      ;(globalThis as unknown as { location: { hash: string } }).location.hash = hash
    }, `#/${path}`)
  }

  /** Opens a kader's page and waits for its competency section. */
  async openKader(kaderId: string) {
    await this.go(`kader/${kaderId}`)
    await expect(this.kaderSection.locator('.cm-groups')).toBeVisible()
  }

  kaderLevel() {
    return this.kaderSection.locator('#sec-competency .level-badge')
  }
}
