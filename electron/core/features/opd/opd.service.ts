// The OPD list (regional offices a follow-up can be owed by). Editable reference data: the
// defaults of shared/domain/meeting.ts are seeded once, then each office renames, adds and
// retires its own. An OPD is never deleted, only made inactive: follow-ups keep naming it.

import type { Opd, ParsedInput } from '../../../../shared/contract'
import { DEFAULT_OPDS } from '../../../../shared/domain/meeting'
import type { SpmField } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import type { Db, OpdTable } from '../../db/schema'
import { nameUuid } from '../../sync/uuid'
import { insertRecord, REFERENCE_CREATED_AT, REFERENCE_SITE_ID, REFERENCE_VERSION, seedReferenceRecords, updateRecord } from '../../sync/write'
import { parseSpmFields } from '../posyandu/posyandu.service'
import { reindexFollowUpsOfOpd } from '../search/search.service'
import { requireSite } from '../site/site.service'

/** Site id of rows every installation creates identically (seeded before any office exists). */
export const DEFAULT_SITE_ID = REFERENCE_SITE_ID
/** Older than any version the clock can issue, so any real edit of a default wins a merge. */
export const DEFAULT_VERSION = REFERENCE_VERSION
/** The creation instant of the defaults, the same everywhere (the instant of DEFAULT_VERSION), so their copies are one record. */
export const DEFAULT_CREATED_AT = REFERENCE_CREATED_AT

/**
 * The id of a default OPD: a UUID (RFC 9562 version 8, "custom") made of the SHA-256 of
 * "opd:<code>". Every office derives the same id, so the defaults two offices seeded
 * independently are one record when their data meet instead of two "Dinas Kesehatan".
 */
export function defaultOpdId(code: string): string {
  return nameUuid(`opd:${code}`)
}

/** Seeds the default OPD list into a database that has none (runs at every open: one indexed probe when seeded). */
export async function ensureOpds(db: Db): Promise<void> {
  const any = await db.selectFrom('opd').select('id').limit(1).executeTakeFirst()
  if (any) return
  // Identical on every office (fixed owner, version and times; two windows opening one fresh
  // file at once do not make the second one fail): see seedReferenceRecords.
  await seedReferenceRecords(
    db,
    'opd',
    DEFAULT_OPDS.map((o) => ({
      id: defaultOpdId(o.code),
      code: o.code,
      name: o.name,
      spm_fields: JSON.stringify(o.spmFields),
      active: 1 as const,
    })),
  )
}

type OpdDbRow = Pick<OpdTable, 'id' | 'code' | 'name' | 'spm_fields' | 'active'>

function toOpd(r: OpdDbRow): Opd {
  return { id: r.id, name: r.name, spmFields: parseSpmFields(r.spm_fields) as SpmField[], active: r.active === 1 }
}

const defaultRank = new Map(DEFAULT_OPDS.map((o, i) => [o.code, i]))

/** Defaults in the order of the usual list (Dinkes first), then the office's own by name. */
function compareOpd(a: OpdDbRow, b: OpdDbRow): number {
  const ra = a.code !== null ? defaultRank.get(a.code) : undefined
  const rb = b.code !== null ? defaultRank.get(b.code) : undefined
  if (ra !== undefined || rb !== undefined) {
    if (ra === undefined) return 1
    if (rb === undefined) return -1
    if (ra !== rb) return ra - rb
  }
  return a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export async function listOpd(db: Db, input: ParsedInput<'opd:list'>): Promise<Opd[]> {
  let q = db.selectFrom('opd').select(['id', 'code', 'name', 'spm_fields', 'active']).where('deleted', '=', 0)
  if (!input.includeInactive) q = q.where('active', '=', 1)
  // A few dozen rows at most: sorting here keeps the default order in one place (DEFAULT_OPDS).
  const rows = await q.execute()
  return rows.sort(compareOpd).map(toOpd)
}

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

function notFoundOpd(): AppError {
  return new AppError({ code: 'not_found', message: 'OPD ini tidak ditemukan. Muat ulang daftar OPD.' })
}

/** "Dinas  Sosial" and "dinas sosial" are the same office to a person reading the list. */
const nameKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')

async function requireUniqueName(trx: Db, name: string, exceptId: string | null): Promise<void> {
  const key = nameKey(name)
  const rows = await trx.selectFrom('opd').select(['id', 'name']).where('deleted', '=', 0).where('active', '=', 1).execute()
  const clash = rows.find((r) => r.id !== exceptId && nameKey(r.name) === key)
  if (clash) {
    throw invalidField('name', `Sudah ada OPD bernama "${clash.name}". Pakai OPD itu, atau beri nama lain yang membedakannya.`)
  }
}

function editableValues(input: ParsedInput<'opd:create'>): Pick<OpdTable, 'name' | 'spm_fields' | 'active'> {
  return { name: input.name, spm_fields: JSON.stringify(input.spmFields), active: input.active ? 1 : 0 }
}

async function opdById(db: Db, id: string): Promise<Opd> {
  const row = await db.selectFrom('opd').select(['id', 'code', 'name', 'spm_fields', 'active']).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst()
  if (!row) throw notFoundOpd()
  return toOpd(row)
}

export async function createOpd(db: Db, input: ParsedInput<'opd:create'>): Promise<Opd> {
  const id = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    if (input.active) await requireUniqueName(trx, input.name, null)
    return insertRecord(trx, 'opd', { ...editableValues(input), code: null })
  })
  return opdById(db, id)
}

const EDITABLE = ['name', 'spm_fields', 'active'] as const

export async function updateOpd(db: Db, input: ParsedInput<'opd:update'>): Promise<Opd> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx.selectFrom('opd').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!existing || existing.deleted === 1) throw notFoundOpd()
    const values = editableValues(input)
    const changed = EDITABLE.filter((c) => values[c] !== existing[c])
    if (changed.length === 0) return
    // Only a rename or a comeback can make a clash; two same-named rows that met in a merge can
    // still have their SPM fields edited.
    if (input.active && (changed.includes('name') || changed.includes('active'))) await requireUniqueName(trx, input.name, input.id)
    await updateRecord(trx, 'opd', existing, values)
    // The OPD's name is part of its follow-ups' search entries: a search by the new name must find them.
    if (changed.includes('name')) await reindexFollowUpsOfOpd(trx, input.id)
  })
  return opdById(db, input.id)
}
