// The kader's competency card: which of the basic skills are held kompeten (with the date of
// that judgement and by whom), the TKK held (one per skill kompeten, Kemenkes usage), which
// groups are complete (kelompok lengkap), the level, and what the next level still needs.
// Pure: takes the loaded data, returns the page. The Puskesmas signs it, so it carries a
// place/date line and two signature blocks with NIP lines.

import type { KaderCompetency } from '../../../../shared/contract'
import { codeRangeLabel, type Catalogue, type LevelCode } from '../../../../shared/domain/competency'
import { html, letterhead, page, signature, type SafeHtml } from './html'
import type { Office } from './office'
import { tanggal, tanggalSingkat } from '../../../../shared/domain/tanggal'

export interface KartuKaderData {
  office: Office
  kader: KaderCompetency
  nikMasked: string
  catalogue: Catalogue
  /** The date written on the place/date line, "YYYY-MM-DD". */
  today: string
}

const CSS = `
@page { margin: 10mm 14mm 12mm 14mm; }
@media screen { body { padding: 10mm 14mm 12mm; } }
.kop { margin-bottom: 3mm; }
h1 { font-size: 13pt; }
h2 { font-size: 10pt; margin: 3mm 0 1.5mm; }
.subtitle { margin-bottom: 3mm; }
.identity { width: 100%; margin-bottom: 1mm; }
.identity td.label { width: 26mm; }
.level { font-size: 11.5pt; font-weight: bold; }
.groups { margin-bottom: 3mm; }
.groups th, .groups td { text-align: center; padding: .8mm 1.2mm; font-size: 8.5pt; }
.groups th:first-child, .groups td:first-child { text-align: left; width: 25mm; white-space: nowrap; }
.items { font-size: 8.3pt; line-height: 1.2; }
.items th, .items td { padding: .45mm 1.4mm; }
.items td.code { width: 10mm; font-weight: bold; }
.items td.mark { width: 23mm; text-align: center; white-space: nowrap; }
.items td.date { width: 27mm; white-space: nowrap; }
/* Who judged each TKK: a number beside the date, the names once below, so the card fits one page. */
.items td.date .by { font-size: 6.5pt; position: relative; top: -0.4em; line-height: 0; }
/* A heavier rule between groups instead of a heading row: the card has to fit one page. */
.items tr.first td { border-top-width: 1.4pt; }
.yes { font-weight: bold; }
.note { font-size: 7.5pt; color: #444; }
.next { margin: 2mm 0 1mm; }
.signatures { margin-top: 3mm; }
.signature .space { height: 13mm; }
`

export function levelName(catalogue: Catalogue, level: LevelCode | null): string {
  if (!level) return 'Belum ada tingkat'
  return catalogue.levels.find((l) => l.code === level)?.name ?? `Kader ${level.charAt(0).toUpperCase()}${level.slice(1)}`
}

function nextLine(data: KartuKaderData): SafeHtml {
  const { kader, catalogue } = data
  if (!kader.next) {
    return html`<p class="next">Kader ini sudah mencapai tingkat tertinggi (${levelName(catalogue, kader.level)}).</p>`
  }
  const target = levelName(catalogue, kader.next.level)
  if (kader.next.missing.length === 0) return html`<p class="next">Untuk menjadi <b>${target}</b>: semua syarat sudah terpenuhi.</p>`
  return html`<p class="next">Untuk menjadi <b>${target}</b> masih perlu dinyatakan kompeten pada
    ${kader.next.missing.length} keterampilan: <b>${codeRangeLabel(catalogue, kader.next.missing)}</b>.</p>`
}

/** The assessor to print under "Petugas penilai": only when every current kompeten judgement names the same one. */
function soleAssessor(kader: KaderCompetency): { name: string; nip: string | null } | null {
  const assessors = kader.items
    .map((i) => i.current)
    .filter((a) => a !== null && a.result === 'kompeten')
    .map((a) => a!.assessor)
  const names = new Set(assessors.map((a) => a.name))
  return names.size === 1 ? assessors[0]! : null
}

export function kartuKaderHtml(data: KartuKaderData): { title: string; html: string } {
  const { office, kader, catalogue } = data
  const title = `Kartu Kompetensi Kader - ${kader.name}`
  const unverified = kader.items.some((i) => !i.verified)
  const assessor = soleAssessor(kader)

  const groupTable = html`<table class="groups">
  <thead><tr><th>Kelompok</th>${kader.groups.map((g) => html`<th>${g.code}. ${g.name}</th>`)}</tr></thead>
  <tbody>
    <tr><td>Dikuasai</td>${kader.groups.map((g) => html`<td>${g.competent} dari ${g.total}</td>`)}</tr>
    <tr><td>Kelompok lengkap</td>${kader.groups.map((g) =>
      g.complete ? html`<td class="yes">&#10003; Lengkap</td>` : html`<td>Belum</td>`,
    )}</tr>
  </tbody>
</table>`

  // Every assessor of a current judgement, numbered in order of first appearance.
  const assessors: string[] = []
  const assessorNo = (name: string) => {
    if (!assessors.includes(name)) assessors.push(name)
    return String(assessors.indexOf(name) + 1)
  }
  const itemRows = kader.groups.map((g) =>
    kader.items
      .filter((i) => i.groupCode === g.code)
      .map((i, n) => {
        const kompeten = i.current?.result === 'kompeten'
        return html`<tr data-code="${i.code}"${n === 0 ? html` class="first"` : ''}>
  <td class="code">${i.code}</td>
  <td>${i.text}${i.verified ? '' : html`<span class="note">*</span>`}</td>
  <td class="mark">${kompeten ? html`<span class="yes">&#10003; Kompeten</span>` : i.current ? 'Belum kompeten' : '—'}</td>
  <td class="date">${i.current ? html`${tanggalSingkat(i.current.date)} <span class="by">${assessorNo(i.current.assessor.name)}</span>` : ''}</td>
</tr>`
      }),
  )

  const body = html`${letterhead(office.letterhead)}
<h1>KARTU KOMPETENSI KADER POSYANDU</h1>
<p class="subtitle">Tanda Kecakapan Kader (TKK): ${catalogue.title}</p>

<table class="meta identity">
  <tr><td class="label">Nama</td><td>: <b>${kader.name}</b></td><td class="label">Posyandu</td><td>: ${kader.posyanduName}</td></tr>
  <tr><td class="label">NIK</td><td>: ${data.nikMasked}</td><td class="label">Kelurahan/desa</td><td>: ${kader.villageName}</td></tr>
  <tr><td class="label">Tingkat kader</td><td>: <span class="level">${levelName(catalogue, kader.level)}</span></td><td class="label">TKK</td><td>: <b class="tkk">${kader.tkk} TKK</b></td></tr>
</table>

${groupTable}

<table class="items">
  <thead><tr><th>Kode</th><th>Keterampilan dasar</th><th>Hasil (TKK)</th><th>Tanggal, penilai</th></tr></thead>
  <tbody>
${itemRows}
  </tbody>
</table>
${assessors.length || unverified
  ? html`<p class="note">${assessors.length ? html`Penilai: ${assessors.map((n, i) => html`${i ? '; ' : ''}${String(i + 1)} = <span class="assessor">${n}</span>`)}.` : ''}${unverified ? html` * Rumusan belum dicocokkan dengan teks resmi; kodenya tetap berlaku.` : ''}</p>`
  : ''}
${nextLine(data)}
<p class="small muted">Katalog keterampilan versi ${kader.catalogueVersion}. Satu TKK untuk setiap keterampilan yang kompeten; tingkat dihitung dari hasil penilaian, tidak diisi tangan.</p>

<div class="signatures">
  ${signature({ above: 'Mengetahui,', role: 'Kepala Puskesmas' })}
  ${signature({ above: `${office.city}, ${tanggal(data.today)}`, role: 'Petugas penilai', name: assessor?.name ?? null, nip: assessor?.nip ?? null })}
</div>`

  return { title, html: page({ title, css: CSS, body }) }
}
