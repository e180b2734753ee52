// One identity per PC: a database copied to another PC, or a backup restored over a newer state,
// gets a new site id and new keys when the desktop app opens it; the data stays as it was.

import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { ownCard } from '../../electron/core/features/kunci/kunci.service'
import { exportPaket, previewPaket } from '../../electron/core/features/paket/paket.service'
import { checkInstallation, lastRenewal, recordInstallation, thisHost } from '../../electron/core/features/site/installation'
import { acknowledgeRenewal, getSite } from '../../electron/core/features/site/site.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { introduce, officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()
const place = (t: TestDb, host = thisHost()) => ({ host, markerFile: join(t.dir, 'instalasi.json') })

describe('installation identity', () => {
  it('stays the same on the PC it was set up on, start after start', async () => {
    const kel = await office('kelurahan')
    const id = await siteIdOf(kel)
    expect(await checkInstallation(kel.db, place(kel))).toBeNull()
    expect(existsSync(place(kel).markerFile)).toBe(true)
    await makePosyandu(kel.db)
    await recordInstallation(kel.db, place(kel))
    expect(await checkInstallation(kel.db, place(kel))).toBeNull()
    // A lost marker file is not a copy: it is written again.
    rmSync(place(kel).markerFile)
    expect(await checkInstallation(kel.db, place(kel))).toBeNull()
    expect(await siteIdOf(kel)).toBe(id)
    expect((await getSite(kel.db))!.identityRenewal).toBeNull()
  })

  it('a database copied to another PC gets a new site id and keys; its data and the original are untouched', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    await introduce(kel, pkm)
    await checkInstallation(kel.db, place(kel))
    const p = await makePosyandu(kel.db)
    const k = (await makeKader(kel.db, p.id)).kader
    const oldId = await siteIdOf(kel)
    const oldCard = await ownCard(kel.db)
    const folder = { folder: stick() }
    await exportPaket(kel.db, { folder: folder.folder, destination: 'level:puskesmas', full: false })

    // The file is copied to a second PC and opened there.
    const copyFile = join(kel.dir, 'salinan.sqlite')
    await snapshot(kel, copyFile)
    const copy = await openDatabase(copyFile)
    try {
      const digest = await replicatedDigest(copy)
      const renewal = await checkInstallation(copy, { host: 'pc-kedua', markerFile: join(kel.dir, 'instalasi-pc2.json') })
      expect(renewal).toMatchObject({ reason: 'salinan', previousSiteId: oldId })
      const newId = (await copy.selectFrom('site').select('id').executeTakeFirstOrThrow()).id
      expect(newId).not.toBe(oldId)
      expect(renewal!.siteId).toBe(newId)
      // Same records, still owned by the identity that made them, which is now an office heard of.
      expect(await replicatedDigest(copy)).toEqual(digest)
      expect((await copy.selectFrom('kader').select('site_id').where('id', '=', k.id).executeTakeFirstOrThrow()).site_id).toBe(oldId)
      expect(await copy.selectFrom('office').select(['site_id', 'name']).where('site_id', '=', oldId).executeTakeFirst()).toEqual({
        site_id: oldId,
        name: 'Kantor Kelurahan Sukarasa (identitas lama)',
      })
      // New keys (the copied private keys are gone), no watermarks: the next paket carries everything.
      const card = await ownCard(copy)
      expect(card.signingKey).not.toBe(oldCard.signingKey)
      expect(card.siteId).toBe(newId)
      expect(await copy.selectFrom('paket_sent').selectAll().execute()).toEqual([])
      // The Puskesmas sees a new office and asks a person before trusting it.
      const b = await exportPaket(copy, { folder: folder.folder, destination: 'level:puskesmas', full: false })
      expect(b.full).toBe(true)
      const preview = await previewPaket(pkm.db, { path: b.path })
      expect(preview.senderKey.status).toBe('unknown')
      expect(preview.manifest.sender.siteId).toBe(newId)
      // The screens tell the person once, until read.
      expect((await getSite(copy))!.identityRenewal).toMatchObject({ reason: 'salinan' })
      expect((await acknowledgeRenewal(copy)).identityRenewal).toBeNull()
      expect(await lastRenewal(copy)).toMatchObject({ reason: 'salinan' })
      // Opened again on the second PC: no further change.
      expect(await checkInstallation(copy, { host: 'pc-kedua', markerFile: join(kel.dir, 'instalasi-pc2.json') })).toBeNull()
    } finally {
      await closeDatabase(copy)
    }
    // The original PC keeps its identity.
    expect(await checkInstallation(kel.db, place(kel))).toBeNull()
    expect(await siteIdOf(kel)).toBe(oldId)
  })

  it('a backup restored over a newer state gets a new identity too', async () => {
    const kel = await office('kelurahan')
    await checkInstallation(kel.db, place(kel))
    const file = join(kel.dir, 'kerja.sqlite')
    const backup = join(kel.dir, 'cadangan.sqlite')
    await snapshot(kel, file)
    let work = await openDatabase(file)
    try {
      expect(await checkInstallation(work, place(kel))).toBeNull()
      const oldId = (await work.selectFrom('site').select('id').executeTakeFirstOrThrow()).id
      await sql`vacuum into ${backup}`.execute(work)
      // Work goes on after the backup; the app closes normally.
      await makePosyandu(work)
      await recordInstallation(work, place(kel))
      await closeDatabase(work)
      // Someone copies the old backup over the database.
      for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
      copyFileSync(backup, file)
      work = await openDatabase(file)
      const renewal = await checkInstallation(work, place(kel))
      expect(renewal).toMatchObject({ reason: 'cadangan', previousSiteId: oldId })
      expect((await work.selectFrom('site').select('id').executeTakeFirstOrThrow()).id).not.toBe(oldId)
      expect(await checkInstallation(work, place(kel))).toBeNull()
    } finally {
      await closeDatabase(work)
    }
  })
})

/** A consistent copy of an office's database file, as copying it with the app closed would give. */
async function snapshot(t: TestDb, to: string): Promise<void> {
  await sql`vacuum into ${to}`.execute(t.db)
}
