// The competency matrix as a spreadsheet: the same kader as the matrix screen (active, not
// archived), one column per skill of the catalogue in force. A cell holds the date of the
// assessment in force when the kader is kompeten (a date cell), "belum" when the latest result
// is belum kompeten, and nothing when never assessed; held and not-yet are also coloured.
// What is held comes from the derived kader_competency rows (matrix-export.ts), the dates from
// the assessments, read in one pass with the same "latest by date, then version" rule.

import { competencyCodes } from '../../../../shared/domain/competency'
import type { Db } from '../../db/schema'
import { activeCatalogue } from '../competency/catalogue.service'
import { exportMatrix } from '../competency/matrix-export'
import { LEVEL_LABEL, NO_LEVEL, labelOf } from './labels'
import { dateCell, type CellValue, type SheetColumn, type SheetSpec } from './workbook'

export const NOT_YET = 'belum'
const HELD_FILL = 'FFC6EFCE'
const NOT_YET_FILL = 'FFFFEB9C'

/** The date of the assessment in force per kader and skill, for active kader not archived. */
async function latestDates(db: Db): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .selectFrom('assessment as a')
    .innerJoin('kader', 'kader.id', 'a.kader_id')
    .select(['a.kader_id', 'a.competency_code', 'a.date'])
    .where('a.deleted', '=', 0)
    .where('kader.deleted', '=', 0)
    .where('kader.status', '=', 'aktif')
    // Ascending: the last row read per kader and code is the one in force.
    .orderBy('a.kader_id')
    .orderBy('a.competency_code')
    .orderBy('a.date')
    .orderBy('a.version')
    .execute()
  const out = new Map<string, Map<string, string>>()
  for (const r of rows) {
    let m = out.get(r.kader_id)
    if (!m) out.set(r.kader_id, (m = new Map()))
    m.set(r.competency_code, r.date)
  }
  return out
}

export async function matrixSheets(db: Db): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const catalogue = await activeCatalogue(db)
  const codes = competencyCodes(catalogue)
  const [kader, dates] = await Promise.all([exportMatrix(db), latestDates(db)])
  const fixed: SheetColumn[] = [
    { header: 'No', kind: 'integer' },
    { header: 'Kelurahan/Desa', kind: 'text' },
    { header: 'Posyandu', kind: 'text' },
    { header: 'Nama', kind: 'text' },
    { header: 'Tingkat', kind: 'text' },
    // One TKK per skill held kompeten (Kemenkes usage); a whole group is a kelompok lengkap.
    { header: 'TKK', kind: 'integer' },
    { header: 'Kelompok Lengkap', kind: 'text' },
  ]
  const held = new Map(codes.map((c) => [c, 0]))
  const rows = kader.map((k, i) => {
    const competent = new Set(k.competent)
    const notYet = new Set(k.notYet)
    const when = dates.get(k.kaderId)
    const cells: CellValue[] = [
      i + 1,
      k.village,
      k.posyandu,
      k.name,
      k.level ? labelOf(LEVEL_LABEL, k.level) : NO_LEVEL,
      k.competent.length,
      k.groups.join(', '),
    ]
    for (const code of codes) {
      if (competent.has(code)) {
        held.set(code, held.get(code)! + 1)
        // A kader held kompeten under a catalogue whose assessment has gone (merged away) still shows as held.
        cells.push(dateCell(when?.get(code)) ?? 'kompeten')
      } else if (notYet.has(code)) cells.push(NOT_YET)
      else cells.push(null)
    }
    return { cells }
  })

  const matrix: SheetSpec = {
    name: 'Matriks Kompetensi',
    title: `Matriks 25 Keterampilan Dasar Kader (katalog ${catalogue.version})`,
    notes: [
      `${kader.length.toLocaleString('id-ID')} kader aktif. Tanggal = kompeten (tanggal penilaian yang berlaku); "${NOT_YET}" = belum kompeten; kosong = belum dinilai.`,
      'Nama keterampilan per kode: lembar Keterampilan.',
    ],
    freezeColumns: 4,
    columns: [...fixed, ...codes.map((c): SheetColumn => ({ header: c, kind: 'date' }))],
    rows,
    fill: (value, column) => {
      if (column < fixed.length || value === null) return null
      return value === NOT_YET ? NOT_YET_FILL : HELD_FILL
    },
  }

  const legend: SheetSpec = {
    name: 'Keterampilan',
    title: `Keterampilan Dasar Kader dan Cakupannya (katalog ${catalogue.version})`,
    notes: [`Cakupan: bagian dari ${kader.length.toLocaleString('id-ID')} kader aktif yang kompeten.`],
    columns: [
      { header: 'Kode', kind: 'text' },
      { header: 'Kelompok', kind: 'text' },
      { header: 'Keterampilan', kind: 'longText', maxWidth: 70 },
      { header: 'Kader Kompeten', kind: 'integer' },
      { header: 'Cakupan', kind: 'percent' },
    ],
    rows: catalogue.groups.flatMap((g) =>
      g.items.map((item) => ({
        cells: [item.code, `${g.code}. ${g.name}`, item.text, held.get(item.code) ?? 0, kader.length ? (held.get(item.code) ?? 0) / kader.length : 0],
      })),
    ),
  }
  return { sheets: [matrix, legend], rows: kader.length }
}
