// `kompetensi aturan`: the level rule in force, as a script or a support person would read it.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-aturan-'))
  db = join(dir, 'kota.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kesehatan Kota Tangerang'])).code).toBe(0)
}, 60_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('kompetensi aturan', () => {
  it('prints the catalogue version and each level with its requirements as JSON', async () => {
    const r = await cli(['kompetensi', 'aturan', '--db', db, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(r.stdout)).toEqual({
      catalogueVersion: '2024.1',
      title: '25 Keterampilan Dasar Kader Posyandu',
      levels: [
        { code: 'purwa', name: 'Kader Purwa', requiresAllOf: ['A', 'B'], plusAnyOf: null, minTkk: null },
        { code: 'madya', name: 'Kader Madya', requiresAllOf: ['A', 'B'], plusAnyOf: { groups: ['C', 'D', 'E'], min: 1 }, minTkk: null },
        { code: 'utama', name: 'Kader Utama', requiresAllOf: ['A', 'B', 'C', 'D', 'E'], plusAnyOf: null, minTkk: null },
      ],
    })
  })

  it('is named in help', async () => {
    expect((await cli(['help'])).stdout).toContain('kompetensi aturan --db BERKAS [--json]')
  })

  it('says the rule in words, one level a line', async () => {
    const r = await cli(['kompetensi', 'aturan', '--db', db])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Katalog 25 Keterampilan Dasar Kader Posyandu, versi 2024.1.',
      'Kader Purwa: kelompok A, B lengkap.',
      'Kader Madya: kelompok A, B lengkap; ditambah 1 kelompok lengkap dari C, D, E.',
      'Kader Utama: kelompok A, B, C, D, E lengkap.',
    ])
  })
})
