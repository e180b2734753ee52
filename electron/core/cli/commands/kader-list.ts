import { maskNik } from '../../../../shared/domain/nik'
import type { exportKaderList } from '../../features/kader/kader.service'
import { defineCommand } from '../command'
import { withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'

type Row = Awaited<ReturnType<typeof exportKaderList>>[number]

const STATUS: Record<string, string> = { aktif: 'Aktif', nonaktif: 'Nonaktif', pindah: 'Pindah', meninggal: 'Meninggal' }

function table(rows: Row[]): string {
  const head = ['NIK', 'Nama', 'L/P', 'Tgl lahir', 'Posyandu', 'Status']
  // The NIK is personal data (UU 27/2022): a table on screen shows it masked; --json is for
  // exports whose reader needs the full number.
  const body = rows.map((r) => [maskNik(r.nik), r.name, r.sex, tanggalCli(r.birthDate), r.posyanduName, STATUS[r.status] ?? r.status])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
}

export const kaderList = defineCommand({
  name: 'kader list',
  summary: 'Menampilkan semua kader (tabel dengan NIK tersamar, atau --json lengkap untuk diolah program lain).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const { exportKaderList } = await import('../../features/kader/kader.service')
      const rows = await exportKaderList(db)
      if (values.json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout('Belum ada kader.\n')
        return
      }
      io.stdout(table(rows))
      io.stdout(`${rows.length.toLocaleString('id-ID')} kader.\n`)
    })
  },
})
