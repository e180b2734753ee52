// riwayat: the history of changes (riwayat perubahan) of one kader, with its status history.

import type { RiwayatEntry } from '../../../../shared/contract'
import { cleanNik, maskNik } from '../../../../shared/domain/nik'
import { RIWAYAT_SOURCE_NAMES } from '../../../../shared/domain/riwayat'
import type { ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import type { Db } from '../../db/schema'
import { CliError, defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { waktuCli } from '../tanggal'

/** The kader a --kader or --nik names; one clear line when none (or several) match. */
async function kaderId(db: Db, values: { kader?: string; nik?: string }): Promise<{ id: string; name: string }> {
  if (values.kader) {
    const k = await db.selectFrom('kader').select(['id', 'name']).where('id', '=', values.kader.trim()).executeTakeFirst()
    if (!k) throw new CliError(`Tidak ada kader dengan pengenal ${values.kader} di basis data ini. Lihat pengenalnya dengan: kader list --json`)
    return k
  }
  const nik = cleanNik(values.nik!)
  if (!/^\d{16}$/.test(nik)) throw new CliError(`NIK "${values.nik}" bukan 16 angka. Tulis NIK kader selengkapnya.`, 2)
  const found = await db.selectFrom('kader').select(['id', 'name', 'deleted']).where('nik', '=', nik).orderBy('deleted').execute()
  // The same person entered by two offices and not merged yet: the one in use, else ask which.
  const current = found.filter((k) => k.deleted === 0)
  const pick = current.length > 0 ? current : found
  if (pick.length === 0) throw new CliError(`Tidak ada kader dengan NIK ${maskNik(nik)} di basis data ini.`)
  if (pick.length > 1) throw new CliError(`NIK ${maskNik(nik)} dipakai ${pick.length} kader (${pick.map((k) => k.id).join(', ')}); pilih satu dengan --kader PENGENAL.`)
  return pick[0]!
}

function who(e: RiwayatEntry): string {
  return e.person ? `${e.officeName} · ${e.person}` : e.officeName
}

function table(name: string, list: RiwayatEntry[], zona: ZonaWaktu): string {
  // The NIK is personal data (UU 27/2022): the table shows it masked, as kader list does.
  const value = (e: RiwayatEntry, v: string | null) => (v === null ? '—' : e.field === 'nik' ? maskNik(v) : v)
  const rows = list.map((e) => [waktuCli(e.at, zona), who(e), e.fieldLabel, e.field === 'dibuat' ? '' : value(e, e.from), e.field === 'dibuat' ? '' : value(e, e.to), RIWAYAT_SOURCE_NAMES[e.source]])
  const head = ['Waktu', 'Kantor/petugas', 'Kolom', 'Sebelumnya', 'Menjadi', 'Sumber']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [`Riwayat perubahan ${name}, terbaru di atas:`, '', line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''].join('\n')
}

export const riwayat = defineCommand({
  name: 'riwayat',
  summary:
    'Riwayat perubahan seorang kader (dan riwayat statusnya), terbaru di atas: waktu, kantor dan petugas, kolom, nilai sebelumnya dan sesudahnya, sumbernya (diketik di sini, dari paket, penggabungan, penyelesaian konflik).',
  usage: '--db BERKAS (--kader PENGENAL | --nik NIK) [--json]',
  options: { db: { type: 'string' }, kader: { type: 'string' }, nik: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    if (!values.kader === !values.nik) throw new CliError('Sebutkan satu kader: --kader PENGENAL atau --nik NIK.', 2)
    await withDatabase(values.db!, io, true, async (s) => {
      const k = await kaderId(s.db, values)
      const list = await call(s, 'riwayat:list', { kind: 'kader', id: k.id })
      io.stdout(values.json ? `${JSON.stringify(list, null, 2)}\n` : table(k.name, list, await (await import('../../features/site/site.service')).officeZone(s.db)))
    })
  },
})
