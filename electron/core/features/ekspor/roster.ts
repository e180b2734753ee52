// The kader roster as a spreadsheet: every kader not archived, by kelurahan, Posyandu and name.
// The headings are the ones the roster import (features/kader-impor) recognises, so a roster
// exported here can be read back, into this office or an empty one. NIK is text, always:
// a 16-digit number would lose its last digits in Excel; masked unless asked for in full.

import { maskNik } from '../../../../shared/domain/nik'
import { formatPhone } from '../../../../shared/domain/phone'
import type { Db } from '../../db/schema'
import { parseSpmFields } from '../posyandu/posyandu.service'
import { posyanduSheets } from './posyandu'
import { EDUCATION_LABEL, LEVEL_LABEL, NO_LEVEL, ROLE_LABEL, SPM_LABEL, STATUS_LABEL, labelOf } from './labels'
import { dateCell, type SheetColumn, type SheetSpec } from './workbook'

/** Whole years from a birth date to a day, both "YYYY-MM-DD"; null when the birth date is unreadable. */
export function ageOn(birthDate: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  if (!b || !t) return null
  let age = Number(t[1]) - Number(b[1])
  if (t[2]! + t[3]! < b[2]! + b[3]!) age -= 1
  return age >= 0 ? age : null
}

/** The headings are the roster import's (kader-impor): Nama, NIK, L/P, Tempat Lahir, Tanggal Lahir, Alamat, RT, RW, No HP, Posyandu, Jabatan, Pendidikan, Status, Catatan. */
export const ROSTER_COLUMNS: SheetColumn[] = [
  { header: 'No', kind: 'integer' },
  { header: 'Kelurahan/Desa', kind: 'text' },
  { header: 'Posyandu', kind: 'text' },
  { header: 'Nama', kind: 'text' },
  { header: 'NIK', kind: 'text' },
  { header: 'L/P', kind: 'text' },
  { header: 'Tempat Lahir', kind: 'text' },
  { header: 'Tanggal Lahir', kind: 'date' },
  { header: 'Umur', kind: 'integer' },
  { header: 'Alamat', kind: 'longText', maxWidth: 40 },
  { header: 'RT', kind: 'text' },
  { header: 'RW', kind: 'text' },
  { header: 'No HP', kind: 'text' },
  { header: 'Jabatan', kind: 'text' },
  { header: 'Bidang SPM', kind: 'longText', maxWidth: 40 },
  { header: 'Pendidikan', kind: 'text' },
  { header: 'No SK', kind: 'text' },
  { header: 'Tanggal SK', kind: 'date' },
  { header: 'Status', kind: 'text' },
  { header: 'Tanggal Status', kind: 'date' },
  { header: 'Tingkat', kind: 'text' },
  { header: 'Catatan', kind: 'longText', maxWidth: 40 },
]

export async function rosterSheets(db: Db, opts: { fullNik: boolean; today: string }): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .select([
      'posyandu.village_name',
      'posyandu.name as posyandu_name',
      'kader.name',
      'kader.nik',
      'kader.sex',
      'kader.birth_place',
      'kader.birth_date',
      'kader.address',
      'kader.rt',
      'kader.rw',
      'kader.phone',
      'kader.role',
      'kader.spm_fields',
      'kader.education',
      'kader.sk_number',
      'kader.sk_date',
      'kader.status',
      'kader.status_date',
      'kc.level',
      'kader.notes',
    ])
    .where('kader.deleted', '=', 0)
    .orderBy('posyandu.village_name', (ob) => ob.collate('nocase'))
    .orderBy('posyandu.village_code')
    .orderBy('posyandu.name', (ob) => ob.collate('nocase'))
    .orderBy('posyandu.id')
    .orderBy('kader.name', (ob) => ob.collate('nocase'))
    .orderBy('kader.id')
    .execute()

  const sheet: SheetSpec = {
    name: 'Daftar Kader',
    title: 'Daftar Kader Posyandu',
    notes: [
      opts.fullNik
        ? 'Berisi NIK lengkap: data pribadi (UU 27/2022). Simpan dan kirimkan hanya kepada yang berhak.'
        : 'NIK disamarkan (digit 7–12 diganti *). Untuk NIK lengkap, ekspor ulang dengan pilihan NIK lengkap.',
      `${rows.length.toLocaleString('id-ID')} kader (yang diarsipkan tidak ikut). Umur dihitung sampai tanggal dibuat.`,
    ],
    freezeColumns: 4,
    columns: ROSTER_COLUMNS,
    rows: rows.map((r, i) => ({
      cells: [
        i + 1,
        r.village_name,
        r.posyandu_name,
        r.name,
        opts.fullNik ? r.nik : maskNik(r.nik),
        r.sex,
        r.birth_place,
        dateCell(r.birth_date),
        ageOn(r.birth_date, opts.today),
        r.address,
        r.rt,
        r.rw,
        formatPhone(r.phone) || null,
        labelOf(ROLE_LABEL, r.role),
        parseSpmFields(r.spm_fields)
          .map((f) => labelOf(SPM_LABEL, f))
          .join(', '),
        labelOf(EDUCATION_LABEL, r.education),
        r.sk_number,
        dateCell(r.sk_date),
        labelOf(STATUS_LABEL, r.status),
        dateCell(r.status_date),
        r.level ? labelOf(LEVEL_LABEL, r.level) : NO_LEVEL,
        r.notes,
      ],
    })),
  }
  // The Posyandu register and the Pustu follow the kader (issue 18): one workbook for the office's files.
  return { sheets: [sheet, ...(await posyanduSheets(db))], rows: rows.length }
}
