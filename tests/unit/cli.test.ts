import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, spawnCli } from '../fixtures/cli'

let dir: string

/** Exactly one line, Indonesian-looking, no stack frames or file paths of the code. */
function expectOneCleanLine(stderr: string) {
  expect(stderr.endsWith('\n')).toBe(true)
  expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+/)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('simpul CLI (in-process)', () => {
  it('sets up a kelurahan, fills it with demo data and lists the kader as JSON', async () => {
    const db = join(dir, 'kelurahan.sqlite')
    const init = await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kelurahan Sukarasa'])
    expect(init).toMatchObject({ code: 0, stderr: '' })
    expect(init.stdout).toContain('Kantor siap: Kelurahan Sukarasa')

    const demo = await cli(['demo', '--db', db, '--wilayah', '36.71.01.1001', '--posyandu', '2', '--kader-per-posyandu', '3', '--seed', '7'])
    expect(demo).toMatchObject({ code: 0, stderr: '' })
    expect(demo.stdout).toMatch(/^Selesai: 1 kelurahan, 2 Posyandu, 6 kader\.\nRiwayat contoh: [\d.]+ pelatihan, [\d.]+ penilaian, [\d.]+ rapat, [\d.]+ tindak lanjut\.\n$/)

    const list = await cli(['kader', 'list', '--db', db, '--json'])
    expect(list.code).toBe(0)
    const rows = JSON.parse(list.stdout) as Record<string, unknown>[]
    expect(rows).toHaveLength(6)
    for (const r of rows) {
      expect(r).toMatchObject({
        id: expect.any(String),
        nik: expect.stringMatching(/^\d{16}$/),
        name: expect.any(String),
        sex: expect.stringMatching(/^[LP]$/),
        birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        posyanduId: expect.any(String),
        status: expect.any(String),
      })
    }

    const table = await cli(['kader', 'list', '--db', db])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^NIK\s+Nama/)
    expect(table.stdout).toContain('6 kader.')
    // Masked: the birth-date digits of the NIK never show in the table.
    for (const r of rows) expect(table.stdout).not.toContain(r.nik as string)
  })

  it('formats the summary with Indonesian thousands separators', async () => {
    const db = join(dir, 'kecamatan.sqlite')
    expect((await cli(['init', '--db', db, '--level', 'kecamatan', '--wilayah', '36.71.01', '--name', 'Kecamatan Tangerang'])).code).toBe(0)
    const demo = await cli(['demo', '--db', db, '--wilayah', '36.71.01', '--posyandu', '13', '--kader-per-posyandu', '10'])
    expect(demo.code).toBe(0)
    expect(demo.stdout).toMatch(/^Selesai: \d+ kelurahan, \d+ Posyandu, \d{1,3}\.\d{3} kader\.\nRiwayat contoh: /)
  })

  it('draws progress only when stderr is a terminal', async () => {
    const db = join(dir, 'tty.sqlite')
    await cli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1002', '--name', 'Kelurahan'])
    const demo = await cli(['demo', '--db', db, '--wilayah', '36.71.01.1002', '--posyandu', '1', '--kader-per-posyandu', '2'], { isTTY: true })
    expect(demo.code).toBe(0)
    expect(demo.stderr).toContain('Membuat data contoh')
  })

  it('covers the whole kecamatan for a puskesmas without --mencakup', async () => {
    const db = join(dir, 'puskesmas.sqlite')
    const r = await cli(['init', '--db', db, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas Tangerang'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Mencakup \d+ kelurahan\/desa\./)
    expect(r.stdout).not.toContain('Mencakup 0 ')
  })

  it('limits a puskesmas to --mencakup', async () => {
    const db = join(dir, 'puskesmas2.sqlite')
    const r = await cli([
      'init', '--db', db, '--level', 'puskesmas', '--wilayah', '36.71.01', '--name', 'Puskesmas', '--mencakup', '36.71.01.1001, 36.71.01.1002',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Mencakup 2 kelurahan/desa.')
  })

  it.each([
    [['kader', 'list', '--db', 'tidak-ada.sqlite'], 1, /^Berkas basis data tidak ditemukan: .*Jalankan dulu: npm run simpul -- init/],
    [['demo', '--db', 'tidak-ada.sqlite', '--wilayah', '36.71'], 1, /^Berkas basis data tidak ditemukan/],
    [['kader', 'list'], 2, /^Opsi --db wajib diisi\./],
    [['terbang'], 2, /^Perintah tidak dikenal: terbang\./],
    [['kader', 'hapus'], 2, /^Perintah tidak dikenal: kader hapus\. Yang ada: kader list, kader impor\./],
    [['kader', 'list', '--db', 'x.sqlite', '--warna'], 2, /^Opsi tidak dikenal: --warna\./],
    [['kader', 'list', '--db'], 2, /^Opsi --db perlu diisi nilainya\./],
    [['init', '--db', 'x.sqlite', '--level', 'raja', '--wilayah', '36', '--name', 'X'], 2, /^Opsi --level harus salah satu dari/],
    [['demo', '--db', 'x.sqlite', '--wilayah', '36', '--posyandu', 'banyak'], 2, /^Opsi --posyandu harus bilangan bulat/],
  ])('fails %j with exit %i and one Indonesian line', async (argv, code, message) => {
    const r = await cli(argv.map((a) => (a.endsWith('.sqlite') ? join(dir, a) : a)))
    expect(r.code).toBe(code)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expectOneCleanLine(r.stderr)
  })

  it('passes a service refusal through as its message (a second init)', async () => {
    const db = join(dir, 'twice.sqlite')
    const args = ['init', '--db', db, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kesehatan Kota Tangerang']
    expect((await cli(args)).code).toBe(0)
    const again = await cli(args)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/sudah disiapkan/)
    expectOneCleanLine(again.stderr)
  })

  it('refuses a file that is not a Simpul database without touching it', async () => {
    const file = join(dir, 'surat.sqlite')
    writeFileSync(file, 'Ini surat, bukan basis data.')
    const r = await cli(['kader', 'list', '--db', file])
    expect(r.code).toBe(1)
    expectOneCleanLine(r.stderr)
  })

  it('does not create a database file for a read command', async () => {
    const file = join(dir, 'jangan-dibuat.sqlite')
    await cli(['kader', 'list', '--db', file])
    expect(existsSync(file)).toBe(false)
  })

  it('leaves no database file behind when init is refused (an unknown area)', async () => {
    const file = join(dir, 'salah-wilayah.sqlite')
    const r = await cli(['init', '--db', file, '--level', 'kelurahan', '--wilayah', '99.99.99.9999', '--name', 'Kelurahan X'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/tidak ada dalam daftar wilayah Kemendagri/)
    expectOneCleanLine(r.stderr)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(existsSync(f)).toBe(false)
  })

  it('keeps an existing database file when a command on it fails', async () => {
    const file = join(dir, 'tetap.sqlite')
    const args = ['init', '--db', file, '--level', 'kota', '--wilayah', '36.71', '--name', 'Dinas Kesehatan Kota Tangerang']
    expect((await cli(args)).code).toBe(0)
    expect((await cli(args)).code).toBe(1)
    expect(existsSync(file)).toBe(true)
  })

  it('prints help for help, for no command and for --help after a command', async () => {
    for (const argv of [['help'], [], ['--help']]) {
      const r = await cli(argv)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('kader list --db BERKAS [--json]')
    }
    const one = await cli(['demo', '--help'])
    expect(one.stdout).toMatch(/^Cara pakai: npm run simpul -- demo --db BERKAS/)
  })
})

// Each call is a cold start (tsx compiling main.ts and its imports); three of them pass 30 s on a
// busy two-core machine.
describe('simpul CLI (as a process)', { timeout: 120_000 }, () => {
  it('runs init, demo and kader list --json end to end, with clean JSON on stdout', async () => {
    const db = join(dir, 'proses.sqlite')
    const init = await spawnCli(['init', '--db', db, '--level', 'kelurahan', '--wilayah', '36.71.01.1003', '--name', 'Kelurahan'])
    expect(init.code).toBe(0)
    const demo = await spawnCli(['demo', '--db', db, '--wilayah', '36.71.01.1003', '--posyandu', '1', '--kader-per-posyandu', '4'])
    expect(demo).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Selesai: 1 kelurahan, 1 Posyandu, 4 kader\.\nRiwayat contoh: /) })
    const list = await spawnCli(['kader', 'list', '--db', db, '--json'])
    expect(list.code).toBe(0)
    const rows = JSON.parse(list.stdout) as { nik: string; sex: string; birthDate: string }[]
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatchObject({ nik: expect.stringMatching(/^\d{16}$/), sex: expect.stringMatching(/^[LP]$/) })
  })

  it('fails with exit 1 and exactly one line on stderr, no stack', async () => {
    const r = await spawnCli(['kader', 'list', '--db', join(dir, 'hilang.sqlite')])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expectOneCleanLine(r.stderr)
    expect(r.stderr).toMatch(/^Berkas basis data tidak ditemukan/)
  })

  it('exits 2 on an unknown command', async () => {
    const r = await spawnCli(['terbang'])
    expect(r.code).toBe(2)
    expectOneCleanLine(r.stderr)
  })
})
