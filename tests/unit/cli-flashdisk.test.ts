// cadangan kode / buat --ke / pulihkan --kode: the encrypted copy on a flashdisk, run in-process as
// a support person would run the commands after a PC was lost.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../fixtures/cli'

let dir: string
let db: string
let stick: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-flashdisk-'))
  db = join(dir, 'kel.sqlite')
  stick = join(dir, 'flashdisk')
  mkdirSync(stick)
  expect((await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const codeOf = (stdout: string) => /^ {4}(\S+)$/m.exec(stdout)?.[1] ?? ''

describe('cadangan commands with the flashdisk', () => {
  it('kode prints the same recovery code each time, with a line saying to keep it secret', async () => {
    const r = await cli(['cadangan', 'kode', '--db', db])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const code = codeOf(r.stdout)
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/)
    expect(r.stdout).toContain('Rahasiakan kode ini')
    expect(codeOf((await cli(['cadangan', 'kode', '--db', db])).stdout)).toBe(code)
  })

  it('buat --ke --json writes the encrypted copy into the folder and restores with the code, typed loosely', async () => {
    const r = await cli(['cadangan', 'buat', '--db', db, '--ke', stick, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const made = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(made)).toEqual(['path', 'bytes', 'createdAt', 'verified'])
    const path = made.path as string
    expect(path).toMatch(/\/flashdisk\/cadangan-kantor-kelurahan-sukarasa-\d{8}-\d{6}\.simpul-cadangan$/)
    expect(made).toMatchObject({ bytes: statSync(path).size, verified: true })
    expect(readdirSync(stick)).toEqual([path.split('/').pop()])
    // In clear: only the header, which names the office (as the file name does) so a stick holding
    // several offices' copies can be listed without a code; the data itself is ciphertext.
    const bytes = readFileSync(path)
    const name = Buffer.from('Kantor Kelurahan Sukarasa')
    expect(bytes.indexOf(name)).toBeGreaterThan(0)
    expect(bytes.indexOf(name, bytes.indexOf(name) + 1)).toBe(-1)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)

    const target = join(dir, 'pc-baru.sqlite')
    const without = await cli(['cadangan', 'pulihkan', '--db', target, path])
    expect(without.code).toBe(1)
    expect(without.stderr).toBe(
      `${path} adalah salinan terenkripsi. Tambahkan kode pemulihan kantor dari kartu pemulihan: npm run simpul -- cadangan pulihkan --db ${target} ${path} --kode KODE\n`,
    )

    const code = codeOf((await cli(['cadangan', 'kode', '--db', db])).stdout)
    const wrong = await cli(['cadangan', 'pulihkan', '--db', target, path, '--kode', code.replace(/^./, (c) => (c === '7' ? '8' : '7'))])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/^Kode pemulihan tidak cocok dengan salinan ini/)
    expect(wrong.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(existsSync(target)).toBe(false)

    const ok = await cli(['cadangan', 'pulihkan', '--db', target, path, '--kode', code.toLowerCase().replace(/-/g, '')])
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toContain(`Basis data dipulihkan dari ${path}: ${target}.`)
    const restored = new SqliteDatabase(target, { readonly: true })
    expect(restored.prepare('select name from site').pluck().get()).toBe('Kantor Kelurahan Sukarasa')
    restored.close()
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('buat --ke says in one line when the folder is not there', async () => {
    const gone = join(dir, 'tidak-terpasang')
    const r = await cli(['cadangan', 'buat', '--db', db, '--ke', gone])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`^Salinan cadangan tidak dapat ditulis ke ${gone}\\. Pastikan flashdisk masih terpasang`))
    expect(existsSync(gone)).toBe(false)
  })
})
