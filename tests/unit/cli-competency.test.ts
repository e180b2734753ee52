// The headless commands of issue 3 (`training list`, `kompetensi matrix`), run in-process on a
// demo database of one kecamatan, as a script or a support person would run them.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CATALOGUE } from '../../electron/core/features/competency/catalogue.service'
import { LEVEL_CODES, TRAINING_KINDS, competencyCodes, levelOf } from '../../shared/domain/competency'
import { tanggalSingkat } from '../../shared/domain/tanggal'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

interface MatrixJson {
  kaderId: string
  name: string
  posyandu: string
  village: string
  villageCode: string
  level: string | null
  competent: string[]
  notYet: string[]
}

async function matrix(...extra: string[]): Promise<MatrixJson[]> {
  const r = await cli(['kompetensi', 'matrix', '--db', db, '--json', ...extra])
  expect(r).toMatchObject({ code: 0, stderr: '' })
  return JSON.parse(r.stdout) as MatrixJson[]
}

const CODES = competencyCodes(DEFAULT_CATALOGUE)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-kompetensi-'))
  db = join(dir, 'puskesmas.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas Tangerang'])).code).toBe(0)
  expect((await cli(['demo', '--db', db, '--wilayah', '36.71.01', '--posyandu', '3', '--kader-per-posyandu', '12', '--seed', '5'])).code).toBe(0)
}, 60_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('kompetensi matrix', () => {
  it('gives every active kader with the codes held, in catalogue order, and the level they make', async () => {
    const rows = await matrix()
    const roster = JSON.parse((await cli(['kader', 'list', '--db', db, '--json'])).stdout) as { id: string; status: string }[]
    const active = roster.filter((k) => k.status === 'aktif').map((k) => k.id)
    expect(rows.map((r) => r.kaderId).sort()).toEqual(active.sort())

    for (const r of rows) {
      expect(r).toMatchObject({ kaderId: expect.any(String), name: expect.any(String), posyandu: expect.stringMatching(/^Posyandu /), village: expect.any(String) })
      expect([...LEVEL_CODES, null]).toContain(r.level)
      expect(r.competent).toEqual(CODES.filter((c) => r.competent.includes(c)))
      expect(r.notYet).toEqual(CODES.filter((c) => r.notYet.includes(c)))
      expect(r.competent.filter((c) => r.notYet.includes(c))).toEqual([])
      expect(r.level).toBe(levelOf(DEFAULT_CATALOGUE, new Set(r.competent)))
    }
    const levels = new Set(rows.map((r) => r.level))
    for (const level of [...LEVEL_CODES, null]) expect(levels.has(level), String(level)).toBe(true)
  })

  it('limits to a kelurahan, kecamatan or kota, with or without dots', async () => {
    const all = await matrix()
    const sukarasa = await matrix('--wilayah', '3671011001')
    expect(sukarasa.length).toBeGreaterThan(0)
    expect(sukarasa.every((r) => r.villageCode === '36.71.01.1001' && r.village === 'Sukarasa')).toBe(true)
    expect(sukarasa.map((r) => r.kaderId)).toEqual(all.filter((r) => r.villageCode === '36.71.01.1001').map((r) => r.kaderId))
    expect(await matrix('--wilayah', '36.71.01.1001')).toEqual(sukarasa)
    expect(await matrix('--wilayah', '36.71.01')).toEqual(all)
    expect(await matrix('--wilayah', '3671')).toEqual(all)
    expect(await matrix('--wilayah', '36.71.02')).toEqual([])
  })

  it('refuses an unknown area code with one Indonesian line', async () => {
    const r = await cli(['kompetensi', 'matrix', '--db', db, '--wilayah', '36.71.99'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^Kode wilayah 36\.71\.99 tidak ada dalam daftar wilayah Kemendagri\. Periksa kodenya, mis\. 36\.71 \(kota\)/)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('prints a table with a 25-character strip per kader and a summary of levels', async () => {
    const rows = await matrix('--wilayah', '36.71.01.1001')
    expect(rows.length).toBeGreaterThan(10)
    const r = await cli(['kompetensi', 'matrix', '--db', db, '--wilayah', '36.71.01.1001'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Nama\s+Posyandu\s+Tingkat\s+TKK\s+A\s+B\s+C\s+D\s+E$/)
    const body = lines.slice(2, 2 + rows.length)
    rows.forEach((row, i) => {
      const line = body[i]!
      expect(line.startsWith(row.name)).toBe(true)
      const strip = line.slice(-CODES.length)
      expect(strip).toMatch(/^[✓✗·]{25}$/)
      expect([...strip].map((ch, j) => (ch === '✓' ? CODES[j] : null)).filter(Boolean)).toEqual(row.competent)
      expect(line).toContain(`${row.competent.length}/25`)
    })
    // The strip's group letters sit above each group's first item.
    expect(lines[0]!.indexOf('B') - lines[0]!.indexOf('A')).toBe(4)

    const count = (level: string | null) => rows.filter((x) => x.level === level).length
    expect(lines.at(-2)).toBe(
      `${rows.length} kader aktif. Tingkat: Belum ada ${count(null)}, Kader Purwa ${count('purwa')}, Kader Madya ${count('madya')}, Kader Utama ${count('utama')}.`,
    )
    expect(lines.at(-1)).toBe('✓ kompeten  ✗ belum kompeten  · belum dinilai')
  })
})

describe('training list', () => {
  it('lists every training as JSON, newest first, also under its Indonesian name', async () => {
    const r = await cli(['training', 'list', '--db', db, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(rows.length).toBeGreaterThan(10)
    for (const t of rows) {
      expect(Object.keys(t).sort()).toEqual(
        ['competencies', 'endDate', 'id', 'kind', 'organiser', 'participantCount', 'place', 'startDate', 'title'].sort(),
      )
      expect(TRAINING_KINDS).toContain(t.kind)
      expect(t.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect((t.endDate as string) >= (t.startDate as string)).toBe(true)
      expect(t.organiser).toBe('Puskesmas Tangerang')
      expect((t.competencies as string[]).every((c) => CODES.includes(c))).toBe(true)
      expect(t.participantCount).toBeGreaterThanOrEqual(10)
      expect(t.participantCount).toBeLessThanOrEqual(30)
    }
    const starts = rows.map((t) => t.startDate as string)
    expect(starts).toEqual([...starts].sort().reverse())

    const alias = await cli(['pelatihan', 'list', '--db', db, '--json'])
    expect(alias).toEqual(r)
  })

  it('prints a table with Indonesian dates and a count', async () => {
    const rows = JSON.parse((await cli(['training', 'list', '--db', db, '--json'])).stdout) as { startDate: string; participantCount: number }[]
    const r = await cli(['training', 'list', '--db', db])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Tanggal\s+Kegiatan\s+Jenis\s+Keterampilan\s+Tempat\s+Peserta$/)
    // The same date form as every CLI table (rapat list): "10 Jun 2026".
    expect(lines[2]!.startsWith(`${tanggalSingkat(rows[0]!.startDate)} `)).toBe(true)
    expect(lines[2]).toMatch(/^\d{1,2} \S{3} \d{4}( s\.d\. \d{1,2} \S{3} \d{4})?\s/)
    const people = rows.reduce((n, t) => n + t.participantCount, 0)
    expect(lines.at(-1)).toBe(`${rows.length} kegiatan, ${people.toLocaleString('id-ID')} peserta.`)
  })
})

describe('on an office without data', () => {
  it('says there is nothing yet, and names the new commands in help', async () => {
    const empty = join(dir, 'kosong.sqlite')
    expect((await cli(['init', '--db', empty, '--level', 'kelurahan', '--wilayah', '36.71.01.1002', '--name', 'Kelurahan'])).code).toBe(0)
    expect(await cli(['training', 'list', '--db', empty])).toEqual({ code: 0, stdout: 'Belum ada pelatihan yang dicatat.\n', stderr: '' })
    expect(await cli(['kompetensi', 'matrix', '--db', empty])).toEqual({ code: 0, stdout: 'Belum ada kader aktif.\n', stderr: '' })
    expect(JSON.parse((await cli(['kompetensi', 'matrix', '--db', empty, '--json'])).stdout)).toEqual([])

    const help = await cli(['help'])
    expect(help.stdout).toContain('training list --db BERKAS [--json]')
    expect(help.stdout).toContain('pelatihan list --db BERKAS [--json]')
    expect(help.stdout).toContain('kompetensi matrix --db BERKAS [--wilayah KODE] [--json]')
    expect((await cli(['kompetensi', 'matrix'])).code).toBe(2)
    expect((await cli(['kompetensi', 'hapus'])).stderr).toMatch(/^Perintah tidak dikenal: kompetensi hapus\. Yang ada: kompetensi matrix, kompetensi aturan\./)
  })
})
