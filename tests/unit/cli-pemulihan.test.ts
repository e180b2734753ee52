// paket pemulihan, run in-process as a Dinas support person would: the kota holds a kelurahan's
// roster, the kelurahan's PC is lost, a new installation is set up for the same village and gets
// its records back from the kota's recovery paket.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../fixtures/cli'

let dir: string
const db = (name: string) => join(dir, `${name}.sqlite`)
const fingerprintIn = (text: string) => /sidik jari ([0-9A-Z-]+)/i.exec(text)![1]!

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-pemulihan-'))
  expect((await cli(['init', '--db', db('kota'), '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kesehatan Kota Tangerang'])).code).toBe(0)
  expect((await cli(['init', '--db', db('lama'), '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  expect((await cli(['demo', '--db', db('lama'), '--wilayah', '36.71.01.1001', '--posyandu', '2', '--kader-per-posyandu', '4', '--seed', '3'])).code).toBe(0)
  // The region as it starts: the setup paket down (fingerprint checked), the kelurahan's paket up.
  const setup = join(dir, 'pembinaan.simpul')
  expect((await cli(['paket', 'pembinaan', '--db', db('kota'), '--out', setup])).code).toBe(0)
  const kotaFp = fingerprintIn((await cli(['paket', 'inspect', setup])).stdout)
  expect((await cli(['paket', 'import', '--db', db('lama'), setup, '--terima-kunci', kotaFp])).code).toBe(0)
  const up = join(dir, 'ke-kota.simpul')
  expect((await cli(['paket', 'export', '--db', db('lama'), '--to', 'kota', '--out', up])).code).toBe(0)
  const kelFp = fingerprintIn((await cli(['paket', 'inspect', up])).stdout)
  expect((await cli(['paket', 'import', '--db', db('kota'), up, '--terima-kunci', kelFp])).code).toBe(0)
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kaderNames = async (file: string) => ((JSON.parse((await cli(['kader', 'list', '--db', file, '--json'])).stdout) as { name: string }[]).map((k) => k.name)).sort()

describe('paket pemulihan', () => {
  it('refuses a fingerprint that does not match in one line, then writes the paket the new installation imports', async () => {
    expect((await cli(['init', '--db', db('baru'), '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
    const card = join(dir, 'kartu-baru.simpul-kunci')
    const saved = await cli(['kunci', 'kartu', '--db', db('baru'), '--out', card])
    const fp = /Sidik jari: (\S+)/.exec(saved.stdout)![1]!
    const out = join(dir, 'pemulihan.simpul')

    const wrong = await cli(['paket', 'pemulihan', '--db', db('kota'), '--kartu', card, '--sidik', 'AAAA-BBBB-CCCC-DDDD-EEEE', '--out', out])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1)
    expect(wrong.stderr).toMatch(/Sidik jari yang diketik tidak sama/)
    expect(wrong.stderr).not.toMatch(/\bat \w+ \(/)

    const text = await cli(['paket', 'pemulihan', '--db', db('kota'), '--kartu', card, '--sidik', fp, '--out', out])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Paket pemulihan untuk Kantor Kelurahan Sukarasa')
    expect(text.stdout).toMatch(/Kunci lama dicabut \(1\)/)
    // Made again (the stick was lost on the way): the same statement, nothing more to revoke.
    const again = await cli(['paket', 'pemulihan', '--db', db('kota'), '--kartu', card, '--sidik', fp, '--out', join(dir, 'pemulihan-2'), '--json'])
    expect(again.code).toBe(0)
    const r = JSON.parse(again.stdout) as { path: string; records: number; revoked: number; office: { fingerprint: string }; predecessors: string[] }
    expect(r).toMatchObject({ revoked: 0, office: { fingerprint: fp }, predecessors: ['Kantor Kelurahan Sukarasa'] })
    expect(r.path.endsWith('pemulihan-2.simpul')).toBe(true)

    const kotaFp = fingerprintIn((await cli(['paket', 'inspect', out])).stdout)
    const got = await cli(['paket', 'import', '--db', db('baru'), out, '--terima-kunci', kotaFp])
    expect(got.code).toBe(0)
    expect(got.stdout).toMatch(/Selesai: [\d.]+ data berubah\./)
    expect(await kaderNames(db('baru'))).toEqual(await kaderNames(db('lama')))
    expect((await kaderNames(db('baru'))).length).toBe(8)

    // The old installation's paket is refused at the kota from now on.
    const stale = join(dir, 'lama-lagi.simpul')
    expect((await cli(['paket', 'export', '--db', db('lama'), '--to', 'kota', '--out', stale])).code).toBe(0)
    const refused = await cli(['paket', 'import', '--db', db('kota'), stale])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/telah dicabut oleh Dinas/)
  }, 120_000)
})
