// Lists and reports as real spreadsheets (.xlsx) (issue 7): the kader roster, the competency
// matrix, training attendance, follow-ups per OPD and the recap. Each kind describes its
// sheets (roster.ts, matrix.ts, training.ts, tindak-lanjut.ts, rekap.ts); workbook.ts writes
// them all the same way (title rows, frozen bold header, typed cells, widths, filter) and
// file.ts names the file and writes it atomically into the chosen folder.

import { basename, dirname, join } from 'node:path'
import type { ExportKind, ExportResult, ParsedInput } from '../../../../shared/contract'
import { hariIni, waktu } from '../../../../shared/domain/tanggal'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import type { Db } from '../../db/schema'
import { requireSite } from '../site/site.service'
import { assertFolder, exportFileName, writeAtomically } from './file'
import { matrixSheets } from './matrix'
import { rekapSheets } from './rekap'
import { rosterSheets } from './roster'
import { insentifSheets, saranaSheets } from './sarana'
import { followUpSheets } from './tindak-lanjut'
import { oneTrainingSheets, yearTrainingSheets } from './training'
import { writeWorkbook, type SheetSpec } from './workbook'

/** The first word of the file name per kind (the rest: office and time). */
export const EXPORT_FILE_PREFIX: Record<ExportKind, string> = {
  roster: 'daftar-kader',
  matrix: 'matriks-kompetensi',
  training: 'pelatihan',
  'tindak-lanjut': 'tindak-lanjut',
  rekap: 'rekap',
  sarana: 'sarana-posyandu',
  insentif: 'insentif-kader',
}

interface Built {
  sheets: SheetSpec[]
  rows: number
  prefix: string
}

async function build(db: Db, input: ParsedInput<'ekspor:xlsx'>, today: string, nowMs: number): Promise<Built> {
  switch (input.what) {
    case 'roster':
      return { ...(await rosterSheets(db, { fullNik: input.fullNik, today })), prefix: EXPORT_FILE_PREFIX.roster }
    case 'matrix':
      return { ...(await matrixSheets(db)), prefix: EXPORT_FILE_PREFIX.matrix }
    case 'training': {
      if (input.trainingId) return { ...(await oneTrainingSheets(db, input.trainingId, input.fullNik)), prefix: 'peserta-pelatihan' }
      const year = input.year ?? Number(today.slice(0, 4))
      return { ...(await yearTrainingSheets(db, year, input.fullNik)), prefix: `${EXPORT_FILE_PREFIX.training}-${year}` }
    }
    case 'tindak-lanjut':
      return { ...(await followUpSheets(db, today)), prefix: EXPORT_FILE_PREFIX['tindak-lanjut'] }
    case 'rekap': {
      const r = await rekapSheets(db, input.year ?? null, nowMs)
      return { sheets: r.sheets, rows: r.rows, prefix: `${EXPORT_FILE_PREFIX.rekap}-${r.year}` }
    }
    case 'sarana':
      return { ...(await saranaSheets(db)), prefix: EXPORT_FILE_PREFIX.sarana }
    case 'insentif': {
      const year = input.year ?? Number(today.slice(0, 4))
      return { ...(await insentifSheets(db, year)), prefix: `${EXPORT_FILE_PREFIX.insentif}-${year}` }
    }
  }
}

export interface ExportOptions {
  /** The clock (tests): the date in the title row and the time in the file name. */
  nowMs?: number
  /** The exact file to write (the CLI's --out FILE.xlsx); otherwise a telling name inside input.folder. */
  outFile?: string
}

/** Writes one list or report as an .xlsx file; rows = data rows of its main sheet. */
export async function exportXlsx(db: Db, input: ParsedInput<'ekspor:xlsx'>, options: ExportOptions = {}): Promise<ExportResult> {
  const nowMs = options.nowMs ?? Date.now()
  const site = await requireSite(db)
  const folder = options.outFile ? dirname(options.outFile) : input.folder
  // Before any work: a missing stick is told at once, not after reading 20,000 kader.
  assertFolder(folder)
  const zona = zonaDariKodeWilayah(site.area_code)
  const today = hariIni(zona, new Date(nowMs))
  const built = await build(db, input, today, nowMs)
  const fileName = options.outFile ? basename(options.outFile) : exportFileName(built.prefix, site.name, nowMs, folder, zona)
  const path = options.outFile ?? join(folder, fileName)
  const heading = { office: site.name, created: `Dibuat ${waktu(new Date(nowMs).toISOString(), zona)}`, at: new Date(nowMs) }
  await writeAtomically(path, (stream) => writeWorkbook(stream, heading, built.sheets))
  return { path, fileName, rows: built.rows }
}
