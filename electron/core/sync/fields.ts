// Per-field versions and what each office has seen: the data the merge of issue 5 decides on.
//
// `field_versions` (a column of every replicated row) is canonical JSON with sorted keys:
//   { "<column>": "<version of the last write to it>", …,
//     "~":  { "<site id>": "<newest version from that site this row state includes>" },
//     "~o": { "<column>": "<newest owner version the writer had seen>" } }
// Columns never written since the row was created have no entry (creation values are common to
// every copy). "~" is the row's seen vector: it tells "B wrote this after seeing A's change"
// (a sequence: B simply wins) from "B and A changed it without seeing each other" (a conflict).
// "~o" makes the conflict rule "the office that owns the record wins" a total order that agrees
// with causality, which is what lets every office reach the same state whatever the order in
// which paket arrive: a write's key is (newest owner version its writer had seen, its own
// version). The owner's own writes carry their own version there, so among concurrent writes the
// owner's wins; a write made after seeing the owner's has a larger key on both parts, so a
// sequence is never undone. Entries in "~o" are left out when empty or equal to the version.

import { parseVersion } from './hlc'

export interface FieldState {
  /** column → version of the last write. */
  fields: Record<string, string>
  /** site → newest version from that site included (explicit; see seenOf). */
  seen: Record<string, string>
  /** column → newest owner version the writer had seen (only where it differs from ''). */
  ownerSeen: Record<string, string>
}

const VERSION = /^\d{13}:\d{4}:[^"\\\s]{1,64}$/

function isRecordOfVersions(x: unknown): x is Record<string, string> {
  return !!x && typeof x === 'object' && !Array.isArray(x) && Object.values(x).every((v) => typeof v === 'string' && VERSION.test(v))
}

/** Parses a field_versions string; throws on anything that is not one (paket are untrusted). */
export function parseFieldState(json: string): FieldState {
  const raw = JSON.parse(json) as unknown
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('field_versions is not an object')
  const fields: Record<string, string> = {}
  let seen: Record<string, string> = {}
  let ownerSeen: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k === '~') {
      if (!isRecordOfVersions(v)) throw new Error('field_versions "~" is not a version map')
      seen = v
    } else if (k === '~o') {
      if (!isRecordOfVersions(v)) throw new Error('field_versions "~o" is not a version map')
      ownerSeen = v
    } else {
      if (typeof v !== 'string' || !VERSION.test(v)) throw new Error(`field_versions entry ${k} is not a version`)
      fields[k] = v
    }
  }
  return { fields, seen, ownerSeen }
}

/** Lenient parse for local rows written before seen vectors existed: a damaged map reads as empty. */
export function readFieldState(json: string): FieldState {
  try {
    return parseFieldState(json)
  } catch {
    return { fields: {}, seen: {}, ownerSeen: {} }
  }
}

export const siteOf = (version: string): string => parseVersion(version).siteId

const maxStr = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a)

/** The full seen vector: the explicit one and every field's writer. */
export function seenOf(s: FieldState): Record<string, string> {
  const out: Record<string, string> = { ...s.seen }
  for (const v of Object.values(s.fields)) {
    const site = siteOf(v)
    out[site] = maxStr(out[site], v)
  }
  return out
}

const sortedObject = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]))

/** Canonical JSON: the same state is the same string on every office (the digest compares it). */
export function formatFieldState(s: FieldState): string {
  if (Object.keys(s.fields).length === 0 && Object.keys(s.seen).length === 0) return '{}'
  const out: Record<string, unknown> = sortedObject(s.fields)
  const seen = seenOf(s)
  if (Object.keys(seen).length > 0) out['~'] = sortedObject(seen)
  const ownerSeen: Record<string, string> = {}
  for (const [c, v] of Object.entries(s.ownerSeen)) if (v && s.fields[c] !== undefined && v !== s.fields[c]) ownerSeen[c] = v
  if (Object.keys(ownerSeen).length > 0) out['~o'] = sortedObject(ownerSeen)
  return JSON.stringify(out)
}

/** The ordering key of the last write to `column`: (newest owner version its writer saw, version). */
export function writeKey(s: FieldState, column: string, owner: string): [string, string] {
  const v = s.fields[column]
  if (v === undefined) return ['', '']
  if (siteOf(v) === owner) return [v, v]
  return [s.ownerSeen[column] ?? '', v]
}

export function compareKeys(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1
  return 0
}

/** Whether a row state with seen vector `seen` includes the write `version`. */
export function includes(seen: Record<string, string>, version: string | undefined): boolean {
  if (version === undefined) return true // creation values: every copy has them
  const s = seen[siteOf(version)]
  return s !== undefined && s >= version
}

/**
 * The field_versions after a local write of `changed` columns at `version` (from this office's
 * clock, so it is ahead of everything the row has seen). `row.site_id` is the owner.
 */
export function bumpFieldState(row: { field_versions: string; site_id: string }, changed: readonly string[], version: string): string {
  const s = readFieldState(row.field_versions)
  const seen = seenOf(s)
  const ownerVersion = seen[row.site_id] ?? ''
  const site = siteOf(version)
  const fields = { ...s.fields }
  const ownerSeen = { ...s.ownerSeen }
  for (const c of changed) {
    fields[c] = version
    if (site === row.site_id) delete ownerSeen[c]
    else ownerSeen[c] = ownerVersion
  }
  seen[site] = maxStr(seen[site], version)
  return formatFieldState({ fields, seen, ownerSeen })
}
