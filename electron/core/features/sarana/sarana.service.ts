// Sarana prasarana of a Posyandu (issue 18, item 2). The equipment list is reference data: the
// defaults of shared/domain/sarana.ts are seeded at open, identically on every office (as the OPD
// list is), and the Dinas adds its own items, which travel down. A kelurahan keeps one line per
// item per Posyandu: quantity, condition, date received and funding. Lines are replicated rows.

import type { ParsedInput, Sarana, SaranaItem, SaranaKitGap } from '../../../../shared/contract'
import {
  DEFAULT_SARANA_ITEMS,
  SARANA_CONDITION_NAMES,
  SARANA_NEEDS_ACTION,
  SARANA_NOT_WORKING,
  type SaranaCondition,
  type SaranaFunding,
} from '../../../../shared/domain/sarana'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { nameUuid } from '../../sync/uuid'
import { insertRecord, seedReferenceRecords, tombstoneRecord, updateRecord } from '../../sync/write'
import { posyanduTitle } from '../kader/kader.service'
import { defaultOpdId } from '../opd/opd.service'
import { assertWewenang } from '../paket/authority'
import { officeToday, requireSite } from '../site/site.service'

/**
 * The id of a default item: a UUID (version 8) from the SHA-256 of "sarana:<code>", so the same
 * default seeded by two offices is one record when their data meet (as defaultOpdId does).
 */
export function defaultSaranaItemId(code: string): string {
  return nameUuid(`sarana:${code}`)
}

/** Seeds the default equipment list into a database that has none (one indexed probe once seeded). */
export async function ensureSaranaItems(db: Db): Promise<void> {
  const any = await db.selectFrom('sarana_item').select('id').limit(1).executeTakeFirst()
  if (any) return
  await seedReferenceRecords(
    db,
    'sarana_item',
    DEFAULT_SARANA_ITEMS.map((i) => ({
      id: defaultSaranaItemId(i.code),
      code: i.code,
      name: i.name,
      kit: i.kit ? (1 as const) : (0 as const),
      opd_id: defaultOpdId(i.opdCode),
      active: 1 as const,
    })),
  )
}

const defaultRank = new Map(DEFAULT_SARANA_ITEMS.map((i, n) => [i.code, n]))

/** The kit first, then the defaults in their order, then the Dinas's own by name. */
function compareItems(a: { code: string | null; name: string; kit: number }, b: { code: string | null; name: string; kit: number }): number {
  if (a.kit !== b.kit) return b.kit - a.kit
  const ra = a.code !== null ? (defaultRank.get(a.code) ?? 999) : 999
  const rb = b.code !== null ? (defaultRank.get(b.code) ?? 999) : 999
  return ra - rb || a.name.localeCompare(b.name, 'id', { sensitivity: 'base' })
}

/** The OPD that exists here, by id: an item's suggestion is dropped when its OPD is not known. */
async function knownOpds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('opd').select('id').where('deleted', '=', 0).where('active', '=', 1).execute()
  return new Set(rows.map((r) => r.id))
}

export async function listSaranaItems(db: Db, input: ParsedInput<'sarana:items'>): Promise<SaranaItem[]> {
  let q = db.selectFrom('sarana_item').select(['id', 'code', 'name', 'kit', 'opd_id', 'active']).where('deleted', '=', 0)
  if (!input.includeInactive) q = q.where('active', '=', 1)
  const [rows, opds] = await Promise.all([q.execute(), knownOpds(db)])
  return rows.sort(compareItems).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kit: r.kit === 1,
    opdId: r.opd_id && opds.has(r.opd_id) ? r.opd_id : null,
    active: r.active === 1,
  }))
}

const nameKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')

/** Two items of one name would be two lines nobody can tell apart on a Posyandu's page. */
async function requireUniqueItemName(trx: Db, name: string, exceptId: string | null): Promise<void> {
  const rows = await trx.selectFrom('sarana_item').select(['id', 'name']).where('deleted', '=', 0).execute()
  const clash = rows.find((r) => r.id !== exceptId && nameKey(r.name) === nameKey(name))
  if (clash) throw invalidField('name', `Sudah ada sarana bernama "${clash.name}" di daftar.`)
}

async function saranaItemById(db: Db, id: string): Promise<SaranaItem> {
  const item = (await listSaranaItems(db, { includeInactive: true })).find((i) => i.id === id)
  if (!item) throw new AppError({ code: 'not_found', message: 'Jenis sarana ini tidak ditemukan. Muat ulang halaman Pengaturan.' })
  return item
}

export async function createSaranaItem(db: Db, input: ParsedInput<'sarana:itemCreate'>): Promise<SaranaItem> {
  const id = await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    assertWewenang(site.level, ['sarana_item'], 'Menambah jenis sarana')
    await requireUniqueItemName(trx, input.name, null)
    return insertRecord(trx, 'sarana_item', { code: null, name: input.name, kit: input.kit ? 1 : 0, opd_id: input.opdId, active: 1 })
  })
  return saranaItemById(db, id)
}

/**
 * A default item can be renamed too: its id is the same at every office, so the Dinas's name
 * reaches them all. An item no longer offered keeps the lines already recorded against it.
 */
export async function updateSaranaItem(db: Db, input: ParsedInput<'sarana:itemUpdate'>): Promise<SaranaItem> {
  await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    assertWewenang(site.level, ['sarana_item'], 'Mengubah jenis sarana')
    const existing = await trx.selectFrom('sarana_item').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!existing || existing.deleted === 1) throw new AppError({ code: 'not_found', message: 'Jenis sarana ini tidak ditemukan. Muat ulang halaman Pengaturan.' })
    const known = await knownOpds(trx)
    if (input.opdId && !known.has(input.opdId)) throw invalidField('opdId', 'OPD ini tidak ada atau sudah tidak aktif. Pilih OPD lain.')
    // An OPD deactivated since is not shown (listSaranaItems), so the screen sent none: it is kept
    // rather than cleared by an edit that never saw it.
    const hidden = existing.opd_id !== null && !known.has(existing.opd_id) ? existing.opd_id : null
    const opdId = input.opdId ?? hidden
    const values = { name: input.name, kit: input.kit ? (1 as const) : (0 as const), opd_id: opdId, active: input.active ? (1 as const) : (0 as const) }
    if (values.name !== existing.name) await requireUniqueItemName(trx, input.name, input.id)
    await updateRecord(trx, 'sarana_item', existing, values)
  })
  return saranaItemById(db, input.id)
}

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

function notFoundSarana(): AppError {
  return new AppError({ code: 'not_found', message: 'Data sarana ini tidak ditemukan. Muat ulang halaman Posyandu.' })
}

function selectSarana(db: Db) {
  return db
    .selectFrom('sarana')
    .innerJoin('sarana_item as i', 'i.id', 'sarana.item_id')
    .innerJoin('posyandu as p', 'p.id', 'sarana.posyandu_id')
    .select([
      'sarana.id',
      'sarana.posyandu_id',
      'p.name as posyandu_name',
      'sarana.item_id',
      'i.name as item_name',
      'i.code as item_code',
      'i.kit',
      'i.opd_id',
      'sarana.quantity',
      'sarana.condition',
      'sarana.received_date',
      'sarana.funding_source',
      'sarana.note',
      'sarana.updated_at',
    ])
    .where('sarana.deleted', '=', 0)
}

type SaranaDbRow = Awaited<ReturnType<ReturnType<typeof selectSarana>['execute']>>[number]

/** "Dacin rusak berat di Posyandu Melati": what the follow-up says, as the office would write it. */
export function saranaFollowUpDescription(itemName: string, condition: SaranaCondition, posyanduName: string): string {
  return `${itemName} ${SARANA_CONDITION_NAMES[condition].toLowerCase()} di ${posyanduTitle(posyanduName)}`
}

function toSarana(r: SaranaDbRow, opds: Set<string>): Sarana {
  const condition = r.condition as SaranaCondition
  return {
    id: r.id,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    itemId: r.item_id,
    itemName: r.item_name,
    kit: r.kit === 1,
    quantity: r.quantity,
    condition,
    receivedDate: r.received_date,
    fundingSource: r.funding_source as SaranaFunding | null,
    note: r.note,
    followUp: SARANA_NEEDS_ACTION.includes(condition)
      ? {
          posyanduId: r.posyandu_id,
          opdId: r.opd_id && opds.has(r.opd_id) ? r.opd_id : null,
          description: saranaFollowUpDescription(r.item_name, condition, r.posyandu_name),
        }
      : null,
    updatedAt: r.updated_at,
  }
}

export async function listSarana(db: Db, input: ParsedInput<'sarana:list'>): Promise<Sarana[]> {
  let q = selectSarana(db)
  if (input.posyanduId) q = q.where('sarana.posyandu_id', '=', input.posyanduId)
  const [rows, opds] = await Promise.all([q.execute(), knownOpds(db)])
  return rows
    .sort(
      (a, b) =>
        a.posyandu_name.localeCompare(b.posyandu_name, 'id', { sensitivity: 'base' }) ||
        compareItems({ code: a.item_code, name: a.item_name, kit: a.kit }, { code: b.item_code, name: b.item_name, kit: b.kit }),
    )
    .map((r) => toSarana(r, opds))
}

async function getSarana(db: Db, id: string): Promise<Sarana> {
  const row = await selectSarana(db).where('sarana.id', '=', id).executeTakeFirst()
  if (!row) throw notFoundSarana()
  return toSarana(row, await knownOpds(db))
}

/** Checks what the contract cannot: the Posyandu and item exist, the date has come, one line per item. */
async function checkedValues(trx: Db, input: ParsedInput<'sarana:create'>, exceptId: string | null) {
  const site = await requireSite(trx)
  assertWewenang(site.level, ['sarana'], 'Mencatat sarana prasarana Posyandu')
  const posyandu = await trx.selectFrom('posyandu').select('id').where('id', '=', input.posyanduId).where('deleted', '=', 0).executeTakeFirst()
  if (!posyandu) throw new AppError({ code: 'not_found', message: 'Posyandu ini tidak ditemukan. Muat ulang daftar Posyandu.' })
  const item = await trx.selectFrom('sarana_item').select(['id', 'name']).where('id', '=', input.itemId).where('deleted', '=', 0).executeTakeFirst()
  if (!item) throw invalidField('itemId', 'Pilih jenis sarana dari daftar.')
  if (input.receivedDate && input.receivedDate > (await officeToday(trx))) {
    throw invalidField('receivedDate', 'Tanggal diterima belum terjadi. Periksa tanggalnya.')
  }
  let same = trx
    .selectFrom('sarana')
    .select('id')
    .where('posyandu_id', '=', input.posyanduId)
    .where('item_id', '=', input.itemId)
    .where('deleted', '=', 0)
  if (exceptId) same = same.where('id', '!=', exceptId)
  if (await same.executeTakeFirst()) {
    throw invalidField('itemId', `${item.name} sudah tercatat untuk Posyandu ini. Ubah baris yang ada.`)
  }
  return {
    posyandu_id: input.posyanduId,
    item_id: input.itemId,
    quantity: input.quantity,
    condition: input.condition,
    received_date: input.receivedDate,
    funding_source: input.fundingSource,
    note: input.note,
  }
}

export async function createSarana(db: Db, input: ParsedInput<'sarana:create'>): Promise<Sarana> {
  const id = await db.transaction().execute(async (trx) => insertRecord(trx, 'sarana', await checkedValues(trx, input, null)))
  return getSarana(db, id)
}

export async function updateSarana(db: Db, input: ParsedInput<'sarana:update'>): Promise<Sarana> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('sarana').selectAll().where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst()
    if (!existing) throw notFoundSarana()
    await updateRecord(trx, 'sarana', existing, await checkedValues(trx, input, input.id))
  })
  return getSarana(db, input.id)
}

export async function removeSarana(db: Db, input: ParsedInput<'sarana:remove'>): Promise<null> {
  await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    assertWewenang(site.level, ['sarana'], 'Menghapus sarana prasarana Posyandu')
    const existing = await trx.selectFrom('sarana').selectAll().where('id', '=', input.id).where('deleted', '=', 0).executeTakeFirst()
    if (!existing) throw notFoundSarana()
    await tombstoneRecord(trx, 'sarana', existing)
  })
  return null
}

/**
 * Active Posyandu whose anthropometry kit is not complete: a kit item not recorded, recorded as
 * tidak ada or rusak berat, or with quantity 0. One pass over the kit lines of all Posyandu.
 */
export async function saranaKitGaps(db: Db): Promise<SaranaKitGap[]> {
  const [posyandu, kit, working] = await Promise.all([
    db.selectFrom('posyandu').select(['id', 'name', 'village_code', 'village_name']).where('deleted', '=', 0).where('active', '=', 1).execute(),
    db.selectFrom('sarana_item').select(['id', 'code', 'name', 'kit']).where('deleted', '=', 0).where('active', '=', 1).where('kit', '=', 1).execute(),
    db
      .selectFrom('sarana')
      .innerJoin('sarana_item as i', 'i.id', 'sarana.item_id')
      .select(['sarana.posyandu_id', 'sarana.item_id'])
      .where('sarana.deleted', '=', 0)
      .where('i.kit', '=', 1)
      .where('sarana.quantity', '>', 0)
      .where('sarana.condition', 'not in', [...SARANA_NOT_WORKING])
      .execute(),
  ])
  const items = kit.sort(compareItems)
  const have = new Set(working.map((w) => `${w.posyandu_id} ${w.item_id}`))
  return posyandu
    .map((p) => ({
      posyanduId: p.id,
      posyanduName: p.name,
      villageCode: p.village_code,
      villageName: p.village_name,
      missing: items.filter((i) => !have.has(`${p.id} ${i.id}`)).map((i) => i.name),
    }))
    .filter((g) => g.missing.length > 0)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.posyanduName.localeCompare(b.posyanduName, 'id', { sensitivity: 'base' }))
}
