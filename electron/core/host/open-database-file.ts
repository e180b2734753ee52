// Opening the database for a process that hosts the core (desktop main, bridge, CLI): every
// failure becomes an AppError whose message can be shown as is, in Indonesian, without a stack.

import { AppError } from '../../../shared/result'
import { openDatabase, type OpenOptions } from '../db/open'
import type { Db } from '../db/schema'

export async function openDatabaseFile(
  file: string,
  onUnexpected?: (error: unknown) => void,
  options: OpenOptions = {},
): Promise<Db> {
  try {
    return await openDatabase(file, options)
  } catch (error) {
    if (error instanceof AppError) throw error
    onUnexpected?.(error)
    throw new AppError({
      code: 'internal',
      message: `Basis data tidak dapat dibuka: ${file}. Periksa apakah berkas dan foldernya ada dan boleh ditulisi, lalu coba lagi.`,
    })
  }
}

/** The one line to show for any error: an AppError's own message, else a generic one. */
export function messageOf(error: unknown): string {
  if (error instanceof AppError) return error.message
  return 'Terjadi kesalahan yang tidak terduga. Coba lagi; bila terulang, hubungi petugas TI.'
}
