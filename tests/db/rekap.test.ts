// The recap of an office's area, against real SQLite: a small kota built with the real services
// (Posyandu, kader, assessments, trainings, meetings, follow-ups), `office` rows written directly
// to stand for the paket received, and concrete numbers checked per node.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activeCatalogue } from '../../electron/core/features/competency/catalogue.service'
import { assessBulk } from '../../electron/core/features/competency/competency.service'
import { addFollowUpProgress, createFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { archiveMeeting, createMeeting } from '../../electron/core/features/meeting/meeting.service'
import { listFollowUps } from '../../electron/core/features/follow-up/follow-up.service'
import { listKader } from '../../electron/core/features/kader/kader.service'
import { getRekap } from '../../electron/core/features/rekap/rekap.service'
import { SPM_FIELDS } from '../../shared/domain/reference'
import { setupSite } from '../../electron/core/features/site/site.service'
import { archiveTraining, createTraining } from '../../electron/core/features/training/training.service'
import {
  bulkAssessmentInput,
  followUpInput,
  followUpListInput,
  followUpProgressInput,
  kaderListInput,
  meetingInput,
  siteSetupInput,
  trainingInput,
  type Input,
  type Rekap,
  type RekapNode,
} from '../../shared/contract'
import { createTestDb, makeKader, makePosyandu, type TestDb } from '../fixtures/db'
import { meetingRow } from '../fixtures/rows'

const DAY = 86_400_000
const NOW = Date.now()
const today = todayJakarta(new Date(NOW))
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)
const Y = 2025

const SUKARASA = '36.71.01.1001'
const SUKAASIH = '36.71.01.1002'
const TANAH_TINGGI = '36.71.01.1003'
const KERONCONG = '36.71.02.1001'
const JATAKE = '36.71.02.1002'

function node(nodes: RekapNode[], code: string): RekapNode {
  const found = nodes.find((n) => n.code === code)
  if (!found) throw new Error(`no node ${code} among ${nodes.map((n) => n.code).join(', ')}`)
  return found
}

/** A kelurahan node under its kecamatan in a kota recap. */
const village = (r: Rekap, code: string) => node(node(r.nodes, code.slice(0, 8)).children, code)
const groups = (n: { groups: { code: string; complete: number }[] }) => Object.fromEntries(n.groups.map((g) => [g.code, g.complete]))

/** A meeting made by another office (as if imported from its paket). */
async function foreignMeeting(t: TestDb, siteId: string, date: string, title: string): Promise<string> {
  const row = meetingRow({ site_id: siteId, title, date })
  await t.db.insertInto('meeting').values(row).execute()
  return row.id
}

async function office(
  t: TestDb,
  o: { siteId: string; level: string; areaCode: string; areaName: string; name: string; villages?: string[]; daysAgo: number | null; relayed?: boolean },
) {
  await t.db
    .insertInto('office')
    .values({
      site_id: o.siteId,
      level: o.level,
      area_code: o.areaCode,
      area_name: o.areaName,
      name: o.name,
      villages: JSON.stringify(o.villages ?? []),
      // Half a day more than the whole days: the age is floored.
      last_bundle_at: o.daysAgo === null ? null : new Date(NOW - o.daysAgo * DAY - DAY / 2).toISOString(),
      // Relayed: heard of inside another office's paket, never imported here directly.
      last_imported_at: o.daysAgo === null || o.relayed ? null : new Date(NOW - o.daysAgo * DAY).toISOString(),
    })
    .execute()
}

function meeting(overrides: Partial<Input<'meeting:create'>>): Input<'meeting:create'> {
  return { level: 'kelurahan', kind: 'rapat_koordinasi', title: 'Rapat koordinasi Posyandu', date: `${Y}-04-10`, ...overrides }
}

function followUp(overrides: Partial<Input<'followUp:create'>> & { opdId: string }): Input<'followUp:create'> {
  return { source: 'monev', date: day(-30), description: 'Timbangan bayi rusak, perlu diganti.', dueDate: day(-1), ...overrides }
}

describe('the recap of a kota', () => {
  let t: TestDb
  let r: Rekap
  let ids: Record<string, string>

  beforeAll(async () => {
    t = await createTestDb()
    await setupSite(t.db, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' }))
    const catalogue = await activeCatalogue(t.db)
    const items = (codes: string[]) => catalogue.groups.filter((g) => codes.includes(g.code)).flatMap((g) => g.items.map((i) => i.code))

    const kader = async (...args: Parameters<typeof makeKader>) => (await makeKader(...args)).kader
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati', villageCode: SUKARASA })
    const mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar', villageCode: SUKARASA })
    const dahlia = await makePosyandu(t.db, { name: 'Posyandu Dahlia', villageCode: SUKARASA, active: false })
    const kenanga = await makePosyandu(t.db, { name: 'Posyandu Kenanga', villageCode: SUKAASIH })
    const anggrek = await makePosyandu(t.db, { name: 'Posyandu Anggrek', villageCode: KERONCONG })
    // Outside the kota: never counted.
    const luar = await makePosyandu(t.db, { name: 'Posyandu Luar Kota', villageCode: '36.03.01.2003' })

    const k1 = await kader(t.db, melati.id, { name: 'Ani Purwa' })
    const k2 = await kader(t.db, melati.id, { name: 'Budi Utama', sex: 'L' })
    const k3 = await kader(t.db, melati.id, { name: 'Cici Nonaktif', status: 'nonaktif' })
    const k4 = await kader(t.db, mawar.id, { name: 'Dewi Kelompok A' })
    const k5 = await kader(t.db, kenanga.id, { name: 'Eka Madya' })
    const k6 = await kader(t.db, anggrek.id, { name: 'Fitri Belum' })
    const k7 = await kader(t.db, dahlia.id, { name: 'Gita Dahlia' })
    const k8 = await kader(t.db, luar.id, { name: 'Hana Luar' })

    const held: [string, string[]][] = [
      [k1.id, items(['A', 'B'])],
      [k2.id, items(['A', 'B', 'C', 'D', 'E'])],
      [k3.id, items(['A', 'B', 'C', 'D', 'E'])],
      [k4.id, items(['A'])],
      [k5.id, items(['A', 'B', 'C'])],
      [k8.id, items(['A', 'B', 'C', 'D', 'E'])],
    ]
    await assessBulk(
      t.db,
      bulkAssessmentInput.parse({
        date: `${Y}-03-01`,
        method: 'observasi_praktik',
        assessor: { name: 'Bidan Uji' },
        entries: held.flatMap(([kaderId, codes]) => codes.map((competencyCode) => ({ kaderId, competencyCode, result: 'kompeten' }))),
      }),
    )

    const training = (title: string, startDate: string, participantIds: string[]) =>
      createTraining(t.db, trainingInput.parse({ title, kind: 'pelatihan', startDate, endDate: startDate, competencies: ['A1'], participantIds }))
    await training('Pelatihan kader Februari', `${Y}-02-10`, [k1.id, k5.id])
    await training('Pelatihan kader Maret', `${Y}-03-01`, [k1.id, k2.id])
    await training('Pelatihan tahun lalu', `${Y - 1}-11-01`, [k6.id])
    await training('Pelatihan luar kota', `${Y}-05-01`, [k8.id])
    const archived = await training('Pelatihan dibatalkan', `${Y}-06-01`, [k4.id])
    await archiveTraining(t.db, { id: archived.id })

    // Offices heard of through paket.
    await office(t, { siteId: 'kel-sukarasa', level: 'kelurahan', areaCode: SUKARASA, areaName: 'Sukarasa', name: 'Kelurahan Sukarasa', daysAgo: 42 })
    await office(t, { siteId: 'kel-sukaasih', level: 'kelurahan', areaCode: SUKAASIH, areaName: 'Sukaasih', name: 'Kelurahan Sukaasih', daysAgo: null })
    await office(t, { siteId: 'kec-tangerang', level: 'kecamatan', areaCode: '36.71.01', areaName: 'Tangerang', name: 'Kecamatan Tangerang', daysAgo: 10 })
    await office(t, {
      siteId: 'pkm-jatiuwung',
      level: 'puskesmas',
      areaCode: '36.71.02',
      areaName: 'Jatiuwung',
      name: 'Puskesmas Jatiuwung',
      villages: [KERONCONG, JATAKE],
      daysAgo: 5,
    })
    await office(t, { siteId: 'kel-lama', level: 'kelurahan', areaCode: '36.71.03.1001', areaName: 'Batuceper', name: 'Kelurahan Batuceper', daysAgo: 200 })

    await createMeeting(t.db, meetingInput.parse(meeting({ posyanduId: melati.id })))
    await createMeeting(t.db, meetingInput.parse(meeting({ level: 'kota', title: 'Rapat Tim Pembina kota' })))
    const m3 = await foreignMeeting(t, 'kel-sukaasih', `${Y}-05-02`, 'Rapat kelurahan Sukaasih')
    await foreignMeeting(t, 'pkm-jatiuwung', `${Y}-06-03`, 'Rapat Puskesmas Jatiuwung')
    await foreignMeeting(t, 'kantor-tak-dikenal', `${Y}-06-04`, 'Rapat kantor yang belum dikenal')
    await createMeeting(t.db, meetingInput.parse(meeting({ date: `${Y - 1}-12-31`, posyanduId: melati.id })))
    const gone = await createMeeting(t.db, meetingInput.parse(meeting({ posyanduId: kenanga.id })))
    await archiveMeeting(t.db, { id: gone.id })

    const opds = await t.db.selectFrom('opd').select(['id', 'code']).execute()
    const opd = (code: string) => opds.find((o) => o.code === code)!.id
    const dinkes = opd('dinkes')
    const pupr = opd('pupr')
    await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: dinkes, posyanduId: mawar.id })))
    await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: pupr, source: 'rapat', meetingId: m3, dueDate: day(20) })))
    await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: pupr })))
    const done = await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: dinkes, posyanduId: melati.id })))
    await addFollowUpProgress(
      t.db,
      followUpProgressInput.parse({ id: done.id, date: day(-2), status: 'selesai', note: 'Sudah diganti.', closingEvidence: 'Berita acara serah terima.' }),
    )
    // Due today: open, not yet overdue.
    await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: dinkes, posyanduId: kenanga.id, dueDate: today })))
    await createFollowUp(t.db, followUpInput.parse(followUp({ opdId: dinkes, posyanduId: luar.id })))

    ids = { melati: melati.id, mawar: mawar.id, dahlia: dahlia.id, kenanga: kenanga.id, anggrek: anggrek.id, k7: k7.id }
    r = await getRekap(t.db, { year: Y }, NOW)
  }, 60_000)

  afterAll(async () => {
    await t.cleanup()
  })

  it('has every kecamatan of the kota and every kelurahan under it, with or without data', async () => {
    const areas = await t.db.selectFrom('area').select(['code', 'level']).where('code', 'like', '36.71.%').execute()
    expect(r.scope).toEqual({ code: '36.71', name: 'Kota Tangerang', level: 'kota' })
    expect(r.nodes.map((n) => n.code).sort()).toEqual(areas.filter((a) => a.level === 3).map((a) => a.code).sort())
    expect(r.nodes.flatMap((n) => n.children.map((c) => c.code)).sort()).toEqual(areas.filter((a) => a.level === 4).map((a) => a.code).sort())
    expect(r.nodes.every((n) => n.kind === 'kecamatan' && n.children.every((c) => c.kind === 'kelurahan'))).toBe(true)
    // Sorted by name.
    const names = r.nodes.map((n) => n.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id')))

    const silent = village(r, TANAH_TINGGI)
    expect(silent).toMatchObject({ name: 'Tanah Tinggi', posyandu: 0, activeKader: 0, trainings: 0, meetings: 0, lastBundleAt: null, ageDays: null, children: [] })
  })

  it('counts active Posyandu, active kader and their levels and TKK groups per Posyandu, kelurahan, kecamatan and kota', () => {
    const sukarasa = village(r, SUKARASA)
    expect(sukarasa.children.map((p) => p.name)).toEqual(['Posyandu Dahlia', 'Posyandu Mawar', 'Posyandu Melati'])
    const melati = node(sukarasa.children, ids.melati!)
    expect(melati).toMatchObject({ kind: 'posyandu', posyandu: 1, activeKader: 2, levels: { none: 0, purwa: 1, madya: 0, utama: 1 } })
    expect(groups(melati)).toEqual({ A: 2, B: 2, C: 1, D: 1, E: 1 })
    expect(node(sukarasa.children, ids.mawar!)).toMatchObject({ posyandu: 1, activeKader: 1, levels: { none: 1, purwa: 0, madya: 0, utama: 0 } })
    // An inactive Posyandu is listed but not counted as one; its active kader still count.
    expect(node(sukarasa.children, ids.dahlia!)).toMatchObject({ posyandu: 0, activeKader: 1, levels: { none: 1, purwa: 0, madya: 0, utama: 0 } })

    expect(sukarasa).toMatchObject({ posyandu: 2, activeKader: 4, levels: { none: 2, purwa: 1, madya: 0, utama: 1 } })
    expect(groups(sukarasa)).toEqual({ A: 3, B: 2, C: 1, D: 1, E: 1 })

    const tangerang = node(r.nodes, '36.71.01')
    expect(tangerang).toMatchObject({ name: 'Tangerang', posyandu: 3, activeKader: 5, levels: { none: 2, purwa: 1, madya: 1, utama: 1 } })
    expect(groups(tangerang)).toEqual({ A: 4, B: 3, C: 2, D: 1, E: 1 })

    expect(r.total).toMatchObject({ posyandu: 4, activeKader: 6, levels: { none: 3, purwa: 1, madya: 1, utama: 1 } })
    expect(groups(r.total)).toEqual({ A: 4, B: 3, C: 2, D: 1, E: 1 })
    expect(r.groupNames.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D', 'E'])
  })

  it('counts each training of the year once per node, by where its participants work', () => {
    const sukarasa = village(r, SUKARASA)
    expect(node(sukarasa.children, ids.melati!).trainings).toBe(2)
    expect(sukarasa.trainings).toBe(2)
    expect(village(r, SUKAASIH).trainings).toBe(1)
    // The February class had participants in both kelurahan: still one training for the kecamatan.
    expect(node(r.nodes, '36.71.01').trainings).toBe(2)
    // Last year's class, the archived one and the one outside the kota do not count.
    expect(village(r, KERONCONG).trainings).toBe(0)
    expect(node(sukarasa.children, ids.mawar!).trainings).toBe(0)
    expect(r.total.trainings).toBe(2)
  })

  it('counts meetings of the year by their Posyandu, else by the office that held them', () => {
    expect(node(village(r, SUKARASA).children, ids.melati!).meetings).toBe(1)
    expect(village(r, SUKARASA).meetings).toBe(1)
    // Held by the Sukaasih office, without a Posyandu.
    expect(village(r, SUKAASIH).meetings).toBe(1)
    expect(node(r.nodes, '36.71.01').meetings).toBe(2)
    // Held by the Puskesmas: its kecamatan, not one of its villages.
    expect(node(r.nodes, '36.71.02').meetings).toBe(1)
    expect(village(r, KERONCONG).meetings).toBe(0)
    // The kota's own meeting counts for the kota only; an unknown office's and the archived one nowhere.
    expect(r.total.meetings).toBe(4)
  })

  it('counts open and overdue follow-ups by Posyandu, meeting or office, and per OPD', () => {
    const sukarasa = village(r, SUKARASA)
    expect(node(sukarasa.children, ids.mawar!)).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 1 })
    // Closed with evidence: not open.
    expect(node(sukarasa.children, ids.melati!)).toMatchObject({ followUpsOpen: 0, followUpsOverdue: 0 })
    // One through the Sukaasih office's meeting (due later), one due today (not overdue yet).
    expect(village(r, SUKAASIH)).toMatchObject({ followUpsOpen: 2, followUpsOverdue: 0 })
    expect(node(village(r, SUKAASIH).children, ids.kenanga!)).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 0 })
    expect(node(r.nodes, '36.71.01')).toMatchObject({ followUpsOpen: 3, followUpsOverdue: 1 })
    // Plus the kota's own monev finding; the one outside the kota does not count.
    expect(r.total).toMatchObject({ followUpsOpen: 4, followUpsOverdue: 2 })
    expect(r.followUpsPerOpd.map((o) => [o.name, o.open, o.overdue])).toEqual([
      ['Dinas Kesehatan / Puskesmas', 2, 1],
      ['Dinas PUPR', 2, 1],
    ])
  })

  it('dates the newest paket per kelurahan and kecamatan by the office that made it; a Puskesmas never stands for its villages', () => {
    expect(village(r, SUKARASA)).toMatchObject({ ageDays: 42 })
    expect(node(village(r, SUKARASA).children, ids.melati!).ageDays).toBe(42)
    // Heard of, never sent anything that reached here.
    expect(village(r, SUKAASIH)).toMatchObject({ lastBundleAt: null, ageDays: null })
    // The kecamatan office sent something 10 days ago, newer than Sukarasa's.
    expect(node(r.nodes, '36.71.01').ageDays).toBe(10)
    // The Puskesmas's own paket dates its kecamatan, not the villages it serves.
    expect(village(r, KERONCONG).ageDays).toBeNull()
    expect(village(r, JATAKE).ageDays).toBeNull()
    expect(village(r, '36.71.02.1003').ageDays).toBeNull()
    expect(node(r.nodes, '36.71.02').ageDays).toBe(5)
    expect(village(r, '36.71.03.1001').ageDays).toBe(200)

    expect(r.offices.map((o) => [o.name, o.ageDays])).toEqual([
      ['Kelurahan Sukaasih', null],
      ['Kelurahan Batuceper', 200],
      ['Kelurahan Sukarasa', 42],
      ['Kecamatan Tangerang', 10],
      ['Puskesmas Jatiuwung', 5],
    ])
    expect(r.offices[4]).toMatchObject({ siteId: 'pkm-jatiuwung', level: 'puskesmas', areaCode: '36.71.02', areaName: 'Jatiuwung' })
    expect(r.today).toBe(today)
  })

  it('filters trainings and meetings by year; follow-ups are what is open now', async () => {
    const before = await getRekap(t.db, { year: Y - 1 }, NOW)
    expect(before.year).toBe(Y - 1)
    expect(village(before, KERONCONG).trainings).toBe(1)
    expect(before.total.trainings).toBe(1)
    expect(node(village(before, SUKARASA).children, ids.melati!).meetings).toBe(1)
    expect(before.total.meetings).toBe(1)
    expect(before.total).toMatchObject({ activeKader: 6, followUpsOpen: 4, followUpsOverdue: 2 })
  })

  it('takes the current year in Jakarta when none is asked for', async () => {
    // 31 December 18:00 UTC is already 1 January in Jakarta.
    const newYear = await getRekap(t.db, {}, Date.parse(`${Y}-12-31T18:00:00Z`))
    expect(newYear).toMatchObject({ year: Y + 1, today: `${Y + 1}-01-01` })
  })

  it('answers in well under a second', async () => {
    const start = performance.now()
    await getRekap(t.db, { year: Y }, NOW)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('the recap of a Puskesmas and of a kelurahan', () => {
  let t: TestDb

  beforeAll(async () => {
    t = await createTestDb()
  })

  afterAll(async () => {
    await t.cleanup()
  })

  it('shows a Puskesmas only its villages, as roots, silent ones included', async () => {
    await setupSite(
      t.db,
      siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: [SUKARASA, SUKAASIH] }),
    )
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati', villageCode: SUKARASA })
    const other = await makePosyandu(t.db, { name: 'Posyandu Lain', villageCode: TANAH_TINGGI })
    await makeKader(t.db, melati.id)
    await makeKader(t.db, melati.id)
    await makeKader(t.db, other.id)
    await office(t, { siteId: 'kel-sukarasa', level: 'kelurahan', areaCode: SUKARASA, areaName: 'Sukarasa', name: 'Kelurahan Sukarasa', daysAgo: 3 })

    const r = await getRekap(t.db, {}, NOW)
    expect(r.scope).toMatchObject({ code: '36.71.01', level: 'puskesmas' })
    expect(r.nodes.map((n) => [n.kind, n.name, n.activeKader, n.ageDays])).toEqual([
      ['kelurahan', 'Sukaasih', 0, null],
      ['kelurahan', 'Sukarasa', 2, 3],
    ])
    expect(r.nodes[1]!.children.map((p) => p.name)).toEqual(['Posyandu Melati'])
    expect(r.total).toMatchObject({ posyandu: 1, activeKader: 2 })
  })
})

describe('the recap of a kelurahan', () => {
  it('has its Posyandu as roots', async () => {
    const t = await createTestDb()
    try {
      await setupSite(t.db, siteSetupInput.parse({ level: 'kelurahan', areaCode: SUKARASA, name: 'Kelurahan Sukarasa' }))
      const melati = await makePosyandu(t.db, { name: 'Posyandu Melati', villageCode: SUKARASA })
      const mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar', villageCode: SUKARASA })
      await makeKader(t.db, melati.id)
      await makeKader(t.db, mawar.id, { status: 'pindah' })
      const r = await getRekap(t.db, { year: Y }, NOW)
      expect(r.nodes.map((n) => [n.kind, n.name, n.activeKader])).toEqual([
        ['posyandu', 'Posyandu Mawar', 0],
        ['posyandu', 'Posyandu Melati', 1],
      ])
      expect(r.total).toMatchObject({ posyandu: 2, activeKader: 1, levels: { none: 1, purwa: 0, madya: 0, utama: 0 } })
      expect(r.offices).toEqual([])
    } finally {
      await t.cleanup()
    }
  })
})

/** The SPM rows of a node as { field: [posyandu, activeKader, open, overdue] }. */
const spm = (n: { spm: Rekap['total']['spm'] }) => Object.fromEntries(n.spm.map((s) => [s.field, [s.posyandu, s.activeKader, s.followUpsOpen, s.followUpsOverdue]]))

describe('the six SPM fields and the TKK in the recap of a Puskesmas', () => {
  let t: TestDb
  let r: Rekap

  beforeAll(async () => {
    t = await createTestDb()
    await setupSite(
      t.db,
      siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: [SUKARASA, SUKAASIH] }),
    )
    const catalogue = await activeCatalogue(t.db)
    const groupA = catalogue.groups[0]!.items.map((i) => i.code)
    const melati = await makePosyandu(t.db, { name: 'Posyandu Melati', villageCode: SUKARASA, spmFields: ['kesehatan', 'pendidikan'] })
    const mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar', villageCode: SUKARASA, spmFields: ['kesehatan', 'sosial'] })
    const kenanga = await makePosyandu(t.db, { name: 'Posyandu Kenanga', villageCode: SUKAASIH, spmFields: ['kesehatan'] })
    // Not active: its field is served by no Posyandu, its active kader still count.
    const dahlia = await makePosyandu(t.db, { name: 'Posyandu Dahlia', villageCode: SUKAASIH, spmFields: ['trantibumlinmas'], active: false })
    const kader = async (...args: Parameters<typeof makeKader>) => (await makeKader(...args)).kader
    const a1 = await kader(t.db, melati.id, { name: 'Ani', spmFields: ['kesehatan', 'pendidikan'] })
    await kader(t.db, melati.id, { name: 'Asih', spmFields: ['kesehatan'] })
    const a3 = await kader(t.db, melati.id, { name: 'Ayu Pindah', status: 'pindah', spmFields: ['pendidikan'] })
    const b1 = await kader(t.db, mawar.id, { name: 'Bunga', spmFields: ['sosial', 'kesehatan'] })
    await kader(t.db, mawar.id, { name: 'Bu Almarhumah', status: 'meninggal', spmFields: ['sosial'] })
    await kader(t.db, kenanga.id, { name: 'Citra', spmFields: ['trantibumlinmas'] })
    await kader(t.db, dahlia.id, { name: 'Dina', spmFields: ['kesehatan'] })
    // TKK: three skills for Ani, one for Bunga; the kader who moved away holds one that no longer counts.
    const held: [string, string[]][] = [
      [a1.id, groupA.slice(0, 3)],
      [b1.id, groupA.slice(0, 1)],
      [a3.id, groupA.slice(0, 1)],
    ]
    await assessBulk(
      t.db,
      bulkAssessmentInput.parse({
        date: `${Y}-03-01`,
        method: 'observasi_praktik',
        assessor: { name: 'Bidan Uji' },
        entries: held.flatMap(([kaderId, codes]) => codes.map((competencyCode) => ({ kaderId, competencyCode, result: 'kompeten' }))),
      }),
    )
    const opds = await t.db.selectFrom('opd').select(['id', 'code']).execute()
    const dinkes = opds.find((o) => o.code === 'dinkes')!.id
    const fu = (o: Partial<Input<'followUp:create'>>) => createFollowUp(t.db, followUpInput.parse(followUp({ opdId: dinkes, ...o })))
    await fu({ posyanduId: melati.id, spmField: 'kesehatan', dueDate: day(-1) })
    await fu({ posyanduId: mawar.id, spmField: 'sosial', dueDate: day(5) })
    await fu({ posyanduId: kenanga.id, spmField: 'kesehatan', dueDate: day(-3) })
    // No field on the record: in the totals, in no SPM row (the Posyandu's fields are not its field).
    await fu({ posyanduId: melati.id, dueDate: day(-2) })
    const done = await fu({ posyanduId: melati.id, spmField: 'pendidikan', dueDate: day(-4) })
    await addFollowUpProgress(
      t.db,
      followUpProgressInput.parse({ id: done.id, date: day(-1), status: 'selesai', note: 'Sudah.', closingEvidence: 'Foto kegiatan.' }),
    )
    r = await getRekap(t.db, { year: Y }, NOW)
  }, 60_000)

  afterAll(async () => {
    await t.cleanup()
  })

  it('lists the six fields in the official order for the area and every node', () => {
    expect(r.total.spm.map((s) => s.field)).toEqual([...SPM_FIELDS])
    for (const v of r.nodes) {
      expect(v.spm.map((s) => s.field)).toEqual([...SPM_FIELDS])
      for (const p of v.children) expect(p.spm.map((s) => s.field)).toEqual([...SPM_FIELDS])
    }
  })

  it('counts active Posyandu serving each field, active kader with it, and its open and overdue follow-ups', () => {
    expect(spm(r.total)).toEqual({
      pendidikan: [1, 1, 0, 0],
      kesehatan: [3, 4, 2, 2],
      pekerjaan_umum: [0, 0, 0, 0],
      perumahan_rakyat: [0, 0, 0, 0],
      trantibumlinmas: [0, 1, 0, 0],
      sosial: [1, 1, 1, 0],
    })
    expect(r.total).toMatchObject({ followUpsOpen: 4, followUpsOverdue: 3 })
    const sukarasa = node(r.nodes, SUKARASA)
    expect(spm(sukarasa)).toMatchObject({ pendidikan: [1, 1, 0, 0], kesehatan: [2, 3, 1, 1], sosial: [1, 1, 1, 0], trantibumlinmas: [0, 0, 0, 0] })
    expect(spm(node(sukarasa.children, sukarasa.children.find((p) => p.name === 'Posyandu Mawar')!.code))).toMatchObject({
      kesehatan: [1, 1, 0, 0],
      sosial: [1, 1, 1, 0],
    })
    expect(spm(node(r.nodes, SUKAASIH))).toMatchObject({ kesehatan: [1, 1, 1, 1], trantibumlinmas: [0, 1, 0, 0] })
  })

  it('counts TKK per skill held by active kader', () => {
    expect(r.total).toMatchObject({ tkk: 4, kaderWithTkk: 2 })
    expect(node(r.nodes, SUKARASA)).toMatchObject({ tkk: 4, kaderWithTkk: 2 })
    expect(node(r.nodes, SUKAASIH)).toMatchObject({ tkk: 0, kaderWithTkk: 0 })
  })

  it('agrees with the kader list and the follow-up list behind it', async () => {
    for (const v of r.nodes) {
      for (const s of v.spm) {
        const list = await listKader(t.db, kaderListInput.parse({ villageCode: v.code, status: 'aktif', spmField: s.field }))
        expect([v.code, s.field, s.activeKader]).toEqual([v.code, s.field, list.total])
      }
      const kaderList = await listKader(t.db, kaderListInput.parse({ villageCode: v.code, status: 'aktif' }))
      expect(v.activeKader).toBe(kaderList.total)
    }
    const overdue = await listFollowUps(t.db, followUpListInput.parse({ state: 'overdue' }))
    const open = await listFollowUps(t.db, followUpListInput.parse({ state: 'open' }))
    for (const s of r.total.spm) {
      expect([s.field, s.followUpsOverdue]).toEqual([s.field, overdue.filter((f) => f.spmField === s.field).length])
      expect([s.field, s.followUpsOpen]).toEqual([s.field, open.filter((f) => f.spmField === s.field).length])
    }
    expect(r.total.followUpsOverdue).toBe(overdue.length)
  })
})

describe('one heard-from rule at the Puskesmas and at the kota', () => {
  it('gives the same count for the kecamatan when only Sukarasa sent, its paket relayed through the Puskesmas', async () => {
    const pkm = await createTestDb()
    const kota = await createTestDb()
    try {
      const villages = (await pkm.db.selectFrom('area').select('code').where('code', 'like', '36.71.01.%').where('level', '=', 4).execute()).map((a) => a.code)
      await setupSite(
        pkm.db,
        siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: villages }),
      )
      await setupSite(kota.db, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' }))
      const sukarasa = { siteId: 'kel-sukarasa', level: 'kelurahan', areaCode: SUKARASA, areaName: 'Sukarasa', name: 'Kelurahan Sukarasa' }
      // The Puskesmas imported Sukarasa's paket; the kota imported the Puskesmas's, which carried it.
      await office(pkm, { ...sukarasa, daysAgo: 3 })
      await office(kota, { siteId: 'pkm-tangerang', level: 'puskesmas', areaCode: '36.71.01', areaName: 'Tangerang', name: 'Puskesmas Tangerang', villages, daysAgo: 1 })
      await office(kota, { ...sukarasa, daysAgo: 3, relayed: true })

      const atPkm = await getRekap(pkm.db, {}, NOW)
      const atKota = await getRekap(kota.db, {}, NOW)
      const heard = (vs: RekapNode[]) => [vs.filter((v) => v.lastBundleAt !== null).map((v) => v.code), vs.filter((v) => v.lastBundleAt === null).length]
      const kotaVillages = node(atKota.nodes, '36.71.01').children
      expect(villages.length).toBe(8)
      expect(heard(atPkm.nodes)).toEqual([[SUKARASA], 7])
      expect(heard(kotaVillages)).toEqual([[SUKARASA], 7])
      expect(village(atKota, SUKARASA).ageDays).toBe(3)

      // Each office once; at the kota Sukarasa is shown as reached through its Puskesmas.
      expect(atPkm.offices.map((o) => [o.siteId, o.relayedBy])).toEqual([['kel-sukarasa', null]])
      expect(atKota.offices.map((o) => [o.siteId, o.relayedBy])).toEqual([
        ['kel-sukarasa', { siteId: 'pkm-tangerang', name: 'Puskesmas Tangerang' }],
        ['pkm-tangerang', null],
      ])
    } finally {
      await pkm.cleanup()
      await kota.cleanup()
    }
  })
})

describe('each office once', () => {
  it('folds the old installation of a recovered office into its new one, and drops the old ids of this office', async () => {
    const t = await createTestDb()
    try {
      await setupSite(t.db, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' }))
      const self = (await t.db.selectFrom('site').select('id').executeTakeFirstOrThrow()).id
      const sukarasa = { level: 'kelurahan', areaCode: SUKARASA, areaName: 'Sukarasa' }
      // The old PC's last paket 30 days ago; the new PC (recovered) sent 2 days ago.
      await office(t, { siteId: 'kel-lama', ...sukarasa, name: 'Kelurahan Sukarasa (PC lama)', daysAgo: 30 })
      await office(t, { siteId: 'kel-baru', ...sukarasa, name: 'Kelurahan Sukarasa', daysAgo: 2 })
      await office(t, { siteId: 'dinas-lama', level: 'kota', areaCode: '36.71', areaName: 'Kota Tangerang', name: 'Dinas (PC lama)', daysAgo: 90 })
      const succession = (id: string, successor: string, predecessors: string[], level: string, areaCode: string) =>
        t.db
          .insertInto('site_succession')
          .values({
            id,
            successor_site_id: successor,
            predecessors: JSON.stringify(predecessors),
            level,
            area_code: areaCode,
            issuer_site_id: self,
            issued_at: new Date(NOW).toISOString(),
            statement: '{}',
            learned_at: new Date(NOW).toISOString(),
          })
          .execute()
      await succession('s1', 'kel-baru', ['kel-lama'], 'kelurahan', SUKARASA)
      await succession('s2', self, ['dinas-lama'], 'kota', '36.71')

      const r = await getRekap(t.db, {}, NOW)
      expect(r.offices.map((o) => [o.siteId, o.name, o.ageDays])).toEqual([['kel-baru', 'Kelurahan Sukarasa', 2]])
      expect(village(r, SUKARASA).ageDays).toBe(2)
    } finally {
      await t.cleanup()
    }
  })
})
