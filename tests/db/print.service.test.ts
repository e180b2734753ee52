import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assessBulk } from '../../electron/core/features/competency/competency.service'
import { DEFAULT_CATALOGUE } from '../../electron/core/features/competency/catalogue.service'
import { escapeHtml, html, safeFileName } from '../../electron/core/features/print/html'
import { cityOf } from '../../electron/core/features/print/office'
import { printDocument } from '../../electron/core/features/print/print.service'
import { rentangTanggal, tanggal } from '../../shared/domain/tanggal'
import { createTraining } from '../../electron/core/features/training/training.service'
import { bulkAssessmentInput, trainingInput, type Input, type Kader, type Posyandu } from '../../shared/contract'
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
    expect(count(doc.html, /<td class="date">10 Mar 2026<\/td>/)).toBe(12)
    expect(count(doc.html, /&#10003; Diperoleh/)).toBe(2)

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
    expect(count(doc.html, /&#10003; Diperoleh/)).toBe(5)
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
