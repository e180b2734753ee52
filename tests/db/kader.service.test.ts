import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { archiveKader, checkNik, createKader, exportKaderList, getKader, listKader, restoreKader, updateKader } from '../../electron/core/features/kader/kader.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { kaderInput, kaderListInput, type Input, type Posyandu } from '../../shared/contract'
import { NIK_MESSAGES } from '../../shared/domain/nik'
import { createTestDb, errorOf, kaderFields, makeKader, makePosyandu, nik, setUpKelurahan, type TestDb, columnVersions } from '../fixtures/db'

let t: TestDb
let melati: Posyandu
beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
})
afterEach(async () => t.cleanup())

const update = (id: string, fields: Input<'kader:create'>) => updateKader(t.db, { ...kaderInput.parse(fields), id })
const list = (q: Input<'kader:list'> = {}) => listKader(t.db, kaderListInput.parse(q))
const rowOf = (id: string) => t.db.selectFrom('kader').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('createKader', () => {
  it('saves a kader with a first status entry and no warnings when the NIK agrees', async () => {
    const fields = kaderFields(melati.id, { statusNote: 'SK kader 2024' })
    const { kader, warnings } = await createKader(t.db, kaderInput.parse(fields))
    expect(warnings).toEqual([])
    expect(kader).toMatchObject({
      nik: fields.nik,
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1985-04-12',
      phone: '+6281234567890',
      rt: '002',
      rw: '001',
      posyanduId: melati.id,
      posyanduName: 'Posyandu Melati 01',
      villageCode: '36.71.01.1001',
      role: 'kader',
      spmFields: ['kesehatan'],
      education: 'sma',
      status: 'aktif',
      statusDate: '2024-01-15',
      archived: false,
    })
    expect(kader.statusHistory).toEqual([
      { id: expect.any(String), status: 'aktif', date: '2024-01-15', note: 'SK kader 2024', recordedAt: kader.createdAt },
    ])
  })

  it('dates the first status today in Jakarta when no date is given', async () => {
    const { kader } = await makeKader(t.db, melati.id, { statusDate: null })
    expect(kader.statusDate).toBe(todayJakarta())
    expect(kader.statusHistory[0]!.date).toBe(todayJakarta())
  })

  it('saves but warns when the NIK disagrees with the birth date and sex', async () => {
    const { kader, warnings } = await makeKader(t.db, melati.id, {
      nik: nik({ birthDate: '1985-04-12', sex: 'P' }),
      birthDate: '1986-04-12',
      sex: 'L',
    })
    expect(warnings.map((w) => w.code).sort()).toEqual(['birth_date_mismatch', 'sex_mismatch'])
    expect(kader.sex).toBe('L')
  })

  it('refuses a NIK with an impossible date, naming the field', async () => {
    const e = await errorOf(() => makeKader(t.db, melati.id, { nik: '3671013102850001' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'nik', message: NIK_MESSAGES.date })
  })

  it('refuses a NIK whose kecamatan does not exist', async () => {
    const e = await errorOf(() => makeKader(t.db, melati.id, { nik: '3671991204850001' }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'nik', message: NIK_MESSAGES.district })
  })

  it('refuses a NIK that another kader already has, naming that kader and Posyandu', async () => {
    const first = await makeKader(t.db, melati.id, { name: 'Siti Aminah' })
    const e = await errorOf(() => makeKader(t.db, melati.id, { nik: first.kader.nik, name: 'Orang Lain' }))
    expect(e).toMatchObject({
      code: 'duplicate_nik',
      field: 'nik',
      existingId: first.kader.id,
      message: 'NIK ini sudah terdaftar atas nama Siti Aminah (Posyandu Melati 01). Buka data kader tersebut.',
    })
    expect((await list()).total).toBe(1)
  })

  it('allows the NIK of an archived kader', async () => {
    const first = await makeKader(t.db, melati.id)
    await archiveKader(t.db, { id: first.kader.id })
    const again = await makeKader(t.db, melati.id, { nik: first.kader.nik })
    expect(again.kader.nik).toBe(first.kader.nik)
  })

  it('refuses a Posyandu that does not exist', async () => {
    const e = await errorOf(() => makeKader(t.db, '01a2084a-6b83-754d-b142-4421af1ad240'))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'posyanduId' })
  })
})

describe('updateKader', () => {
  it('changes fields and versions only those that changed', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    const before = await rowOf(kader.id)
    const { kader: after } = await update(kader.id, { ...kaderFields(melati.id), nik: kader.nik, phone: '0857 1111 2222', notes: 'Pindah RT' })
    expect(after).toMatchObject({ phone: '+6285711112222', notes: 'Pindah RT', status: 'aktif' })
    const row = await rowOf(kader.id)
    expect(row.version > before.version).toBe(true)
    expect(columnVersions(row.field_versions)).toEqual({ phone: row.version, notes: row.version })
    expect(after.statusHistory).toHaveLength(1)
  })

  it('appends a dated status entry when the status changes, newest first', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    const { kader: after } = await update(kader.id, {
      ...kaderFields(melati.id),
      nik: kader.nik,
      status: 'pindah',
      statusDate: '2025-02-01',
      statusNote: 'Pindah ke Kota Serang',
    })
    expect(after.status).toBe('pindah')
    expect(after.statusDate).toBe('2025-02-01')
    expect(after.statusHistory.map((h) => [h.status, h.date, h.note])).toEqual([
      ['pindah', '2025-02-01', 'Pindah ke Kota Serang'],
      ['aktif', '2024-01-15', null],
    ])
  })

  it('refuses a status change dated before the previous one, naming its date; the same day is allowed', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    await update(kader.id, { ...kaderFields(melati.id), nik: kader.nik, status: 'nonaktif', statusDate: '2025-02-01', statusNote: null })
    const e = await errorOf(() => update(kader.id, { ...kaderFields(melati.id), nik: kader.nik, status: 'aktif', statusDate: '2025-01-20', statusNote: null }))
    expect(e).toMatchObject({ code: 'invalid_input', field: 'statusDate' })
    expect(e.message).toBe(
      'Tanggal berlaku (20 Januari 2025) tidak boleh sebelum perubahan status sebelumnya (1 Februari 2025). Pilih tanggal 1 Februari 2025 atau sesudahnya.',
    )
    // Nothing written: still nonaktif, two history lines.
    const still = await getKader(t.db, { id: kader.id })
    expect([still.status, still.statusHistory.length]).toEqual(['nonaktif', 2])
    const { kader: after } = await update(kader.id, { ...kaderFields(melati.id), nik: kader.nik, status: 'aktif', statusDate: '2025-02-01', statusNote: null })
    expect(after.statusHistory.map((h) => [h.status, h.date])).toEqual([
      ['aktif', '2025-02-01'],
      ['nonaktif', '2025-02-01'],
      ['aktif', '2024-01-15'],
    ])
  })

  it('keeps the status date and history when other fields change', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    const { kader: after } = await update(kader.id, { ...kaderFields(melati.id), nik: kader.nik, name: 'Siti Aminah Rahayu', statusDate: '2025-05-05' })
    expect(after.statusDate).toBe('2024-01-15')
    expect(after.statusHistory).toHaveLength(1)
  })

  it('refuses to take the NIK of another kader, but keeps its own', async () => {
    const a = await makeKader(t.db, melati.id, { name: 'Ani' })
    const b = await makeKader(t.db, melati.id, { name: 'Budi Santoso', sex: 'L', nik: nik({ sex: 'L' }) })
    const e = await errorOf(() => update(b.kader.id, { ...kaderFields(melati.id), nik: a.kader.nik }))
    expect(e).toMatchObject({ code: 'duplicate_nik', existingId: a.kader.id })
    const same = await update(a.kader.id, { ...kaderFields(melati.id), nik: a.kader.nik, name: 'Ani Suryani' })
    expect(same.kader.name).toBe('Ani Suryani')
  })

  it('does not touch the version when nothing changed', async () => {
    const fields = kaderFields(melati.id)
    const { kader } = await createKader(t.db, kaderInput.parse(fields))
    const before = await rowOf(kader.id)
    await update(kader.id, fields)
    expect((await rowOf(kader.id)).version).toBe(before.version)
  })

  it('refuses to edit an archived kader until restored', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    await archiveKader(t.db, { id: kader.id })
    const e = await errorOf(() => update(kader.id, { ...kaderFields(melati.id), nik: kader.nik }))
    expect(e).toMatchObject({ code: 'not_found', message: expect.stringMatching(/diarsipkan/) })
  })
})

describe('archive and restore', () => {
  it('archives as a tombstone with a new version, and restores it', async () => {
    const { kader } = await makeKader(t.db, melati.id)
    const v0 = (await rowOf(kader.id)).version
    expect(await archiveKader(t.db, { id: kader.id })).toEqual({ id: kader.id })
    const archived = await rowOf(kader.id)
    expect(archived.deleted).toBe(1)
    expect(archived.version > v0).toBe(true)
    expect(columnVersions(archived.field_versions)).toEqual({ deleted: archived.version })
    expect((await list()).total).toBe(0)
    expect((await list({ archived: true })).rows.map((r) => [r.id, r.archived])).toEqual([[kader.id, true]])

    const restored = await restoreKader(t.db, { id: kader.id })
    expect(restored.archived).toBe(false)
    expect((await rowOf(kader.id)).version > archived.version).toBe(true)
    expect((await list()).total).toBe(1)
  })

  it('refuses to restore when another kader took the NIK meanwhile', async () => {
    const { kader } = await makeKader(t.db, melati.id, { name: 'Siti Lama' })
    await archiveKader(t.db, { id: kader.id })
    const other = await makeKader(t.db, melati.id, { nik: kader.nik, name: 'Siti Baru' })
    const e = await errorOf(() => restoreKader(t.db, { id: kader.id }))
    expect(e).toMatchObject({ code: 'duplicate_nik', existingId: other.kader.id, message: expect.stringMatching(/Siti Baru/) })
    expect((await rowOf(kader.id)).deleted).toBe(1)
  })

  it('says a kader that does not exist was not found', async () => {
    const id = '01a2084a-6b83-754d-b142-4421af1ad240'
    expect((await errorOf(() => archiveKader(t.db, { id }))).code).toBe('not_found')
    expect((await errorOf(() => restoreKader(t.db, { id }))).code).toBe('not_found')
    expect((await errorOf(() => getKader(t.db, { id }))).code).toBe('not_found')
  })
})

describe('checkNik', () => {
  it('derives kecamatan, birth date and sex, and compares them with what was entered', async () => {
    const n = nik({ birthDate: '1990-07-21', sex: 'P' })
    const check = await checkNik(t.db, { nik: n, birthDate: '1990-07-21', sex: 'L' })
    expect(check).toEqual({
      valid: true,
      message: null,
      derived: { districtCode: '36.71.01', districtName: 'Tangerang', birthDate: '1990-07-21', sex: 'P' },
      warnings: [expect.objectContaining({ code: 'sex_mismatch' })],
      duplicate: null,
    })
  })

  it('explains why a NIK cannot be right', async () => {
    expect(await checkNik(t.db, { nik: '1234' })).toMatchObject({ valid: false, message: NIK_MESSAGES.shape, derived: null })
    expect(await checkNik(t.db, { nik: '9999991204850001' })).toMatchObject({ valid: false, message: NIK_MESSAGES.district })
  })

  it('reports a duplicate among non-archived kader, except the kader being edited', async () => {
    const { kader } = await makeKader(t.db, melati.id, { name: 'Siti Aminah' })
    expect((await checkNik(t.db, { nik: kader.nik })).duplicate).toEqual({ id: kader.id, name: 'Siti Aminah', posyanduName: 'Posyandu Melati 01' })
    expect((await checkNik(t.db, { nik: kader.nik, excludeId: kader.id })).duplicate).toBeNull()
    await archiveKader(t.db, { id: kader.id })
    expect((await checkNik(t.db, { nik: kader.nik })).duplicate).toBeNull()
  })
})

describe('listKader', () => {
  async function roster() {
    const anggrek = await makePosyandu(t.db, { name: 'Posyandu Anggrek 02', rw: '2' })
    const made = {
      siti: await makeKader(t.db, melati.id, { name: 'Siti Aminah', birthDate: '1980-01-01', nik: nik({ birthDate: '1980-01-01' }) }),
      budi: await makeKader(t.db, anggrek.id, {
        name: 'budi Santoso',
        sex: 'L',
        birthDate: '1995-05-05',
        nik: nik({ birthDate: '1995-05-05', sex: 'L' }),
        spmFields: ['pendidikan', 'kesehatan'],
        role: 'ketua',
      }),
      ani: await makeKader(t.db, anggrek.id, { name: 'Ani Suryani', status: 'nonaktif', birthDate: '1970-03-03', nik: nik({ birthDate: '1970-03-03' }) }),
      dewi: await makeKader(t.db, melati.id, { name: 'Dewi Lestari', status: 'pindah', birthDate: '2001-12-12', nik: nik({ birthDate: '2001-12-12' }) }),
    }
    return { anggrek, ...Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.kader])) } as { anggrek: Posyandu } & Record<
      'siti' | 'budi' | 'ani' | 'dewi',
      (typeof made)['siti']['kader']
    >
  }

  it('lists the roster by name without case, with NIK masked', async () => {
    const r = await roster()
    const { total, rows } = await list()
    expect(total).toBe(4)
    expect(rows.map((x) => x.name)).toEqual(['Ani Suryani', 'budi Santoso', 'Dewi Lestari', 'Siti Aminah'])
    expect(rows[1]).toEqual({
      id: r.budi.id,
      nikMasked: `${r.budi.nik.slice(0, 6)}******${r.budi.nik.slice(12)}`,
      name: 'budi Santoso',
      sex: 'L',
      birthDate: '1995-05-05',
      phone: '+6281234567890',
      posyanduId: r.anggrek.id,
      posyanduName: 'Posyandu Anggrek 02',
      villageName: 'Sukarasa',
      role: 'ketua',
      spmFields: ['pendidikan', 'kesehatan'],
      status: 'aktif',
      archived: false,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    })
    expect(JSON.stringify(rows)).not.toContain(r.budi.nik)
  })

  it('sorts by each column in both directions, ties by name', async () => {
    await roster()
    const names = async (q: Input<'kader:list'>) => (await list(q)).rows.map((x) => x.name.split(' ')[0])
    expect(await names({ sortDir: 'desc' })).toEqual(['Siti', 'Dewi', 'budi', 'Ani'])
    expect(await names({ sortBy: 'birthDate' })).toEqual(['Ani', 'Siti', 'budi', 'Dewi'])
    expect(await names({ sortBy: 'birthDate', sortDir: 'desc' })).toEqual(['Dewi', 'budi', 'Siti', 'Ani'])
    expect(await names({ sortBy: 'posyandu' })).toEqual(['Ani', 'budi', 'Dewi', 'Siti'])
    expect(await names({ sortBy: 'posyandu', sortDir: 'desc' })).toEqual(['Dewi', 'Siti', 'Ani', 'budi'])
    expect(await names({ sortBy: 'status' })).toEqual(['budi', 'Siti', 'Ani', 'Dewi'])
    expect(await names({ sortBy: 'status', sortDir: 'desc' })).toEqual(['Dewi', 'Ani', 'budi', 'Siti'])
  })

  it('sorts by last change, most recent first when descending', async () => {
    const r = await roster()
    // updated_at has millisecond resolution: on a fast machine the last kader of the roster can
    // be created in the same millisecond as the edit below, and a tie sorts by name.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await update(r.siti.id, { ...kaderFields(melati.id), nik: r.siti.nik, name: 'Siti Aminah', birthDate: '1980-01-01', notes: 'baru' })
    expect((await list({ sortBy: 'updatedAt', sortDir: 'desc' })).rows[0]!.id).toBe(r.siti.id)
  })

  it('filters by Posyandu, status and SPM field, with the total of the filter', async () => {
    const r = await roster()
    expect((await list({ posyanduId: r.anggrek.id })).rows.map((x) => x.id).sort()).toEqual([r.ani.id, r.budi.id].sort())
    expect(await list({ status: 'nonaktif' })).toMatchObject({ total: 1, rows: [{ id: r.ani.id }] })
    expect(await list({ spmField: 'pendidikan' })).toMatchObject({ total: 1, rows: [{ id: r.budi.id }] })
    expect((await list({ posyanduId: r.anggrek.id, status: 'aktif' })).rows.map((x) => x.id)).toEqual([r.budi.id])
  })

  it('searches by part of the name without case', async () => {
    const r = await roster()
    expect((await list({ query: 'SANTO' })).rows.map((x) => x.id)).toEqual([r.budi.id])
    // Each word on its own, in any order: "aminah siti" finds Siti Aminah.
    expect((await list({ query: 'aminah  SITI' })).rows.map((x) => x.id)).toEqual([r.siti.id])
    expect((await list({ query: '%' })).total).toBe(4)
    expect((await list({ query: 'tidak ada' })).total).toBe(0)
  })

  it('finds the start of any word of the name, and a name typed with one slip as similar', async () => {
    const r = await roster()
    // "amin" is the start of the second word; "lest" of Lestari.
    expect(await list({ query: 'amin' })).toMatchObject({ total: 1, rows: [{ id: r.siti.id }] })
    expect((await list({ query: 'lest' })).rows[0]).not.toHaveProperty('similar')
    // A letter missing, extra, wrong, or two swapped: still found, and marked as only similar.
    for (const typo of ['Amnah', 'Aminnah', 'Aminsh', 'Amniah', 'siti amnah']) {
      const found = await list({ query: typo })
      expect(found, typo).toMatchObject({ total: 1, rows: [{ id: r.siti.id, similar: true }] })
    }
    // The start of a word with a slip in it ("santso" for "santos…"), and never the archive or a filter left out.
    expect(await list({ query: 'santso' })).toMatchObject({ total: 1, rows: [{ id: r.budi.id, similar: true }] })
    expect((await list({ query: 'santso', status: 'nonaktif' })).total).toBe(0)
    // Two slips are too many; short words are never read with a slip ("ami" would find half a roster).
    expect((await list({ query: 'Amnha' })).total).toBe(0)
    expect((await list({ query: 'dwi' })).total).toBe(0)
    // The last letter typed is not a wildcard: "santa" is not a slip for the start of "santoso".
    expect((await list({ query: 'santa' })).total).toBe(0)
  })

  it('searches by a full NIK, a part of one, or one typed with spaces', async () => {
    const r = await roster()
    expect((await list({ query: r.dewi.nik })).rows.map((x) => x.id)).toEqual([r.dewi.id])
    expect((await list({ query: r.dewi.nik.slice(6, 12) })).rows.map((x) => x.id)).toEqual([r.dewi.id])
    const spaced = `${r.dewi.nik.slice(0, 4)} ${r.dewi.nik.slice(4, 8)} ${r.dewi.nik.slice(8)}`
    expect((await list({ query: spaced })).rows.map((x) => x.id)).toEqual([r.dewi.id])
    expect((await list({ query: '367101' })).total).toBe(4)
  })

  it('pages with offset and limit while the total counts everything', async () => {
    await roster()
    const first = await list({ limit: 3 })
    const second = await list({ limit: 3, offset: 3 })
    expect(first.total).toBe(4)
    expect(second.total).toBe(4)
    expect([...first.rows, ...second.rows].map((x) => x.name)).toEqual(['Ani Suryani', 'budi Santoso', 'Dewi Lestari', 'Siti Aminah'])
    expect((await list({ offset: 10 })).rows).toEqual([])
  })
})

describe('exportKaderList', () => {
  it('gives every non-archived kader with the full NIK, sorted by name', async () => {
    const a = await makeKader(t.db, melati.id, { name: 'Yuli' })
    const b = await makeKader(t.db, melati.id, { name: 'Ade', sex: 'L', nik: nik({ sex: 'L' }), phone: null })
    const gone = await makeKader(t.db, melati.id, { name: 'Maman', sex: 'L', nik: nik({ sex: 'L' }) })
    await archiveKader(t.db, { id: gone.kader.id })
    expect(await exportKaderList(t.db)).toEqual([
      {
        id: b.kader.id,
        nik: b.kader.nik,
        name: 'Ade',
        sex: 'L',
        birthDate: '1985-04-12',
        posyanduId: melati.id,
        posyanduName: 'Posyandu Melati 01',
        status: 'aktif',
        role: 'kader',
        phone: null,
        spmFields: ['kesehatan'],
      },
      expect.objectContaining({ id: a.kader.id, nik: a.kader.nik, phone: '+6281234567890' }),
    ])
  })
})
