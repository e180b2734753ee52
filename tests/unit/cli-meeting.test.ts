// The headless commands of issue 4 (`rapat list`, `tindak-lanjut list`), run in-process on a
// demo database of one kecamatan, as a script or a support person would run them.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayJakarta } from '../../shared/domain/tanggal'
import { CLOSED_STATUSES, FOLLOW_UP_STATUSES, MEETING_KINDS, MEETING_LEVELS, daysBetween, type FollowUpStatus } from '../../shared/domain/meeting'
import { cli } from '../fixtures/cli'

let dir: string
let db: string

interface FollowUpJson {
  id: string
  description: string
  opd: string
  dueDate: string
  status: FollowUpStatus
  overdue: boolean
  daysOverdue: number
  meetingId: string | null
  posyandu: string | null
}

async function json<T>(argv: string[]): Promise<T[]> {
  const r = await cli([...argv, '--db', db, '--json'])
  expect(r).toMatchObject({ code: 0, stderr: '' })
  return JSON.parse(r.stdout) as T[]
}

const followUps = (...extra: string[]) => json<FollowUpJson>(['tindak-lanjut', 'list', ...extra])
const BULAN_SINGKAT = /^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}/

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-cli-rapat-'))
  db = join(dir, 'kecamatan.sqlite')
  expect((await cli(['init', '--db', db, '--level', 'kecamatan', '--wilayah', '36.71.01', '--name', 'Kantor Kecamatan Tangerang'])).code).toBe(0)
  expect((await cli(['demo', '--db', db, '--wilayah', '36.71.01', '--posyandu', '3', '--kader-per-posyandu', '6', '--seed', '4'])).code).toBe(0)
}, 60_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('rapat list', () => {
  it('gives every meeting as JSON, newest first, with attendance and follow-up counts', async () => {
    const rows = await json<Record<string, unknown>>(['rapat', 'list'])
    expect(rows.length).toBeGreaterThan(20)
    for (const m of rows) {
      expect(Object.keys(m).sort()).toEqual(
        ['attendeeCount', 'date', 'followUpCount', 'id', 'kind', 'level', 'openFollowUps', 'overdueFollowUps', 'place', 'presentCount', 'title'].sort(),
      )
      expect(MEETING_KINDS).toContain(m.kind)
      expect(MEETING_LEVELS).toContain(m.level)
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(m.attendeeCount).toBeGreaterThanOrEqual(10)
      expect(m.presentCount as number).toBeLessThanOrEqual(m.attendeeCount as number)
      expect(m.overdueFollowUps as number).toBeLessThanOrEqual(m.openFollowUps as number)
    }
    const dates = rows.map((m) => m.date as string)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(new Set(rows.map((m) => m.level))).toEqual(new Set(['kelurahan', 'kecamatan']))
  })

  it('prints a table with Indonesian dates and a summary line', async () => {
    const rows = await json<{ title: string; openFollowUps: number; overdueFollowUps: number }>(['rapat', 'list'])
    const r = await cli(['rapat', 'list', '--db', db])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Tanggal\s+Tingkat\s+Jenis\s+Judul\s+Tempat\s+Hadir\s+Tindak lanjut$/)
    expect(lines[1]).toMatch(/^-+( +-+){6}$/)
    const body = lines.slice(2, -1)
    expect(body).toHaveLength(rows.length)
    for (const line of body) expect(line).toMatch(BULAN_SINGKAT)
    expect(body.filter((l) => l.includes('LEWAT TENGGAT')).length).toBe(rows.filter((m) => m.overdueFollowUps > 0).length)
    const open = rows.reduce((n, m) => n + m.openFollowUps, 0)
    const overdue = rows.reduce((n, m) => n + m.overdueFollowUps, 0)
    expect(lines.at(-1)).toBe(`${rows.length} rapat, ${open.toLocaleString('id-ID')} tindak lanjut belum selesai, ${overdue.toLocaleString('id-ID')} lewat tenggat.`)
  })
})

describe('tindak-lanjut list', () => {
  it('gives every follow-up as JSON with the OPD by name and the deadline as YYYY-MM-DD', async () => {
    const rows = await followUps()
    const meetings = new Set((await json<{ id: string }>(['rapat', 'list'])).map((m) => m.id))
    expect(rows.length).toBeGreaterThan(20)
    const today = todayJakarta()
    for (const f of rows) {
      // The fields the README promises to scripts.
      expect(Object.keys(f).sort()).toEqual(
        ['closedDate', 'date', 'daysOverdue', 'description', 'dueDate', 'id', 'meetingId', 'meetingTitle', 'opd', 'opdId', 'overdue', 'posyandu', 'posyanduId', 'source', 'spmField', 'status'].sort(),
      )
      expect(f).toMatchObject({ id: expect.any(String), description: expect.any(String), opd: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
      expect(f.description.length).toBeGreaterThan(20)
      expect(FOLLOW_UP_STATUSES).toContain(f.status)
      expect(f.overdue).toBe(f.dueDate < today && !CLOSED_STATUSES.includes(f.status))
      expect(f.daysOverdue).toBe(f.overdue ? daysBetween(f.dueDate, today) : 0)
      if (f.meetingId) expect(meetings.has(f.meetingId)).toBe(true)
    }
    expect(rows.some((f) => f.overdue)).toBe(true)
    expect(rows.some((f) => f.status === 'selesai')).toBe(true)
    expect(new Set(rows.map((f) => f.opd)).size).toBeGreaterThan(3)
  })

  it('--overdue gives exactly the overdue ones', async () => {
    const all = await followUps()
    const overdue = await followUps('--overdue')
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((f) => f.overdue)).toBe(true)
    expect(overdue.map((f) => f.id).sort()).toEqual(all.filter((f) => f.overdue).map((f) => f.id).sort())
  })

  it('prints a table marking the overdue rows, and a summary line', async () => {
    const all = await followUps()
    const r = await cli(['tindak-lanjut', 'list', '--db', db])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Tenggat\s+Status\s+Lewat tenggat\s+OPD\s+Uraian\s+Posyandu$/)
    const body = lines.slice(2, -1)
    expect(body).toHaveLength(all.length)
    for (const line of body) expect(line).toMatch(BULAN_SINGKAT)
    const marked = body.filter((l) => /LEWAT \d+ hari/.test(l))
    const overdue = all.filter((f) => f.overdue)
    expect(marked).toHaveLength(overdue.length)
    expect(lines.at(-1)).toBe(`${all.length.toLocaleString('id-ID')} tindak lanjut, ${overdue.length.toLocaleString('id-ID')} lewat tenggat.`)

    const only = await cli(['tindak-lanjut', 'list', '--db', db, '--overdue'])
    expect(only.stdout.trimEnd().split('\n').at(-1)).toBe(`${overdue.length.toLocaleString('id-ID')} tindak lanjut, ${overdue.length.toLocaleString('id-ID')} lewat tenggat.`)
  })

  it('refuses a missing --db and a file that does not exist, each with one Indonesian line', async () => {
    const missing = await cli(['tindak-lanjut', 'list'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^Opsi --db wajib diisi\. Cara pakai: npm run simpul -- tindak-lanjut list --db BERKAS \[--overdue\] \[--json\]/)
    const absent = await cli(['rapat', 'list', '--db', join(dir, 'tidak-ada.sqlite')])
    expect(absent.code).toBe(1)
    expect(absent.stderr).toMatch(/^Berkas basis data tidak ditemukan: .*tidak-ada\.sqlite\. Jalankan dulu: npm run simpul -- init/)
    expect(absent.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('says so when an office has no follow-up yet', async () => {
    const empty = join(dir, 'kosong.sqlite')
    expect((await cli(['init', '--db', empty, '--level', 'kelurahan', '--wilayah', '36.71.01.1001', '--name', 'Kantor Kelurahan Sukarasa'])).code).toBe(0)
    expect((await cli(['tindak-lanjut', 'list', '--db', empty])).stdout).toBe('Belum ada tindak lanjut yang dicatat.\n')
    expect((await cli(['tindak-lanjut', 'list', '--db', empty, '--overdue'])).stdout).toBe('Tidak ada tindak lanjut yang lewat tenggat.\n')
    expect((await cli(['rapat', 'list', '--db', empty])).stdout).toBe('Belum ada rapat yang dicatat.\n')
    expect(JSON.parse((await cli(['tindak-lanjut', 'list', '--db', empty, '--json'])).stdout)).toEqual([])
  })
})

describe('help', () => {
  it('lists both commands with their options and examples', async () => {
    const r = await cli(['help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('  rapat list --db BERKAS [--json]')
    expect(r.stdout).toContain('  tindak-lanjut list --db BERKAS [--overdue] [--json]')
    expect(r.stdout).toContain('npm run simpul -- tindak-lanjut list --db kota.sqlite --overdue')
    const own = await cli(['tindak-lanjut', 'list', '--help'])
    expect(own.stdout).toMatch(/^Cara pakai: npm run simpul -- tindak-lanjut list --db BERKAS \[--overdue\] \[--json\]\n.*lewat tenggat/)
  })
})
