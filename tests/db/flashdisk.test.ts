// Cadangkan ke flashdisk: the recovery code, the encrypted copy in a chosen folder and the way back
// from it. Real SQLite files in temp folders; the "flashdisk" is a temp folder.

import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { listBackups } from '../../electron/core/features/cadangan/cadangan.service'
import { cadanganState, copyToFolder, decryptFile, lastCopy, restoreEncrypted } from '../../electron/core/features/cadangan/flashdisk'
import { kartuPemulihan } from '../../electron/core/features/cadangan/kartu-pemulihan.html'
import { CODE_LENGTH, codeConfirmedAt, confirmCode, normalizeCode, recoveryCode } from '../../electron/core/features/cadangan/kode'
import type { KeyVault } from '../../electron/core/features/kunci/kunci.service'
import type { DriveProbe } from '../../electron/core/features/paket/drives'
import { createDispatcher } from '../../electron/core/ipc/dispatch'
import type { Host } from '../../electron/core/ipc/types'
import type { CadanganState, PrintDocument } from '../../shared/contract'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'

const open: TestDb[] = []
afterEach(async () => {
  // Tests close and reopen t.db (a restore needs the file closed): close whichever is current.
  for (const t of open.splice(0)) {
    await closeDatabase(t.db).catch(() => undefined)
    rmSync(t.dir, { recursive: true, force: true })
  }
})

/** A kelurahan with one Posyandu and one kader whose NIK and name the tests look for. */
async function office(): Promise<TestDb & { nik: string; stick: string }> {
  const t = await createTestDb()
  open.push(t)
  await setUpKelurahan(t.db)
  const p = await makePosyandu(t.db)
  await makeKader(t.db, p.id, { name: 'Wulandari Kusumawati' })
  const { nik } = await t.db.selectFrom('kader').select('nik').executeTakeFirstOrThrow()
  expect(nik).toMatch(/^\d{16}$/)
  // Under a fake media folder, as a flashdisk is mounted on Linux (the drive probe's roots).
  const stick = join(t.dir, 'media', 'FLASHDISK')
  mkdirSync(stick, { recursive: true })
  return { ...t, nik, stick }
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A reversible stand-in for the OS key store; `id` tells two PCs apart. */
function fakeVault(id: string): KeyVault {
  return {
    scheme: 'os',
    seal: (plain) => Buffer.from(`${id}|${plain}`).toString('base64'),
    open: (sealed) => {
      const [who, plain] = Buffer.from(sealed, 'base64').toString().split('|')
      if (who !== id) throw new Error('not this PC')
      return plain!
    },
  }
}

describe('recovery code', () => {
  it('is 120 bits of Crockford base32 in six groups of four, made once and then the same', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/)
    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(120)
    expect(await recoveryCode(t.db)).toBe(code)
    const other = await createTestDb()
    open.push(other)
    expect(await recoveryCode(other.db)).not.toBe(code)
  })

  it('is read back in lower case, without dashes, with spaces, and with O, I and L for 0 and 1', () => {
    const canonical = '0123456789ABCDEFGHJKMNPQ'
    expect(normalizeCode('0123-4567-89AB-CDEF-GHJK-MNPQ')).toBe(canonical)
    expect(normalizeCode('0123456789abcdefghjkmnpq')).toBe(canonical)
    expect(normalizeCode(' 0123 4567 89ab cdef ghjk mnpq ')).toBe(canonical)
    expect(normalizeCode('o123-4567-89AB-CDEF-GHJK-MNPQ')).toBe(canonical)
    expect(normalizeCode('0I23-4567-89AB-CDEF-GHJK-MNPQ')).toBe(canonical)
    expect(normalizeCode('0l23-4567-89AB-CDEF-GHJK-MNPQ')).toBe(canonical)
    expect(normalizeCode('0123-4567-89AB-CDEF-GHJK-MNP')).toBeNull()
    expect(normalizeCode('U123-4567-89AB-CDEF-GHJK-MNPQ')).toBeNull()
  })

  it('is sealed by the desktop vault at rest, locked for a host without it, and renewed on another PC', async () => {
    const t = await office()
    await closeDatabase(t.db)
    const desktop = await openDatabase(t.file, { keyVault: fakeVault('pc-1') })
    const code = await recoveryCode(desktop)
    await confirmCode(desktop)
    await closeDatabase(desktop)

    const raw = new SqliteDatabase(t.file, { readonly: true })
    const stored = raw.prepare("select value from setting where key = 'cadangan.kode'").pluck().get() as string
    raw.close()
    expect(stored.startsWith('sealed:os:')).toBe(true)
    expect(stored).not.toContain(code)

    const cli = await openDatabase(t.file)
    expect(await errorOf(() => recoveryCode(cli))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('terkunci oleh aplikasi desktop') })
    await closeDatabase(cli)

    const samePc = await openDatabase(t.file, { keyVault: fakeVault('pc-1') })
    expect(await recoveryCode(samePc)).toBe(code)
    await closeDatabase(samePc)

    // A restored copy on a new PC: the old code cannot be read there, so a new one has to be kept.
    const newPc = await openDatabase(t.file, { keyVault: fakeVault('pc-2') })
    const renewed = await recoveryCode(newPc)
    expect(renewed).not.toBe(code)
    expect(await codeConfirmedAt(newPc)).toBeNull()
    expect(await recoveryCode(newPc)).toBe(renewed)
    t.db = newPc
  })

  it('a code kept in clear (made by the CLI) is sealed the first time the desktop reads it', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    await closeDatabase(t.db)
    const desktop = await openDatabase(t.file, { keyVault: fakeVault('pc-1') })
    t.db = desktop
    expect(await recoveryCode(desktop)).toBe(code)
    const row = await desktop.selectFrom('setting').select('value').where('key', '=', 'cadangan.kode').executeTakeFirstOrThrow()
    expect(row.value).toMatch(/^sealed:os:/)
  })

  it('shows the notice on the desktop until the person confirms, never on other hosts', async () => {
    const t = await office()
    expect((await cadanganState(t.db, { desktop: true })).noticePending).toBe(true)
    expect((await cadanganState(t.db, { desktop: false })).noticePending).toBe(false)
    await confirmCode(t.db, '2026-12-06T10:00:00.000Z')
    const s = await cadanganState(t.db, { desktop: true })
    expect(s).toMatchObject({ noticePending: false, codeConfirmedAt: '2026-12-06T10:00:00.000Z', lastCopy: null, copyWarning: 'never' })
  })

  it('through the bridge of the desktop (a host) the notice is pending until confirmCode, and the card prints', async () => {
    const t = await office()
    const host: Host = { savePdf: async () => null, chooseFolder: async () => null, chooseFile: async () => null }
    const desktop = createDispatcher({ db: t.db, emit: () => {}, host })
    const preview = createDispatcher({ db: t.db, emit: () => {} })
    const value = async <T>(p: Promise<{ ok: boolean; value?: unknown }>) => {
      const r = await p
      expect(r.ok).toBe(true)
      return r.value as T
    }
    expect((await value<CadanganState>(desktop('cadangan:state', {}))).noticePending).toBe(true)
    expect((await value<CadanganState>(preview('cadangan:state', {}))).noticePending).toBe(false)
    const { code } = await value<{ code: string }>(desktop('cadangan:code', {}))
    expect(code).toBe(await recoveryCode(t.db))
    const doc = await value<PrintDocument>(desktop('print:document', { kind: 'kartuPemulihan' }))
    expect(doc.html).toContain(code)
    const after = await value<CadanganState>(desktop('cadangan:confirmCode', {}))
    expect(after.noticePending).toBe(false)
    expect(after.codeConfirmedAt).not.toBeNull()
    expect(await value<CadanganState>(desktop('cadangan:state', {}))).toMatchObject({ noticePending: false })
  })

  it('prints on the kartu pemulihan with the office, its area, the date and how to restore', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    const doc = await kartuPemulihan(t.db, { today: '2026-12-06' })
    expect(doc.fileName).toBe('Kartu Pemulihan - Kantor Kelurahan Sukarasa.pdf')
    expect(doc.html).toContain(`<div class="code">${code}</div>`)
    expect(doc.html).toContain('Kantor Kelurahan Sukarasa')
    expect(doc.html).toContain('Sukarasa')
    expect(doc.html).toContain('6 Desember 2026')
    expect(doc.html).toContain('cadangan pulihkan --db')
    expect(doc.html).toContain('--kode KODE')
    expect(doc.html).toContain('Stempel kantor')
    expect(doc.html).not.toMatch(/<script/i)
  })
})

/** The drives under the test's fake media folder, as Linux shows /media/<LABEL>. */
function mediaProbe(t: TestDb): DriveProbe {
  return { platform: 'linux', roots: [join(t.dir, 'media')], user: 'ani', mountPoints: async () => null, run: () => Promise.reject(new Error('none')) }
}

describe('copy to the flashdisk', () => {
  it('offers the flashdisk, never the home folder, and asks before writing to a folder on the PC', async () => {
    const t = await office()
    // Nothing plugged in and no copy yet: nothing offered.
    expect((await cadanganState(t.db, { desktop: false, probe: { ...mediaProbe(t), roots: [join(t.dir, 'tidak-ada')] } })).copyFolder).toBe('')
    // The one flashdisk plugged in.
    expect((await cadanganState(t.db, { desktop: false, probe: mediaProbe(t) })).copyFolder).toBe(t.stick)

    const pc = join(t.dir, 'dokumen')
    mkdirSync(pc)
    const e = await errorOf(() => copyToFolder(t.db, pc, { askIfNotRemovable: true, probe: mediaProbe(t) }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'removable' })
    expect(e.message).toContain('Folder ini bukan flashdisk')
    expect(readdirSync(pc)).toEqual([])
    // Confirmed: written there, and said to be no flashdisk.
    const onPc = await copyToFolder(t.db, pc, { probe: mediaProbe(t) })
    expect(onPc.removable).toBe(false)
    // The last folder was on the PC: the next copy starts on the stick again.
    expect((await cadanganState(t.db, { desktop: false, probe: mediaProbe(t) })).copyFolder).toBe(t.stick)
    const onStick = await copyToFolder(t.db, t.stick, { askIfNotRemovable: true, probe: mediaProbe(t) })
    expect(onStick.removable).toBe(true)
    expect(readdirSync(t.stick)).toEqual([onStick.fileName])
  })

  it('writes one encrypted, verified copy with no NIK, name or SQLite header in clear, and records when it left', async () => {
    const t = await office()
    const c = await copyToFolder(t.db, t.stick, { nowMs: Date.parse('2026-12-06T09:30:15.000Z') })
    expect(c).toMatchObject({
      fileName: 'cadangan-kantor-kelurahan-sukarasa-20261206-163015.simpul-cadangan',
      path: join(t.stick, 'cadangan-kantor-kelurahan-sukarasa-20261206-163015.simpul-cadangan'),
      folder: t.stick,
      createdAt: '2026-12-06T09:30:15.000Z',
      verified: true,
    })
    expect(readdirSync(t.stick)).toEqual([c.fileName])
    expect(c.bytes).toBe(statSync(c.path).size)

    const bytes = readFileSync(c.path)
    // The same search finds all three in the plain backup taken for the copy: it is a fair search.
    const plain = readFileSync((await listBackups(t.db))[0]!.path)
    for (const needle of [t.nik, 'Wulandari Kusumawati', 'SQLite format 3']) {
      expect(plain.includes(Buffer.from(needle, 'latin1'))).toBe(true)
      expect(bytes.includes(Buffer.from(needle, 'latin1'))).toBe(false)
    }
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SIMPUL-CADANGAN\n')

    expect(await lastCopy(t.db)).toEqual({ at: c.createdAt, folder: t.stick, path: c.path })
    expect((await cadanganState(t.db, { desktop: false })).lastCopy).toEqual({ at: c.createdAt, folder: t.stick, path: c.path })
    expect((await cadanganState(t.db, { desktop: false, probe: mediaProbe(t) })).copyFolder).toBe(t.stick)
    const day = 86_400_000
    expect((await cadanganState(t.db, { desktop: false, nowMs: Date.parse(c.createdAt) + 30 * day })).copyWarning).toBeNull()
    expect((await cadanganState(t.db, { desktop: false, nowMs: Date.parse(c.createdAt) + 31 * day })).copyWarning).toBe('stale')
  })

  it('clears the temp file a killed copy left on the stick, and leaves a young one (a copy in progress) alone', async () => {
    const t = await office()
    const old = join(t.stick, '.cadangan-kantor-20261201-080000.simpul-cadangan.0a1b2c3d.tmp')
    const young = join(t.stick, '.cadangan-kantor-20261206-080000.simpul-cadangan.4e5f6a7b.tmp')
    writeFileSync(old, 'setengah')
    writeFileSync(young, 'sedang ditulis')
    const hourAgo = new Date(Date.now() - 3_600_000)
    utimesSync(old, hourAgo, hourAgo)
    const c = await copyToFolder(t.db, t.stick)
    expect(readdirSync(t.stick).sort()).toEqual([young.split('/').pop(), c.fileName].sort())
  })

  it('says the flashdisk is missing for a folder that is not there, and writes nothing', async () => {
    const t = await office()
    const gone = join(t.stick, 'E')
    const e = await errorOf(() => copyToFolder(t.db, gone))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'folder' })
    expect(e.message).toContain('Pastikan flashdisk masih terpasang')
    expect(readdirSync(t.stick)).toEqual([])
    expect(await lastCopy(t.db)).toBeNull()
  })

  it('says what to do when the place chosen cannot take files, and leaves no half file', async () => {
    const t = await office()
    // A path that is a file, not a folder: the write of the temp file fails as on a stick that is
    // write-protected or gone (the tests run as root, for whom permission bits stop nothing).
    const notFolder = join(t.stick, 'E')
    writeFileSync(notFolder, '')
    const e = await errorOf(() => copyToFolder(t.db, notFolder))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'folder' })
    expect(e.message).toContain('tidak dapat ditulis')
    expect(e.message).toContain('Tidak ada salinan setengah jadi yang tertinggal')
    expect(readdirSync(t.stick)).toEqual(['E'])
    expect(await lastCopy(t.db)).toBeNull()
  })
})

describe('restore from the flashdisk copy', () => {
  it('round trip: the copy restored with the code holds the same records, onto a new path and over the current file', async () => {
    const t = await office()
    const before = await replicatedDigest(t.db)
    const code = await recoveryCode(t.db)
    const c = await copyToFolder(t.db, t.stick)

    const fresh = join(t.dir, 'pc-baru', 'simpul.sqlite')
    const r = await restoreEncrypted(fresh, c.path, code)
    expect(r).toEqual({ file: fresh, keptAside: null })
    const restored = await openDatabase(fresh)
    expect(await replicatedDigest(restored)).toEqual(before)
    await closeDatabase(restored)
    expect(readdirSync(join(t.dir, 'pc-baru'))).toEqual(['simpul.sqlite'])

    // Over the office's own file (closed first, as the CLI asks): the old file is kept aside.
    await makeKader(t.db, (await t.db.selectFrom('posyandu').select('id').executeTakeFirstOrThrow()).id, { name: 'Kader Sesudah Salinan' })
    await closeDatabase(t.db)
    const over = await restoreEncrypted(t.file, c.path, code, Date.parse('2026-12-06T11:00:00Z'))
    expect(over.keptAside).toBe(`${t.file}.sebelum-pulih-2026-12-06T11-00-00Z`)
    t.db = await openDatabase(t.file)
    expect(await replicatedDigest(t.db)).toEqual(before)
  })

  it('keeps aside the records a leftover WAL holds, and never lets that WAL touch the restored file', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    const c = await copyToFolder(t.db, t.stick)
    const inCopy = await replicatedDigest(t.db)
    // A PC that lost power: the file and a WAL whose last commit never reached the file.
    const raw = new SqliteDatabase(t.file)
    raw.pragma('wal_autocheckpoint = 0')
    raw.prepare("update kader set name = 'Hanya Di WAL'").run()
    const crashed = join(t.dir, 'padam.sqlite')
    copyFileSync(t.file, crashed)
    copyFileSync(`${t.file}-wal`, `${crashed}-wal`)
    raw.close()
    expect(statSync(`${crashed}-wal`).size).toBeGreaterThan(0)

    const r = await restoreEncrypted(crashed, c.path, code, Date.parse('2026-12-06T12:00:00Z'))
    expect(existsSync(`${crashed}-wal`)).toBe(false)
    const restored = await openDatabase(crashed)
    expect(await replicatedDigest(restored)).toEqual(inCopy)
    await closeDatabase(restored)
    const aside = new SqliteDatabase(r.keptAside!, { readonly: true })
    expect(aside.prepare('select name from kader').pluck().get()).toBe('Hanya Di WAL')
    aside.close()
  })

  it('accepts the code typed in lower case and without dashes', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    const c = await copyToFolder(t.db, t.stick)
    const target = join(t.dir, 'lain.sqlite')
    await restoreEncrypted(target, c.path, code.toLowerCase().replace(/-/g, ''))
    const db = new SqliteDatabase(target, { readonly: true })
    expect(db.prepare('select name from kader').pluck().get()).toBe('Wulandari Kusumawati')
    db.close()
  })

  it('a wrong code opens nothing and changes nothing', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    const c = await copyToFolder(t.db, t.stick)
    await closeDatabase(t.db)
    const fileBefore = sha(t.file)
    const filesBefore = readdirSync(t.dir).sort()
    const wrong = code.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))

    const e = await errorOf(() => restoreEncrypted(t.file, c.path, wrong))
    expect(e).toMatchObject({ code: 'forbidden', field: 'kode' })
    expect(e.message).toMatch(/^Kode pemulihan tidak cocok/)
    expect(sha(t.file)).toBe(fileBefore)
    expect(readdirSync(t.dir).sort()).toEqual(filesBefore)
    expect(await errorOf(() => decryptFile(c.path, 'bukan-kode'))).toMatchObject({ code: 'invalid_input', field: 'kode' })
    t.db = await openDatabase(t.file)
  })

  it('refuses a truncated copy, a changed byte and a changed header, changing nothing', async () => {
    const t = await office()
    const code = await recoveryCode(t.db)
    const c = await copyToFolder(t.db, t.stick)
    await closeDatabase(t.db)
    const fileBefore = sha(t.file)
    const bytes = readFileSync(c.path)

    const truncated = join(t.stick, 'terpotong.simpul-cadangan')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const flipped = join(t.stick, 'berubah.simpul-cadangan')
    const f = Buffer.from(bytes)
    f[Math.floor(f.length * 0.6)]! ^= 0x01
    writeFileSync(flipped, f)
    // The header names the time of the copy; changing it (AAD) breaks the tag like the content does.
    const header = join(t.stick, 'kepala.simpul-cadangan')
    writeFileSync(header, Buffer.from(bytes.toString('latin1').replace(/"createdAt":"\d{4}/, '"createdAt":"1999'), 'latin1'))

    for (const bad of [truncated, flipped, header]) {
      const e = await errorOf(() => restoreEncrypted(t.file, bad, code))
      expect(e.code).toBe('damaged')
      expect(e.message).toContain('rusak atau tidak lengkap')
      expect(sha(t.file)).toBe(fileBefore)
    }
    const notCopy = join(t.stick, 'bukan.simpul-cadangan')
    writeFileSync(notCopy, 'halo')
    expect((await errorOf(() => restoreEncrypted(t.file, notCopy, code))).message).toContain('bukan salinan cadangan Simpul Posyandu')
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    t.db = await openDatabase(t.file)
  })
})
