// Which area a replicated record belongs to, from the registry's rules (registry.ts): for
// authority at import (may this writer change it?) and for routing at export (does a paket to
// this office carry it?). See "Area of a record" in docs/paket-format.md.

import type SqliteDatabase from 'better-sqlite3'
import type { SiteLevel } from '../../../shared/domain/reference'
import { kindOf, type AreaRule } from './registry'

/** Higher number = higher office. A Puskesmas and a kecamatan office sit at the same height. */
export const LEVEL_RANK: Record<SiteLevel, number> = { kelurahan: 0, puskesmas: 1, kecamatan: 1, kota: 2 }

/** What an office answers for, from its signed key card. */
export interface Scope {
  name: string
  level: SiteLevel
  /** The office's own area code (a Puskesmas: its kecamatan). */
  code: string
  /** A Puskesmas's villages. */
  villages: readonly string[]
}

/** Whether area code `a` lies inside what office `s` answers for. */
export function withinScope(a: string, s: Scope): boolean {
  switch (s.level) {
    case 'kelurahan':
      return a === s.code
    case 'puskesmas':
      // Its villages, and its own kecamatan-wide records; not the kecamatan's other Puskesmas.
      return a === s.code || s.villages.some((v) => a === v || a.startsWith(`${v}.`))
    default:
      return s.code === '' || a === s.code || a.startsWith(`${s.code}.`)
  }
}

/** Whether area `a` concerns office `s` at all (inside it, or covering it): what a relay may pass on. */
export function concernsScope(a: string, s: Scope): boolean {
  if (withinScope(a, s)) return true
  return [s.code, ...s.villages].some((c) => c.startsWith(`${a}.`))
}

/**
 * Whether a record of areas `areas` concerns a recipient covering `recipient` codes: it lies
 * inside the recipient's area, or it covers it (a kota meeting concerns every kelurahan of the
 * kota). Records of no area (reference data) concern everybody.
 */
export function concerns(areas: readonly string[], recipient: readonly string[]): boolean {
  if (areas.length === 0) return true
  return areas.some((a) => recipient.some((r) => a === r || a.startsWith(`${r}.`) || r.startsWith(`${a}.`)))
}

type Row = Record<string, unknown>

export interface AreaResolver {
  /** The record's area for authority, or undefined when it has none or it cannot be told here (a parent missing). */
  areaOf(table: string, row: Row): string | undefined
  /** The areas a paket's routing uses for the record; [] = it goes everywhere. */
  routeAreas(table: string, row: Row): string[]
  /** Forgets cached parent areas (after records were written). */
  reset(): void
}

/**
 * Area lookups in the database at hand, parents read by id and cached. `ownerArea` gives the
 * area of the office that created a record (from signed knowledge: see authority.ts).
 */
export function areaResolver(sqlite: SqliteDatabase.Database, ownerArea: (siteId: string) => string | undefined): AreaResolver {
  const byId = new Map<string, SqliteDatabase.Statement>()
  const children = new Map<string, SqliteDatabase.Statement>()
  const cache = new Map<string, string | undefined>()
  const rowOf = (table: string, id: string) => {
    let s = byId.get(table)
    if (!s) byId.set(table, (s = sqlite.prepare(`select * from ${table} where id = ?`)))
    return s.get(id) as Row | undefined
  }
  const apply = (table: string, row: Row, rules: readonly AreaRule[], parentArea: (table: string, id: string) => string | undefined): string | undefined => {
    const kind = kindOf(table)
    for (const rule of rules) {
      let a: string | undefined
      if ('column' in rule) a = (row[rule.column] as string | null) ?? undefined
      else if ('parent' in rule) {
        const id = row[rule.parent] as string | null
        if (id) a = parentArea(kind.parents[rule.parent]!, id)
      } else a = ownerArea(row.site_id as string)
      if (a) return a
    }
    return undefined
  }
  const parentArea = (table: string, id: string): string | undefined => {
    const key = `${table}:${id}`
    if (cache.has(key)) return cache.get(key)
    const row = rowOf(table, id)
    const a = row ? apply(table, row, kindOf(table).area, parentArea) : undefined
    cache.set(key, a)
    return a
  }
  const routeParent = (table: string, id: string): string | undefined => {
    const key = `r:${table}:${id}`
    if (cache.has(key)) return cache.get(key)
    const row = rowOf(table, id)
    const kind = kindOf(table)
    const a = row ? apply(table, row, kind.route ?? kind.area, routeParent) : undefined
    cache.set(key, a)
    return a
  }
  return {
    areaOf: (table, row) => apply(table, row, kindOf(table).area, parentArea),
    routeAreas(table, row) {
      const kind = kindOf(table)
      if (kind.area.length === 0) return []
      const out = new Set<string>()
      const own = apply(table, row, kind.route ?? kind.area, routeParent)
      if (own) out.add(own)
      if (kind.alsoConcerns) {
        const { table: child, column } = kind.alsoConcerns
        let s = children.get(child)
        if (!s) children.set(child, (s = sqlite.prepare(`select * from ${child} where ${column} = ? and deleted = 0`)))
        const childKind = kindOf(child)
        for (const c of s.all(row.id) as Row[]) {
          const a = apply(child, c, childKind.route ?? childKind.area, routeParent)
          if (a) out.add(a)
        }
      }
      // A record whose area cannot be told here goes to everyone, as reference data does: the
      // receivers judge it with what they know.
      return [...out]
    },
    reset: () => cache.clear(),
  }
}
