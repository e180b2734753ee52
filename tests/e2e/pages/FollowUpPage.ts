import { expect, type Locator, type Page } from '@playwright/test'

/** The follow-up list, form and detail page, the OPD board, the search page and the OPD settings. */
export class FollowUpPage {
  readonly heading: Locator
  readonly toasts: Locator
  // list
  readonly table: Locator
  readonly stateFilter: Locator
  readonly opdFilter: Locator
  readonly listSearch: Locator
  // form
  readonly meeting: Locator
  readonly date: Locator
  readonly posyandu: Locator
  readonly spm: Locator
  readonly description: Locator
  readonly reporter: Locator
  readonly opd: Locator
  readonly dueDate: Locator
  readonly save: Locator
  // detail
  readonly overdueBanner: Locator
  readonly timeline: Locator
  readonly progressStatus: Locator
  readonly progressNote: Locator
  readonly evidence: Locator
  readonly evidenceFile: Locator
  readonly evidenceFiles: Locator
  readonly saveProgress: Locator
  // board
  readonly board: Locator
  // search
  readonly searchBox: Locator
  readonly hits: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
    this.table = page.getByRole('table', { name: 'Daftar tindak lanjut' })
    this.stateFilter = page.getByLabel('Tampilkan')
    this.opdFilter = page.getByLabel('OPD penanggung jawab')
    this.listSearch = page.getByLabel('Cari uraian, OPD atau Posyandu')
    this.meeting = page.getByLabel('Rapat', { exact: true })
    this.date = page.getByRole('textbox', { name: 'Tanggal masalah diangkat' })
    this.posyandu = page.getByLabel('Posyandu (tidak wajib)')
    this.spm = page.getByLabel('Bidang SPM (tidak wajib)')
    this.description = page.getByLabel('Uraian masalah dan tindak lanjut')
    this.reporter = page.getByLabel('Pelapor (tidak wajib)')
    this.opd = page.getByLabel('OPD penanggung jawab')
    this.dueDate = page.getByRole('textbox', { name: 'Tenggat' })
    this.save = page.getByRole('button', { name: 'Simpan', exact: true })
    this.overdueBanner = page.getByTestId('overdue-banner')
    this.timeline = page.getByRole('list', { name: 'Riwayat perkembangan' })
    this.progressStatus = page.getByLabel('Status baru')
    this.progressNote = page.getByLabel(/^(Catatan perkembangan|Alasan tidak dapat ditindaklanjuti)/)
    this.evidence = page.getByLabel(/^Bukti penyelesaian/)
    this.evidenceFile = page.getByLabel('Pilih berkas untuk diunggah')
    this.evidenceFiles = page.getByRole('list', { name: 'Foto dan pindaian bukti' })
    this.saveProgress = page.getByRole('button', { name: 'Simpan perkembangan' })
    this.board = page.getByRole('table', { name: 'Tindak lanjut per OPD' })
    this.searchBox = page.getByLabel('Kata yang dicari')
    this.hits = page.getByRole('list', { name: 'Hasil pencarian' })
  }

  /** The list row whose description link has this text. */
  row(description: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: description }) })
  }

  /** The message under a form field. */
  errorOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error').first()
  }

  quickDue(days: number): Locator {
    return this.page.getByRole('button', { name: `+${days} hari` })
  }

  suggestion(opdName: string): Locator {
    return this.page.getByRole('button', { name: `Pilih ${opdName}` })
  }

  /** The board's numbers for one OPD, read from the links' accessible names. */
  async boardRow(opdName: string): Promise<{ open: number; overdue: number; closed: number }> {
    const row = this.board.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: opdName, exact: true }) })
    await expect(row).toHaveCount(1)
    const num = async (col: number) => Number((await row.getByRole('cell').nth(col).innerText()).replace(/[^\d]/g, ''))
    return { open: await num(0), overdue: await num(1), closed: await num(2) }
  }

  async fillFollowUp(v: { spm?: string; opdSuggested?: string; opd?: string; description: string; posyandu?: string; quickDue?: number; reporter?: string }) {
    if (v.posyandu) await this.posyandu.selectOption({ label: v.posyandu })
    if (v.spm) await this.spm.selectOption({ label: v.spm })
    await this.description.fill(v.description)
    if (v.reporter) await this.reporter.fill(v.reporter)
    if (v.opdSuggested) await this.suggestion(v.opdSuggested).click()
    if (v.opd) await this.opd.selectOption({ label: v.opd })
    if (v.quickDue) await this.quickDue(v.quickDue).click()
  }
}
