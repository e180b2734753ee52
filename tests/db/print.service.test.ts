import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assessBulk } from '../../electron/core/features/competency/competency.service'
import { DEFAULT_CATALOGUE } from '../../electron/core/features/competency/catalogue.service'
import { escapeHtml, html, safeFileName } from '../../electron/core/features/print/html'
import { cityOf } from '../../electron/core/features/print/office'
import { printDocument } from '../../electron/core/features/print/print.service'
import { rentangTanggal, tanggal } from '../../shared/domain/tanggal'
import { createTraining } from '../../electron/core/features/training/training.service'
import { createMeeting } from '../../electron/core/features/meeting/meeting.service'
import { addFollowUpProgress, createFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import {
  bulkAssessmentInput,
  followUpInput,
  followUpProgressInput,
  meetingInput,
  trainingInput,
  type Input,
  type Kader,
  type Posyandu,
} from '../../shared/contract'
import { competencyCodes } from '../../shared/domain/competency'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'

let t: TestDb
let melati: Posyandu
let siti: Kader
let ani: Kader
let budi: Kader

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
  const mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar 02', rw: '2' })
  siti = (await makeKader(t.db, melati.id, { name: 'Siti Aminah' })).kader
  ani = (await makeKader(t.db, mawar.id, { name: 'Ani Rahmawati' })).kader
  budi = (await makeKader(t.db, melati.id, { name: 'Budi Santoso', sex: 'L' })).kader
})
afterEach(async () => t.cleanup())

const CODES = competencyCodes(DEFAULT_CATALOGUE)
const ASSESSOR = { name: 'Bidan Yuli Astuti', nip: '198001012005012003', profession: 'Bidan', institution: 'Puskesmas Tangerang' }

function assessKompeten(kaderId: string, codes: string[], date = '2026-03-10') {
  return assessBulk(
    t.db,
    bulkAssessmentInput.parse({
      trainingId: null,
      date,
      method: 'observasi_praktik',
      assessor: ASSESSOR,
      entries: codes.map((competencyCode) => ({ kaderId, competencyCode, result: 'kompeten' })),
    }),
  )
}

function newTraining(overrides: Partial<Input<'training:create'>> = {}) {
  return createTraining(
    t.db,
    trainingInput.parse({
      title: 'Pelatihan Kader Dasar Angkatan I',
      kind: 'pelatihan',
      startDate: '2026-03-03',
      endDate: '2026-03-05',
      place: 'Aula Puskesmas Tangerang',
      organiser: 'Puskesmas Tangerang',
      facilitators: [],
      competencies: ['C1', 'C2'],
      notes: null,
      participantIds: [siti.id, ani.id, budi.id],
      ...overrides,
    }),
  )
}

const kartu = (kaderId: string) => printDocument(t.db, { kind: 'kartuKader', kaderId }, { today: '2026-11-23' })
const daftar = (trainingId: string) => printDocument(t.db, { kind: 'daftarHadir', trainingId })
const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, 'g')) ?? []).length

const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'h1', 'h2', 'p', 'b', 'span', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])
const ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'class', 'colspan', 'data-code'])

/** A printed page must not run or fetch anything: only plain tags and attributes, no URL in the style. */
function expectStandalone(page: string) {
  expect(page.startsWith('<!doctype html>')).toBe(true)
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? ''
  expect(style).not.toMatch(/url\(|@import/i)
  const tags = [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)]
  expect(tags.length).toBeGreaterThan(20)
  for (const [, tag, attrs] of tags) {
    expect(TAGS, tag).toContain(tag!.toLowerCase())
    for (const [, attr] of attrs!.matchAll(/([^\s=]+)(?:="[^"]*")?/g)) expect(ATTRIBUTES, `${tag} ${attr}`).toContain(attr!.toLowerCase())
  }
}

describe('kartu kompetensi kader', () => {
  it('shows the kader, the masked NIK, the level, the 25 codes with dates, and the letterhead', async () => {
    await assessKompeten(siti.id, CODES.filter((c) => c.startsWith('A') || c.startsWith('B')))
    const doc = await kartu(siti.id)

    expect(doc.title).toBe('Kartu Kompetensi Kader - Siti Aminah')
    expect(doc.fileName).toBe('Kartu Kompetensi - Siti Aminah.pdf')
    expectStandalone(doc.html)
    expect(doc.html).toContain('Siti Aminah')
    expect(doc.html).toContain(`${siti.nik.slice(0, 6)}******${siti.nik.slice(12)}`)
    expect(doc.html).not.toContain(siti.nik)
    expect(doc.html).toContain('Posyandu Melati 01')
    expect(doc.html).toContain('Sukarasa')
    expect(doc.html).toMatch(/<span class="level">Kader Purwa<\/span>/)
    // Letterhead: government, the kelurahan's kecamatan, the office, its area.
    expect(doc.html).toContain('PEMERINTAH KOTA TANGERANG')
    expect(doc.html).toContain('KECAMATAN TANGERANG')
    expect(doc.html).toContain('KANTOR KELURAHAN SUKARASA')
    expect(doc.html).toContain('Wilayah kerja: Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten')

    expect(CODES).toHaveLength(25)
    for (const code of CODES) expect(doc.html).toContain(`data-code="${code}"`)
    expect(count(doc.html, /<tr data-code=/)).toBe(25)
    // A and B kompeten (12 items) with the date of that judgement; C–E not yet assessed.
    expect(count(doc.html, /&#10003; Kompeten/)).toBe(12)
    // One TKK per skill kompeten; a complete group is a kelompok lengkap, not a TKK.
    expect(doc.html).toContain('<b class="tkk">12 TKK</b>')
    expect(count(doc.html, /&#10003; Lengkap/)).toBe(2)
    // Which TKK, when and by whom: each date carries its assessor's number, the names once below.
    expect(count(doc.html, /<td class="date">10 Mar 2026 <span class="by">1<\/span><\/td>/)).toBe(12)
    expect(doc.html).toContain('Penilai: 1 = <span class="assessor">Bidan Yuli Astuti</span>.')

    expect(doc.html).toContain('Untuk menjadi <b>Kader Madya</b>')
    expect(doc.html).toContain('<b>D1–D4</b>')
    expect(doc.html).toContain('Katalog keterampilan versi 2024.1')
    expect(doc.html).toContain('belum dicocokkan dengan teks resmi')
    // Place/date line and the two signature blocks with NIP lines; the sole assessor is printed.
    expect(doc.html).toContain('Tangerang, 23 November 2026')
    expect(doc.html).toContain('Kepala Puskesmas')
    expect(doc.html).toContain('Petugas penilai')
    expect(doc.html).toContain('Bidan Yuli Astuti')
    expect(doc.html).toContain('NIP. 198001012005012003')
  })

  it('says a kader without any kompeten group has no level yet and needs groups A and B', async () => {
    const doc = await kartu(budi.id)
    expect(doc.html).toMatch(/<span class="level">Belum ada tingkat<\/span>/)
    expect(count(doc.html, /&#10003; Kompeten/)).toBe(0)
    expect(doc.html).toContain('Untuk menjadi <b>Kader Purwa</b>')
    expect(doc.html).toContain('A1–A4, B1–B8')
  })

  it('prints a kader at the highest level without a next step', async () => {
    await assessKompeten(ani.id, CODES)
    const doc = await kartu(ani.id)
    expect(doc.html).toMatch(/<span class="level">Kader Utama<\/span>/)
    expect(doc.html).toContain('sudah mencapai tingkat tertinggi')
    expect(count(doc.html, /&#10003; Lengkap/)).toBe(5)
    expect(doc.html).toContain('<b class="tkk">25 TKK</b>')
  })

  it('escapes markup in a name so it prints as text', async () => {
    const evil = (await makeKader(t.db, melati.id, { name: '<script>alert("x")</script> & Co' })).kader
    const doc = await kartu(evil.id)
    expectStandalone(doc.html)
    expect(doc.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
    expect(doc.fileName).toBe('Kartu Kompetensi - script alert( x ) script & Co.pdf')
  })

  it('answers not_found for an unknown kader', async () => {
    const e = await errorOf(() => kartu('0190f5a4-0000-7000-8000-000000000000'))
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/tidak ditemukan/)
  })
})

describe('daftar hadir', () => {
  it('has one row per participant and one signature column per day, with the header repeated on each page', async () => {
    const tr = await newTraining()
    const doc = await daftar(tr.id)

    expectStandalone(doc.html)
    expect(doc.title).toBe('Daftar Hadir - Pelatihan Kader Dasar Angkatan I')
    expect(doc.fileName).toBe('Daftar Hadir - Pelatihan Kader Dasar Angkatan I - 2026-03-03.pdf')
    expect(doc.html).toContain('DAFTAR HADIR')
    expect(doc.html).toContain('PEMERINTAH KOTA TANGERANG')
    expect(doc.html).toContain('3–5 Maret 2026 (3 hari)')
    expect(doc.html).toContain('Aula Puskesmas Tangerang')
    expect(doc.html).toContain(': Pelatihan</td>')
    expect(doc.html).toContain('thead { display: table-header-group; }')
    // More than one signature column does not fit beside the names in portrait.
    expect(doc.html).toContain('size: A4 landscape')

    expect(count(doc.html, /<tr class="(odd|even) participant">/)).toBe(3)
    expect(count(doc.html, /<td class="sign">/)).toBe(3 * 3)
    expect(count(doc.html, /<th class="day">Hari ke-\d/)).toBe(3)
    expect(doc.html).toContain('Hari ke-1<br><span class="small">Selasa, 3 Mar 2026</span>')
    expect(doc.html).toContain('Hari ke-3<br><span class="small">Kamis, 5 Mar 2026</span>')
    // Participants come in the training's order (by name) with their Posyandu and kelurahan.
    const names = [...doc.html.matchAll(/<td class="name">([^<]*)<\/td>/g)].map((m) => m[1])
    expect(names).toEqual(['Ani Rahmawati', 'Budi Santoso', 'Siti Aminah'])
    expect(doc.html).toContain('<td class="posyandu">Posyandu Mawar 02</td>')
    // The organiser signs at the end, dated the last day in the office's city.
    expect(doc.html).toContain('Tangerang, 5 Maret 2026')
    expect(doc.html).toMatch(/<div>Penanggung jawab kegiatan<\/div>\s*<div>Puskesmas Tangerang<\/div>/)
  })

  it('gives a one-day training a single signature column on a portrait page', async () => {
    const tr = await newTraining({ startDate: '2026-03-03', endDate: '2026-03-03' })
    const doc = await daftar(tr.id)
    expect(doc.html).toContain('<th class="day">Tanda tangan</th>')
    expect(count(doc.html, /<td class="sign">/)).toBe(3)
    expect(doc.html).not.toContain('landscape;')
    expect(doc.html).toContain(': 3 Maret 2026</td>')
  })

  it('splits a long activity into tables of five days so every cell stays wide enough to sign', async () => {
    const tr = await newTraining({ kind: 'praktik_lapangan', startDate: '2026-03-30', endDate: '2026-04-08' })
    const doc = await daftar(tr.id)
    expect(count(doc.html, /<table class="attendance">/)).toBe(2)
    expect(count(doc.html, /<th class="day">/)).toBe(10)
    expect(count(doc.html, /<td class="sign">/)).toBe(3 * 10)
    expect(count(doc.html, /<tr class="(odd|even) participant">/)).toBe(3 * 2)
    expect(doc.html).toContain('Hari ke-1 s.d. ke-5')
    expect(doc.html).toContain('Hari ke-6 s.d. ke-10')
    expect(doc.html).toContain('30 Maret – 8 April 2026 (10 hari)')
    expect(doc.html).toContain('Praktik lapangan')
  })

  it('prints blank numbered rows for a training without participants yet', async () => {
    const tr = await newTraining({ participantIds: [] })
    const doc = await daftar(tr.id)
    expect(count(doc.html, /<tr class="(odd|even) participant">/)).toBe(15)
    expect(doc.html).toContain('0 orang')
  })

  it('escapes markup in a place and a title', async () => {
    const tr = await newTraining({ title: 'Kelas <b>A</b>', place: '<img src=x onerror=alert(1)>' })
    const doc = await daftar(tr.id)
    expectStandalone(doc.html)
    expect(doc.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(doc.html).toContain('<title>Daftar Hadir - Kelas &lt;b&gt;A&lt;/b&gt;</title>')
  })

  it('answers not_found for an unknown training', async () => {
    const e = await errorOf(() => daftar('0190f5a4-0000-7000-8000-000000000000'))
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/tidak ditemukan/)
  })
})

describe('print helpers', () => {
  it('writes Indonesian dates and spans as letters do', () => {
    expect(tanggal('2026-11-23')).toBe('23 November 2026')
    expect(tanggal('2026-08-01')).toBe('1 Agustus 2026')
    expect(rentangTanggal('2026-03-03', '2026-03-03')).toBe('3 Maret 2026')
    expect(rentangTanggal('2026-03-03', '2026-03-05')).toBe('3–5 Maret 2026')
    expect(rentangTanggal('2026-03-30', '2026-04-02')).toBe('30 Maret – 2 April 2026')
    expect(rentangTanggal('2026-12-30', '2027-01-02')).toBe('30 Desember 2026 – 2 Januari 2027')
  })

  it('takes the city from the regency name', () => {
    expect(cityOf('Kota Tangerang')).toBe('Tangerang')
    expect(cityOf('Kabupaten Tangerang')).toBe('Tangerang')
    expect(cityOf('Kota Administrasi Jakarta Pusat')).toBe('Jakarta Pusat')
  })

  it('escapes every interpolated value but keeps nested markup built by the tag', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p>${inner}${['<', html`<br>`]}${null}${false}${3}</p>`.value).toBe('<p><b>&lt;i&gt;</b>&lt;<br>3</p>')
  })

  it('makes a file name no file system refuses', () => {
    expect(safeFileName('Daftar Hadir - A/B: C?')).toBe('Daftar Hadir - A B C.pdf')
    expect(safeFileName('  ...  ')).toBe('Dokumen.pdf')
  })
})

// ---------------------------------------------------------------- notulen rapat

describe('notulen rapat', () => {
  const TODAY = '2026-11-23'
  const notulen = (meetingId: string) => printDocument(t.db, { kind: 'notulen', meetingId }, { today: TODAY })

  /** The notulen also uses lists; otherwise the same rule as every printed page. */
  function expectStandaloneNotulen(page: string) {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? ''
    expect(page.startsWith('<!doctype html>')).toBe(true)
    expect(style).not.toMatch(/url\(|@import/i)
    const tags = new Set([...TAGS, 'ul', 'ol', 'li'])
    for (const [, tag, attrs] of page.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
      expect(tags, tag).toContain(tag!.toLowerCase())
      for (const [, attr] of attrs!.matchAll(/([^\s=]+)(?:="[^"]*")?/g)) expect(ATTRIBUTES, `${tag} ${attr}`).toContain(attr!.toLowerCase())
    }
  }

  async function opdId(code: string): Promise<string> {
    return (await t.db.selectFrom('opd').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  }

  async function meetingWithFollowUps() {
    const dinkes = await opdId('dinkes')
    const pupr = await opdId('pupr')
    const meeting = await createMeeting(
      t.db,
      meetingInput.parse({
        level: 'kelurahan',
        kind: 'rapat_koordinasi',
        title: 'Rapat Koordinasi Tim Pembina Posyandu Triwulan IV',
        date: '2026-10-06',
        startTime: '09:00',
        endTime: '11:30',
        place: 'Aula Kantor Kelurahan Sukarasa',
        chair: 'Hj. Siti Rahmawati',
        minuteTaker: 'Dewi Lestari, S.Sos',
        invitationNumber: '005/123/Kel.1001/X/2026',
        spmFields: ['kesehatan', 'pekerjaan_umum'],
        agenda: [
          { title: 'Pembukaan', minutes: 'Rapat dibuka oleh **Ketua TP PKK**.\nPeserta hadir tepat waktu.' },
          { title: 'Laporan Posyandu', minutes: 'Capaian:\n\n- D/S **82%**\n- Imunisasi 91%\n\n1. Melati 01 buka rutin\n2. Mawar 02 perlu timbangan' },
          { title: 'Lain-lain <i>', minutes: '' },
        ],
        conclusions: '1. Timbangan diganti.\n2. Drainase dibersihkan.',
        attendees: [
          { name: 'Hj. Siti Rahmawati', position: 'Ketua TP PKK Kelurahan Sukarasa', institution: 'TP PKK Kelurahan Sukarasa', phone: '081234567890', present: true },
          { name: '<script>alert(1)</script> Budi', position: 'Staf', institution: 'Dinas PUPR', opdId: pupr, present: true },
          { name: 'Yuli Astuti', position: 'Bidan Koordinator', institution: 'Puskesmas Tangerang', opdId: dinkes, present: false },
          { name: 'Dewi Lestari, S.Sos', position: 'Kasi Kesos', institution: 'Kantor Kelurahan Sukarasa', present: true },
        ],
      }),
    )
    const follow = (description: string, opd: string, dueDate: string) =>
      createFollowUp(t.db, followUpInput.parse({ source: 'rapat', meetingId: meeting.id, date: '2026-10-06', posyanduId: melati.id, spmField: 'kesehatan', description, opdId: opd, dueDate }))
    const late = await follow('Timbangan dacin Posyandu Melati 01 rusak & perlu diganti.', dinkes, '2026-11-06')
    const done = await follow('Saluran drainase di depan Posyandu tersumbat.', pupr, '2026-11-30')
    await addFollowUpProgress(t.db, followUpProgressInput.parse({ id: done.id, date: '2026-10-20', status: 'selesai', note: 'Sudah dikerjakan', closingEvidence: 'Foto sesudah perbaikan' }))
    const open = await follow('Cakupan imunisasi RW 02 rendah.', dinkes, '2026-12-15')
    return { meeting, late, done, open }
  }

  it('prints the hours in the zone of the office: WITA for an office in Bali', async () => {
    const { meeting } = await meetingWithFollowUps()
    // The zone comes from the office's area (its province); only the area code is moved here.
    await t.db.updateTable('site').set({ area_code: '51.71.01.1001' }).execute()
    const doc = await notulen(meeting.id)
    expect(doc.html).toContain(': 09.00–11.30 WITA</td>')
    expect(doc.html).not.toContain('WIB')
  })

  it('prints the letterhead, the particulars, the numbered agenda with its minutes, and the conclusions', async () => {
    const { meeting } = await meetingWithFollowUps()
    const doc = await notulen(meeting.id)
    expectStandaloneNotulen(doc.html)
    expect(doc.title).toBe('Notulen - Rapat Koordinasi Tim Pembina Posyandu Triwulan IV')
    expect(doc.fileName).toBe('Notulen - Rapat Koordinasi Tim Pembina Posyandu Triwulan IV - 2026-10-06.pdf')
    expect(doc.html).toContain('PEMERINTAH KOTA TANGERANG')
    expect(doc.html).toContain('KANTOR KELURAHAN SUKARASA')
    expect(doc.html).toContain('<h1>NOTULEN RAPAT</h1>')
    expect(doc.html).toContain('Tim Pembina Posyandu (Pokjanal) Kelurahan Sukarasa')
    expect(doc.html).toContain(': Selasa, 6 Oktober 2026</td>')
    expect(doc.html).toContain(': 09.00–11.30 WIB</td>')
    expect(doc.html).toContain(': Aula Kantor Kelurahan Sukarasa</td>')
    expect(doc.html).toContain(': 005/123/Kel.1001/X/2026</td>')
    expect(doc.html).toContain(': Rapat koordinasi</td>')
    expect(doc.html).toContain(': Kesehatan, Pekerjaan Umum</td>')
    expect(doc.html).toContain(': 3 orang hadir dari 4 orang yang diundang</td>')

    const titles = [...doc.html.matchAll(/<p class="agenda-title"><span class="n">(\d+)\.<\/span> ([^<]*)<\/p>/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(titles).toEqual(['1 Pembukaan', '2 Laporan Posyandu', '3 Lain-lain &lt;i&gt;'])
    expect(doc.html).toContain('<p>Rapat dibuka oleh <b>Ketua TP PKK</b>.<br>Peserta hadir tepat waktu.</p>')
    expect(doc.html).toContain('<ul><li>D/S <b>82%</b></li><li>Imunisasi 91%</li></ul>')
    expect(doc.html).toContain('<ol><li>Melati 01 buka rutin</li><li>Mawar 02 perlu timbangan</li></ol>')
    expect(doc.html).toContain('<p class="empty">Tidak ada catatan.</p>')
    expect(doc.html).toMatch(/B\. Kesimpulan<\/h2>\s*<div class="rich"><ol><li>Timbangan diganti\.<\/li><li>Drainase dibersihkan\.<\/li><\/ol><\/div>/)
  })

  it('lists every attendee with a signature cell for those present, names escaped', async () => {
    const { meeting } = await meetingWithFollowUps()
    const doc = await notulen(meeting.id)
    expect(count(doc.html, /<tr class="(odd|even|absent) attendee">/)).toBe(4)
    expect(count(doc.html, /<tr class="absent attendee">/)).toBe(1)
    expect(count(doc.html, /<td class="sign"><span>\d+\.<\/span><\/td>/)).toBe(3)
    expect(doc.html).toContain('<td class="present">Tidak hadir</td>')
    expect(doc.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Budi')
    expect(doc.html).not.toContain('<script>')
    expect(doc.html).toContain('<td class="phone">0812-3456-7890</td>')
    const names = [...doc.html.matchAll(/<td class="name">([^<]*)<\/td>/g)].map((m) => m[1])
    expect(names).toEqual(['Hj. Siti Rahmawati', '&lt;script&gt;alert(1)&lt;/script&gt; Budi', 'Yuli Astuti', 'Dewi Lestari, S.Sos'])
  })

  it('puts the follow-ups in the RTL table, overdue ones marked in words, and both signature blocks', async () => {
    const { meeting } = await meetingWithFollowUps()
    const doc = await notulen(meeting.id)
    expect(count(doc.html, /<tr class="follow-up">/)).toBe(3)
    expect(doc.html).toContain('Timbangan dacin Posyandu Melati 01 rusak &amp; perlu diganti.')
    expect(doc.html).toContain('<td class="opd">Dinas PUPR</td>')
    expect(doc.html).toContain('<td class="due">6 Nov 2026</td>')
    // 6 November is 17 days before the print date: overdue, in words (not only a colour).
    expect(doc.html).toContain('<td class="status overdue">Baru — LEWAT TENGGAT 17 hari</td>')
    expect(count(doc.html, /LEWAT TENGGAT/)).toBe(1)
    expect(doc.html).toContain('<td class="status">Selesai<br><span class="small">20 Okt 2026</span></td>')
    expect(doc.html).toContain('Posyandu Melati 01 · Bidang Kesehatan')

    expect(doc.html).toMatch(/<div>\u00a0<\/div>\s*<div>Notulis<\/div>\s*<div class="space"><\/div>\s*<div class="name">Dewi Lestari, S\.Sos<\/div>/)
    expect(doc.html).toMatch(/<div>Tangerang, 6 Oktober 2026<\/div>\s*<div>Pimpinan Rapat<\/div>\s*<div class="space"><\/div>\s*<div class="name">Hj\. Siti Rahmawati<\/div>/)
    // Signatures come after the RTL; the attendance sheet follows as an annex on its own page.
    expect(doc.html.indexOf('Pimpinan Rapat')).toBeGreaterThan(doc.html.indexOf('<table class="rtl">'))
    expect(doc.html.indexOf('Lampiran: Daftar hadir')).toBeGreaterThan(doc.html.indexOf('Pimpinan Rapat'))
  })

  it('prints an empty meeting with blanks to fill in by hand', async () => {
    const meeting = await createMeeting(t.db, meetingInput.parse({ level: 'kecamatan', kind: 'fgd', title: 'FGD Stunting', date: '2026-11-02' }))
    const doc = await notulen(meeting.id)
    expectStandaloneNotulen(doc.html)
    expect(doc.html).toContain('Tim Pembina Posyandu (Pokjanal) Kecamatan Tangerang')
    expect(doc.html).toContain(': …………………………………</td>')
    expect(doc.html).toContain('Tidak ada agenda yang dicatat.')
    expect(doc.html).toContain('Tidak ada tindak lanjut dari rapat ini.')
    expect(doc.html).toContain('Daftar hadir belum diisi.')
    expect(count(doc.html, /<div class="signature">/)).toBe(2)
  })

  it('answers not_found for an unknown meeting', async () => {
    const e = await errorOf(() => notulen('0190f5a4-0000-7000-8000-000000000000'))
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/tidak ditemukan/)
  })
})
