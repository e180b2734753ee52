// How commands get at the database file named by --db.

import { existsSync, rmSync } from 'node:fs'
import type { Db } from '../db/schema'
import { userPath } from '../host/user-path'
import type { Dispatch } from '../ipc/dispatch'
import type { Channel, Input, Output } from '../../../shared/contract'
import { waktuWib } from '../../../shared/domain/tanggal'
import { AppError } from '../../../shared/result'
import { CliError, type Io } from './command'

export interface Session {
  db: Db
  /** The same dispatcher the UI uses: zod validation and Indonesian messages included. */
  dispatch: Dispatch
  file: string
}

/**
 * Opens `file` for the length of `work`, then closes it whatever happens.
 * `mustExist`: commands that read data refuse to create an empty file by accident.
 */
export async function withDatabase<T>(file: string, io: Io, mustExist: boolean, work: (s: Session) => Promise<T>): Promise<T> {
  const path = userPath(file)
  if (mustExist && !existsSync(path)) {
    throw new CliError(
      `Berkas basis data tidak ditemukan: ${path}. Jalankan dulu: npm run simpul -- init --db ${file} --level kelurahan --wilayah KODE --name "NAMA KANTOR"`,
    )
  }
  const created = !existsSync(path)
  // Loaded here, not at the top: help, usage errors and `paket inspect` need no database at all.
  const [{ openDatabaseFile }, { closeDatabase }, { createDispatcher }] = await Promise.all([
    import('../host/open-database-file'),
    import('../db/open'),
    import('../ipc/dispatch'),
  ])
  const db = await openDatabaseFile(path, io.debug).catch(async (e: unknown) => {
    throw e instanceof AppError && e.shape.code === 'damaged' ? await wayBack(e, path, file) : e
  })
  let succeeded = false
  try {
    const dispatch = createDispatcher({ db, emit: () => {} }, { logInternal: (_channel, error) => io.debug(error) })
    const value = await work({ db, dispatch, file: path })
    succeeded = true
    return value
  } finally {
    await closeDatabase(db)
    // A file this command created for work that failed (e.g. init with an unknown area)
    // would look like a set-up office later: leave nothing behind.
    if (created && !succeeded) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })
  }
}

/** Unwraps a dispatcher Result, turning a failure into the command's one line. */
export async function call<C extends Channel>(s: Session, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await s.dispatch(channel, input)
  if (!result.ok) throw new AppError(result.error)
  return result.value as Output<C>
}

/** A damaged file: one line naming the newest backup and the command that puts it back. */
export async function wayBack(e: AppError, path: string, file: string): Promise<CliError> {
  const { backupsOfFile } = await import('../features/cadangan/cadangan.service')
  const newest = (await backupsOfFile(path).catch(() => [])).find((b) => b.verified)
  if (!newest) return new CliError(`${e.message} Tidak ada cadangan di samping berkas ini; minta Puskesmas atau Dinas memulihkan data kantor ini dari paket.`)
  return new CliError(
    `${e.message} Cadangan terbaru: ${newest.fileName} (${waktuWib(newest.createdAt)}). Pulihkan dengan: npm run simpul -- cadangan pulihkan --db ${file} ${newest.path}`,
  )
}
