// The recap of an office's area (the Dinas's whole city after importing paket): per kecamatan
// → kelurahan → Posyandu, active kader, levels, TKK per group, trainings and meetings of the
// year, open and overdue follow-ups, and how long ago each office's newest paket was made.
// The tree itself (every kelurahan a node, even a silent one) is rekap.tree's. At city size
// (≈1,100 Posyandu, 20,000 kader, 250,000 assessments) the work is a handful of grouped queries,
// each returning at most a row per Posyandu (or per area code and OPD), folded into the tree in
// JavaScript; never a query per node.
// Where a record counts ("area of a record", notes of issue 5): kader and participants through
// their Posyandu's village; a meeting through its Posyandu, else the area of the office that
// made it; a follow-up through its Posyandu, else its meeting's area, else its office's area.
// SPM fields: a Posyandu and a kader serve the fields on their own record (spm_fields); a
// follow-up counts in the field on its own record (follow_up.spm_field, chosen when it is
// written), never in its Posyandu's fields; one without a field counts in the node's totals only.
// Heard from: an office has been heard from when a paket it made reached here, imported directly
// or carried inside another office's paket (the `office` rows recordOffices keeps); each office
// dates its own area only, so a Puskesmas's paket never stands for its villages' silence.

import { sql } from 'kysely'
import type { ParsedInput, Rekap, RekapOffice } from '../../../../shared/contract'
import { CLOSED_STATUSES } from '../../../../shared/domain/meeting'
import { SPM_FIELDS, type SiteLevel } from '../../../../shared/domain/reference'
import type { Db, OfficeTable } from '../../db/schema'
import { activeCatalogue } from '../competency/catalogue.service'
import { saranaKitGaps } from '../sarana/sarana.service'
import { requireSite, type SiteRow, officeToday } from '../site/site.service'
import { ageDays, buildTree, finishTree, newer, type RekapTree } from './rekap.tree'

const LEVELS = ['purwa', 'madya', 'utama'] as const

/** A calendar year as a half-open range of `YYYY-MM-DD` dates. */
interface YearRange {
  start: string
  nextStart: string
}

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** The area a record made by an office counts in: this office's own area, else the area the office row says. */
function officeArea(site: SiteRow, siteCol: 'm.site_id' | 'f.site_id', areaCol: 'mo.area_code' | 'fo.area_code') {
  return sql<string | null>`case when ${sql.ref(siteCol)} = ${site.id} then ${site.area_code} else ${sql.ref(areaCol)} end`
}

/** Active kader, their levels and complete groups: one row per Posyandu. */
async function countKader(db: Db, tree: RekapTree, groupCodes: readonly string[]): Promise<void> {
  const kaderRows = await db
    .selectFrom('kader as k')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'k.id')
    .select((eb) => [
      'k.posyandu_id',
      eb.fn.countAll<number>().as('n'),
      ...LEVELS.map((l) => eb.fn.sum<number>(eb.case().when('kc.level', '=', l).then(1).else(0).end()).as(`level_${l}`)),
      // The groups column is a JSON array of single capital letters: the quoted code matches only itself.
      ...groupCodes.map((g, i) => eb.fn.sum<number>(eb.case().when('kc.groups', 'like', `%"${g}"%`).then(1).else(0).end()).as(`group_${i}`)),
      // Each skill held kompeten is one TKK (Kemenkes usage), whatever group it is in.
      sql<number>`sum(coalesce(json_array_length(kc.competent), 0))`.as('tkk'),
      sql<number>`sum(case when json_array_length(kc.competent) > 0 then 1 else 0 end)`.as('with_tkk'),
      ...SPM_FIELDS.map((f) => eb.fn.sum<number>(eb.case().when('k.spm_fields', 'like', `%"${f}"%`).then(1).else(0).end()).as(`spm_${f}`)),
    ])
    .where('k.deleted', '=', 0)
    .where('k.status', '=', 'aktif')
    .groupBy('k.posyandu_id')
    .execute()
  for (const r of kaderRows as unknown as Record<string, number | string | null>[]) {
    const chain = tree.chainOf(r.posyandu_id as string, null)
    const n = Number(r.n)
    const levels = LEVELS.map((l) => Number(r[`level_${l}`] ?? 0))
    const groups = groupCodes.map((_, i) => Number(r[`group_${i}`] ?? 0))
    const spm = SPM_FIELDS.map((f) => Number(r[`spm_${f}`] ?? 0))
    const tkk = Number(r.tkk ?? 0)
    const withTkk = Number(r.with_tkk ?? 0)
    for (const acc of chain) {
      const c = acc.node
      c.activeKader += n
      c.tkk += tkk
      c.kaderWithTkk += withTkk
      spm.forEach((x, i) => (c.spm[i]!.activeKader += x))
      LEVELS.forEach((l, i) => (c.levels[l] += levels[i]!))
      c.levels.none += n - levels.reduce((s, x) => s + x, 0)
      groups.forEach((g, i) => (c.groups[i]!.complete += g))
    }
  }
}

/** Trainings of the year, from the (training, Posyandu) pairs, so each node counts a training once. */
async function countTrainings(db: Db, tree: RekapTree, year: YearRange): Promise<void> {
  const trainingRows = await db
    .selectFrom('training_participant as tp')
    .innerJoin('training as t', 't.id', 'tp.training_id')
    .innerJoin('kader as k', 'k.id', 'tp.kader_id')
    .select(['tp.training_id', 'k.posyandu_id'])
    .distinct()
    .where('tp.deleted', '=', 0)
    .where('t.deleted', '=', 0)
    .where('t.start_date', '>=', year.start)
    .where('t.start_date', '<', year.nextStart)
    .execute()
  for (const r of trainingRows) for (const acc of tree.chainOf(r.posyandu_id, null)) acc.trainings.add(r.training_id)
}

/** Meetings of the year, per Posyandu or area code. */
async function countMeetings(db: Db, tree: RekapTree, site: SiteRow, year: YearRange): Promise<void> {
  const meetingRows = await db
    .selectFrom('meeting as m')
    .leftJoin('posyandu as mp', 'mp.id', 'm.posyandu_id')
    .leftJoin('office as mo', 'mo.site_id', 'm.site_id')
    .select((eb) => [
      'mp.id as posyandu_id',
      eb.fn.coalesce('mp.village_code', officeArea(site, 'm.site_id', 'mo.area_code')).as('area'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('m.deleted', '=', 0)
    .where('m.date', '>=', year.start)
    .where('m.date', '<', year.nextStart)
    .groupBy(['mp.id', 'area'])
    .execute()
  for (const r of meetingRows) for (const acc of tree.chainOf(r.posyandu_id, r.area)) acc.node.meetings += Number(r.n)
}

/**
 * Open follow-ups (whatever the year: what is owed now), per Posyandu or area code and OPD,
 * added into the tree; returns the same counts per OPD, the most overdue first.
 */
async function countFollowUps(db: Db, tree: RekapTree, site: SiteRow, today: string): Promise<Rekap['followUpsPerOpd']> {
  const followUpRows = await db
    .selectFrom('follow_up as f')
    .leftJoin('posyandu as fp', 'fp.id', 'f.posyandu_id')
    .leftJoin('meeting as m', 'm.id', 'f.meeting_id')
    .leftJoin('posyandu as mp', 'mp.id', 'm.posyandu_id')
    .leftJoin('office as mo', 'mo.site_id', 'm.site_id')
    .leftJoin('office as fo', 'fo.site_id', 'f.site_id')
    .select((eb) => [
      eb.fn.coalesce('fp.id', 'mp.id').as('target_posyandu'),
      eb.fn
        .coalesce(
          'fp.village_code',
          'mp.village_code',
          sql<string | null>`case when m.id is null then null else ${officeArea(site, 'm.site_id', 'mo.area_code')} end`,
          officeArea(site, 'f.site_id', 'fo.area_code'),
        )
        .as('target_area'),
      'f.opd_id',
      'f.spm_field',
      eb.fn.countAll<number>().as('open'),
      // isOverdue() of shared/domain/meeting.ts in SQL: open (already filtered) and due before today.
      eb.fn.sum<number>(eb.case().when('f.due_date', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('f.deleted', '=', 0)
    .where('f.status', 'not in', [...CLOSED_STATUSES])
    .groupBy(['target_posyandu', 'target_area', 'f.opd_id', 'f.spm_field'])
    .execute()
  const perOpd = new Map<string, { open: number; overdue: number }>()
  for (const r of followUpRows) {
    const chain = tree.chainOf(r.target_posyandu, r.target_area)
    if (chain.length === 0) continue
    const open = Number(r.open)
    const overdue = Number(r.overdue ?? 0)
    const field = SPM_FIELDS.indexOf(r.spm_field as (typeof SPM_FIELDS)[number])
    for (const acc of chain) {
      acc.node.followUpsOpen += open
      acc.node.followUpsOverdue += overdue
      const f = acc.node.spm[field]
      if (f) {
        f.followUpsOpen += open
        f.followUpsOverdue += overdue
      }
    }
    const o = perOpd.get(r.opd_id) ?? { open: 0, overdue: 0 }
    o.open += open
    o.overdue += overdue
    perOpd.set(r.opd_id, o)
  }
  const opdNames = new Map(
    (perOpd.size > 0 ? await db.selectFrom('opd').select(['id', 'name']).where('id', 'in', [...perOpd.keys()]).execute() : []).map((o) => [o.id, o.name]),
  )
  return [...perOpd.entries()]
    .map(([opdId, o]) => ({ opdId, name: opdNames.get(opdId) ?? '(OPD tidak dikenal)', ...o }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'id'))
}

/** Issue 18: Posyandu lacking a working anthropometry kit, and kader incentives paid for the year's months. */
async function countSaranaInsentif(db: Db, tree: RekapTree, year: YearRange): Promise<void> {
  for (const g of await saranaKitGaps(db)) for (const acc of tree.chainOf(g.posyanduId, null)) acc.node.posyanduKitIncomplete += 1
  const rows = await db
    .selectFrom('insentif as i')
    .innerJoin('kader as k', 'k.id', 'i.kader_id')
    .select((eb) => ['k.posyandu_id', sql<number>`count(distinct i.kader_id)`.as('kader'), eb.fn.sum<number>('i.amount').as('total')])
    .where('i.deleted', '=', 0)
    .where('i.paid_date', 'is not', null)
    .where('i.period', '>=', year.start.slice(0, 7))
    .where('i.period', '<', year.nextStart.slice(0, 7))
    .groupBy('k.posyandu_id')
    .execute()
  // A kader belongs to one Posyandu, so the distinct counts per Posyandu add up.
  for (const r of rows) {
    for (const acc of tree.chainOf(r.posyandu_id, null)) {
      acc.node.insentifKaderPaid += Number(r.kader)
      acc.node.insentifTotal += Number(r.total ?? 0)
    }
  }
}

/**
 * Each office once: an installation recovered on a new PC succeeds its old site ids (the signed
 * statements in site_succession), so the old ids' rows fold into the office's current one; the
 * old ids of this office itself are not another office.
 */
async function currentOffices(db: Db, selfId: string): Promise<OfficeTable[]> {
  const officeRows = await db.selectFrom('office').selectAll().execute()
  const successions = await db.selectFrom('site_succession').select(['successor_site_id', 'predecessors']).execute()
  if (successions.length === 0) return officeRows
  const successorOf = new Map<string, string>()
  for (const s of successions) for (const p of parseCodes(s.predecessors)) successorOf.set(p, s.successor_site_id)
  const resolve = (id: string) => {
    let cur = id
    // A chain of recoveries, never a loop: bounded all the same.
    for (let i = 0; i < 10 && successorOf.has(cur); i++) cur = successorOf.get(cur)!
    return cur
  }
  const byId = new Map<string, OfficeTable>()
  for (const o of officeRows) {
    const id = resolve(o.site_id)
    if (id === selfId) continue
    const prev = byId.get(id)
    // The current installation's own row names the office; an old one only until it is heard of.
    const base = !prev || o.site_id === id ? { ...o, site_id: id } : prev
    byId.set(id, {
      ...base,
      last_bundle_at: newer(prev?.last_bundle_at ?? null, o.last_bundle_at),
      last_imported_at: newer(prev?.last_imported_at ?? null, o.last_imported_at),
    })
  }
  return [...byId.values()]
}

/**
 * The offices heard of, never heard from first, then the oldest newest paket; each office's
 * newest paket is also stamped on the node of its own area (a kelurahan office on its
 * kelurahan, a Puskesmas or kecamatan office on its kecamatan at a kota); a kecamatan node then
 * takes the newest of its kelurahan too (finishTree). An office whose paket never came here
 * directly was relayed: by the Puskesmas serving its village when that one is known.
 */
async function heardFrom(db: Db, tree: RekapTree, selfId: string, nowMs: number): Promise<RekapOffice[]> {
  const officeRows = await currentOffices(db, selfId)
  const puskesmasOf = new Map<string, { siteId: string; name: string }>()
  for (const o of officeRows) {
    if (o.level !== 'puskesmas') continue
    for (const v of parseCodes(o.villages)) if (!puskesmasOf.has(v)) puskesmasOf.set(v, { siteId: o.site_id, name: o.name })
  }
  const offices: RekapOffice[] = officeRows.map((o) => ({
    siteId: o.site_id,
    level: o.level as SiteLevel,
    areaCode: o.area_code,
    areaName: o.area_name,
    name: o.name,
    lastBundleAt: o.last_bundle_at,
    ageDays: ageDays(o.last_bundle_at, nowMs),
    lastImportedAt: o.last_imported_at,
    relayedBy:
      o.last_bundle_at && !o.last_imported_at
        ? (o.level === 'kelurahan' ? puskesmasOf.get(o.area_code) : undefined) ?? { siteId: null, name: null }
        : null,
  }))
  offices.sort(
    (a, b) =>
      (a.lastBundleAt === null ? 0 : 1) - (b.lastBundleAt === null ? 0 : 1) ||
      (a.lastBundleAt ?? '').localeCompare(b.lastBundleAt ?? '') ||
      a.name.localeCompare(b.name, 'id'),
  )
  for (const o of officeRows) {
    if (!o.last_bundle_at) continue
    const node = tree.villages.get(o.area_code) ?? (tree.withDistricts ? tree.districts.get(o.area_code) : undefined)
    if (node) node.node.lastBundleAt = newer(node.node.lastBundleAt, o.last_bundle_at)
  }
  return offices
}

export async function getRekap(db: Db, input: ParsedInput<'rekap:get'>, nowMs: number = Date.now()): Promise<Rekap> {
  const site = await requireSite(db)
  const today = await officeToday(db, new Date(nowMs))
  const year = input.year ?? Number(today.slice(0, 4))
  const range: YearRange = { start: `${year}-01-01`, nextStart: `${year + 1}-01-01` }
  const catalogue = await activeCatalogue(db)
  const groupCodes = catalogue.groups.map((g) => g.code)

  const tree = await buildTree(db, site, groupCodes)
  await countKader(db, tree, groupCodes)
  await countTrainings(db, tree, range)
  await countMeetings(db, tree, site, range)
  const followUpsPerOpd = await countFollowUps(db, tree, site, today)
  await countSaranaInsentif(db, tree, range)
  const offices = await heardFrom(db, tree, site.id, nowMs)
  const { nodes, total } = finishTree(tree, site.level, nowMs)

  return {
    scope: { code: site.area_code, name: site.area_name, level: site.level },
    year,
    today,
    total,
    groupNames: catalogue.groups.map((g) => ({ code: g.code, name: g.name })),
    nodes,
    offices,
    followUpsPerOpd,
  }
}
