// npm run bench: speed figures for the roster and the competencies at real size, each printed
// next to a baseline measured in the same run on the same data, so the numbers mean something
// on any machine. Baseline = what a naive app does: read every kader row (or every assessment)
// into JavaScript, then derive, filter, sort and slice there; or save a grid cell by cell.
// Our path = the service as the UI calls it (derived state kept per kader, filter and page in SQL).

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { activeCatalogue } from '../../electron/core/features/competency/catalogue.service'
import { assess, assessBulk, competencyMatrix, competencySummary, recomputeCompetencies } from '../../electron/core/features/competency/competency.service'
import { trainingNeeds } from '../../electron/core/features/competency/needs.service'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { listKader, todayJakarta } from '../../electron/core/features/kader/kader.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { assessmentInput, bulkAssessmentInput, contract, kaderListInput, matrixInput, scopeInput, type Input } from '../../shared/contract'
import { LEVEL_CODES, competencyCodes, levelOf, type Catalogue, type LevelCode } from '../../shared/domain/competency'
import type { Db } from '../../electron/core/db/schema'

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

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-'))
  const file = join(dir, 'bench.sqlite')
  try {
    let t = performance.now()
    const db = await openDatabase(file)
    const openMs = performance.now() - t
    await setupSite(db, { level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang', coveredVillageCodes: [] })
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
    await competencyBench(db, demo.kader)
    await closeDatabase(db)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
