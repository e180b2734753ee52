// The database as a host process (desktop main, the browser preview's bridge) serves it. A file
// that opens is served by the normal dispatcher; a damaged one (quick_check failed, AppError
// `damaged`) puts the host in a recovery mode: only the berkasRusak:* calls are served, every
// other call answers `damaged`, and the renderer shows the recovery screen. Restoring a backup
// or starting fresh reopens the database and switches to the normal dispatcher without a
// restart. One piece of code for both hosts, so the preview tests what the desktop does.

import { existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import SqliteDatabase from 'better-sqlite3'
import { contract, type BerkasRusakStatus, type Channel, type LostChanges, type NewIdentity, type Recovered, type RecoveryBackup } from '../../../shared/contract'
import { PAKET_KIND_NAMES } from '../../../shared/domain/paket'
import { AppError } from '../../../shared/result'
import { closeDatabase, type OpenOptions } from '../db/open'
import type { Db } from '../db/schema'
import { backupsOfFile, makeBackup, restoreBackup } from '../features/cadangan/cadangan.service'
import { getSiteRow } from '../features/site/site.service'
import { handlers } from '../ipc/handlers'
import { createDispatcher, type Dispatch } from '../ipc/dispatch'
import type { Emit, Handler, Handlers, Host } from '../ipc/types'
import { REPLICATED_TABLES } from '../sync/registry'
import { openDatabaseFile } from './open-database-file'

const DAY_MS = 86_400_000

export interface HostSessionOptions {
  file: string
  emit: Emit
  host?: Host
  openOptions?: OpenOptions
  /** Where unexpected open failures go (with their stack), for whoever runs the host. */
  onUnexpected?: (error: unknown) => void
  /** Runs after every normal open, before calls are served (desktop: identity check, key sealing, daily backup). */
  afterOpen?: (db: Db) => Promise<void>
  /** The clock (ms since epoch); tests pass their own. */
  now?: () => number
}

export interface HostSession {
  /** Stable for the life of the host: it follows the switch from recovery to normal. */
  dispatch: Dispatch
  /** The open database; null while in recovery mode. */
  db(): Db | null
  /** Closes the database if one is open; calls made afterwards answer that the app is closing. */
  close(): Promise<void>
}

const inRecovery = () =>
  new AppError({
    code: 'damaged',
    message: 'Berkas data rusak, jadi data belum dapat dibuka. Pulihkan dulu dari cadangan atau mulai baru di layar pemulihan.',
  })

const switchingNow = () => new AppError({ code: 'busy', message: 'Data sedang dipulihkan. Tunggu sebentar, lalu coba lagi.' })

const closed = () => new AppError({ code: 'internal', message: 'Aplikasi sedang ditutup. Buka kembali aplikasi Simpul Posyandu.' })

/** "2026-12-06T16:40:00.000Z" → "2026-12-06T16-40-00Z", like the backups' own names. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'

/**
 * Opens `file`. Only `damaged` leads to recovery mode: any other failure (not our file, a newer
 * app, a locked folder) is thrown, as before, for the host to show and exit.
 */
export async function startHostSession(options: HostSessionOptions): Promise<HostSession> {
  const now = options.now ?? Date.now
  let db: Db | null = null
  let normal: Dispatch | null = null
  let damagedMessage: string | null = null
  let ended = false
  /** One restore or fresh start at a time (a double click must not move files twice). */
  let switching: Promise<Recovered> | null = null

  async function open(): Promise<void> {
    const opened = await openDatabaseFile(options.file, options.onUnexpected, options.openOptions)
    try {
      await options.afterOpen?.(opened)
    } catch (e) {
      await closeDatabase(opened).catch(() => undefined)
      throw e
    }
    db = opened
    normal = createDispatcher({ db: opened, emit: options.emit, ...(options.host ? { host: options.host } : {}) })
    damagedMessage = null
  }

  async function status(): Promise<BerkasRusakStatus> {
    if (damagedMessage === null) return { damaged: false }
    const nowMs = now()
    const verified = (await backupsOfFile(options.file).catch(() => [])).filter((b) => b.verified)
    const lost = lostSince(options.file, verified.map((b) => b.createdAt))
    const backups: RecoveryBackup[] = verified.map((b) => ({
      ...b,
      daysAgo: Math.max(0, Math.floor((nowMs - Date.parse(b.createdAt)) / DAY_MS)),
      lost: lost?.get(b.createdAt) ?? null,
    }))
    return { damaged: true, file: options.file, message: damagedMessage, backups }
  }

  /**
   * Moves files while nothing has the database open, then opens what is now in place. From
   * recovery mode; or, with `fromNormal`, from the database open now (first run's empty one, or
   * an office starting over), which is closed first and opened again unchanged when the move fails.
   */
  function switchOver(move: () => Promise<Recovered>, fromNormal = false): Promise<Recovered> {
    if (switching) return switching
    if (damagedMessage === null && !fromNormal) return Promise.reject(new AppError({ code: 'unsupported', message: 'Basis data sudah dibuka kembali. Muat ulang aplikasi.' }))
    switching = (async () => {
      if (db) {
        const was = db
        db = null
        normal = null
        await closeDatabase(was)
      }
      let recovered: Recovered
      try {
        recovered = await move()
      } catch (e) {
        // Nothing was moved (restores swap in one rename at their very end): the file as it was.
        if (damagedMessage === null) await open()
        throw e
      }
      try {
        await open()
      } catch (e) {
        if (!(e instanceof AppError && e.shape.code === 'damaged')) throw e
        damagedMessage = e.message
        throw new AppError({ code: 'damaged', message: `${e.message} Pilih cadangan lain atau mulai baru.` })
      }
      return recovered
    })().finally(() => {
      switching = null
    })
    return switching
  }

  const restore = async (fileName: string): Promise<Recovered> => {
    const backup = (await backupsOfFile(options.file)).find((b) => b.fileName === fileName && b.verified)
    if (!backup) throw new AppError({ code: 'not_found', message: `Cadangan ${fileName} tidak ditemukan di samping berkas data. Pilih cadangan dari daftar.` })
    return switchOver(async () => ({ keptAside: (await restoreBackup(options.file, backup.path, now())).keptAside }))
  }

  /**
   * An encrypted copy from the flashdisk (a lost or broken PC, the kartu pemulihan's code): on the
   * damaged-file screen, or at first run. Never under an office's data in use: that restore is
   * the CLI's, with the app closed.
   */
  const restoreCopy = async (path: string, kode: string): Promise<Recovered> => {
    const inUse = damagedMessage === null && (!db || (await getSiteRow(db)) !== undefined)
    if (inUse) {
      throw new AppError({
        code: 'unsupported',
        message: 'Data kantor ini sedang dipakai, jadi tidak ditimpa dari salinan. Untuk memulihkan: tutup aplikasi, lalu jalankan npm run simpul -- cadangan pulihkan --db BERKAS SALINAN --kode KODE.',
      })
    }
    // Loaded on use, as the handlers load it: the first screens do not need the cipher code.
    const { restoreEncrypted } = await import('../features/cadangan/flashdisk')
    return switchOver(async () => ({ keptAside: (await restoreEncrypted(options.file, path, kode, now())).keptAside }), true)
  }

  const startFresh = (): Promise<Recovered> =>
    switchOver(async () => {
      // Never deleted: an expert may still read most of it, and it is the only copy of what
      // changed since the last paket.
      const keptAside = `${options.file}.rusak-${stamp(now())}`
      if (existsSync(options.file)) await rename(options.file, keptAside)
      for (const ext of ['-wal', '-shm']) if (existsSync(options.file + ext)) await rename(options.file + ext, keptAside + ext)
      return { keptAside }
    })

  /**
   * The office starts over as a new one (its area was wrong and is known elsewhere already): a
   * verified backup first, then the file moved aside and an empty one opened on the first-run
   * screen. Nothing is deleted; restoring that backup brings the old identity back.
   */
  const startNewIdentity = async (officeName: string): Promise<NewIdentity> => {
    const site = db && damagedMessage === null ? await getSiteRow(db) : undefined
    if (!db || !site) throw new AppError({ code: 'unsupported', message: 'Belum ada kantor di aplikasi ini: tidak ada identitas yang perlu diganti.' })
    const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id')
    if (key(officeName) !== key(site.name)) {
      const message = `Ketik nama kantor persis seperti tertulis, "${site.name}", untuk memastikan.`
      throw new AppError({ code: 'invalid_input', field: 'officeName', message, fields: { officeName: message } })
    }
    const backup = await makeBackup(db, { reason: 'identitas-baru', nowMs: now() })
    const aside = `${options.file}.identitas-lama-${stamp(now())}`
    await switchOver(async () => {
      await rename(options.file, aside)
      for (const ext of ['-wal', '-shm']) if (existsSync(options.file + ext)) await rename(options.file + ext, aside + ext)
      return { keptAside: aside }
    }, true)
    return { backup: backup.path, keptAside: aside }
  }

  // The contract's validation and error handling, with a table that refuses everything but
  // recovery. Its handlers never read ctx.db: there is no database to give them.
  const refuse = async () => {
    throw inRecovery()
  }
  const recoveryTable = Object.fromEntries(Object.keys(contract).map((c) => [c, refuse])) as unknown as Handlers
  const recoveryHandlers: { [C in Extract<Channel, `berkasRusak:${string}` | 'cadangan:findCopies' | 'paket:chooseFolder'>]: Handler<C> } = {
    'berkasRusak:status': () => status(),
    'berkasRusak:restore': (_ctx, input) => restore(input.fileName),
    'berkasRusak:startFresh': () => startFresh(),
    // Finding the copies on a stick needs no database; restoring one is the host's (below).
    'cadangan:findCopies': handlers['cadangan:findCopies'],
    'paket:chooseFolder': handlers['paket:chooseFolder'],
  }
  Object.assign(recoveryTable, recoveryHandlers)
  const recovery = createDispatcher({ db: null as unknown as Db, emit: options.emit, ...(options.host ? { host: options.host } : {}) }, { handlers: recoveryTable })
  // The calls both modes hand to the host: they replace the file the dispatchers hold open.
  const hostTable = {
    ...handlers,
    'cadangan:restoreCopy': ((_ctx, input) => restoreCopy(input.path, input.kode)) satisfies Handler<'cadangan:restoreCopy'>,
    'site:startNewIdentity': ((_ctx, input) => startNewIdentity(input.officeName)) satisfies Handler<'site:startNewIdentity'>,
  }
  const copyRestorer = createDispatcher({ db: null as unknown as Db, emit: options.emit }, { handlers: hostTable })

  try {
    await open()
  } catch (e) {
    if (!(e instanceof AppError && e.shape.code === 'damaged')) throw e
    damagedMessage = e.message
  }

  return {
    dispatch: async (channel, input) => {
      if (ended) return { ok: false, error: closed().shape }
      if (channel === 'cadangan:restoreCopy' || channel === 'site:startNewIdentity') return copyRestorer(channel, input)
      if (switching && !normal) return { ok: false, error: switchingNow().shape }
      return normal ? normal(channel, input) : recovery(channel, input)
    },
    db: () => db,
    close: async () => {
      ended = true
      const open = db
      db = null
      normal = null
      if (open) await closeDatabase(open)
    },
  }
}

/**
 * What the damaged file still shows as changed after each backup: per backup time, per kind, the
 * records whose last change (updated_at, the wall clock of the office that made it) is later.
 * Read-only and best effort: a kind whose pages are unreadable is left out, a file that does not
 * open at all gives null, and nothing here may throw.
 */
export function lostSince(file: string, times: readonly string[]): Map<string, LostChanges[]> | null {
  let r: SqliteDatabase.Database
  try {
    r = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
  } catch {
    return null
  }
  const out = new Map<string, LostChanges[]>(times.map((t) => [t, []]))
  let readable = 0
  try {
    for (const table of REPLICATED_TABLES) {
      try {
        const count = r.prepare(`select count(*) as n from "${table}" where updated_at > ?`)
        const counts = times.map((t) => (count.get(t) as { n: number }).n)
        readable++
        times.forEach((t, i) => {
          if (counts[i]! > 0) out.get(t)!.push({ name: PAKET_KIND_NAMES[table], count: counts[i]! })
        })
      } catch {
        // this kind's pages are damaged (or the table is missing in an old file)
      }
    }
  } finally {
    r.close()
  }
  return readable > 0 ? out : null
}
