// Posyandu of the office's villages. Rows are replicated: uuidv7 ids, HLC versions, per-field
// versions for the columns each write changed, and no hard delete.

import type { ParsedInput, Posyandu } from '../../../../shared/contract'
import type { SpmField } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import type { Db, PosyanduRow } from '../../db/schema'
import { insertRecord, updateRecord } from '../../sync/write'
import { findAreaRow, unknownArea } from '../area/area.service'
import { requireSite } from '../site/site.service'

/** The columns a person edits; each gets its own entry in field_versions when it changes. */
type Editable =
  | 'name'
  | 'village_code'
  | 'village_name'
  | 'rw'
  | 'address'
  | 'puskesmas'
  | 'schedule'
  | 'spm_fields'
  | 'active'

type PosyanduWithCount = PosyanduRow & { active_kader_count: number }

export function notFoundPosyandu(): AppError {
  return new AppError({
    code: 'not_found',
    message: 'Posyandu ini tidak ditemukan. Mungkin sudah dihapus; muat ulang daftar Posyandu.',
  })
}

/** Active kader per Posyandu, one grouped pass over kader instead of a query per row. */
export function activeKaderCounts(db: Db) {
  return db
    .selectFrom('kader')
    .select(['kader.posyandu_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kader.deleted', '=', 0)
    .where('kader.status', '=', 'aktif')
    .groupBy('kader.posyandu_id')
}

function selectPosyandu(db: Db) {
  return db
    .selectFrom('posyandu')
    .leftJoin(activeKaderCounts(db).as('k'), 'k.posyandu_id', 'posyandu.id')
    .selectAll('posyandu')
    .select((eb) => eb.fn.coalesce('k.n', eb.lit(0)).as('active_kader_count'))
    .where('posyandu.deleted', '=', 0)
}

export function parseSpmFields(json: string): SpmField[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? (v as SpmField[]) : []
  } catch {
    return []
  }
}

function toPosyandu(r: PosyanduWithCount): Posyandu {
  return {
    id: r.id,
    name: r.name,
    villageCode: r.village_code,
    villageName: r.village_name,
    rw: r.rw,
    address: r.address,
    puskesmas: r.puskesmas,
    schedule: r.schedule,
    spmFields: parseSpmFields(r.spm_fields),
    active: r.active === 1,
    activeKaderCount: Number(r.active_kader_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function listPosyandu(db: Db, input: ParsedInput<'posyandu:list'>): Promise<Posyandu[]> {
  let q = selectPosyandu(db)
  if (!input.includeInactive) q = q.where('posyandu.active', '=', 1)
  const rows = await q
    .orderBy('posyandu.name', (ob) => ob.collate('nocase'))
    .orderBy('posyandu.id')
    .execute()
  return rows.map(toPosyandu)
}

export async function getPosyandu(db: Db, input: ParsedInput<'posyandu:get'>): Promise<Posyandu> {
  const row = await selectPosyandu(db).where('posyandu.id', '=', input.id).executeTakeFirst()
  if (!row) throw notFoundPosyandu()
  return toPosyandu(row)
}

async function editableValues(db: Db, input: ParsedInput<'posyandu:create'>): Promise<Pick<PosyanduRow, Editable>> {
  const village = await findAreaRow(db, input.villageCode)
  if (!village || village.level !== 4) throw unknownArea(input.villageCode)
  return {
    name: input.name,
    village_code: village.code,
    // Codes are retired and renamed over time: keep the name the record was made with.
    village_name: village.name,
    rw: input.rw,
    address: input.address,
    puskesmas: input.puskesmas,
    schedule: input.schedule,
    spm_fields: JSON.stringify(input.spmFields),
    active: input.active ? 1 : 0,
  }
}

export async function createPosyandu(db: Db, input: ParsedInput<'posyandu:create'>): Promise<Posyandu> {
  const id = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const values = await editableValues(trx, input)
    return insertRecord(trx, 'posyandu', values)
  })
  return getPosyandu(db, { id })
}

export async function updatePosyandu(db: Db, input: ParsedInput<'posyandu:update'>): Promise<Posyandu> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx
      .selectFrom('posyandu')
      .selectAll()
      .where('id', '=', input.id)
      .where('deleted', '=', 0)
      .executeTakeFirst()
    if (!existing) throw notFoundPosyandu()
    const values = await editableValues(trx, input)
    // A village name that was stored under the same code stays as recorded.
    if (values.village_code === existing.village_code) values.village_name = existing.village_name
    // Only the columns that differ from the row get a new field version.
    await updateRecord(trx, 'posyandu', existing, values)
  })
  return getPosyandu(db, { id: input.id })
}
