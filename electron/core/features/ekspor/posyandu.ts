// The Posyandu register and the Pustu as sheets of the roster workbook (issue 18, item 1): each
// Posyandu with its SK pembentukan, musyawarah, registration, Puskesmas pembina, Pustu and
// pengurus, as the office files them for the Kemendagri registration; then the Pustu per village.

import type { Db } from '../../db/schema'
import { listPosyandu } from '../posyandu/posyandu.service'
import { listPustu } from '../posyandu/pustu.service'
import { SPM_LABEL, labelOf } from './labels'
import { dateCell, type SheetColumn, type SheetSpec } from './workbook'

const REGISTRATION_LABEL = { terdaftar: 'Terdaftar', belum_terdaftar: 'Belum terdaftar' } as const

const POSYANDU_COLUMNS: SheetColumn[] = [
  { header: 'No', kind: 'integer' },
  { header: 'Kelurahan/Desa', kind: 'text' },
  { header: 'Posyandu', kind: 'text' },
  { header: 'RW', kind: 'text' },
  { header: 'Alamat', kind: 'longText', maxWidth: 40 },
  { header: 'Keadaan', kind: 'text' },
  { header: 'Kader Aktif', kind: 'integer' },
  { header: 'Bidang SPM', kind: 'longText', maxWidth: 40 },
  { header: 'No SK Pembentukan', kind: 'text' },
  { header: 'Tanggal SK', kind: 'date' },
  { header: 'Penanda Tangan SK', kind: 'text' },
  { header: 'Tanggal Musyawarah', kind: 'date' },
  { header: 'Status Pendaftaran', kind: 'text' },
  { header: 'Tanggal Terdaftar', kind: 'date' },
  { header: 'Nomor Registrasi', kind: 'text' },
  { header: 'Puskesmas Pembina', kind: 'text' },
  { header: 'Pustu', kind: 'text' },
  { header: 'Ketua', kind: 'text' },
  { header: 'Sekretaris', kind: 'text' },
  { header: 'Bendahara', kind: 'text' },
]

const PUSTU_COLUMNS: SheetColumn[] = [
  { header: 'No', kind: 'integer' },
  { header: 'Kelurahan/Desa', kind: 'text' },
  { header: 'Pustu', kind: 'text' },
  { header: 'Alamat', kind: 'longText', maxWidth: 40 },
  { header: 'Posyandu', kind: 'integer' },
]

/** Several holders of one role (two ketua) are all named, so the sheet shows what the page warns of. */
const names = (holders: { name: string }[]) => (holders.length ? holders.map((h) => h.name).join(', ') : null)

export async function posyanduSheets(db: Db): Promise<SheetSpec[]> {
  const list = (await listPosyandu(db, { includeInactive: true })).sort(
    (a, b) => a.villageName.localeCompare(b.villageName, 'id') || a.villageCode.localeCompare(b.villageCode) || a.name.localeCompare(b.name, 'id'),
  )
  const pustu = await listPustu(db, {})
  const registered = list.filter((p) => p.registrationStatus === 'terdaftar').length
  return [
    {
      name: 'Daftar Posyandu',
      title: 'Daftar Posyandu dan Pendaftarannya',
      notes: [`${list.length.toLocaleString('id-ID')} Posyandu, ${registered.toLocaleString('id-ID')} terdaftar.`],
      freezeColumns: 3,
      columns: POSYANDU_COLUMNS,
      rows: list.map((p, i) => ({
        cells: [
          i + 1,
          p.villageName,
          p.name,
          p.rw,
          p.address,
          p.active ? 'Aktif' : 'Nonaktif',
          p.activeKaderCount,
          p.spmFields.map((f) => labelOf(SPM_LABEL, f)).join(', '),
          p.skNumber,
          dateCell(p.skDate),
          p.skSigner,
          dateCell(p.musyawarahDate),
          REGISTRATION_LABEL[p.registrationStatus],
          dateCell(p.registeredDate),
          p.registryNumber,
          p.puskesmas,
          p.pustuName,
          names(p.pengurus.ketua),
          names(p.pengurus.sekretaris),
          names(p.pengurus.bendahara),
        ],
      })),
    },
    {
      name: 'Pustu',
      title: 'Daftar Pustu (Puskesmas Pembantu)',
      notes: [`${pustu.length.toLocaleString('id-ID')} Pustu.`],
      columns: PUSTU_COLUMNS,
      rows: pustu.map((u, i) => ({ cells: [i + 1, u.villageName, u.name, u.address, u.posyanduCount] })),
    },
  ]
}
