// Kader incentives (issue 18, item 3): one line per kader per month and funding source, paid or
// not yet (paid_date null). Written by the kader's kelurahan/desa; replicated rows.

import type { Insentif, ParsedInput, PrintDocument, PrintRequest } from '../../../../shared/contract'
import type { InsentifFunding } from '../../../../shared/domain/sarana'
import { FUNDING_NAMES, periodName } from '../../../../shared/domain/sarana'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { insertRecord, tombstoneRecord, updateRecord } from '../../sync/write'
import { jenisDesa } from '../../../../shared/domain/wilayah'
import { posyanduTitle } from '../kader/kader.service'
import { assertWewenang } from '../paket/authority'
import { safeFileName } from '../print/html'
import { loadOffice } from '../print/office'
import { daftarInsentifHtml } from './daftar-insentif.html'
import { officeToday, requireSite } from '../site/site.service'

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

function notFoundInsentif(): AppError {
  return new AppError({ code: 'not_found', message: 'Data insentif ini tidak ditemukan. Muat ulang halaman kader.' })
}

function selectInsentif(db: Db) {
  return db
    .selectFrom('insentif')
    .innerJoin('kader as k', 'k.id', 'insentif.kader_id')
    .innerJoin('posyandu as p', 'p.id', 'k.posyandu_id')
    .select([
      'insentif.id',
      'insentif.kader_id',
      'k.name as kader_name',
      'k.posyandu_id',
      'p.name as posyandu_name',
      'p.village_code',
      'insentif.period',
      'insentif.amount',
      'insentif.funding_source',
      'insentif.paid_date',
      'insentif.note',
      'insentif.updated_at',
    ])
    .where('insentif.deleted', '=', 0)
}

type InsentifDbRow = Awaited<ReturnType<ReturnType<typeof selectInsentif>['execute']>>[number]

function toInsentif(r: InsentifDbRow): Insentif {
  return {
    id: r.id,
    kaderId: r.kader_id,
    kaderName: r.kader_name,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    villageCode: r.village_code,
    period: r.period,
    amount: r.amount,
    fundingSource: r.funding_source as InsentifFunding,
    paidDate: r.paid_date,
    note: r.note,
    updatedAt: r.updated_at,
  }
}

/** Newest period first, then by Posyandu and kader name (the payment list's order). */
export async function listInsentif(db: Db, input: ParsedInput<'insentif:list'>): Promise<Insentif[]> {
  let q = selectInsentif(db)
  if (input.kaderId) q = q.where('insentif.kader_id', '=', input.kaderId)
  if (input.posyanduId) q = q.where('k.posyandu_id', '=', input.posyanduId)
  if (input.villageCode) q = q.where('p.village_code', '=', input.villageCode)
  if (input.period) q = q.where('insentif.period', '=', input.period)
  const rows = await q
    .orderBy('insentif.period', 'desc')
    .orderBy('p.name', (ob) => ob.collate('nocase'))
    .orderBy('k.name', (ob) => ob.collate('nocase'))
    .orderBy('insentif.id')
    .execute()
  return rows.map(toInsentif)
}

async function getInsentif(db: Db, id: string): Promise<Insentif> {
  const row = await selectInsentif(db).where('insentif.id', '=', id).executeTakeFirst()
  if (!row) throw notFoundInsentif()
  return toInsentif(row)
}

async function checkedValues(trx: Db, input: ParsedInput<'insentif:create'>, exceptId: string | null) {
  const site = await requireSite(trx)
  assertWewenang(site.level, ['insentif'], 'Mencatat insentif kader')
  const kader = await trx.selectFrom('kader').select(['id', 'name']).where('id', '=', input.kaderId).where('deleted', '=', 0).executeTakeFirst()
  if (!kader) throw new AppError({ code: 'not_found', message: 'Kader ini tidak ditemukan atau sudah diarsipkan. Muat ulang daftar kader.' })
  if (input.paidDate && input.paidDate > (await officeToday(trx))) {
    throw invalidField('paidDate', 'Tanggal dibayar belum terjadi. Kosongkan bila insentif belum dibayar.')
  }
  let same = trx
    .selectFrom('insentif')
    .select('id')
    .where('kader_id', '=', input.kaderId)
    .where('period', '=', input.period)
    .where('funding_source', '=', input.fundingSource)
    .where('deleted', '=', 0)
  if (exceptId) same = same.where('id', '!=', exceptId)
  if (await same.executeTakeFirst()) {
    throw invalidField(
      'period',
      `Insentif ${kader.name} untuk ${periodName(input.period)} dari ${FUNDING_NAMES[input.fundingSource]} sudah tercatat. Ubah baris yang ada.`,
    )
  }
  return {
    kader_id: input.kaderId,
    period: input.period,
    amount: input.amount,
    funding_source: input.fundingSource,
    paid_date: input.paidDate,
    note: input.note,
  }
}

export async function createInsentif(db: Db, input: ParsedInput<'insentif:create'>): Promise<Insentif> {
  const id = await db.transaction().execute(async (trx) => insertRecord(trx, 'insentif', await checkedValues(trx, input, null)))
  return getInsentif(db, id)
}

export async function updateInsentif(db: Db, input: ParsedInput<'insentif:update'>): Promise<Insentif> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('insentif').selectAll().where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst()
    if (!existing) throw notFoundInsentif()
    await updateRecord(trx, 'insentif', existing, await checkedValues(trx, input, input.id))
  })
  return getInsentif(db, input.id)
}

export async function removeInsentif(db: Db, input: ParsedInput<'insentif:remove'>): Promise<null> {
  await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    assertWewenang(site.level, ['insentif'], 'Menghapus insentif kader')
    const existing = await trx.selectFrom('insentif').selectAll().where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst()
    if (!existing) throw notFoundInsentif()
    await tombstoneRecord(trx, 'insentif', existing)
  })
  return null
}

/**
 * The month's payment list to print: of one Posyandu, or of a kelurahan/desa (the one asked, else
 * this office's own area). A month with no payment recorded is refused: an empty list is no use.
 */
export async function daftarInsentif(
  db: Db,
  request: Extract<PrintRequest, { kind: 'daftarInsentif' }>,
  options: { today?: string } = {},
): Promise<PrintDocument> {
  let scope: string
  let rows: Insentif[]
  if (request.posyanduId) {
    const p = await db.selectFrom('posyandu').select('name').where('id', '=', request.posyanduId).executeTakeFirst()
    if (!p) throw new AppError({ code: 'not_found', message: 'Posyandu ini tidak ditemukan. Muat ulang daftar Posyandu.' })
    scope = posyanduTitle(p.name)
    rows = await listInsentif(db, { period: request.period, posyanduId: request.posyanduId })
  } else {
    const site = await requireSite(db)
    const code = request.villageCode ?? (site.level === 'kelurahan' ? site.area_code : null)
    const area = code ? await db.selectFrom('area').select('name').where('code', '=', code).executeTakeFirst() : undefined
    scope = code ? `${jenisDesa(code) === 'desa' ? 'Desa' : 'Kelurahan'} ${area?.name ?? code}` : site.area_name
    rows = await listInsentif(db, { period: request.period, villageCode: code })
  }
  if (rows.length === 0) {
    throw new AppError({
      code: 'not_found',
      message: `Belum ada insentif kader yang dicatat untuk ${periodName(request.period)} di ${scope}. Catat insentifnya di halaman kader, lalu cetak lagi.`,
    })
  }
  const [office, today] = await Promise.all([loadOffice(db), options.today ?? officeToday(db)])
  const page = daftarInsentifHtml({ office, period: request.period, scope, rows, today })
  return { title: page.title, fileName: safeFileName(page.title), html: page.html }
}
