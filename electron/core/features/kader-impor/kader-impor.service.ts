// Importing a kader roster from a spreadsheet (.xlsx or .csv) the kelurahan already keeps (issue 7).
// Being written: see issue 7.

import type { KaderImportLayout, KaderImportPreview, KaderImportResult, ParsedInput } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'

const notYet = () => new AppError({ code: 'unsupported', message: 'Impor daftar kader dari Excel belum tersedia di versi ini.' })

export async function readRosterLayout(_db: Db, _input: ParsedInput<'kaderImpor:read'>): Promise<KaderImportLayout> {
  throw notYet()
}

export async function previewRosterImport(_db: Db, _input: ParsedInput<'kaderImpor:preview'>): Promise<KaderImportPreview> {
  throw notYet()
}

export async function applyRosterImport(_db: Db, _input: ParsedInput<'kaderImpor:apply'>): Promise<KaderImportResult> {
  throw notYet()
}
