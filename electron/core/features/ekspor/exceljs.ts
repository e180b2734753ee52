// ExcelJS, with JSZip, archiver and their polyfills, takes about a third of a second to load:
// it is loaded by the first spreadsheet read or written, not by every command and every start
// of the app that never touches one. Modules that use it import only its types statically.

import type ExcelJS from 'exceljs'

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = await import('exceljs')
  // CommonJS through import(): the module object is `default` in Node and the built JavaScript bundle, the
  // namespace itself where a loader already unwrapped it.
  return (mod as { default?: typeof ExcelJS }).default ?? mod
}
