// Building printable pages as strings. Every value interpolated through the `html` tag is
// escaped unless it is itself the output of `html` (or `raw`), so a kader named
// "<script>…" prints as text: the page is shown in the UI's preview frame and rendered by
// Chromium to PDF, and must never run or load anything.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Markup that is already safe: built by `html`, or a constant written in this folder. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!
  return new SafeHtml(out)
}

/** For constants of this folder only (the style sheets): never pass data through it. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * The sheet every printed page shares. A4 with margins an office printer can hold, black on
 * white (photocopies of photocopies stay readable), sizes in mm/pt so the preview and the PDF
 * agree, and the page number in the bottom margin (CSS page-margin boxes, Chromium 131+).
 */
const BASE_CSS = `
@page { size: A4 portrait; margin: 16mm 15mm 18mm 15mm;
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #444; }
}
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #000; font: 10.5pt/1.35 Arial, Helvetica, "Liberation Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen {
  html { background: #d9dedb; }
  body { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 16mm 15mm 18mm; background: #fff;
    box-shadow: 0 1px 6px rgba(0,0,0,.25); }
  body.landscape { width: 297mm; min-height: 210mm; }
}
h1 { font-size: 14pt; margin: 0 0 1mm; text-align: center; letter-spacing: .5pt; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: .6pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #e6e6e6; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.kop { display: flex; align-items: center; gap: 4mm; border-bottom: 2.2pt double #000; padding-bottom: 2mm; margin-bottom: 5mm; }
.kop-text { flex: 1; text-align: center; }
.kop-gov { font-size: 11pt; font-weight: bold; letter-spacing: .4pt; }
.kop-office { font-size: 14pt; font-weight: bold; letter-spacing: .4pt; }
.kop-area { font-size: 9pt; }
.subtitle { text-align: center; margin-bottom: 5mm; }
.meta { border: none; width: auto; margin-bottom: 4mm; }
.meta td { border: none; padding: .4mm 2mm .4mm 0; }
.meta td:first-child { white-space: nowrap; }
.muted { color: #444; }
.small { font-size: 8.5pt; }
.center { text-align: center; }
.nowrap { white-space: nowrap; }
.signatures { display: flex; justify-content: space-between; gap: 12mm; margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; }
.signature { width: 70mm; text-align: center; }
.signature .space { height: 22mm; }
.signature .name { border-bottom: .6pt solid #000; min-height: 5mm; font-weight: bold; }
.signature .nip { text-align: left; margin-top: 1mm; }
.single-signature { justify-content: flex-end; }
`

/** A standalone page: inline style only, no script, no external resource. */
export function page(opts: { title: string; css: string; body: SafeHtml; landscape?: boolean }): string {
  const landscapeCss = opts.landscape ? '@page { size: A4 landscape; }' : ''
  return (
    '<!doctype html>\n' +
    html`<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<style>${raw(BASE_CSS + landscapeCss + opts.css)}</style>
</head>
<body class="${opts.landscape ? 'landscape' : 'portrait'}">
${opts.body}
</body>
</html>
`.value
  )
}

/** The office's letterhead (kop surat): government, office name, the area it works in. */
export function letterhead(opts: { government: string; unit: string | null; office: string; area: string }): SafeHtml {
  return html`<header class="kop">
  <div class="kop-text">
    <div class="kop-gov">${opts.government.toUpperCase()}</div>
    ${opts.unit ? html`<div class="kop-gov">${opts.unit.toUpperCase()}</div>` : ''}
    <div class="kop-office">${opts.office.toUpperCase()}</div>
    <div class="kop-area">${opts.area}</div>
  </div>
</header>`
}

/** A signature block: role, space to sign, name line and NIP line (blank when unknown). */
export function signature(opts: {
  above?: string
  role: string
  organisation?: string | null
  name?: string | null
  nip?: string | null | false
}): SafeHtml {
  return html`<div class="signature">
  ${opts.above ? html`<div>${opts.above}</div>` : ''}
  <div>${opts.role}</div>
  ${opts.organisation ? html`<div>${opts.organisation}</div>` : ''}
  <div class="space"></div>
  <div class="name">${opts.name ?? ''}</div>
  ${opts.nip === false ? '' : html`<div class="nip">NIP. ${opts.nip ?? ''}</div>`}
</div>`
}

/** A file name every file system accepts: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 ? ' ' : c))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, '')
  return `${cleaned || 'Dokumen'}.pdf`
}
