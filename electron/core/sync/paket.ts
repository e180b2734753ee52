// The paket file ("paket", *.simpul): a standard zip holding manifest.json and the records as
// NDJSON, one entry per table. Written atomically and read back before it is called done; read
// with hard limits, because a paket may come from an infected PC or a stick pulled mid-write.
// The format is documented in docs/paket-format.md; change both together.

import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { z } from 'zod'
import { SITE_LEVELS } from '../../../shared/domain/reference'
import { jamDinding, tanggal } from '../../../shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '../../../shared/domain/zona-waktu'
import { AppError } from '../../../shared/result'
import { cardFingerprint, parseCard, type Card } from './card'
import { aesGcmOpen, aesGcmSeal, verifyEd25519 } from './crypto'
import { REPLICATED_TABLES } from './digest'
import { REGISTRY } from './registry'

export const PAKET_FORMAT = 'simpul-paket'
export const PAKET_FORMAT_VERSION = 2
/** The detached Ed25519 signature over the exact bytes of manifest.json (base64url text). */
export const SIGNATURE_PATH = 'manifest.sig'
export const PAKET_EXTENSION = '.simpul'
export const MANIFEST_PATH = 'manifest.json'
export const CATALOGUE_PATH = 'reference/catalogue.ndjson'
export const recordsPath = (table: string) => `records/${table}.ndjson`
/**
 * The zip comment (the file's last bytes): this prefix and the SHA-256 of every byte before the
 * hex digits. The entries' own hashes (in the manifest) cover the content; this one also covers
 * the zip's structure, so one flipped byte anywhere, or a truncated copy, is caught before
 * anything is parsed.
 */
const SEAL_PREFIX = 'simpul-sha256:'
const SEAL_HEX = 64
/** The zip comment a writer leaves for `sealFile` to fill in. */
export const SEAL_PLACEHOLDER = SEAL_PREFIX + '0'.repeat(SEAL_HEX)
export const filePath = (sha256: string) => `files/${sha256}`

// Limits: far above any real paket, far below what would take the PC down. A reader holds a
// paket's entries in memory, so the total is what a hostile file can cost at most: a whole kota
// is ~100-150 MB of records, and 512 MiB leaves room for years of growth and attachments while
// a PC with 4 GB still has room for the import itself (it was 1.5 GiB: a bomb took 2 GB). The
// same total bounds the opened sizes of an encrypted paket. One table may be most of a paket,
// so records have only the total as their limit. Checked against the sizes the zip declares
// before anything is inflated, those sizes against the signed manifest before any entry but the
// manifest is read, and against the bytes actually inflated (a lying header is cut off).
const MAX_ENTRIES = 50_000
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024
const MAX_RECORDS_BYTES = MAX_TOTAL_BYTES
const MAX_FILE_BYTES = 16 * 1024 * 1024
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024
/** How far ahead of this PC's clock a paket may be dated (clocks and time zones set a little wrong). */
const FUTURE_TOLERANCE_MS = 24 * 3600_000

const office = z.object({
  siteId: z.string().min(1).max(64),
  level: z.enum(SITE_LEVELS),
  areaCode: z.string().max(20),
  areaName: z.string().max(200),
  name: z.string().max(200),
  villages: z.array(z.string().max(20)).max(5000).default([]),
})

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

/** X25519 key agreement, HKDF-SHA256, AES-256-GCM for the content key and for every entry (deflated first). */
export const ENCRYPTION_ALGORITHM = 'X25519-HKDF-SHA256+A256GCM'
const b64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

const recipientSchema = z.object({
  siteId: z.string().min(1).max(64),
  name: z.string().max(200),
  /** The recipient's X25519 public key the content key was wrapped for. */
  encryptionKey: b64url32,
  ephemeralKey: b64url32,
  /** nonce ‖ sealed content key ‖ tag: 60 bytes, base64url. */
  wrappedKey: z.string().regex(/^[A-Za-z0-9_-]{80}$/),
})
export type PaketRecipient = z.infer<typeof recipientSchema>

export const manifestSchema = z.object({
  format: z.literal(PAKET_FORMAT),
  formatVersion: z.number().int(),
  bundleId: z.string().uuid(),
  createdAt: z.string().datetime(),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().min(1),
  catalogueVersion: z.string().max(50),
  sender: office,
  recipient: z.object({ key: z.string().max(200), name: z.string().max(200), level: z.enum(SITE_LEVELS).nullable() }),
  /**
   * data: records; pembinaan: the kota's setup paket (its key, reference data, key cards);
   * pemulihan: a recovery paket for the new installation of a lost office (every record of its
   * area the sender holds, encrypted for the new installation only; section 8 of the format doc).
   */
  kind: z.enum(['data', 'pembinaan', 'pemulihan']),
  full: z.boolean(),
  /** This office's clock of the previous paket to the same destination (null: everything). */
  since: z.string().max(40).nullable(),
  versions: z.object({ from: z.string().max(120).nullable(), to: z.string().max(120).nullable() }),
  counts: z.record(z.string(), z.number().int().min(0)),
  /**
   * Every entry but the manifest and its signature: SHA-256 and length of the bytes stored in the
   * zip (for an encrypted paket, the sealed bytes) and, when encrypted, `size`: the length of
   * the entry once opened and inflated.
   */
  entries: z
    .array(z.object({ path: z.string().max(200), sha256: sha256Hex, bytes: z.number().int().min(0), size: z.number().int().min(0).optional() }))
    .max(MAX_ENTRIES),
  /** Every office the sender has heard of, with the creation time of its newest paket (relayed receipts). */
  offices: z.array(office.extend({ lastBundleAt: z.string().datetime().nullable() })).max(20_000),
  /** The sender's key card (public keys, self-signed): who signed this paket. */
  senderCard: z.unknown(),
  /** How manifest.json is signed; the signature itself is the entry manifest.sig. */
  signature: z.object({ algorithm: z.literal('Ed25519'), fingerprint: z.string().max(40) }),
  /** Key cards of offices the sender trusts, passed on (an office learns its neighbours' keys). */
  cards: z.array(z.unknown()).max(20_000),
  /**
   * When the sender replaced its keys: its previous signing key and that key's signature of the
   * new card, so offices that trusted the old key take the new one without asking a person.
   */
  keyChange: z.object({ previousSigningKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/), previousFingerprint: z.string().max(40), signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/) }).nullable(),
  /** Key revocations signed by a kota, passed on by every office (section 6 of the format doc). */
  revocations: z.array(z.unknown()).max(20_000),
  /** Succession statements (a new installation recovered for an office), passed on by every office (section 8). */
  successions: z.array(z.unknown()).max(20_000).default([]),
  /**
   * Who can open the entries: one content key per paket, wrapped for each recipient (section 7
   * of the format doc). Null only for a kota's paket pembinaan, which carries no person's data.
   */
  encryption: z
    .object({
      algorithm: z.literal(ENCRYPTION_ALGORITHM),
      recipients: z.array(recipientSchema).min(1).max(100),
    })
    .nullable(),
})

export type Manifest = z.infer<typeof manifestSchema>
export type ManifestOffice = z.infer<typeof office>

export interface PaketContent {
  manifest: Manifest
  /** The sender's card, its self-signature checked and the manifest's signature verified with it. */
  senderCard: Card
  /** NDJSON text per table (records/<table>.ndjson). */
  records: Map<string, Buffer>
  catalogue: Buffer | null
  files: Map<string, Buffer>
  /** False when the entries are encrypted and were checked but not opened. */
  opened: boolean
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export const damaged = (detail: string) =>
  new AppError({
    code: 'invalid_input',
    message: `Paket rusak atau tidak lengkap: ${detail} Mungkin flashdisk dicabut saat paket ditulis, atau berkasnya berubah di jalan. Minta kantor pengirim membuat paket baru.`,
  })
const foreign = () =>
  new AppError({ code: 'invalid_input', message: 'Berkas ini bukan paket Simpul Posyandu. Pilih berkas berakhiran .simpul yang dibuat aplikasi ini.' })

// ---------------------------------------------------------------- writing

export interface PaketEntry {
  path: string
  /** The bytes as stored: sealed ones when `size` is set. */
  data: Buffer
  /** Set for a sealed entry: the length of its content once opened and inflated. */
  size?: number
}

/** The AAD of a sealed entry: it belongs to this paket, under this name. */
const entryAad = (bundleId: string, path: string) => Buffer.from(`simpul-paket/2\n${bundleId}\n${path}`, 'utf8')

/**
 * Seals entries with the paket's content key: each is deflated (raw, level 1) and then
 * encrypted with AES-256-GCM under a fresh nonce, its name and the paket id as AAD, so an entry
 * cannot be swapped for another's or moved into another paket.
 */
export function sealEntries(bundleId: string, entries: PaketEntry[], contentKey: Buffer): PaketEntry[] {
  return entries.map((e) => ({
    path: e.path,
    data: aesGcmSeal(contentKey, deflateRawSync(e.data, { level: 1 }), entryAad(bundleId, e.path)),
    size: e.data.length,
  }))
}

function openEntry(bundleId: string, path: string, sealed: Buffer, size: number, contentKey: Buffer): Buffer {
  let plain: Buffer
  try {
    plain = inflateRawSync(aesGcmOpen(contentKey, sealed, entryAad(bundleId, path)), { maxOutputLength: size + 1 })
  } catch {
    throw damaged(`bagian ${path} tidak dapat dibuka dengan kunci paket (isinya diubah atau rusak).`)
  }
  if (plain.length !== size) throw damaged(`bagian ${path} tidak sebesar yang tertulis.`)
  return plain
}

/**
 * Writes the paket beside its final name, reads it back and compares it with the bytes that
 * were produced, seals and flushes it, renames it into place and checks the seal of the final
 * file. A stick pulled at any moment leaves either no file or a `.part` file that is never
 * listed, never a file that looks whole.
 */
export async function writePaket(
  finalPath: string,
  manifestWithoutEntries: Omit<Manifest, 'entries'>,
  entries: PaketEntry[],
  /** Signs the exact manifest bytes with the sender's key (Ed25519, base64url). */
  sign: (manifest: Buffer) => string,
): Promise<{ bytes: number }> {
  const manifest: Manifest = {
    ...manifestWithoutEntries,
    entries: entries.map((e) => ({ path: e.path, sha256: sha256(e.data), bytes: e.data.length, ...(e.size === undefined ? {} : { size: e.size }) })),
  }
  const zip = new yazl.ZipFile()
  // A fixed time: the zip's own dates would only add noise; the manifest has the real one.
  const mtime = new Date(manifest.createdAt)
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8')
  zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, compressionLevel: 6 })
  zip.addBuffer(Buffer.from(sign(manifestBytes), 'latin1'), SIGNATURE_PATH, { mtime, compressionLevel: 0 })
  for (const e of entries) {
    // Level 1: most of the size gain for a fraction of the time; files (photos, PDFs) and sealed
    // entries (deflated before they were encrypted) are stored as they are.
    zip.addBuffer(e.data, e.path, { mtime, compressionLevel: e.size !== undefined || e.path.startsWith('files/') ? 0 : 1 })
  }
  zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false })

  const tmp = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.part`)
  let bytes = 0
  try {
    // The bytes are hashed on their way to the stick, then read back from it and hashed again:
    // equal hashes mean the stick holds exactly what was produced.
    const produced = createHash('sha256')
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        produced.update(chunk)
        done(null, chunk)
      },
    })
    await pipeline(zip.outputStream, tap, createWriteStream(tmp, { flags: 'wx' }))
    bytes = (await stat(tmp)).size
    const onDisk = await hashFile(tmp, bytes)
    if (onDisk.full !== produced.digest('hex')) throw new Error('read-back mismatch')
    await sealFile(tmp, bytes, onDisk.seal)
    await rename(tmp, finalPath)
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined)
    if (e instanceof Error && e.message === 'read-back mismatch') throw notWrittenWell()
    throw writeError(e)
  }
  try {
    const dir = await open(dirname(finalPath), 'r')
    await dir.sync().finally(() => dir.close())
  } catch {
    // Windows cannot fsync a folder; the file itself is flushed.
  }
  try {
    await checkSeal(finalPath)
  } catch {
    await rm(finalPath, { force: true }).catch(() => undefined)
    throw notWrittenWell()
  }
  return { bytes }
}

const notWrittenWell = () =>
  new AppError({
    code: 'internal',
    message: 'Paket tidak tertulis dengan benar di folder tujuan (saat dibaca ulang isinya tidak cocok). Periksa flashdisk, lalu buat paket lagi.',
  })

function writeError(e: unknown): AppError {
  if (e instanceof AppError) return e
  const code = (e as { code?: string } | null)?.code
  if (code === 'ENOSPC') {
    return new AppError({ code: 'internal', message: 'Ruang di folder tujuan (flashdisk) penuh. Kosongkan sebagian isinya atau pakai flashdisk lain, lalu buat paket lagi. Data di aplikasi tidak berubah.' })
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError({ code: 'invalid_input', message: 'Folder tujuan tidak ditemukan. Pastikan flashdisk masih terpasang dan foldernya benar, lalu coba lagi.' })
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError({ code: 'invalid_input', message: 'Folder tujuan tidak boleh ditulisi (mungkin flashdisk dikunci). Pilih folder lain, lalu coba lagi.' })
  }
  if (code === 'EIO') {
    return new AppError({ code: 'internal', message: 'Flashdisk tidak dapat ditulisi (mungkin dicabut). Pasang lagi, lalu buat paket lagi. Data di aplikasi tidak berubah.' })
  }
  return new AppError({ code: 'internal', message: 'Paket tidak dapat ditulis ke folder tujuan. Periksa flashdisk, lalu coba lagi.' })
}

/**
 * Writes the seal into a zip whose comment is SEAL_PLACEHOLDER, and flushes the file: the rename
 * that follows never publishes bytes that are still only in the PC's cache.
 */
export async function sealFile(path: string, size: number, seal?: string): Promise<void> {
  const hex = seal ?? (await hashFile(path, size)).seal
  const fh = await open(path, 'r+')
  try {
    await fh.write(Buffer.from(hex, 'latin1'), 0, SEAL_HEX, size - SEAL_HEX)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/**
 * One pass over a file: the seal (SHA-256 of every byte before the last 64) and the SHA-256 of
 * the whole file, from one running hash copied at the boundary.
 */
async function hashFile(path: string, size: number): Promise<{ seal: string; full: string }> {
  const hash = createHash('sha256')
  const boundary = size - SEAL_HEX
  let pos = 0
  let seal = ''
  for await (const c of createReadStream(path)) {
    const chunk = c as Buffer
    if (!seal && pos + chunk.length >= boundary) {
      hash.update(chunk.subarray(0, boundary - pos))
      seal = hash.copy().digest('hex')
      hash.update(chunk.subarray(boundary - pos))
    } else hash.update(chunk)
    pos += chunk.length
  }
  if (!seal) seal = hash.copy().digest('hex')
  return { seal, full: hash.digest('hex') }
}

/** Checks the seal (see SEAL_PREFIX): the whole file as it was written, to the last byte. */
async function checkSeal(path: string): Promise<void> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch (e) {
    const code = (e as { code?: string } | null)?.code
    if (code === 'ENOENT') throw new AppError({ code: 'not_found', message: 'Berkas paket tidak ditemukan. Mungkin flashdisk sudah dicabut atau berkasnya dipindah.' })
    throw damaged('berkas tidak dapat dibaca.')
  }
  const tail = SEAL_PREFIX.length + SEAL_HEX
  if (size < tail + 22) throw damaged('berkasnya terlalu pendek.')
  const fh = await open(path, 'r')
  const buf = Buffer.alloc(tail)
  try {
    await fh.read(buf, 0, tail, size - tail)
  } finally {
    await fh.close()
  }
  const text = buf.toString('latin1')
  if (!text.startsWith(SEAL_PREFIX)) throw damaged('akhir berkasnya tidak utuh.')
  if ((await hashFile(path, size)).seal !== text.slice(SEAL_PREFIX.length)) throw damaged('isinya tidak cocok dengan sidik berkasnya.')
}

// ---------------------------------------------------------------- reading

/**
 * A paket's zip with its entries listed (names and declared sizes from the central directory),
 * nothing inflated yet. Entries are read from it one by one, in the order the reader chooses:
 * the manifest first, so every other entry is held to the size the signed manifest gives it
 * before a byte of it is inflated.
 */
interface PaketZip {
  file: yauzl.ZipFile
  entries: Map<string, yauzl.Entry>
}

const dangerousName = (msg: string) => /invalid relative path|absolute path|invalid characters/i.test(msg)

/** Opens and lists the zip, checking every entry's name and declared size; the caller closes it. */
async function openPaketZip(path: string): Promise<PaketZip> {
  let file: yauzl.ZipFile
  try {
    file = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      // autoClose off: entries are read after the listing has ended.
      yauzl.open(path, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true, autoClose: false }, (err, zip) => {
        if (err || !zip) reject(err ?? new Error('no zip'))
        else resolve(zip)
      })
    })
  } catch (e) {
    const code = (e as { code?: string } | null)?.code
    if (code === 'ENOENT') throw new AppError({ code: 'not_found', message: 'Berkas paket tidak ditemukan. Mungkin flashdisk sudah dicabut atau berkasnya dipindah.' })
    if (code === 'EISDIR') throw foreign()
    if (dangerousName(e instanceof Error ? e.message : '')) throw damaged('ada nama berkas berbahaya di dalamnya.')
    throw damaged('berkas tidak dapat dibaca sebagai paket.')
  }
  try {
    return { file, entries: await listEntries(file) }
  } catch (e) {
    file.close()
    throw e
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > MAX_ENTRIES) return Promise.reject(damaged('jumlah bagian di dalamnya tidak wajar.'))
  const out = new Map<string, yauzl.Entry>()
  let total = 0
  return new Promise((resolve, reject) => {
    let failed = false
    const fail = (e: AppError) => {
      failed = true
      reject(e)
    }
    // Stays attached while entries are read: yauzl reports a broken zip here.
    zip.on('error', (e: Error) => fail(dangerousName(e.message) ? damaged('ada nama berkas berbahaya di dalamnya.') : damaged('isi zip-nya rusak.')))
    zip.on('end', () => {
      if (!failed) resolve(out)
    })
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName
      if (name.endsWith('/')) return fail(damaged(`ada folder tak dikenal (${name}).`))
      if (out.has(name)) return fail(damaged(`bagian ${name} ada dua kali.`))
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return fail(damaged(`bagian ${name} tidak dapat dibaca.`))
      total += entry.uncompressedSize
      // The compressed bytes are read into memory whole, so they are bounded too: zlib's worst
      // case makes data 13.5% longer plus a few bytes (stored entries: yauzl checks equality).
      const compressedBound = entry.uncompressedSize + (entry.uncompressedSize >> 2) + 1024
      if (entry.uncompressedSize > limitFor(name) || total > MAX_TOTAL_BYTES || entry.compressedSize > compressedBound) {
        return fail(damaged(`bagian ${name} terlalu besar.`))
      }
      out.set(name, entry)
      zip.readEntry()
    })
    zip.readEntry()
  })
}

/**
 * One entry's bytes. The compressed bytes are read as they are and inflated in one call: yauzl's
 * inflating stream hands 100+ MB of records over in 16 KB chunks, twice as slow. The output may
 * not exceed what the header declares (already held to its limit and to the manifest): a lying
 * header or an entry that inflates to gigabytes is cut off there.
 */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // yauzl accepts `decompress` only for compressed entries; stored ones come as they are.
    zip.openReadStream(entry, entry.compressionMethod === 0 ? {} : { decompress: false }, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'))
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('error', reject)
      stream.on('end', () => {
        const declared = entry.uncompressedSize
        const raw = Buffer.concat(chunks)
        let data: Buffer
        try {
          data = entry.compressionMethod === 0 ? raw : inflateRawSync(raw, { maxOutputLength: declared + 1 })
        } catch (e) {
          const code = (e as { code?: string } | null)?.code
          return reject(new Error(code === 'ERR_BUFFER_TOO_LARGE' ? 'too many bytes' : 'invalid compressed data'))
        }
        if (data.length !== declared) return reject(new Error(`too ${data.length > declared ? 'many' : 'few'} bytes`))
        resolve(data)
      })
    })
  })
}

/** A listed entry's bytes, or the paket refused as damaged. */
async function readPart(zip: PaketZip, name: string): Promise<Buffer | undefined> {
  const entry = zip.entries.get(name)
  if (!entry) return undefined
  try {
    return await readEntry(zip.file, entry)
  } catch (e) {
    const msg = e instanceof Error ? e.message : ''
    throw damaged(/bytes/i.test(msg) ? `bagian ${name} lebih besar dari yang tertulis.` : `bagian ${name} tidak dapat dibaca.`)
  }
}

function limitFor(name: string): number {
  if (name === MANIFEST_PATH || name === SIGNATURE_PATH) return MAX_MANIFEST_BYTES
  if (name.startsWith('files/')) return MAX_FILE_BYTES
  return MAX_RECORDS_BYTES
}

const ALLOWED = new Set<string>([CATALOGUE_PATH, ...REPLICATED_TABLES.map(recordsPath)])
const isAllowedName = (name: string) => ALLOWED.has(name) || /^files\/[0-9a-f]{64}$/.test(name)

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes UTF-8 strictly: a paket with invalid bytes is damaged, not "mostly readable". */
export function decodeUtf8(b: Buffer, what: string): string {
  try {
    return utf8.decode(b)
  } catch {
    throw damaged(`bagian ${what} bukan teks UTF-8 yang sah.`)
  }
}

/** Parses and checks the manifest alone: format, versions this build understands. */
export function parseManifest(raw: Buffer | undefined, ourSchemaVersion: number): Manifest {
  if (!raw) throw foreign()
  let json: unknown
  try {
    json = JSON.parse(decodeUtf8(raw, MANIFEST_PATH))
  } catch (e) {
    if (e instanceof AppError) throw e
    throw damaged('keterangan paket (manifest) tidak dapat dibaca.')
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json)
  if (!head.success || head.data.format !== PAKET_FORMAT) throw foreign()
  if (head.data.formatVersion > PAKET_FORMAT_VERSION) {
    throw new AppError({
      code: 'invalid_input',
      message: `Paket ini memakai format versi ${head.data.formatVersion}, yang lebih baru dari yang dikenal aplikasi ini (versi ${PAKET_FORMAT_VERSION}). Perbarui Simpul Posyandu ke versi terbaru, lalu impor lagi.`,
    })
  }
  if (head.data.formatVersion < PAKET_FORMAT_VERSION) {
    throw new AppError({
      code: 'invalid_input',
      message: 'Paket ini dibuat oleh versi lama Simpul Posyandu, tanpa tanda tangan kantor pengirim, sehingga asalnya tidak dapat dipastikan. Minta kantor pengirim memperbarui aplikasinya dan membuat paket baru.',
    })
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw damaged(`keterangan paket (manifest) tidak lengkap${first ? ` (${first.path.join('.')})` : ''}.`)
  }
  const m = parsed.data
  if (m.schemaVersion > ourSchemaVersion) {
    throw new AppError({
      code: 'invalid_input',
      message: `Paket ini dibuat oleh versi aplikasi yang lebih baru (${m.appVersion}, skema ${m.schemaVersion}). Perbarui Simpul Posyandu ke versi terbaru, lalu impor lagi.`,
    })
  }
  return m
}

const forged = () =>
  new AppError({
    code: 'invalid_input',
    message:
      'Tanda tangan paket tidak cocok: paket ini diubah setelah dibuat, atau bukan dari kantor yang disebutnya. Jangan diimpor; minta kantor pengirim membuat paket baru.',
  })

/**
 * The sender's card from the manifest, after checking that the card is self-signed, that the
 * manifest names its fingerprint, and that manifest.sig is its signature of these exact bytes.
 */
function verifySender(manifest: Manifest, manifestBytes: Buffer, signature: Buffer | undefined): Card {
  const card = parseCard(manifest.senderCard)
  if (!card || !signature) throw forged()
  if (card.siteId !== manifest.sender.siteId || cardFingerprint(card) !== manifest.signature.fingerprint) throw forged()
  if (!verifyEd25519(card.signingKey, manifestBytes, signature.toString('latin1'))) throw forged()
  return card
}

/**
 * The manifest and its sender, signature verified, and the zip's entries held to it: each one
 * listed, allowed and declaring exactly the stored length the manifest gives it, every listed one
 * present, opened sizes within the limits. Only the manifest and its signature are inflated.
 */
async function readSigned(zip: PaketZip, ourSchemaVersion: number): Promise<{ manifest: Manifest; senderCard: Card }> {
  const manifestBytes = await readPart(zip, MANIFEST_PATH)
  const manifest = parseManifest(manifestBytes, ourSchemaVersion)
  const senderCard = verifySender(manifest, manifestBytes!, await readPart(zip, SIGNATURE_PATH))
  const listed = new Map(manifest.entries.map((e) => [e.path, e]))
  if (listed.size !== manifest.entries.length) throw damaged('daftar isi paket menyebut satu bagian dua kali.')
  for (const [name, entry] of zip.entries) {
    if (name === MANIFEST_PATH || name === SIGNATURE_PATH) continue
    if (!isAllowedName(name)) throw damaged(`ada bagian asing di dalamnya (${name}).`)
    const e = listed.get(name)
    if (!e) throw damaged(`ada bagian yang tidak tercantum di daftar isi (${name}).`)
    // The manifest is signed; the zip's headers are not. An entry declaring another size than
    // the manifest's is refused here, before it is inflated (a bomb in a re-sealed paket).
    if (entry.uncompressedSize !== e.bytes) throw damaged(`isi bagian ${name} tidak cocok dengan sidiknya (ukurannya lain dari yang tercantum).`)
  }
  // The opened sizes are held to the same limits as stored ones, before anything is inflated.
  let opened = 0
  for (const e of manifest.entries) {
    if (!zip.entries.has(e.path)) throw damaged(`bagian ${e.path} hilang.`)
    opened += e.size ?? 0
    if ((e.size ?? 0) > limitFor(e.path) || opened > MAX_TOTAL_BYTES) throw damaged(`bagian ${e.path} terlalu besar.`)
  }
  return { manifest, senderCard }
}

/**
 * Reads only the manifest, with its signature checked and the zip's entries held to it (listing a
 * folder, `paket inspect`); nothing but the manifest is inflated, and the seal is not checked.
 */
export async function readManifest(path: string, ourSchemaVersion: number): Promise<{ manifest: Manifest; senderCard: Card }> {
  const zip = await openPaketZip(path)
  try {
    return await readSigned(zip, ourSchemaVersion)
  } finally {
    zip.file.close()
  }
}

/**
 * Refuses a paket dated more than a day ahead of this PC's clock: one of the two clocks is
 * wrong, and the versions it carries would win over every later change made here.
 */
export function assertNotFromFuture(manifest: Pick<Manifest, 'createdAt'>, nowMs: number, zona: ZonaWaktu = ZONA_WAKTU.WIB): void {
  const at = Date.parse(manifest.createdAt)
  if (!(at > nowMs + FUTURE_TOLERANCE_MS)) return
  // Shown on this office's wall clock, in its zone.
  const w = jamDinding(new Date(at), zona)
  throw new AppError({
    code: 'invalid_input',
    message: `Paket ini bertanggal ${tanggal(w.date)} pukul ${w.hh}.${w.mm} ${zona.kode}, lebih dari sehari di depan jam komputer ini. Jam komputer pengirim atau komputer ini tampaknya salah: periksa tanggal dan jamnya, lalu buat/impor paket lagi.`,
  })
}

/**
 * The content key of an encrypted paket for this office (it finds its own wrapped copy and
 * unwraps it), or an AppError saying why this office cannot open it.
 */
export type ContentKeyOpener = (manifest: Manifest) => Buffer

const notEncrypted = () =>
  new AppError({
    code: 'invalid_input',
    message:
      'Paket ini berisi data orang tetapi tidak terenkripsi, padahal Simpul Posyandu selalu mengenkripsinya. Paket ini bukan buatan aplikasi ini atau sudah diubah. Jangan diimpor; minta kantor pengirim membuat paket baru.',
  })

/**
 * What may travel in clear: the kota's setup paket, with the catalogue and the reference data
 * only (the kinds with no area: the OPD list, the equipment list), never a person's record.
 */
const CLEAR_ENTRIES = new Set([CATALOGUE_PATH, ...REGISTRY.filter((k) => k.area.length === 0).map((k) => recordsPath(k.kind))])

/**
 * Reads the whole paket and checks every entry against the manifest (names, sizes, SHA-256).
 * An encrypted paket's entries are opened with the key `open` returns; without `open` they are
 * checked but left sealed (`opened: false`, no records), as `paket inspect` does.
 */
export async function readPaket(path: string, ourSchemaVersion = Number.MAX_SAFE_INTEGER, open?: ContentKeyOpener): Promise<PaketContent> {
  await checkSeal(path)
  const zip = await openPaketZip(path)
  try {
    const { manifest, senderCard } = await readSigned(zip, ourSchemaVersion)
    const encrypted = manifest.encryption !== null
    if (!encrypted && (manifest.kind !== 'pembinaan' || manifest.entries.some((e) => !CLEAR_ENTRIES.has(e.path)))) throw notEncrypted()
    if (manifest.entries.some((e) => (e.size !== undefined) !== encrypted)) throw damaged('daftar isi paket tidak sesuai dengan enkripsinya.')
    const listed = new Set(manifest.entries.map((e) => e.path))
    for (const [table, n] of Object.entries(manifest.counts)) {
      if (!(REPLICATED_TABLES as readonly string[]).includes(table)) throw damaged(`jenis data tak dikenal (${table}).`)
      if (n > 0 && !listed.has(recordsPath(table))) throw damaged(`bagian ${recordsPath(table)} hilang.`)
    }
    for (const e of manifest.entries) {
      const table = /^records\/(.+)\.ndjson$/.exec(e.path)?.[1]
      if (table && manifest.counts[table] === undefined) throw damaged(`jumlah data ${table} tidak tercantum.`)
    }
    // The signature already vouches for the manifest; the key is looked for before any entry is opened.
    const contentKey = encrypted && open ? open(manifest) : null
    const records = new Map<string, Buffer>()
    const files = new Map<string, Buffer>()
    let catalogue: Buffer | null = null
    // One entry at a time, opened as soon as it is read: the sealed bytes are not kept beside the plain ones.
    for (const e of manifest.entries) {
      const stored = (await readPart(zip, e.path))!
      if (stored.length !== e.bytes || sha256(stored) !== e.sha256) throw damaged(`isi bagian ${e.path} tidak cocok dengan sidiknya.`)
      if (encrypted && !contentKey) continue
      const data = contentKey ? openEntry(manifest.bundleId, e.path, stored, e.size!, contentKey) : stored
      if (e.path === CATALOGUE_PATH) catalogue = data
      else if (e.path.startsWith('files/')) {
        const sha = sha256(data)
        if (e.path !== filePath(sha)) throw damaged(`nama lampiran ${e.path} tidak cocok dengan isinya.`)
        files.set(sha, data)
      } else records.set(e.path.slice('records/'.length, -'.ndjson'.length), data)
    }
    return { manifest, senderCard, records, catalogue, files, opened: !encrypted || contentKey !== null }
  } finally {
    zip.file.close()
  }
}

/** Splits NDJSON into objects, checking the count the manifest states. */
export function parseNdjson(data: Buffer, what: string, expected: number): Record<string, unknown>[] {
  const text = decodeUtf8(data, what)
  const out: Record<string, unknown>[] = []
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (end > start) {
      let v: unknown
      try {
        v = JSON.parse(text.slice(start, end))
      } catch {
        throw damaged(`baris ${out.length + 1} di ${what} tidak dapat dibaca.`)
      }
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw damaged(`baris ${out.length + 1} di ${what} bukan data.`)
      out.push(v as Record<string, unknown>)
    }
    start = end + 1
  }
  if (out.length !== expected) throw damaged(`jumlah data di ${what} (${out.length}) tidak sama dengan yang tercantum (${expected}).`)
  return out
}
