import type { Locator, Page } from '@playwright/test'

/** The meeting list, the meeting form (agenda editor, attendance list) and a meeting's page. */
export class MeetingPage {
  readonly heading: Locator
  readonly toasts: Locator
  // list
  readonly addButton: Locator
  readonly search: Locator
  readonly levelFilter: Locator
  readonly table: Locator
  // form
  readonly level: Locator
  readonly kind: Locator
  readonly title: Locator
  readonly date: Locator
  readonly startTime: Locator
  readonly endTime: Locator
  readonly place: Locator
  readonly chair: Locator
  readonly minuteTaker: Locator
  readonly invitation: Locator
  readonly addAgenda: Locator
  readonly conclusions: Locator
  readonly attendeeCount: Locator
  readonly attendance: Locator
  readonly pasteToggle: Locator
  readonly pasteBox: Locator
  readonly pasteCount: Locator
  readonly save: Locator
  readonly fixErrors: Locator
  // detail
  readonly agendaList: Locator
  readonly attendanceSummary: Locator
  readonly attachmentKind: Locator
  readonly attachmentFile: Locator
  readonly attachments: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.toasts = page.getByRole('region', { name: 'Pemberitahuan' })
    this.addButton = page.getByRole('link', { name: 'Catat rapat' })
    this.search = page.getByLabel('Cari judul, tempat atau isi notulen')
    this.levelFilter = page.getByLabel('Tingkat Tim Pembina')
    this.table = page.getByRole('table', { name: 'Daftar rapat' })
    this.level = page.getByLabel('Tim Pembina Posyandu (Pokjanal) tingkat')
    this.kind = page.getByLabel('Jenis kegiatan')
    this.title = page.getByLabel('Judul rapat')
    this.date = page.getByRole('textbox', { name: 'Tanggal', exact: true })
    this.startTime = page.getByRole('textbox', { name: 'Jam mulai (tidak wajib)' })
    this.endTime = page.getByRole('textbox', { name: 'Jam selesai (tidak wajib)' })
    this.place = page.getByRole('textbox', { name: 'Tempat (tidak wajib)' })
    this.chair = page.getByRole('textbox', { name: 'Pimpinan rapat (tidak wajib)' })
    this.minuteTaker = page.getByRole('textbox', { name: 'Notulis (tidak wajib)' })
    this.invitation = page.getByRole('textbox', { name: 'Nomor undangan (tidak wajib)' })
    this.addAgenda = page.getByRole('button', { name: 'Tambah agenda' })
    this.conclusions = page.getByRole('textbox', { name: 'Kesimpulan rapat (tidak wajib)' })
    this.attendeeCount = page.getByTestId('attendee-count')
    this.attendance = page.getByRole('table', { name: 'Daftar hadir' })
    this.pasteToggle = page.getByRole('button', { name: 'Tempel daftar' })
    this.pasteBox = page.getByLabel('Tempel daftar peserta')
    this.pasteCount = page.getByTestId('paste-count')
    this.save = page.getByRole('button', { name: 'Simpan', exact: true })
    this.fixErrors = page.getByText('Periksa isian yang ditandai merah.')
    this.agendaList = page.getByTestId('agenda-list')
    this.attendanceSummary = page.getByTestId('attendance-summary')
    this.attachmentKind = page.getByLabel('Jenis lampiran')
    this.attachmentFile = page.getByLabel('Pilih berkas untuk diunggah')
    this.attachments = page.getByRole('list', { name: 'Lampiran rapat' })
  }

  agendaTitle(n: number) {
    return this.page.getByRole('textbox', { name: `Judul agenda ${n}`, exact: true })
  }

  agendaMinutes(n: number) {
    return this.page.getByRole('textbox', { name: `Notulen agenda ${n}`, exact: true })
  }

  /** The live preview beside a minutes editor. */
  minutesPreview(minutes: Locator) {
    return minutes.locator('xpath=ancestor::*[contains(@class,"rte")][1]').locator('.rte-preview')
  }

  /** A formatting button (Tebal, Daftar, Daftar bernomor) of one editor. */
  formatButton(editorName: string, button: 'Tebal' | 'Daftar' | 'Daftar bernomor') {
    return this.page.getByRole('group', { name: `Format ${editorName}` }).getByRole('button', { name: button, exact: true })
  }

  attendeeName(n: number) {
    return this.page.getByRole('textbox', { name: `Nama peserta ${n}`, exact: true })
  }

  attendeePhone(n: number) {
    return this.page.getByRole('textbox', { name: `No HP peserta ${n}`, exact: true })
  }

  presentBox(name: string) {
    return this.attendance.getByRole('checkbox', { name: `Hadir ${name}` })
  }

  pasteAdd(n: number) {
    return this.page.getByRole('button', { name: `Tambahkan ${n} peserta` })
  }

  /** The message under a form field. */
  errorOf(field: Locator) {
    return field.locator('xpath=ancestor::*[contains(@class,"field")][1]').locator('.field-error').first()
  }
}
