// Who prints: the office's letterhead lines and the city written on the place/date line,
// read from the office set up at first run.

import type { Db } from '../../db/schema'
import { areaPath } from '../area/area.service'
import { requireSite } from '../site/site.service'

export interface Office {
  letterhead: { government: string; unit: string | null; office: string; area: string }
  /** "Tangerang": the regency's name without "Kota"/"Kabupaten", as a letter's place line says it. */
  city: string
}

/** "Kota Tangerang" → "Tangerang", "Kabupaten Bogor" → "Bogor", "Kota Adm. Jakarta Pusat" → "Jakarta Pusat". */
export function cityOf(regencyName: string): string {
  return regencyName.replace(/^(kota\s+administrasi|kota\s+adm\.?|kabupaten\s+administrasi|kab\.?\s+adm\.?|kota|kabupaten|kab\.?)\s+/i, '').trim()
}

export async function loadOffice(db: Db): Promise<Office> {
  const site = await requireSite(db)
  const codes = site.area_code.split('.')
  const regencyCode = codes.slice(0, 2).join('.')
  const districtCode = codes.slice(0, 3).join('.')
  const rows = await db
    .selectFrom('area')
    .select(['code', 'name', 'level'])
    .where('code', 'in', [regencyCode, districtCode])
    .execute()
  const regency = rows.find((r) => r.code === regencyCode && r.level === 2)
  const district = rows.find((r) => r.code === districtCode && r.level === 3)
  const regencyName = regency?.name ?? site.area_name
  // The line between government and office, as kop surat write it: a kelurahan sits under
  // its kecamatan, a Puskesmas under the Dinas Kesehatan.
  const unit =
    site.level === 'kelurahan' && district
      ? `Kecamatan ${district.name}`
      : site.level === 'puskesmas'
        ? 'Dinas Kesehatan'
        : null
  return {
    letterhead: {
      government: `Pemerintah ${regencyName}`,
      unit,
      office: site.name,
      area: `Wilayah kerja: ${await areaPath(db, site.area_code)}`,
    },
    city: cityOf(regencyName),
  }
}
