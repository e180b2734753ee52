// Lists and reports as real spreadsheets (.xlsx) (issue 7). Being written: see issue 7.

import type { ExportResult, ParsedInput } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'

export async function exportXlsx(_db: Db, _input: ParsedInput<'ekspor:xlsx'>): Promise<ExportResult> {
  throw new AppError({ code: 'unsupported', message: 'Ekspor ke Excel belum tersedia di versi ini.' })
}
