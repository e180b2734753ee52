// The official Kemendagri area list (idn-area-data, ODbL) as a local table: loaded once per
// data version, then searched for pickers and used to check every area code the app stores.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { sql, type Expression, type SqlBool } from 'kysely'
import Papa from 'papaparse'
import idnAreaPackage from 'idn-area-data/package.json'
import type { Area, ParsedInput } from '../../../../shared/contract'
import type { AreaLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import { jenisDesa } from '../../../../shared/domain/wilayah'
import type { AreaRow, Db } from '../../db/schema'

export const AREA_SOURCE = `idn-area-data@${idnAreaPackage.version}`

// 5 columns × 2,000 rows stays well under SQLite's 32,766 bound parameters per statement.
const INSERT_BATCH = 2000

type NewArea = { code: string; name: string; level: AreaLevel; parent_code: string | null; name_search: string }

/**
 * The folder holding idn-area-data's CSV files. The packaged app passes a copy beside
 * app.asar (electron-builder extraResources): the package is ESM and finds its CSVs relative
 * to its own module, which does not load reliably from inside an asar archive. Everywhere
 * else (tests, CLI, web preview, `npm start`) the package's own folder is used, so there is
 * one reading path for both.
 */
export function defaultAreaDataDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data')
}

const AREA_DATA_MISSING =
  'Daftar wilayah Kemendagri tidak lengkap di dalam instalasi aplikasi. Pasang ulang Simpul Posyandu.'

function readCsv(dir: string, name: string): Record<string, string>[] {
  let text: string
  try {
    text = readFileSync(join(dir, `${name}.csv`), 'utf8')
  } catch {
    throw new AppError({ code: 'internal', message: AREA_DATA_MISSING })
  }
  // Some names are quoted because they contain commas; papaparse is the parser idn-area-data uses.
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

function readAreaList(dir: string): NewArea[] {
  const rows: NewArea[] = []
  const add = (code: string | undefined, name: string | undefined, level: AreaLevel, parent: string | null) => {
    if (!code || !name) return
    const n = name.trim()
    rows.push({ code: code.trim(), name: n, level, parent_code: parent, name_search: n.toLowerCase() })
  }
  for (const p of readCsv(dir, 'provinces')) add(p.code, p.name, 1, null)
  for (const r of readCsv(dir, 'regencies')) add(r.code, r.name, 2, r.province_code ?? null)
  for (const d of readCsv(dir, 'districts')) add(d.code, d.name, 3, d.regency_code ?? null)
  for (const v of readCsv(dir, 'villages')) add(v.code, v.name, 4, v.district_code ?? null)
  if (rows.length < 1000) {
    throw new AppError({ code: 'internal', message: AREA_DATA_MISSING })
  }
  return rows
}

/**
 * Loads the area list when this file does not hold the bundled version yet (first start, or
 * an app update that ships a newer idn-area-data). One transaction: a half-loaded list would
 * make valid codes look unknown.
 */
export async function ensureAreas(db: Db, dataDir: string = defaultAreaDataDir()): Promise<{ loaded: boolean; count: number }> {
  const current = await db.selectFrom('meta').select('value').where('key', '=', 'area_source').executeTakeFirst()
  if (current?.value === AREA_SOURCE) return { loaded: false, count: 0 }
  const rows = readAreaList(dataDir)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('area').execute()
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await trx.insertInto('area').values(rows.slice(i, i + INSERT_BATCH)).execute()
    }
    await trx
      .insertInto('meta')
      .values({ key: 'area_source', value: AREA_SOURCE })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: AREA_SOURCE }))
      .execute()
  })
  return { loaded: true, count: rows.length }
}

// ---------------------------------------------------------------- codes and labels

/** "36.71.01.1001" → ["36", "36.71", "36.71.01"]. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.')
  const out: string[] = []
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'))
  return out
}

export function levelOfCode(code: string): AreaLevel {
  return Math.min(4, Math.max(1, code.split('.').length)) as AreaLevel
}

/** Codes under `prefix`, as a range so the primary-key index serves it on any database. */
export function codePrefixRange(prefix: string): [string, string] {
  const last = prefix.charCodeAt(prefix.length - 1)
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)]
}

/** Digits typed with or without dots ("3671011001", "36.71.01", "3671.01") → dotted prefix. */
export function dottedCode(input: string): string {
  const d = input.replace(/\D/g, '').slice(0, 10)
  const parts = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6, 10)].filter((p) => p.length > 0)
  return parts.join('.')
}

/** The name as people write it in an address: "Kel. Sukarasa", "Desa Cikande", "Kec. Tangerang". */
export function areaLabel(a: { code: string; name: string; level: number }): string {
  if (a.level === 4) {
    // The village number's first digit tells kelurahan (1) from desa (2, and 3 for a desa adat).
    return jenisDesa(a.code) === 'desa' ? `Desa ${a.name}` : `Kel. ${a.name}`
  }
  if (a.level === 3) return `Kec. ${a.name}`
  // Regency names already say "Kota …" or "Kabupaten …"; provinces are known by name.
  return a.name
}

async function namesByCode(db: Db, codes: string[]): Promise<Map<string, AreaRow>> {
  const unique = [...new Set(codes)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('area').selectAll().where('code', 'in', unique).execute()
  return new Map(rows.map((r) => [r.code, r]))
}

function composePath(row: AreaRow, ancestors: Map<string, AreaRow>, from = 0): string {
  const chain = [row, ...ancestorCodes(row.code).reverse().map((c) => ancestors.get(c))]
  return chain
    .slice(from)
    .filter((a): a is AreaRow => a !== undefined)
    .map(areaLabel)
    .join(', ')
}

/** Maps rows to Area with their paths, reading all ancestors in one query. */
export async function toAreas(db: Db, rows: AreaRow[]): Promise<Area[]> {
  const ancestors = await namesByCode(db, rows.flatMap((r) => ancestorCodes(r.code)))
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as AreaLevel,
    parentCode: r.parent_code,
    path: composePath(r, ancestors),
    parentPath: composePath(r, ancestors, 1),
  }))
}

/** "Kel. Sukarasa, Kec. Tangerang, Kota Tangerang, Banten"; empty when the code is unknown. */
export async function areaPath(db: Db, code: string): Promise<string> {
  const rows = await namesByCode(db, [code, ...ancestorCodes(code)])
  const row = rows.get(code)
  return row ? composePath(row, rows) : ''
}

export function unknownArea(code: string): AppError {
  return new AppError({
    code: 'unknown_area',
    message: `Kode wilayah ${code} tidak ada dalam daftar wilayah Kemendagri.`,
    field: 'areaCode',
  })
}

export async function findAreaRow(db: Db, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().where('code', '=', code).executeTakeFirst()
}

// ---------------------------------------------------------------- calls

export async function getArea(db: Db, input: ParsedInput<'area:get'>): Promise<Area> {
  const row = await findAreaRow(db, input.code)
  if (!row) throw unknownArea(input.code)
  const [area] = await toAreas(db, [row])
  return area!
}

export async function childAreas(db: Db, input: ParsedInput<'area:children'>): Promise<Area[]> {
  let q = db.selectFrom('area').selectAll()
  q = input.parentCode === null ? q.where('level', '=', 1) : q.where('parent_code', '=', input.parentCode)
  const rows = await q.orderBy('name').orderBy('code').execute()
  return toAreas(db, rows)
}

// A person typing "kel. sukarasa" or "kecamatan tangerang" means the kind of area, not the
// letters. For villages the kind is the first digit of the village number (1 kelurahan, 2 desa).
const KIND_WORDS: { re: RegExp; level: AreaLevel; villageKind?: '1' | '2' }[] = [
  { re: /^(kel\.?|kelurahan)\s+/, level: 4, villageKind: '1' },
  { re: /^desa\s+/, level: 4, villageKind: '2' },
  { re: /^(kec\.?|kecamatan)\s+/, level: 3 },
]

type AreaQuery = ReturnType<typeof areaQuery>
const areaQuery = (db: Db) => db.selectFrom('area').selectAll('area')

export async function searchAreas(db: Db, input: ParsedInput<'area:search'>): Promise<Area[]> {
  let level = input.level ?? null
  let q = areaQuery(db)
  if (input.withinCode) {
    const [lo, hi] = codePrefixRange(`${input.withinCode}.`)
    q = q.where('area.code', '>=', lo).where('area.code', '<', hi)
  }

  const raw = input.query.trim().toLowerCase()
  if (/^[\d.\s]+$/.test(raw)) {
    const prefix = dottedCode(raw)
    if (!prefix) return []
    const [lo, hi] = codePrefixRange(prefix)
    q = q
      .where('area.code', '>=', lo)
      .where('area.code', '<', hi)
      .orderBy((eb) => eb.case().when('area.code', '=', prefix).then(0).else(1).end())
      .orderBy('area.level')
      .orderBy('area.code')
    if (level !== null) q = q.where('area.level', '=', level)
    return toAreas(db, await q.limit(input.limit).execute())
  }
  let text = raw
  for (const kind of KIND_WORDS) {
    if (kind.re.test(text)) {
      text = text.replace(kind.re, '')
      level ??= kind.level
      if (kind.villageKind && level === 4) {
        // A desa adat (3…) is a desa too.
        q = kind.villageKind === '1' ? q.where('area.code', 'like', '__.__.__.1%') : q.where('area.code', 'not like', '__.__.__.1%')
      }
    }
  }
  // LIKE wildcards typed by a person are meant literally; no area name contains them.
  text = text.replace(/[%_\\]/g, '').trim()
  const words = searchWords(text)
  if (words.length === 0) return []
  return toAreas(db, await rankedByWords(q, text, words, level, input.limit))
}

// Words that name a kind of area inside a query ("Sukarasa kec. Tangerang"): no area name holds
// them on its own, so they would only make a good match look partial. "Kota" and "Kabupaten" stay:
// they are part of regency names.
const KIND_ONLY = new Set(['kel', 'kel.', 'kelurahan', 'desa', 'kec', 'kec.', 'kecamatan', 'prov', 'prov.', 'provinsi'])

function searchWords(text: string): string[] {
  const words = text.split(/[\s,;/—–-]+/).filter((w) => w.length > 0 && !KIND_ONLY.has(w))
  return [...new Set(words)].slice(0, 8)
}

/**
 * "Sukarasa Tangerang": every typed word is looked for in the area's own name and in the names of
 * its kecamatan, kota/kabupaten and province. An area whose own name holds none of the words is
 * not a result. Ranked: the own name equal to the whole query; then more of the words found; then
 * the own name equal to a word or starting with the first one; then words found in more places
 * (Kel. Sukarasa in Kec. Tangerang, Kota Tangerang before one only in Kabupaten Tangerang).
 */
async function rankedByWords(q: AreaQuery, text: string, words: string[], level: AreaLevel | null, limit: number): Promise<AreaRow[]> {
  let withParents = q
    .leftJoin('area as p1', 'p1.code', 'area.parent_code')
    .leftJoin('area as p2', 'p2.code', 'p1.parent_code')
    .leftJoin('area as p3', 'p3.code', 'p2.parent_code')
  if (level !== null) withParents = withParents.where('area.level', '=', level)
  const like = (column: string, w: string) => sql<SqlBool>`coalesce(${sql.ref(column)} like ${`%${w}%`}, 0)`
  const places = ['area.name_search', 'p1.name_search', 'p2.name_search', 'p3.name_search']
  const one = (cond: Expression<SqlBool>) => sql<number>`(case when ${cond} then 1 else 0 end)`
  const sum = (xs: Expression<number>[]) => sql<number>`(${sql.join(xs, sql` + `)})`
  const own = words.map((w) => like('area.name_search', w))
  const wordsFound = sum(words.map((w) => one(sql<SqlBool>`(${sql.join(places.map((c) => like(c, w)), sql` or `)})`)))
  const hits = sum(words.flatMap((w) => places.map((c) => one(like(c, w)))))
  const ownExactWord = sql<SqlBool>`area.name_search in (${sql.join(words)})`
  return withParents
    .where(sql<SqlBool>`(${sql.join(own, sql` or `)})`)
    .orderBy(sql`case when area.name_search = ${text} then 0 else 1 end`)
    .orderBy(wordsFound, 'desc')
    .orderBy(sql`case when ${ownExactWord} then 0 when area.name_search like ${`${words[0]}%`} then 1 else 2 end`)
    .orderBy(hits, 'desc')
    .orderBy('area.level')
    .orderBy('area.name')
    .orderBy('area.code')
    .limit(limit)
    .execute()
}

/** All kelurahan/desa under an area (or the village itself), by name. */
export async function villagesUnder(db: Db, code: string): Promise<AreaRow[]> {
  if (levelOfCode(code) === 4) {
    const row = await findAreaRow(db, code)
    return row ? [row] : []
  }
  const [lo, hi] = codePrefixRange(`${code}.`)
  return db
    .selectFrom('area')
    .selectAll()
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', '=', 4)
    .orderBy('name')
    .orderBy('code')
    .execute()
}
