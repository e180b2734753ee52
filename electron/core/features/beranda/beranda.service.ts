// The home screen's numbers: a handful of grouped counts, never rows pulled into JavaScript.

import { GABUNG_STEPS, type BerandaSummary, type GabungChecklist, type GabungStep } from '../../../../shared/contract'
import { KADER_ROLES, KADER_STATUSES, SPM_FIELDS, type KaderRole, type KaderStatus, type SpmField } from '../../../../shared/domain/reference'
import { officeToday, requireSite } from '../site/site.service'
import { PEMBINAAN } from '../paket/export'
import type { Db } from '../../db/schema'
import { activeKaderCounts } from '../posyandu/posyandu.service'
import { getSettings } from '../settings/settings.service'
import { CLOSED_STATUSES } from '../../../../shared/domain/meeting'

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

export async function berandaSummary(db: Db): Promise<BerandaSummary> {
  const { minKaderPerPosyandu } = await getSettings(db)

  const posyandu = await db
    .selectFrom('posyandu')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('active', '=', 1).then(1).else(0).end()).as('active'),
    ])
    .where('deleted', '=', 0)
    .executeTakeFirstOrThrow()

  const byStatusRows = await db
    .selectFrom('kader')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy('status')
    .execute()
  const byRoleRows = await db
    .selectFrom('kader')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy('role')
    .execute()
  // One pass for all six fields: spm_fields is a JSON array, matched by its quoted codes. Only
  // active kader serve a field: those who stopped, moved or died stay in the status counts.
  const bySpmRow = await db
    .selectFrom('kader')
    .select((eb) =>
      SPM_FIELDS.map((f) => eb.fn.sum<number>(eb.case().when('spm_fields', 'like', `%"${f}"%`).then(1).else(0).end()).as(f)),
    )
    .where('deleted', '=', 0)
    .where('status', '=', 'aktif')
    .executeTakeFirstOrThrow()

  const below = await db
    .selectFrom('posyandu')
    .leftJoin(activeKaderCounts(db).as('k'), 'k.posyandu_id', 'posyandu.id')
    .select(['posyandu.id', 'posyandu.name', (eb) => eb.fn.coalesce('k.n', eb.lit(0)).as('active_kader_count')])
    .where('posyandu.deleted', '=', 0)
    .where('posyandu.active', '=', 1)
    .where((eb) => eb(eb.fn.coalesce('k.n', eb.lit(0)), '<', minKaderPerPosyandu))
    .orderBy((eb) => eb.fn.coalesce('k.n', eb.lit(0)))
    .orderBy('posyandu.name', (ob) => ob.collate('nocase'))
    .orderBy('posyandu.id')
    .execute()

  const levelRows = await db
    .selectFrom('kader')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .select(['kc.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kader.deleted', '=', 0)
    .where('kader.status', '=', 'aktif')
    .groupBy('kc.level')
    .execute()
  const kaderLevels = { none: 0, purwa: 0, madya: 0, utama: 0 }
  for (const r of levelRows) kaderLevels[r.level ?? 'none'] += Number(r.n)

  const byStatus = zeros(KADER_STATUSES)
  for (const r of byStatusRows) if (r.status in byStatus) byStatus[r.status as KaderStatus] = Number(r.n)
  const byRole = zeros(KADER_ROLES)
  for (const r of byRoleRows) if (r.role in byRole) byRole[r.role as KaderRole] = Number(r.n)
  const bySpmField = zeros(SPM_FIELDS)
  for (const f of SPM_FIELDS) bySpmField[f as SpmField] = Number((bySpmRow as Record<string, unknown>)[f] ?? 0)

  return {
    posyandu: { total: Number(posyandu.total), active: Number(posyandu.active ?? 0) },
    kader: {
      total: byStatusRows.reduce((sum, r) => sum + Number(r.n), 0),
      byStatus,
      bySpmField,
      byRole,
    },
    kaderLevels,
    posyanduBelowMinimum: below.map((r) => ({ id: r.id, name: r.name, activeKaderCount: Number(r.active_kader_count) })),
  }
}

/** Open follow-ups and the overdue ones among them (the rule of shared/domain/meeting.ts, in SQL). */
export async function followUpCounts(db: Db, today?: string): Promise<{ open: number; overdue: number }> {
  today ??= await officeToday(db)
  const r = await db
    .selectFrom('follow_up')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('deleted', '=', 0)
    .where('status', 'not in', [...CLOSED_STATUSES])
    .executeTakeFirstOrThrow()
  return { open: Number(r.open), overdue: Number(r.overdue ?? 0) }
}

/**
 * The "Bergabung dengan wilayah" checklist, read from what the paket and key tables record:
 * nothing is ticked by hand, so the list cannot claim a step that did not happen.
 */
export async function gabungChecklist(db: Db): Promise<GabungChecklist> {
  const site = await requireSite(db)
  const exists = async (q: { executeTakeFirst: () => Promise<unknown> }) => (await q.executeTakeFirst()) !== undefined
  // The Dinas of this office's own kota/kabupaten: a key of another one (the area changed since) does not count.
  const trustedKota = db.selectFrom('trusted_office').select('site_id').where('level', '=', 'kota').where('area_code', '=', site.area_code.slice(0, 5))
  const sentPembinaan = db.selectFrom('paket_sent').select('created_at').where('destination', '=', PEMBINAAN)
  // The first office below whose fingerprint the Dinas matched: a paket pembinaan made after it carries its card.
  const firstBelow = await db
    .selectFrom('trusted_office')
    .select((eb) => eb.fn.min<string>('trusted_at').as('at'))
    .where('level', '!=', 'kota')
    .where('site_id', '!=', site.id)
    .executeTakeFirst()
  const checks: Record<GabungStep, () => Promise<boolean>> = {
    // Importing a paket pembinaan (or a recovery from the Dinas) makes the Dinas's key the region's (kunci source 'pembinaan').
    pembinaan: () => exists(trustedKota.where('source', '=', 'pembinaan').limit(1)),
    sidikJari: () => exists(trustedKota.limit(1)),
    kirim: () => exists(db.selectFrom('paket_sent').select('bundle_id').limit(1)),
    pembinaanKirim: () => exists(sentPembinaan.limit(1)),
    sidikJariKantor: async () => !!firstBelow?.at,
    pembinaanLagi: async () => !!firstBelow?.at && (await exists(sentPembinaan.where('created_at', '>', firstBelow.at).limit(1))),
  }
  const keys = site.level === 'kota' ? GABUNG_STEPS.dinas : GABUNG_STEPS.kantor
  const steps = await Promise.all(keys.map(async (key) => ({ key, done: await checks[key]() })))
  return { steps, done: steps.every((s) => s.done) }
}
