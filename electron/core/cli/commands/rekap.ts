import type { Rekap, RekapNode, RekapOffice } from '../../../../shared/contract'
import type { SiteLevel, SpmField } from '../../../../shared/domain/reference'
import { hariIni, tanggalSingkat } from '../../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { CliError, defineCommand } from '../command'
import { call, withDatabase } from '../db-file'
import { clip, fmt } from './rapat-list'

const OFFICE_LEVEL: Record<SiteLevel, string> = {
  kelurahan: 'Kelurahan/desa',
  puskesmas: 'Puskesmas',
  kecamatan: 'Kecamatan',
  kota: 'Kota/kabupaten',
}

const HEAD = ['Wilayah / Posyandu', 'Posyandu', 'Terdaftar', 'Kader aktif', 'Belum', 'Purwa', 'Madya', 'Utama', 'Pelatihan', 'Rapat', 'TL terbuka', 'Lewat tenggat', 'Paket terakhir']

const SPM_NAME: Record<SpmField, string> = {
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  pekerjaan_umum: 'Pekerjaan Umum',
  perumahan_rakyat: 'Perumahan Rakyat',
  trantibumlinmas: 'Trantibumlinmas',
  sosial: 'Sosial',
}

/** The heard-from rule, as the Rekap screen states it too. */
export const HEARD_FROM_RULE =
  'Sebuah kantor dihitung sudah mengirim bila paket yang dibuatnya sampai di sini, langsung atau dibawa paket kantor lain ("lewat …"); paket Puskesmas tidak dihitung untuk kelurahan/desa wilayahnya.'

/** "belum pernah", "hari ini", "42 hari". */
export function paketAge(ageDays: number | null): string {
  if (ageDays === null) return 'belum pernah'
  return ageDays === 0 ? 'hari ini' : `${fmt(ageDays)} hari`
}

/** "Kel. Sukarasa", "Desa Cikande", "Kec. Tangerang"; Posyandu names as they are. */
function label(n: RekapNode): string {
  if (n.kind === 'kecamatan') return `Kec. ${n.name}`
  if (n.kind === 'kelurahan') return `${n.code.split('.')[3]?.startsWith('2') ? 'Desa' : 'Kel.'} ${n.name}`
  return n.name
}

function cells(name: string, n: Omit<RekapNode, 'code' | 'name' | 'kind' | 'children'> | Rekap['total'], age: string): string[] {
  return [
    name,
    fmt(n.posyandu),
    fmt(n.registeredPosyandu),
    fmt(n.activeKader),
    fmt(n.levels.none),
    fmt(n.levels.purwa),
    fmt(n.levels.madya),
    fmt(n.levels.utama),
    fmt(n.trainings),
    fmt(n.meetings),
    fmt(n.followUpsOpen),
    fmt(n.followUpsOverdue),
    age,
  ]
}

/** The name column padded, the numbers right-aligned, a rule under the header. */
function table(head: string[], body: string[][], left: ReadonlySet<number>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)))
  const line = (row: string[]) =>
    row
      .map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n'
}

function treeRows(r: Rekap): string[][] {
  const rows: string[][] = []
  const walk = (n: RekapNode, depth: number) => {
    // A Posyandu sends no paket of its own: its kelurahan's age is on the line above.
    const age = n.kind === 'posyandu' ? '' : paketAge(n.ageDays)
    const silent = n.kind !== 'posyandu' && n.ageDays === null ? ' !' : ''
    rows.push(cells(`${'  '.repeat(depth)}${clip(label(n), 48)}${silent}`, n, age))
    for (const c of n.children) walk(c, depth + 1)
  }
  for (const n of r.nodes) walk(n, 0)
  rows.push(cells('Jumlah', r.total, ''))
  return rows
}

/** "", "lewat Puskesmas Tangerang", "lewat kantor lain": how an office's newest paket came here. */
export function relayedText(o: RekapOffice): string {
  if (!o.relayedBy) return ''
  return o.relayedBy.name ? `lewat ${o.relayedBy.name}` : 'lewat kantor lain'
}

function officeTable(offices: RekapOffice[], zona: ZonaWaktu): string {
  return table(
    ['Kantor', 'Tingkat', 'Wilayah', 'Paket terakhir', 'Umur', 'Sampai lewat'],
    offices.map((o) => [
      clip(o.name, 48),
      OFFICE_LEVEL[o.level] ?? o.level,
      clip(o.areaName, 32),
      o.lastBundleAt ? tanggalSingkat(hariIni(zona, new Date(o.lastBundleAt))) : '-',
      paketAge(o.ageDays),
      clip(relayedText(o), 40),
    ]),
    new Set([0, 1, 2, 3, 5]),
  )
}

/** The six SPM fields of the whole area. */
function spmTable(r: Rekap): string {
  return table(
    ['Bidang SPM', 'Posyandu', 'Kader aktif', 'TL terbuka', 'Lewat tenggat'],
    r.total.spm.map((f) => [SPM_NAME[f.field], fmt(f.posyandu), fmt(f.activeKader), fmt(f.followUpsOpen), fmt(f.followUpsOverdue)]),
    new Set([0]),
  )
}

function countSilent(r: Rekap): number {
  const villages = r.scope.level === 'kota' ? r.nodes.flatMap((n) => n.children) : r.scope.level === 'kelurahan' ? [] : r.nodes
  return villages.filter((v) => v.lastBundleAt === null).length
}

/** The recap as tables; dates of paket on the office's own clock (`zona`). */
export function rekapText(r: Rekap, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  const out: string[] = []
  out.push(`Rekap ${r.scope.name}, tahun ${r.year} (umur paket dihitung sampai ${tanggalSingkat(r.today)})\n\n`)
  out.push(table(HEAD, treeRows(r), new Set([0, 11])))
  out.push('Pelatihan dan rapat: yang diadakan pada tahun itu; TL: tindak lanjut yang belum selesai sekarang; ! belum pernah mengirim paket.\n')
  const t = r.total
  const avg = t.activeKader ? (t.tkk / t.activeKader).toLocaleString('id-ID', { maximumFractionDigits: 1 }) : '0'
  out.push(`TKK (tiap keterampilan yang kompeten satu TKK): ${fmt(t.tkk)} pada ${fmt(t.kaderWithTkk)} kader aktif; rata-rata ${avg} per kader aktif.\n`)
  const groups = r.groupNames.map((g, i) => `${g.code} ${g.name} ${fmt(t.groups[i]?.complete ?? 0)}`).join(', ')
  out.push(`Kader aktif dengan kelompok lengkap: ${groups}.\n`)
  out.push('\nEnam bidang SPM (TL menurut bidang yang dicatat pada tindak lanjut)\n')
  out.push(spmTable(r))
  if (r.followUpsPerOpd.length > 0) {
    out.push('\nTindak lanjut terbuka per OPD\n')
    out.push(
      table(
        ['OPD', 'Terbuka', 'Lewat tenggat'],
        r.followUpsPerOpd.map((o) => [clip(o.name, 60), fmt(o.open), fmt(o.overdue)]),
        new Set([0]),
      ),
    )
  }
  out.push('\nKantor yang paling lama tidak mengirim paket\n')
  out.push(`${HEARD_FROM_RULE}\n`)
  if (r.offices.length === 0) out.push('Belum ada paket yang diterima dari kantor lain.\n')
  else out.push(officeTable(r.offices, zona))
  const silent = countSilent(r)
  if (silent > 0) out.push(`${fmt(silent)} kelurahan/desa belum pernah mengirim paket.\n`)
  return out.join('')
}

function yearOption(raw: string | undefined): number | null {
  if (raw === undefined) return null
  const n = Number(raw)
  if (!/^\d{4}$/.test(raw.trim()) || n < 2000 || n > 2100) throw new CliError('Opsi --tahun harus tahun empat angka, 2000–2100 (mis. --tahun 2026).', 2)
  return n
}

export const rekap = defineCommand({
  name: 'rekap',
  summary: 'Rekap wilayah kantor ini per kecamatan → kelurahan → Posyandu: kader aktif, tingkat, pelatihan, rapat, tindak lanjut, dan umur paket terakhir tiap kantor (tabel, atau --json).',
  usage: '--db BERKAS [--tahun YYYY] [--json]',
  options: { db: { type: 'string' }, tahun: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    const year = yearOption(values.tahun)
    await withDatabase(values.db!, io, true, async (s) => {
      const r = await call(s, 'rekap:get', { year })
      const site = await call(s, 'site:get', {})
      io.stdout(values.json ? `${JSON.stringify(r, null, 2)}\n` : rekapText(r, ZONA_WAKTU[site?.timeZone ?? 'WIB']))
    })
  },
})
