// The whole competency matrix of an area in one read, for exports (`kompetensi matrix`) and
// anything else that needs every row at once rather than a page. One pass over SQL: kader
// joined to their Posyandu and to the derived kader_competency row, which already holds the
// codes in catalogue order and the level, so nothing is recomputed here. Same kader as the
// matrix screen: active and not archived.

import type { ExpressionBuilder } from 'kysely'
import type { LevelCode } from '../../../../shared/domain/competency'
import type { Database, Db } from '../../db/schema'
import { resolveScope } from './competency.service'

export interface MatrixExportRow {
  kaderId: string
  name: string
  posyanduId: string
  posyandu: string
  villageCode: string
  village: string
  level: LevelCode | null
  /** Codes held kompeten now, catalogue order. */
  competent: string[]
  /** Codes whose latest result is belum kompeten, catalogue order. */
  notYet: string[]
  /** Groups complete (TKK), catalogue order. */
  groups: string[]
}

const codes = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : [])

/**
 * Every active kader under `wilayah` (a kelurahan, kecamatan or kota code, with or without
 * dots; all kader when absent) with what they hold now, by village, Posyandu and name.
 * An unknown area code is refused (AppError unknown_area), so a typo never reads as "no kader".
 */
export async function exportMatrix(db: Db, filter: { wilayah?: string | null } = {}): Promise<MatrixExportRow[]> {
  const scope = await resolveScope(db, { wilayah: filter.wilayah ?? null, posyanduId: null })
  const rows = await db
    .selectFrom('kader')
    .innerJoin('posyandu', 'posyandu.id', 'kader.posyandu_id')
    .leftJoin('kader_competency as kc', 'kc.kader_id', 'kader.id')
    .where((eb) => scope(eb as unknown as ExpressionBuilder<Database, 'kader' | 'posyandu'>))
    .select([
      'kader.id',
      'kader.name',
      'posyandu.id as posyandu_id',
      'posyandu.name as posyandu_name',
      'posyandu.village_code',
      'posyandu.village_name',
      'kc.level',
      'kc.competent',
      'kc.not_yet',
      'kc.groups',
    ])
    .orderBy('posyandu.village_code')
    .orderBy('posyandu.name')
    .orderBy('posyandu.id')
    .orderBy('kader.name')
    .orderBy('kader.id')
    .execute()
  return rows.map((r) => ({
    kaderId: r.id,
    name: r.name,
    posyanduId: r.posyandu_id,
    posyandu: r.posyandu_name,
    villageCode: r.village_code,
    village: r.village_name,
    level: r.level ?? null,
    competent: codes(r.competent),
    notYet: codes(r.not_yet),
    groups: codes(r.groups),
  }))
}
