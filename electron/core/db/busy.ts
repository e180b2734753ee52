// A write that could not get the database's lock in time: another program (a second window, the
// CLI, a backup) held it past the busy timeout. Its own small module so that the CLI's error path
// can recognise it without loading the database code.

import { AppError } from '../../../shared/result'

export const BUSY =
  'Data sedang dipakai oleh program lain (jendela Simpul Posyandu kedua, perintah CLI, atau pencadangan). Tunggu sebentar, lalu coba lagi.'

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), and SQLITE_LOCKED. */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

export function busyError(): AppError {
  return new AppError({ code: 'busy', message: BUSY })
}
