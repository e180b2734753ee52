// Which column holds what: roster headings as Indonesian offices write them ("Nama Lengkap",
// "NIK", "L/P", "Tempat/Tgl Lahir", "No. HP/WA", "RT/RW", …), matched case-, space- and
// punctuation-insensitively; and where the table starts (title rows above it skipped).

import type { KaderImportField } from '../../../../shared/contract'
import { cellText, type CellValue, type Grid } from './workbook'

/** "No. HP/WA" → "no hp wa"; "Tempat, Tgl. Lahir" → "tempat tgl lahir". */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const DATE_WORDS = new Set(['tgl', 'tanggal', 'tg', 'tangal', 'tggl', 'tmt'])
const PHONE_WORDS = new Set(['hp', 'telp', 'telpon', 'telepon', 'tlp', 'tlpn', 'wa', 'whatsapp', 'handphone', 'ponsel', 'kontak', 'telfon', 'hape'])

/**
 * The field a heading names, or null. Headings longer than five words are titles or notes,
 * never column names ("DAFTAR KADER POSYANDU KELURAHAN SUKARASA" must not read as Posyandu).
 */
export function classifyHeading(text: string): KaderImportField | null {
  const norm = normaliseHeading(text)
  if (!norm) return null
  const w = norm.split(' ')
  if (w.length > 5) return null
  const has = (x: string) => w.includes(x)
  const hasAny = (xs: Iterable<string>) => [...xs].some((x) => w.includes(x))

  if (norm === 'ttl' || (has('tempat') && (hasAny(DATE_WORDS) || norm.includes('tanggal')) && !has('sk'))) return 'birthPlaceDate'
  if (has('tempat') && (has('lahir') || has('lhr'))) return 'birthPlace'
  if (has('sk')) return hasAny(DATE_WORDS) ? 'skDate' : 'skNumber'
  if ((hasAny(DATE_WORDS) && (has('lahir') || has('lhr'))) || norm === 'lahir' || norm === 'tgllahir') return 'birthDate'
  if (has('kk') || has('kis') || has('bpjs') || has('npwp')) return null
  if (has('nik') || has('ktp') || (has('induk') && has('kependudukan'))) return 'nik'
  if (has('alamat') || has('domisili') || norm === 'tempat tinggal') return 'address'
  if (has('rt') && has('rw')) return 'rtRw'
  if (norm === 'rt' || norm === 'no rt') return 'rt'
  if (norm === 'rw' || norm === 'no rw') return 'rw'
  if (hasAny(PHONE_WORDS) || norm === 'no telp' || norm === 'nomor telepon') return 'phone'
  if (has('posyandu') && !has('kader') && !has('jabatan')) return 'posyandu'
  if (has('nama')) return 'name'
  if (norm === 'jk' || norm === 'l p' || norm === 'p l' || norm === 'lp' || has('kelamin') || norm === 'sex' || norm === 'gender') return 'sex'
  if (has('jabatan') || has('kedudukan') || norm === 'peran' || norm === 'posisi') return 'role'
  if (has('pendidikan') || norm === 'pend' || has('ijazah')) return 'education'
  if ((has('status') || has('keaktifan')) && !has('kawin') && !has('perkawinan') && !has('pernikahan')) return 'status'
  if (has('keterangan') || norm === 'ket' || has('catatan')) return 'notes'
  return null
}

/** A heading cell: text only (numbers and dates are data). */
const headingOf = (v: CellValue | undefined): string => (typeof v === 'string' ? v.trim() : '')

/** Distinct fields the cells of a row name. */
function rowScore(row: readonly CellValue[]): number {
  const fields = new Set<KaderImportField>()
  for (const v of row) {
    const f = classifyHeading(headingOf(v))
    if (f) fields.add(f)
  }
  return fields.size
}

const HEADER_SCAN = 30

/** The row (1-based) with the most known headings among the first rows; ties go to the earlier row. */
export function detectHeaderRow(grid: Grid): { row: number; score: number } {
  let best = { row: 0, score: 0 }
  const n = Math.min(grid.rows.length, HEADER_SCAN)
  for (let r = 1; r <= n; r++) {
    const score = rowScore(grid.rows[r - 1]!)
    if (score > best.score) best = { row: r, score }
  }
  if (best.row === 0) {
    // Nothing recognised: the first row holding anything, for the person to map by hand.
    const first = grid.rows.findIndex((r) => r.some((v) => v !== null))
    best = { row: first < 0 ? 1 : first + 1, score: 0 }
  }
  return best
}

/** Whether a sheet looks like a kader roster: a header with a name or NIK column and at least one more known heading. */
export function looksLikeRoster(grid: Grid): boolean {
  const { row, score } = detectHeaderRow(grid)
  if (score < 2) return false
  const fields = new Set(grid.rows[row - 1]!.map((v) => classifyHeading(headingOf(v))))
  return fields.has('name') || fields.has('nik')
}

const digitsOnly = (s: string) => s.replace(/\D/g, '')

/** A cell that is plainly data, not a heading: a date, a long number, or a NIK-like text. */
function isDataCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false
  if (v instanceof Date) return true
  if (typeof v === 'number') return Math.abs(v) > 999
  if (typeof v === 'string') return digitsOnly(v).length >= 6
  return false
}

/** "1 2 3 4 …" under the headings (a column-number row many offices print). */
function isNumberingRow(row: readonly CellValue[]): boolean {
  const values = row.filter((v) => v !== null)
  if (values.length < 3) return false
  let expect = 0
  for (const v of values) {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[()]/g, '').trim()) : NaN
    if (!Number.isInteger(n)) return false
    if (expect === 0) expect = n
    if (n !== expect) return false
    expect++
  }
  return true
}

export interface ColumnGuess {
  index: number
  heading: string
  field: KaderImportField | null
}

export interface TableShape {
  headerRow: number
  /** First row after the header, a second header line and a column-number row. */
  dataStart: number
  columns: ColumnGuess[]
}

/** Refines a two-line heading: "Tempat/Tgl Lahir" over "Tempat" | "Tanggal", "RT/RW" over "RT" | "RW". */
function refineSubheading(parent: KaderImportField | null, sub: string): KaderImportField | null {
  const own = classifyHeading(sub)
  if (own) return own
  const w = normaliseHeading(sub).split(' ')
  if (parent === 'birthPlaceDate') {
    if (w.includes('tempat') || w.includes('kota')) return 'birthPlace'
    if (w.some((x) => DATE_WORDS.has(x))) return 'birthDate'
  }
  if (parent === 'skNumber' || parent === 'skDate') {
    if (w.includes('nomor') || w.includes('no')) return 'skNumber'
    if (w.some((x) => DATE_WORDS.has(x))) return 'skDate'
  }
  return null
}

/**
 * The header row (given, or detected), an optional second heading line under merged headings,
 * an optional column-number row, and each column's heading and automatic field. A field is
 * given to one column only (the first that names it).
 */
export function tableShape(grid: Grid, headerRow: number | null): TableShape {
  const h = headerRow ?? detectHeaderRow(grid).row
  const head = grid.rows[h - 1] ?? []
  const next = grid.rows[h] ?? []
  let dataStart = h + 1

  // A second heading line: text only, no data-looking cell, and under at least one heading
  // merged across columns (two neighbours reading the same text) or itself a known heading.
  const mergedAbove = (c: number) => {
    const t = headingOf(head[c - 1])
    return t !== '' && (headingOf(head[c - 2]) === t || headingOf(head[c]) === t)
  }
  const nextCells = next.map((v, i) => ({ v, c: i + 1 })).filter((x) => x.v !== null)
  const subheader =
    nextCells.length > 0 &&
    nextCells.every((x) => typeof x.v === 'string' && !isDataCell(x.v) && x.v.length <= 40) &&
    nextCells.some((x) => headingOf(x.v) !== headingOf(head[x.c - 1]) && (mergedAbove(x.c) || classifyHeading(headingOf(x.v)) !== null))
  if (subheader) dataStart++
  if (isNumberingRow(grid.rows[dataStart - 1] ?? [])) dataStart++

  const width = Math.max(head.length, subheader ? next.length : 0, ...grid.rows.slice(dataStart - 1, dataStart + 200).map((r) => r.length))
  const columns: ColumnGuess[] = []
  const taken = new Set<KaderImportField>()
  for (let c = 1; c <= width; c++) {
    const parentText = headingOf(head[c - 1]) || cellText(head[c - 1])
    const subText = subheader ? headingOf(next[c - 1]) : ''
    let heading = parentText
    let field = classifyHeading(parentText)
    if (subText && subText !== parentText) {
      heading = parentText ? `${parentText} — ${subText}` : subText
      field = refineSubheading(field, subText) ?? (mergedAbove(c) ? null : field)
    }
    if (!heading) {
      const hasData = grid.rows.slice(dataStart - 1).some((r) => r[c - 1] !== null && r[c - 1] !== undefined)
      if (!hasData) continue
    }
    if (field && taken.has(field)) field = null
    if (field) taken.add(field)
    columns.push({ index: c, heading, field })
  }
  return { headerRow: h, dataStart, columns }
}
