// Training attendance as a spreadsheet. With a training: its participants, one column per day
// (hadir or empty), the days attended, pre/post test and certificate number, the NIK masked
// unless asked for in full. Without: every training that started in the year with its
// participants counted, and a second sheet listing everyone on those lists.

import type { Training } from '../../../../shared/contract'
import { maskNik } from '../../../../shared/domain/nik'
import { rentangTanggal } from '../../../../shared/domain/tanggal'
import type { Db } from '../../db/schema'
import { getTraining, trainingDays } from '../training/training.service'
import { LEVEL_LABEL, NO_LEVEL, TRAINING_KIND_LABEL, labelOf } from './labels'
import { dateCell, type CellValue, type SheetColumn, type SheetSpec } from './workbook'

export const PRESENT = 'hadir'

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** "12-03-2026" for a header: a header is text, the reader still sees the day. */
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-')

const gain = (pre: number | null, post: number | null) => (pre === null || post === null ? null : post - pre)

function participantSheet(t: Training, fullNik: boolean, niks: ReadonlyMap<string, string>): SheetSpec {
  const dayColumns: SheetColumn[] = t.days.map((d, i) => ({ header: `Hari ${i + 1}\n${ddmmyyyy(d)}`, kind: 'text' }))
  return {
    name: 'Peserta',
    title: `Daftar Hadir dan Nilai Peserta: ${t.title}`,
    notes: [
      `${labelOf(TRAINING_KIND_LABEL, t.kind)}, ${rentangTanggal(t.startDate, t.endDate)}${t.place ? `, ${t.place}` : ''}${t.organiser ? ` (penyelenggara: ${t.organiser})` : ''}.`,
      `Keterampilan: ${t.competencies.join(', ') || '-'}. ${t.participants.length.toLocaleString('id-ID')} peserta. ${fullNik ? 'NIK lengkap: data pribadi (UU 27/2022).' : 'NIK disamarkan.'}`,
    ],
    freezeColumns: 2,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Nama', kind: 'text' },
      { header: 'NIK', kind: 'text' },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Kelurahan/Desa', kind: 'text' },
      { header: 'Tingkat', kind: 'text' },
      ...dayColumns,
      { header: 'Hari Hadir', kind: 'integer' },
      { header: 'Kehadiran', kind: 'percent' },
      { header: 'Nilai Pre Test', kind: 'decimal' },
      { header: 'Nilai Post Test', kind: 'decimal' },
      { header: 'Kenaikan', kind: 'decimal' },
      { header: 'No Sertifikat', kind: 'text' },
    ],
    rows: t.participants.map((p, i) => {
      const attended = new Set(p.attendance)
      const nik = niks.get(p.kaderId)
      return {
        cells: [
          i + 1,
          p.name,
          fullNik && nik ? nik : p.nikMasked,
          p.posyanduName,
          p.villageName,
          p.level ? labelOf(LEVEL_LABEL, p.level) : NO_LEVEL,
          ...t.days.map((d) => (attended.has(d) ? PRESENT : null)),
          attended.size,
          t.days.length ? attended.size / t.days.length : null,
          p.preScore,
          p.postScore,
          gain(p.preScore, p.postScore),
          p.certificateNumber,
        ] satisfies CellValue[],
      }
    }),
  }
}

export async function oneTrainingSheets(db: Db, trainingId: string, fullNik: boolean): Promise<{ sheets: SheetSpec[]; rows: number; title: string }> {
  const t = await getTraining(db, { id: trainingId })
  const niks = new Map<string, string>()
  if (fullNik && t.participants.length > 0) {
    const ids = t.participants.map((p) => p.kaderId)
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('kader').select(['id', 'nik']).where('id', 'in', ids.slice(i, i + 500)).execute()
      for (const r of rows) niks.set(r.id, r.nik)
    }
  }
  return { sheets: [participantSheet(t, fullNik, niks)], rows: t.participants.length, title: t.title }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

export async function yearTrainingSheets(db: Db, year: number, fullNik: boolean): Promise<{ sheets: SheetSpec[]; rows: number }> {
  const trainings = await db
    .selectFrom('training')
    .select(['id', 'title', 'kind', 'start_date', 'end_date', 'place', 'organiser', 'competencies'])
    .where('deleted', '=', 0)
    .where('start_date', '>=', `${year}-01-01`)
    .where('start_date', '<', `${year + 1}-01-01`)
    .orderBy('start_date')
    .orderBy('end_date')
    .orderBy('id')
    .execute()
  const participants = await db
    .selectFrom('training_participant as tp')
    .innerJoin('training as t', 't.id', 'tp.training_id')
    .innerJoin('kader', 'kader.id', 'tp.kader_id')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select([
      'tp.training_id',
      'tp.kader_id',
      'tp.attendance',
      'tp.pre_score',
      'tp.post_score',
      'tp.certificate_number',
      'kader.name',
      'kader.nik',
      'posyandu.name as posyandu_name',
      'posyandu.village_name',
    ])
    .where('tp.deleted', '=', 0)
    .where('t.deleted', '=', 0)
    .where('t.start_date', '>=', `${year}-01-01`)
    .where('t.start_date', '<', `${year + 1}-01-01`)
    .orderBy('t.start_date')
    .orderBy('t.id')
    .orderBy('kader.name', (ob) => ob.collate('nocase'))
    .orderBy('kader.id')
    // The newest row first per kader: two offices may each have put the same kader on the list.
    .orderBy('tp.version', 'desc')
    .execute()

  const byTraining = new Map<string, typeof participants>()
  const seen = new Set<string>()
  for (const p of participants) {
    const key = `${p.training_id} ${p.kader_id}`
    if (seen.has(key)) continue
    seen.add(key)
    const list = byTraining.get(p.training_id) ?? []
    list.push(p)
    byTraining.set(p.training_id, list)
  }
  const info = new Map(trainings.map((t) => [t.id, t]))

  const summary: SheetSpec = {
    name: `Pelatihan ${year}`,
    title: `Rekap Kehadiran Pelatihan Kader Tahun ${year}`,
    notes: [`${trainings.length.toLocaleString('id-ID')} kegiatan yang dimulai pada tahun ${year}. Daftar semua peserta: lembar Peserta.`],
    freezeColumns: 2,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Kegiatan', kind: 'longText', maxWidth: 50 },
      { header: 'Jenis', kind: 'text' },
      { header: 'Mulai', kind: 'date' },
      { header: 'Selesai', kind: 'date' },
      { header: 'Jumlah Hari', kind: 'integer' },
      { header: 'Tempat', kind: 'longText', maxWidth: 40 },
      { header: 'Penyelenggara', kind: 'text', maxWidth: 40 },
      { header: 'Keterampilan', kind: 'longText', maxWidth: 30 },
      { header: 'Peserta', kind: 'integer' },
      { header: 'Hadir Semua Hari', kind: 'integer' },
      { header: 'Kehadiran', kind: 'percent' },
      { header: 'Bersertifikat', kind: 'integer' },
      { header: 'Rata-rata Pre Test', kind: 'decimal' },
      { header: 'Rata-rata Post Test', kind: 'decimal' },
    ],
    rows: trainings.map((t, i) => {
      const list = byTraining.get(t.id) ?? []
      const days = trainingDays(t.start_date, t.end_date).length
      const attended = list.map((p) => new Set(parseList(p.attendance)).size)
      const pre = list.flatMap((p) => (p.pre_score === null ? [] : [p.pre_score]))
      const post = list.flatMap((p) => (p.post_score === null ? [] : [p.post_score]))
      return {
        cells: [
          i + 1,
          t.title,
          labelOf(TRAINING_KIND_LABEL, t.kind),
          dateCell(t.start_date),
          dateCell(t.end_date),
          days,
          t.place,
          t.organiser,
          parseList(t.competencies).join(', '),
          list.length,
          attended.filter((n) => n >= days).length,
          list.length && days ? attended.reduce((a, b) => a + b, 0) / (list.length * days) : null,
          list.filter((p) => p.certificate_number).length,
          mean(pre),
          mean(post),
        ],
      }
    }),
  }

  const everyone = [...byTraining.values()].flat()
  const people: SheetSpec = {
    name: 'Peserta',
    title: `Peserta Pelatihan Kader Tahun ${year}`,
    notes: [`${everyone.length.toLocaleString('id-ID')} peserta. ${fullNik ? 'NIK lengkap: data pribadi (UU 27/2022).' : 'NIK disamarkan.'}`],
    freezeColumns: 3,
    columns: [
      { header: 'No', kind: 'integer' },
      { header: 'Kegiatan', kind: 'text', maxWidth: 40 },
      { header: 'Nama', kind: 'text' },
      { header: 'NIK', kind: 'text' },
      { header: 'Posyandu', kind: 'text' },
      { header: 'Kelurahan/Desa', kind: 'text' },
      { header: 'Mulai', kind: 'date' },
      { header: 'Hari Hadir', kind: 'integer' },
      { header: 'Kehadiran', kind: 'percent' },
      { header: 'Nilai Pre Test', kind: 'decimal' },
      { header: 'Nilai Post Test', kind: 'decimal' },
      { header: 'Kenaikan', kind: 'decimal' },
      { header: 'No Sertifikat', kind: 'text' },
    ],
    rows: everyone.map((p, i) => {
      const t = info.get(p.training_id)!
      const days = trainingDays(t.start_date, t.end_date).length
      const attended = new Set(parseList(p.attendance)).size
      return {
        cells: [
          i + 1,
          t.title,
          p.name,
          fullNik ? p.nik : maskNik(p.nik),
          p.posyandu_name,
          p.village_name,
          dateCell(t.start_date),
          attended,
          days ? attended / days : null,
          p.pre_score,
          p.post_score,
          gain(p.pre_score, p.post_score),
          p.certificate_number,
        ],
      }
    }),
  }
  return { sheets: [summary, people], rows: trainings.length }
}
