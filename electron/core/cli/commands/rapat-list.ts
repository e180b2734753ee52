import type { MeetingRow } from '../../../../shared/contract'
import type { MeetingKind, MeetingLevel } from '../../../../shared/domain/meeting'
import { defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { tanggalCli } from '../tanggal'

const KIND: Record<MeetingKind, string> = {
  rapat_koordinasi: 'Rapat koordinasi',
  fgd: 'FGD',
  bimtek: 'Bimtek',
  advokasi: 'Advokasi',
  konsultasi_publik: 'Konsultasi publik',
  monev: 'Monev/pembinaan',
}

const LEVEL: Record<MeetingLevel, string> = { kelurahan: 'Kelurahan', kecamatan: 'Kecamatan', kota: 'Kota' }

export const fmt = (n: number) => n.toLocaleString('id-ID')

/** A long text cut for one table line; the JSON output keeps it whole. */
export function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`
}

/** Columns padded to their widest cell, a rule under the header. */
export function textTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
}

function table(rows: MeetingRow[]): string {
  return textTable(
    ['Tanggal', 'Tingkat', 'Jenis', 'Judul', 'Tempat', 'Hadir', 'Tindak lanjut'],
    rows.map((r) => [
      tanggalCli(r.date),
      LEVEL[r.level] ?? r.level,
      KIND[r.kind] ?? r.kind,
      clip(r.title, 60),
      clip(r.place ?? '', 40),
      `${fmt(r.presentCount)}/${fmt(r.attendeeCount)}`,
      r.followUpCount === 0
        ? '-'
        : `${fmt(r.followUpCount)} (${fmt(r.openFollowUps)} terbuka${r.overdueFollowUps ? `, ${fmt(r.overdueFollowUps)} LEWAT TENGGAT` : ''})`,
    ]),
  )
}

export const rapatList = defineCommand({
  name: 'rapat list',
  summary: 'Menampilkan rapat Tim Pembina Posyandu (Pokjanal), terbaru dahulu (tabel, atau --json untuk diolah program lain).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async (s) => {
      const rows = await call(s, 'meeting:list', { query: '' })
      if (values.json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout('Belum ada rapat yang dicatat.\n')
        return
      }
      io.stdout(table(rows))
      const open = rows.reduce((n, r) => n + r.openFollowUps, 0)
      const overdue = rows.reduce((n, r) => n + r.overdueFollowUps, 0)
      io.stdout(`${fmt(rows.length)} rapat, ${fmt(open)} tindak lanjut belum selesai, ${fmt(overdue)} lewat tenggat.\n`)
    })
  },
})
