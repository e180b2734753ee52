// The Pustu (Puskesmas Pembantu) of each kelurahan/desa: records of their own, kept by the
// kelurahan/desa and replicated like its Posyandu, which point at the one they sit under (ILP).

import type { ParsedInput, Pustu } from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import type { Db, PustuRow } from '../../db/schema'
import { insertRecord, updateRecord } from '../../sync/write'
import { findAreaRow, unknownArea } from '../area/area.service'
import { requireSite } from '../site/site.service'

export async function findPustu(db: Db, id: string): Promise<PustuRow | undefined> {
  return db.selectFrom('pustu').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst()
}

function selectPustu(db: Db) {
  const counts = db
    .selectFrom('posyandu')
    .select(['pustu_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .where('pustu_id', 'is not', null)
    .groupBy('pustu_id')
  return db
    .selectFrom('pustu')
    .leftJoin(counts.as('c'), 'c.pustu_id', 'pustu.id')
    .selectAll('pustu')
    .select((eb) => eb.fn.coalesce('c.n', eb.lit(0)).as('posyandu_count'))
    .where('pustu.deleted', '=', 0)
}

function toPustu(r: PustuRow & { posyandu_count: number }): Pustu {
  return {
    id: r.id,
    villageCode: r.village_code,
    villageName: r.village_name,
    name: r.name,
    address: r.address,
    posyanduCount: Number(r.posyandu_count),
  }
}

export async function listPustu(db: Db, input: ParsedInput<'pustu:list'>): Promise<Pustu[]> {
  let q = selectPustu(db)
  if (input.villageCode) q = q.where('pustu.village_code', '=', input.villageCode)
  const rows = await q
    .orderBy('pustu.village_name')
    .orderBy('pustu.name', (ob) => ob.collate('nocase'))
    .orderBy('pustu.id')
    .execute()
  return rows.map(toPustu)
}

async function getPustu(db: Db, id: string): Promise<Pustu> {
  const row = await selectPustu(db).where('pustu.id', '=', id).executeTakeFirst()
  if (!row) throw notFoundPustu()
  return toPustu(row)
}

function notFoundPustu(): AppError {
  return new AppError({ code: 'not_found', message: 'Pustu ini tidak ditemukan. Mungkin sudah dihapus; muat ulang halaman.' })
}

async function pustuValues(trx: Db, input: ParsedInput<'pustu:create'>, selfId: string | null) {
  const village = await findAreaRow(trx, input.villageCode)
  if (!village || village.level !== 4) throw unknownArea(input.villageCode)
  const same = await trx
    .selectFrom('pustu')
    .select('id')
    .where('village_code', '=', village.code)
    .where('deleted', '=', 0)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst()
  if (same && same.id !== selfId) {
    const message = `${input.name} sudah tercatat di ${village.name}. Ubah Pustu yang ada, atau beri nama lain.`
    throw new AppError({ code: 'invalid_input', field: 'name', message, fields: { name: message } })
  }
  return { village_code: village.code, village_name: village.name, name: input.name, address: input.address }
}

export async function createPustu(db: Db, input: ParsedInput<'pustu:create'>): Promise<Pustu> {
  const id = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    return insertRecord(trx, 'pustu', await pustuValues(trx, input, null))
  })
  return getPustu(db, id)
}

export async function updatePustu(db: Db, input: ParsedInput<'pustu:update'>): Promise<Pustu> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await findPustu(trx, input.id)
    if (!existing) throw notFoundPustu()
    const values = await pustuValues(trx, input, existing.id)
    // The village name stays as recorded while the code is the same.
    if (values.village_code === existing.village_code) values.village_name = existing.village_name
    await updateRecord(trx, 'pustu', existing, values)
  })
  return getPustu(db, input.id)
}
