// The recap (rekap.service getRekap) as a spreadsheet: kecamatan → kelurahan → Posyandu rows,
// indented and grouped with Excel's outline (the + / − beside the rows fold a kecamatan), the
// total last; then the six SPM fields per node (one row per node and field, so a filter on the
// field column answers "where is this field served"), the open follow-ups per OPD and the
// offices' last paket. Every count is a
// number cell, the paket dates are date-time cells, the share of kader with a level a percentage.

import type { Rekap, RekapCounts, RekapNode } from '../../../../shared/contract'
import type { Db } from '../../db/schema'
import { getRekap } from '../rekap/rekap.service'
import { OFFICE_LEVEL_LABEL, SPM_LABEL, labelOf } from './labels'
import { dateTimeCell, type CellValue, type SheetColumn, type SheetRow, type SheetSpec } from './workbook'

const KIND_LABEL: Record<RekapNode['kind'], string> = { kecamatan: 'Kecamatan', kelurahan: 'Kelurahan/Desa', posyandu: 'Posyandu' }

function kindOf(n: RekapNode): string {
  if (n.kind === 'kelurahan') return n.code.split('.')[3]?.startsWith('2') ? 'Desa' : 'Kelurahan'
  return KIND_LABEL[n.kind]
}

function counts(c: RekapCounts): CellValue[] {
  const levelled = c.levels.purwa + c.levels.madya + c.levels.utama
  return [
    c.posyandu,
    c.registeredPosyandu,
    c.posyanduKitIncomplete,
    c.activeKader,
    c.levels.none,
    c.levels.purwa,
    c.levels.madya,
    c.levels.utama,
    c.activeKader ? levelled / c.activeKader : null,
    c.tkk,
    c.activeKader ? c.tkk / c.activeKader : null,
    ...c.groups.map((g) => g.complete),
    c.trainings,
    c.meetings,
    c.followUpsOpen,
    c.followUpsOverdue,
    c.insentifKaderPaid,
    c.insentifTotal,
  ]
}

/** Every node of the tree in reading order, with its depth. */
export function flattenRekap(nodes: readonly RekapNode[]): { node: RekapNode; depth: number }[] {
  const out: { node: RekapNode; depth: number }[] = []
  const walk = (n: RekapNode, depth: number) => {
    out.push({ node: n, depth })
    for (const c of n.children) walk(c, depth + 1)
  }
  for (const n of nodes) walk(n, 0)
  return out
}

/** "Kelurahan Sukarasa", "Kecamatan Tangerang", "Kota Tangerang": the area as a title names it. */
function areaTitle(scope: Rekap['scope']): string {
  if (scope.level === 'kelurahan') return `${scope.code.split('.')[3]?.startsWith('2') ? 'Desa' : 'Kelurahan'} ${scope.name}`
  const kecamatan = /^kecamatan\b/i.test(scope.name) ? scope.name : `Kecamatan ${scope.name}`
  if (scope.level === 'puskesmas') return `Wilayah Kerja di ${kecamatan}`
  if (scope.level === 'kecamatan') return kecamatan
  return scope.name
}

export async function rekapSheets(db: Db, year: number | null, nowMs: number): Promise<{ sheets: SheetSpec[]; rows: number; year: number }> {
  const r: Rekap = await getRekap(db, { year }, nowMs)
  const flat = flattenRekap(r.nodes)
  const columns: SheetColumn[] = [
    { header: 'Wilayah / Posyandu', kind: 'text', maxWidth: 50 },
    { header: 'Jenis', kind: 'text' },
    { header: 'Kode Wilayah', kind: 'text' },
    { header: 'Posyandu', kind: 'integer' },
    { header: 'Posyandu Terdaftar', kind: 'integer' },
    { header: 'Posyandu Tanpa Alat Antropometri Lengkap', kind: 'integer' },
    { header: 'Kader Aktif', kind: 'integer' },
    { header: 'Belum Bertingkat', kind: 'integer' },
    { header: 'Purwa', kind: 'integer' },
    { header: 'Madya', kind: 'integer' },
    { header: 'Utama', kind: 'integer' },
    { header: 'Bertingkat (%)', kind: 'percent' },
    { header: 'TKK', kind: 'integer' },
    { header: 'TKK per Kader Aktif', kind: 'decimal' },
    ...r.groupNames.map((g): SheetColumn => ({ header: `Kelompok ${g.code} Lengkap`, kind: 'integer' })),
    { header: `Pelatihan ${r.year}`, kind: 'integer' },
    { header: `Rapat ${r.year}`, kind: 'integer' },
    { header: 'TL Terbuka', kind: 'integer' },
    { header: 'TL Lewat Tenggat', kind: 'integer' },
    { header: `Kader Menerima Insentif ${r.year}`, kind: 'integer' },
    { header: `Insentif Dibayar ${r.year} (Rp)`, kind: 'integer' },
    { header: 'Paket Terakhir', kind: 'datetime' },
    { header: 'Umur Paket (hari)', kind: 'integer' },
  ]
  const rows: SheetRow[] = flat.map(({ node: n, depth }) => {
    // A Posyandu sends no paket of its own: its kelurahan's date is on the row above.
    const own = n.kind !== 'posyandu'
    return {
      outlineLevel: depth,
      indent: depth,
      bold: depth === 0 && n.kind !== 'posyandu',
      cells: [n.name, kindOf(n), own ? n.code : null, ...counts(n), own ? dateTimeCell(n.lastBundleAt) : null, own ? n.ageDays : null],
    }
  })
  rows.push({ bold: true, cells: ['Jumlah', null, r.scope.code, ...counts(r.total), null, null] })

  const recap: SheetSpec = {
    name: `Rekap ${r.year}`,
    title: `Rekap ${areaTitle(r.scope)} Tahun ${r.year}`,
    notes: [
      'Kader: aktif, tidak diarsipkan. Pelatihan dan rapat: yang diadakan pada tahun itu. TL: tindak lanjut yang belum selesai sekarang.',
      'TKK: tiap keterampilan yang dinilai kompeten satu TKK (Tanda Kecakapan Kader), dijumlah atas kader aktif.',
      `Kelompok lengkap (kader aktif yang kompeten pada semua keterampilan kelompok): ${r.groupNames.map((g) => `${g.code} ${g.name}`).join('; ')}. Umur paket dihitung sampai ${r.today.split('-').reverse().join('-')}; kosong = belum pernah mengirim.`,
    ],
    freezeColumns: 1,
    columns,
    rows,
  }

  const spmRows = (name: string, kind: string | null, code: string | null, c: RekapCounts, outlineLevel?: number, bold = false): SheetRow[] =>
    c.spm.map((f) => ({
      ...(outlineLevel === undefined ? {} : { outlineLevel, indent: outlineLevel }),
      bold,
      cells: [name, kind, code, SPM_LABEL[f.field], f.posyandu, f.activeKader, f.followUpsOpen, f.followUpsOverdue],
    }))
  const spm: SheetSpec = {
    name: 'Bidang SPM',
    title: `Enam Bidang SPM, ${areaTitle(r.scope)}`,
    notes: [
      'Posyandu: yang aktif dan melayani bidang itu. Kader: aktif, dengan bidang itu. TL: tindak lanjut yang belum selesai sekarang, menurut bidang SPM yang dicatat pada tindak lanjut itu (yang tanpa bidang tidak masuk tabel ini).',
    ],
    freezeColumns: 1,
    columns: [
      { header: 'Wilayah / Posyandu', kind: 'text', maxWidth: 50 },
      { header: 'Jenis', kind: 'text' },
      { header: 'Kode Wilayah', kind: 'text' },
      { header: 'Bidang SPM', kind: 'text' },
      { header: 'Posyandu', kind: 'integer' },
      { header: 'Kader Aktif', kind: 'integer' },
      { header: 'TL Terbuka', kind: 'integer' },
      { header: 'TL Lewat Tenggat', kind: 'integer' },
    ],
    rows: [
      ...flat.flatMap(({ node: n, depth }) => spmRows(n.name, kindOf(n), n.kind === 'posyandu' ? null : n.code, n, depth)),
      ...spmRows('Jumlah', null, r.scope.code, r.total, undefined, true),
    ],
  }

  const perOpd: SheetSpec = {
    name: 'TL per OPD',
    title: `Tindak Lanjut Terbuka per OPD, ${areaTitle(r.scope)}`,
    notes: ['Yang belum selesai sekarang, di wilayah ini.'],
    freezeColumns: 1,
    columns: [
      { header: 'OPD', kind: 'text', maxWidth: 45 },
      { header: 'Terbuka', kind: 'integer' },
      { header: 'Lewat Tenggat', kind: 'integer' },
    ],
    rows: [
      ...r.followUpsPerOpd.map((o) => ({ cells: [o.name, o.open, o.overdue] })),
      { bold: true, cells: ['Jumlah', r.total.followUpsOpen, r.total.followUpsOverdue] },
    ],
  }

  const offices: SheetSpec = {
    name: 'Paket Terakhir',
    title: 'Paket Terakhir dari Tiap Kantor',
    notes: [r.offices.length ? 'Kantor yang belum pernah mengirim paket lebih dulu, lalu yang paling lama diam.' : 'Belum ada paket yang diterima dari kantor lain.'],
    freezeColumns: 1,
    columns: [
      { header: 'Kantor', kind: 'text', maxWidth: 50 },
      { header: 'Tingkat', kind: 'text' },
      { header: 'Wilayah', kind: 'text' },
      { header: 'Kode Wilayah', kind: 'text' },
      { header: 'Paket Terakhir Dibuat', kind: 'datetime' },
      { header: 'Umur Paket (hari)', kind: 'integer' },
      { header: 'Terakhir Diimpor di Sini', kind: 'datetime' },
    ],
    rows: r.offices.map((o) => ({
      cells: [o.name, labelOf(OFFICE_LEVEL_LABEL, o.level), o.areaName, o.areaCode, dateTimeCell(o.lastBundleAt), o.ageDays, dateTimeCell(o.lastImportedAt)],
    })),
  }
  return { sheets: [recap, spm, perOpd, offices], rows: flat.length, year: r.year }
}
