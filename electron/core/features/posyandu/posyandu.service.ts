// Posyandu of the office's villages, with their registration papers (issue 18): the SK
// pembentukan, the musyawarah, the Kemendagri registry, the Puskesmas pembina and the Pustu.
// Rows are replicated: uuidv7 ids, HLC versions, per-field versions for the columns each write
// changed, and no hard delete. The pengurus are the roster's own kader.role (ketua, sekretaris,
// bendahara): one role per kader, on the kader's one Posyandu, so two ketua of one Posyandu are
// simply two kader rows and can be seen (and warned of) rather than made impossible, as they
// can arise from two offices' edits meeting in a paket.

import {
  PENGURUS_ROLES,
  type ParsedInput,
  type PengurusHolder,
  type PengurusRole,
  type Posyandu,
  type PuskesmasOption,
  type RegistrationStatus,
} from '../../../../shared/contract'
import type { SpmField } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import type { Db, PosyanduRow } from '../../db/schema'
import { insertRecord, updateRecord, updateRecords } from '../../sync/write'
import { findAreaRow, unknownArea } from '../area/area.service'
import { officeToday, requireSite } from '../site/site.service'
import { findPustu } from './pustu.service'

/** The columns a person edits; each gets its own entry in field_versions when it changes. */
type Editable =
  | 'name'
  | 'village_code'
  | 'village_name'
  | 'rw'
  | 'address'
  | 'puskesmas'
  | 'puskesmas_code'
  | 'schedule'
  | 'spm_fields'
  | 'active'
  | 'sk_number'
  | 'sk_date'
  | 'sk_signer'
  | 'musyawarah_date'
  | 'registration_status'
  | 'registered_date'
  | 'registry_number'
  | 'pustu_id'

type PosyanduWithCount = PosyanduRow & { active_kader_count: number; pustu_name: string | null }

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
    .leftJoin('pustu', (j) => j.onRef('pustu.id', '=', 'posyandu.pustu_id').on('pustu.deleted', '=', 0))
    .selectAll('posyandu')
    .select((eb) => [eb.fn.coalesce('k.n', eb.lit(0)).as('active_kader_count'), 'pustu.name as pustu_name'])
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

type PengurusMap = Map<string, Record<PengurusRole, PengurusHolder[]>>

/** The active kader holding a pengurus role, per Posyandu (all of them, or those named). */
async function pengurusOf(db: Db, posyanduIds?: readonly string[]): Promise<PengurusMap> {
  let q = db
    .selectFrom('kader')
    .select(['id', 'name', 'role', 'posyandu_id'])
    .where('deleted', '=', 0)
    .where('status', '=', 'aktif')
    .where('role', 'in', [...PENGURUS_ROLES])
  if (posyanduIds) q = q.where('posyandu_id', 'in', posyanduIds.length ? [...posyanduIds] : [''])
  const rows = await q.orderBy('name').orderBy('id').execute()
  const out: PengurusMap = new Map()
  for (const r of rows) {
    let m = out.get(r.posyandu_id)
    if (!m) out.set(r.posyandu_id, (m = { ketua: [], sekretaris: [], bendahara: [] }))
    m[r.role as PengurusRole].push({ id: r.id, name: r.name })
  }
  return out
}

const NO_PENGURUS = (): Record<PengurusRole, PengurusHolder[]> => ({ ketua: [], sekretaris: [], bendahara: [] })

function toPosyandu(r: PosyanduWithCount, pengurus: PengurusMap): Posyandu {
  return {
    id: r.id,
    name: r.name,
    villageCode: r.village_code,
    villageName: r.village_name,
    rw: r.rw,
    address: r.address,
    puskesmas: r.puskesmas,
    puskesmasCode: r.puskesmas_code,
    schedule: r.schedule,
    spmFields: parseSpmFields(r.spm_fields),
    active: r.active === 1,
    activeKaderCount: Number(r.active_kader_count),
    skNumber: r.sk_number,
    skDate: r.sk_date,
    skSigner: r.sk_signer,
    musyawarahDate: r.musyawarah_date,
    // Anything but the known word (a newer office's value) reads as not yet registered.
    registrationStatus: r.registration_status === 'terdaftar' ? 'terdaftar' : 'belum_terdaftar',
    registeredDate: r.registered_date,
    registryNumber: r.registry_number,
    pustuId: r.pustu_id,
    pustuName: r.pustu_name,
    pengurus: pengurus.get(r.id) ?? NO_PENGURUS(),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function listPosyandu(db: Db, input: ParsedInput<'posyandu:list'>): Promise<Posyandu[]> {
  let q = selectPosyandu(db)
  if (!input.includeInactive) q = q.where('posyandu.active', '=', 1)
  if (input.registrationStatus) q = q.where('posyandu.registration_status', '=', input.registrationStatus)
  const rows = await q
    .orderBy('posyandu.name', (ob) => ob.collate('nocase'))
    .orderBy('posyandu.id')
    .execute()
  const pengurus = await pengurusOf(db)
  return rows.map((r) => toPosyandu(r, pengurus))
}

export async function getPosyandu(db: Db, input: ParsedInput<'posyandu:get'>): Promise<Posyandu> {
  const row = await selectPosyandu(db).where('posyandu.id', '=', input.id).executeTakeFirst()
  if (!row) throw notFoundPosyandu()
  return toPosyandu(row, await pengurusOf(db, [row.id]))
}

/**
 * The Puskesmas a Posyandu may name as its pembina: this office if it is one, every Puskesmas
 * heard of through paket, and every Puskesmas whose key card this office trusts (the region's
 * own list of signed cards, passed down by the Dinas in the paket pembinaan: not free text), less
 * the old identities a recovered office replaced.
 */
export async function listPuskesmasOptions(db: Db): Promise<PuskesmasOption[]> {
  const site = await requireSite(db)
  const replaced = new Set<string>()
  for (const s of await db.selectFrom('site_succession').select('predecessors').execute()) {
    for (const p of parseList(s.predecessors)) replaced.add(p)
  }
  const out: PuskesmasOption[] = []
  if (site.level === 'puskesmas') {
    const villages = await db.selectFrom('site_village').select('village_code').orderBy('village_code').execute()
    out.push({ code: site.id, name: site.name, villageCodes: villages.map((v) => v.village_code) })
  }
  const offices = await db.selectFrom('office').select(['site_id', 'name', 'villages']).where('level', '=', 'puskesmas').execute()
  const seen = new Set([site.id, ...replaced])
  for (const o of offices) {
    if (seen.has(o.site_id)) continue
    seen.add(o.site_id)
    out.push({ code: o.site_id, name: o.name, villageCodes: parseList(o.villages) })
  }
  // A card trusted by hand (Kunci kantor) before any paket from that Puskesmas came.
  const cards = await db.selectFrom('trusted_office').select(['site_id', 'name', 'card']).where('level', '=', 'puskesmas').execute()
  for (const c of cards) {
    if (seen.has(c.site_id)) continue
    seen.add(c.site_id)
    out.push({ code: c.site_id, name: c.name, villageCodes: villagesOfCard(c.card) })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code))
}

function villagesOfCard(json: string): string[] {
  try {
    const v = (JSON.parse(json) as { villages?: unknown }).villages
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function invalid(fields: Record<string, string>): AppError {
  const [field, message] = Object.entries(fields)[0]!
  return new AppError({ code: 'invalid_input', field, message, fields })
}

async function editableValues(
  db: Db,
  input: ParsedInput<'posyandu:create'>,
  existing?: PosyanduRow,
): Promise<Pick<PosyanduRow, Editable>> {
  const village = await findAreaRow(db, input.villageCode)
  if (!village || village.level !== 4) throw unknownArea(input.villageCode)
  const today = await officeToday(db)
  const problems: Record<string, string> = {}
  const registered: RegistrationStatus = input.registrationStatus
  if (input.skDate && input.skDate > today) problems.skDate = 'Tanggal SK pembentukan tidak boleh setelah hari ini.'
  if (input.musyawarahDate && input.musyawarahDate > today) problems.musyawarahDate = 'Tanggal musyawarah tidak boleh setelah hari ini.'
  if (registered === 'terdaftar') {
    if (!input.registeredDate) problems.registeredDate = 'Isi tanggal Posyandu ini terdaftar, atau pilih status belum terdaftar.'
    else if (input.registeredDate > today) problems.registeredDate = 'Tanggal terdaftar tidak boleh setelah hari ini.'
    else if (input.skDate && input.registeredDate < input.skDate) problems.registeredDate = 'Tanggal terdaftar tidak boleh sebelum tanggal SK pembentukan.'
  }

  // The Puskesmas pembina comes from the offices this app knows; a code already recorded stays
  // acceptable (its office may have renewed its identity since).
  let puskesmasName: string | null = null
  if (input.puskesmasCode) {
    if (existing && input.puskesmasCode === existing.puskesmas_code) puskesmasName = existing.puskesmas
    else {
      const known = (await listPuskesmasOptions(db)).find((p) => p.code === input.puskesmasCode)
      if (!known) problems.puskesmasCode = 'Puskesmas itu tidak dikenal kantor ini. Pilih Puskesmas dari daftar.'
      else puskesmasName = known.name
    }
  } else if (existing && !existing.puskesmas_code) {
    // A name typed before the list existed stays until a Puskesmas is chosen from the list.
    puskesmasName = existing.puskesmas
  }

  if (input.pustuId) {
    const pustu = await findPustu(db, input.pustuId)
    if (!pustu) problems.pustuId = 'Pustu itu tidak ditemukan. Muat ulang halaman lalu pilih lagi.'
    else if (pustu.village_code !== village.code) problems.pustuId = 'Pustu itu berada di kelurahan/desa lain. Pilih Pustu kelurahan/desa Posyandu ini.'
  }
  if (Object.keys(problems).length) throw invalid(problems)

  return {
    name: input.name,
    village_code: village.code,
    // Codes are retired and renamed over time: keep the name the record was made with.
    village_name: village.name,
    rw: input.rw,
    address: input.address,
    puskesmas: puskesmasName,
    puskesmas_code: input.puskesmasCode,
    schedule: input.schedule,
    spm_fields: JSON.stringify(input.spmFields),
    active: input.active ? 1 : 0,
    sk_number: input.skNumber,
    sk_date: input.skDate,
    sk_signer: input.skSigner,
    musyawarah_date: input.musyawarahDate,
    registration_status: registered,
    // Not registered: no registry date or number (the screen hides them).
    registered_date: registered === 'terdaftar' ? input.registeredDate : null,
    registry_number: registered === 'terdaftar' ? input.registryNumber : null,
    pustu_id: input.pustuId,
  }
}

/**
 * Sets who holds the pengurus roles named in the input, among this Posyandu's active kader: the
 * chosen kader gets the role, the others holding it go back to kader. Roles left out are not
 * touched, so saving the page does not quietly settle two ketua the person did not look at.
 */
async function savePengurus(trx: Db, posyanduId: string, pengurus: ParsedInput<'posyandu:update'>['pengurus']): Promise<void> {
  const wanted = PENGURUS_ROLES.filter((r) => pengurus[r] !== undefined)
  if (wanted.length === 0) return
  const kader = await trx
    .selectFrom('kader')
    .select(['id', 'name', 'role', 'site_id', 'field_versions'])
    .where('posyandu_id', '=', posyanduId)
    .where('deleted', '=', 0)
    .where('status', '=', 'aktif')
    .execute()
  const problems: Record<string, string> = {}
  const chosen = new Map<string, PengurusRole>()
  for (const role of wanted) {
    const id = pengurus[role]
    if (!id) continue
    if (!kader.some((k) => k.id === id)) problems[`pengurus.${role}`] = 'Pilih kader aktif Posyandu ini.'
    else if (chosen.has(id)) problems[`pengurus.${role}`] = 'Satu kader hanya memegang satu jabatan pengurus. Pilih kader lain.'
    else chosen.set(id, role)
  }
  if (Object.keys(problems).length) throw invalid(problems)
  const updates = kader.flatMap((k) => {
    const to = chosen.get(k.id)
    if (to) return k.role === to ? [] : [{ existing: k, patch: { role: to } }]
    return wanted.includes(k.role as PengurusRole) ? [{ existing: k, patch: { role: 'kader' } }] : []
  })
  await updateRecords(trx, 'kader', updates)
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
    const values = await editableValues(trx, input, existing)
    // A village name that was stored under the same code stays as recorded.
    if (values.village_code === existing.village_code) values.village_name = existing.village_name
    // Only the columns that differ from the row get a new field version.
    await updateRecord(trx, 'posyandu', existing, values)
    await savePengurus(trx, existing.id, input.pengurus)
  })
  return getPosyandu(db, { id: input.id })
}

/** Posyandu with more than one active ketua: the page warns of each. */
export function twoKetua(p: Pick<Posyandu, 'pengurus'>): boolean {
  return p.pengurus.ketua.length > 1
}
