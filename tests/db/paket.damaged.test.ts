// Damaged and foreign paket: every one is refused with an Indonesian message that says what to
// do, and the receiving database is left exactly as it was (same digest, nothing recorded).

import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import yazl from 'yazl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { readPaket, SEAL_PLACEHOLDER, sealEntries, sealFile } from '../../electron/core/sync/paket'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { errorOf, type TestDb } from '../fixtures/db'
import { fingerprintOf, kelurahanPaketForKota, type createStick } from '../fixtures/offices'
import { zipEntries } from '../fixtures/zip'
import { contentKeyOpener, ownKeys } from '../../electron/core/features/kunci/kunci.service'
import { signEd25519 } from '../../electron/core/sync/crypto'

let kel: TestDb
let kota: TestDb
let stick: ReturnType<typeof createStick>
let good: string
/** The good paket's entries, opened (plain), and the bytes stored for each (sealed). */
let entries: Map<string, Buffer>
let stored: Map<string, { plain: Buffer; sealed: Buffer; size: number }>
let contentKey: Buffer
let bundleId: string
let kelKeys: Awaited<ReturnType<typeof ownKeys>>
let accept: string

beforeAll(async () => {
  const sent = await kelurahanPaketForKota()
  kel = sent.kel
  kota = sent.kota
  stick = sent.stick
  good = sent.paket
  const opener = await contentKeyOpener(kota.db)
  const sealedOnly = await readPaket(good)
  contentKey = opener(sealedOnly.manifest)
  bundleId = sealedOnly.manifest.bundleId
  const content = await readPaket(good, undefined, () => contentKey)
  kelKeys = await ownKeys(kel.db)
  accept = await fingerprintOf(good)
  entries = new Map<string, Buffer>([['manifest.json', Buffer.from(JSON.stringify(content.manifest))]])
  for (const [t, b] of content.records) entries.set(`records/${t}.ndjson`, b)
  if (content.catalogue) entries.set('reference/catalogue.ndjson', content.catalogue)
  const raw = await zipEntries(good)
  stored = new Map()
  for (const e of content.manifest.entries) stored.set(e.path, { plain: entries.get(e.path)!, sealed: raw.get(e.path)!, size: e.size! })
})

afterAll(async () => {
  await kel.cleanup()
  await kota.cleanup()
  stick.cleanup()
})

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/**
 * A paket of the given (plain) entries, sealed with the good paket's content key as a forger
 * holding the kelurahan's keys could; an entry equal to the good one keeps its sealed bytes.
 * `fixManifest` recomputes the manifest's list so only the content is wrong; `raw` replaces
 * stored bytes as they are (ciphertext tampering).
 */
async function zipOf(
  files: Map<string, Buffer>,
  opts: { fixManifest?: boolean; keepSignature?: boolean; manifest?: (m: Record<string, unknown>) => void; raw?: Map<string, Buffer> } = {},
): Promise<string> {
  const out = new Map<string, Buffer>()
  const sizes = new Map<string, number>()
  for (const [path, data] of files) {
    if (path === 'manifest.json' || path === 'manifest.sig') {
      out.set(path, data)
      continue
    }
    const known = stored.get(path)
    const sealed = known && known.plain.equals(data) ? known : { sealed: sealEntries(bundleId, [{ path, data }], contentKey)[0]!.data, size: data.length }
    out.set(path, opts.raw?.get(path) ?? sealed.sealed)
    sizes.set(path, sealed.size)
  }
  if (opts.fixManifest || opts.manifest) {
    const m = JSON.parse(out.get('manifest.json')!.toString()) as Record<string, unknown>
    if (opts.fixManifest) {
      m.entries = [...out.keys()]
        .filter((k) => k !== 'manifest.json' && k !== 'manifest.sig')
        .map((path) => ({ path, sha256: sha(out.get(path)!), bytes: out.get(path)!.length, size: sizes.get(path)! }))
    }
    opts.manifest?.(m)
    out.set('manifest.json', Buffer.from(JSON.stringify(m)))
  }
  // Signed again with the kelurahan's own key, as a forger holding it could: what refuses these
  // is the content check, not the signature (the signature cases are below).
  if (!opts.keepSignature && out.has('manifest.json')) out.set('manifest.sig', Buffer.from(signEd25519(kelKeys.signing, out.get('manifest.json')!), 'latin1'))
  const zip = new yazl.ZipFile()
  for (const [name, data] of out) zip.addBuffer(data, name)
  zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false })
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  return sealed(Buffer.concat(chunks))
}

/**
 * Written and sealed as a paket writer would: the damage below is inside a file whose seal
 * is right (someone who rebuilt the zip on purpose), so the deeper checks are what refuse it.
 */
async function sealed(bytes: Buffer): Promise<string> {
  const path = join(stick.folder, `t${Math.random().toString(36).slice(2)}.simpul`)
  writeFileSync(path, bytes)
  await sealFile(path, bytes.length)
  return path
}

function fileWith(bytes: Buffer): string {
  const path = join(stick.folder, `t${Math.random().toString(36).slice(2)}.simpul`)
  writeFileSync(path, bytes)
  return path
}

/** Imports `path` into the kota and checks it is refused and nothing changed; returns the message. */
async function refused(path: string): Promise<string> {
  const before = await replicatedDigest(kota.db)
  const counts = async () =>
    Promise.all(['paket_received', 'office', 'sync_conflict', 'kader_duplicate'].map(async (t) => (await kota.db.selectFrom(t as 'office').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
  const tablesBefore = await counts()
  const e = await errorOf(() => importPaketFile(kota.db, path, { apply: true, acceptFingerprint: accept }))
  expect(e.message).not.toMatch(/Error|at \w+ \(|undefined|null/)
  expect(await replicatedDigest(kota.db)).toEqual(before)
  expect(await counts()).toEqual(tablesBefore)
  return e.message
}

describe('forged bundles', () => {
  it('refuses a manifest changed after signing, a missing or foreign signature, and a card that is not the signer', async () => {
    // Counts changed, the signature left as it was.
    const changed = await zipOf(entries, { fixManifest: true, keepSignature: true, manifest: (m) => void ((m.counts as Record<string, number>).kader = 2) })
    expect(await refused(changed)).toMatch(/Tanda tangan paket tidak cocok/)
    const noSig = new Map(entries)
    noSig.delete('manifest.sig')
    expect(await refused(await zipOf(noSig, { keepSignature: true }))).toMatch(/Tanda tangan paket tidak cocok/)
    // Signed by another office's key while naming the kelurahan.
    const other = await ownKeys(kota.db)
    const m = entries.get('manifest.json')!
    const foreignSig = new Map(entries)
    foreignSig.set('manifest.sig', Buffer.from(signEd25519(other.signing, m), 'latin1'))
    expect(await refused(await zipOf(foreignSig, { keepSignature: true }))).toMatch(/Tanda tangan paket tidak cocok/)
    // The kota's card put in the manifest, signed by the kota: the card does not name the sender.
    const swapped = await zipOf(entries, {
      manifest: (x) => {
        x.senderCard = { ...(x.senderCard as object), signingKey: other.signing.publicKey }
      },
    })
    expect(await refused(swapped)).toMatch(/Tanda tangan paket tidak cocok/)
  })

  it('asks a person to accept an unknown sender before anything is written', async () => {
    const before = await replicatedDigest(kota.db)
    const preview = await importPaketFile(kota.db, good, { apply: false })
    expect(preview.senderKey).toEqual({ fingerprint: accept, status: 'unknown' })
    const e = await errorOf(() => importPaketFile(kota.db, good, { apply: true }))
    expect(e).toMatchObject({ code: 'forbidden' })
    expect(e.message).toContain(accept)
    const wrong = await errorOf(() => importPaketFile(kota.db, good, { apply: true, acceptFingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' }))
    expect(wrong.code).toBe('forbidden')
    expect(await replicatedDigest(kota.db)).toEqual(before)
  })
})

describe('encrypted bundles', () => {
  it('keep names and NIKs out of the file; the manifest says only who, to whom and how many', async () => {
    const bytes = readFileSync(good)
    const kader = entries.get('records/kader.ndjson')!.toString().trim().split('\n').map((l) => JSON.parse(l) as { nik: string; name: string })
    for (const k of kader) {
      expect(bytes.includes(Buffer.from(k.nik))).toBe(false)
      expect(bytes.includes(Buffer.from(k.name))).toBe(false)
    }
    const { manifest } = await readPaket(good)
    expect(manifest.encryption!.recipients.map((r) => r.name)).toEqual(['Dinas Kesehatan Kota Tangerang'])
  })

  it('refuses tampered ciphertext, whether or not the manifest was fixed and signed again', async () => {
    const flipped = Buffer.from(stored.get('records/kader.ndjson')!.sealed)
    flipped[40] = flipped[40]! ^ 0x01
    const raw = new Map([['records/kader.ndjson', flipped]])
    expect(await refused(await zipOf(entries, { raw }))).toMatch(/tidak cocok dengan sidiknya/)
    expect(await refused(await zipOf(entries, { raw, fixManifest: true, keepSignature: true }))).toMatch(/Tanda tangan paket tidak cocok/)
    // A forger holding the sender's signing key, but not the content key: the cipher refuses it.
    expect(await refused(await zipOf(entries, { raw, fixManifest: true }))).toMatch(/tidak dapat dibuka dengan kunci paket/)
  })

  it('refuses a bundle for another office, and a wrapped key that was altered', async () => {
    const recipients = (m: Record<string, unknown>) => (m.encryption as { recipients: Record<string, unknown>[] }).recipients
    const elsewhere = await zipOf(entries, { manifest: (m) => void (recipients(m)[0]!.siteId = 'kantor-lain') })
    const e = await refused(elsewhere)
    expect(e).toMatch(/dikunci untuk Dinas Kesehatan Kota Tangerang, bukan untuk kantor ini/)
    const altered = await zipOf(entries, {
      manifest: (m) => {
        const w = Buffer.from(recipients(m)[0]!.wrappedKey as string, 'base64url')
        w[20] = w[20]! ^ 0x01
        recipients(m)[0]!.wrappedKey = w.toString('base64url')
      },
    })
    expect(await refused(altered)).toMatch(/kunci isi paket untuk kantor ini tidak dapat dibuka/)
  })

  it('refuses records sent in clear (only the kota\'s setup bundle travels unencrypted, without people)', async () => {
    const clear = new Map(entries)
    const m = JSON.parse(clear.get('manifest.json')!.toString()) as Record<string, unknown>
    m.encryption = null
    m.entries = [...clear.keys()].filter((k) => k !== 'manifest.json').map((path) => ({ path, sha256: sha(clear.get(path)!), bytes: clear.get(path)!.length }))
    const sig = Buffer.from(signEd25519(kelKeys.signing, Buffer.from(JSON.stringify(m))), 'latin1')
    const zip = new yazl.ZipFile()
    zip.addBuffer(Buffer.from(JSON.stringify(m)), 'manifest.json')
    zip.addBuffer(sig, 'manifest.sig')
    for (const [name, data] of clear) if (name !== 'manifest.json') zip.addBuffer(data, name)
    zip.end({ comment: SEAL_PLACEHOLDER, forceZip64Format: false })
    const chunks: Buffer[] = []
    for await (const c of zip.outputStream) chunks.push(c as Buffer)
    expect(await refused(await sealed(Buffer.concat(chunks)))).toMatch(/tidak terenkripsi/)
  })
})

describe('damaged bundles', () => {
  it('the good bundle imports (the cases below differ from it in one way each)', async () => {
    const again = await zipOf(entries, { fixManifest: true })
    const s = await importPaketFile(kota.db, again, { apply: false })
    expect(s.kinds.find((k) => k.kind === 'kader')!.new).toBe(3)
  })

  it('refuses a truncated file (a stick pulled mid-copy)', async () => {
    const bytes = readFileSync(good)
    for (const cut of [10, Math.floor(bytes.length / 2), bytes.length - 5]) {
      expect(await refused(fileWith(bytes.subarray(0, cut)))).toMatch(/Paket rusak atau tidak lengkap/)
    }
  })

  it('refuses flipped bytes anywhere in the file, even in bytes the zip itself ignores', async () => {
    const bytes = readFileSync(good)
    for (const at of [0, 10, 40, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 90, bytes.length - 30, bytes.length - 1]) {
      const copy = Buffer.from(bytes)
      copy[at] = copy[at]! ^ 0xff
      expect(await refused(fileWith(copy))).toMatch(/Paket rusak|bukan paket/)
    }
  })

  it('refuses an entry missing, an entry added, or an entry whose content changed', async () => {
    const missing = new Map(entries)
    missing.delete('records/kader.ndjson')
    expect(await refused(await zipOf(missing))).toMatch(/records\/kader\.ndjson hilang/)

    const added = new Map(entries)
    added.set('records/kader.ndjson.bak', Buffer.from('x'))
    expect(await refused(await zipOf(added, { fixManifest: true }))).toMatch(/bagian asing/)

    const unlisted = new Map(entries)
    unlisted.set('files/' + sha(Buffer.from('foto')), Buffer.from('foto'))
    expect(await refused(await zipOf(unlisted))).toMatch(/tidak tercantum/)

    const changed = new Map(entries)
    changed.set('records/kader.ndjson', Buffer.from(changed.get('records/kader.ndjson')!.toString().replace('Kader 1', 'Kader X')))
    expect(await refused(await zipOf(changed))).toMatch(/tidak cocok dengan sidiknya/)
  })

  it('refuses wrong counts', async () => {
    expect(
      await refused(
        await zipOf(entries, {
          fixManifest: true,
          manifest: (m) => {
            ;(m.counts as Record<string, number>).kader = 4
          },
        }),
      ),
    ).toMatch(/jumlah data/)
  })

  it('refuses a newer format or schema with "perbarui", and foreign files', async () => {
    expect(await refused(await zipOf(entries, { manifest: (m) => void (m.formatVersion = 3) }))).toMatch(/Perbarui Simpul Posyandu/)
    expect(await refused(await zipOf(entries, { manifest: (m) => void (m.schemaVersion = 999) }))).toMatch(/Perbarui Simpul Posyandu/)
    expect(await refused(await zipOf(entries, { manifest: (m) => void (m.format = 'lain') }))).toMatch(/bukan paket Simpul Posyandu/)
    const noManifest = new Map(entries)
    noManifest.delete('manifest.json')
    expect(await refused(await zipOf(noManifest))).toMatch(/bukan paket Simpul Posyandu/)
    expect(await refused(fileWith(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')))).toMatch(/Paket rusak|bukan paket/)
    expect(await refused(fileWith(Buffer.alloc(0)))).toMatch(/Paket rusak|bukan paket/)
    expect(await refused(await zipOf(entries, { manifest: (m) => void (m.signature = 'palsu') }))).toMatch(/manifest/)
    expect(await refused(await zipOf(entries, { manifest: (m) => void (m.formatVersion = 1) }))).toMatch(/versi lama/)
  })

  it('refuses ../ and absolute paths inside the zip', async () => {
    for (const name of ['../x', '../../etc/passwd', '/etc/passwd', 'records/../../x', 'C:\\x']) {
      const bytes = await zipRaw([{ name, data: Buffer.from('x') }])
      expect(await refused(await sealed(bytes))).toMatch(/Paket rusak|berbahaya/)
    }
  })

  it('refuses an entry that would inflate to gigabytes, declared or not', async () => {
    // Declared: 3 GB in the headers (never inflated: refused on the declared size).
    const zeros = Buffer.alloc(8 * 1024 * 1024)
    const declared = await zipRaw([{ name: 'records/kader.ndjson', data: zeros, declare: 3 * 1024 ** 3 }])
    expect(await refused(await sealed(declared))).toMatch(/terlalu besar/)
    // Lying: headers say 100 bytes, the stream inflates to 8 MB (cut off at 100).
    const lying = await zipRaw([{ name: 'manifest.json', data: zeros, declare: 100 }])
    expect(await refused(await sealed(lying))).toMatch(/Paket rusak/)
  })

  it('refuses invalid UTF-8 and records failing validation', async () => {
    const bad = new Map(entries)
    bad.set('records/kader.ndjson', Buffer.concat([bad.get('records/kader.ndjson')!, Buffer.from([0xff, 0xfe, 0x0a])]))
    expect(await refused(await zipOf(bad, { fixManifest: true, manifest: (m) => void ((m.counts as Record<string, number>).kader = 4) }))).toMatch(/UTF-8/)

    const lines = entries.get('records/kader.ndjson')!.toString().trim().split('\n')
    const mutate = async (f: (r: Record<string, unknown>) => void) => {
      const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
      f(rows[1]!)
      const m = new Map(entries)
      m.set('records/kader.ndjson', Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'))
      return refused(await zipOf(m, { fixManifest: true }))
    }
    expect(await mutate((r) => void (r.nik = '123'))).toMatch(/NIK/)
    expect(await mutate((r) => void (r.name = null))).toMatch(/name/)
    expect(await mutate((r) => void (r.extra = 1))).toMatch(/kolom/)
    expect(await mutate((r) => void (r.birth_date = '12-04-1985'))).toMatch(/birth_date/)
    expect(await mutate((r) => void (r.version = 'kemarin'))).toMatch(/versi/)
    expect(await mutate((r) => void (r.field_versions = '{"name": 5}'))).toMatch(/versi per kolom/)
    expect(await mutate((r) => void (r.deleted = 2))).toMatch(/hapus/)
    expect(await mutate((r) => void (r.id = 'x'))).toMatch(/pengenal/)
  })
})

/**
 * A zip written byte by byte, for what yazl refuses to write: names with ../ or absolute paths,
 * and headers that lie about the inflated size.
 */
async function zipRaw(files: { name: string; data: Buffer; declare?: number }[]): Promise<Buffer> {
  const { crc32 } = await import('node:zlib')
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8')
    const comp = deflateRawSync(f.data)
    const size = Math.min(f.declare ?? f.data.length, 0xfffffffe)
    const crc = crc32(f.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(comp.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(comp.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, comp)
    centrals.push(central, name)
    offset += 30 + name.length + comp.length
  }
  const cd = Buffer.concat(centrals)
  const comment = Buffer.from(SEAL_PLACEHOLDER, 'latin1')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  end.writeUInt16LE(comment.length, 20)
  return Buffer.concat([...locals, cd, end, comment])
}
