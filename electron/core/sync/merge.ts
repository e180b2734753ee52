// Merging one incoming row into the local copy, field by field (issue 5's merge rules; the
// version bookkeeping is in fields.ts). Pure: no database, so the rule can be tested on its own.
//
// For every data column the write with the larger key wins (see fields.ts: the owner's write wins
// among concurrent ones, a later write made after seeing the other wins in a sequence). Keys are
// a total order, so the result does not depend on the order paket arrive in. When neither side
// had seen the other's write and the values differ, the losing value is reported as a conflict
// for a person to review. `deleted` is a field like any other: a delete and a concurrent edit of
// another field both survive (the record stays deleted, with the edit).

import { parseVersion } from './hlc'
import { compareKeys, formatFieldState, includes, parseFieldState, readFieldState, seenOf, writeKey, type FieldState } from './fields'

export type Row = Record<string, unknown>

export interface FieldConflict {
  field: string
  keptValue: unknown
  keptVersion: string
  lostValue: unknown
  lostVersion: string
}

export interface MergeOutcome {
  /** The merged row, or null when the local row already holds everything the incoming one has. */
  row: Row | null
  conflicts: FieldConflict[]
  /** The offices (site ids) whose incoming writes won a field: whose authority the change rests on. */
  writers: string[]
}


const sameValue = (a: unknown, b: unknown) => a === b || (a === null && b === undefined) || (a === undefined && b === null)

/**
 * Merges `incoming` into `local` (same id). `columns` are the data columns of the table. The
 * owner is the creating office (`site_id`); both copies carry the same one.
 */
export function mergeRow(local: Row, incoming: Row, columns: readonly string[]): MergeOutcome {
  const owner = String(local.site_id)
  const L = readFieldState(String(local.field_versions))
  const R = parseFieldState(String(incoming.field_versions))
  const seenL = seenOf(L)
  const seenR = seenOf(R)
  const out: Row = { ...local }
  const merged: FieldState = { fields: { ...L.fields }, seen: {}, ownerSeen: { ...L.ownerSeen } }
  const conflicts: FieldConflict[] = []
  const writers = new Set<string>()
  let changed = false

  for (const c of columns) {
    const lv = local[c]
    const rv = incoming[c]
    const lVer = L.fields[c]
    const rVer = R.fields[c]
    if (lVer === rVer) {
      // Same write on both sides. Differing values here mean two copies that never shared a
      // creation (should not happen); pick one by value so every office picks the same.
      if (!sameValue(lv, rv) && JSON.stringify(rv ?? null) > JSON.stringify(lv ?? null)) {
        out[c] = rv
        changed = true
        // Whoever the version names (the creator, for a creation value) answers for this value.
        writers.add(rVer ? parseVersion(rVer).siteId : owner)
      }
      continue
    }
    const rWins = compareKeys(writeKey(R, c, owner), writeKey(L, c, owner)) > 0
    const concurrent = !includes(seenR, lVer) && !includes(seenL, rVer)
    if (rWins) {
      if (!sameValue(lv, rv)) {
        out[c] = rv
        changed = true
      }
      merged.fields[c] = rVer!
      if (rVer) writers.add(parseVersion(rVer).siteId)
      if (R.ownerSeen[c] !== undefined) merged.ownerSeen[c] = R.ownerSeen[c]!
      else delete merged.ownerSeen[c]
    }
    if (concurrent && !sameValue(lv, rv)) {
      conflicts.push(
        rWins
          ? { field: c, keptValue: rv, keptVersion: rVer!, lostValue: lv, lostVersion: lVer! }
          : { field: c, keptValue: lv, keptVersion: lVer!, lostValue: rv, lostVersion: rVer! },
      )
    }
  }

  // The merged row has seen everything both sides had seen.
  const seen: Record<string, string> = { ...seenL }
  for (const [site, v] of Object.entries(seenR)) if (seen[site] === undefined || v > seen[site]!) seen[site] = v
  merged.seen = seen
  const fieldVersions = formatFieldState(merged)
  const version = String(incoming.version) > String(local.version) ? incoming.version : local.version
  if (fieldVersions !== local.field_versions || version !== local.version) changed = true
  if (!changed) return { row: null, conflicts, writers: [] }
  out.field_versions = fieldVersions
  out.version = version
  if (version === incoming.version) out.updated_at = incoming.updated_at
  return { row: out, conflicts, writers: [...writers] }
}
