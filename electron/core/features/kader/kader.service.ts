// The kader roster. Lists are filtered, sorted and paged in SQL (20,000 kader must answer in
// milliseconds); NIK rules come from shared/domain/nik.ts, and the kecamatan part of a NIK is
// checked against the area table here. NIK is personal data: lists only carry it masked.

import { sql, type Expression, type ExpressionBuilder, type OrderByItemBuilder, type SqlBool } from 'kysely'
import type { Kader, KaderRow, KaderSaved, KaderStatusEntry, NikCheck, ParsedInput } from '../../../../shared/contract'
import { NIK_MESSAGES, cleanNik, compareNik, maskNik, parseNik, type NikWarning, type ParsedNik } from '../../../../shared/domain/nik'
import { type EducationLevel, type KaderRole, type KaderStatus, type Sex, type SpmField } from '../../../../shared/domain/reference'
import { tanggal } from '../../../../shared/domain/tanggal'
import { AppError } from '../../../../shared/result'
import type { Database, Db, KaderDbRow } from '../../db/schema'
import { insertRecord, tombstoneRecord, updateRecord } from '../../sync/write'
import { findAreaRow } from '../area/area.service'
import { listWords, textCondition, typoWorthTrying, type MatchMode } from '../search/list-match'
import { makeTypoFilter } from '../search/typo'
import { parseSpmFields } from '../posyandu/posyandu.service'
import { officeToday, requireSite } from '../site/site.service'

/** The kader columns a person edits (the form, and the roster import). */
export const EDITABLE = [
  'nik',
  'name',
  'sex',
  'birth_place',
  'birth_date',
  'phone',
  'address',
  'rt',
  'rw',
  'posyandu_id',
  'role',
  'spm_fields',
  'sk_number',
  'sk_date',
  'education',
  'status',
  'status_date',
  'notes',
] as const
export type Editable = (typeof EDITABLE)[number]

/** "Melati" → "Posyandu Melati"; names already written "Posyandu …" stay as they are. */
export function posyanduTitle(name: string): string {
  return /^posyandu\b/i.test(name) ? name : `Posyandu ${name}`
}

function notFoundKader(): AppError {
  return new AppError({ code: 'not_found', message: 'Data kader ini tidak ditemukan. Muat ulang daftar kader.' })
}

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

// ---------------------------------------------------------------- list

/**
 * The roster's conditions. `text`: how the name is searched (list-match.ts), exact first; `only`:
 * the kader a search with one slip found (`typoKaderIds`), which then replaces the text.
 */
function rosterFilter(input: ParsedInput<'kader:list'>, text: MatchMode | null = 'exact', only: readonly string[] | null = null) {
  return (eb: ExpressionBuilder<Database, 'kader'>) => {
    const conds: Expression<SqlBool>[] = [eb('kader.deleted', '=', input.archived ? 1 : 0)]
    const words = listWords(input.query)
    if (only) {
      // One bound value whatever the number of ids (SQLite caps the number of parameters).
      conds.push(eb('kader.id', 'in', eb.selectFrom(sql<{ value: string }>`json_each(${JSON.stringify(only)})`.as('j')).select('j.value')))
    } else if (text && words.length > 0) {
      const digits = cleanNik(input.query.trim())
      if (/^\d{16}$/.test(digits)) {
        // A whole NIK is never part of a name: one lookup on the nik index.
        conds.push(eb('kader.nik', '=', digits))
      } else if (/^\d+$/.test(digits)) {
        conds.push(eb.or([eb('kader.name', 'like', `%${digits}%`), eb('kader.nik', 'like', `%${digits}%`)]))
      } else {
        conds.push(textCondition(['kader.name'], words, text)!)
      }
    }
    if (input.posyanduId) conds.push(eb('kader.posyandu_id', '=', input.posyanduId))
    if (input.villageCode) {
      conds.push(
        eb('kader.posyandu_id', 'in', eb.selectFrom('posyandu').select('posyandu.id').where('posyandu.village_code', '=', input.villageCode)),
      )
    }
    if (input.status) conds.push(eb('kader.status', '=', input.status))
    // spm_fields is a JSON array of codes; a quoted code cannot match a longer one by accident.
    if (input.spmField) conds.push(eb('kader.spm_fields', 'like', `%"${input.spmField}"%`))
    return eb.and(conds)
  }
}

/** The ids of one page, in order. Reads only index entries where it can (see the migration). */
async function pageIds(db: Db, input: ParsedInput<'kader:list'>, only: readonly string[] | null): Promise<string[]> {
  const dir = input.sortDir
  const nocase = (ob: OrderByItemBuilder) => (dir === 'asc' ? ob.collate('nocase').asc() : ob.collate('nocase').desc())
  const byName = (ob: OrderByItemBuilder) => ob.collate('nocase').asc()

  if (input.sortBy === 'posyandu') {
    // Walk Posyandu by name and each one's kader by name (both from indexes, no sort). Posyandu
    // id right after its name keeps same-named Posyandu (every village has a "Mawar 01")
    // apart. CROSS JOIN is an inner join that SQLite never reorders: with estimated
    // statistics it would otherwise scan all kader and sort them.
    const rows = await db
      .selectFrom('posyandu')
      .crossJoin('kader')
      .whereRef('kader.posyandu_id', '=', 'posyandu.id')
      .where((eb) => rosterFilter(input, 'exact', only)(eb as unknown as ExpressionBuilder<Database, 'kader'>))
      .select('kader.id')
      .orderBy('posyandu.name', nocase)
      .orderBy('posyandu.id', dir)
      .orderBy('kader.name', byName)
      .orderBy('kader.id', 'asc')
      .limit(input.limit)
      .offset(input.offset)
      .execute()
    return rows.map((r) => r.id)
  }

  let q = db.selectFrom('kader').where(rosterFilter(input, 'exact', only)).select('kader.id')
  switch (input.sortBy) {
    case 'name':
      // Same direction on both keys so the (deleted, name, id) index can be walked backwards.
      q = q.orderBy('kader.name', nocase).orderBy('kader.id', dir)
      break
    case 'status':
      // Status codes sort like their labels (Aktif, Meninggal, Nonaktif, Pindah), as a column sort should.
      q = q.orderBy('kader.status', dir).orderBy('kader.name', byName).orderBy('kader.id', 'asc')
      break
    case 'birthDate':
      q = q.orderBy('kader.birth_date', dir).orderBy('kader.name', byName).orderBy('kader.id', 'asc')
      break
    case 'updatedAt':
      q = q.orderBy('kader.updated_at', dir).orderBy('kader.name', byName).orderBy('kader.id', 'asc')
      break
  }
  const rows = await q.limit(input.limit).offset(input.offset).execute()
  return rows.map((r) => r.id)
}

/**
 * The kader whose name answers the search with one slip (typo.ts), among those the other
 * filters leave: their names are read once and compared in JavaScript, ~20 ms at 20,800 kader,
 * where ~40 LIKE patterns per row took twice that, twice (count and page). Asked only when the
 * exact search found no one.
 */
async function typoKaderIds(db: Db, input: ParsedInput<'kader:list'>, words: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('kader').where(rosterFilter(input, null)).select(['kader.id', 'kader.name']).execute()
  const matches = makeTypoFilter(words)
  return rows.filter((r) => matches(r.name)).map((r) => r.id)
}

/**
 * One page of the roster and the total. The page is found first as bare ids, then only those
 * rows are read: with OFFSET, SQLite would otherwise build (and join) every skipped row. When
 * no name answers the search exactly, the names one slip away are listed, marked `similar`.
 */
export async function listKader(db: Db, input: ParsedInput<'kader:list'>): Promise<{ total: number; rows: KaderRow[] }> {
  const count = await db
    .selectFrom('kader')
    .where(rosterFilter(input))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  let total = Number(count.n)
  let only: string[] | null = null
  const words = listWords(input.query)
  if (total === 0 && !/^\d+$/.test(cleanNik(input.query.trim())) && typoWorthTrying(words)) {
    only = await typoKaderIds(db, input, words)
    total = only.length
  }
  const ids = total === 0 ? [] : await pageIds(db, input, only)
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('kader')
          .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
          .select([
            'kader.id',
            'kader.nik',
            'kader.name',
            'kader.sex',
            'kader.birth_date',
            'kader.phone',
            'kader.posyandu_id',
            'posyandu.name as posyandu_name',
            'posyandu.village_name',
            'kader.role',
            'kader.spm_fields',
            'kader.status',
            'kader.deleted',
            'kader.updated_at',
          ])
          .where('kader.id', 'in', ids)
          .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    total,
    rows: ids
      .map((id) => byId.get(id))
      .filter((r) => r !== undefined)
      .map((r) => ({
        id: r.id,
        nikMasked: maskNik(r.nik),
        name: r.name,
        sex: r.sex,
        birthDate: r.birth_date,
        phone: r.phone,
        posyanduId: r.posyandu_id,
        posyanduName: r.posyandu_name,
        villageName: r.village_name,
        role: r.role as KaderRole,
        spmFields: parseSpmFields(r.spm_fields),
        status: r.status as KaderStatus,
        archived: r.deleted === 1,
        updatedAt: r.updated_at,
        ...(only ? { similar: true as const } : {}),
      })),
  }
}

// ---------------------------------------------------------------- one kader

export async function getKader(db: Db, input: ParsedInput<'kader:get'>): Promise<Kader> {
  const row = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .selectAll('kader')
    .select(['posyandu.name as posyandu_name', 'posyandu.village_code'])
    .where('kader.id', '=', input.id)
    .executeTakeFirst()
  if (!row) throw notFoundKader()
  const history = await db
    .selectFrom('kader_status')
    .select(['id', 'status', 'date', 'note', 'created_at'])
    .where('kader_id', '=', input.id)
    .where('deleted', '=', 0)
    // Same-day changes keep the order they were recorded in: versions only grow.
    .orderBy('date', 'desc')
    .orderBy('version', 'desc')
    .execute()
  return {
    id: row.id,
    nik: row.nik,
    name: row.name,
    sex: row.sex,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    phone: row.phone,
    address: row.address,
    rt: row.rt,
    rw: row.rw,
    posyanduId: row.posyandu_id,
    posyanduName: row.posyandu_name,
    villageCode: row.village_code,
    role: row.role as KaderRole,
    spmFields: parseSpmFields(row.spm_fields),
    skNumber: row.sk_number,
    skDate: row.sk_date,
    education: row.education as EducationLevel | null,
    status: row.status as KaderStatus,
    statusDate: row.status_date,
    statusHistory: history.map(
      (h): KaderStatusEntry => ({ id: h.id, status: h.status as KaderStatus, date: h.date, note: h.note, recordedAt: h.created_at }),
    ),
    notes: row.notes,
    archived: row.deleted === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

// ---------------------------------------------------------------- NIK

async function findDuplicate(db: Db, nik: string, excludeId: string | null | undefined) {
  let q = db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select(['kader.id', 'kader.name', 'posyandu.name as posyandu_name'])
    .where('kader.nik', '=', nik)
    .where('kader.deleted', '=', 0)
  if (excludeId) q = q.where('kader.id', '!=', excludeId)
  const row = await q.orderBy('kader.id').executeTakeFirst()
  return row ? { id: row.id, name: row.name, posyanduName: row.posyandu_name } : null
}

export async function checkNik(db: Db, input: ParsedInput<'kader:checkNik'>): Promise<NikCheck> {
  const nik = cleanNik(input.nik)
  const parsed = parseNik(nik)
  if (!parsed.ok) return { valid: false, message: parsed.message, derived: null, warnings: [], duplicate: null }
  const p = parsed.value
  const district = await findAreaRow(db, p.districtCode)
  const known = district !== undefined && district.level === 3
  return {
    valid: known,
    message: known ? null : NIK_MESSAGES.district,
    derived: { districtCode: p.districtCode, districtName: known ? district.name : null, birthDate: p.birthDate, sex: p.sex },
    warnings: compareNik(p, { birthDate: input.birthDate ?? null, sex: input.sex ?? null }),
    duplicate: await findDuplicate(db, nik, input.excludeId),
  }
}

/** Shape, date and serial (shared rule) plus a kecamatan that exists; refused as invalid_input on 'nik'. */
async function requireValidNik(db: Db, nik: string): Promise<ParsedNik> {
  const parsed = parseNik(nik)
  if (!parsed.ok) throw invalidField('nik', parsed.message)
  const district = await findAreaRow(db, parsed.value.districtCode)
  if (!district || district.level !== 3) throw invalidField('nik', NIK_MESSAGES.district)
  return parsed.value
}

async function requireUniqueNik(db: Db, nik: string, excludeId: string | null, restoring = false): Promise<void> {
  const dup = await findDuplicate(db, nik, excludeId)
  if (!dup) return
  const holder = `${dup.name} (${posyanduTitle(dup.posyanduName)})`
  const message = restoring
    ? `Kader ini tidak dapat dipulihkan: NIK-nya sekarang terdaftar atas nama ${holder}. Buka data kader tersebut.`
    : `NIK ini sudah terdaftar atas nama ${holder}. Buka data kader tersebut.`
  throw new AppError({ code: 'duplicate_nik', field: 'nik', existingId: dup.id, message, fields: { nik: message } })
}

async function requirePosyandu(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom('posyandu').select('id').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst()
  if (!row) throw invalidField('posyanduId', 'Posyandu yang dipilih tidak ada lagi. Pilih Posyandu lain dari daftar.')
}

// ---------------------------------------------------------------- writes

function editableValues(input: ParsedInput<'kader:create'>, statusDate: string): Pick<KaderDbRow, Editable> {
  return {
    nik: input.nik,
    name: input.name,
    sex: input.sex,
    birth_place: input.birthPlace,
    birth_date: input.birthDate,
    phone: input.phone,
    address: input.address,
    rt: input.rt,
    rw: input.rw,
    posyandu_id: input.posyanduId,
    role: input.role,
    spm_fields: JSON.stringify(input.spmFields),
    sk_number: input.skNumber,
    sk_date: input.skDate,
    education: input.education,
    status: input.status,
    status_date: statusDate,
    notes: input.notes,
  }
}

async function insertStatus(trx: Db, kaderId: string, status: KaderStatus, date: string, note: string | null, nowMs: number): Promise<void> {
  await insertRecord(trx, 'kader_status', { kader_id: kaderId, status, date, note }, { nowMs })
}

/**
 * Validations shared by create and update; returns the NIK warnings that do not block saving.
 * An unchanged NIK is not re-checked against the area list: kecamatan codes get retired, and
 * that must not lock a kader's record against every later edit.
 */
async function validateKader(
  trx: Db,
  input: ParsedInput<'kader:create'>,
  existing: { id: string; nik: string } | null,
): Promise<NikWarning[]> {
  let parsed: ParsedNik
  if (existing && existing.nik === input.nik) {
    const p = parseNik(input.nik)
    if (!p.ok) throw invalidField('nik', p.message)
    parsed = p.value
  } else {
    parsed = await requireValidNik(trx, input.nik)
  }
  await requireUniqueNik(trx, input.nik, existing?.id ?? null)
  await requirePosyandu(trx, input.posyanduId)
  return compareNik(parsed, { birthDate: input.birthDate, sex: input.sex })
}

export async function createKader(db: Db, input: ParsedInput<'kader:create'>): Promise<KaderSaved> {
  const { id, warnings } = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const warnings = await validateKader(trx, input, null)
    const statusDate = input.statusDate ?? (await officeToday(trx))
    const nowMs = Date.now()
    const id = await insertRecord(trx, 'kader', editableValues(input, statusDate), { nowMs })
    await insertStatus(trx, id, input.status, statusDate, input.statusNote, nowMs)
    return { id, warnings }
  })
  return { kader: await getKader(db, { id }), warnings }
}

/**
 * A status change dated before the last one recorded would make the history read backwards
 * (and the current status older than the one it replaced): refused, naming the previous date.
 * The same day is allowed: a kader may be corrected on the day a status was recorded.
 */
async function requireAfterPreviousStatus(trx: Db, kaderId: string, date: string): Promise<void> {
  const last = await trx
    .selectFrom('kader_status')
    .select(['status', 'date'])
    .where('kader_id', '=', kaderId)
    .where('deleted', '=', 0)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (last && date < last.date) {
    throw invalidField(
      'statusDate',
      `Tanggal berlaku (${tanggal(date)}) tidak boleh sebelum perubahan status sebelumnya (${tanggal(last.date)}). Pilih tanggal ${tanggal(last.date)} atau sesudahnya.`,
    )
  }
}

export async function updateKader(db: Db, input: ParsedInput<'kader:update'>): Promise<KaderSaved> {
  const warnings = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx.selectFrom('kader').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!existing) throw notFoundKader()
    if (existing.deleted === 1) {
      throw new AppError({ code: 'not_found', message: 'Kader ini sudah diarsipkan. Pulihkan dulu dari arsip sebelum mengubah datanya.' })
    }
    const warnings = await validateKader(trx, input, existing)
    const statusChanged = input.status !== existing.status
    // The status date belongs to a status change; editing other fields keeps the recorded one.
    const statusDate = statusChanged ? (input.statusDate ?? (await officeToday(trx))) : existing.status_date
    if (statusChanged) await requireAfterPreviousStatus(trx, input.id, statusDate)
    const nowMs = Date.now()
    // Only the columns that differ from the row get a new field version; no change, no write.
    if (!(await updateRecord(trx, 'kader', existing, editableValues(input, statusDate), { nowMs }))) return warnings
    if (statusChanged) await insertStatus(trx, input.id, input.status, statusDate, input.statusNote, nowMs)
    return warnings
  })
  return { kader: await getKader(db, { id: input.id }), warnings }
}

async function setDeleted(db: Db, id: string, deleted: 0 | 1): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx.selectFrom('kader').select(['id', 'nik', 'deleted', 'field_versions', 'site_id']).where('id', '=', id).executeTakeFirst()
    if (!existing) throw notFoundKader()
    if (existing.deleted === deleted) return
    if (deleted === 0) await requireUniqueNik(trx, existing.nik, id, true)
    await tombstoneRecord(trx, 'kader', existing, deleted)
  })
}

/** Tombstone, never a hard delete: the archive travels to other offices and can be undone. */
export async function archiveKader(db: Db, input: ParsedInput<'kader:archive'>): Promise<{ id: string }> {
  await setDeleted(db, input.id, 1)
  return { id: input.id }
}

export async function restoreKader(db: Db, input: ParsedInput<'kader:restore'>): Promise<Kader> {
  await setDeleted(db, input.id, 0)
  return getKader(db, { id: input.id })
}

// ---------------------------------------------------------------- headless export

export interface KaderExportRow {
  id: string
  nik: string
  name: string
  sex: Sex
  birthDate: string
  posyanduId: string
  posyanduName: string
  status: KaderStatus
  role: KaderRole
  phone: string | null
  spmFields: SpmField[]
}

/** Every non-archived kader, NIK in full, for `kader list --json` (the reader needs the number). */
export async function exportKaderList(db: Db): Promise<KaderExportRow[]> {
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select([
      'kader.id',
      'kader.nik',
      'kader.name',
      'kader.sex',
      'kader.birth_date',
      'kader.posyandu_id',
      'posyandu.name as posyandu_name',
      'kader.status',
      'kader.role',
      'kader.phone',
      'kader.spm_fields',
    ])
    .where('kader.deleted', '=', 0)
    .orderBy('kader.name', (ob) => ob.collate('nocase'))
    .orderBy('kader.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    nik: r.nik,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    status: r.status as KaderStatus,
    role: r.role as KaderRole,
    phone: r.phone,
    spmFields: parseSpmFields(r.spm_fields),
  }))
}
