// The demo's equipment and incentives (issue 18): every Posyandu has its kit and Buku KIA stock,
// mostly in good order, but some dacin and length boards are broken or missing (the demo's
// follow-ups complain of them) and the last month's incentives are not yet paid in some villages.
// Written as each kelurahan's own records, as if their paket had arrived (demoVillageOffice).

import { DEFAULT_SARANA_ITEMS, type InsentifFunding, type SaranaCondition, type SaranaFunding } from '../../../../shared/domain/sarana'
import { jenisDesa } from '../../../../shared/domain/wilayah'
import type { Db } from '../../db/schema'
import { insertRecords, type RecordData } from '../../sync/write'
import { defaultSaranaItemId } from '../sarana/sarana.service'

/** The months of incentives in the demo, all paid (or due) before its reference date (30 June 2026). */
const PERIODS = ['2026-03', '2026-04', '2026-05'] as const
/** The day of the following month a period is paid on. */
const PAID_DAY = '10'

export async function writeSaranaInsentif(db: Db, next: () => number, writerOf: (villageCode: string) => string, villageCodes: readonly string[]): Promise<void> {
  if (villageCodes.length === 0) return
  const chance = (p: number) => next() < p
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  // A second demo run adds Posyandu: only those (and kader) without lines yet get them. The
  // villages are filtered here, not in SQL, so a province's worth stays under the parameter limit.
  const inDemo = new Set(villageCodes)
  const posyandu = (
    await db
      .selectFrom('posyandu')
      .select(['id', 'village_code'])
      .where('deleted', '=', 0)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sarana').select('sarana.id').whereRef('sarana.posyandu_id', '=', 'posyandu.id'))))
      .orderBy('id')
      .execute()
  ).filter((p) => inDemo.has(p.village_code))
  const kader = (
    await db
      .selectFrom('kader')
      .innerJoin('posyandu as p', 'p.id', 'kader.posyandu_id')
      .select(['kader.id', 'p.village_code'])
      .where('kader.deleted', '=', 0)
      .where('kader.status', '=', 'aktif')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('insentif').select('insentif.id').whereRef('insentif.kader_id', '=', 'kader.id'))))
      .orderBy('kader.id')
      .execute()
  ).filter((k) => inDemo.has(k.village_code))

  const sarana: RecordData<'sarana'>[] = []
  const saranaBy: string[] = []
  for (const p of posyandu) {
    const desa = jenisDesa(p.village_code) === 'desa'
    for (const item of DEFAULT_SARANA_ITEMS) {
      // Not every Posyandu owns every item; the kit is there, if not always working.
      if (!item.kit && item.code !== 'buku_kia' && !chance(0.6)) continue
      const condition: SaranaCondition =
        item.code === 'dacin' || item.code === 'papan_ukur'
          ? pick<SaranaCondition>(['baik', 'baik', 'baik', 'rusak_ringan', 'rusak_berat', 'tidak_ada'])
          : chance(0.85)
            ? 'baik'
            : pick<SaranaCondition>(['rusak_ringan', 'rusak_berat'])
      const funding: SaranaFunding = item.kit ? pick<SaranaFunding>(['apbd', 'bok', desa ? 'dana_desa' : 'apbd']) : pick<SaranaFunding>(['apbd', 'dana_desa', 'swadaya', 'lainnya'])
      sarana.push({
        posyandu_id: p.id,
        item_id: defaultSaranaItemId(item.code),
        quantity: condition === 'tidak_ada' ? 0 : item.code === 'buku_kia' ? 10 + Math.floor(next() * 40) : 1 + (chance(0.2) ? 1 : 0),
        condition,
        received_date: condition === 'tidak_ada' ? null : `${pick(['2021', '2022', '2023', '2024', '2025'])}-${pick(['02', '05', '08', '11'])}-${pick(['03', '14', '21'])}`,
        funding_source: condition === 'tidak_ada' ? null : funding,
        note: null,
      })
      saranaBy.push(writerOf(p.village_code))
    }
  }

  // Per village: who pays (a desa from its Dana Desa, a kelurahan from the APBD), how much, and
  // whether the last month has been paid yet.
  const villages = new Map<string, { funding: InsentifFunding; amount: number; lastPaid: boolean }>()
  for (const code of villageCodes) {
    const desa = jenisDesa(code) === 'desa'
    villages.set(code, { funding: desa ? 'dana_desa' : pick<InsentifFunding>(['apbd', 'apbd', 'bok']), amount: pick([100_000, 150_000, 200_000, 250_000]), lastPaid: chance(0.6) })
  }
  const insentif: RecordData<'insentif'>[] = []
  const insentifBy: string[] = []
  for (const k of kader) {
    const v = villages.get(k.village_code)!
    for (const [i, period] of PERIODS.entries()) {
      const last = i === PERIODS.length - 1
      const [y, m] = period.split('-').map(Number) as [number, number]
      const paidMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
      insentif.push({
        kader_id: k.id,
        period,
        amount: v.amount,
        funding_source: v.funding,
        // Paid on the 10th of the next month (before the demo's reference date), except the last
        // month where the village has not paid yet.
        paid_date: last && !v.lastPaid ? null : `${paidMonth}-${PAID_DAY}`,
        note: null,
      })
      insentifBy.push(writerOf(k.village_code))
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertRecords(trx, 'sarana', sarana, { as: (i) => saranaBy[i]! })
    await insertRecords(trx, 'insentif', insentif, { as: (i) => insentifBy[i]! })
  })
}
