// The shape every record of a paket must have: exactly its table's travelling columns (registry
// and schema), each of the right type, plus the formats the app relies on. The import refuses a
// paket with a record that fails it (it was not written by Simpul Posyandu, or was damaged); the
// export runs the same check first, so an office never ships a paket every receiver refuses.

import type SqliteDatabase from 'better-sqlite3'
import { parseFieldState } from '../../sync/fields'
import { kindOf, LOCAL_COLUMNS } from '../../sync/registry'

export interface Column {
  name: string
  type: string
  notnull: boolean
  /** The column's DEFAULT as SQL text ('belum_terdaftar', 0), null when it has none. */
  dflt: string | null
}

type Row = Record<string, unknown>

const DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/
const VERSION = /^\d{13}:\d{4}:[^"\\\s]{1,64}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The columns of a replicated table that travel, from the schema (the migration declares them). */
export function travellingColumns(sqlite: SqliteDatabase.Database, table: string): Column[] {
  return (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null }[])
    .filter((c) => !LOCAL_COLUMNS.has(c.name))
    .map((c) => ({ name: c.name, type: c.type.toUpperCase(), notnull: c.notnull === 1, dflt: c.dflt_value }))
}

/** A DEFAULT's SQL text as the value a row would hold: 'teks' (quotes doubled inside), a number, NULL. */
function defaultValue(sql: string | null): unknown {
  if (sql === null || /^null$/i.test(sql)) return null
  const quoted = /^'(.*)'$/s.exec(sql)
  if (quoted) return quoted[1]!.replaceAll("''", "'")
  const n = Number(sql)
  return Number.isFinite(n) ? n : undefined
}

/**
 * What an office on an older schema leaves out: the columns added since its version. A migration
 * adds a travelling column only with a DEFAULT or as nullable, so each reads as what the
 * migration gave the rows already here. A column NOT NULL without a plain default is left out:
 * the record check then refuses the row as before.
 */
export function olderSenderFill(columns: readonly Column[]): (row: Row) => void {
  const fills: [string, unknown][] = []
  for (const c of columns) {
    const v = defaultValue(c.dflt)
    if (v !== undefined && (v !== null || !c.notnull)) fills.push([c.name, v])
  }
  return (row) => {
    for (const [name, v] of fills) if (!(name in row)) row[name] = v
  }
}

type Check = (v: unknown) => string | null

/** One check per column, built once per table from its declared type, name and the registry. */
function columnCheck(c: Column, lists: readonly string[]): Check {
  const isDate = c.type === 'TEXT' && /(^|_)date$/.test(c.name)
  const isList = lists.includes(c.name)
  return (v) => {
    if (v === null) return c.notnull ? `kolom ${c.name} kosong` : null
    switch (c.type) {
      case 'TEXT':
        if (typeof v !== 'string') return `kolom ${c.name} bukan teks`
        if (v.length > 100_000) return `kolom ${c.name} terlalu panjang`
        if (isDate && !DATE.test(v)) return `kolom ${c.name} bukan tanggal`
        if (isList) {
          try {
            if (!Array.isArray(JSON.parse(v))) return `kolom ${c.name} bukan daftar`
          } catch {
            return `kolom ${c.name} bukan daftar`
          }
        }
        return null
      case 'INTEGER':
        return Number.isInteger(v) ? null : `kolom ${c.name} bukan bilangan bulat`
      case 'REAL':
        return typeof v === 'number' && Number.isFinite(v) ? null : `kolom ${c.name} bukan angka`
      default:
        return null
    }
  }
}

/** A checker of records of `table`: the reason a record is not sound, or null. */
export function recordChecker(table: string, columns: Column[]): (row: Row) => string | null {
  const kind = kindOf(table)
  const checks = columns.map((c) => [c.name, columnCheck(c, kind.lists)] as const)
  return (row) => {
    let n = 0
    for (const _ in row) n++
    if (n !== checks.length) return 'kolomnya tidak sesuai'
    for (const [name, check] of checks) {
      if (!(name in row)) return `kolom ${name} tidak ada`
      const reason = check(row[name])
      if (reason) return reason
    }
    if (!UUID.test(row.id as string)) return 'pengenalnya tidak sah'
    if (!VERSION.test(row.version as string)) return 'versinya tidak sah'
    if (!INSTANT.test(row.created_at as string) || !INSTANT.test(row.updated_at as string)) return 'waktu ubahnya tidak sah'
    if (row.deleted !== 0 && row.deleted !== 1) return 'tanda hapusnya tidak sah'
    if (row.field_versions !== '{}') {
      try {
        parseFieldState(row.field_versions as string)
      } catch {
        return 'versi per kolomnya tidak sah'
      }
    }
    return kind.check?.(row) ?? null
  }
}
