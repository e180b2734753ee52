// Issue 18 as spreadsheets: every Posyandu's equipment (with the Posyandu lacking a working
// anthropometry kit on a second sheet), and the kader incentives of a year (one row per payment,
// with a sheet per kelurahan/desa: kader paid and rupiah paid, and what is still owed).

import { FUNDING_NAMES, SARANA_CONDITION_NAMES, periodName } from '../../../../shared/domain/sarana'
import type { Db } from '../../db/schema'
import { listInsentif } from '../insentif/insentif.service'
import { listSarana, saranaKitGaps } from '../sarana/sarana.service'
import { dateCell, type SheetSpec } from './workbook'

export async function saranaSheets(db: Db): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const [rows, gaps] = await Promise.all([listSarana(db, {}), saranaKitGaps(db)])
  const list: SheetSpec = {
    name: 'Sarana Prasarana',
    title: 'Sarana Prasarana Posyandu',
    notes: [`${rows.length.toLocaleString('id-ID')} baris sarana; ${rows.filter((r) => r.followUp).length.toLocaleString('id-ID')} rusak atau tidak ada.`],
    freezeColumns: 3,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Sarana', kind: 'text' },
      { header: 'Alat Antropometri', kind: 'text' },
      { header: 'Jumlah', kind: 'integer' },
      { header: 'Kondisi', kind: 'text' },
      { header: 'Tanggal Diterima', kind: 'date' },
      { header: 'Sumber Dana', kind: 'text' },
      { header: 'Keterangan', kind: 'longText', maxWidth: 40 },
    ],
    rows: rows.map((r, i) => ({
      cells: [
        i + 1,
        r.posyanduName,
        r.itemName,
        r.kit ? 'Ya' : 'Tidak',
        r.quantity,
        SARANA_CONDITION_NAMES[r.condition],
        dateCell(r.receivedDate),
        r.fundingSource ? FUNDING_NAMES[r.fundingSource] : null,
        r.note,
      ],
    })),
  }
  const kit: SheetSpec = {
    name: 'Alat Antropometri Kurang',
    title: 'Posyandu tanpa alat antropometri yang berfungsi',
    notes: ['Alat yang tidak ada, rusak berat, berjumlah 0 atau belum dicatat.'],
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Kelurahan/Desa', kind: 'text' },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Alat yang Kurang', kind: 'longText', maxWidth: 60 },
    ],
    rows: gaps.map((g, i) => ({ cells: [i + 1, g.villageName, g.posyanduName, g.missing.join(', ')] })),
  }
  return { sheets: [list, kit], rows: rows.length }
}

export async function insentifSheets(db: Db, year: number): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const all = await listInsentif(db, {})
  const rows = all.filter((r) => r.period.startsWith(`${year}-`)).reverse()
  const list: SheetSpec = {
    name: 'Insentif Kader',
    title: `Insentif Kader ${year}`,
    notes: [`${rows.length.toLocaleString('id-ID')} pembayaran; ${rows.filter((r) => !r.paidDate).length.toLocaleString('id-ID')} belum dibayar.`],
    freezeColumns: 3,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Periode', kind: 'text' },
      { header: 'Nama Kader', kind: 'text' },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Kode Kelurahan/Desa', kind: 'text' },
      { header: 'Sumber Dana', kind: 'text' },
      { header: 'Jumlah (Rp)', kind: 'integer' },
      { header: 'Tanggal Dibayar', kind: 'date' },
      { header: 'Keterangan', kind: 'longText', maxWidth: 40 },
    ],
    rows: rows.map((r, i) => ({
      cells: [i + 1, periodName(r.period), r.kaderName, r.posyanduName, r.villageCode, FUNDING_NAMES[r.fundingSource], r.amount, dateCell(r.paidDate), r.note],
    })),
  }
  const perVillage = new Map<string, { kader: Set<string>; paid: number; owed: number }>()
  for (const r of rows) {
    let v = perVillage.get(r.villageCode)
    if (!v) perVillage.set(r.villageCode, (v = { kader: new Set(), paid: 0, owed: 0 }))
    if (r.paidDate) {
      v.kader.add(r.kaderId)
      v.paid += r.amount
    } else v.owed += r.amount
  }
  const summary: SheetSpec = {
    name: 'Per Kelurahan',
    title: `Insentif Kader ${year} per Kelurahan/Desa`,
    columns: [
      { header: 'Kode Kelurahan/Desa', kind: 'text' },
      { header: 'Kader Dibayar', kind: 'integer' },
      { header: 'Jumlah Dibayar (Rp)', kind: 'integer' },
      { header: 'Belum Dibayar (Rp)', kind: 'integer' },
    ],
    rows: [...perVillage.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, v]) => ({ cells: [code, v.kader.size, v.paid, v.owed] })),
  }
  return { sheets: [list, summary], rows: rows.length }
}
