import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { activeCatalogue } from '../../electron/core/features/competency/catalogue.service'
import { generateDemo, mulberry32 } from '../../electron/core/features/demo/demo.service'
import { FIRST_NOTE } from '../../electron/core/features/follow-up/follow-up.service'
import { exportKaderList, getKader, listKader } from '../../electron/core/features/kader/kader.service'
import { listPosyandu } from '../../electron/core/features/posyandu/posyandu.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import type { Db } from '../../electron/core/db/schema'
import { kaderListInput, type Attendee } from '../../shared/contract'
import { ASSESSMENT_METHODS, LEVEL_CODES, TRAINING_KINDS, competencyCodes, levelOf, type LevelCode } from '../../shared/domain/competency'
import { CLOSED_STATUSES, FOLLOW_UP_SOURCES, MEETING_KINDS, isOverdue, parseRichText, type FollowUpStatus } from '../../shared/domain/meeting'
import { compareNik, parseNik } from '../../shared/domain/nik'
import { createTestDb, errorOf, setUpKelurahan, type TestDb } from '../fixtures/db'

const opened: TestDb[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.cleanup()
})

async function kecamatanDb(): Promise<TestDb> {
  const t = await createTestDb()
  opened.push(t)
  await setupSite(t.db, { level: 'kecamatan', areaCode: '36.71.01', name: 'Kantor Kecamatan Tangerang', coveredVillageCodes: [] })
  return t
}

const DEMO = { wilayah: '36.71.01', posyanduPerVillage: 3, kaderPerPosyandu: 12, seed: 7 }

/** Everything the generator decides, without ids, versions and timestamps (which come from the clock). */
async function content(db: Db) {
  // Ids are random: the Pustu is told by its name, the pengurus by theirs.
  const posyandu = (await listPosyandu(db, { includeInactive: true })).map(({ id: _id, createdAt: _created, updatedAt: _updated, pustuId: _pustu, pengurus, ...rest }) => ({
    ...rest,
    pengurus: Object.values(pengurus).map((holders) => holders.map((k) => k.name)),
  }))
  const kader = (await exportKaderList(db)).map(({ id: _id, posyanduId: _posyandu, ...rest }) => rest)
  const history = await db
    .selectFrom('kader_status')
    .innerJoin('kader', 'kader.id', 'kader_status.kader_id')
    .select(['kader.nik', 'kader_status.status', 'kader_status.date', 'kader_status.note'])
    .orderBy('kader.nik')
    .orderBy('kader_status.date')
    .execute()
  return { posyandu, kader, history }
}

/** A digest of the training history as the generator decided it: no ids, versions or timestamps. */
async function trainingDigest(db: Db): Promise<string> {
  const trainings = await db
    .selectFrom('training')
    .select(['title', 'kind', 'start_date', 'end_date', 'place', 'organiser', 'facilitators', 'competencies', 'catalogue_version', 'notes'])
    .orderBy('start_date')
    .orderBy('title')
    .orderBy('place')
    .execute()
  const participants = await db
    .selectFrom('training_participant as tp')
    .innerJoin('training as t', 't.id', 'tp.training_id')
    .innerJoin('kader as k', 'k.id', 'tp.kader_id')
    .select(['t.title', 't.start_date', 'k.nik', 'tp.attendance', 'tp.pre_score', 'tp.post_score', 'tp.certificate_number'])
    .orderBy('k.nik')
    .orderBy('t.start_date')
    .orderBy('t.title')
    .execute()
  const assessments = await db
    .selectFrom('assessment as a')
    .innerJoin('kader as k', 'k.id', 'a.kader_id')
    .leftJoin('training as t', 't.id', 'a.training_id')
    .select([
      'k.nik', 'a.competency_code', 'a.date', 'a.result', 'a.method', 'a.catalogue_version', 'a.assessor_name', 'a.assessor_nip',
      'a.assessor_profession', 'a.assessor_institution', 'a.notes', 't.title', 't.start_date',
    ])
    .orderBy('k.nik')
    .orderBy('a.competency_code')
    .orderBy('a.date')
    .orderBy('a.method')
    .execute()
  expect(assessments.length).toBeGreaterThan(0)
  return createHash('sha256').update(JSON.stringify({ trainings, participants, assessments })).digest('hex')
}

/**
 * Each kader's level recomputed from the assessment table alone: the latest result per kader
 * and code (by date, then version) under the catalogue, through the shared level rule.
 */
async function levelsFromAssessments(db: Db): Promise<Map<string, LevelCode | null>> {
  const catalogue = await activeCatalogue(db)
  const rows = await db.selectFrom('assessment').select(['kader_id', 'competency_code', 'date', 'version', 'result']).where('deleted', '=', 0).execute()
  const latest = new Map<string, { date: string; version: string; result: string }>()
  for (const r of rows) {
    const key = `${r.kader_id} ${r.competency_code}`
    const seen = latest.get(key)
    if (!seen || r.date > seen.date || (r.date === seen.date && r.version > seen.version)) latest.set(key, r)
  }
  const competent = new Map<string, Set<string>>()
  for (const k of await db.selectFrom('kader').select('id').execute()) competent.set(k.id, new Set())
  for (const [key, r] of latest) {
    const [kaderId, code] = key.split(' ')
    if (r.result === 'kompeten') competent.get(kaderId!)!.add(code!)
  }
  return new Map([...competent].map(([id, set]) => [id, levelOf(catalogue, set)]))
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(mulberry32(43)()).not.toBe(xs[0])
  })
})

describe('generateDemo', () => {
  it('needs a set-up office', async () => {
    const t = await createTestDb()
    opened.push(t)
    expect((await errorOf(() => generateDemo(t.db, DEMO))).code).toBe('not_set_up')
  })

  it('refuses an area that is not in the Kemendagri list', async () => {
    const { db } = await kecamatanDb()
    const e = await errorOf(() => generateDemo(db, { ...DEMO, wilayah: '36.71.99' }))
    expect(e.code).toBe('unknown_area')
  })

  it('gives every kelurahan under the area its Posyandu, each with one ketua, sekretaris and bendahara', async () => {
    const { db } = await kecamatanDb()
    const progress: [number, number, string][] = []
    const made = await generateDemo(db, DEMO, (done, total, stage) => progress.push([done, total, stage]))
    const villages = await db.selectFrom('area').select('code').where('parent_code', '=', '36.71.01').execute()
    expect(made).toMatchObject({ villages: villages.length, posyandu: villages.length * 3, kader: villages.length * 36 })

    const posyandu = await listPosyandu(db, { includeInactive: true })
    for (const v of villages) expect(posyandu.filter((p) => p.villageCode === v.code)).toHaveLength(3)
    for (const p of posyandu) {
      expect(p.name).toMatch(/^Posyandu [A-Z][a-z]+( [A-Z][a-z]+)? \d{2}$/)
      expect(p.spmFields).toContain('kesehatan')
      expect(p.address).toMatch(/(Jl\.|Gg\.) /)
      expect(p.schedule).toMatch(/^Setiap /)
    }
    expect(new Set(posyandu.map((p) => `${p.villageCode} ${p.name}`)).size).toBe(posyandu.length)
    expect(posyandu.filter((p) => p.active).length).toBeGreaterThan(posyandu.length / 2)

    const roles = await db
      .selectFrom('kader')
      .select(['posyandu_id', 'role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', 'in', ['ketua', 'sekretaris', 'bendahara'])
      .groupBy(['posyandu_id', 'role'])
      .execute()
    expect(roles).toHaveLength(posyandu.length * 3)
    expect(roles.every((r) => Number(r.n) === 1)).toBe(true)

    // First the roster, then the training history, each counted in kader up to all of them.
    expect(progress.at(-1)).toEqual([made.kader, made.kader, 'pelatihan'])
    expect(progress).toContainEqual([made.kader, made.kader, 'kader'])
    expect(progress.every(([, total]) => total === made.kader)).toBe(true)
    const stages = progress.map(([, , stage]) => stage)
    expect(stages.indexOf('pelatihan')).toBe(stages.lastIndexOf('kader') + 1)
    for (const stage of ['kader', 'pelatihan']) {
      const done = progress.filter((p) => p[2] === stage).map(([d]) => d)
      expect(done).toEqual([...done].sort((a, b) => a - b))
    }
  })

  it('makes NIKs that are valid, unique, from a real kecamatan of the province, and agree with birth date and sex', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const kader = await db.selectFrom('kader').selectAll().execute()
    const districts = new Set(
      (await db.selectFrom('area').select('code').where('level', '=', 3).where('code', 'like', '36.%').execute()).map((a) => a.code),
    )
    const reference = new Date('2026-06-30T00:00:00Z')
    for (const k of kader) {
      const parsed = parseNik(k.nik)
      expect(parsed.ok, k.nik).toBe(true)
      if (!parsed.ok) continue
      expect(districts.has(parsed.value.districtCode)).toBe(true)
      expect(compareNik(parsed.value, { birthDate: k.birth_date, sex: k.sex })).toEqual([])
      expect(parsed.value.birthDate).toBe(k.birth_date)
      const age = (reference.getTime() - Date.parse(k.birth_date)) / (365.25 * 86_400_000)
      expect(age).toBeGreaterThanOrEqual(20)
      expect(age).toBeLessThan(66)
      if (k.phone) expect(k.phone).toMatch(/^\+628\d{8,11}$/)
    }
    expect(new Set(kader.map((k) => k.nik)).size).toBe(kader.length)
    expect(kader.filter((k) => k.nik.startsWith('367101')).length).toBeGreaterThan(kader.length / 2)
    expect(kader.filter((k) => k.sex === 'P').length).toBeGreaterThan(kader.length * 0.7)
    expect(kader.some((k) => k.sex === 'L')).toBe(true)
  })

  it('gives some kader another status than aktif, each with a dated history of 2–3 entries ending in it', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const others = await db.selectFrom('kader').select(['id', 'status', 'status_date']).where('status', '!=', 'aktif').execute()
    expect(others.length).toBeGreaterThan(0)
    expect(new Set(others.map((k) => k.status)).size).toBeGreaterThanOrEqual(2)
    for (const k of others) {
      const full = await getKader(db, { id: k.id })
      expect(full.statusHistory.length).toBeGreaterThanOrEqual(2)
      expect(full.statusHistory.length).toBeLessThanOrEqual(3)
      expect(full.statusHistory[0]).toMatchObject({ status: k.status, date: k.status_date })
      expect(full.statusHistory.at(-1)!.status).toBe('aktif')
      const dates = full.statusHistory.map((h) => h.date)
      expect(dates).toEqual([...new Set(dates)].sort().reverse())
    }
  })

  it('gives every row its own, increasing version', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const versions = [
      ...(await db.selectFrom('posyandu').select('version').execute()),
      ...(await db.selectFrom('kader').select('version').execute()),
      ...(await db.selectFrom('kader_status').select('version').execute()),
      ...(await db.selectFrom('training').select('version').execute()),
      ...(await db.selectFrom('training_participant').select('version').execute()),
      ...(await db.selectFrom('assessment').select('version').execute()),
    ].map((r) => r.version)
    expect(new Set(versions).size).toBe(versions.length)
    const clock = (await db.selectFrom('site').select('clock').executeTakeFirstOrThrow()).clock
    expect(versions.every((v) => v.slice(0, 18) <= clock)).toBe(true)
  })

  it('makes the same data for the same seed, and other data for another seed', async () => {
    const a = await kecamatanDb()
    const b = await kecamatanDb()
    const c = await kecamatanDb()
    await generateDemo(a.db, DEMO)
    await generateDemo(b.db, DEMO)
    await generateDemo(c.db, { ...DEMO, seed: 8 })
    const ca = await content(a.db)
    expect(await content(b.db)).toEqual(ca)
    expect((await content(c.db)).kader).not.toEqual(ca.kader)
  })

  it('accepts a single kelurahan, and adds to existing data without repeating a NIK', async () => {
    const t = await createTestDb()
    opened.push(t)
    await setUpKelurahan(t.db)
    await generateDemo(t.db, { wilayah: '3671011001', posyanduPerVillage: 2, kaderPerPosyandu: 5, seed: 1 })
    const again = await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 5, seed: 1 })
    expect(again).toMatchObject({ villages: 1, posyandu: 2, kader: 10 })
    const niks = (await t.db.selectFrom('kader').select('nik').execute()).map((k) => k.nik)
    expect(niks).toHaveLength(20)
    expect(new Set(niks).size).toBe(20)
  })

  it('makes the same training history for the same seed, and another for another seed', async () => {
    const a = await kecamatanDb()
    const b = await kecamatanDb()
    const c = await kecamatanDb()
    await generateDemo(a.db, DEMO)
    await generateDemo(b.db, DEMO)
    await generateDemo(c.db, { ...DEMO, seed: 8 })
    const digest = await trainingDigest(a.db)
    expect(await trainingDigest(b.db)).toBe(digest)
    expect(await trainingDigest(c.db)).not.toBe(digest)
  })

  it('gives the area kader at every level and kader without one, in believable proportions', async () => {
    const { db } = await kecamatanDb()
    const made = await generateDemo(db, DEMO)
    expect(made.trainings).toBeGreaterThan(0)
    expect(made.assessments).toBe(Number((await db.selectFrom('assessment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n))
    const active = await db
      .selectFrom('kader')
      .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
      .where('kader.status', '=', 'aktif')
      .select('kc.level')
      .execute()
    const share = (level: LevelCode | null) => active.filter((r) => (r.level ?? null) === level).length / active.length
    // Aimed at ~30 % none, 35 % Purwa, 25 % Madya, 10 % Utama; bounds leave room for chance.
    expect(share(null)).toBeGreaterThan(0.15)
    expect(share(null)).toBeLessThan(0.45)
    expect(share('purwa')).toBeGreaterThan(0.2)
    expect(share('purwa')).toBeLessThan(0.5)
    expect(share('madya')).toBeGreaterThan(0.1)
    expect(share('madya')).toBeLessThan(0.4)
    expect(share('utama')).toBeGreaterThan(0.02)
    expect(share('utama')).toBeLessThan(0.2)
    for (const level of LEVEL_CODES) expect(share(level), level).toBeGreaterThan(0)
  })

  it('derives every level by the catalogue rule from the latest assessments', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const catalogue = await activeCatalogue(db)
    const expected = await levelsFromAssessments(db)
    const derived = await db
      .selectFrom('kader')
      .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
      .select(['kader.id', 'kc.level', 'kc.competent', 'kc.catalogue_version'])
      .execute()
    expect(derived).toHaveLength(expected.size)
    for (const d of derived) {
      expect(d.level ?? null, d.id).toBe(expected.get(d.id))
      if (d.competent) {
        expect(d.catalogue_version).toBe(catalogue.version)
        const codes = JSON.parse(d.competent) as string[]
        expect(codes).toEqual(competencyCodes(catalogue).filter((c) => codes.includes(c)))
      }
    }
    const levels = new Set(expected.values())
    for (const level of [...LEVEL_CODES, null]) expect(levels.has(level), String(level)).toBe(true)
  })

  it('leaves some groups half done and supersedes some belum kompeten results by a later kompeten', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const catalogue = await activeCatalogue(db)
    const rows = await db.selectFrom('kader_competency').select(['competent', 'not_yet']).execute()
    const partial = rows.filter((r) => {
      const yes = new Set(JSON.parse(r.competent) as string[])
      return catalogue.groups.some((g) => g.items.some((i) => yes.has(i.code)) && !g.items.every((i) => yes.has(i.code)))
    })
    expect(partial.length).toBeGreaterThan(rows.length * 0.1)
    expect(rows.some((r) => (JSON.parse(r.not_yet) as string[]).length > 0)).toBe(true)

    const history = await db
      .selectFrom('assessment')
      .select(['kader_id', 'competency_code', 'date', 'result', 'method', 'training_id'])
      .orderBy('kader_id')
      .orderBy('competency_code')
      .orderBy('date')
      .orderBy('version')
      .execute()
    let superseded = 0
    for (let i = 1; i < history.length; i++) {
      const [before, after] = [history[i - 1]!, history[i]!]
      if (before.kader_id !== after.kader_id || before.competency_code !== after.competency_code) continue
      expect(after.date > before.date).toBe(true)
      expect(after.method).toBe('supervisi_posyandu')
      if (before.result === 'belum_kompeten' && after.result === 'kompeten') superseded++
    }
    expect(superseded).toBeGreaterThan(0)
  })

  it('records trainings of one group each, with 10–30 participants, attendance, scores and certificates, assessed at their end', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const catalogue = await activeCatalogue(db)
    const groups = catalogue.groups.map((g) => JSON.stringify(g.items.map((i) => i.code)))
    const trainings = await db.selectFrom('training').selectAll().execute()
    const participants = await db.selectFrom('training_participant').selectAll().execute()
    const kader = new Map((await db.selectFrom('kader').select(['id', 'status', 'status_date']).execute()).map((k) => [k.id, k]))
    const joined = new Map(
      (await db.selectFrom('kader_status').select(['kader_id', (eb) => eb.fn.min<string>('date').as('first')]).groupBy('kader_id').execute()).map((r) => [r.kader_id, r.first]),
    )
    const kinds = new Set(trainings.map((t) => t.kind))
    for (const kind of kinds) expect(TRAINING_KINDS).toContain(kind)
    expect(kinds.size).toBeGreaterThanOrEqual(3)
    for (const t of trainings) {
      const days = (Date.parse(t.end_date) - Date.parse(t.start_date)) / 86_400_000 + 1
      expect(days).toBeGreaterThanOrEqual(1)
      expect(days).toBeLessThanOrEqual(3)
      expect(t.end_date < '2026-06-30').toBe(true)
      expect(t.organiser).toBe('Puskesmas Tangerang')
      expect(t.place).toMatch(/\S{3}/)
      expect(t.catalogue_version).toBe(catalogue.version)
      expect(groups).toContain(t.competencies)
      const facilitators = JSON.parse(t.facilitators) as string[]
      expect(facilitators.length).toBeGreaterThanOrEqual(2)
      const own = participants.filter((p) => p.training_id === t.id)
      expect(own.length).toBeGreaterThanOrEqual(10)
      expect(own.length).toBeLessThanOrEqual(30)
      for (const p of own) {
        const attendance = JSON.parse(p.attendance) as string[]
        expect(attendance.length).toBeGreaterThanOrEqual(1)
        for (const day of attendance) expect(day >= t.start_date && day <= t.end_date).toBe(true)
        expect(joined.get(p.kader_id)! < t.start_date).toBe(true)
        const k = kader.get(p.kader_id)!
        if (k.status !== 'aktif') expect(t.end_date < k.status_date).toBe(true)
        if (p.pre_score !== null) expect(p.post_score!).toBeGreaterThan(p.pre_score)
        if (p.certificate_number) expect(p.certificate_number).toMatch(/^445\/\d{4}\.\d{2}\/PKM\.\d{2}\/[IVX]+\/20\d{2}$/)
      }
    }
    expect(participants.some((p) => p.certificate_number)).toBe(true)

    const byTraining = new Map(trainings.map((t) => [t.id, t]))
    const enrolled = new Set(participants.map((p) => `${p.training_id} ${p.kader_id}`))
    const assessments = await db.selectFrom('assessment').selectAll().execute()
    expect(new Set(assessments.map((a) => a.method))).toEqual(new Set(ASSESSMENT_METHODS.filter((m) => m !== 'observasi_praktik')))
    for (const a of assessments) {
      expect(a.assessor_nip).toMatch(/^\d{18}$/)
      expect(['Tenaga Promosi Kesehatan', 'Nutrisionis', 'Bidan', 'Perawat']).toContain(a.assessor_profession)
      expect(a.assessor_institution).toBe('Puskesmas Tangerang')
      expect(a.catalogue_version).toBe(catalogue.version)
      expect(a.date <= '2026-06-30').toBe(true)
      if (a.method === 'uji_pelatihan') {
        const t = byTraining.get(a.training_id!)!
        expect(a.date).toBe(t.end_date)
        expect(JSON.parse(t.competencies)).toContain(a.competency_code)
        expect(enrolled.has(`${a.training_id} ${a.kader_id}`)).toBe(true)
        expect(JSON.parse(t.facilitators)).toContain(a.assessor_name)
      } else {
        expect(a.training_id).toBeNull()
      }
    }
  })

  it('makes 20,000 kader with every level, and the roster pages through all of them a hundred at a time', async () => {
    const t = await createTestDb()
    opened.push(t)
    await setupSite(t.db, { level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang', coveredVillageCodes: [] })
    // How fast is the benchmark's business (npm run bench); a timed assertion here would flake.
    const made = await generateDemo(t.db, { wilayah: '36.71', posyanduPerVillage: 2, kaderPerPosyandu: 100, seed: 1 })
    expect(made.kader).toBeGreaterThanOrEqual(20_000)
    expect(made.trainings).toBeGreaterThan(1000)
    const levels = await t.db.selectFrom('kader_competency').select('level').distinct().execute()
    expect(new Set(levels.map((l) => l.level))).toEqual(new Set([null, ...LEVEL_CODES]))

    const input = kaderListInput.parse({})
    const page = await listKader(t.db, input)
    expect(page.total).toBe(made.kader)
    expect(page.rows).toHaveLength(100)
    const last = await listKader(t.db, { ...input, offset: made.kader - 50 })
    expect(last.rows).toHaveLength(50)
  }, 120_000)
})

// ---------------------------------------------------------------- Tim Pembina meetings and follow-ups

/** The meetings and follow-ups as the generator decided them: ids of rows replaced by what they name. */
async function meetingDigest(db: Db): Promise<string> {
  const opd = new Map((await db.selectFrom('opd').select(['id', 'name']).execute()).map((o) => [o.id, o.name]))
  const posyandu = new Map((await db.selectFrom('posyandu').select(['id', 'name', 'village_code']).execute()).map((p) => [p.id, `${p.village_code} ${p.name}`]))
  const meetings = (
    await db
      .selectFrom('meeting')
      .select(['id', 'level', 'kind', 'title', 'date', 'start_time', 'end_time', 'place', 'chair', 'minute_taker', 'invitation_number', 'posyandu_id', 'spm_fields', 'agenda', 'conclusions', 'attendees'])
      .orderBy('date')
      .orderBy('title')
      .orderBy('invitation_number')
      .execute()
  ).map(({ id: _id, posyandu_id, attendees, ...m }) => ({
    ...m,
    posyandu: posyandu_id ? posyandu.get(posyandu_id) : null,
    attendees: (JSON.parse(attendees) as { opdId: string | null }[]).map((a) => ({ ...a, opdId: a.opdId ? opd.get(a.opdId) : null })),
  }))
  const titles = new Map((await db.selectFrom('meeting').select(['id', 'title', 'date']).execute()).map((m) => [m.id, `${m.date} ${m.title}`]))
  const followUps = (
    await db
      .selectFrom('follow_up')
      .select(['id', 'source', 'meeting_id', 'date', 'posyandu_id', 'spm_field', 'description', 'reporter', 'opd_id', 'due_date', 'status', 'closed_date', 'closing_evidence'])
      .execute()
  ).map(({ id: _id, meeting_id, posyandu_id, opd_id, ...f }) => ({
    ...f,
    meeting: meeting_id ? titles.get(meeting_id) : null,
    posyandu: posyandu_id ? posyandu.get(posyandu_id) : null,
    opd: opd.get(opd_id),
  }))
  const progress = await db
    .selectFrom('follow_up_progress as p')
    .innerJoin('follow_up as f', 'f.id', 'p.follow_up_id')
    .select(['f.description', 'f.date as raised', 'p.date', 'p.status', 'p.note'])
    .execute()
  const sort = <T,>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort()
  return createHash('sha256').update(JSON.stringify({ meetings, followUps: sort(followUps), progress: sort(progress) })).digest('hex')
}

describe('generateDemo: Tim Pembina meetings and follow-ups', () => {
  const REFERENCE = '2026-06-30'
  const AFTER = '2026-07-01'

  it('makes the same meetings and follow-ups for the same seed, and others for another seed', async () => {
    const a = await kecamatanDb()
    const b = await kecamatanDb()
    const c = await kecamatanDb()
    const made = await generateDemo(a.db, DEMO)
    await generateDemo(b.db, DEMO)
    await generateDemo(c.db, { ...DEMO, seed: 8 })
    expect(made.meetings).toBeGreaterThan(0)
    expect(made.followUps).toBeGreaterThan(0)
    const digest = await meetingDigest(a.db)
    expect(await meetingDigest(b.db)).toBe(digest)
    expect(await meetingDigest(c.db)).not.toBe(digest)
  })

  it('gives every kelurahan its meetings, and the kecamatan its own, all dated on weekdays up to the reference date', async () => {
    const { db } = await kecamatanDb()
    const made = await generateDemo(db, DEMO)
    const meetings = await db.selectFrom('meeting').selectAll().execute()
    expect(meetings).toHaveLength(made.meetings)
    const villages = await db.selectFrom('area').select(['code', 'name']).where('parent_code', '=', '36.71.01').execute()
    for (const v of villages) {
      // The invitation number carries the office: "005/123/Kel.1001/III/2026".
      const own = meetings.filter((m) => m.level === 'kelurahan' && m.invitation_number!.includes(`/Kel.${v.code.slice(-4)}/`))
      expect(own.length, v.name).toBeGreaterThanOrEqual(2)
      expect(own.some((m) => m.title.includes(`Kelurahan ${v.name}`))).toBe(true)
    }
    expect(meetings.some((m) => m.level === 'kecamatan' && m.title.includes('Kecamatan Tangerang'))).toBe(true)
    expect(meetings.some((m) => m.level === 'kota')).toBe(false)
    expect(new Set(meetings.map((m) => m.kind)).size).toBeGreaterThanOrEqual(4)
    for (const m of meetings) {
      expect(MEETING_KINDS).toContain(m.kind)
      expect(m.date >= '2025-01-01' && m.date <= REFERENCE).toBe(true)
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${m.date}T00:00:00Z`).getUTCDay())
      expect(m.start_time! < m.end_time!).toBe(true)
      expect(m.invitation_number).toMatch(/^005\/\d{3}\/[A-Za-z.]+[\d.]*\/[IVX]+\/20\d{2}$/)
      const agenda = JSON.parse(m.agenda) as { title: string; minutes: string }[]
      expect(agenda.length).toBeGreaterThanOrEqual(2)
      for (const item of agenda) expect(parseRichText(item.minutes).length).toBeGreaterThan(0)
      if (m.kind === 'monev') expect(m.posyandu_id).not.toBeNull()
    }
  })

  it('gives every meeting an attendance list of 10–25 led by the Ketua TP PKK, with OPD members and about one in ten absent', async () => {
    const { db } = await kecamatanDb()
    await generateDemo(db, DEMO)
    const opd = new Set((await db.selectFrom('opd').select('id').execute()).map((o) => o.id))
    const meetings = await db.selectFrom('meeting').select(['chair', 'minute_taker', 'attendees']).execute()
    let all = 0
    let absent = 0
    for (const m of meetings) {
      const list = JSON.parse(m.attendees) as Attendee[]
      expect(list.length).toBeGreaterThanOrEqual(10)
      expect(list.length).toBeLessThanOrEqual(25)
      expect(list[0]).toMatchObject({ name: m.chair, present: true })
      expect(list[0]!.position).toMatch(/^Ketua TP PKK /)
      expect(list.find((a) => a.name === m.minute_taker)?.present).toBe(true)
      const members = list.filter((a) => a.opdId !== null)
      expect(members.length).toBeGreaterThanOrEqual(3)
      for (const a of members) expect(opd.has(a.opdId!)).toBe(true)
      for (const a of list) {
        expect(a.name.trim()).not.toBe('')
        if (a.phone) expect(a.phone).toMatch(/^\+628\d{8,11}$/)
      }
      all += list.length
      absent += list.filter((a) => !a.present).length
    }
    expect(absent / all).toBeGreaterThan(0.03)
    expect(absent / all).toBeLessThan(0.2)
  })

  it('assigns follow-ups to the OPD owning their SPM field, some closed with evidence and some overdue after the reference date', async () => {
    const { db } = await kecamatanDb()
    const made = await generateDemo(db, DEMO)
    const opd = new Map((await db.selectFrom('opd').select(['id', 'spm_fields']).execute()).map((o) => [o.id, JSON.parse(o.spm_fields) as string[]]))
    const followUps = await db.selectFrom('follow_up').selectAll().execute()
    expect(followUps).toHaveLength(made.followUps)
    expect(new Set(followUps.map((f) => f.source))).toEqual(new Set(FOLLOW_UP_SOURCES))
    const progress = await db.selectFrom('follow_up_progress').selectAll().orderBy('date').orderBy('version').execute()
    for (const f of followUps) {
      if (f.spm_field) expect(opd.get(f.opd_id)).toContain(f.spm_field)
      expect(f.due_date > f.date).toBe(true)
      expect(f.date <= REFERENCE).toBe(true)
      if (f.source === 'aduan') expect(f).toMatchObject({ meeting_id: null, reporter: expect.stringMatching(/^(Ibu|Bapak) .+, warga RW \d{3}$/) })
      else expect(f.meeting_id).not.toBeNull()
      if (f.source === 'monev') expect(f.posyandu_id).not.toBeNull()
      const own = progress.filter((p) => p.follow_up_id === f.id)
      // Opened as createFollowUp does, then dated notes up to the reference date.
      expect(own[0]).toMatchObject({ date: f.date, status: 'baru', note: FIRST_NOTE })
      for (const p of own) expect(p.date >= f.date && p.date <= REFERENCE).toBe(true)
      expect(own.at(-1)!.status).toBe(f.status)
      if (CLOSED_STATUSES.includes(f.status as FollowUpStatus)) {
        expect(f.closed_date! > f.date && f.closed_date! <= REFERENCE).toBe(true)
        expect(own.at(-1)).toMatchObject({ status: f.status, date: f.closed_date })
      } else {
        expect(f.closed_date).toBeNull()
      }
      if (f.status === 'selesai') {
        expect(f.closing_evidence).toMatch(/\S{3}/)
        expect(own.at(-1)!.note).toContain(`Bukti penyelesaian: ${f.closing_evidence}`)
      }
    }
    const as = (f: (typeof followUps)[number]) => ({ dueDate: f.due_date, status: f.status as FollowUpStatus })
    const overdue = followUps.filter((f) => isOverdue(as(f), AFTER))
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThan(followUps.length / 2)
    // Overdue on any later day too: the demo never depends on when it is looked at.
    expect(followUps.filter((f) => isOverdue(as(f), '2030-01-01')).length).toBeGreaterThanOrEqual(overdue.length)
    expect(followUps.filter((f) => f.status === 'selesai').length).toBeGreaterThan(followUps.length / 4)
    expect(followUps.some((f) => f.status === 'tidak_dapat')).toBe(true)
    expect(followUps.some((f) => !isOverdue(as(f), AFTER) && !CLOSED_STATUSES.includes(f.status as FollowUpStatus))).toBe(true)
    // The follow-ups of a meeting are the decisions its minutes list.
    const meeting = await db.selectFrom('meeting').select(['id', 'agenda']).where('kind', '=', 'rapat_koordinasi').limit(1).executeTakeFirstOrThrow()
    for (const f of followUps.filter((x) => x.meeting_id === meeting.id)) expect(meeting.agenda).toContain(f.description.slice(0, 30))
  })

  it('leaves at least one overdue follow-up even in a single kelurahan, and indexes everything for search', async () => {
    const t = await createTestDb()
    opened.push(t)
    await setUpKelurahan(t.db)
    const made = await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 4, kaderPerPosyandu: 6, seed: 3 })
    const levels = await t.db.selectFrom('meeting').select('level').distinct().execute()
    expect(levels.map((l) => l.level)).toEqual(['kelurahan'])
    const followUps = await t.db.selectFrom('follow_up').select(['due_date', 'status']).execute()
    expect(followUps.filter((f) => isOverdue({ dueDate: f.due_date, status: f.status as FollowUpStatus }, AFTER)).length).toBeGreaterThanOrEqual(1)
    const indexed = await t.db.selectFrom('search_fts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(indexed.n)).toBe(made.meetings + made.followUps)

    const versions = [
      ...(await t.db.selectFrom('meeting').select('version').execute()),
      ...(await t.db.selectFrom('follow_up').select('version').execute()),
      ...(await t.db.selectFrom('follow_up_progress').select('version').execute()),
      ...(await t.db.selectFrom('assessment').select('version').execute()),
    ].map((r) => r.version)
    expect(new Set(versions).size).toBe(versions.length)
    const clock = (await t.db.selectFrom('site').select('clock').executeTakeFirstOrThrow()).clock
    expect(versions.every((v) => v.slice(0, 18) <= clock)).toBe(true)
  })
})
