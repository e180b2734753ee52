import { expect, type Locator, type Page } from '@playwright/test'

/** The recap screen (#/rekap): year, totals, charts, silent offices and the area table. */
export class RekapPage {
  readonly heading: Locator
  readonly year: Locator
  readonly tree: Locator
  readonly treeRows: Locator
  readonly total: Locator
  readonly offices: Locator
  readonly spmTotal: Locator
  readonly spmHeat: Locator
  readonly heardFromRule: Locator
  readonly expandAll: Locator
  readonly collapseAll: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.year = page.getByLabel('Tahun pelatihan dan rapat')
    this.tree = page.getByRole('table', { name: 'Rekap per kecamatan, kelurahan dan Posyandu' })
    this.treeRows = this.tree.locator('tbody tr')
    this.total = this.tree.locator('tfoot tr')
    this.offices = page.getByRole('table', { name: 'Kantor menurut umur paket terakhir' })
    this.spmTotal = page.getByRole('table', { name: 'Enam bidang SPM di seluruh wilayah' })
    this.spmHeat = page.getByRole('table', { name: 'Kader aktif per bidang SPM di tiap wilayah' })
    this.heardFromRule = page.getByTestId('heard-from-rule')
    this.expandAll = page.getByRole('button', { name: 'Buka semua kecamatan' })
    this.collapseAll = page.getByRole('button', { name: 'Tutup semua' })
  }

  async open(baseUrl: string, year?: number) {
    await this.page.goto(`${baseUrl}#/rekap${year ? `?tahun=${year}` : ''}`)
    await expect(this.heading).toHaveText('Rekap')
    await expect(this.tree).toBeVisible()
  }

  /** The summary card whose label is `label`; its big number. */
  stat(name: 'posyandu' | 'kader' | 'tkk' | 'pelatihan' | 'rapat' | 'tindak-lanjut' | 'diam'): Locator {
    return this.page.locator(`[data-stat="${name}"] .stat-value`)
  }

  /** The open/close button of an area row ("Kec. Tangerang", "Kel. Sukarasa"). */
  toggle(label: string): Locator {
    return this.tree.getByRole('button', { name: label, exact: true })
  }

  /** The table row of an area code or a Posyandu id. */
  row(code: string): Locator {
    return this.tree.locator(`tbody tr[data-code="${code}"]`)
  }

  /** The numbers of a row, in column order after the name (the last cell is the paket age). */
  async cells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allInnerTexts()).map((s) => s.replace(/^⚠\s*/, '').trim())
  }
}
