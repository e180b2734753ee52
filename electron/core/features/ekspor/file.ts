// Where an exported spreadsheet goes and how it gets there: a telling file name in the chosen
// folder, written beside its final name and renamed into place once complete and flushed, so
// a stick pulled or a disk filling up midway leaves no file that looks whole. The errors say
// what happened in the words of the paket writer (electron/core/sync/paket.ts writeError).

import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { AppError } from '../../../../shared/result'
import { capFile } from '../../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'

/** "Kantor Kelurahan Sukarasa" → "kantor-kelurahan-sukarasa". */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .replace(/-$/, '') || 'kantor'
  )
}

/** "20261123-1605", the time on the office's wall (its own zone). */
export function stamp(nowMs: number, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  return capFile(new Date(nowMs), zona)
}

/** daftar-kader_kantor-kelurahan-sukarasa_20261123-1605.xlsx; "-2", "-3" … when that name is taken. */
export function exportFileName(what: string, office: string, nowMs: number, folder: string, zona: ZonaWaktu = ZONA_WAKTU.WIB): string {
  const base = `${what}_${slug(office)}_${stamp(nowMs, zona)}`
  let name = `${base}.xlsx`
  for (let i = 2; existsSync(join(folder, name)); i++) name = `${base}-${i}.xlsx`
  return name
}

export function folderNotFound(): AppError {
  return new AppError({
    code: 'invalid_input',
    field: 'folder',
    message: 'Folder tujuan tidak ditemukan. Pastikan flashdisk masih terpasang dan foldernya benar, lalu coba lagi.',
  })
}

export function assertFolder(folder: string): void {
  let ok = false
  try {
    ok = statSync(folder).isDirectory()
  } catch {
    ok = false
  }
  if (!ok) throw folderNotFound()
}

/** A failed write, in the person's words. Nothing in the app changes when an export fails. */
export function writeError(e: unknown): AppError {
  if (e instanceof AppError) return e
  const code = (e as { code?: string } | null)?.code
  if (code === 'ENOSPC') {
    return new AppError({
      code: 'internal',
      message: 'Ruang di folder tujuan (flashdisk) penuh. Kosongkan sebagian isinya atau pakai flashdisk lain, lalu ekspor lagi.',
    })
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') return folderNotFound()
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError({
      code: 'invalid_input',
      field: 'folder',
      message: 'Folder tujuan tidak boleh ditulisi (mungkin flashdisk dikunci, atau berkas dengan nama yang sama sedang dibuka di Excel). Pilih folder lain atau tutup berkasnya, lalu coba lagi.',
    })
  }
  if (code === 'EBUSY') {
    return new AppError({
      code: 'invalid_input',
      message: 'Berkas dengan nama yang sama sedang dibuka (mungkin di Excel). Tutup berkas itu, lalu ekspor lagi.',
    })
  }
  if (code === 'EIO') {
    return new AppError({ code: 'internal', message: 'Flashdisk tidak dapat ditulisi (mungkin dicabut). Pasang lagi, lalu ekspor lagi.' })
  }
  return new AppError({ code: 'internal', message: 'Berkas Excel tidak dapat ditulis ke folder tujuan. Periksa folder atau flashdisk, lalu coba lagi.' })
}

const isFileError = (e: unknown) => /^E[A-Z]+$/.test(String((e as { code?: unknown } | null)?.code ?? ''))

/**
 * Runs `write` into a hidden `.part` file beside `finalPath`, flushes it to the disk and renames
 * it into place. Any failure removes the part file and is thrown as writeError's AppError.
 */
export async function writeAtomically(finalPath: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  const tmp = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.part`)
  const stream = createWriteStream(tmp, { flags: 'wx' })
  // An error of the file (folder gone, disk full) ends the stream without 'finish': the writer
  // would wait for ever, so the first error settles the race.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject))
  failed.catch(() => undefined)
  try {
    await Promise.race([write(stream), failed])
    const fh = await open(tmp, 'r+')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, finalPath)
  } catch (e) {
    stream.destroy()
    await rm(tmp, { force: true }).catch(() => undefined)
    // A file-system error is the person's to fix; anything else is a fault to report as it is.
    throw isFileError(e) ? writeError(e) : e
  }
  try {
    const dir = await open(dirname(finalPath), 'r')
    await dir.sync().finally(() => dir.close())
  } catch {
    // Windows cannot fsync a folder; the file itself is flushed.
  }
}
