// paket export / inspect / import and kunci kartu / percaya, run in-process as a script or a
// support person would run them: two offices, a temp folder for the USB stick.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { cli } from '../fixtures/cli'

let dir: string
let kel: string
let pkm: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-paket-'))
  kel = join(dir, 'kel.sqlite')
  pkm = join(dir, 'pkm.sqlite')
  expect((await cli(['init', '--db', kel, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  expect((await cli(['init', '--db', pkm, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas Tangerang'])).code).toBe(0)
  expect((await cli(['demo', '--db', kel, '--wilayah', '36.71.01.1001', '--posyandu', '2', '--kader-per-posyandu', '5', '--seed', '2'])).code).toBe(0)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('paket commands', () => {
  it('export, inspect, import after the sender key is accepted; the demo stand-in Puskesmas is held, not believed', async () => {
    const paket = join(dir, 'ke-puskesmas.simpul')
    // Without the Puskesmas's key card the paket cannot be encrypted for it: the message says what to do.
    const noCard = await cli(['paket', 'export', '--db', kel, '--out', paket])
    expect(noCard.code).toBe(1)
    expect(noCard.stderr).toMatch(/Kartu kunci Puskesmas pembina belum dikenal.*paket pembinaan/)
    const card = join(dir, 'pkm-untuk-paket.simpul-kunci')
    const saved = await cli(['kunci', 'kartu', '--db', pkm, '--out', card])
    expect((await cli(['kunci', 'percaya', '--db', kel, card, '--sidik', /Sidik jari: (\S+)/.exec(saved.stdout)![1]!])).code).toBe(0)

    const out = await cli(['paket', 'export', '--db', kel, '--out', paket, '--json'])
    expect(out).toMatchObject({ code: 0, stderr: '' })
    const written = JSON.parse(out.stdout) as { records: number; counts: Record<string, number> }
    expect(written.counts.kader).toBe(10)

    const inspect = await cli(['paket', 'inspect', paket, '--json'])
    expect(inspect.code).toBe(0)
    const info = JSON.parse(inspect.stdout) as { sender: { name: string }; counts: Record<string, number>; senderFingerprint: string; records: number }
    expect(info).toMatchObject({ sender: { name: 'Kantor Kelurahan Sukarasa' }, records: written.records })
    const text = await cli(['paket', 'inspect', paket])
    expect(text.stdout).toContain(`sidik jari ${info.senderFingerprint}`)
    expect(text.stdout).toContain('Terenkripsi; hanya dapat dibuka oleh: Puskesmas Tangerang')

    // Unknown sender: a dry run shows the fingerprint; the import refuses until it is accepted.
    const dry = await cli(['paket', 'import', '--db', pkm, paket, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(`--terima-kunci ${info.senderFingerprint}`)
    expect(dry.stdout).toMatch(/Uji coba: [\d.]+ data akan berubah; basis data tidak diubah\./)
    const refused = await cli(['paket', 'import', '--db', pkm, paket])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(info.senderFingerprint)

    const done = await cli(['paket', 'import', '--db', pkm, paket, '--terima-kunci', info.senderFingerprint])
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(/Selesai: [\d.]+ data berubah\./)
    const again = await cli(['paket', 'import', '--db', pkm, paket])
    expect(again.stdout).toContain('sudah pernah diimpor')

    // The demo's trainings and assessments at a kelurahan are its stand-in Puskesmas's, whose
    // card the real Puskesmas never trusted (a kelurahan vouches for no office): they are held
    // there with the reason, everything else is taken in.
    const standIn = written.counts.training! + written.counts.training_participant! + written.counts.assessment!
    expect(standIn).toBeGreaterThan(0)
    expect(done.stdout).toContain(`${standIn.toLocaleString('id-ID')} data masih ditahan`)
    expect(done.stdout).toMatch(/Ditahan \(Pelatihan [0-9a-f-]+\): .*Puskesmas Kec\. Tangerang \(contoh demo\)/)
    const db = await openDatabase(pkm)
    try {
      expect(await db.selectFrom('kader').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 10 })
      expect(await db.selectFrom('assessment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 })
    } finally {
      await closeDatabase(db)
    }
    const digest = await cli(['db', 'digest', '--db', pkm])
    expect(digest.stdout).toMatch(/^[0-9a-f]{64}\n$/)
  })

  it('a missing bundle name and a damaged file give one Indonesian line', async () => {
    expect(await cli(['paket', 'import', '--db', pkm])).toMatchObject({ code: 2, stderr: expect.stringContaining('PAKET wajib disebut') })
    const bad = join(dir, 'rusak.simpul')
    writeFileSync(bad, 'bukan zip')
    const r = await cli(['paket', 'inspect', bad])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^Paket rusak atau tidak lengkap: .*\n$/)
  })
})

describe('kunci commands', () => {
  it('a card is trusted only with its fingerprint', async () => {
    const card = join(dir, 'puskesmas.simpul-kunci')
    const saved = await cli(['kunci', 'kartu', '--db', pkm, '--out', card])
    expect(saved.code).toBe(0)
    const fingerprint = /Sidik jari: (\S+)/.exec(saved.stdout)![1]!
    const ask = await cli(['kunci', 'percaya', '--db', kel, card])
    expect(ask.code).toBe(2)
    expect(ask.stderr).toContain(`--sidik ${fingerprint}`)
    const wrong = await cli(['kunci', 'percaya', '--db', kel, card, '--sidik', 'AAAA-BBBB-CCCC-DDDD-EEEE'])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/tidak sama/)
    // Only a kota revokes keys.
    const cabut = await cli(['kunci', 'cabut', '--db', pkm, '--kantor', 'x', '--alasan', 'laptop hilang'])
    expect(cabut).toMatchObject({ code: 1, stderr: 'Hanya Dinas kota/kabupaten yang dapat mencabut kunci kantor.\n' })
    const ok = await cli(['kunci', 'percaya', '--db', kel, card, '--sidik', fingerprint])
    expect(ok).toMatchObject({ code: 0, stdout: `Dipercaya: Puskesmas Tangerang (puskesmas, Tangerang), sidik jari ${fingerprint}.\n` })
  })
})
