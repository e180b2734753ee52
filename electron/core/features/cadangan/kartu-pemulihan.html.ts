// The kartu pemulihan: the office's recovery code on paper, kept in the office file, with how to
// restore a copy from the flashdisk when the PC is lost. One A4 page; the code in large monospace,
// grouped as shown on screen, so it is read and typed back without guessing.

import type { PrintDocument } from '../../../../shared/contract'
import { hariIni, tanggal } from '../../../../shared/domain/tanggal'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import type { Db } from '../../db/schema'
import { areaPath } from '../area/area.service'
import { html, letterhead, page, safeFileName, signature } from '../print/html'
import { loadOffice, type Office } from '../print/office'
import { requireSite } from '../site/site.service'
import { COPY_EXTENSION } from './flashdisk'
import { recoveryCode } from './kode'

export interface KartuPemulihanData {
  office: Office
  officeName: string
  area: string
  code: string
  /** "YYYY-MM-DD" */
  today: string
}

const CSS = `
h1 { margin-top: 2mm; }
.secret { border: 1.4pt solid #000; padding: 2mm 3mm; margin: 3mm 0 4mm; font-weight: bold; text-align: center; }
.code { font: bold 22pt/1.3 "DejaVu Sans Mono", "Consolas", "Courier New", monospace; letter-spacing: 1.5pt;
  text-align: center; border: 2pt solid #000; padding: 5mm 2mm; margin: 4mm 0; word-spacing: 4pt; }
.code-note { text-align: center; font-size: 9pt; margin-bottom: 5mm; }
ol { margin: 0 0 3mm 5mm; padding-left: 4mm; }
li { margin-bottom: 1.5mm; }
.cmd { font-family: "DejaVu Sans Mono", "Consolas", "Courier New", monospace; font-size: 9pt; }
.stamp { border: .6pt dashed #000; width: 35mm; height: 30mm; display: flex; align-items: center; justify-content: center; font-size: 8pt; color: #444; }
`

export function kartuPemulihanHtml(data: KartuPemulihanData): { title: string; html: string } {
  const title = `Kartu Pemulihan - ${data.officeName}`
  const body = html`${letterhead(data.office.letterhead)}
<h1>KARTU PEMULIHAN DATA SIMPUL POSYANDU</h1>
<p class="subtitle">Simpan di map arsip kantor. Kartu ini membuka salinan cadangan kantor di flashdisk.</p>

<table class="meta">
  <tr><td>Kantor</td><td>: <b>${data.officeName}</b></td></tr>
  <tr><td>Wilayah</td><td>: ${data.area}</td></tr>
  <tr><td>Tanggal kartu</td><td>: ${tanggal(data.today)}</td></tr>
</table>

<p class="secret">RAHASIA — jangan difoto, disalin ke komputer, atau dikirim lewat pesan. Siapa pun yang memegang
kode ini dan flashdisk salinan dapat membaca data kader (termasuk NIK).</p>

<p>Kode pemulihan:</p>
<div class="code">${data.code}</div>
<p class="code-note">24 huruf dan angka. Huruf besar/kecil dan tanda hubung tidak berpengaruh; huruf O dibaca angka 0, huruf I dan L dibaca angka 1.</p>

<h2>Bila PC kantor rusak, hilang atau dicuri</h2>
<ol>
  <li>Pasang Simpul Posyandu di PC pengganti. Cari flashdisk berisi salinan kantor: berkas
    <span class="cmd">cadangan-…${COPY_EXTENSION}</span> yang terbaru.</li>
  <li>Di aplikasi desktop, pada layar pertama (atau layar “Berkas data rusak”): buka <b>Pulihkan dari salinan flashdisk</b>, ketik folder flashdisk, pilih salinannya, lalu ketik kode di atas.</li>
  <li>Atau oleh petugas TI, lewat baris perintah:<br>
    <span class="cmd">npm run simpul -- cadangan pulihkan --db BERKAS-DATA.sqlite BERKAS${COPY_EXTENSION} --kode KODE</span></li>
  <li>Data yang dicatat setelah salinan itu dibuat tidak ada di dalamnya. Minta Puskesmas atau Dinas mengirim kembali paket
    berisi data kantor ini bila ada.</li>
  <li>Setelah pulih, buat kartu pemulihan baru dari Pengaturan → Cadangan bila aplikasi menampilkan kode yang berbeda.</li>
</ol>

<div class="signatures">
  <div class="stamp">Stempel kantor</div>
  ${signature({ above: `${data.office.city}, ${tanggal(data.today)}`, role: 'Yang menyimpan kartu', nip: null })}
</div>`
  return { title, html: page({ title, css: CSS, body }) }
}

/** The card of this office, ready to preview, print or save as PDF. */
export async function kartuPemulihan(db: Db, options: { today?: string } = {}): Promise<PrintDocument> {
  const site = await requireSite(db)
  const [office, area, code] = await Promise.all([loadOffice(db), areaPath(db, site.area_code), recoveryCode(db)])
  const page = kartuPemulihanHtml({ office, officeName: site.name, area, code, today: options.today ?? hariIni(zonaDariKodeWilayah(site.area_code)) })
  return { title: page.title, fileName: safeFileName(`Kartu Pemulihan - ${site.name}`), html: page.html }
}
