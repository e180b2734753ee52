// Follow-ups per OPD as a spreadsheet: every follow-up not archived, sorted by OPD and, within
// one OPD, the overdue first (longest overdue first), then by deadline; and a summary sheet
// per OPD (open, overdue, done, cannot be done, share done, median days to close), counted
// from the same rows so the two sheets always agree. Overdue is as of today (Jakarta).

import type { FollowUpRow } from '../../../../shared/contract'
import { CLOSED_STATUSES, daysBetween } from '../../../../shared/domain/meeting'
import type { Db } from '../../db/schema'
import { listFollowUps, median } from '../follow-up/follow-up.service'
import { FOLLOW_UP_STATUS_NAMES } from '../../../../shared/domain/meeting'
import { FOLLOW_UP_SOURCE_LABEL, SPM_LABEL, labelOf } from './labels'
import { dateCell, type SheetSpec } from './workbook'

const byOpd = (a: FollowUpRow, b: FollowUpRow) =>
  a.opdName.localeCompare(b.opdName, 'id') ||
  (a.opdId ?? '').localeCompare(b.opdId ?? '') ||
  b.daysOverdue - a.daysOverdue ||
  a.dueDate.localeCompare(b.dueDate) ||
  a.date.localeCompare(b.date) ||
  a.id.localeCompare(b.id)

interface OpdCounts {
  name: string
  total: number
  open: number
  overdue: number
  done: number
  cannot: number
  days: number[]
}

export async function followUpSheets(db: Db, today: string): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const rows = [...(await listFollowUps(db, { state: 'all', opdId: null, meetingId: null, query: '' }))].sort(byOpd)

  const perOpd = new Map<string, OpdCounts>()
  for (const r of rows) {
    const key = r.opdId ?? r.opdName
    let c = perOpd.get(key)
    if (!c) perOpd.set(key, (c = { name: r.opdName, total: 0, open: 0, overdue: 0, done: 0, cannot: 0, days: [] }))
    c.total++
    if (!(CLOSED_STATUSES as readonly string[]).includes(r.status)) c.open++
    if (r.overdue) c.overdue++
    if (r.status === 'selesai') c.done++
    if (r.status === 'tidak_dapat') c.cannot++
    if (r.closedDate && (CLOSED_STATUSES as readonly string[]).includes(r.status)) c.days.push(Math.max(0, daysBetween(r.date, r.closedDate)))
  }
  const opds = [...perOpd.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'id'))
  const overdueCount = rows.filter((r) => r.overdue).length

  const list: SheetSpec = {
    name: 'Tindak Lanjut',
    title: 'Tindak Lanjut per OPD',
    notes: [
      `${rows.length.toLocaleString('id-ID')} tindak lanjut, ${overdueCount.toLocaleString('id-ID')} lewat tenggat (dihitung sampai tanggal dibuat). Urut per OPD; yang lewat tenggat paling lama lebih dulu.`,
    ],
    freezeColumns: 2,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'OPD', kind: 'text', maxWidth: 36 },
      { header: 'Uraian', kind: 'longText', maxWidth: 60 },
      { header: 'Asal', kind: 'text' },
      { header: 'Rapat', kind: 'longText', maxWidth: 40 },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Bidang SPM', kind: 'text' },
      { header: 'Dicatat', kind: 'date' },
      { header: 'Tenggat', kind: 'date' },
      { header: 'Status', kind: 'text' },
      { header: 'Lewat Tenggat (hari)', kind: 'integer' },
      { header: 'Tanggal Ditutup', kind: 'date' },
    ],
    rows: rows.map((r, i) => ({
      cells: [
        i + 1,
        r.opdName,
        r.description,
        labelOf(FOLLOW_UP_SOURCE_LABEL, r.source),
        r.meetingTitle,
        r.posyanduName,
        labelOf(SPM_LABEL, r.spmField),
        dateCell(r.date),
        dateCell(r.dueDate),
        labelOf(FOLLOW_UP_STATUS_NAMES, r.status),
        r.overdue ? r.daysOverdue : 0,
        dateCell(r.closedDate),
      ],
    })),
  }

  const sum = (f: (c: OpdCounts) => number) => opds.reduce((s, c) => s + f(c), 0)
  const allDays = opds.flatMap((c) => c.days)
  const summary: SheetSpec = {
    name: 'Ringkasan per OPD',
    title: 'Ringkasan Tindak Lanjut per OPD',
    notes: [`Per ${today.split('-').reverse().join('-')}. Selesai (%) = selesai dibagi semua tindak lanjut OPD itu. Yang paling banyak lewat tenggat di atas.`],
    freezeColumns: 1,
    columns: [
      { header: 'OPD', kind: 'text', maxWidth: 40 },
      { header: 'Jumlah', kind: 'integer' },
      { header: 'Terbuka', kind: 'integer' },
      { header: 'Lewat Tenggat', kind: 'integer' },
      { header: 'Selesai', kind: 'integer' },
      { header: 'Tidak Dapat', kind: 'integer' },
      { header: 'Selesai (%)', kind: 'percent' },
      { header: 'Median Hari sampai Ditutup', kind: 'integer' },
    ],
    rows: [
      ...opds.map((c) => ({
        cells: [c.name, c.total, c.open, c.overdue, c.done, c.cannot, c.total ? c.done / c.total : null, median(c.days)],
      })),
      {
        bold: true,
        cells: [
          'Jumlah',
          sum((c) => c.total),
          sum((c) => c.open),
          sum((c) => c.overdue),
          sum((c) => c.done),
          sum((c) => c.cannot),
          rows.length ? sum((c) => c.done) / rows.length : null,
          median(allDays),
        ],
      },
    ],
  }
  return { sheets: [list, summary], rows: rows.length }
}
