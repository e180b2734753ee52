// The layout of a roster file: its sheets, the chosen sheet, the header row, and each column's
// field (automatic, then the person's corrections).

import { basename, resolve } from 'node:path'
import { KADER_IMPORT_FIELDS, type KaderImportColumn, type KaderImportField, type KaderImportLayout } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import { looksLikeRoster, tableShape, type TableShape } from './headings'
import { cellText, columnLetter, openBook, type Book, type Grid } from './workbook'

/** The field names as the screens and messages say them. */
export const FIELD_LABELS: Record<KaderImportField, string> = {
  name: 'Nama',
  nik: 'NIK',
  sex: 'Jenis kelamin',
  birthPlace: 'Tempat lahir',
  birthDate: 'Tanggal lahir',
  birthPlaceDate: 'Tempat/Tgl lahir',
  address: 'Alamat',
  rt: 'RT',
  rw: 'RW',
  rtRw: 'RT/RW',
  phone: 'No. HP',
  posyandu: 'Posyandu',
  role: 'Jabatan',
  education: 'Pendidikan',
  skNumber: 'No. SK',
  skDate: 'Tgl SK',
  status: 'Status',
  notes: 'Keterangan',
}

export interface LoadedRoster {
  path: string
  book: Book
  grid: Grid
  shape: TableShape
  layout: KaderImportLayout
  /** Field → column number, after the person's corrections. */
  columnOf: Map<KaderImportField, number>
}

const invalid = (field: string, message: string) => new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })

const rowsHolding = (g: Grid) => g.rows.reduce((n, r) => n + (r.some((v) => v !== null) ? 1 : 0), 0)

function chooseSheet(book: Book, wanted: string | null | undefined, fileName: string): Grid {
  if (wanted) {
    const w = wanted.trim().toLowerCase()
    const grid = book.sheets.find((s) => s.name === wanted) ?? book.sheets.find((s) => s.name.trim().toLowerCase() === w)
    if (!grid) {
      throw invalid('sheet', `Lembar "${wanted}" tidak ada di berkas ${fileName}. Lembar yang ada: ${book.sheets.map((s) => s.name).join(', ')}.`)
    }
    if (rowsHolding(grid) === 0) throw invalid('sheet', `Lembar "${grid.name}" kosong. Pilih lembar yang berisi daftar kader.`)
    return grid
  }
  const visible = book.sheets.filter((s) => !s.hidden)
  const grid = visible.find(looksLikeRoster) ?? visible.find((s) => rowsHolding(s) > 0) ?? book.sheets.find((s) => rowsHolding(s) > 0)
  if (!grid) throw invalid('path', `Berkas ${fileName} tidak berisi data: semua lembarnya kosong.`)
  return grid
}

/** Up to three different values from the first data rows, as text. */
function samplesOf(grid: Grid, shape: TableShape, column: number): string[] {
  const out: string[] = []
  const end = Math.min(grid.rows.length, shape.dataStart + 200)
  for (let r = shape.dataStart; r <= end && out.length < 3; r++) {
    const t = cellText(grid.rows[r - 1]?.[column - 1])
    if (t && !out.includes(t)) out.push(t.length > 60 ? `${t.slice(0, 57)}…` : t)
  }
  return out
}

/**
 * Opens the file and works out its layout. `mapping` (column number → field or null) overrides
 * the automatic match; a field the person gives to a column is taken from any other column.
 */
export async function loadRoster(
  input: { path: string; sheet?: string | null; headerRow?: number | null },
  mapping: Record<string, KaderImportField | null> = {},
): Promise<LoadedRoster> {
  const path = resolve(input.path)
  const fileName = basename(path)
  const book = await openBook(path)
  const grid = chooseSheet(book, input.sheet, fileName)
  const holding = rowsHolding(grid)
  if (input.headerRow && input.headerRow > grid.rows.length) {
    throw invalid('headerRow', `Baris ${input.headerRow} berada di bawah data lembar "${grid.name}" (sampai baris ${grid.rows.length}). Pilih baris judul kolom yang lain.`)
  }
  const shape = tableShape(grid, input.headerRow ?? null)

  const chosen = new Map<number, KaderImportField | null>()
  for (const [key, field] of Object.entries(mapping)) {
    const c = Number(key)
    if (!Number.isInteger(c) || c < 1) continue
    if (field !== null && !(KADER_IMPORT_FIELDS as readonly string[]).includes(field)) continue
    chosen.set(c, field)
  }
  const byField = new Map<KaderImportField, number>()
  for (const [c, field] of chosen) {
    if (!field) continue
    const other = byField.get(field)
    if (other !== undefined) {
      throw invalid(
        'mapping',
        `Kolom ${columnLetter(Math.min(c, other))} dan ${columnLetter(Math.max(c, other))} sama-sama dipilih sebagai ${FIELD_LABELS[field]}. Pilih satu kolom untuk setiap isian.`,
      )
    }
    byField.set(field, c)
  }
  const columns: KaderImportColumn[] = shape.columns.map((col) => {
    let field = col.field
    if (chosen.has(col.index)) field = chosen.get(col.index) ?? null
    else if (field && byField.has(field)) field = null
    return {
      index: col.index,
      heading: col.heading || `Kolom ${columnLetter(col.index)}`,
      field,
      samples: samplesOf(grid, shape, col.index),
    }
  })
  // A column the person mapped that had neither heading nor data is still theirs to map.
  for (const [c, field] of chosen) {
    if (field && !columns.some((col) => col.index === c)) {
      columns.push({ index: c, heading: `Kolom ${columnLetter(c)}`, field, samples: samplesOf(grid, shape, c) })
    }
  }
  columns.sort((a, b) => a.index - b.index)
  const columnOf = new Map<KaderImportField, number>()
  for (const col of columns) if (col.field) columnOf.set(col.field, col.index)

  return {
    path,
    book,
    grid,
    shape,
    columnOf,
    layout: {
      path,
      fileName,
      sheets: book.sheets.map((s) => ({ name: s.name, rows: s === grid ? holding : rowsHolding(s) })),
      sheet: grid.name,
      headerRow: shape.headerRow,
      columns,
    },
  }
}
