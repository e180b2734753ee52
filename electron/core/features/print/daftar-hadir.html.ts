// A training's attendance list (daftar hadir): one row per participant, one signature cell
// per day, tall enough to sign with a pen. The header row repeats on every printed page
// (thead as table-header-group). A long activity splits its days over several tables so a
// cell never becomes too narrow to sign in.

import type { Training } from '../../../../shared/contract'
import type { TrainingKind } from '../../../../shared/domain/competency'
import { html, letterhead, page, signature, type SafeHtml } from './html'
import type { Office } from './office'
import { hari, rentangTanggal, tanggal, tanggalSingkat } from '../../../../shared/domain/tanggal'

export interface DaftarHadirData {
  office: Office
  training: Training
}

/** The training screens' words for each kind (renderer i18n "training.kinds"; the core cannot import it). */
export const KIND_LABELS: Record<TrainingKind, string> = {
  pelatihan: 'Pelatihan',
  refreshing: 'Refreshing (penyegaran)',
  bimtek: 'Bimbingan teknis (bimtek)',
  orientasi: 'Orientasi',
  praktik_lapangan: 'Praktik lapangan',
}

/** One signature column fits beside the names on a portrait page; more turns the page landscape. */
const PORTRAIT_DAYS = 1
/** Day columns per table in landscape (≥24 mm each): more days continue in the next table. */
const DAYS_PER_TABLE = 5
/** An empty training still prints a sheet to fill in by hand. */
const BLANK_ROWS = 15

const CSS = `
.attendance { font-size: 9.5pt; table-layout: fixed; }
.attendance th { text-align: center; vertical-align: middle; }
.attendance td { height: 12mm; vertical-align: middle; }
.attendance .no { width: 9mm; text-align: center; }
.attendance .name { width: 56mm; }
.attendance .posyandu { width: 38mm; }
.attendance .village { width: 30mm; }
.landscape .attendance .name { width: 60mm; }
.landscape .attendance .posyandu { width: 42mm; }
.landscape .attendance .village { width: 34mm; }
.attendance td.sign { position: relative; padding: 0; }
/* The number sits left on odd rows and further right on even ones, as on paper lists, so
   neighbouring signatures do not run into each other. */
.attendance td.sign span { position: absolute; top: 1mm; font-size: 7pt; color: #444; }
.attendance tr.odd td.sign span { left: 1.2mm; }
.attendance tr.even td.sign span { left: 45%; }
.day-range { margin: 5mm 0 2mm; font-weight: bold; }
.day-range.continued { break-before: page; page-break-before: always; }
`

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out.length ? out : [[]]
}

function attendanceTable(training: Training, days: string[], firstDay: number): SafeHtml {
  const single = training.days.length === 1
  const dayHeader = (d: string, i: number) =>
    single
      ? html`<th class="day">Tanda tangan</th>`
      : html`<th class="day">Hari ke-${firstDay + i + 1}<br><span class="small">${hari(d)}, ${tanggalSingkat(d)}</span></th>`
  const rows: { name: string; posyandu: string; village: string }[] =
    training.participants.length > 0
      ? training.participants.map((p) => ({ name: p.name, posyandu: p.posyanduName, village: p.villageName }))
      : Array.from({ length: BLANK_ROWS }, () => ({ name: '', posyandu: '', village: '' }))
  return html`<table class="attendance">
  <thead>
    <tr>
      <th class="no">No</th><th class="name">Nama</th><th class="posyandu">Posyandu</th><th class="village">Kelurahan/desa</th>
      ${days.map(dayHeader)}
    </tr>
  </thead>
  <tbody>
${rows.map(
  (r, i) => html`    <tr class="${i % 2 === 0 ? 'odd' : 'even'} participant">
      <td class="no">${i + 1}</td><td class="name">${r.name}</td><td class="posyandu">${r.posyandu}</td><td class="village">${r.village}</td>
      ${days.map(() => html`<td class="sign"><span>${i + 1}.</span></td>`)}
    </tr>
`,
)}  </tbody>
</table>`
}

export function daftarHadirHtml(data: DaftarHadirData): { title: string; html: string } {
  const { office, training } = data
  const title = `Daftar Hadir - ${training.title}`
  const landscape = training.days.length > PORTRAIT_DAYS
  const parts = landscape ? chunks(training.days, DAYS_PER_TABLE) : [training.days]

  const tables = parts.map((days, n) => {
    const first = n * DAYS_PER_TABLE
    const heading =
      parts.length > 1
        ? html`<p class="day-range${n > 0 ? ' continued' : ''}">Hari ke-${first + 1} s.d. ke-${first + days.length}
            (${rentangTanggal(days[0]!, days[days.length - 1]!)})</p>`
        : ''
    return html`${heading}${attendanceTable(training, days, first)}`
  })

  const body = html`${letterhead(office.letterhead)}
<h1>DAFTAR HADIR</h1>
<p class="subtitle"><b>${training.title}</b></p>

<table class="meta">
  <tr><td>Jenis kegiatan</td><td>: ${KIND_LABELS[training.kind] ?? training.kind}</td></tr>
  <tr><td>Tanggal</td><td>: ${rentangTanggal(training.startDate, training.endDate)}${training.days.length > 1 ? ` (${training.days.length} hari)` : ''}</td></tr>
  <tr><td>Tempat</td><td>: ${training.place ?? '…………………………………'}</td></tr>
  <tr><td>Penyelenggara</td><td>: ${training.organiser ?? '…………………………………'}</td></tr>
  <tr><td>Jumlah peserta</td><td>: ${training.participants.length} orang</td></tr>
</table>

${tables}

<div class="signatures single-signature">
  ${signature({
    above: `${office.city}, ${tanggal(training.endDate)}`,
    role: 'Penanggung jawab kegiatan',
    organisation: training.organiser,
  })}
</div>`

  return { title, html: page({ title, css: CSS, body, landscape }) }
}
