import type { Meeting, MeetingRow } from '../../shared/contract'
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/meeting'
import { test, expect, snap, type WebHost } from './fixtures'
import { MeetingPage } from './pages/MeetingPage'
import { seriousViolations } from './axe'

test.use({ seed: 'roster' })

/** The attendance list as an office keeps it: some lines from Excel (tabs), some typed with ";". */
const ATTENDEES = [
  ['Hj. Nurhayati', 'Ketua TP PKK', 'TP PKK', '0812-1111-0001'],
  ['Drs. Bambang Sutrisno', 'Lurah', 'Kelurahan Sukarasa', '0812-1111-0002'],
  ['dr. Rina Marlina', 'Kepala Puskesmas', 'Dinas Kesehatan / Puskesmas', '0812-1111-0003'],
  ['Yuli Astuti', 'Bidan Kelurahan', 'Dinas Kesehatan / Puskesmas', ''],
  ['Agus Salim', 'Kasi Kesra', 'Kelurahan Sukarasa', '0812-1111-0005'],
  ['Siti Rohmah', 'Sekretaris TP PKK', 'TP PKK', ''],
  ['Dedi Kurniawan', 'Staf', 'Dinas Sosial', '0812-1111-0007'],
  ['Ratna Sari', 'Kader', 'Posyandu Mawar 01', '0812-1111-0008'],
  ['Wawan Hermawan', 'Ketua RW 03', 'RW 03', ''],
  ['Ani Suryani', 'Kader', 'Posyandu Melati 02', '0812-1111-0010'],
  ['Budi Santoso', 'Staf', 'Satpol PP', ''],
  ['Lilis Karlina', 'Guru PAUD', 'Dinas Pendidikan', '0812-1111-0012'],
]
const ABSENT = ['Dedi Kurniawan', 'Budi Santoso']

function pasteText(): string {
  return ATTENDEES.map((cells, i) => (i % 2 === 0 ? cells.join('\t') : cells.join('; '))).join('\n')
}

async function createMeeting(host: WebHost, title = 'Rapat koordinasi Posyandu'): Promise<Meeting> {
  return host.invoke<Meeting>('meeting:create', {
    level: 'kelurahan',
    kind: 'rapat_koordinasi',
    title,
    date: '2025-03-03',
    place: 'Aula Kelurahan',
    agenda: [{ title: 'Pembukaan', minutes: 'Dibuka oleh **Lurah**.' }],
    attendees: [{ name: 'Hj. Nurhayati', institution: 'TP PKK', present: true }],
  })
}

test.describe('meetings of the Tim Pembina Posyandu', () => {
  test('records a meeting with formatted minutes and a pasted attendance list of 12, kept after a reload', async ({ page, openApp, host }) => {
    const before = await host.invoke<MeetingRow[]>('meeting:list', {})
    await openApp('rapat')
    const mp = new MeetingPage(page)
    await expect(mp.heading).toHaveText('Rapat Tim Pembina Posyandu')
    // "N" opens the form from the list, the office's level already chosen.
    await page.keyboard.press('n')
    await expect(mp.heading).toHaveText('Catat rapat')
    await expect(mp.level).toHaveValue('kelurahan')

    await mp.title.fill('Rapat koordinasi penanganan stunting triwulan I')
    await mp.date.fill('03-03-2025')
    await expect(page.locator('#m-date-long')).toHaveText('3 Maret 2025')
    await mp.startTime.fill('9')
    await mp.endTime.fill('11.30')
    await mp.place.fill('Aula Kantor Kelurahan Sukarasa')
    await expect(mp.startTime).toHaveValue('09:00')
    await mp.chair.fill('Hj. Nurhayati')
    await mp.minuteTaker.fill('Agus Salim')
    await mp.invitation.fill('005/45-Kesra/III/2025')

    // Agenda 1: a bold word by Ctrl+B, a paragraph, then a bulleted list started by its button
    // and continued by Enter.
    await mp.agendaTitle(1).fill('Data stunting triwulan I')
    await mp.agendaTitle(1).press('Enter')
    await expect(mp.agendaMinutes(1)).toBeFocused()
    await page.keyboard.press('Control+b')
    await page.keyboard.type('Penting')
    await page.keyboard.press('End')
    await page.keyboard.type(': angka stunting turun dari 14 menjadi 11 balita.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await mp.formatButton('Notulen agenda 1', 'Daftar').click()
    await page.keyboard.type('Balita ditimbang 412')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Balita gizi kurang 9')
    await expect(mp.agendaMinutes(1)).toHaveValue(
      '**Penting**: angka stunting turun dari 14 menjadi 11 balita.\n\n- Balita ditimbang 412\n- Balita gizi kurang 9',
    )
    const preview = mp.minutesPreview(mp.agendaMinutes(1))
    await expect(preview.locator('strong')).toHaveText('Penting')
    await expect(preview.locator('ul > li')).toHaveText(['Balita ditimbang 412', 'Balita gizi kurang 9'])

    await mp.addAgenda.click()
    await expect(mp.agendaTitle(2)).toBeFocused()
    await page.keyboard.type('Jadwal monev Posyandu')
    await mp.agendaMinutes(2).fill('Monev dilaksanakan bulan April di dua Posyandu.')
    await mp.conclusions.fill('1. Kader menimbang ulang balita gizi kurang.\n2. Puskesmas menyiapkan PMT.')
    await snap(page, 'meeting-form-agenda')

    // The attendance list, pasted at once and checked in the preview before it is added.
    await mp.pasteToggle.click()
    await expect(mp.pasteBox).toBeFocused()
    await mp.pasteBox.fill(pasteText())
    await expect(mp.pasteCount).toHaveText('12 peserta terbaca')
    await mp.pasteAdd(12).click()
    await expect(mp.attendeeCount).toHaveText('12 peserta · 12 hadir, 0 tidak hadir')
    await expect(mp.attendeeName(12)).toHaveValue('Lilis Karlina')
    for (const name of ABSENT) await mp.presentBox(name).uncheck()
    await expect(mp.attendeeCount).toHaveText('12 peserta · 10 hadir, 2 tidak hadir')
    // Enter in the last row opens a new one; left empty, it is not a 13th attendee.
    await mp.attendeeName(12).press('Enter')
    await expect(mp.attendeeName(13)).toBeFocused()
    await expect(mp.attendeeCount).toHaveText('12 peserta · 10 hadir, 2 tidak hadir')
    await snap(page, 'meeting-form-attendance')

    await page.keyboard.press('Control+s')
    await expect(mp.heading).toHaveText('Rapat koordinasi penanganan stunting triwulan I')
    await expect(page).toHaveURL(/#\/rapat\/[0-9a-f-]{36}$/)
    const id = /#\/rapat\/([0-9a-f-]{36})$/.exec(page.url())![1]!

    async function expectDetail() {
      await expect(page.getByText('Senin, 3 Maret 2025')).toBeVisible()
      await expect(page.getByText('09.00–11.30 WIB')).toBeVisible()
      await expect(page.getByText('005/45-Kesra/III/2025')).toBeVisible()
      const items = mp.agendaList.locator(':scope > li')
      await expect(items).toHaveCount(2)
      await expect(items.nth(0).getByRole('heading', { level: 3 })).toHaveText('Data stunting triwulan I')
      await expect(items.nth(0).locator('strong')).toHaveText('Penting')
      await expect(items.nth(0).locator('ul > li')).toHaveText(['Balita ditimbang 412', 'Balita gizi kurang 9'])
      await expect(items.nth(1).getByRole('heading', { level: 3 })).toHaveText('Jadwal monev Posyandu')
      await expect(page.getByRole('region', { name: 'Kesimpulan' }).locator('ol > li')).toHaveCount(2)
      await expect(mp.attendanceSummary).toHaveText('12 peserta · 10 hadir, 2 tidak hadir')
      const table = page.getByRole('table', { name: 'Daftar hadir' })
      await expect(table.locator('tbody tr')).toHaveCount(12)
      for (const name of ABSENT) await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('Tidak hadir')
    }
    await expectDetail()
    await snap(page, 'meeting-detail')

    await page.reload()
    await expect(mp.heading).toHaveText('Rapat koordinasi penanganan stunting triwulan I')
    await expectDetail()

    // The edit form opens with everything as saved; leaving it unchanged asks nothing.
    await page.getByRole('link', { name: 'Ubah', exact: true }).click()
    await expect(mp.heading).toHaveText('Ubah rapat: Rapat koordinasi penanganan stunting triwulan I')
    await expect(mp.agendaMinutes(1)).toHaveValue(/^\*\*Penting\*\*: angka stunting/)
    await expect(mp.attendeeCount).toHaveText('12 peserta · 10 hadir, 2 tidak hadir')
    await expect(mp.presentBox('Dedi Kurniawan')).not.toBeChecked()
    await mp.title.press('Escape')
    await expect(mp.heading).toHaveText('Rapat koordinasi penanganan stunting triwulan I')

    const saved = await host.invoke<Meeting>('meeting:get', { id })
    expect(saved.level).toBe('kelurahan')
    expect(saved.startTime).toBe('09:00')
    expect(saved.endTime).toBe('11:30')
    expect(saved.agenda.map((a) => a.title)).toEqual(['Data stunting triwulan I', 'Jadwal monev Posyandu'])
    expect(saved.attendees).toHaveLength(12)
    expect(saved.attendees.filter((a) => !a.present).map((a) => a.name)).toEqual(ABSENT)
    expect(saved.attendees[0]).toMatchObject({ name: 'Hj. Nurhayati', position: 'Ketua TP PKK', institution: 'TP PKK', phone: '+6281211110001' })
    // "Dinas Kesehatan / Puskesmas" is one of the office's OPD: the row names it.
    const opds = await host.invoke<{ id: string; name: string }[]>('opd:list', {})
    expect(saved.attendees[2]!.opdId).toBe(opds.find((o) => o.name === 'Dinas Kesehatan / Puskesmas')!.id)
    expect(await host.invoke<MeetingRow[]>('meeting:list', {})).toHaveLength(before.length + 1)

    await page.getByRole('link', { name: '← Daftar rapat' }).click()
    const row = mp.table.getByRole('row', { name: /Rapat koordinasi penanganan stunting/ })
    await expect(row).toContainText('3 Maret 2025')
    await expect(row).toContainText('10/12')
    await snap(page, 'meeting-list')
  })

  test('a meeting without a title is refused in Indonesian at the field, and nothing is saved', async ({ page, openApp, host }) => {
    const before = await host.invoke<MeetingRow[]>('meeting:list', {})
    await openApp('rapat/baru')
    const mp = new MeetingPage(page)
    await expect(mp.heading).toHaveText('Catat rapat')
    await mp.agendaTitle(1).fill('Pembukaan')
    await mp.pasteToggle.click()
    await mp.pasteBox.fill('Siti Aminah; Kader; Posyandu Mawar 01; 12345')
    await mp.pasteAdd(1).click()

    await mp.save.click()
    await expect(mp.errorOf(mp.title)).toHaveText('Judul rapat wajib diisi.')
    await expect(mp.title).toBeFocused()
    await expect(mp.fixErrors).toBeVisible()
    // A wrong number in the attendance list is named at its row.
    await expect(mp.attendeePhone(1)).toHaveAccessibleDescription(/Nomor HP tidak dikenali/)
    await expect(mp.heading).toHaveText('Catat rapat')
    expect(await host.invoke<MeetingRow[]>('meeting:list', {})).toHaveLength(before.length)

    // Fixed, it saves.
    await mp.title.fill('Rapat persiapan bulan penimbangan')
    await mp.attendeePhone(1).fill('0812-3456-7890')
    await page.keyboard.press('Control+s')
    await expect(mp.heading).toHaveText('Rapat persiapan bulan penimbangan')
    expect(await host.invoke<MeetingRow[]>('meeting:list', {})).toHaveLength(before.length + 1)
  })

  test('a file over the limit is refused with an Indonesian message; a small photo is attached', async ({ page, openApp, host }) => {
    const meeting = await createMeeting(host)
    await openApp(`rapat/${meeting.id}`)
    const mp = new MeetingPage(page)
    await expect(mp.heading).toHaveText(meeting.title)

    await mp.attachmentKind.selectOption({ label: 'Daftar hadir bertanda tangan (pindaian)' })
    await mp.attachmentFile.setInputFiles({ name: 'daftar-hadir-scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 0xff) })
    await expect(page.getByRole('alert')).toContainText('Berkas "daftar-hadir-scan.jpg" terlalu besar')
    await expect(page.getByRole('alert')).toContainText('Paling besar 8 MB')
    expect((await host.invoke<Meeting>('meeting:get', { id: meeting.id })).attachments).toHaveLength(0)

    // A 1×1 PNG: small enough for any transport.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    await mp.attachmentKind.selectOption({ label: 'Foto kegiatan' })
    await mp.attachmentFile.setInputFiles({ name: 'foto-rapat.png', mimeType: 'image/png', buffer: png })
    await expect(mp.attachments.getByRole('listitem')).toHaveCount(1)
    await expect(mp.attachments).toContainText('foto-rapat.png')
    await expect(mp.attachments).toContainText('Foto kegiatan')
    const thumb = mp.attachments.getByRole('button', { name: 'Lihat foto-rapat.png' }).locator('img')
    await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1)
    await mp.attachments.scrollIntoViewIfNeeded()
    await snap(page, 'meeting-attachments')
    const saved = await host.invoke<Meeting>('meeting:get', { id: meeting.id })
    expect(saved.attachments.map((a) => [a.fileName, a.kind, a.size])).toEqual([['foto-rapat.png', 'foto', png.length]])
  })

  test('the meeting list, form and page have no serious accessibility problems', async ({ page, openApp, host }) => {
    const meeting = await createMeeting(host)
    const mp = new MeetingPage(page)
    for (const [path, heading] of [
      ['rapat', 'Rapat Tim Pembina Posyandu'],
      ['rapat/baru', 'Catat rapat'],
      [`rapat/${meeting.id}`, meeting.title],
    ] as const) {
      await openApp(path)
      await expect(mp.heading).toHaveText(heading)
      await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0)
      if (path === 'rapat/baru') {
        // With the paste panel open and a list in its preview: the form at its busiest.
        await mp.pasteToggle.click()
        await mp.pasteBox.fill(pasteText())
        await expect(mp.pasteCount).toHaveText('12 peserta terbaca')
      }
      expect(await seriousViolations(page), path).toEqual([])
    }
  })
})
