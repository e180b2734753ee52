import { expect, type Locator, type Page } from '@playwright/test'

/** The columns of the preview/result table, in their order after the kind. */
const KIND_COLUMNS = ['Baru', 'Diperbarui', 'Sama', 'Konflik', 'Ditolak'] as const
export type KindColumn = (typeof KIND_COLUMNS)[number]

/** Kirim/Terima Paket: the Kirim, Terima, Riwayat, Konflik and Duplikat NIK tabs. */
export class PaketPage {
  readonly heading: Locator
  readonly tabs: Locator
  readonly toasts: Locator
  readonly folder: Locator
  readonly chooseFolder: Locator
  readonly folderError: Locator
  readonly full: Locator
  readonly create: Locator
  readonly done: Locator
  readonly scan: Locator
  readonly files: Locator
  readonly preview: Locator
  readonly imported: Locator
  readonly importNow: Locator
  /** The sender's key in the preview: one line when known, a box with the fingerprint and a tick when not. */
  readonly senderKey: Locator
  readonly senderFingerprint: Locator
  readonly confirmFingerprint: Locator
  readonly sent: Locator
  readonly received: Locator
  readonly conflicts: Locator
  readonly pairs: Locator
  readonly showResolved: Locator
  readonly dialog: Locator
  /** The flashdisks the PC sees, under the folder field. */
  readonly drives: Locator
  /** The whole path of the paket written, in the "Paket sudah dibuat" summary. */
  readonly donePath: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.tabs = page.getByRole('navigation', { name: 'Bagian Kirim/Terima Paket' })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
    this.folder = page.getByRole('textbox', { name: 'Folder flashdisk' })
    this.chooseFolder = page.getByRole('button', { name: 'Pilih folder…' })
    this.folderError = page.locator('#paket-folder-error')
    this.full = page.getByRole('checkbox', { name: 'Lengkap (semua data, bukan hanya perubahan)' })
    this.create = page.getByRole('button', { name: 'Buat paket' })
    this.done = page.getByRole('region', { name: 'Paket sudah dibuat' })
    this.scan = page.getByRole('button', { name: 'Cari paket' })
    this.files = page.getByRole('table', { name: 'Paket di folder' })
    this.preview = page.getByRole('region', { name: 'Isi paket' })
    this.imported = page.getByRole('region', { name: 'Paket sudah diimpor' })
    this.importNow = page.getByRole('button', { name: 'Impor sekarang' })
    this.senderKey = page.locator('[data-sender-key]')
    this.senderFingerprint = page.getByTestId('sender-fingerprint')
    this.confirmFingerprint = page.getByRole('checkbox', { name: 'Sidik jari sudah saya cocokkan dengan kantor pengirim' })
    this.sent = page.getByRole('table', { name: 'Paket yang dikirim' })
    this.received = page.getByRole('table', { name: 'Paket yang diterima' })
    this.conflicts = page.getByRole('table', { name: 'Daftar konflik isian' })
    this.pairs = page.getByRole('list', { name: 'Kader dengan NIK sama' })
    this.showResolved = page.getByRole('checkbox', { name: 'Tampilkan juga yang sudah diputuskan' })
    this.dialog = page.getByRole('dialog')
    this.drives = page.getByRole('group', { name: 'Flashdisk terpasang' })
    this.donePath = page.getByRole('textbox', { name: 'Disimpan di' })
  }

  /** Opens one office's app on a tab ('' is Kirim). */
  async open(hostUrl: string, tab: '' | 'terima' | 'riwayat' | 'konflik' | 'duplikat' = '') {
    const url = new URL(hostUrl)
    url.hash = tab ? `#/paket/${tab}` : '#/paket'
    await this.page.goto(url.toString())
    await expect(this.heading).toBeVisible()
    await expect(this.page.locator('.loading')).toHaveCount(0)
  }

  /** A flashdisk in the list, by its label. */
  drive(label: string): Locator {
    return this.drives.getByRole('button', { name: new RegExp(`^${label} `) })
  }

  tab(name: RegExp | string): Locator {
    return this.tabs.getByRole('link', { name })
  }

  /**
   * Switches to Kirim or Terima and waits for its heading: both have a "Folder flashdisk" field,
   * so filling before the switch is drawn would fill the tab being left.
   */
  async show(tab: 'Kirim' | 'Terima') {
    await this.tab(tab).click()
    await expect(this.heading).toHaveText(tab === 'Kirim' ? 'Kirim paket' : 'Terima paket')
  }

  destination(name: RegExp | string): Locator {
    return this.page.getByRole('radio', { name })
  }

  /** Kirim: writes a paket to `folder` for the destination; returns the file name shown. */
  async kirim(folder: string, destination: RegExp | string, opts: { full?: boolean } = {}): Promise<string> {
    await this.folder.fill(folder)
    await this.destination(destination).check()
    if (opts.full) await this.full.check()
    await this.create.click()
    await expect(this.done).toBeVisible({ timeout: 60_000 })
    return (await this.doneValue('Nama berkas').innerText()).trim()
  }

  /** A value in the "Paket sudah dibuat" summary (Nama berkas, Ukuran, Jenis paket, Isi). */
  doneValue(term: string): Locator {
    return this.done.locator('.dl-item').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd')
  }

  /** The number of records of one kind in the "Paket sudah dibuat" table. */
  doneCount(kind: string): Locator {
    return this.done.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) }).getByRole('cell')
  }

  /** Terima: lists the paket in the folder. */
  async scanFolder(folder: string) {
    await this.folder.fill(folder)
    await this.scan.click()
    await expect(this.page.getByRole('heading', { name: 'Paket di folder' })).toBeVisible()
  }

  /** Terima at the office on `hostUrl`: the paket `file` on the stick, previewed. */
  async previewAt(hostUrl: string, folder: string, file: string) {
    await this.open(hostUrl, 'terima')
    await this.scanFolder(folder)
    await this.previewFile(file)
  }

  /** The listed paket whose row holds this text (sender name or file name). */
  file(text: string): Locator {
    return this.files.getByRole('row').filter({ hasText: text })
  }

  viewButton(row: Locator): Locator {
    return row.getByRole('button', { name: /^Lihat isi paket / })
  }

  /** Terima: opens the preview of the paket whose row holds this text. */
  async previewFile(text: string) {
    await this.viewButton(this.file(text)).click()
    await expect(this.preview).toBeVisible({ timeout: 60_000 })
  }

  /** A number of the preview (or result) table: the row of one kind, one column. */
  kindCount(kind: string, column: KindColumn, region: Locator = this.preview): Locator {
    return region
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) })
      .getByRole('cell')
      .nth(KIND_COLUMNS.indexOf(column))
  }

  async importIt() {
    await this.importNow.click()
    await expect(this.imported).toBeVisible({ timeout: 60_000 })
  }

  /**
   * A first paket from an office: the fingerprint shown must be the sender's own (as it reads it
   * out over the phone), "Impor sekarang" waits for the tick, then the paket is imported.
   */
  async acceptAndImport(senderFingerprint: string) {
    await expect(this.senderKey).toHaveAttribute('data-sender-key', 'unknown')
    await expect(this.senderFingerprint).toHaveText(senderFingerprint)
    await expect(this.importNow).toBeDisabled()
    await this.confirmFingerprint.check()
    await expect(this.importNow).toBeEnabled()
    await this.importIt()
  }
}
