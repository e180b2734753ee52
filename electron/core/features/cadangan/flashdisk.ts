// Cadangkan ke flashdisk: a verified backup, encrypted with the office's recovery code, written to
// a folder the person chose (a USB stick), so a lost stick leaks nothing; and the way back from
// such a copy. Files run to 100+ MB: everything streams.
//
// Format (.simpul-cadangan), version 1:
//   "SIMPUL-CADANGAN\n"  16 bytes of magic
//   uint32 BE            length of the header
//   header               UTF-8 JSON: v, kdf (scrypt N, r, p, salt), cipher iv, check, createdAt
//   ciphertext           AES-256-GCM of the SQLite file; magic, length and header are its AAD
//   tag                  16 bytes
// scrypt(code, salt) gives 64 bytes: the first 32 are the AES key, a hash of the other 32 is the
// header's `check`, which tells a wrong code (nothing decrypted) from a damaged copy (tag fails).

import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { CadanganState, FlashdiskCopy, FoundCopy, LastCopy, PaketDrive } from '../../../../shared/contract'
import { jamDinding } from '../../../../shared/domain/tanggal'
import { zonaDariKodeWilayah, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { driveOf, listDrives, type DriveProbe } from '../paket/drives'
import { requireSite } from '../site/site.service'
import { assertRestorable, listBackups, makeBackup, swapIn, syncPath, type Restored } from './cadangan.service'
import { codeConfirmedAt, normalizeCode, recoveryCode } from './kode'

export const COPY_EXTENSION = '.simpul-cadangan'
const MAGIC = Buffer.from('SIMPUL-CADANGAN\n', 'latin1')
const TAG_BYTES = 16
const MAX_HEADER = 4096
/** scrypt cost: ~100 ms and 32 MB on an office PC; the 120-bit code carries the strength, this slows guessing further. */
const KDF = { N: 2 ** 15, r: 8, p: 1 } as const
const LAST_COPY_KEY = 'cadangan.flashdisk.terakhir'
/** A copy older than this gets a warning: about a month of work is what an office can still retype. */
const STALE_DAYS = 30

interface Header {
  v: 1
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string }
  cipher: { name: 'aes-256-gcm'; iv: string }
  check: string
  createdAt: string
  /** The office's name, so a stick holding several offices' copies can be read without a code (not secret: it is in the file name too). */
  office?: string
}

// ---------------------------------------------------------------- messages

const wrongCode = () =>
  new AppError({
    code: 'forbidden',
    field: 'kode',
    message: 'Kode pemulihan tidak cocok dengan salinan ini, jadi tidak ada yang dibuka atau diubah. Periksa kode pada kartu pemulihan kantor (huruf besar/kecil dan tanda hubung tidak berpengaruh), lalu coba lagi.',
  })

const badCodeShape = () =>
  new AppError({
    code: 'invalid_input',
    field: 'kode',
    message: 'Kode pemulihan terdiri atas 24 huruf dan angka (6 kelompok berisi 4, mis. ABCD-EFGH-…). Periksa kembali kode pada kartu pemulihan.',
  })

const damagedCopy = (path: string) =>
  new AppError({
    code: 'damaged',
    message: `Salinan ${path} rusak atau tidak lengkap (mungkin flashdisk dicabut saat menyalin), jadi tidak dipulihkan dan tidak ada yang diubah. Pakai salinan lain atau cadangan di PC ini.`,
  })

const notACopy = (path: string) =>
  new AppError({
    code: 'invalid_input',
    message: `${path} bukan salinan cadangan Simpul Posyandu (berkas ${COPY_EXTENSION}). Pilih berkas salinan yang benar.`,
  })

function asCopyError(e: unknown, folder: string): AppError {
  if (e instanceof AppError) return e
  const code = String((e as { code?: unknown } | null)?.code ?? '')
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new AppError({
      code: 'internal',
      message: `Ruang di ${folder} tidak cukup untuk salinan cadangan. Kosongkan ruang di flashdisk atau pilih folder lain, lalu coba lagi. Tidak ada salinan setengah jadi yang tertinggal.`,
    })
  }
  if (['ENOENT', 'ENOTDIR', 'EIO', 'ENXIO', 'ENODEV', 'EACCES', 'EPERM', 'EROFS', 'EBUSY'].includes(code)) {
    return new AppError({
      code: 'invalid_input',
      field: 'folder',
      message: `Salinan cadangan tidak dapat ditulis ke ${folder}. Pastikan flashdisk masih terpasang, tidak dikunci tulis, dan foldernya ada, lalu coba lagi. Tidak ada salinan setengah jadi yang tertinggal.`,
    })
  }
  return new AppError({ code: 'internal', message: `Salinan cadangan ke ${folder} gagal. Coba lagi; bila terulang, pakai flashdisk lain.` })
}

// ---------------------------------------------------------------- keys

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, 64, options, (e, key) => (e ? reject(e) : resolve(key))))
}

async function deriveKeys(normalizedCode: string, kdf: Header['kdf']): Promise<{ key: Buffer; check: Buffer }> {
  const out = await scrypt(normalizedCode, Buffer.from(kdf.salt, 'base64'), { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r })
  return { key: out.subarray(0, 32), check: createHash('sha256').update(out.subarray(32)).digest().subarray(0, 16) }
}

function headerBytes(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, len, json])
}

async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  let off = 0
  while (off < data.length) off += (await fh.write(data, off, data.length - off)).bytesWritten
}

// ---------------------------------------------------------------- encrypting

/** Encrypts `source` into `target` (a new file), synced to the stick before it returns. */
export async function encryptFile(source: string, target: string, code: string, createdAt: string, office?: string): Promise<void> {
  const normalized = normalizeCode(code)
  if (!normalized) throw badCodeShape()
  const kdf = { name: 'scrypt' as const, ...KDF, salt: randomBytes(16).toString('base64') }
  const { key, check } = await deriveKeys(normalized, kdf)
  const iv = randomBytes(12)
  const head = headerBytes({ v: 1, kdf, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') }, check: check.toString('base64'), createdAt, ...(office ? { office } : {}) })
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(head)
  const fh = await open(target, 'wx')
  try {
    await writeAll(fh, head)
    for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) await writeAll(fh, cipher.update(chunk as Buffer))
    await writeAll(fh, cipher.final())
    await writeAll(fh, cipher.getAuthTag())
    await fh.sync()
  } finally {
    await fh.close()
  }
}

// ---------------------------------------------------------------- decrypting

interface Opened {
  header: Header
  head: Buffer
  /** Ciphertext bytes: between the header and the tag. */
  start: number
  end: number
  tag: Buffer
}

async function readHeader(path: string): Promise<Opened> {
  let fh: FileHandle
  try {
    fh = await open(path, 'r')
  } catch {
    throw new AppError({ code: 'not_found', message: `Berkas salinan tidak ditemukan atau tidak dapat dibaca: ${path}. Periksa flashdisk dan nama berkasnya.` })
  }
  try {
    const size = (await fh.stat()).size
    const first = Buffer.alloc(MAGIC.length + 4)
    const { bytesRead } = await fh.read(first, 0, first.length, 0)
    if (bytesRead < first.length || !first.subarray(0, MAGIC.length).equals(MAGIC)) throw notACopy(path)
    const len = first.readUInt32BE(MAGIC.length)
    if (len === 0 || len > MAX_HEADER || first.length + len + TAG_BYTES > size) throw damagedCopy(path)
    const json = Buffer.alloc(len)
    await fh.read(json, 0, len, first.length)
    let header: Header
    try {
      header = JSON.parse(json.toString('utf8')) as Header
    } catch {
      throw damagedCopy(path)
    }
    const k = header?.kdf
    if (header?.v !== 1 || k?.name !== 'scrypt' || header.cipher?.name !== 'aes-256-gcm' || typeof k.salt !== 'string' || typeof header.check !== 'string') {
      throw new AppError({ code: 'unsupported', message: `Salinan ${path} dibuat oleh versi Simpul Posyandu yang lebih baru atau rusak. Perbarui aplikasi, lalu coba lagi.` })
    }
    // Bounds keep a tampered header from asking for gigabytes of memory.
    if (![2 ** 14, 2 ** 15, 2 ** 16].includes(k.N) || !(k.r >= 1 && k.r <= 8) || !(k.p >= 1 && k.p <= 4)) throw damagedCopy(path)
    const tag = Buffer.alloc(TAG_BYTES)
    await fh.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
    return { header, head: Buffer.concat([first, json]), start: first.length + len, end: size - TAG_BYTES, tag }
  } finally {
    await fh.close()
  }
}

/** Whether a file starts as an encrypted copy does (the CLI asks before deciding which restore to run). */
export async function isEncryptedCopy(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'r')
    try {
      const b = Buffer.alloc(MAGIC.length)
      const { bytesRead } = await fh.read(b, 0, b.length, 0)
      return bytesRead === b.length && b.equals(MAGIC)
    } finally {
      await fh.close()
    }
  } catch {
    return false
  }
}

/**
 * Decrypts `path` with `code`. With `target` the plain file is written there (a new file, synced);
 * without, the copy is only checked. Throws wrongCode before writing anything when the code does
 * not fit, damagedCopy when the tag fails (truncated, tampered).
 */
export async function decryptFile(path: string, code: string, target?: string): Promise<{ createdAt: string }> {
  const normalized = normalizeCode(code)
  if (!normalized) throw badCodeShape()
  const o = await readHeader(path)
  const { key, check } = await deriveKeys(normalized, o.header.kdf)
  const expected = Buffer.from(o.header.check, 'base64')
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) throw wrongCode()
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(o.header.cipher.iv, 'base64'))
  decipher.setAAD(o.head)
  decipher.setAuthTag(o.tag)
  const out = target ? await open(target, 'wx') : null
  try {
    if (o.end > o.start) {
      for await (const chunk of createReadStream(path, { start: o.start, end: o.end - 1, highWaterMark: 1 << 20 })) {
        const plain = decipher.update(chunk as Buffer)
        if (out) await writeAll(out, plain)
      }
    }
    try {
      const last = decipher.final()
      if (out) await writeAll(out, last)
    } catch {
      throw damagedCopy(path)
    }
    if (out) await out.sync()
  } finally {
    await out?.close()
  }
  return { createdAt: o.header.createdAt }
}

// ---------------------------------------------------------------- the copy to the stick

function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'kantor'
  )
}

/** 2026-12-06T16:40:00.123Z → 20261206-164000 */
/** "20261206-163015": when, on the office's wall clock (its zone), as people read the name. */
const stampOf = (iso: string, zona: ZonaWaktu) => {
  const w = jamDinding(new Date(iso), zona)
  return `${w.date.replaceAll('-', '')}-${w.hh}${w.mm}${w.ss}`
}

/** `.cadangan-….simpul-cadangan.<hex>.tmp`: a copy being written, or left by a copy that was killed. */
const COPY_TEMP = /^\.cadangan-.+\.simpul-cadangan\.[0-9a-f]+\.tmp$/
/** Older than this, a temp file is not another process's copy in progress. */
const STALE_TEMP_MS = 10 * 60_000

/** Temp files of copies killed midway (power cut, task manager) would fill the stick: removed on the next copy. */
async function removeStaleTemps(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!COPY_TEMP.test(name)) continue
    const path = join(folder, name)
    try {
      if (Date.now() - (await stat(path)).mtimeMs > STALE_TEMP_MS) await rm(path, { force: true })
    } catch {
      // gone already
    }
  }
}

/** Where and when the last encrypted copy left this PC; null when never. */
export async function lastCopy(db: Db): Promise<LastCopy | null> {
  const raw = (await db.selectFrom('setting').select('value').where('key', '=', LAST_COPY_KEY).executeTakeFirst())?.value
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as LastCopy
    return typeof v.at === 'string' && typeof v.folder === 'string' && typeof v.path === 'string' ? v : null
  } catch {
    return null
  }
}

/**
 * A verified backup beside the database, encrypted with the recovery code into `folder`: written
 * under a temp name, synced, read back and decrypted in full (tag check), and only then renamed to
 * cadangan-<kantor>-<waktu>.simpul-cadangan. A stick pulled or full midway leaves no file under
 * that name, and the temp file is removed when the stick is still there.
 */
export async function copyToFolder(
  db: Db,
  folder: string,
  options: { nowMs?: number; askIfNotRemovable?: boolean; probe?: DriveProbe } = {},
): Promise<FlashdiskCopy> {
  const site = await requireSite(db)
  const drive = existsSync(folder) ? await driveOf(folder, await listDrives(options.probe), options.probe?.platform) : null
  // A copy that stays on the PC's own disk is no copy when the PC is lost: asked about first.
  if (options.askIfNotRemovable && !drive && existsSync(folder)) {
    throw new AppError({
      code: 'invalid_input',
      field: 'removable',
      message: 'Folder ini bukan flashdisk. Salinan yang disimpan di sini tetap di PC ini, dan ikut hilang bila PC rusak atau dicuri. Pilih flashdisk dari daftar, atau tetap simpan di folder ini.',
    })
  }
  const code = await recoveryCode(db)
  const backup = await makeBackup(db, { reason: 'manual', nowMs: options.nowMs })
  const createdAt = new Date(options.nowMs ?? Date.now()).toISOString()
  const fileName = `cadangan-${slugOf(site.name)}-${stampOf(createdAt, zonaDariKodeWilayah(site.area_code))}${COPY_EXTENSION}`
  const path = join(folder, fileName)
  const temp = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    // Never created: a missing folder is a stick not plugged in (or a typo), not a place to write.
    if (!existsSync(folder)) throw Object.assign(new Error('no folder'), { code: 'ENOENT' })
    await removeStaleTemps(folder)
    await encryptFile(backup.path, temp, code, createdAt, site.name)
    await decryptFile(temp, code)
    // A copy made twice in one second keeps the first; the new one gets its own name.
    let finalPath = path
    for (let n = 2; existsSync(finalPath); n++) finalPath = path.replace(COPY_EXTENSION, `-${n}${COPY_EXTENSION}`)
    await rename(temp, finalPath)
    syncPath(folder)
    const bytes = (await stat(finalPath)).size
    const last: LastCopy = { at: createdAt, folder, path: finalPath }
    await db
      .insertInto('setting')
      .values({ key: LAST_COPY_KEY, value: JSON.stringify(last) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(last) }))
      .execute()
    return { path: finalPath, fileName: basename(finalPath), folder, bytes, createdAt, verified: true, removable: drive !== null }
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw asCopyError(e, folder)
  }
}

// ---------------------------------------------------------------- restoring

/**
 * The encrypted copies in `folder` (the flashdisk), newest first, as their headers tell: when and
 * of which office. A file that only looks like one (damaged header, another program's) is left
 * out; restoring it would say why.
 */
export async function findCopies(folder: string): Promise<FoundCopy[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw new AppError({
      code: 'invalid_input',
      field: 'folder',
      message: `Folder ${folder} tidak dapat dibaca. Pastikan flashdisk terpasang dan alamat foldernya benar, lalu coba lagi.`,
    })
  }
  const found: FoundCopy[] = []
  for (const fileName of names) {
    if (!fileName.endsWith(COPY_EXTENSION) || fileName.startsWith('.')) continue
    const path = join(folder, fileName)
    try {
      const o = await readHeader(path)
      found.push({ path, fileName, bytes: (await stat(path)).size, createdAt: o.header.createdAt, office: typeof o.header.office === 'string' ? o.header.office : null })
    } catch {
      // not readable as a copy: not offered
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * Restores `file` from an encrypted copy: decrypted (a wrong code stops before anything is
 * written) into a temp file beside the database, checked in full, then swapped in as
 * restoreBackup does (the current file kept aside). On any failure the temp file is removed and
 * the database is untouched.
 */
export async function restoreEncrypted(file: string, copyPath: string, code: string, nowMs: number = Date.now()): Promise<Restored> {
  const folder = dirname(file)
  await mkdir(folder, { recursive: true })
  const temp = `${file}.pulih-${randomBytes(4).toString('hex')}.tmp`
  try {
    await decryptFile(copyPath, code, temp)
    assertRestorable(temp, copyPath)
    return await swapIn(file, temp, nowMs)
  } catch (e) {
    await rm(temp, { force: true })
    if (e instanceof AppError) throw e
    const c = String((e as { code?: unknown } | null)?.code ?? '')
    if (c === 'ENOSPC' || c === 'EDQUOT') {
      throw new AppError({ code: 'internal', message: `Ruang disk di ${folder} tidak cukup untuk memulihkan. Kosongkan ruang disk, lalu coba lagi. Basis data tidak diubah.` })
    }
    throw new AppError({ code: 'internal', message: `Pemulihan dari ${copyPath} gagal, basis data tidak diubah. Coba lagi; bila terulang, hubungi petugas TI.` })
  }
}

// ---------------------------------------------------------------- the Pengaturan section

/**
 * The folder offered for the next copy: the last one used (or the paket's) while it is on a
 * flashdisk plugged in now, else the only flashdisk, else nothing. Never the home folder: a copy
 * written there without a word stays on the PC it is meant to outlive.
 */
async function startFolder(candidates: (string | undefined)[], drives: readonly PaketDrive[], platform?: NodeJS.Platform): Promise<string> {
  for (const c of candidates) if (c && existsSync(c) && (await driveOf(c, drives, platform))) return c
  return drives.length === 1 ? drives[0]!.path : ''
}

/**
 * What Pengaturan → Cadangan shows. `desktop`: the host is the desktop app, where the recovery
 * code is shown on its own until the person confirms it is kept; the CLI has `cadangan kode` and
 * the browser preview shows it in Pengaturan only.
 */
export async function cadanganState(db: Db, options: { desktop: boolean; nowMs?: number; probe?: DriveProbe }): Promise<CadanganState> {
  const [backups, last, confirmedAt, paketFolder, site] = await Promise.all([
    listBackups(db),
    lastCopy(db),
    codeConfirmedAt(db),
    db.selectFrom('setting').select('value').where('key', '=', 'paket.folder').executeTakeFirst(),
    db.selectFrom('site').select('id').executeTakeFirst(),
  ])
  // Listed once here, for the screen's drive list and the folder it starts on (on Windows each
  // listing runs PowerShell).
  const drives = await listDrives(options.probe)
  return {
    backups,
    lastCopy: last,
    copyWarning: !last ? 'never' : (options.nowMs ?? Date.now()) - Date.parse(last.at) > STALE_DAYS * 86_400_000 ? 'stale' : null,
    staleAfterDays: STALE_DAYS,
    copyFolder: await startFolder([last?.folder, paketFolder?.value], drives, options.probe?.platform),
    drives,
    codeConfirmedAt: confirmedAt,
    noticePending: options.desktop && site !== undefined && confirmedAt === null,
  }
}
