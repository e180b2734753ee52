// The demo's Posyandu registration (issue 18, item 1): a Pustu in most kelurahan/desa, and per
// Posyandu its SK pembentukan (signed by the lurah or kepala desa), the musyawarah before it,
// the Puskesmas pembina (this office when it is that Puskesmas, else the kecamatan's stand-in)
// and, for about half, the registration before Kemendagri's 30 June 2025 deadline; the rest
// "belum terdaftar", some without an SK yet, as the follow-ups of a real region would show.
// On a random stream of its own, so the roster, trainings and meetings stay what they were.

import type { AreaRow, Db } from '../../db/schema'
import { uuidv7 } from '../../sync/uuid'
import { insertRecords, type RecordData } from '../../sync/write'
import type { DemoRandom } from './demo-training'
import { puskesmasStandIn, STAND_IN_MARK } from './stand-in'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const pad = (n: number, w: number) => String(n).padStart(w, '0')

const LURAH = ['Drs. H. Ahmad Fauzi', 'Hj. Siti Rohmah, S.Sos', 'Dedi Supriadi, S.IP', 'H. Mulyadi, S.E.', 'Rina Marlina, S.STP', 'Agus Salim, S.Sos']
const STREETS = ['Jl. Raya', 'Jl. Masjid', 'Jl. Pendidikan', 'Jl. Kesehatan', 'Jl. Merdeka']

export interface DemoRegistrasi {
  /** The Pustu of each village that has one (its id). */
  pustuOf: Map<string, string>
  /** Registration columns for one Posyandu of `village`. */
  papers(village: AreaRow): Pick<
    RecordData<'posyandu'>,
    'sk_number' | 'sk_date' | 'sk_signer' | 'musyawarah_date' | 'registration_status' | 'registered_date' | 'registry_number' | 'puskesmas' | 'puskesmas_code' | 'pustu_id'
  >
}

/**
 * Writes the Pustu (one transaction, each as its village's office) and returns how to fill each
 * Posyandu's papers. `site` names the Puskesmas pembina when this office is the one serving a village.
 */
export async function planRegistrasi(
  db: Db,
  rng: DemoRandom,
  villages: readonly AreaRow[],
  districtNames: Map<string, string>,
  site: { id: string; level: string; name: string },
  covered: ReadonlySet<string>,
  writerOf: (villageCode: string) => string,
): Promise<DemoRegistrasi> {
  const pustu: RecordData<'pustu'>[] = []
  const writers: string[] = []
  const pustuOf = new Map<string, string>()
  for (const v of villages) {
    if (!rng.chance(0.7)) continue
    const id = uuidv7()
    pustuOf.set(v.code, id)
    pustu.push({ id, village_code: v.code, village_name: v.name, name: `Pustu ${v.name}`, address: `${rng.pick(STREETS)} No. ${rng.int(1, 90)}` })
    writers.push(writerOf(v.code))
  }
  await db.transaction().execute((trx) => insertRecords(trx, 'pustu', pustu, { as: (i) => writers[i]! }))

  const serial = new Map<string, number>()
  return {
    pustuOf,
    papers(village) {
      const district = village.parent_code ?? village.code.slice(0, 8)
      const own = site.level === 'puskesmas' && covered.has(village.code)
      const puskesmas = own ? { code: site.id, name: site.name } : { code: puskesmasStandIn(district), name: `Puskesmas Kec. ${districtNames.get(district) ?? district} ${STAND_IN_MARK}` }
      const isDesa = village.code.split('.')[3]?.startsWith('2') ?? false
      const base = { puskesmas: puskesmas.name, puskesmas_code: puskesmas.code, pustu_id: pustuOf.get(village.code) ?? null }
      const none = { sk_number: null, sk_date: null, sk_signer: null, musyawarah_date: null, registration_status: 'belum_terdaftar', registered_date: null, registry_number: null }
      if (!rng.chance(0.85)) return { ...base, ...none }
      const year = rng.int(2019, 2024)
      const skMs = Date.UTC(year, rng.int(0, 11), rng.int(1, 28))
      const n = (serial.get(village.code) ?? 0) + 1
      serial.set(village.code, n)
      const papers = {
        ...none,
        sk_number: `400.5.7/${pad(rng.int(1, 250), 3)}/${isDesa ? 'Ds' : 'Kel'}.${village.code.slice(-4)}/${year}`,
        sk_date: iso(skMs),
        sk_signer: rng.pick(LURAH),
        musyawarah_date: iso(skMs - rng.int(7, 45) * DAY),
      }
      if (!rng.chance(0.55)) return { ...base, ...papers }
      return {
        ...base,
        ...papers,
        registration_status: 'terdaftar',
        registered_date: iso(Date.UTC(2025, rng.int(0, 5), rng.int(1, 28))),
        registry_number: `${village.code.replace(/\./g, '')}-${pad(n, 3)}`,
      }
    },
  }
}
