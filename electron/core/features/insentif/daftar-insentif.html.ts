// The incentive payment list of a month (daftar penerimaan insentif kader): one row per payment,
// a signature cell tall enough to sign with a pen (as the daftar hadir), the total, and the
// treasurer's and head's signatures. Per Posyandu, or the whole kelurahan/desa.

import type { Insentif } from '../../../../shared/contract'
import { FUNDING_NAMES, periodName, rupiah } from '../../../../shared/domain/sarana'
import { tanggal } from '../../../../shared/domain/tanggal'
import { html, letterhead, page, signature } from '../print/html'
import type { Office } from '../print/office'

export interface DaftarInsentifData {
  office: Office
  period: string
  /** "Posyandu Melati 01" or "Kelurahan Sukarasa". */
  scope: string
  rows: Insentif[]
  today: string
}

const CSS = `
.payments { font-size: 9.5pt; table-layout: fixed; }
.payments th { text-align: center; vertical-align: middle; }
.payments td { height: 12mm; vertical-align: middle; }
.payments .no { width: 9mm; text-align: center; }
.payments .name { width: 48mm; }
.payments .posyandu { width: 34mm; }
.payments .source { width: 22mm; }
.payments .amount { width: 26mm; text-align: right; }
.payments .paid { width: 22mm; text-align: center; }
.payments td.sign { position: relative; padding: 0; }
.payments td.sign span { position: absolute; top: 1mm; font-size: 7pt; color: #444; }
.payments tr.odd td.sign span { left: 1.2mm; }
.payments tr.even td.sign span { left: 45%; }
.payments tr.total td { height: auto; font-weight: bold; }
.signatures { display: flex; justify-content: space-between; }
`

export function daftarInsentifHtml(d: DaftarInsentifData): { title: string; html: string } {
  const title = `Daftar Penerimaan Insentif Kader - ${d.scope} - ${periodName(d.period)}`
  const total = d.rows.reduce((n, r) => n + r.amount, 0)
  const body = html`${letterhead(d.office.letterhead)}
<h1>DAFTAR PENERIMAAN INSENTIF KADER</h1>
<p class="subtitle"><b>${d.scope}</b> · Periode ${periodName(d.period)}</p>

<table class="payments">
  <thead>
    <tr>
      <th class="no">No</th><th class="name">Nama kader</th><th class="posyandu">Posyandu</th><th class="source">Sumber dana</th>
      <th class="amount">Jumlah</th><th class="paid">Tanggal dibayar</th><th class="sign-head">Tanda tangan</th>
    </tr>
  </thead>
  <tbody>
${d.rows.map(
  (r, i) => html`    <tr class="${i % 2 === 0 ? 'odd' : 'even'} payment">
      <td class="no">${i + 1}</td><td class="name">${r.kaderName}</td><td class="posyandu">${r.posyanduName}</td>
      <td class="source">${FUNDING_NAMES[r.fundingSource]}</td><td class="amount">${rupiah(r.amount)}</td>
      <td class="paid">${r.paidDate ? tanggal(r.paidDate) : 'Belum'}</td>
      <td class="sign"><span>${i + 1}.</span></td>
    </tr>
`,
)}    <tr class="total"><td></td><td colspan="3">Jumlah (${d.rows.length} kader)</td><td class="amount">${rupiah(total)}</td><td colspan="2"></td></tr>
  </tbody>
</table>

<div class="signatures">
  ${signature({ above: 'Mengetahui,', role: 'Lurah/Kepala Desa', nip: false })}
  ${signature({ above: `${d.office.city}, ${tanggal(d.today)}`, role: 'Bendahara', nip: false })}
</div>`
  return { title, html: page({ title, css: CSS, body }) }
}
