import type { TrainingRow } from '../../../../shared/contract'
import { codeRangeLabel, type Catalogue, type TrainingKind } from '../../../../shared/domain/competency'
import { defineCommand, type Command } from '../command'
import { call, withDatabase } from '../db-file'
import { rentangCli } from '../tanggal'

const KIND: Record<TrainingKind, string> = {
  pelatihan: 'Pelatihan',
  refreshing: 'Refreshing',
  bimtek: 'Bimtek',
  orientasi: 'Orientasi',
  praktik_lapangan: 'Praktik lapangan',
}

function table(rows: TrainingRow[], catalogue: Catalogue): string {
  const head = ['Tanggal', 'Kegiatan', 'Jenis', 'Keterampilan', 'Tempat', 'Peserta']
  const body = rows.map((r) => [
    rentangCli(r.startDate, r.endDate),
    r.title,
    KIND[r.kind] ?? r.kind,
    codeRangeLabel(catalogue, r.competencies),
    r.place ?? '',
    r.participantCount.toLocaleString('id-ID'),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
}

function trainingListCommand(name: string, summary: string): Command {
  return defineCommand({
    name,
    summary,
    usage: '--db BERKAS [--json]',
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
    required: ['db'],
    async run(values, io) {
      await withDatabase(values.db!, io, true, async (s) => {
        const rows = await call(s, 'training:list', { query: '' })
        if (values.json) {
          io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
          return
        }
        if (rows.length === 0) {
          io.stdout('Belum ada pelatihan yang dicatat.\n')
          return
        }
        const { activeCatalogue } = await import('../../features/competency/catalogue.service')
        io.stdout(table(rows, await activeCatalogue(s.db)))
        const people = rows.reduce((n, r) => n + r.participantCount, 0)
        io.stdout(`${rows.length.toLocaleString('id-ID')} kegiatan, ${people.toLocaleString('id-ID')} peserta.\n`)
      })
    },
  })
}

export const trainingList = trainingListCommand(
  'training list',
  'Menampilkan semua pelatihan, terbaru dahulu (tabel, atau --json untuk diolah program lain).',
)

/** The same command under its Indonesian name. */
export const pelatihanList = trainingListCommand('pelatihan list', 'Sama dengan training list.')
