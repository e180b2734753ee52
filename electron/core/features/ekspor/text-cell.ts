// Text that Excel would read as a formula (formula injection, "CSV injection"): a cell that
// begins with =, +, - or @ (or a tab or carriage return, which Excel skips before them). ExcelJS
// writes it as text, but Excel makes it a live formula once the cell is edited, and a kader
// named =HYPERLINK("http://…","klik") becomes a link. Every spreadsheet the app writes passes its
// text cells through here: such a cell gets Excel's quote prefix, as if typed with a leading
// apostrophe, and stays text; the text itself is not changed, so an import reads it back as it was.

import type ExcelJS from 'exceljs'

export type CellStyle = Partial<ExcelJS.Style> & { quotePrefix?: true }

/** Whether Excel would take `value` for a formula once the cell is edited. */
export function looksLikeFormula(value: unknown): value is string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
}

/** `style` for a cell holding `value`: the same style, with the quote prefix when the text looks like a formula. */
export function textCellStyle(style: Partial<ExcelJS.Style>, value: unknown): CellStyle {
  return looksLikeFormula(value) ? { ...style, quotePrefix: true } : style
}

/** Sets `value` on an ExcelJS cell (after its other styling), quote prefix included when needed. */
export function setCellValue(cell: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  cell.value = value
  if (looksLikeFormula(value)) cell.style = textCellStyle(cell.style, value)
}
