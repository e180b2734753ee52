// The recap's tree (rekap.service getRekap): the skeleton of kecamatan → kelurahan → Posyandu
// of an office's area, the nodes each record counts in, and the finished, sorted tree. Every
// kelurahan of the area is a node even with no data at all: that is how a silent office stands
// out. The counting queries live in rekap.service and add into these nodes.

import type { RekapCounts, RekapNode } from '../../../../shared/contract'
import { SPM_FIELDS, type SiteLevel } from '../../../../shared/domain/reference'
import type { Db } from '../../db/schema'
import { codePrefixRange } from '../area/area.service'
import type { SiteRow } from '../site/site.service'

const DAY_MS = 86_400_000

/** A node while it is being filled: its counts, and the trainings seen (counted once per node). */
export interface Acc {
  node: RekapNode
  trainings: Set<string>
}

type VillageAcc = Acc & { district: string }
type PosyanduAcc = Acc & { village: string; deleted: boolean }

/** The area's nodes while the counts are added, and the nodes a record counts in. */
export interface RekapTree {
  total: Acc
  /** Only a kota's tree has kecamatan nodes; below it the roots are kelurahan (or Posyandu). */
  withDistricts: boolean
  districts: Map<string, Acc>
  villages: Map<string, VillageAcc>
  posyandu: Map<string, PosyanduAcc>
  /** The nodes a record of this Posyandu / area code counts in, deepest first; [] outside the area. */
  chainOf(posyanduId: string | null, areaCode: string | null): Acc[]
}

function emptyCounts(groupCodes: readonly string[]): RekapCounts {
  return {
    posyandu: 0,
    registeredPosyandu: 0,
    activeKader: 0,
    levels: { none: 0, purwa: 0, madya: 0, utama: 0 },
    groups: groupCodes.map((code) => ({ code, complete: 0 })),
    tkk: 0,
    kaderWithTkk: 0,
    spm: SPM_FIELDS.map((field) => ({ field, posyandu: 0, activeKader: 0, followUpsOpen: 0, followUpsOverdue: 0 })),
    trainings: 0,
    meetings: 0,
    followUpsOpen: 0,
    followUpsOverdue: 0,
    posyanduKitIncomplete: 0,
    insentifKaderPaid: 0,
    insentifTotal: 0,
  }
}

function newAcc(code: string, name: string, kind: RekapNode['kind'], groupCodes: readonly string[]): Acc {
  return { node: { code, name, kind, ...emptyCounts(groupCodes), lastBundleAt: null, ageDays: null, children: [] }, trainings: new Set() }
}

/** Whole days from an instant to now; null when never. A clock running ahead gives 0, not a negative age. */
export function ageDays(at: string | null, nowMs: number): number | null {
  if (!at) return null
  const ms = Date.parse(at)
  if (Number.isNaN(ms)) return null
  return Math.max(0, Math.floor((nowMs - ms) / DAY_MS))
}

export const newer = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b)

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** A node's Posyandu (in all and per SPM field) are those of its children. */
function sumPosyandu(n: RekapNode, kids: readonly RekapNode[]): void {
  n.posyandu = kids.reduce((s, k) => s + k.posyandu, 0)
  n.registeredPosyandu = kids.reduce((s, k) => s + k.registeredPosyandu, 0)
  n.spm.forEach((f, i) => (f.posyandu = kids.reduce((s, k) => s + (k.spm[i]?.posyandu ?? 0), 0)))
}

const byName = (a: RekapNode, b: RekapNode) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code)

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

/** The skeleton: kecamatan and kelurahan of the area, then its Posyandu, all counts at zero. */
export async function buildTree(db: Db, site: SiteRow, groupCodes: readonly string[]): Promise<RekapTree> {
  const total = newAcc(site.area_code, site.area_name, site.level === 'kelurahan' ? 'kelurahan' : 'kecamatan', groupCodes)
  const withDistricts = site.level === 'kota'
  const districts = new Map<string, Acc>()
  const villages = new Map<string, VillageAcc>()
  const area = await areaNodes(db, site)
  for (const d of area.districts) districts.set(d.code, newAcc(d.code, d.name, 'kecamatan', groupCodes))
  for (const v of area.villages) villages.set(v.code, { ...newAcc(v.code, v.name, 'kelurahan', groupCodes), district: v.district })

  // A Posyandu under a village code since retired from the official list still belongs to the
  // area (its kecamatan's code is the prefix); a Puskesmas sees only the villages it serves.
  const scopeRange = site.level === 'kelurahan' ? codePrefixRange(site.area_code) : codePrefixRange(`${site.area_code}.`)
  const posyanduRows = await db
    .selectFrom('posyandu')
    .select(['id', 'name', 'village_code', 'village_name', 'active', 'deleted', 'spm_fields', 'registration_status'])
    .where('village_code', '>=', scopeRange[0])
    .where('village_code', '<', scopeRange[1])
    .execute()
  const posyandu = new Map<string, PosyanduAcc>()
  for (const p of posyanduRows) {
    if (!villages.has(p.village_code)) {
      if (site.level === 'puskesmas') continue
      villages.set(p.village_code, { ...newAcc(p.village_code, p.village_name, 'kelurahan', groupCodes), district: p.village_code.slice(0, 8) })
    }
    const acc = { ...newAcc(p.id, p.name, 'posyandu', groupCodes), village: p.village_code, deleted: p.deleted === 1 }
    if (p.deleted === 0 && p.active === 1) {
      acc.node.posyandu = 1
      if (p.registration_status === 'terdaftar') acc.node.registeredPosyandu = 1
      // The fields an active Posyandu serves; the kelurahan and above add their Posyandu up (finishTree).
      const fields = parseCodes(p.spm_fields)
      for (const s of acc.node.spm) if (fields.includes(s.field)) s.posyandu = 1
    }
    posyandu.set(p.id, acc)
  }
  if (withDistricts) {
    for (const v of villages.values()) {
      if (!districts.has(v.district)) districts.set(v.district, newAcc(v.district, v.district, 'kecamatan', groupCodes))
    }
  }

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

  return { total, withDistricts, districts, villages, posyandu, chainOf }
}

function finish(acc: Acc, children: RekapNode[]): RekapNode {
  const n = acc.node
  n.trainings = acc.trainings.size
  n.children = children.sort(byName)
  return n
}

/**
 * The filled tree as the recap's roots, sorted by name, with the Posyandu sums and paket ages
 * carried up and down, and the counts of the whole area.
 */
export function finishTree(tree: RekapTree, level: SiteLevel, nowMs: number): { nodes: RekapNode[]; total: RekapCounts } {
  const villageChildren = new Map<string, RekapNode[]>()
  for (const p of tree.posyandu.values()) {
    // An archived Posyandu stays out of the tree unless something still counts under it.
    if (p.deleted && p.node.activeKader === 0 && p.trainings.size === 0 && p.node.meetings === 0 && p.node.followUpsOpen === 0) continue
    const list = villageChildren.get(p.village) ?? []
    list.push(finish(p, []))
    villageChildren.set(p.village, list)
  }
  const villageNodes = new Map<string, RekapNode[]>()
  for (const v of tree.villages.values()) {
    const kids = villageChildren.get(v.node.code) ?? []
    sumPosyandu(v.node, kids)
    for (const k of kids) k.lastBundleAt = v.node.lastBundleAt
    const node = finish(v, kids)
    const list = villageNodes.get(v.district) ?? []
    list.push(node)
    villageNodes.set(v.district, list)
  }
  let nodes: RekapNode[]
  if (tree.withDistricts) {
    nodes = [...tree.districts.values()].map((d) => {
      const kids = villageNodes.get(d.node.code) ?? []
      sumPosyandu(d.node, kids)
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
  sumPosyandu(tree.total.node, nodes)
  if (level === 'kelurahan') {
    // At a kelurahan the roots are its Posyandu.
    const only = nodes[0]
    nodes = only ? only.children : []
  }
  nodes.sort(byName)
  const t = finish(tree.total, [])
  const total: RekapCounts = {
    posyandu: t.posyandu,
    registeredPosyandu: t.registeredPosyandu,
    activeKader: t.activeKader,
    levels: t.levels,
    groups: t.groups,
    tkk: t.tkk,
    kaderWithTkk: t.kaderWithTkk,
    spm: t.spm,
    trainings: t.trainings,
    meetings: t.meetings,
    followUpsOpen: t.followUpsOpen,
    followUpsOverdue: t.followUpsOverdue,
    posyanduKitIncomplete: t.posyanduKitIncomplete,
    insentifKaderPaid: t.insentifKaderPaid,
    insentifTotal: t.insentifTotal,
  }
  return { nodes, total }
}
