import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { berandaSummary, followUpCounts } from '../../electron/core/features/beranda/beranda.service'
import { archiveKader } from '../../electron/core/features/kader/kader.service'
import { setSettings } from '../../electron/core/features/settings/settings.service'
import { createTestDb, makeKader, makePosyandu, nik, setUpKelurahan, type TestDb } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
})
afterEach(async () => t.cleanup())

describe('berandaSummary', () => {
  it('is all zeros for a new office', async () => {
    const s = await berandaSummary(t.db)
    expect(s.posyandu).toEqual({ total: 0, active: 0 })
    expect(s.kader.total).toBe(0)
    expect(s.kader.byStatus).toEqual({ aktif: 0, nonaktif: 0, pindah: 0, meninggal: 0 })
    expect(Object.values(s.kader.bySpmField).every((n) => n === 0)).toBe(true)
    expect(s.posyanduBelowMinimum).toEqual([])
    expect(s.kaderLevels).toEqual({ none: 0, purwa: 0, madya: 0, utama: 0 })
  })

  it('counts Posyandu, non-archived kader by status and role, active kader by SPM field, and flags thin Posyandu', async () => {
    await setSettings(t.db, { minKaderPerPosyandu: 2 })
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
    const anggrek = await makePosyandu(t.db, { name: 'Posyandu Anggrek 02' })
    await makePosyandu(t.db, { name: 'Posyandu Dahlia 03', active: false })
    await makeKader(t.db, melati.id, { role: 'ketua', spmFields: ['kesehatan', 'pendidikan'] })
    await makeKader(t.db, melati.id, { nik: nik(), spmFields: ['sosial'] })
    // Moved away: counted among the statuses, not as serving a field any more.
    await makeKader(t.db, anggrek.id, { nik: nik(), status: 'pindah', spmFields: ['kesehatan', 'trantibumlinmas'] })
    await makeKader(t.db, anggrek.id, { nik: nik(), status: 'meninggal', spmFields: ['kesehatan'] })
    const gone = await makeKader(t.db, anggrek.id, { nik: nik() })
    await archiveKader(t.db, { id: gone.kader.id })

    const s = await berandaSummary(t.db)
    expect(s.posyandu).toEqual({ total: 3, active: 2 })
    expect(s.kader.total).toBe(4)
    expect(s.kader.byStatus).toEqual({ aktif: 2, nonaktif: 0, pindah: 1, meninggal: 1 })
    expect(s.kader.bySpmField).toEqual({ pendidikan: 1, kesehatan: 1, pekerjaan_umum: 0, perumahan_rakyat: 0, trantibumlinmas: 0, sosial: 1 })
    expect(s.kader.byRole).toEqual({ ketua: 1, sekretaris: 0, bendahara: 0, ketua_bidang: 0, kader: 3 })
    expect(s.posyanduBelowMinimum).toEqual([{ id: anggrek.id, name: 'Posyandu Anggrek 02', activeKaderCount: 0 }])
    // No assessments yet: every active kader is without a level.
    expect(s.kaderLevels).toEqual({ none: 2, purwa: 0, madya: 0, utama: 0 })
  })

  it('counts open follow-ups and the overdue ones among them, by the overdue rule', async () => {
    const sync = { site_id: 's', version: '1795000000000:0000:s', field_versions: '{}', created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', deleted: 0 as const }
    await t.db.insertInto('opd').values({ ...sync, id: 'o1', code: null, name: 'Dinas Uji', spm_fields: '[]', active: 1 }).execute()
    const f = (id: string, due: string, status: string, deleted: 0 | 1 = 0) =>
      t.db
        .insertInto('follow_up')
        .values({ ...sync, id, deleted, source: 'aduan', meeting_id: null, date: '2026-11-01', posyandu_id: null, spm_field: null, description: id, reporter: null, opd_id: 'o1', due_date: due, status, closed_date: null, closing_evidence: null })
        .execute()
    await f('late', '2026-11-22', 'baru')
    await f('late-too', '2026-11-01', 'diproses')
    await f('due-today', '2026-11-23', 'baru')
    await f('closed-late', '2026-11-01', 'selesai')
    await f('given-up', '2026-11-01', 'tidak_dapat')
    await f('archived', '2026-11-01', 'baru', 1)
    expect(await followUpCounts(t.db, '2026-11-23')).toEqual({ open: 3, overdue: 2 })
  })
})
