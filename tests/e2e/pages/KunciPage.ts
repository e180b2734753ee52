import { expect, type Locator, type Page } from '@playwright/test'

/** Pengaturan → Kunci kantor: this office's key card, trusting another office's card, the trusted offices. */
export class KunciPage {
  readonly heading: Locator
  readonly toasts: Locator
  readonly selfFingerprint: Locator
  readonly folder: Locator
  readonly folderError: Locator
  readonly save: Locator
  readonly saved: Locator
  readonly cardPath: Locator
  readonly cardPathError: Locator
  readonly read: Locator
  /** What the card read names, with its state in `data-status` (new, trusted, changed, self). */
  readonly card: Locator
  readonly typed: Locator
  readonly typedError: Locator
  readonly trust: Locator
  readonly trusted: Locator
  readonly trustedSection: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
    this.selfFingerprint = page.getByTestId('kunci-self-fingerprint')
    this.folder = page.getByRole('textbox', { name: 'Folder tujuan kartu' })
    this.folderError = page.locator('#kunci-folder-error')
    this.save = page.getByRole('button', { name: 'Simpan kartu kunci ke folder…' })
    this.saved = page.locator('.kunci-saved')
    this.cardPath = page.getByRole('textbox', { name: 'Berkas kartu kunci' })
    this.cardPathError = page.locator('#kunci-card-path-error')
    this.read = page.getByRole('button', { name: 'Baca kartu' })
    this.card = page.locator('.kunci-result[data-status]')
    this.typed = page.getByRole('textbox', { name: 'Sidik jari yang dibacakan kantor tersebut' })
    this.typedError = page.locator('#kunci-typed-error')
    this.trust = page.getByRole('button', { name: 'Percayai', exact: true })
    this.trusted = page.getByRole('table', { name: 'Daftar kantor yang dipercaya' })
    this.trustedSection = page.getByRole('region', { name: 'Kantor yang dipercaya' })
  }

  async open(hostUrl: string) {
    const url = new URL(hostUrl)
    url.hash = '#/pengaturan/kunci'
    await this.page.goto(url.toString())
    await expect(this.heading).toHaveText('Kunci kantor')
    await expect(this.page.locator('.loading')).toHaveCount(0)
  }

  /** This office's fingerprint as it reads it out over the phone. */
  async ownFingerprint(): Promise<string> {
    await expect(this.selfFingerprint).toBeVisible()
    return ((await this.selfFingerprint.textContent()) ?? '').trim()
  }

  /** Saves this office's key card into `folder`; returns the file name the screen shows. */
  async saveCard(folder: string): Promise<string> {
    await this.folder.fill(folder)
    await this.save.click()
    await expect(this.saved).toBeVisible()
    const text = await this.saved.locator('.ok-note').innerText()
    const m = /disimpan sebagai (\S+\.simpul-kunci)/.exec(text)
    if (!m) throw new Error(`no file name in "${text}"`)
    return m[1]!
  }

  async readCard(path: string) {
    await this.cardPath.fill(path)
    await this.read.click()
  }

  trustedRow(name: string): Locator {
    return this.trusted.getByRole('row').filter({ hasText: name })
  }
}
