// db periksa: the full integrity check, as a support person runs it on an office's file.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { damage } from '../fixtures/damaged'
import { cli } from '../fixtures/cli'

let dir: string
let sound: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-periksa-'))
  sound = join(dir, 'kel.sqlite')
  expect((await cli(['init', '--db', sound, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
  expect((await cli(['demo', '--db', sound, '--wilayah', '36.71.01.1001', '--posyandu', '2', '--kader-per-posyandu', '10', '--seed', '3'])).code).toBe(0)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('db periksa', () => {
  it('says a sound file is sound, exits 0, and leaves the file as it was', async () => {
    const before = readFileSync(sound)
    const r = await cli(['db', 'periksa', '--db', sound])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(`Basis data sehat: ${sound} lolos pemeriksaan keutuhan menyeluruh.\n`)
    expect(readFileSync(sound).equals(before)).toBe(true)
    const json = await cli(['db', 'periksa', '--db', sound, '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ file: sound, sound: true, problems: [] })
  }, 60_000)

  it('finds overwritten pages, exits 1 with one line naming the newest backup and the command that restores it', async () => {
    const file = join(dir, 'rusak.sqlite')
    copyFileSync(sound, file)
    const made = await cli(['cadangan', 'buat', '--db', file, '--json'])
    const backup = (JSON.parse(made.stdout) as { path: string }).path
    damage(file)

    const r = await cli(['db', 'periksa', '--db', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^Berkas basis data rusak: pemeriksaan keutuhan menemukan \d+/)
    expect(r.stderr).toContain(`cadangan pulihkan --db ${file} ${backup}`)
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/)

    const json = await cli(['db', 'periksa', '--db', file, '--json'])
    expect(json.code).toBe(1)
    const report = JSON.parse(json.stdout) as { sound: boolean; problems: string[] }
    expect(report.sound).toBe(false)
    expect(report.problems.length).toBeGreaterThan(0)

    // The way back it names works, and the restored file checks sound.
    expect((await cli(['cadangan', 'pulihkan', '--db', file, backup])).code).toBe(0)
    expect((await cli(['db', 'periksa', '--db', file])).code).toBe(0)
  }, 60_000)

  it('without a backup points to the region; a missing file or a stranger is named, not checked', async () => {
    const file = join(dir, 'sendiri', 'rusak.sqlite')
    mkdirSync(join(dir, 'sendiri'))
    copyFileSync(sound, file)
    damage(file)
    const r = await cli(['db', 'periksa', '--db', file])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Tidak ada cadangan.*Puskesmas atau Dinas/)

    const missing = await cli(['db', 'periksa', '--db', join(dir, 'tidak-ada.sqlite')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Berkas basis data tidak ditemukan/)

    const stranger = join(dir, 'surat.sqlite')
    writeFileSync(stranger, 'Surat undangan rapat, bukan basis data.\n'.repeat(200))
    const notOurs = await cli(['db', 'periksa', '--db', stranger])
    expect(notOurs.code).toBe(1)
    expect(notOurs.stderr).toMatch(/bukan basis data Simpul Posyandu/)
  }, 60_000)
})
