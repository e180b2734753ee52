// Terima telling setup paket apart: the newest from the Dinas marked, an older one marked as
// replaced (by a newer one on the stick or imported already), data paket never; and a paket's
// file name stamped on the office's own clock, the one its screens show.

import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { siteSetupInput } from '../../shared/contract'
import { capFile, jamDinding, waktu } from '../../shared/domain/tanggal'
import { ZONA_WAKTU } from '../../shared/domain/zona-waktu'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { importPaket, scanFolder } from '../../electron/core/features/paket/paket.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { createTestDb, makeKader, makePosyandu } from '../fixtures/db'
import { fingerprintOf, introduce, officesPerTest } from '../fixtures/offices'

const HOUR = 3_600_000

describe('setup paket on the stick', () => {
  const { office, stick } = officesPerTest()

  it('marks the newest from the Dinas, the older as replaced, and keeps that after the newest is imported', async () => {
    const kota = await office('kota')
    const pkm = await office('puskesmas')
    const folder = stick()
    const now = Date.now()
    const older = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true }, undefined, now - 2 * HOUR)
    const newer = await exportPaketFile(kota.db, { folder, destination: 'pembinaan', full: true }, undefined, now - HOUR)

    const byName = async () => new Map((await scanFolder(pkm.db, { folder })).map((f) => [f.fileName, f]))
    let files = await byName()
    expect(files.get(newer.fileName)).toMatchObject({ mark: 'newest', importedAt: null, manifest: { kind: 'pembinaan' } })
    expect(files.get(older.fileName)).toMatchObject({ mark: 'superseded', importedAt: null })
    // Newest first.
    expect((await scanFolder(pkm.db, { folder })).map((f) => f.fileName)).toEqual([newer.fileName, older.fileName])

    await importPaket(pkm.db, { path: newer.path, acceptFingerprint: await fingerprintOf(newer.path) })
    files = await byName()
    expect(files.get(newer.fileName)!.importedAt).not.toBeNull()
    expect(files.get(newer.fileName)!.mark).toBe('newest')
    expect(files.get(older.fileName)).toMatchObject({ mark: 'superseded', importedAt: null })

    // At the Dinas itself, its own copies are told apart the same way (which one to copy on).
    const own = new Map((await scanFolder(kota.db, { folder })).map((f) => [f.fileName, f]))
    expect(own.get(newer.fileName)).toMatchObject({ own: true, mark: 'newest' })
    expect(own.get(older.fileName)).toMatchObject({ own: true, mark: 'superseded' })
  })

  it('marks a setup paket replaced by a newer one imported earlier, even when that one is no longer on the stick', async () => {
    const kota = await office('kota')
    const kel = await office('kelurahan')
    const first = stick()
    const second = stick()
    const now = Date.now()
    const older = await exportPaketFile(kota.db, { folder: first, destination: 'pembinaan', full: true }, undefined, now - 3 * HOUR)
    const newer = await exportPaketFile(kota.db, { folder: second, destination: 'pembinaan', full: true }, undefined, now - HOUR)
    await importPaket(kel.db, { path: newer.path, acceptFingerprint: await fingerprintOf(newer.path) })
    const [only] = await scanFolder(kel.db, { folder: first })
    expect(only).toMatchObject({ fileName: older.fileName, mark: 'superseded', importedAt: null })
    // A copy of the one imported, under another name: the same paket, marked as such.
    copyFileSync(newer.path, join(first, 'salinan.simpul'))
    const copy = (await scanFolder(kel.db, { folder: first })).find((f) => f.fileName === 'salinan.simpul')!
    expect(copy.mark).toBe('newest')
    expect(copy.importedAt).not.toBeNull()
  })

  it('never marks data paket: each carries changes of its own', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await introduce(kel, pkm)
    const folder = stick()
    const p = await makePosyandu(kel.db)
    await makeKader(kel.db, p.id, { name: 'Kader Satu' })
    const now = Date.now()
    await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false }, undefined, now - 2 * HOUR)
    await makeKader(kel.db, p.id, { name: 'Kader Dua' })
    await exportPaketFile(kel.db, { folder, destination: 'level:puskesmas', full: false }, undefined, now - HOUR)
    const files = await scanFolder(pkm.db, { folder })
    expect(files).toHaveLength(2)
    expect(files.map((f) => [f.manifest?.kind, f.mark])).toEqual([
      ['data', null],
      ['data', null],
    ])
  })
})

describe('paket file names', () => {
  const { stick } = officesPerTest()

  it('are stamped on the office’s own clock (WITA in Bali), the time its screens show', async () => {
    const t = await createTestDb()
    try {
      await setupSite(t.db, siteSetupInput.parse({ level: 'kota', areaCode: '51.71', name: 'Dinas Kesehatan Kota Denpasar' }))
      const folder = stick()
      // 16.40 UTC is 23.40 WIB and already 00.40 the next day in WITA.
      const at = Date.UTC(2026, 11, 6, 16, 40, 0)
      const out = await exportPaketFile(t.db, { folder, destination: 'pembinaan', full: true }, undefined, at)
      expect(out.fileName).toBe(`simpul_dinas-kesehatan-kota-denpasar_ke_semua-kantor-di-kota-denpasar_${capFile(new Date(at), ZONA_WAKTU.WITA)}.simpul`)
      expect(out.fileName).toContain('_20261207-0040')
      // The screen (Terima, Riwayat) shows the manifest's time in the same zone: the same minute.
      const [file] = await scanFolder(t.db, { folder })
      const shown = waktu(file!.manifest!.createdAt, ZONA_WAKTU.WITA)
      expect(shown).toBe('7 Desember 2026 00.40 WITA')
      const w = jamDinding(new Date(file!.manifest!.createdAt), ZONA_WAKTU.WITA)
      expect(out.fileName).toContain(`_${w.date.replaceAll('-', '')}-${w.hh}${w.mm}`)
    } finally {
      await t.cleanup()
    }
  })
})
