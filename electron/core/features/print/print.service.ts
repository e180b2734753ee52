// Printable documents: the kader's competency card and a training's attendance list. The
// core renders the HTML; the UI previews it in a sandboxed frame, the desktop app turns the
// same HTML into a PDF (Chromium's printToPDF), and the tests print it with Chromium too.

import type { PrintDocument, PrintRequest } from '../../../../shared/contract'
import { maskNik } from '../../../../shared/domain/nik'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { activeCatalogue } from '../competency/catalogue.service'
import { getKaderCompetency } from '../competency/competency.service'
import { todayJakarta } from '../kader/kader.service'
import { getTraining } from '../training/training.service'
import { daftarHadirHtml } from './daftar-hadir.html'
import { safeFileName } from './html'
import { kartuKaderHtml } from './kartu-kader.html'
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
  }
}

// Placeholder: being built (issue 4).
async function notulen(_db: Db, _meetingId: string, _options: PrintOptions): Promise<PrintDocument> {
  throw new Error('belum dibuat')
}

async function kartuKader(db: Db, kaderId: string, options: PrintOptions): Promise<PrintDocument> {
  // Read first so an unknown id is not_found with a message about printing, whatever the
  // competency service says; archived kader keep their card (their history stays true).
  const row = await db.selectFrom('kader').select(['nik']).where('id', '=', kaderId).executeTakeFirst()
  if (!row) {
    throw new AppError({ code: 'not_found', message: 'Kader yang akan dicetak kartunya tidak ditemukan. Muat ulang halaman kader lalu coba lagi.' })
  }
  const [office, kader, catalogue] = await Promise.all([loadOffice(db), getKaderCompetency(db, { kaderId }), activeCatalogue(db)])
  const page = kartuKaderHtml({ office, kader, catalogue, nikMasked: maskNik(row.nik), today: options.today ?? todayJakarta() })
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
