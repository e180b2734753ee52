// Opening whatever the person picked as a roster: .xlsx through ExcelJS, .csv by hand (csv.ts),
// and a clear Indonesian message for the files offices really have that are neither: the old
// .xls, a workbook locked with a password (also an OLE file), an .ods, or the HTML table that
// web applications hand out under an .xls name.

import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type ExcelJS from 'exceljs'
import { loadExcelJs } from '../ekspor/exceljs'
import { AppError } from '../../../../shared/result'
import { decodeText, parseCsv } from './csv'
import { assertUnpacksSmall } from './unzip-limit'

/** A cell as read: merged cells read as their top-left cell, formulas as their result. */
export type CellValue = string | number | boolean | Date | null

export interface Grid {
  name: string
  /** Hidden sheets are listed but never chosen automatically. */
  hidden: boolean
  /** rows[r - 1][c - 1] is the cell at row r, column c (1-based, as Excel shows them). */
  rows: CellValue[][]
  width: number
}

export interface Book {
  kind: 'xlsx' | 'csv'
  sheets: Grid[]
}

const MAX_BYTES = 50 * 1024 * 1024
const MAX_COLUMNS = 200

const invalid = (message: string) => new AppError({ code: 'invalid_input', field: 'path', message, fields: { path: message } })

export function notSpreadsheet(name: string): AppError {
  return invalid(`Berkas ${name} bukan lembar kerja Excel (.xlsx) atau CSV. Pilih berkas daftar kader yang disimpan dari Excel.`)
}

/** An ExcelJS value reduced to what a roster cell can mean. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('')
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result
      return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : r
    }
    if ('hyperlink' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown
      return typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? plain(t as ExcelJS.CellRichTextValue) : null
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error)
  }
  return null
}

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = []
  let width = 0
  // Only the rows the file holds: a sheet formatted down to row 1,048,576 has no more than that.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const n = Math.min(row.cellCount, MAX_COLUMNS)
    const cells: CellValue[] = []
    for (let c = 1; c <= n; c++) {
      let v = plain(row.getCell(c).value)
      if (typeof v === 'string') {
        v = v.replace(/\u00a0/g, ' ')
        if (v.trim() === '') v = null
      }
      cells.push(v)
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop()
    width = Math.max(width, cells.length)
    while (rows.length < r - 1) rows.push([])
    rows[r - 1] = cells
  })
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop()
  return { name: ws.name, hidden: ws.state !== 'visible', rows, width }
}

function csvGrid(name: string, bytes: Uint8Array): Grid {
  const rows: CellValue[][] = parseCsv(decodeText(bytes)).map((cells) => {
    const out: CellValue[] = cells.slice(0, MAX_COLUMNS).map((s) => {
      const t = s.replace(/\u00a0/g, ' ')
      return t.trim() === '' ? null : t
    })
    while (out.length > 0 && out[out.length - 1] === null) out.pop()
    return out
  })
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop()
  return { name, hidden: false, rows, width: Math.max(0, ...rows.map((r) => r.length)) }
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b)

/** Reads the roster file, or says in Indonesian why it cannot be read and what to do. */
export async function openBook(path: string): Promise<Book> {
  const name = basename(path)
  let size: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw notSpreadsheet(name)
    size = st.size
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError({
      code: 'not_found',
      message: `Berkas ${path} tidak ditemukan. Periksa apakah berkasnya masih ada (dan flashdisk masih terpasang), lalu pilih lagi.`,
    })
  }
  if (size === 0) throw invalid(`Berkas ${name} kosong (0 byte). Pilih berkas daftar kader yang berisi data.`)
  if (size > MAX_BYTES) throw invalid(`Berkas ${name} terlalu besar untuk daftar kader (lebih dari 50 MB). Simpan lembar daftar kadernya saja sebagai berkas .xlsx baru.`)
  const buf = readFileSync(path)
  const resave = (what: string) =>
    invalid(`${what} Buka berkas ${name} di Excel, pilih Simpan Sebagai → "Buku Kerja Excel (.xlsx)", lalu pilih berkas .xlsx yang baru.`)

  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (buf.subarray(30, 100).toString('latin1').includes('application/vnd.oasis.opendocument')) {
      throw resave(`Berkas ${name} berformat OpenDocument (.ods), bukan Excel.`)
    }
    // ExcelJS inflates every part whole: a small file that opens to gigabytes is refused first.
    try {
      await assertUnpacksSmall(buf)
    } catch (e) {
      if (e instanceof AppError) throw e
      throw notSpreadsheet(name)
    }
    const wb = new (await loadExcelJs()).Workbook()
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer)
    } catch {
      throw notSpreadsheet(name)
    }
    if (wb.worksheets.length === 0) throw notSpreadsheet(name)
    return { kind: 'xlsx', sheets: wb.worksheets.map(gridOf) }
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: an encrypted .xlsx (password to open) keeps its package in a
    // stream named EncryptedPackage; otherwise it is the Excel 97–2003 format.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw invalid(
        `Berkas ${name} dilindungi kata sandi. Buka di Excel dengan kata sandinya, hapus kata sandi (File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan), simpan ulang sebagai .xlsx, lalu pilih lagi.`,
      )
    }
    throw resave(`Berkas ${name} berformat Excel lama (.xls) yang tidak dapat dibaca aplikasi ini.`)
  }
  const head = buf.subarray(0, 4096)
  const headText = head.toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase()
  if (headText.startsWith('<') && /<(table|html|\?xml)/.test(headText)) {
    throw resave(`Berkas ${name} sebenarnya halaman web (HTML) atau XML yang diberi nama ${extname(name) || 'Excel'}, bukan lembar kerja.`)
  }
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])
  if (!utf16 && head.includes(0)) throw notSpreadsheet(name)
  const ext = extname(name).toLowerCase()
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || ext === '.xlsb') throw notSpreadsheet(name)
  const sheetName = basename(name, extname(name)) || 'CSV'
  return { kind: 'csv', sheets: [csvGrid(sheetName, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))] }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** "YYYY-MM-DD" of a date cell. ExcelJS gives the calendar day at 00:00 UTC; a time of day is dropped. */
export function dateCellIso(d: Date): string {
  const t = new Date(d.getTime() + 1000)
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`
}

/** A cell as the person reads it in Excel (dates dd-mm-yyyy, whole numbers without exponent). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak'
  if (v instanceof Date) return dateCellIso(v).split('-').reverse().join('-')
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString()
  return String(v)
}

/** Columns as Excel names them: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = ''
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
