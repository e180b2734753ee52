import type { FollowUpRow } from '../../../../shared/contract'
import { FOLLOW_UP_STATUS_NAMES } from '../../../../shared/domain/meeting'
import { defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'
import { clip, fmt, textTable } from './rapat-list'

/**
 * What a script reads: flat, with the OPD by name and dates as "YYYY-MM-DD". The field names
 * are promised in the README; add, never rename.
 */
function jsonRow(f: FollowUpRow) {
  return {
    id: f.id,
    description: f.description,
    opd: f.opdName,
    opdId: f.opdId,
    dueDate: f.dueDate,
    status: f.status,
    overdue: f.overdue,
    daysOverdue: f.daysOverdue,
    date: f.date,
    source: f.source,
    spmField: f.spmField,
    meetingId: f.meetingId,
    meetingTitle: f.meetingTitle,
    posyandu: f.posyanduName,
    posyanduId: f.posyanduId,
    closedDate: f.closedDate,
  }
}

function table(rows: FollowUpRow[]): string {
  return textTable(
    ['Tenggat', 'Status', 'Lewat tenggat', 'OPD', 'Uraian', 'Posyandu'],
    rows.map((f) => [
      tanggalCli(f.dueDate),
      FOLLOW_UP_STATUS_NAMES[f.status] ?? f.status,
      f.overdue ? `LEWAT ${fmt(f.daysOverdue)} hari` : '',
      clip(f.opdName, 36),
      clip(f.description, 60),
      f.posyanduName ?? '',
    ]),
  )
}

export const tindakLanjutList = defineCommand({
  name: 'tindak-lanjut list',
  summary: 'Menampilkan tindak lanjut rapat, monev dan aduan beserta OPD penanggung jawabnya; --overdue hanya yang lewat tenggat (tabel, atau --json).',
  usage: '--db BERKAS [--overdue] [--json]',
  options: { db: { type: 'string' }, overdue: { type: 'boolean' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async (s) => {
      const rows = await call(s, 'followUp:list', { state: values.overdue ? 'overdue' : 'all', query: '' })
      if (values.json) {
        io.stdout(`${JSON.stringify(rows.map(jsonRow), null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout(values.overdue ? 'Tidak ada tindak lanjut yang lewat tenggat.\n' : 'Belum ada tindak lanjut yang dicatat.\n')
        return
      }
      io.stdout(table(rows))
      const overdue = rows.filter((f) => f.overdue).length
      io.stdout(`${fmt(rows.length)} tindak lanjut, ${fmt(overdue)} lewat tenggat.\n`)
    })
  },
})
