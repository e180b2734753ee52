// The rows an import skipped, as they were, beside the roster: "<name>_baris-bermasalah_<YYYYMMDD-HHmm>.xlsx"
// with a column "Masalah" saying what is wrong in each. Its headings are ones the importer
// recognises, so the person can fix the rows in this file and import it as it is.

import { existsSync, renameSync, rmSync } from 'node:fs'
import { capFile, waktu } from '../../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { basename, dirname, extname, join } from 'node:path'
import { AppError } from '../../../../shared/result'
import { classifyHeading } from './headings'
import { FIELD_LABELS, type LoadedRoster } from './layout'
import type { RowPlan } from './preview'
import { loadExcelJs } from '../ekspor/exceljs'
import { setCellValue } from '../ekspor/text-cell'
import { dateCellIso } from './workbook'

/**
 * "20261123-1030" on the office's wall clock (its zone), as the screen and the report's own
 * title row say it, and as the exports name their files (issue 17: one clock, not the PC's).
 */
export function reportStamp(now: Date, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  return capFile(now, zona)
}

function reportPath(roster: LoadedRoster, now: Date, zona: ZonaWaktu): string {
  const dir = dirname(roster.path)
  const base = basename(roster.path, extname(roster.path))
  const stem = `${base}_baris-bermasalah_${reportStamp(now, zona)}`
  let path = join(dir, `${stem}.xlsx`)
  for (let i = 2; existsSync(path); i++) path = join(dir, `${stem}_${i}.xlsx`)
  return path
}

export async function writeErrorReport(roster: LoadedRoster, skipped: readonly RowPlan[], now: Date, zona: ZonaWaktu = ZONA_WAKTU.WIB): Promise<string> {
  const { layout } = roster
  const wb = new (await loadExcelJs()).Workbook()
  wb.creator = 'Simpul Posyandu'
  const ws = wb.addWorksheet('Baris dilewati', { views: [{ state: 'frozen', ySplit: 2 }] })
  const columns = layout.columns
  const width = columns.length + 2
  // On the office's wall clock with its zone, not the machine's: "23 November 2026 16.05 WITA".
  const stamp = waktu(now.toISOString(), zona)
  setCellValue(ws.getCell(1, 1), `Baris yang tidak diimpor dari ${layout.fileName} (lembar "${layout.sheet}"), ${stamp}. Perbaiki sesuai kolom Masalah, lalu impor berkas ini lagi.`)
  ws.getCell(1, 1).font = { bold: true }
  ws.mergeCells(1, 1, 1, width)

  // Headings the importer maps back to the same fields (two-line headings become one).
  const heads = columns.map((c) => (c.field && classifyHeading(c.heading) !== c.field ? FIELD_LABELS[c.field] : c.heading))
  heads.push('Baris asal', 'Masalah')
  const head = ws.getRow(2)
  heads.forEach((h, i) => {
    const cell = head.getCell(i + 1)
    cell.font = { bold: true }
    cell.alignment = { vertical: 'middle', wrapText: true }
    // A heading as the roster wrote it (this file is imported again) can look like a formula too.
    setCellValue(cell, h)
  })

  skipped.forEach((plan, i) => {
    const out = ws.getRow(3 + i)
    columns.forEach((c, j) => {
      const v = plan.cells[c.index - 1] ?? null
      const cell = out.getCell(j + 1)
      if (v instanceof Date) {
        // Written back as the same calendar day, shown the Indonesian way.
        cell.value = new Date(`${dateCellIso(v)}T00:00:00Z`)
        cell.numFmt = 'dd-mm-yyyy'
      } else {
        // The rows as the roster wrote them: a name typed as =HYPERLINK(…) stays text (text-cell.ts).
        setCellValue(cell, v)
      }
      // Typed again into a text cell, a NIK or phone number keeps every digit.
      if (c.field === 'nik' || c.field === 'phone') cell.numFmt = '@'
    })
    out.getCell(columns.length + 1).value = plan.row.row
    const messages = plan.row.problems.map((p) => `${p.field === 'row' ? '' : `${FIELD_LABELS[p.field]}: `}${p.message}${p.severity === 'warning' ? ' (peringatan)' : ''}`)
    const m = out.getCell(columns.length + 2)
    m.alignment = { wrapText: true, vertical: 'top' }
    setCellValue(m, messages.join('\n'))
  })

  columns.forEach((c, j) => {
    const longest = Math.max(heads[j]!.length, ...skipped.slice(0, 200).map((p) => String(p.cells[c.index - 1] ?? '').length))
    ws.getColumn(j + 1).width = Math.min(40, Math.max(6, longest + 2))
  })
  ws.getColumn(columns.length + 1).width = 10
  ws.getColumn(columns.length + 2).width = 80

  const target = reportPath(roster, now, zona)
  const temp = `${target}.${process.pid}.tmp`
  try {
    await wb.xlsx.writeFile(temp)
    renameSync(temp, target)
  } catch {
    try {
      rmSync(temp, { force: true })
    } catch {
      // Not ours to remove (e.g. a folder of that name): the message below says what to do.
    }
    throw new AppError({
      code: 'internal',
      message: `Daftar baris yang dilewati tidak dapat ditulis di folder ${dirname(target)}. Salin berkas daftar kader ke folder yang dapat ditulisi (mis. Dokumen), lalu impor lagi. Belum ada data yang disimpan.`,
    })
  }
  return target
}
