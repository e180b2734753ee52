// npm run bench: speed figures for the roster and the competencies at real size, each printed
// next to a baseline measured in the same run on the same data, so the numbers mean something
// on any machine. Baseline = what a naive app does: read every kader row (or every assessment)
// into JavaScript, then derive, filter, sort and slice there; or save a grid cell by cell.
// Our path = the service as the UI calls it (derived state kept per kader, filter and page in SQL).
// Meetings: 5,000 Tim Pembina meetings with their follow-ups; search (FTS5 with Indonesian
// affixes folded) against a LIKE '%word%' scan of the same text, and the overdue list and the
// OPD board against reading everything into JavaScript.

import { mkdtempSync, rmSync } from 'node:fs'
import { sql } from 'kysely'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { activeCatalogue } from '../../electron/core/features/competency/catalogue.service'
import { assess, assessBulk, competencyMatrix, competencySummary, recomputeCompetencies } from '../../electron/core/features/competency/competency.service'
import { trainingNeeds } from '../../electron/core/features/competency/needs.service'
import { villagesUnder } from '../../electron/core/features/area/area.service'
import { generateDemo, mulberry32 } from '../../electron/core/features/demo/demo.service'
import { writeMeetingHistory } from '../../electron/core/features/demo/demo-meeting'
import type { DemoRandom } from '../../electron/core/features/demo/demo-training'
import { listFollowUps, median as medianDays, opdBoard } from '../../electron/core/features/follow-up/follow-up.service'
import { listMeetings } from '../../electron/core/features/meeting/meeting.service'
import { matchExpression, queryGroups, rebuildSearchIndex, search } from '../../electron/core/features/search/search.service'
import { listKader } from '../../electron/core/features/kader/kader.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { setupSite } from '../../electron/core/features/site/site.service'
import { assessmentInput, bulkAssessmentInput, contract, kaderListInput, matrixInput, scopeInput, type Input } from '../../shared/contract'
import { LEVEL_CODES, competencyCodes, levelOf, type Catalogue, type LevelCode } from '../../shared/domain/competency'
import { CLOSED_STATUSES, daysBetween, isOverdue, type FollowUpStatus } from '../../shared/domain/meeting'
import type { Db } from '../../electron/core/db/schema'
import { kaderSearchUiBench } from './kader-search-ui.bench'
import { paketBench } from './paket.bench'
import { startupBench } from './startup.bench'

const ROUNDS = 30
/** For calls that take a second or more: fewer rounds, still a median. */
const FEW = 5

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

async function time(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  await fn() // warm-up: first call pays for statement preparation
  const xs: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t = performance.now()
    await fn()
    xs.push(performance.now() - t)
  }
  return median(xs)
}

/** The naive baseline: everything into JS, then filter/sort/slice. */
async function naiveList(db: Db, q: Input<'kader:list'>) {
  const input = kaderListInput.parse(q)
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select(['kader.id', 'kader.name', 'kader.nik', 'kader.status', 'kader.spm_fields', 'kader.posyandu_id', 'kader.birth_date', 'kader.deleted', 'posyandu.name as posyandu_name'])
    .execute()
  const query = input.query.toLowerCase()
  const hit = rows.filter(
    (r) =>
      r.deleted === (input.archived ? 1 : 0) &&
      (!query || r.name.toLowerCase().includes(query) || r.nik.includes(query)) &&
      (!input.posyanduId || r.posyandu_id === input.posyanduId) &&
      (!input.status || r.status === input.status) &&
      (!input.spmField || (JSON.parse(r.spm_fields) as string[]).includes(input.spmField)),
  )
  hit.sort((a, b) => a.name.localeCompare(b.name, 'id'))
  return { total: hit.length, rows: hit.slice(input.offset, input.offset + input.limit) }
}

// ---------------------------------------------------------------- competency baselines

interface NaiveKader {
  id: string
  name: string
  posyanduName: string
  level: LevelCode | null
  competent: Set<string>
}

/**
 * The naive derivation: every assessment and every active kader into JavaScript, the latest
 * result per kader and code picked there, the level computed per kader, no derived table.
 */
async function naiveDerive(db: Db, catalogue: Catalogue): Promise<NaiveKader[]> {
  const assessments = await db.selectFrom('assessment').select(['kader_id', 'competency_code', 'date', 'version', 'result']).where('deleted', '=', 0).execute()
  const latest = new Map<string, Map<string, { date: string; version: string; result: string }>>()
  for (const a of assessments) {
    let m = latest.get(a.kader_id)
    if (!m) latest.set(a.kader_id, (m = new Map()))
    const seen = m.get(a.competency_code)
    if (!seen || a.date > seen.date || (a.date === seen.date && a.version > seen.version)) m.set(a.competency_code, a)
  }
  const kader = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .select(['kader.id', 'kader.name', 'posyandu.name as posyandu_name'])
    .where('kader.deleted', '=', 0)
    .where('kader.status', '=', 'aktif')
    .execute()
  return kader.map((k) => {
    const competent = new Set<string>()
    for (const [code, a] of latest.get(k.id) ?? []) if (a.result === 'kompeten') competent.add(code)
    return { id: k.id, name: k.name, posyanduName: k.posyandu_name, level: levelOf(catalogue, competent), competent }
  })
}

async function naiveMatrix(db: Db, catalogue: Catalogue, q: Input<'competency:matrix'>) {
  const input = matrixInput.parse(q)
  const rank = (l: LevelCode | null) => (l === null ? 0 : LEVEL_CODES.indexOf(l) + 1)
  const hit = (await naiveDerive(db, catalogue)).filter(
    (k) =>
      (!input.level || (input.level === 'none' ? k.level === null : k.level === input.level)) &&
      (!input.lacking || !k.competent.has(input.lacking)),
  )
  const dir = input.sortDir === 'desc' ? -1 : 1
  hit.sort((a, b) => (input.sortBy === 'level' ? (rank(a.level) - rank(b.level)) * dir : 0) || a.name.localeCompare(b.name, 'id'))
  return { total: hit.length, rows: hit.slice(input.offset, input.offset + input.limit) }
}

async function naiveSummary(db: Db, catalogue: Catalogue) {
  const kader = await naiveDerive(db, catalogue)
  const levels = { none: 0, purwa: 0, madya: 0, utama: 0 }
  const coverage = new Map(competencyCodes(catalogue).map((c) => [c, 0]))
  for (const k of kader) {
    levels[k.level ?? 'none']++
    for (const c of k.competent) coverage.set(c, (coverage.get(c) ?? 0) + 1)
  }
  return { levels, coverage }
}

function row(label: string, ours: number, base: number, note = ''): void {
  console.log(`${label.padEnd(44)} ${ours.toFixed(2).padStart(12)} ${base.toFixed(2).padStart(12)}  ${(base / ours).toFixed(1)}x${note}`)
}

async function competencyBench(db: Db, kaderCount: number): Promise<void> {
  const catalogue = await activeCatalogue(db)
  const assessments = await db.selectFrom('assessment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  console.log('')
  console.log(`Kompetensi: ${Number(assessments.n).toLocaleString('id-ID')} penilaian untuk ${kaderCount.toLocaleString('id-ID')} kader`)
  console.log(`${'kasus'.padEnd(44)} ${'layanan'.padStart(12)} ${'baseline'.padStart(12)}  (median, ms)`)

  const matrixCases: [string, Input<'competency:matrix'>][] = [
    ['matriks: halaman 100, tanpa saringan', {}],
    ['matriks: tingkat = belum ada', { level: 'none' }],
    ['matriks: belum menguasai C1', { lacking: 'C1' }],
    ['matriks: urut tingkat menurun', { sortBy: 'level', sortDir: 'desc' }],
  ]
  for (const [label, q] of matrixCases) {
    const ours = await time(() => competencyMatrix(db, matrixInput.parse(q)))
    const base = await time(() => naiveMatrix(db, catalogue, q), FEW)
    row(label, ours, base)
  }

  const kota = scopeInput.parse({ wilayah: '36.71' })
  row(
    'ringkasan kompetensi seluruh kota',
    await time(() => competencySummary(db, kota), FEW),
    await time(() => naiveSummary(db, catalogue), FEW),
  )
  // Needs does more than derive levels (grouping, cohorts); the baseline is only the naive
  // derivation it would start from, so the ratio understates the gain.
  const needsInput = contract['competency:needs'].input.parse({ wilayah: '36.71' })
  row(
    'kebutuhan pelatihan seluruh kota',
    await time(() => trainingNeeds(db, needsInput), FEW),
    await time(() => naiveDerive(db, catalogue), FEW),
    '  (baseline: hanya menurunkan tingkat)',
  )

  // Recompute everyone at once vs kader by kader (measured on 1,000, scaled to all).
  const ids = (await db.selectFrom('kader').select('id').orderBy('id').limit(1000).execute()).map((k) => k.id)
  const all = await time(() => db.transaction().execute((trx) => recomputeCompetencies(trx, 'all', catalogue)), FEW)
  const oneByOne = await time(
    () =>
      db.transaction().execute(async (trx) => {
        for (const id of ids) await recomputeCompetencies(trx, [id], catalogue)
      }),
    FEW,
  )
  row('hitung ulang semua kader (recompute all)', all, (oneByOne * kaderCount) / ids.length, '  (baseline: per kader, dari 1.000)')

  // The training grid: 30 kader × 5 competencies in one call vs 150 single assessments.
  const grid = (
    await db
      .selectFrom('kader')
      .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
      .select('kader.id')
      .where('kader.status', '=', 'aktif')
      .where('posyandu.village_code', '=', '36.71.01.1001')
      .orderBy('kader.id')
      .limit(30)
      .execute()
  ).map((k) => k.id)
  const codes = catalogue.groups.find((g) => g.items.length >= 5)!.items.slice(0, 5).map((i) => i.code)
  const assessor = { name: 'Siti Aminah, S.Gz', nip: '198504122010012015', profession: 'Nutrisionis', institution: 'Puskesmas Tangerang' }
  const date = todayJakarta()
  const entries = grid.flatMap((kaderId, i) => codes.map((competencyCode, j) => ({ kaderId, competencyCode, result: (i + j) % 7 === 0 ? ('belum_kompeten' as const) : ('kompeten' as const) })))
  const bulk = bulkAssessmentInput.parse({ date, method: 'observasi_praktik', assessor, entries })
  const single = entries.map((e) => assessmentInput.parse({ ...e, date, method: 'observasi_praktik', assessor }))
  row(
    `penilaian massal ${grid.length}×${codes.length} (assessBulk)`,
    await time(() => assessBulk(db, bulk), FEW),
    await time(async () => {
      for (const input of single) await assess(db, input)
    }, FEW),
    '  (baseline: satu per satu)',
  )
}

// ---------------------------------------------------------------- meetings, follow-ups and search

/** A DemoRandom over mulberry32, for topping the demo's meetings up to the benchmark's size. */
function demoRandom(seed: number): DemoRandom {
  const next = mulberry32(seed)
  const r: DemoRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    weighted: (items) => {
      let x = next() * items.reduce((s, [, w]) => s + w, 0)
      for (const [item, w] of items) if ((x -= w) < 0) return item
      return items[items.length - 1]![0]
    },
    shuffle: (xs) => {
      const out = [...xs]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    },
  }
  return r
}

const MEETINGS = 5000

/**
 * The naive search: LIKE '%word%' over the same text the index holds (meeting title, agenda
 * with minutes, conclusions; follow-up description, reporter, progress notes, evidence), every
 * word required, newest first. It finds only the exact spelling (no affixes folded).
 */
async function likeSearch(db: Db, query: string, limit: number | null = 30) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const cond = (column: string) => sql.join(words.map((w) => sql`lower(${sql.raw(column)}) like ${`%${w}%`}`), sql` and `)
  return (
    await sql<{ id: string; date: string }>`
      select id, date from (
        select id, date, title || ' ' || agenda || ' ' || conclusions as text from meeting where deleted = 0
        union all
        select f.id, f.date, f.description || ' ' || coalesce(f.reporter, '') || ' ' || coalesce(f.closing_evidence, '') || ' ' ||
          coalesce((select group_concat(p.note, ' ') from follow_up_progress p where p.follow_up_id = f.id), '') as text
        from follow_up f where f.deleted = 0
      ) where ${cond('text')}
      order by date desc limit ${limit ?? -1}`.execute(db)
  ).rows
}

/** The naive overdue list: every follow-up with its OPD into JavaScript, the rule applied there. */
async function naiveOverdue(db: Db, today: string) {
  const rows = await db
    .selectFrom('follow_up as f')
    .innerJoin('opd', 'opd.id', 'f.opd_id')
    .leftJoin('posyandu as p', 'p.id', 'f.posyandu_id')
    .leftJoin('meeting as m', 'm.id', 'f.meeting_id')
    .select(['f.id', 'f.description', 'f.due_date', 'f.status', 'f.date', 'opd.name as opd', 'p.name as posyandu', 'm.title as meeting'])
    .where('f.deleted', '=', 0)
    .execute()
  return rows
    .filter((r) => isOverdue({ dueDate: r.due_date, status: r.status as FollowUpStatus }, today))
    .map((r) => ({ ...r, daysOverdue: daysBetween(r.due_date, today) }))
    .sort((a, b) => a.due_date.localeCompare(b.due_date))
}

/** The naive board: one query per OPD, counted and the median taken in JavaScript. */
async function naiveBoard(db: Db, today: string) {
  const opds = await db.selectFrom('opd').select(['id', 'name']).where('deleted', '=', 0).execute()
  const out = []
  for (const o of opds) {
    const rows = await db.selectFrom('follow_up').select(['status', 'due_date', 'date', 'closed_date']).where('opd_id', '=', o.id).where('deleted', '=', 0).execute()
    const closed = rows.filter((r) => CLOSED_STATUSES.includes(r.status as FollowUpStatus))
    out.push({
      opd: o.name,
      open: rows.length - closed.length,
      overdue: rows.filter((r) => isOverdue({ dueDate: r.due_date, status: r.status as FollowUpStatus }, today)).length,
      median: medianDays(closed.map((r) => daysBetween(r.date, r.closed_date!))),
    })
  }
  return out
}

async function meetingBench(db: Db, siteId: string): Promise<void> {
  // The kota demo holds ~900 meetings; more years of the same Tim Pembina work, each from a
  // seed of its own, bring it to the size the issue names.
  const villages = (await villagesUnder(db, '36.71')).sort((a, b) => (a.code < b.code ? -1 : 1))
  const districts = await db.selectFrom('area').select(['code', 'name']).where('parent_code', '=', '36.71').execute()
  const world = { villages, districtNames: new Map(districts.map((d) => [d.code, d.name])), regencyNames: new Map([['36.71', 'Kota Tangerang']]), areaLevel: 2 }
  const countOf = async (table: 'meeting' | 'follow_up' | 'follow_up_progress') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  let t = performance.now()
  for (let seed = 100; (await countOf('meeting')) < MEETINGS; seed++) {
    const rng = demoRandom(seed)
    await writeMeetingHistory(db, siteId, { ...world, rng, personName: (sex) => `${rng.pick(sex === 'P' ? ['Siti', 'Dewi', 'Ratna', 'Yuli'] : ['Ahmad', 'Budi', 'Asep', 'Joko'])} ${rng.pick(['Rahmawati', 'Hidayat', 'Lestari', 'Santoso', 'Nurjanah', 'Saputra'])}` })
  }
  const writeMs = performance.now() - t
  t = performance.now()
  await rebuildSearchIndex(db)
  const indexMs = performance.now() - t
  const [meetings, followUps, progress] = [await countOf('meeting'), await countOf('follow_up'), await countOf('follow_up_progress')]
  const fmt = (n: number) => n.toLocaleString('id-ID')
  console.log('')
  console.log(`Rapat dan tindak lanjut: ${fmt(meetings)} rapat, ${fmt(followUps)} tindak lanjut, ${fmt(progress)} catatan perkembangan`)
  console.log(`Tulis data rapat tambahan: ${writeMs.toFixed(0)} ms; bangun ulang indeks pencarian (FTS5): ${indexMs.toFixed(0)} ms`)
  console.log(`${'kasus'.padEnd(44)} ${'layanan'.padStart(12)} ${'baseline'.padStart(12)}  (median ${ROUNDS}x, ms)  temuan layanan / LIKE`)

  const queries: [string, string][] = [
    ['cari satu kata "imunisasi"', 'imunisasi'],
    ['cari kata berimbuhan "penimbangan"', 'penimbangan'],
    ['cari dua kata "saluran drainase"', 'saluran drainase'],
    ['cari kata langka "isbat"', 'isbat'],
    ['cari kata yang tidak ada "gempa"', 'gempa'],
  ]
  const slowest: number[] = []
  for (const [label, query] of queries) {
    const input = contract['search:query'].input.parse({ query })
    const ours = await time(() => search(db, input))
    const base = await time(() => likeSearch(db, query), FEW)
    slowest.push(ours)
    // How many each finds, without the page limit: the index also finds the affixed forms.
    const found = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${matchExpression(queryGroups(query))}`.execute(db)
    const like = (await likeSearch(db, query, null)).length
    row(label, ours, base, `  ${fmt(Number(found.rows[0]!.n))} / ${fmt(like)}`)
  }

  const today = todayJakarta()
  const overdueInput = contract['followUp:list'].input.parse({ state: 'overdue' })
  const overdue = await listFollowUps(db, overdueInput)
  row(`tindak lanjut lewat tenggat (${fmt(overdue.length)} baris)`, await time(() => listFollowUps(db, overdueInput)), await time(() => naiveOverdue(db, today), FEW))
  row('papan OPD', await time(() => opdBoard(db)), await time(() => naiveBoard(db, today), FEW), '  (baseline: satu kueri per OPD)')
  const all = contract['meeting:list'].input.parse({})
  console.log(`${`daftar rapat (semua ${fmt(meetings)})`.padEnd(44)} ${(await time(() => listMeetings(db, all), FEW)).toFixed(2).padStart(12)} ${'—'.padStart(12)}`)
  console.log(`Pencarian pada ${fmt(meetings)} rapat: paling lambat ${Math.max(...slowest).toFixed(2)} ms (syarat: di bawah 100 ms)`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-'))
  const file = join(dir, 'bench.sqlite')
  try {
    // First, while this process holds no large database: its children have the machine to themselves.
    await startupBench(dir)
    let t = performance.now()
    const db = await openDatabase(file)
    const openMs = performance.now() - t
    const site = await setupSite(db, { level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang', coveredVillageCodes: [] })
    t = performance.now()
    const demo = await generateDemo(db, { wilayah: '36.71', posyanduPerVillage: 2, kaderPerPosyandu: 100, seed: 1 })
    const demoMs = performance.now() - t
    console.log(
      `Data uji: ${demo.villages} kelurahan, ${demo.posyandu} Posyandu, ${demo.kader} kader, ${demo.trainings} pelatihan, ${demo.assessments} penilaian`,
    )
    console.log(`Buka basis data baru (migrasi + muat ${'~92 ribu'} wilayah): ${openMs.toFixed(0)} ms`)
    console.log(`Buat data demo (kader, pelatihan, penilaian, tingkat): ${demoMs.toFixed(0)} ms (${((demo.kader / demoMs) * 1000).toFixed(0)} kader/detik)`)

    const aPosyandu = await db.selectFrom('posyandu').select('id').limit(1).executeTakeFirstOrThrow()
    const aNik = await db.selectFrom('kader').select('nik').orderBy('id').limit(1).offset(5000).executeTakeFirstOrThrow()
    const cases: [string, Input<'kader:list'>][] = [
      ['daftar awal (urut nama, 100 baris)', {}],
      ['halaman terakhir (offset 19.900)', { offset: Math.max(0, demo.kader - 100) }],
      ['cari nama "sri"', { query: 'sri' }],
      ['salah ketik "rahmawti" (hasil mirip)', { query: 'rahmawti' }],
      ['cari NIK (16 digit)', { query: aNik.nik }],
      ['saring Posyandu + status aktif', { posyanduId: aPosyandu.id, status: 'aktif' }],
      ['saring bidang SPM pendidikan', { spmField: 'pendidikan' }],
      ['urut tanggal lahir menurun', { sortBy: 'birthDate', sortDir: 'desc' }],
    ]
    console.log('')
    console.log(`${'kasus'.padEnd(40)} ${'kader:list'.padStart(12)} ${'baseline'.padStart(12)}  (median ${ROUNDS}x, ms)`)
    for (const [label, q] of cases) {
      const ours = await time(() => listKader(db, kaderListInput.parse(q)))
      const base = await time(() => naiveList(db, q))
      console.log(`${label.padEnd(40)} ${ours.toFixed(2).padStart(12)} ${base.toFixed(2).padStart(12)}  ${(base / ours).toFixed(1)}x`)
    }
    // The same search in Chromium, on this database while it is idle (a second process reads it).
    await kaderSearchUiBench(dir, file)
    await competencyBench(db, demo.kader)
    await meetingBench(db, site.id)
    await closeDatabase(db)
    await paketBench(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
