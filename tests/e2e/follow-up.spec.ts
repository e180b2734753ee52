import type { Page } from '@playwright/test'
import type { FollowUp, Meeting, Opd, OpdBoardRow, Posyandu } from '../../shared/contract'
import { test, expect, snap, type WebHost } from './fixtures'
import { FollowUpPage } from './pages/FollowUpPage'
import { MeetingPage } from './pages/MeetingPage'
import { seriousViolations } from './axe'

test.use({ seed: 'roster' })

const PUPR = 'Dinas PUPR'
const DINKES = 'Dinas Kesehatan / Puskesmas'

/** The office's calendar date, as the core counts overdue days (Asia/Jakarta). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** "2026-11-03" → "3 November 2026", as the screens write dates. */
function indonesian(iso: string): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
}

async function opdByName(host: WebHost, name: string): Promise<Opd> {
  const opd = (await host.invoke<Opd[]>('opd:list', { includeInactive: true })).find((o) => o.name === name)
  if (!opd) throw new Error(`the default OPD list should hold ${name}`)
  return opd
}

async function boardOf(host: WebHost, opdId: string): Promise<Pick<OpdBoardRow, 'open' | 'overdue' | 'closed'>> {
  const row = (await host.invoke<OpdBoardRow[]>('followUp:board', {})).find((r) => r.opdId === opdId)
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, closed: row?.closed ?? 0 }
}

async function firstPosyandu(host: WebHost): Promise<Posyandu> {
  const [p] = await host.invoke<Posyandu[]>('posyandu:list', { includeInactive: false })
  if (!p) throw new Error('the roster seed should have Posyandu')
  return p
}

const ATTENDANCE = [
  'Drs. H. Ahmad Suryana; Lurah; Kelurahan Sukarasa; 0812-1111-2222',
  'dr. Yuli Astuti; Kepala Puskesmas; Puskesmas Sukarasa; 0812-3333-4444',
  'Ir. Bambang Wijaya; Kepala Seksi Jalan; Dinas PUPR; 0813-5555-6666',
  'Siti Aminah; Ketua TP PKK; TP PKK Kelurahan; 0812-3456-7890',
  'Rina Marlina; Sekretaris Kelurahan; Kelurahan Sukarasa; 0857-1234-0000',
  'Dedi Kurniawan; Babinsa; Koramil Sukarasa; 0821-9876-5432',
].join('\n')

/**
 * The meeting as a kelurahan admin records it on the meeting form (the meeting screens'
 * own spec covers the form in depth): event, one agenda with minutes, conclusions, and the
 * attendance list pasted at once with one person absent. Returns the saved meeting.
 */
async function recordMeetingThroughForm(page: Page, openApp: (path?: string) => Promise<void>, day: string): Promise<{ id: string; title: string }> {
  const title = 'Rapat Koordinasi Tim Pembina Posyandu Kelurahan Sukarasa'
  await openApp('rapat')
  const mp = new MeetingPage(page)
  await mp.addButton.click()
  await expect(mp.heading).toHaveText('Catat rapat')
  await expect(mp.level).toHaveValue('kelurahan')
  await mp.kind.selectOption({ label: 'Rapat koordinasi' })
  await mp.title.fill(title)
  await mp.date.fill(day.split('-').reverse().join('-'))
  await mp.startTime.fill('09.00')
  await mp.endTime.fill('11.30')
  await mp.place.fill('Aula Kantor Kelurahan Sukarasa')
  await mp.chair.fill('Drs. H. Ahmad Suryana')
  await mp.minuteTaker.fill('Rina Marlina')
  await mp.invitation.fill('005/123-Kel.Skr/2026')
  await mp.agendaTitle(1).fill('Evaluasi pelayanan Posyandu')
  await mp.agendaMinutes(1).fill('Kunjungan balita **menurun** di dua Posyandu.\n\n- Jalan menuju Posyandu rusak\n- Timbangan bayi rusak')
  await mp.conclusions.fill('1. Perbaikan jalan diusulkan ke Dinas PUPR.\n2. Penggantian timbangan oleh Puskesmas.')
  await mp.pasteToggle.click()
  await mp.pasteBox.fill(ATTENDANCE)
  await expect(mp.pasteCount).toHaveText('6 peserta terbaca')
  await mp.pasteAdd(6).click()
  await mp.presentBox('Dedi Kurniawan').uncheck()
  await expect(mp.attendeeCount).toHaveText('6 peserta · 5 hadir, 1 tidak hadir')
  await page.keyboard.press('Control+s')
  await expect(mp.heading).toHaveText(title)
  await expect(page).toHaveURL(/#\/rapat\/[0-9a-f-]{36}$/)
  return { id: /#\/rapat\/([0-9a-f-]{36})$/.exec(page.url())![1]!, title }
}

test.describe('follow-ups (tindak lanjut)', () => {
  test('a kelurahan admin records a meeting with attendance and two follow-ups, prints the notulen, closes one, and the OPD board changes', async ({
    page,
    host,
    openApp,
  }) => {
    const day = today()
    const pupr = await opdByName(host, PUPR)
    const dinkes = await opdByName(host, DINKES)
    const posyandu = await firstPosyandu(host)
    const boardBefore = await boardOf(host, pupr.id)
    const meeting = await recordMeetingThroughForm(page, openApp, day)
    const road = 'Perbaikan jalan rusak menuju Posyandu sebelum musim hujan'
    const scale = 'Penggantian timbangan bayi yang rusak di Posyandu'

    // The first follow-up, from the meeting's own page: the meeting is preset and shown.
    const fp = new FollowUpPage(page)
    await expect(fp.heading).toHaveText(meeting.title)
    await page.getByRole('link', { name: 'Tambah tindak lanjut' }).click()
    await expect(fp.heading).toHaveText('Catat tindak lanjut')
    await expect(page.getByRole('radio', { name: 'Keputusan rapat' })).toBeChecked()
    await expect(fp.meeting.locator('option:checked')).toHaveText(`${indonesian(day)} — ${meeting.title}`)
    await expect(page.locator('#fu-date-long')).toHaveText(indonesian(day))
    await fp.fillFollowUp({ posyandu: posyandu.name, spm: 'Pekerjaan Umum', description: road })
    // The SPM field suggests the OPD that owns it.
    await expect(page.getByText('Disarankan:')).toBeVisible()
    await fp.suggestion(PUPR).click()
    await expect(fp.opd.locator('option:checked')).toHaveText(PUPR)
    await fp.quickDue(14).click()
    await expect(page.locator('#fu-due-long')).toHaveText(indonesian(addDays(day, 14)))
    await snap(page, 'follow-up-form')
    await page.keyboard.press('Control+S')

    // Saving returns to the meeting, so the second decision is one click away.
    await expect(page).toHaveURL(new RegExp(`#/rapat/${meeting.id}$`))
    await expect(fp.heading).toHaveText(meeting.title)
    await page.getByRole('link', { name: 'Tambah tindak lanjut' }).click()
    await expect(fp.heading).toHaveText('Catat tindak lanjut')
    await fp.fillFollowUp({ posyandu: posyandu.name, spm: 'Kesehatan', description: scale, opdSuggested: DINKES, quickDue: 30 })
    await fp.save.click()
    await expect(page).toHaveURL(new RegExp(`#/rapat/${meeting.id}$`))

    const saved = await host.invoke<Meeting>('meeting:get', { id: meeting.id })
    expect(saved.followUps.map((f) => [f.description, f.opdId, f.dueDate, f.status]).sort()).toEqual(
      [
        [road, pupr.id, addDays(day, 14), 'baru'],
        [scale, dinkes.id, addDays(day, 30), 'baru'],
      ].sort(),
    )
    expect(saved.attendees.filter((a) => a.present)).toHaveLength(5)

    // The notulen: attendance and the follow-up table in the print preview.
    await expect(page.getByText(road)).toBeVisible()
    await page.getByRole('button', { name: 'Cetak notulen' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const frame = page.frameLocator('iframe.print-frame')
    await expect(frame.getByText(meeting.title).first()).toBeVisible()
    await expect(frame.getByText('dr. Yuli Astuti').first()).toBeVisible()
    await expect(frame.getByText(road)).toBeVisible()
    await expect(frame.getByText(scale)).toBeVisible()
    await snap(page, 'follow-up-notulen')
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await expect(dialog).toBeHidden()

    // The board before closing: one more open for Dinas PUPR.
    await openApp('tindak-lanjut/papan')
    await expect(fp.heading).toHaveText('Papan OPD')
    expect(await fp.boardRow(PUPR)).toEqual({ open: boardBefore.open + 1, overdue: boardBefore.overdue, closed: boardBefore.closed })

    // From the board's number to the list, to the follow-up, closed with evidence.
    await fp.board.getByRole('link', { name: `${boardBefore.open + 1} belum selesai di ${PUPR}` }).click()
    await expect(fp.heading).toHaveText('Tindak lanjut')
    await expect(fp.stateFilter).toHaveValue('open')
    await expect(fp.opdFilter.locator('option:checked')).toHaveText(PUPR)
    await expect(fp.row(road)).toBeVisible()
    await expect(fp.table.getByRole('link', { name: scale })).toHaveCount(0)
    await fp.row(road).getByRole('link', { name: road }).click()
    await expect(fp.heading).toHaveText(road)
    await expect(fp.progressStatus).toHaveValue('diproses')
    await fp.progressStatus.selectOption({ label: 'Selesai' })
    await fp.progressNote.fill('Jalan sudah diaspal ulang oleh Dinas PUPR.')
    await fp.evidence.fill('Berita acara serah terima pekerjaan No. 602/45-PUPR/2026 dan foto sesudah perbaikan.')
    await fp.saveProgress.click()
    await expect(fp.toasts.getByText('Perkembangan disimpan.')).toBeVisible()
    await expect(page.locator('.dl').getByText('Selesai', { exact: true })).toBeVisible()
    await expect(page.getByText(`Ditutup ${indonesian(day)}`)).toBeVisible()
    await expect(fp.timeline.getByText('Jalan sudah diaspal ulang oleh Dinas PUPR.')).toBeVisible()
    await snap(page, 'follow-up-closed')

    // The board changed: one fewer open, one more closed for Dinas PUPR.
    await openApp('tindak-lanjut/papan')
    expect(await fp.boardRow(PUPR)).toEqual({ open: boardBefore.open, overdue: boardBefore.overdue, closed: boardBefore.closed + 1 })
    expect(await boardOf(host, pupr.id)).toEqual({ open: boardBefore.open, overdue: boardBefore.overdue, closed: boardBefore.closed + 1 })
    await snap(page, 'follow-up-board')

    // And the lists: no longer among the open ones, listed with the closed ones.
    await openApp(`tindak-lanjut?status=open&opd=${pupr.id}`)
    await expect(fp.table.or(page.getByText('Tidak ada tindak lanjut yang cocok'))).toBeVisible()
    await expect(page.getByRole('link', { name: road })).toHaveCount(0)
    await fp.stateFilter.selectOption({ label: 'Sudah ditutup' })
    await expect(fp.row(road).getByText('Selesai')).toBeVisible()
    await fp.opdFilter.selectOption({ label: DINKES })
    await fp.stateFilter.selectOption({ label: 'Belum selesai' })
    await expect(fp.row(scale).getByText('Baru')).toBeVisible()
  })

  test('an overdue follow-up is marked as overdue in the list, on the board and on its page', async ({ page, host, openApp }) => {
    const day = today()
    const pupr = await opdByName(host, PUPR)
    const posyandu = await firstPosyandu(host)
    const before = await boardOf(host, pupr.id)
    const due = addDays(day, -12)
    const late = await host.invoke<FollowUp>('followUp:create', {
      source: 'aduan',
      date: addDays(day, -40),
      posyanduId: posyandu.id,
      spmField: 'pekerjaan_umum',
      description: 'Lampu jalan menuju Posyandu padam sejak bulan lalu',
      reporter: 'Ibu Warsih (kader)',
      opdId: pupr.id,
      dueDate: due,
    })
    expect(late.overdue).toBe(true)

    await openApp('tindak-lanjut?status=overdue')
    const fp = new FollowUpPage(page)
    await expect(fp.stateFilter).toHaveValue('overdue')
    const row = fp.row(late.description)
    await expect(row.getByText('Lewat 12 hari')).toBeVisible()
    await snap(page, 'follow-up-list-overdue')
    // Overdue ones come first, whatever else is in the list.
    await fp.stateFilter.selectOption({ label: 'Semua' })
    await expect(fp.table.locator('tbody tr').first().getByText(/^⚠ ?Lewat \d+ hari$/)).toBeVisible()
    await expect(row.getByText('Lewat 12 hari')).toBeVisible()

    await openApp('tindak-lanjut/papan')
    expect(await fp.boardRow(PUPR)).toEqual({ open: before.open + 1, overdue: before.overdue + 1, closed: before.closed })

    await openApp(`tindak-lanjut/${late.id}`)
    await expect(fp.overdueBanner).toContainText(`Lewat tenggat 12 hari — tenggat ${indonesian(due)}`)
    await expect(fp.overdueBanner).toContainText(PUPR)
    await snap(page, 'follow-up-overdue')

    // The deadline moved (Ubah): no longer overdue anywhere.
    await page.getByRole('link', { name: 'Ubah' }).click()
    await expect(fp.heading).toHaveText('Ubah tindak lanjut')
    await fp.dueDate.fill(addDays(day, 7).split('-').reverse().join('-'))
    await fp.save.click()
    await expect(fp.heading).toHaveText(late.description)
    await expect(fp.overdueBanner).toHaveCount(0)
    await expect(page.getByText('7 hari lagi')).toBeVisible()
    expect(await boardOf(host, pupr.id)).toEqual({ open: before.open + 1, overdue: before.overdue, closed: before.closed })
  })

  test('closing as selesai without evidence shows the Indonesian message and changes nothing', async ({ page, host, openApp }) => {
    const day = today()
    const dinkes = await opdByName(host, DINKES)
    const f = await host.invoke<FollowUp>('followUp:create', {
      source: 'monev',
      date: day,
      spmField: 'kesehatan',
      description: 'Kartu Menuju Sehat habis di Posyandu',
      opdId: dinkes.id,
      dueDate: addDays(day, 14),
    })

    await openApp(`tindak-lanjut/${f.id}`)
    const fp = new FollowUpPage(page)
    await expect(fp.heading).toHaveText(f.description)
    await fp.progressStatus.selectOption({ label: 'Selesai' })
    await fp.progressNote.fill('Sudah dikirim')
    await fp.saveProgress.click()
    await expect(fp.errorOf(fp.evidence)).toHaveText(/^Tulis bukti penyelesaian atau lampirkan foto\/pindaiannya sebelum menandai selesai: misalnya nomor surat balasan OPD/)
    await expect(fp.evidence).toBeFocused()
    await expect(page.getByText('Periksa isian yang ditandai merah.')).toBeVisible()

    const after = await host.invoke<FollowUp>('followUp:get', { id: f.id })
    expect(after.status).toBe('baru')
    expect(after.progress).toEqual(f.progress)
    expect(after.closingEvidence).toBeNull()
    expect(after.updatedAt).toBe(f.updatedAt)

    // "Tidak dapat ditindaklanjuti" asks for the reason instead.
    await fp.progressStatus.selectOption({ label: 'Tidak dapat ditindaklanjuti' })
    await expect(fp.evidence).toHaveCount(0)
    await fp.progressNote.fill('')
    await fp.saveProgress.click()
    await expect(fp.errorOf(fp.progressNote)).toHaveText(/^Tulis alasan mengapa tidak dapat ditindaklanjuti/)
    await page.reload()
    await expect(fp.heading).toHaveText(f.description)
    await expect(page.locator('.dl').getByText('Baru', { exact: true })).toBeVisible()
    await expect(fp.timeline.getByRole('listitem')).toHaveCount(f.progress.length)
    expect((await host.invoke<FollowUp>('followUp:get', { id: f.id })).status).toBe('baru')

    // A photo is evidence too. A text file named .jpg is known by its content and refused by name.
    await fp.evidenceFile.setInputFiles({ name: 'kms-sesudah.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('bukan foto asli\n') })
    await expect(page.getByRole('alert')).toContainText('Berkas "kms-sesudah.jpg" bukan foto atau pindaian yang dikenal')
    await expect(fp.evidenceFiles).toHaveCount(0)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    await fp.evidenceFile.setInputFiles({ name: 'kms-diterima.png', mimeType: 'image/png', buffer: png })
    await expect(fp.evidenceFiles.getByRole('listitem')).toHaveCount(1)
    await expect(fp.evidenceFiles.getByRole('button', { name: 'Lihat kms-diterima.png' }).locator('img')).toBeVisible()
    // One upload, one toast.
    await expect(fp.toasts.getByText('1 lampiran diunggah.')).toHaveCount(1)
    expect(await seriousViolations(page)).toEqual([])

    // Closing now needs no written evidence: the photo is named in the history.
    await fp.progressStatus.selectOption({ label: 'Selesai' })
    await expect(fp.evidence).toHaveAccessibleDescription(/1 foto\/pindaian/)
    await fp.saveProgress.click()
    await expect(page.locator('.dl').getByText('Selesai', { exact: true })).toBeVisible()
    await expect(fp.timeline).toContainText('Lampiran bukti: kms-diterima.png')
    const closed = await host.invoke<FollowUp>('followUp:get', { id: f.id })
    expect(closed).toMatchObject({ status: 'selesai', closingEvidence: null })
    expect(closed.attachments.map((a) => [a.fileName, a.mime, a.size])).toEqual([['kms-diterima.png', 'image/png', png.length]])
  })

  test('search finds a follow-up by a word written with affixes, the match in bold', async ({ page, host, openApp }) => {
    const day = today()
    const dlh = await opdByName(host, 'Dinas Lingkungan Hidup (DLH)')
    const f = await host.invoke<FollowUp>('followUp:create', {
      source: 'aduan',
      date: day,
      description: 'Penanganan persampahan di sekitar Posyandu Melati belum tuntas',
      reporter: 'Pak RT 03',
      opdId: dlh.id,
      dueDate: addDays(day, 30),
    })

    await openApp('rapat/cari')
    const fp = new FollowUpPage(page)
    await expect(fp.heading).toHaveText('Cari rapat dan tindak lanjut')
    await expect(fp.searchBox).toBeFocused()
    await expect(page.getByText(/“sampah” juga menemukan “persampahan”/)).toBeVisible()
    await fp.searchBox.fill('sampah')
    await expect(page).toHaveURL(/#\/rapat\/cari\?q=sampah$/)
    const hit = fp.hits.getByRole('listitem').filter({ has: page.getByRole('link', { name: f.description }) })
    await expect(hit).toBeVisible()
    await expect(hit.getByText('Tindak lanjut', { exact: true })).toBeVisible()
    await expect(hit.locator('.search-snippet strong').first()).toHaveText(/sampah/i)
    await snap(page, 'follow-up-search')

    // "/" comes back to the box from anywhere on the page; Back from a result keeps the search.
    await hit.getByRole('link', { name: f.description }).focus()
    await page.keyboard.press('/')
    await expect(fp.searchBox).toBeFocused()
    await hit.getByRole('link', { name: f.description }).click()
    await expect(fp.heading).toHaveText(f.description)
    await page.goBack()
    await expect(fp.searchBox).toHaveValue('sampah')
    await expect(hit).toBeVisible()

    // A word typed with one slip still finds it, said to be only similar.
    await fp.searchBox.fill('smapah')
    await expect(page.getByText('Tidak ada yang memuat persis “smapah”. Hasil mirip untuk “smapah”', { exact: false })).toBeVisible()
    await expect(hit.getByText('mirip', { exact: true })).toBeVisible()

    await fp.searchBox.fill('kata yang tidak ada di mana pun')
    await expect(page.getByText('Tidak ada rapat atau tindak lanjut yang memuat “kata yang tidak ada di mana pun”.', { exact: false })).toBeVisible()
  })

  test('the OPD list is the region’s own: an office added with its SPM field is suggested, a deactivated one is no longer offered', async ({
    page,
    openApp,
  }) => {
    await openApp('pengaturan/opd')
    const fp = new FollowUpPage(page)
    await expect(fp.heading).toHaveText('Daftar OPD')
    const table = page.getByRole('table', { name: 'Daftar OPD' })
    await expect(table.getByRole('rowheader', { name: PUPR, exact: true })).toBeVisible()

    await page.getByRole('button', { name: 'Tambah OPD' }).click()
    await expect(page.getByLabel('Nama OPD')).toBeFocused()
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await expect(fp.errorOf(page.getByLabel('Nama OPD'))).toBeVisible()
    await page.getByLabel('Nama OPD').fill('Dinas Perhubungan')
    await page.getByRole('checkbox', { name: 'Pekerjaan Umum' }).check()
    await page.keyboard.press('Control+S')
    await expect(fp.toasts.getByText('OPD “Dinas Perhubungan” ditambahkan.')).toBeVisible()
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dinas Perhubungan' }) })
    await expect(row.getByText('Pekerjaan Umum')).toBeVisible()

    // Renamed, still one row.
    await row.getByRole('button', { name: 'Ubah Dinas Perhubungan' }).click()
    await page.getByLabel('Nama OPD').fill('Dinas Perhubungan Kota')
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await expect(table.getByRole('rowheader', { name: 'Dinas Perhubungan Kota' })).toBeVisible()
    await expect(table.getByRole('rowheader', { name: 'Dinas Perhubungan', exact: true })).toHaveCount(0)

    await openApp('tindak-lanjut/baru')
    await fp.spm.selectOption({ label: 'Pekerjaan Umum' })
    await expect(fp.suggestion('Dinas Perhubungan Kota')).toBeVisible()
    await expect(fp.suggestion(PUPR)).toBeVisible()

    await openApp('pengaturan/opd')
    await page.getByRole('button', { name: 'Nonaktifkan Dinas Perhubungan Kota' }).click()
    await expect(fp.toasts.getByText(/dinonaktifkan/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Aktifkan Dinas Perhubungan Kota' })).toBeVisible()
    await openApp('tindak-lanjut/baru')
    await fp.spm.selectOption({ label: 'Pekerjaan Umum' })
    await expect(fp.suggestion(PUPR)).toBeVisible()
    await expect(fp.suggestion('Dinas Perhubungan Kota')).toHaveCount(0)
    await expect(fp.opd.locator('option', { hasText: 'Dinas Perhubungan Kota' })).toHaveCount(0)
  })

  test('the follow-up list, the OPD board and the search page pass an accessibility check', async ({ page, host, openApp }) => {
    const day = today()
    const pupr = await opdByName(host, PUPR)
    await host.invoke('followUp:create', {
      source: 'aduan',
      date: addDays(day, -30),
      description: 'Saluran air tersumbat di depan Posyandu',
      opdId: pupr.id,
      dueDate: addDays(day, -3),
    })
    await openApp('tindak-lanjut')
    const fp = new FollowUpPage(page)
    await expect(fp.table).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await openApp('tindak-lanjut/papan')
    await expect(fp.board).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    await openApp('rapat/cari?q=saluran')
    await expect(fp.hits).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })
})
