// A power cut in the middle of an import: the child process is killed (SIGKILL) while its
// transaction is writing; the database must open afterwards exactly as it was before.

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { exportPaketFile } from '../../electron/core/features/paket/export'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { createOffice, createStick, fingerprintOf, introduce } from '../fixtures/offices'

const root = join(__dirname, '..', '..')

describe('an import killed halfway', () => {
  it('leaves the database as it was', async () => {
    const stick = createStick()
    const pkm = await createOffice('puskesmas')
    const kota = await createOffice('kota')
    await introduce(pkm, kota)
    try {
      // A kecamatan's worth of records: enough that the import is still writing when killed.
      await generateDemo(pkm.db, { wilayah: '36.71.01', posyanduPerVillage: 6, kaderPerPosyandu: 10, seed: 3 })
      const paket = await exportPaketFile(pkm.db, { folder: stick.folder, destination: 'level:kota', full: true })
      expect(paket.records).toBeGreaterThan(1000)
      const before = await replicatedDigest(kota.db)
      await closeDatabase(kota.db)

      // `--import tsx` runs the script in this very process (the tsx CLI would start a second
      // one, which the kill would not reach).
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/fixtures/import-child.ts'), kota.file, paket.path], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, SIMPUL_STALL_AT: 'Menggabungkan assessment', SIMPUL_ACCEPT: await fingerprintOf(paket.path) },
      })
      let seen = ''
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString()
        // Killed once the merge has written Posyandu, kader, trainings and is on to assessments.
        if (seen.includes('Menggabungkan assessment')) child.kill('SIGKILL')
      })
      const { signal } = await exit
      expect(signal).toBe('SIGKILL')
      expect(seen).toContain('Menggabungkan kader')
      expect(seen).not.toContain('done')

      const reopened = await openDatabase(kota.file)
      try {
        expect(await replicatedDigest(reopened)).toEqual(before)
        expect(await reopened.selectFrom('paket_received').selectAll().execute()).toEqual([])
        expect(await reopened.selectFrom('office').selectAll().execute()).toEqual([])
      } finally {
        await closeDatabase(reopened)
      }
    } finally {
      await pkm.cleanup()
      await kota.cleanup().catch(() => undefined)
      stick.cleanup()
    }
  }, 120_000)
})
