import { FUNDING_NAMES, SARANA_CONDITION_NAMES } from '../../../../shared/domain/sarana'
import { defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'
import { clip, fmt, textTable } from './rapat-list'

export const saranaList = defineCommand({
  name: 'sarana list',
  summary: 'Menampilkan sarana prasarana tiap Posyandu: jumlah, kondisi, tanggal diterima, sumber dana (tabel, atau --json).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async (s) => {
      const rows = await call(s, 'sarana:list', {})
      if (values.json) {
        // The fields scripts read (issue 18): stable names, the item by its name on the list.
        const out = rows.map((r) => ({
          id: r.id,
          posyanduId: r.posyanduId,
          item: r.itemName,
          quantity: r.quantity,
          condition: r.condition,
          receivedDate: r.receivedDate,
          fundingSource: r.fundingSource,
        }))
        io.stdout(`${JSON.stringify(out, null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout('Belum ada sarana prasarana Posyandu yang dicatat.\n')
        return
      }
      io.stdout(
        textTable(
          ['Posyandu', 'Sarana', 'Jumlah', 'Kondisi', 'Diterima', 'Sumber dana'],
          rows.map((r) => [
            clip(r.posyanduName, 40),
            clip(r.itemName, 40),
            fmt(r.quantity),
            SARANA_CONDITION_NAMES[r.condition],
            r.receivedDate ? tanggalCli(r.receivedDate) : '-',
            r.fundingSource ? FUNDING_NAMES[r.fundingSource] : '-',
          ]),
        ),
      )
      const broken = rows.filter((r) => r.followUp !== null).length
      io.stdout(`${fmt(rows.length)} baris sarana, ${fmt(broken)} rusak atau tidak ada.\n`)
    })
  },
})
