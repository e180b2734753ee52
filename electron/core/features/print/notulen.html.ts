// The minutes of a Tim Pembina meeting (notulen rapat) as offices file them: letterhead, the
// meeting's particulars, the numbered agenda with what was discussed under each item, the
// conclusions, the follow-up plan (RTL) with who owes what by when, the signatures of the
// minute-taker and the chair, then the attendance list as an annex on its own page with a
// signature cell for everyone present. Pure: takes the loaded data, returns the page.

import type { Attendee, FollowUpRow, Meeting } from '../../../../shared/contract'
import {
  daysBetween,
  isOverdue,
  parseRichText,
  FOLLOW_UP_STATUS_NAMES,
  type FollowUpSource,
  type MeetingKind,
  type MeetingLevel,
  type RichInline,
} from '../../../../shared/domain/meeting'
import { formatPhone } from '../../../../shared/domain/phone'
import type { SpmField } from '../../../../shared/domain/reference'
import { hari, tanggal, tanggalSingkat } from '../../../../shared/domain/tanggal'
import type { ZonaWaktuKode } from '../../../../shared/domain/zona-waktu'
import { html, letterhead, page, signature, type SafeHtml } from './html'
import type { Office } from './office'

export interface NotulenData {
  office: Office
  meeting: Meeting
  /** "Kelurahan Sukarasa", "Kecamatan Tangerang", "Kota Tangerang": whose Tim Pembina met. */
  areaName: string | null
  /** The office's calendar date ("YYYY-MM-DD"): what is overdue is judged against it. */
  today: string
  /** The office's zone ("WIB", "WITA", "WIT"): meeting hours are on its wall clock. Default WIB. */
  zone?: ZonaWaktuKode
}

// The meeting and follow-up screens' words (renderer i18n; the core cannot import it).
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  rapat_koordinasi: 'Rapat koordinasi',
  fgd: 'Diskusi kelompok terarah (FGD)',
  bimtek: 'Bimbingan teknis (bimtek)',
  advokasi: 'Advokasi',
  konsultasi_publik: 'Konsultasi publik',
  monev: 'Monitoring dan evaluasi (monev) / pembinaan Posyandu',
}

export const MEETING_LEVEL_LABELS: Record<MeetingLevel, string> = { kelurahan: 'Kelurahan', kecamatan: 'Kecamatan', kota: 'Kota' }

export const FOLLOW_UP_SOURCE_LABELS: Record<FollowUpSource, string> = {
  rapat: 'Keputusan rapat',
  monev: 'Temuan monev',
  aduan: 'Aduan/aspirasi di Posyandu',
}

export const SPM_LABELS: Record<SpmField, string> = {
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  pekerjaan_umum: 'Pekerjaan Umum',
  perumahan_rakyat: 'Perumahan Rakyat',
  trantibumlinmas: 'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat (Trantibumlinmas)',
  sosial: 'Sosial',
}

/** Dotted line of a form: the blank an office fills in by hand when the field was left empty. */
const BLANK = '…………………………………'

const CSS = `
h1 { margin-bottom: .5mm; }
.subtitle { margin-bottom: 4mm; }
.meta td:first-child { width: 38mm; }
h2 { break-after: avoid; page-break-after: avoid; }
.agenda-item { margin: 0 0 3mm; }
.agenda-title { font-weight: bold; margin: 0 0 1mm; break-after: avoid; page-break-after: avoid; }
.agenda-title .n { display: inline-block; min-width: 6mm; }
.rich { margin-left: 6mm; }
.rich ul, .rich ol { margin: 0 0 2mm; padding-left: 6mm; }
.rich li { margin: 0 0 .6mm; }
.empty { color: #444; font-style: italic; }
.attendance { font-size: 9pt; table-layout: fixed; }
.attendance th { text-align: center; vertical-align: middle; }
.attendance td { height: 10mm; vertical-align: middle; }
.attendance .no { width: 8mm; text-align: center; }
.attendance .name { width: 38mm; }
.attendance .position { width: 28mm; }
.attendance .institution { width: 34mm; }
.attendance .phone { width: 26mm; white-space: nowrap; }
.attendance .present { width: 15mm; text-align: center; }
.attendance td.sign { position: relative; padding: 0; }
.attendance td.sign span { position: absolute; top: 1mm; font-size: 7pt; color: #444; }
.attendance tr.odd td.sign span { left: 1.2mm; }
.attendance tr.even td.sign span { left: 45%; }
.attendance tr.absent td { color: #444; }
.rtl { font-size: 9pt; }
.rtl th { text-align: center; vertical-align: middle; }
.rtl .no { width: 8mm; text-align: center; }
.rtl .opd { width: 36mm; }
.rtl .due { width: 22mm; white-space: nowrap; }
.rtl .status { width: 30mm; }
.rtl .overdue { font-weight: bold; }
.source { font-size: 8pt; color: #444; }
.signatures { margin-top: 10mm; }
/* The attendance sheet is filed as an annex: it starts its own page, as offices staple it. */
h2.annex { break-before: page; page-break-before: always; margin-top: 0; }
`

/** "09:00" → "09.00", as Indonesian letters write the time. */
const jam = (hhmm: string) => hhmm.replace(':', '.')

function waktu(m: Meeting, zone: ZonaWaktuKode): string {
  if (m.startTime && m.endTime) return `${jam(m.startTime)}–${jam(m.endTime)} ${zone}`
  if (m.startTime) return `${jam(m.startTime)} ${zone} – selesai`
  return BLANK
}

function inline(parts: RichInline[]): SafeHtml {
  return html`${parts.map((p) => (p.bold ? html`<b>${p.text}</b>` : p.text))}`
}

/** The minutes' small rich-text format as markup; every word escaped on the way. */
export function richHtml(source: string): SafeHtml {
  const blocks = parseRichText(source)
  if (blocks.length === 0) return html`<p class="empty">Tidak ada catatan.</p>`
  return html`${blocks.map((b) => {
    switch (b.type) {
      case 'p':
        return html`<p>${b.lines.map((l, i) => html`${i > 0 ? html`<br>` : ''}${inline(l)}`)}</p>`
      case 'ul':
        return html`<ul>${b.items.map((item) => html`<li>${inline(item)}</li>`)}</ul>`
      case 'ol':
        return html`<ol>${b.items.map((item) => html`<li>${inline(item)}</li>`)}</ol>`
    }
  })}`
}

function agenda(m: Meeting): SafeHtml {
  if (m.agenda.length === 0) return html`<p class="empty">Tidak ada agenda yang dicatat.</p>`
  return html`${m.agenda.map(
    (item, i) => html`<div class="agenda-item">
  <p class="agenda-title"><span class="n">${i + 1}.</span> ${item.title}</p>
  <div class="rich">${richHtml(item.minutes)}</div>
</div>
`,
  )}`
}

function attendanceTable(attendees: Attendee[]): SafeHtml {
  let signed = 0
  return html`<table class="attendance">
  <thead>
    <tr>
      <th class="no">No</th><th class="name">Nama</th><th class="position">Jabatan</th><th class="institution">Instansi</th>
      <th class="phone">No. HP</th><th class="present">Hadir</th><th class="sign">Tanda tangan</th>
    </tr>
  </thead>
  <tbody>
${
  attendees.length === 0
    ? html`    <tr><td colspan="7" class="empty">Daftar hadir belum diisi.</td></tr>\n`
    : attendees.map((a, i) => {
        // Only those present sign; their numbers alternate left and right as on paper lists.
        const n = a.present ? ++signed : 0
        return html`    <tr class="${a.present ? (n % 2 === 1 ? 'odd' : 'even') : 'absent'} attendee">
      <td class="no">${i + 1}</td><td class="name">${a.name}</td><td class="position">${a.position ?? ''}</td>
      <td class="institution">${a.institution ?? ''}</td><td class="phone">${a.phone ? formatPhone(a.phone) : ''}</td>
      <td class="present">${a.present ? 'Hadir' : 'Tidak hadir'}</td>
      ${a.present ? html`<td class="sign"><span>${n}.</span></td>` : html`<td class="sign-absent"></td>`}
    </tr>
`
      })
}  </tbody>
</table>`
}

function statusCell(f: FollowUpRow, today: string): SafeHtml {
  const label = FOLLOW_UP_STATUS_NAMES[f.status] ?? f.status
  if (isOverdue(f, today)) {
    const days = daysBetween(f.dueDate, today)
    return html`<td class="status overdue">${label} — LEWAT TENGGAT ${days} hari</td>`
  }
  if (f.closedDate) return html`<td class="status">${label}<br><span class="small">${tanggalSingkat(f.closedDate)}</span></td>`
  return html`<td class="status">${label}</td>`
}

function followUpTable(followUps: FollowUpRow[], today: string): SafeHtml {
  return html`<table class="rtl">
  <thead>
    <tr>
      <th class="no">No</th><th class="problem">Permasalahan dan tindak lanjut</th><th class="opd">Penanggung jawab (OPD)</th>
      <th class="due">Tenggat</th><th class="status">Status</th>
    </tr>
  </thead>
  <tbody>
${
  followUps.length === 0
    ? html`    <tr><td colspan="5" class="empty">Tidak ada tindak lanjut dari rapat ini.</td></tr>\n`
    : followUps.map(
        (f, i) => html`    <tr class="follow-up">
      <td class="no">${i + 1}</td>
      <td class="problem">${f.description}${
        f.posyanduName || f.spmField
          ? html`<br><span class="source">${[f.posyanduName, f.spmField ? `Bidang ${SPM_LABELS[f.spmField] ?? f.spmField}` : null].filter(Boolean).join(' · ')}</span>`
          : ''
      }</td>
      <td class="opd">${f.opdName}</td>
      <td class="due">${tanggalSingkat(f.dueDate)}</td>
      ${statusCell(f, today)}
    </tr>
`,
      )
}  </tbody>
</table>`
}

export function notulenHtml(data: NotulenData): { title: string; html: string } {
  const { office, meeting: m, today } = data
  const title = `Notulen - ${m.title}`
  const present = m.attendees.filter((a) => a.present).length
  const team = `Tim Pembina Posyandu (Pokjanal) ${data.areaName ?? MEETING_LEVEL_LABELS[m.level] ?? m.level}`
  const kegiatan = `${MEETING_KIND_LABELS[m.kind] ?? m.kind}${m.posyanduName ? ` — ${m.posyanduName}` : ''}`

  const body = html`${letterhead(office.letterhead)}
<h1>NOTULEN RAPAT</h1>
<p class="subtitle">${team}<br><b>${m.title}</b></p>

<table class="meta">
  <tr><td>Hari/tanggal</td><td>: ${hari(m.date)}, ${tanggal(m.date)}</td></tr>
  <tr><td>Waktu</td><td>: ${waktu(m, data.zone ?? 'WIB')}</td></tr>
  <tr><td>Tempat</td><td>: ${m.place ?? BLANK}</td></tr>
  <tr><td>Pimpinan rapat</td><td>: ${m.chair ?? BLANK}</td></tr>
  <tr><td>Notulis</td><td>: ${m.minuteTaker ?? BLANK}</td></tr>
  <tr><td>Nomor undangan</td><td>: ${m.invitationNumber ?? BLANK}</td></tr>
  <tr><td>Kegiatan</td><td>: ${kegiatan}</td></tr>
  ${m.spmFields.length > 0 ? html`<tr><td>Bidang SPM</td><td>: ${m.spmFields.map((f) => SPM_LABELS[f] ?? f).join(', ')}</td></tr>` : ''}
  <tr><td>Peserta</td><td>: ${present} orang hadir dari ${m.attendees.length} orang yang diundang</td></tr>
</table>

<h2>A. Agenda dan pembahasan</h2>
${agenda(m)}

<h2>B. Kesimpulan</h2>
<div class="rich">${richHtml(m.conclusions)}</div>

<h2>C. Rencana tindak lanjut (RTL)</h2>
${followUpTable(m.followUps, today)}

<div class="signatures">
  ${signature({ above: '\u00a0', role: 'Notulis', name: m.minuteTaker, nip: false })}
  ${signature({ above: `${office.city}, ${tanggal(m.date)}`, role: 'Pimpinan Rapat', name: m.chair, nip: false })}
</div>

<h2 class="annex">Lampiran: Daftar hadir</h2>
<p class="small">${m.title} — ${hari(m.date)}, ${tanggal(m.date)}</p>
${attendanceTable(m.attendees)}
${
  m.attachments.length > 0
    ? html`<p class="small muted">Lampiran lain: ${m.attachments.map((a) => a.fileName).join(', ')}.</p>`
    : ''
}`

  return { title, html: page({ title, css: CSS, body }) }
}
