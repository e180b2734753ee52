// The competency catalogue as versioned reference data. The default ships in
// resources/competencies.json; a newer one (from the kota) is installed beside it. Every version
// stays in the `catalogue` table so old assessments keep their wording; meta 'catalogue.active'
// names the one in force. Putting one in force also recomputes every kader, so that half lives in
// catalogue-install.service.ts, above competency.service.ts, which reads the catalogue from here.

import defaultCatalogueJson from '../../../../resources/competencies.json'
import type { CatalogueInfo } from '../../../../shared/contract'
import { catalogueSchema, type Catalogue } from '../../../../shared/domain/competency'
import type { Db } from '../../db/schema'

const ACTIVE_KEY = 'catalogue.active'

/** The catalogue this build ships, checked once when the module loads (a broken file fails every test). */
export const DEFAULT_CATALOGUE: Catalogue = catalogueSchema.parse(defaultCatalogueJson)

/** A database opened for the first time, or made by an older build, has no catalogue in force yet. */
export async function hasActiveCatalogue(db: Db): Promise<boolean> {
  return (await db.selectFrom('meta').select('value').where('key', '=', ACTIVE_KEY).executeTakeFirst()) !== undefined
}

export async function storeCatalogue(trx: Db, catalogue: Catalogue): Promise<void> {
  await trx
    .insertInto('catalogue')
    .values({ version: catalogue.version, title: catalogue.title, body: JSON.stringify(catalogue), installed_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute()
  await trx
    .insertInto('meta')
    .values({ key: ACTIVE_KEY, value: catalogue.version })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: catalogue.version }))
    .execute()
}

/** Parsed catalogues by body text: the body of a version never changes, so parsing once is enough. */
const parsed = new Map<string, Catalogue>()

/** The catalogue in force. Every derived value (TKK, level, needs) is computed under it. */
export async function activeCatalogue(db: Db): Promise<Catalogue> {
  const row = await db
    .selectFrom('meta')
    .innerJoin('catalogue', 'catalogue.version', 'meta.value')
    .select('catalogue.body')
    .where('meta.key', '=', ACTIVE_KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_CATALOGUE
  let c = parsed.get(row.body)
  if (!c) {
    c = catalogueSchema.parse(JSON.parse(row.body))
    parsed.set(row.body, c)
  }
  return c
}

export async function getCatalogueInfo(db: Db): Promise<CatalogueInfo> {
  const catalogue = await activeCatalogue(db)
  const rows = await db.selectFrom('catalogue').select(['version', 'title', 'installed_at']).orderBy('installed_at').execute()
  return {
    catalogue,
    versions: rows.map((r) => ({ version: r.version, title: r.title, installedAt: r.installed_at, active: r.version === catalogue.version })),
  }
}
