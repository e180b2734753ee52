// This installation's office: set once at first run, never replaced (its id signs every
// record it creates and, later, every paket it sends).

import type { Area, ParsedInput, Site } from '../../../../shared/contract'
import { SITE_AREA_LEVEL, type SiteLevel } from '../../../../shared/domain/reference'
import { AppError } from '../../../../shared/result'
import { ZONA_WAKTU, zonaDariKodeWilayah, type ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import { hariIni } from '../../../../shared/domain/tanggal'
import type { AreaRow, Db, SiteTable } from '../../db/schema'
import { formatClock } from '../../sync/hlc'
import { uuidv7 } from '../../sync/uuid'
import { updateRecords } from '../../sync/write'
import { areaLabel, areaPath, findAreaRow, toAreas, unknownArea, villagesUnder } from '../area/area.service'

export type SiteRow = SiteTable

const LEVEL_AREA_WORDS: Record<SiteLevel, string> = {
  kelurahan: 'kelurahan/desa',
  puskesmas: 'kecamatan tempat Puskesmas berada',
  kecamatan: 'kecamatan',
  kota: 'kota/kabupaten',
}

const OFFICE_WORDS: Record<SiteLevel, string> = {
  kelurahan: 'kantor kelurahan/desa',
  puskesmas: 'Puskesmas',
  kecamatan: 'kantor kecamatan',
  kota: 'Dinas kota/kabupaten',
}

export async function getSiteRow(db: Db): Promise<SiteRow | undefined> {
  return db.selectFrom('site').selectAll().executeTakeFirst()
}

/** The office row, or not_set_up: every write needs the site id for its records and versions. */
export async function requireSite(db: Db): Promise<SiteRow> {
  const row = await getSiteRow(db)
  if (!row) {
    throw new AppError({
      code: 'not_set_up',
      message: 'Kantor ini belum disiapkan. Selesaikan penyiapan awal (jenis kantor dan wilayah) terlebih dahulu.',
    })
  }
  return row
}

async function coveredVillages(db: Db): Promise<Area[]> {
  const codes = await db.selectFrom('site_village').select('village_code').execute()
  if (codes.length === 0) return []
  const rows = await db
    .selectFrom('area')
    .selectAll()
    .where(
      'code',
      'in',
      codes.map((c) => c.village_code),
    )
    .orderBy('name')
    .orderBy('code')
    .execute()
  return toAreas(db, rows)
}

async function toSite(db: Db, row: SiteRow): Promise<Site> {
  return {
    id: row.id,
    level: row.level,
    areaCode: row.area_code,
    areaName: row.area_name,
    areaPath: await areaPath(db, row.area_code),
    name: row.name,
    coveredVillages: row.level === 'puskesmas' ? await coveredVillages(db) : [],
    createdAt: row.created_at,
    timeZone: zonaDariKodeWilayah(row.area_code).kode,
    provinceName: await provinceName(db, row.area_code),
    identityRenewal: await pendingRenewal(db),
    areaChangeable: (await areaLockedBy(db, row.id)) === null,
  }
}

/**
 * Why the office's area can no longer change, or null while it can. Once a paket has left (the
 * export log), or the office took over an older identity (a copy renewed, a recovery), other
 * offices hold records and a key card naming this area: changing it here would split the region's
 * picture of the office. The export log is emptied by an identity renewal, hence the second check.
 */
async function areaLockedBy(db: Db, siteId: string): Promise<'terkirim' | 'identitas' | null> {
  if (await db.selectFrom('paket_sent').select('bundle_id').limit(1).executeTakeFirst()) return 'terkirim'
  if (await db.selectFrom('meta').select('key').where('key', '=', 'installation.renewed').executeTakeFirst()) return 'identitas'
  if (await db.selectFrom('site_succession').select('id').where('successor_site_id', '=', siteId).limit(1).executeTakeFirst()) return 'identitas'
  return null
}

async function provinceName(db: Db, areaCode: string): Promise<string> {
  const row = await db.selectFrom('area').select('name').where('code', '=', areaCode.slice(0, 2)).executeTakeFirst()
  return row?.name ?? ''
}

/**
 * The office's time zone, from the province of its area: "today", deadlines and printed times
 * follow it. WIB before the office is set up (nothing is dated then anyway).
 */
export async function officeZone(db: Db): Promise<ZonaWaktu> {
  const row = await db.selectFrom('site').select('area_code').executeTakeFirst()
  return row ? zonaDariKodeWilayah(row.area_code) : ZONA_WAKTU.WIB
}

/** The office's calendar date today, in its own zone. */
export async function officeToday(db: Db, now: Date = new Date()): Promise<string> {
  return hariIni(await officeZone(db), now)
}

/** The identity renewal a person has not acknowledged yet (see installation.ts). */
async function pendingRenewal(db: Db): Promise<Site['identityRenewal']> {
  const raw = (await db.selectFrom('meta').select('value').where('key', '=', 'installation.renewed').executeTakeFirst())?.value
  if (!raw) return null
  const r = JSON.parse(raw) as { at: string; reason: 'salinan' | 'cadangan'; acknowledgedAt?: string }
  return r.acknowledgedAt ? null : { at: r.at, reason: r.reason }
}

export async function acknowledgeRenewal(db: Db): Promise<Site> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'installation.renewed').executeTakeFirst()
  if (row) {
    const value = JSON.stringify({ ...(JSON.parse(row.value) as object), acknowledgedAt: new Date().toISOString() })
    await db.updateTable('meta').set({ value }).where('key', '=', 'installation.renewed').execute()
  }
  return toSite(db, await requireSite(db))
}

export async function getSite(db: Db): Promise<Site | null> {
  const row = await getSiteRow(db)
  return row ? toSite(db, row) : null
}

/** The area (and a Puskesmas's villages) checked against the office's level. */
async function checkArea(
  trx: Db,
  level: SiteLevel,
  input: { areaCode: string; coveredVillageCodes: string[] },
): Promise<{ area: AreaRow; covered: { village_code: string; village_name: string }[] }> {
  const area = await findAreaRow(trx, input.areaCode)
  if (!area) throw unknownArea(input.areaCode)
  const wanted = SITE_AREA_LEVEL[level]
  if (area.level !== wanted) {
    throw new AppError({
      code: 'invalid_input',
      field: 'areaCode',
      message: `Untuk ${OFFICE_WORDS[level]}, pilih wilayah berupa ${LEVEL_AREA_WORDS[level]}.`,
      fields: { areaCode: `Pilih wilayah berupa ${LEVEL_AREA_WORDS[level]}.` },
    })
  }

  const covered: { village_code: string; village_name: string }[] = []
  if (level === 'puskesmas') {
    const codes = [...new Set(input.coveredVillageCodes)]
    if (codes.length === 0) {
      const message = 'Pilih paling sedikit satu kelurahan/desa yang dilayani Puskesmas ini.'
      throw new AppError({ code: 'invalid_input', field: 'coveredVillageCodes', message, fields: { coveredVillageCodes: message } })
    }
    for (const code of codes) {
      const village = await findAreaRow(trx, code)
      if (!village || village.level !== 4) throw unknownArea(code)
      if (!code.startsWith(`${area.code}.`)) {
        const message = `${areaLabel(village)} tidak berada di ${areaLabel(area)}. Pilih kelurahan/desa di kecamatan Puskesmas ini.`
        throw new AppError({ code: 'invalid_input', field: 'coveredVillageCodes', message, fields: { coveredVillageCodes: message } })
      }
      covered.push({ village_code: village.code, village_name: village.name })
    }
  }
  return { area, covered }
}

export async function setupSite(db: Db, input: ParsedInput<'site:setup'>): Promise<Site> {
  const row = await db.transaction().execute(async (trx) => {
    if (await getSiteRow(trx)) {
      throw new AppError({
        code: 'already_set_up',
        message: 'Kantor ini sudah disiapkan sebelumnya. Identitas kantor tidak dapat diganti.',
      })
    }
    const { area, covered } = await checkArea(trx, input.level, input)
    const now = Date.now()
    const site: SiteRow = {
      id: uuidv7(now),
      level: input.level,
      area_code: area.code,
      area_name: area.name,
      name: input.name,
      created_at: new Date(now).toISOString(),
      clock: formatClock({ ms: now, counter: 0 }),
    }
    await trx.insertInto('site').values(site).execute()
    if (covered.length > 0) await trx.insertInto('site_village').values(covered).execute()
    return site
  })
  return toSite(db, row)
}

/**
 * A new area for this office (the wrong Sukarasa chosen at first run), allowed until its first
 * paket leaves. Everything that hangs on the area follows in one transaction: the area's code and
 * name, the office name, a Puskesmas's villages, and the Posyandu this office recorded in its old
 * kelurahan/desa (moved to the new one, through the replicated-write helpers). The zone, the
 * kelurahan/desa word and the key card are read from the site row, so they follow by themselves.
 */
export async function changeSiteArea(db: Db, input: ParsedInput<'site:changeArea'>): Promise<Site> {
  const row = await db.transaction().execute(async (trx) => {
    const site = await requireSite(trx)
    const locked = await areaLockedBy(trx, site.id)
    if (locked) {
      throw new AppError({
        code: 'forbidden',
        message:
          locked === 'terkirim'
            ? 'Wilayah kantor tidak dapat diganti lagi: kantor ini sudah mengirim paket, jadi kantor lain sudah mengenalnya dengan wilayah ini. Bila wilayahnya keliru, mulai identitas baru (lihat Pengaturan → Identitas kantor) dan beri tahu Dinas.'
            : 'Wilayah kantor tidak dapat diganti: kantor ini meneruskan identitas kantor yang sudah dikenal kantor lain dengan wilayah ini. Bila wilayahnya keliru, mulai identitas baru (lihat Pengaturan → Identitas kantor) dan beri tahu Dinas.',
      })
    }
    const { area, covered } = await checkArea(trx, site.level, input)
    const outside = await trx
      .selectFrom('posyandu')
      .selectAll()
      .where('deleted', '=', 0)
      .where((eb) => eb.not(eb.or([eb('village_code', '=', area.code), eb('village_code', 'like', `${area.code}.%`)])))
      .execute()
    if (outside.length > 0) {
      if (site.level !== 'kelurahan') {
        const names = outside.slice(0, 3).map((p) => p.name).join(', ')
        throw new AppError({
          code: 'invalid_input',
          field: 'areaCode',
          message: `${outside.length} Posyandu tercatat di luar ${areaLabel(area)} (${names}${outside.length > 3 ? ', …' : ''}). Pindahkan atau arsipkan dulu Posyandu itu, lalu ganti wilayah kantor.`,
        })
      }
      // A kelurahan's Posyandu are in its own village by definition: the wrong village was only a wrong choice.
      await updateRecords(
        trx,
        'posyandu',
        outside.map((p) => ({ existing: p, patch: { village_code: area.code, village_name: area.name } })),
      )
    }
    await trx.updateTable('site').set({ area_code: area.code, area_name: area.name, name: input.name }).where('id', '=', site.id).execute()
    await trx.deleteFrom('site_village').execute()
    if (covered.length > 0) await trx.insertInto('site_village').values(covered).execute()
    return (await getSiteRow(trx))!
  })
  return toSite(db, row)
}

/** The kelurahan/desa this office works in: its own, the ones it covers, or all under its area. */
export async function listSiteVillages(db: Db): Promise<Area[]> {
  const site = await requireSite(db)
  if (site.level === 'puskesmas') return coveredVillages(db)
  return toAreas(db, await villagesUnder(db, site.area_code))
}
