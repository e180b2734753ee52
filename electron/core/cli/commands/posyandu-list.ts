// posyandu list: the Posyandu register with its registration papers (issue 18), for scripts of
// the office (--json) or a person at a terminal (a table).

import type { Posyandu } from '../../../../shared/contract'
import { defineCommand } from '../command'
import { withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'

const STATUS: Record<Posyandu['registrationStatus'], string> = { terdaftar: 'Terdaftar', belum_terdaftar: 'Belum terdaftar' }

/** What a script reads of each Posyandu: registrationStatus is "terdaftar" or "belum_terdaftar", puskesmasCode the Puskesmas office's site id. */
function jsonOf(p: Posyandu) {
  return {
    id: p.id,
    name: p.name,
    villageCode: p.villageCode,
    spmFields: p.spmFields,
    skNumber: p.skNumber,
    skDate: p.skDate,
    registrationStatus: p.registrationStatus,
    registeredDate: p.registeredDate,
    puskesmasCode: p.puskesmasCode,
    pustuId: p.pustuId,
  }
}

function table(rows: Posyandu[]): string {
  const head = ['Nama', 'Kelurahan/Desa', 'Pendaftaran', 'Nomor SK', 'Tanggal SK', 'Puskesmas pembina', 'Pustu']
  const none = '-'
  const body = rows.map((p) => [
    p.active ? p.name : `${p.name} (nonaktif)`,
    p.villageName,
    p.registrationStatus === 'terdaftar' && p.registeredDate ? `${STATUS.terdaftar} ${tanggalCli(p.registeredDate)}` : STATUS[p.registrationStatus],
    p.skNumber ?? none,
    p.skDate ? tanggalCli(p.skDate) : none,
    p.puskesmas ?? none,
    p.pustuName ?? none,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
}

export const posyanduList = defineCommand({
  name: 'posyandu list',
  summary: 'Menampilkan semua Posyandu dengan SK pembentukan dan status pendaftarannya (tabel, atau --json untuk diolah program lain).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const { listPosyandu } = await import('../../features/posyandu/posyandu.service')
      const rows = await listPosyandu(db, { includeInactive: true })
      if (values.json) {
        io.stdout(`${JSON.stringify(rows.map(jsonOf), null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout('Belum ada Posyandu.\n')
        return
      }
      io.stdout(table(rows))
      const registered = rows.filter((p) => p.registrationStatus === 'terdaftar').length
      io.stdout(`${rows.length.toLocaleString('id-ID')} Posyandu, ${registered.toLocaleString('id-ID')} terdaftar.\n`)
    })
  },
})
