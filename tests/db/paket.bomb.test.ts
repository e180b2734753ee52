// A genuine paket rebuilt around a zip bomb: one records entry replaced by a deflate stream that
// inflates to 1 GiB, the zip sealed again (the seal is a plain SHA-256: anyone can redo it). The
// manifest is still the sender's, signed, and gives that entry its real size, so the entry is
// refused on the size its zip header declares before a byte of it is inflated, by every reader
// (the import, `paket inspect`, the folder listing), in bounded memory and time. A header that
// lies (the right size, more bytes) is cut off at the size it declares.

import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import yazl from 'yazl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKeyOpener } from '../../electron/core/features/kunci/kunci.service'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { ZONA_WAKTU } from '../../shared/domain/zona-waktu'
import { assertNotFromFuture, readPaket, readManifest, SEAL_PLACEHOLDER, sealFile, type Manifest } from '../../electron/core/sync/paket'
import { errorOf, type TestDb } from '../fixtures/db'
import { kelurahanPaketForKota, type createStick } from '../fixtures/offices'
import { declaring, repeatedBytes, zipEntries } from '../fixtures/zip'
import { PEAK_MB_SOURCE } from '../fixtures/peak'

const root = join(__dirname, '..', '..')
const GiB = 1024 ** 3
const KADER = 'records/kader.ndjson'

let kel: TestDb
let kota: TestDb
let stick: ReturnType<typeof createStick>
/** The exported paket's entries as stored (manifest.json inflated), and its manifest. */
let parts: Map<string, Buffer>
let manifest: Manifest
/** The good paket rebuilt entry by entry, unchanged: what the others differ from. */
let rebuilt: string
/** The kader entry declares and inflates to 1 GiB: more than any entry may hold. */
let bomb: string
/** The kader entry declares and inflates to 500 MiB: within the limits, but not the size the manifest gives it. */
let bombUnderLimit: string
/** The bomb, its header declaring the size the manifest gives (its compressed bytes alone are 1,000 times that). */
let lyingBomb: string
/** The kader entry declares the manifest's size and inflates to 256 KiB more. */
let lying: string

/**
 * The paket's entries zipped again as the writer does (the manifest deflated, the sealed entries
 * stored), the kader entry replaced by `kader` when given; returns the zip's bytes, unsealed.
 */
async function rezip(kader?: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, data] of parts) {
    if (name === KADER && kader) kader(zip)
    else zip.addBuffer(data, name, { compressionLevel: name === 'manifest.json' ? 6 : 0 })
  }
  zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false })
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Written and sealed as a writer would: only the deeper checks can refuse it. */
async function sealed(name: string, bytes: Buffer): Promise<string> {
  const path = join(stick.folder, `${name}.simpul`)
  writeFileSync(path, bytes)
  await sealFile(path, bytes.length)
  return path
}

beforeAll(async () => {
  const sent = await kelurahanPaketForKota()
  kel = sent.kel
  kota = sent.kota
  stick = sent.stick
  const good = sent.paket
  parts = await zipEntries(good)
  manifest = JSON.parse(parts.get('manifest.json')!.toString()) as Manifest
  const kaderBytes = manifest.entries.find((e) => e.path === KADER)!.bytes
  rebuilt = await sealed('rebuilt', await rezip())
  // yazl deflates the gigabyte as it streams (level 1: about a second, 4.7 MB).
  const bombOf = (size: number) => rezip((zip) => zip.addReadStreamLazy(KADER, { size, compressionLevel: 1 }, (cb) => cb(null, repeatedBytes(size, 0))))
  const bombZip = await bombOf(GiB)
  bomb = await sealed('bomb', bombZip)
  bombUnderLimit = await sealed('bomb-500', await bombOf(500 * 1024 * 1024))
  lyingBomb = await sealed('lying-bomb', declaring(bombZip, KADER, kaderBytes))
  const more = Buffer.concat([parts.get(KADER)!, Buffer.alloc(256 * 1024)])
  lying = await sealed('lying', declaring(await rezip((zip) => zip.addBuffer(more, KADER, { compressionLevel: 9 })), KADER, kaderBytes))
}, 60_000)

afterAll(async () => {
  await kel.cleanup()
  await kota.cleanup()
  stick.cleanup()
})

const DAMAGED = /^Paket rusak atau tidak lengkap: .* Minta kantor pengirim membuat paket baru\.$/
const NOT_AS_LISTED = /isi bagian records\/kader\.ndjson tidak cocok dengan sidiknya \(ukurannya lain dari yang tercantum\)/

/** Every way a paket is read: the folder listing, `paket inspect`, the import (which opens the entries). */
const readers = (path: string) =>
  [
    ['readManifest', () => readManifest(path, Number.MAX_SAFE_INTEGER)],
    ['readPaket', () => readPaket(path)],
    ['readPaket with the key', async () => readPaket(path, undefined, await contentKeyOpener(kota.db))],
    ['importPaketFile', () => importPaketFile(kota.db, path, { apply: true })],
  ] as const

describe('a bundle rebuilt around a zip bomb', () => {
  it('the bundle rebuilt unchanged reads (the cases below differ from it in the kader entry only)', async () => {
    const content = await readPaket(rebuilt, undefined, await contentKeyOpener(kota.db))
    expect(content.records.get('kader')!.toString().trim().split('\n')).toHaveLength(3)
  })

  it('is refused by every reader on the size its header declares, before it is inflated', async () => {
    for (const [path, reason] of [
      [bomb, /bagian records\/kader\.ndjson terlalu besar/],
      [bombUnderLimit, NOT_AS_LISTED],
    ] as const) {
      for (const [name, read] of readers(path)) {
        const e = await errorOf(read)
        expect(e.code, name).toBe('invalid_input')
        expect(e.message, name).toMatch(DAMAGED)
        expect(e.message, name).toMatch(reason)
      }
    }
  })

  it('is refused when its header declares the listed size: the compressed bytes alone are too many for it', async () => {
    for (const [, read] of readers(lyingBomb)) {
      const e = await errorOf(read)
      expect(e.message).toMatch(DAMAGED)
      expect(e.message).toMatch(/bagian records\/kader\.ndjson terlalu besar/)
    }
  })

  it('an entry inflating past the size its header declares is cut off there and refused', async () => {
    // The listing only reads the manifest; it has nothing against this entry's header.
    expect((await readManifest(lying, Number.MAX_SAFE_INTEGER)).manifest.bundleId).toBe(manifest.bundleId)
    for (const [name, read] of readers(lying).slice(1)) {
      const e = await errorOf(read)
      expect(e.message, name).toMatch(DAMAGED)
      expect(e.message, name).toMatch(/bagian records\/kader\.ndjson lebih besar dari yang tertulis/)
    }
  })

  it('costs bounded memory and time: a separate process refusing it with every reader stays under 400 MB', async () => {
    // Its own process, so the peak is these refusals' and not the test runner's. The
    // kota's database is opened there too; the refusal writes nothing to it.
    const code = `
      ${PEAK_MB_SOURCE}
      const { pathToFileURL } = await import('node:url')
      const [root, dbFile, ...pakets] = process.argv.slice(1)
      const load = (p) => import(pathToFileURL(root + p).href)
      const { readPaket, readManifest } = await load('/electron/core/sync/paket.ts')
      const { importPaketFile } = await load('/electron/core/features/paket/import.ts')
      const { openDatabase } = await load('/electron/core/db/open.ts')
      const db = await openDatabase(dbFile)
      const results = []
      for (const path of pakets) {
        for (const [how, run] of [
          ['readManifest', () => readManifest(path, Number.MAX_SAFE_INTEGER)],
          ['readPaket', () => readPaket(path)],
          ['importPaketFile', () => importPaketFile(db, path, { apply: true })],
        ]) {
          const started = Date.now()
          const message = await run().then(() => 'accepted', (e) => e.message)
          results.push({ how, message, ms: Date.now() - started })
        }
      }
      process.stdout.write(JSON.stringify({ results, maxRssMb: await peakMb() }))
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, root, kota.file, bomb, bombUnderLimit, lyingBomb], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    expect(await new Promise<number | null>((resolve) => child.on('exit', resolve))).toBe(0)
    const r = JSON.parse(out) as { results: { how: string; message: string; ms: number }[]; maxRssMb: number }
    expect(r.results).toHaveLength(9)
    for (const x of r.results) {
      expect(x.message, x.how).toMatch(DAMAGED)
    }
    // Memory, not time, is the proof (times flake on a busy machine): inflating would take over a gigabyte.
    expect(r.maxRssMb).toBeLessThan(400)
  }, 30_000)
})

describe('a bundle dated in the future', () => {
  const now = Date.parse('2026-11-21T00:00:00Z')

  it('is refused more than a day ahead of this PC\'s clock, with the date in WIB and what to check', () => {
    let e: unknown
    try {
      assertNotFromFuture({ createdAt: '2026-11-23T09:05:00.000Z' }, now)
    } catch (x) {
      e = x
    }
    expect((e as { shape?: unknown }).shape).toEqual({
      code: 'invalid_input',
      message:
        'Paket ini bertanggal 23 November 2026 pukul 16.05 WIB, lebih dari sehari di depan jam komputer ini. Jam komputer pengirim atau komputer ini tampaknya salah: periksa tanggal dan jamnya, lalu buat/impor paket lagi.',
    })
  })

  it('tells the date on the wall clock of the office importing it: a Jayapura office reads WIT', () => {
    expect(() => assertNotFromFuture({ createdAt: '2026-11-23T09:05:00.000Z' }, now, ZONA_WAKTU.WIT)).toThrow(
      'Paket ini bertanggal 23 November 2026 pukul 18.05 WIT, lebih dari sehari',
    )
  })

  it('is let through within a day ahead (clocks a little off), and when in the past', () => {
    expect(() => assertNotFromFuture({ createdAt: new Date(now + 24 * 3600_000).toISOString() }, now)).not.toThrow()
    expect(() => assertNotFromFuture({ createdAt: new Date(now + 24 * 3600_000 + 1).toISOString() }, now)).toThrow(/lebih dari sehari/)
    expect(() => assertNotFromFuture({ createdAt: '2020-01-01T00:00:00.000Z' }, now)).not.toThrow()
  })
})
