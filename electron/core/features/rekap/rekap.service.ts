// The recap of an office's area (the Dinas's whole city after importing bundles): per kecamatan
// → kelurahan → Posyandu, active kader, levels, TKK per group, trainings and meetings of the
// year, open and overdue follow-ups, and how long ago each office's newest bundle was made.
// Every kelurahan of the area is a node even with no data at all: that is how a silent office
// stands out. At city size (≈1,100 Posyandu, 20,000 kader, 250,000 assessments) the work is a
// handful of grouped queries, each returning at most a row per Posyandu (or per area code and
// OPD), folded into the tree in JavaScript; never a query per node.
// Where a record counts ("area of a record", notes of issue 5): kader and participants through
// their Posyandu's village; a meeting through its Posyandu, else the area of the office that
// made it; a follow-up through its Posyandu, else its meeting's area, else its office's area.

import { sql } from 'kysely'
import type { ParsedInput, Rekap, RekapCounts, RekapNode, RekapOffice } from '../../../../shared/contract'
import { CLOSED_STATUSES } from '../../../../shared/domain/meeting'
import type { SiteLevel } from '../../../../shared/domain/reference'
import type { Db } from '../../db/schema'
import { codePrefixRange } from '../area/area.service'
import { activeCatalogue } from '../competency/catalogue.service'
import { todayJakarta } from '../../../../shared/domain/tanggal'
import { requireSite } from '../site/site.service'

const DAY_MS = 86_400_000
const LEVELS = ['purwa', 'madya', 'utama'] as const

/** A node while it is being filled: its counts, and the trainings seen (counted once per node). */
interface Acc {
  node: RekapNode
  trainings: Set<string>
}

function emptyCounts(groupCodes: readonly string[]): RekapCounts {
  return {
    posyandu: 0,
    activeKader: 0,
    levels: { none: 0, purwa: 0, madya: 0, utama: 0 },
    groups: groupCodes.map((code) => ({ code, complete: 0 })),
    trainings: 0,
    meetings: 0,
    followUpsOpen: 0,
    followUpsOverdue: 0,
  }
}

function newAcc(code: string, name: string, kind: RekapNode['kind'], groupCodes: readonly string[]): Acc {
  return { node: { code, name, kind, ...emptyCounts(groupCodes), lastBundleAt: null, ageDays: null, children: [] }, trainings: new Set() }
}

/** Whole days from an instant to now; null when never. A clock running ahead gives 0, not a negative age. */
function ageDays(at: string | null, nowMs: number): number | null {
  if (!at) return null
  const ms = Date.parse(at)
  if (Number.isNaN(ms)) return null
  return Math.max(0, Math.floor((nowMs - ms) / DAY_MS))
}

const newer = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b)

const byName = (a: RekapNode, b: RekapNode) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code)

function parseVillages(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** The kelurahan/desa (and, at a kota, the kecamatan) of this office's area, from the official list. */
async function areaNodes(
  db: Db,
  site: { level: SiteLevel; area_code: string },
): Promise<{ districts: { code: string; name: string }[]; villages: { code: string; name: string; district: string }[] }> {
  if (site.level === 'kelurahan') {
    const row = await db.selectFrom('area').select(['code', 'name']).where('code', '=', site.area_code).executeTakeFirst()
    return { districts: [], villages: [{ code: site.area_code, name: row?.name ?? site.area_code, district: site.area_code.slice(0, 8) }] }
  }
  if (site.level === 'puskesmas') {
    const rows = await db
      .selectFrom('site_village as sv')
      .leftJoin('area', 'area.code', 'sv.village_code')
      .select(['sv.village_code as code', 'sv.village_name', 'area.name'])
      .execute()
    return { districts: [], villages: rows.map((r) => ({ code: r.code, name: r.name ?? r.village_name, district: r.code.slice(0, 8) })) }
  }
  const [lo, hi] = codePrefixRange(`${site.area_code}.`)
  const rows = await db
    .selectFrom('area')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', 'in', [3, 4])
    .execute()
  return {
    districts: rows.filter((r) => r.level === 3).map((r) => ({ code: r.code, name: r.name })),
    villages: rows.filter((r) => r.level === 4).map((r) => ({ code: r.code, name: r.name, district: r.parent_code ?? r.code.slice(0, 8) })),
  }
}

export async function getRekap(db: Db, input: ParsedInput<'rekap:get'>, nowMs: number = Date.now()): Promise<Rekap> {
  const site = await requireSite(db)
  const today = todayJakarta(new Date(nowMs))
  const year = input.year ?? Number(today.slice(0, 4))
  const yearStart = `${year}-01-01`
  const nextYearStart = `${year + 1}-01-01`
  const catalogue = await activeCatalogue(db)
  const groupCodes = catalogue.groups.map((g) => g.code)
  const closed = [...CLOSED_STATUSES]

  // ---- the skeleton: kecamatan and kelurahan of the area, then its Posyandu
  const total = newAcc(site.area_code, site.area_name, site.level === 'kelurahan' ? 'kelurahan' : 'kecamatan', groupCodes)
  const withDistricts = site.level === 'kota'
  const districts = new Map<string, Acc>()
  const villages = new Map<string, Acc & { district: string }>()
  const area = await areaNodes(db, site)
  for (const d of area.districts) districts.set(d.code, newAcc(d.code, d.name, 'kecamatan', groupCodes))
  for (const v of area.villages) villages.set(v.code, { ...newAcc(v.code, v.name, 'kelurahan', groupCodes), district: v.district })

  // A Posyandu under a village code since retired from the official list still belongs to the
  // area (its kecamatan's code is the prefix); a Puskesmas sees only the villages it serves.
  const scopeRange = site.level === 'kelurahan' ? codePrefixRange(site.area_code) : codePrefixRange(`${site.area_code}.`)
  const posyanduRows = await db
    .selectFrom('posyandu')
    .select(['id', 'name', 'village_code', 'village_name', 'active', 'deleted'])
    .where('village_code', '>=', scopeRange[0])
    .where('village_code', '<', scopeRange[1])
    .execute()
  const posyandu = new Map<string, Acc & { village: string; deleted: boolean }>()
  for (const p of posyanduRows) {
    if (!villages.has(p.village_code)) {
      if (site.level === 'puskesmas') continue
      villages.set(p.village_code, { ...newAcc(p.village_code, p.village_name, 'kelurahan', groupCodes), district: p.village_code.slice(0, 8) })
    }
    const acc = { ...newAcc(p.id, p.name, 'posyandu', groupCodes), village: p.village_code, deleted: p.deleted === 1 }
    if (p.deleted === 0 && p.active === 1) acc.node.posyandu = 1
    posyandu.set(p.id, acc)
  }
  if (withDistricts) {
    for (const v of villages.values()) {
      if (!districts.has(v.district)) districts.set(v.district, newAcc(v.district, v.district, 'kecamatan', groupCodes))
    }
  }

  /** The nodes a record of this Posyandu / area code counts in, deepest first; [] outside the area. */
  const chainCache = new Map<string, Acc[]>()
  function chainOf(posyanduId: string | null, areaCode: string | null): Acc[] {
    const key = `${posyanduId ?? ''}|${areaCode ?? ''}`
    let chain = chainCache.get(key)
    if (chain) return chain
    chain = []
    const p = posyanduId ? posyandu.get(posyanduId) : undefined
    const villageCode = p ? p.village : areaCode
    const village = villageCode ? villages.get(villageCode) : undefined
    if (p) chain.push(p)
    if (village) {
      chain.push(village)
      const district = withDistricts ? districts.get(village.district) : undefined
      if (district) chain.push(district)
      chain.push(total)
    } else if (!p && areaCode) {
      const district = withDistricts ? districts.get(areaCode) : undefined
      if (district) chain.push(district, total)
      else if (areaCode === site.area_code) chain.push(total)
    }
    chainCache.set(key, chain)
    return chain
  }

  // ---- kader: one row per Posyandu (active kader, levels, complete groups)
  const kaderRows = await db
    .selectFrom('kader as k')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'k.id')
    .select((eb) => [
      'k.posyandu_id',
      eb.fn.countAll<number>().as('n'),
      ...LEVELS.map((l) => eb.fn.sum<number>(eb.case().when('kc.level', '=', l).then(1).else(0).end()).as(`level_${l}`)),
      // The groups column is a JSON array of single capital letters: the quoted code matches only itself.
      ...groupCodes.map((g, i) => eb.fn.sum<number>(eb.case().when('kc.groups', 'like', `%"${g}"%`).then(1).else(0).end()).as(`group_${i}`)),
    ])
    .where('k.deleted', '=', 0)
    .where('k.status', '=', 'aktif')
    .groupBy('k.posyandu_id')
    .execute()
  for (const r of kaderRows as unknown as Record<string, number | string | null>[]) {
    const chain = chainOf(r.posyandu_id as string, null)
    const n = Number(r.n)
    const levels = LEVELS.map((l) => Number(r[`level_${l}`] ?? 0))
    const groups = groupCodes.map((_, i) => Number(r[`group_${i}`] ?? 0))
    for (const acc of chain) {
      const c = acc.node
      c.activeKader += n
      LEVELS.forEach((l, i) => (c.levels[l] += levels[i]!))
      c.levels.none += n - levels.reduce((s, x) => s + x, 0)
      groups.forEach((g, i) => (c.groups[i]!.complete += g))
    }
  }

  // ---- trainings of the year: the (training, Posyandu) pairs, so each node counts a training once
  const trainingRows = await db
    .selectFrom('training_participant as tp')
    .innerJoin('training as t', 't.id', 'tp.training_id')
    .innerJoin('kader as k', 'k.id', 'tp.kader_id')
    .select(['tp.training_id', 'k.posyandu_id'])
    .distinct()
    .where('tp.deleted', '=', 0)
    .where('t.deleted', '=', 0)
    .where('t.start_date', '>=', yearStart)
    .where('t.start_date', '<', nextYearStart)
    .execute()
  for (const r of trainingRows) for (const acc of chainOf(r.posyandu_id, null)) acc.trainings.add(r.training_id)

  // ---- meetings of the year, per Posyandu or area code
  const officeArea = (siteCol: 'm.site_id' | 'f.site_id', areaCol: 'mo.area_code' | 'fo.area_code') =>
    sql<string | null>`case when ${sql.ref(siteCol)} = ${site.id} then ${site.area_code} else ${sql.ref(areaCol)} end`
  const meetingRows = await db
    .selectFrom('meeting as m')
    .leftJoin('posyandu as mp', 'mp.id', 'm.posyandu_id')
    .leftJoin('office as mo', 'mo.site_id', 'm.site_id')
    .select((eb) => [
      'mp.id as posyandu_id',
      eb.fn.coalesce('mp.village_code', officeArea('m.site_id', 'mo.area_code')).as('area'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('m.deleted', '=', 0)
    .where('m.date', '>=', yearStart)
    .where('m.date', '<', nextYearStart)
    .groupBy(['mp.id', 'area'])
    .execute()
  for (const r of meetingRows) for (const acc of chainOf(r.posyandu_id, r.area)) acc.node.meetings += Number(r.n)

  // ---- open follow-ups (whatever the year: what is owed now), per Posyandu or area code and OPD
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
        .coalesce('fp.village_code', 'mp.village_code', sql<string | null>`case when m.id is null then null else ${officeArea('m.site_id', 'mo.area_code')} end`, officeArea('f.site_id', 'fo.area_code'))
        .as('target_area'),
      'f.opd_id',
      eb.fn.countAll<number>().as('open'),
      // isOverdue() of shared/domain/meeting.ts in SQL: open (already filtered) and due before today.
      eb.fn.sum<number>(eb.case().when('f.due_date', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('f.deleted', '=', 0)
    .where('f.status', 'not in', closed)
    .groupBy(['target_posyandu', 'target_area', 'f.opd_id'])
    .execute()
  const perOpd = new Map<string, { open: number; overdue: number }>()
  for (const r of followUpRows) {
    const chain = chainOf(r.target_posyandu, r.target_area)
    if (chain.length === 0) continue
    const open = Number(r.open)
    const overdue = Number(r.overdue ?? 0)
    for (const acc of chain) {
      acc.node.followUpsOpen += open
      acc.node.followUpsOverdue += overdue
    }
    const o = perOpd.get(r.opd_id) ?? { open: 0, overdue: 0 }
    o.open += open
    o.overdue += overdue
    perOpd.set(r.opd_id, o)
  }
  const opdNames = new Map(
    (perOpd.size > 0 ? await db.selectFrom('opd').select(['id', 'name']).where('id', 'in', [...perOpd.keys()]).execute() : []).map((o) => [o.id, o.name]),
  )
  const followUpsPerOpd = [...perOpd.entries()]
    .map(([opdId, o]) => ({ opdId, name: opdNames.get(opdId) ?? '(OPD tidak dikenal)', ...o }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'id'))

  // ---- offices heard of, and the newest bundle per area node
  const officeRows = await db.selectFrom('office').selectAll().execute()
  const offices: RekapOffice[] = officeRows.map((o) => ({
    siteId: o.site_id,
    level: o.level as SiteLevel,
    areaCode: o.area_code,
    areaName: o.area_name,
    name: o.name,
    lastBundleAt: o.last_bundle_at,
    ageDays: ageDays(o.last_bundle_at, nowMs),
    lastImportedAt: o.last_imported_at,
  }))
  // Never heard from first, then the oldest newest bundle.
  offices.sort(
    (a, b) =>
      (a.lastBundleAt === null ? 0 : 1) - (b.lastBundleAt === null ? 0 : 1) ||
      (a.lastBundleAt ?? '').localeCompare(b.lastBundleAt ?? '') ||
      a.name.localeCompare(b.name, 'id'),
  )
  for (const o of officeRows) {
    if (!o.last_bundle_at) continue
    const codes = new Set([o.area_code, ...(o.level === 'puskesmas' ? parseVillages(o.villages) : [])])
    for (const code of codes) {
      const node = villages.get(code) ?? (withDistricts ? districts.get(code) : undefined)
      if (node) node.node.lastBundleAt = newer(node.node.lastBundleAt, o.last_bundle_at)
    }
  }

  // ---- the tree
  const finish = (acc: Acc, children: RekapNode[]): RekapNode => {
    const n = acc.node
    n.trainings = acc.trainings.size
    n.children = children.sort(byName)
    return n
  }
  const villageChildren = new Map<string, RekapNode[]>()
  for (const p of posyandu.values()) {
    // An archived Posyandu stays out of the tree unless something still counts under it.
    if (p.deleted && p.node.activeKader === 0 && p.trainings.size === 0 && p.node.meetings === 0 && p.node.followUpsOpen === 0) continue
    const list = villageChildren.get(p.village) ?? []
    list.push(finish(p, []))
    villageChildren.set(p.village, list)
  }
  const villageNodes = new Map<string, RekapNode[]>()
  for (const v of villages.values()) {
    const kids = villageChildren.get(v.node.code) ?? []
    v.node.posyandu = kids.reduce((s, k) => s + k.posyandu, 0)
    for (const k of kids) k.lastBundleAt = v.node.lastBundleAt
    const node = finish(v, kids)
    const list = villageNodes.get(v.district) ?? []
    list.push(node)
    villageNodes.set(v.district, list)
  }
  let nodes: RekapNode[]
  if (withDistricts) {
    nodes = [...districts.values()].map((d) => {
      const kids = villageNodes.get(d.node.code) ?? []
      d.node.posyandu = kids.reduce((s, k) => s + k.posyandu, 0)
      d.node.lastBundleAt = kids.reduce<string | null>((s, k) => newer(s, k.lastBundleAt), d.node.lastBundleAt)
      return finish(d, kids)
    })
  } else {
    nodes = [...villageNodes.values()].flat()
  }
  for (const n of nodes) {
    n.ageDays = ageDays(n.lastBundleAt, nowMs)
    for (const c of n.children) {
      c.ageDays = ageDays(c.lastBundleAt, nowMs)
      for (const g of c.children) g.ageDays = c.ageDays
    }
  }
  total.node.posyandu = nodes.reduce((s, n) => s + n.posyandu, 0)
  if (site.level === 'kelurahan') {
    // At a kelurahan the roots are its Posyandu.
    const only = nodes[0]
    nodes = only ? only.children : []
  }
  nodes.sort(byName)
  const t = finish(total, [])
  const totals: RekapCounts = {
    posyandu: t.posyandu,
    activeKader: t.activeKader,
    levels: t.levels,
    groups: t.groups,
    trainings: t.trainings,
    meetings: t.meetings,
    followUpsOpen: t.followUpsOpen,
    followUpsOverdue: t.followUpsOverdue,
  }

  return {
    scope: { code: site.area_code, name: site.area_name, level: site.level },
    year,
    today,
    total: totals,
    groupNames: catalogue.groups.map((g) => ({ code: g.code, name: g.name })),
    nodes,
    offices,
    followUpsPerOpd,
  }
}
