// `rekap`, run in-process on a demo kecamatan as a script or a support person would run it,
// with one office row standing for a paket received from a kelurahan.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import type { Rekap } from '../../shared/contract'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

const fmt = (n: number) => n.toLocaleString('id-ID')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-rekap-'))
  db = join(dir, 'kecamatan.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kecamatan', '--wilayah', '36.71.01', '--name', 'Kantor Kecamatan Tangerang'])).code).toBe(0)
  // Two kelurahan of the eight get Posyandu; the other six stay silent.
  for (const village of ['36.71.01.1001', '36.71.01.1002']) {
    expect((await cli(['demo', '--db', db, '--wilayah', village, '--posyandu', '2', '--kader-per-posyandu', '5', '--seed', '4'])).code).toBe(0)
  }
  const handle = await openDatabase(db)
  // The demo records stand-in offices with paket dates of its own; this test sets its own.
  await handle.deleteFrom('office').execute()
  await handle
    .insertInto('office')
    .values({
      site_id: 'kel-sukarasa',
      level: 'kelurahan',
      area_code: '36.71.01.1001',
      area_name: 'Sukarasa',
      name: 'Kantor Kelurahan Sukarasa',
      villages: '[]',
      last_bundle_at: new Date(Date.now() - 12.5 * 86_400_000).toISOString(),
      last_imported_at: new Date().toISOString(),
    })
    .execute()
  await closeDatabase(handle)
}, 120_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('rekap', () => {
  it('gives the Rekap object as JSON: every kelurahan of the kecamatan, the offices, the year', async () => {
    const r = await cli(['rekap', '--db', db, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const rekap = JSON.parse(r.stdout) as Rekap
    expect(rekap.scope).toEqual({ code: '36.71.01', name: 'Tangerang', level: 'kecamatan' })
    expect(rekap.year).toBe(Number(rekap.today.slice(0, 4)))
    expect(rekap.nodes).toHaveLength(8)
    expect(rekap.nodes.every((n) => n.kind === 'kelurahan')).toBe(true)
    const sukarasa = rekap.nodes.find((n) => n.code === '36.71.01.1001')!
    expect(sukarasa).toMatchObject({ name: 'Sukarasa', posyandu: 2, ageDays: 12 })
    expect(sukarasa.children).toHaveLength(2)
    expect(rekap.nodes.find((n) => n.code === '36.71.01.1002')).toMatchObject({ posyandu: 2, ageDays: null })
    expect(rekap.nodes.filter((n) => n.posyandu === 0 && n.lastBundleAt === null)).toHaveLength(6)
    expect(rekap.total.posyandu).toBe(4)
    expect(rekap.total.activeKader).toBe(rekap.nodes.reduce((s, n) => s + n.activeKader, 0))
    expect(rekap.offices).toEqual([expect.objectContaining({ siteId: 'kel-sukarasa', name: 'Kantor Kelurahan Sukarasa', ageDays: 12, relayedBy: null })])
  })

  it('gives the six SPM fields for the area and every node, in the order of SPM_FIELDS, and the TKK', async () => {
    const rekap = JSON.parse((await cli(['rekap', '--db', db, '--json'])).stdout) as Rekap
    const fields = ['pendidikan', 'kesehatan', 'pekerjaan_umum', 'perumahan_rakyat', 'trantibumlinmas', 'sosial']
    const keys = ['activeKader', 'field', 'followUpsOpen', 'followUpsOverdue', 'posyandu']
    for (const n of [rekap.total, ...rekap.nodes, ...rekap.nodes.flatMap((n) => n.children)]) {
      expect(n.spm.map((s) => s.field)).toEqual(fields)
      for (const s of n.spm) expect(Object.keys(s).sort()).toEqual(keys)
    }
    // The area's counts are the sums of its kelurahan (every Posyandu of the demo is under one).
    for (const [i, f] of rekap.total.spm.entries()) {
      expect(f.activeKader).toBe(rekap.nodes.reduce((s, n) => s + n.spm[i]!.activeKader, 0))
      expect(f.posyandu).toBe(rekap.nodes.reduce((s, n) => s + n.spm[i]!.posyandu, 0))
      expect(f.activeKader).toBeLessThanOrEqual(rekap.total.activeKader)
    }
    expect(rekap.total.spm.reduce((s, f) => s + f.activeKader, 0)).toBeGreaterThan(0)
    expect(rekap.total.tkk).toBe(rekap.nodes.reduce((s, n) => s + n.tkk, 0))
    expect(rekap.total.kaderWithTkk).toBeLessThanOrEqual(rekap.total.activeKader)
  })

  it('--tahun picks the year of trainings and meetings', async () => {
    const r = await cli(['rekap', '--db', db, '--json', '--tahun', '2025'])
    expect(r.code).toBe(0)
    const rekap = JSON.parse(r.stdout) as Rekap
    expect(rekap.year).toBe(2025)
    // The demo's history runs to mid-2026: 2025 has classes and meetings.
    expect(rekap.total.trainings).toBeGreaterThan(0)
    expect(rekap.total.meetings).toBeGreaterThan(0)
  })

  it('prints an indented table kelurahan → Posyandu with a total line, then the offices', async () => {
    const rekap = JSON.parse((await cli(['rekap', '--db', db, '--json', '--tahun', '2025'])).stdout) as Rekap
    const r = await cli(['rekap', '--db', db, '--tahun', '2025'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^Rekap Tangerang, tahun 2025 \(umur paket dihitung sampai \d{1,2} \w{3} \d{4}\)$/)
    const head = lines.findIndex((l) => l.startsWith('Wilayah / Posyandu'))
    expect(lines[head]).toMatch(/Posyandu\s+Terdaftar\s+Kader aktif\s+Belum\s+Purwa\s+Madya\s+Utama\s+Pelatihan\s+Rapat\s+TL terbuka\s+Lewat tenggat\s+Paket terakhir$/)
    const sukarasa = lines.find((l) => l.startsWith('Kel. Sukarasa'))!
    expect(sukarasa).toMatch(/12 hari$/)
    expect(lines.find((l) => l.startsWith('Kel. Sukaasih !'))).toMatch(/belum pernah$/)
    expect(lines.filter((l) => /^ {2}Posyandu /.test(l))).toHaveLength(4)
    const t = rekap.total
    const total = lines.find((l) => l.startsWith('Jumlah'))!.split(/\s{2,}/)
    expect(total).toEqual([
      'Jumlah',
      ...[t.posyandu, t.registeredPosyandu, t.activeKader, t.levels.none, t.levels.purwa, t.levels.madya, t.levels.utama, t.trainings, t.meetings, t.followUpsOpen, t.followUpsOverdue].map(fmt),
    ])
    expect(r.stdout).toContain('Kantor yang paling lama tidak mengirim paket')
    expect(r.stdout).toContain('dihitung sudah mengirim bila paket yang dibuatnya sampai di sini')
    expect(r.stdout).toMatch(/^TKK \(tiap keterampilan yang kompeten satu TKK\): [\d.]+ pada [\d.]+ kader aktif; rata-rata [\d,]+ per kader aktif\.$/m)
    expect(r.stdout).toContain('Kader aktif dengan kelompok lengkap: A ')
    const spmHead = lines.findIndex((l) => l.startsWith('Bidang SPM'))
    expect(lines.slice(spmHead + 2, spmHead + 8).map((l) => l.split(/\s{2,}/))).toEqual(
      rekap.total.spm.map((f, i) => [
        ['Pendidikan', 'Kesehatan', 'Pekerjaan Umum', 'Perumahan Rakyat', 'Trantibumlinmas', 'Sosial'][i],
        ...[f.posyandu, f.activeKader, f.followUpsOpen, f.followUpsOverdue].map(fmt),
      ]),
    )
    expect(lines.find((l) => l.startsWith('Kantor Kelurahan Sukarasa'))).toMatch(/Kelurahan\/desa\s+Sukarasa\s+\d{1,2} \w{3} \d{4}\s+12 hari$/)
    expect(r.stdout).toContain('7 kelurahan/desa belum pernah mengirim paket.')
  })

  it('refuses a year that is not one, and a missing file, with one Indonesian line', async () => {
    const bad = await cli(['rekap', '--db', db, '--tahun', '26'])
    expect(bad).toMatchObject({ code: 2, stdout: '' })
    expect(bad.stderr.trim().split('\n')).toEqual(['Opsi --tahun harus tahun empat angka, 2000–2100 (mis. --tahun 2026).'])
    const missing = await cli(['rekap', '--db', join(dir, 'tidak-ada.sqlite')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Berkas basis data tidak ditemukan/)
  })
})
