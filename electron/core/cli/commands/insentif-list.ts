import { FUNDING_NAMES, periodName, rupiah } from '../../../../shared/domain/sarana'
import { defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'
import { clip, fmt, textTable } from './rapat-list'

export const insentifList = defineCommand({
  name: 'insentif list',
  summary: 'Menampilkan insentif kader per periode: jumlah, sumber dana, tanggal dibayar (tabel, atau --json).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async (s) => {
      const rows = await call(s, 'insentif:list', {})
      if (values.json) {
        const out = rows.map((r) => ({
          id: r.id,
          kaderId: r.kaderId,
          period: r.period,
          amount: r.amount,
          fundingSource: r.fundingSource,
          paidDate: r.paidDate,
        }))
        io.stdout(`${JSON.stringify(out, null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout('Belum ada insentif kader yang dicatat.\n')
        return
      }
      io.stdout(
        textTable(
          ['Periode', 'Kader', 'Posyandu', 'Jumlah', 'Sumber dana', 'Dibayar'],
          rows.map((r) => [
            periodName(r.period),
            clip(r.kaderName, 40),
            clip(r.posyanduName, 30),
            rupiah(r.amount),
            FUNDING_NAMES[r.fundingSource],
            r.paidDate ? tanggalCli(r.paidDate) : 'BELUM DIBAYAR',
          ]),
        ),
      )
      const unpaid = rows.filter((r) => r.paidDate === null)
      io.stdout(
        `${fmt(rows.length)} baris insentif, ${fmt(unpaid.length)} belum dibayar (${rupiah(unpaid.reduce((n, r) => n + r.amount, 0))}).\n`,
      )
    })
  },
})
