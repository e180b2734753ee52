// Printable documents: the kader's competency card, a training's attendance list and the
// minutes (notulen) of a Tim Pembina meeting. The core renders the HTML; the UI previews it in
// a sandboxed frame, the desktop app turns the same HTML into a PDF (Chromium's printToPDF),
// and the tests print it with Chromium too.

import type { Meeting, PrintDocument, PrintRequest } from '../../../../shared/contract'
import { maskNik } from '../../../../shared/domain/nik'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { activeCatalogue } from '../competency/catalogue.service'
import { getKaderCompetency } from '../competency/competency.service'
import { hariIni } from '../../../../shared/domain/tanggal'
import { jenisDesa } from '../../../../shared/domain/wilayah'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import { getMeeting } from '../meeting/meeting.service'
import { officeToday, requireSite } from '../site/site.service'
import { getTraining } from '../training/training.service'
import { daftarHadirHtml } from './daftar-hadir.html'
import { safeFileName } from './html'
import { kartuKaderHtml } from './kartu-kader.html'
import { notulenHtml } from './notulen.html'
import { loadOffice } from './office'

export interface PrintOptions {
  /** The date on the card's place/date line ("YYYY-MM-DD"); today in Jakarta by default. */
  today?: string
}

export async function printDocument(db: Db, request: PrintRequest, options: PrintOptions = {}): Promise<PrintDocument> {
  switch (request.kind) {
    case 'kartuKader':
      return kartuKader(db, request.kaderId, options)
    case 'daftarHadir':
      return daftarHadir(db, request.trainingId)
    case 'notulen':
      return notulen(db, request.meetingId, options)
    case 'kartuPemulihan':
      return (await import('../cadangan/kartu-pemulihan.html')).kartuPemulihan(db, options)
    case 'daftarInsentif':
      return (await import('../insentif/insentif.service')).daftarInsentif(db, request, options)
  }
}

async function notulen(db: Db, meetingId: string, options: PrintOptions): Promise<PrintDocument> {
  const row = await db.selectFrom('meeting').select('id').where('id', '=', meetingId).executeTakeFirst()
  if (!row) {
    throw new AppError({ code: 'not_found', message: 'Rapat yang akan dicetak notulennya tidak ditemukan. Muat ulang daftar rapat lalu coba lagi.' })
  }
  const [office, meeting, site] = await Promise.all([loadOffice(db), getMeeting(db, { id: meetingId }), requireSite(db)])
  const zona = zonaDariKodeWilayah(site.area_code)
  const page = notulenHtml({ office, meeting, areaName: await meetingAreaName(db, meeting, site.area_code), today: options.today ?? hariIni(zona), zone: zona.kode })
  return { title: page.title, fileName: safeFileName(`Notulen - ${meeting.title} - ${meeting.date}`), html: page.html }
}

/**
 * Whose Tim Pembina met, as the notulen's subtitle names it: the area at the meeting's level
 * that holds the office (or, for a visit, the Posyandu's kelurahan). Null when the office sits
 * above that level and nothing says which one (a kota office's kelurahan meeting).
 */
async function meetingAreaName(db: Db, meeting: Meeting, siteAreaCode: string): Promise<string | null> {
  let code = siteAreaCode
  if (meeting.posyanduId) {
    const p = await db.selectFrom('posyandu').select('village_code').where('id', '=', meeting.posyanduId).executeTakeFirst()
    if (p) code = p.village_code
  }
  const segments = meeting.level === 'kelurahan' ? 4 : meeting.level === 'kecamatan' ? 3 : 2
  const parts = code.split('.')
  if (parts.length < segments) return null
  const area = await db.selectFrom('area').select('name').where('code', '=', parts.slice(0, segments).join('.')).executeTakeFirst()
  if (!area) return null
  if (meeting.level === 'kota') return area.name
  if (meeting.level === 'kecamatan') return `Kecamatan ${area.name}`
  // Kelurahan or desa from the village code (Kemendagri: 1… kelurahan, 2… desa, 3… desa adat).
  return `${jenisDesa(code) === 'desa' ? 'Desa' : 'Kelurahan'} ${area.name}`
}

async function kartuKader(db: Db, kaderId: string, options: PrintOptions): Promise<PrintDocument> {
  // Read first so an unknown id is not_found with a message about printing, whatever the
  // competency service says; archived kader keep their card (their history stays true).
  const row = await db.selectFrom('kader').select(['nik']).where('id', '=', kaderId).executeTakeFirst()
  if (!row) {
    throw new AppError({ code: 'not_found', message: 'Kader yang akan dicetak kartunya tidak ditemukan. Muat ulang halaman kader lalu coba lagi.' })
  }
  const [office, kader, catalogue] = await Promise.all([loadOffice(db), getKaderCompetency(db, { kaderId }), activeCatalogue(db)])
  const page = kartuKaderHtml({ office, kader, catalogue, nikMasked: maskNik(row.nik), today: options.today ?? (await officeToday(db)) })
  return { title: page.title, fileName: safeFileName(`Kartu Kompetensi - ${kader.name}`), html: page.html }
}

async function daftarHadir(db: Db, trainingId: string): Promise<PrintDocument> {
  // An archived training is getTraining's to refuse or show; only an unknown id stops here.
  const exists = await db.selectFrom('training').select('id').where('id', '=', trainingId).executeTakeFirst()
  if (!exists) {
    throw new AppError({ code: 'not_found', message: 'Kegiatan pelatihan ini tidak ditemukan. Muat ulang daftar pelatihan lalu coba lagi.' })
  }
  const [office, training] = await Promise.all([loadOffice(db), getTraining(db, { id: trainingId })])
  const page = daftarHadirHtml({ office, training })
  return { title: page.title, fileName: safeFileName(`Daftar Hadir - ${training.title} - ${training.startDate}`), html: page.html }
}
