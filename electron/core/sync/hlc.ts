// Hybrid logical clock. A version is "<13-digit ms>:<4-digit counter>:<site id>": fixed-width
// numbers make plain string comparison (in SQL or JS) the causal order, and the site id breaks
// ties between offices that happened to issue the same (ms, counter). The clock never goes
// backwards even when an office PC's wall clock does, which on these machines is common.

import { AppError } from '../../../shared/result'
import type { Db } from '../db/schema'

export interface Clock {
  ms: number
  counter: number
}

export interface Version extends Clock {
  siteId: string
}

const MAX_COUNTER = 9999
const MAX_MS = 9_999_999_999_999

const pad = (n: number, w: number) => String(n).padStart(w, '0')

export function formatClock(c: Clock): string {
  return `${pad(c.ms, 13)}:${pad(c.counter, 4)}`
}

export function parseClock(s: string): Clock {
  const m = /^(\d{1,13}):(\d{1,4})$/.exec(s)
  if (!m) throw new Error(`Invalid clock "${s}"`)
  return { ms: Number(m[1]), counter: Number(m[2]) }
}

/** Length of a version's clock part, "<13-digit ms>:<4-digit counter>:", before the site id. */
export const VERSION_CLOCK_LENGTH = 19

/** The site id a version names (its writer), without parsing the rest. */
export const siteOfVersion = (v: string): string => v.slice(VERSION_CLOCK_LENGTH)

export function formatVersion(c: Clock, siteId: string): string {
  return `${formatClock(c)}:${siteId}`
}

/** Splits a version string; throws on anything that is not one (versions come from paket too). */
export function parseVersion(v: string): Version {
  const m = /^(\d{13}):(\d{4}):(.+)$/.exec(v)
  if (!m) throw new Error(`Invalid version "${v}"`)
  return { ms: Number(m[1]), counter: Number(m[2]), siteId: m[3]! }
}

/** Wrap-around of the 4-digit counter moves the clock one ms ahead instead of breaking the order. */
function normalise(ms: number, counter: number): Clock {
  if (counter > MAX_COUNTER) return { ms: ms + 1, counter: 0 }
  if (ms > MAX_MS) throw new Error('Clock beyond the 13-digit range')
  return { ms, counter }
}

/** The clock for a local event: ahead of `last` and of the wall clock when that is ahead. */
export function tick(last: Clock, nowMs: number): Clock {
  const now = Math.floor(nowMs)
  if (now > last.ms) return { ms: now, counter: 0 }
  return normalise(last.ms, last.counter + 1)
}

/** The clock after receiving a remote version: ahead of both `last` and `remote`. */
export function observe(last: Clock, remote: Clock, nowMs: number): Clock {
  const now = Math.floor(nowMs)
  const ms = Math.max(last.ms, remote.ms, now)
  if (ms === last.ms && ms === remote.ms) return normalise(ms, Math.max(last.counter, remote.counter) + 1)
  if (ms === last.ms) return normalise(ms, last.counter + 1)
  if (ms === remote.ms) return normalise(ms, remote.counter + 1)
  return { ms, counter: 0 }
}

/** `count` consecutive local ticks from `last`, for batch writers that need one version per row. */
export function tickMany(last: Clock, nowMs: number, count: number): Clock[] {
  const out: Clock[] = []
  let c = last
  for (let i = 0; i < count; i++) {
    c = tick(c, nowMs)
    out.push(c)
  }
  return out
}

async function readClock(trx: Db, siteId: string): Promise<Clock> {
  const row = await trx.selectFrom('site').select('clock').where('id', '=', siteId).executeTakeFirst()
  if (!row) {
    throw new AppError({ code: 'not_set_up', message: 'Kantor ini belum disiapkan. Selesaikan penyiapan awal terlebih dahulu.' })
  }
  return parseClock(row.clock)
}

async function writeClock(trx: Db, siteId: string, c: Clock): Promise<void> {
  await trx.updateTable('site').set({ clock: formatClock(c) }).where('id', '=', siteId).execute()
}

/**
 * Issues the next version for a local change and persists the clock. Call inside the write's
 * transaction so a rolled-back write does not consume (or, worse, lose) a clock value.
 */
export async function nextVersion(trx: Db, siteId: string, nowMs: number = Date.now()): Promise<string> {
  const c = tick(await readClock(trx, siteId), nowMs)
  await writeClock(trx, siteId, c)
  return formatVersion(c, siteId)
}

/** `count` strictly increasing versions with one clock read/write (bulk writers). */
export async function nextVersions(trx: Db, siteId: string, count: number, nowMs: number = Date.now()): Promise<string[]> {
  if (count <= 0) return []
  const clocks = tickMany(await readClock(trx, siteId), nowMs, count)
  await writeClock(trx, siteId, clocks[clocks.length - 1]!)
  return clocks.map((c) => formatVersion(c, siteId))
}

/** Moves the local clock past a version received from another office (paket import). */
export async function receiveVersion(trx: Db, siteId: string, remoteVersion: string, nowMs: number = Date.now()): Promise<void> {
  const remote = parseVersion(remoteVersion)
  await writeClock(trx, siteId, observe(await readClock(trx, siteId), remote, nowMs))
}
