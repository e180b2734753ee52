// Kirim/Terima Paket: the orchestration the screens and the CLI call. The format, merge and zip
// work live in electron/core/sync.

import type {
  PaketDestination,
  PaketExportResult,
  PaketFile,
  PaketHistory,
  PaketImportSummary,
  PaketOffice,
  ParsedInput,
} from '../../../../shared/contract'
import type { Emit } from '../../ipc/types'
import type { Db } from '../../db/schema'

const TODO = (): never => {
  throw new Error('belum dibuat')
}

export async function paketState(_db: Db): Promise<{ folder: string; destinations: PaketDestination[]; self: PaketOffice }> {
  return TODO()
}
export async function exportPaket(_db: Db, _input: ParsedInput<'paket:export'>, _emit?: Emit): Promise<PaketExportResult> {
  return TODO()
}
export async function scanFolder(_db: Db, _input: ParsedInput<'paket:scan'>): Promise<PaketFile[]> {
  return TODO()
}
export async function previewPaket(_db: Db, _input: ParsedInput<'paket:preview'>, _emit?: Emit): Promise<PaketImportSummary> {
  return TODO()
}
export async function importPaket(_db: Db, _input: ParsedInput<'paket:import'>, _emit?: Emit): Promise<PaketImportSummary> {
  return TODO()
}
export async function paketHistory(_db: Db): Promise<PaketHistory> {
  return TODO()
}
