// npm run bench: speed figures for the roster at real size, each printed next to a baseline
// measured in the same run on the same data, so the numbers mean something on any machine.
// Baseline = what a naive app does: read every kader row into JavaScript, then filter,
// sort and slice there. Our path = the service as the UI calls it (filter, sort, page in SQL).

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { listKader } from '../../electron/core/features/kader/kader.service'
import { setupSite } from '../../electron/core/features/site/site.service'
import { kaderListInput, type Input } from '../../shared/contract'
import type { Db } from '../../electron/core/db/schema'

const ROUNDS = 30

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn() // warm-up: first call pays for statement preparation
  const xs: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
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
    console.log(`Data uji: ${demo.villages} kelurahan, ${demo.posyandu} Posyandu, ${demo.kader} kader`)
    console.log(`Buka basis data baru (migrasi + muat ${'~92 ribu'} wilayah): ${openMs.toFixed(0)} ms`)
    console.log(`Buat data demo: ${demoMs.toFixed(0)} ms (${((demo.kader / demoMs) * 1000).toFixed(0)} kader/detik)`)

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
    await closeDatabase(db)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
