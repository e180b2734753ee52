// The competency catalogue as versioned reference data. The default ships in
// resources/competencies.json and is installed when a database is first opened; a newer one
// (from the kota) is installed beside it. Every version stays in the `catalogue` table so old
// assessments keep their wording; meta 'catalogue.active' names the one in force, and
// installing one recomputes every kader's derived competencies in the same transaction.

import defaultCatalogueJson from '../../../../resources/competencies.json'
import type { CatalogueInfo, ParsedInput } from '../../../../shared/contract'
import { catalogueSchema, type Catalogue } from '../../../../shared/domain/competency'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { recomputeCompetencies } from './competency.service'

const ACTIVE_KEY = 'catalogue.active'

/** The catalogue this build ships, checked once when the module loads (a broken file fails every test). */
export const DEFAULT_CATALOGUE: Catalogue = catalogueSchema.parse(defaultCatalogueJson)

/** Installs the shipped catalogue into a database that has none yet (first open, or an older file). */
export async function ensureCatalogue(db: Db): Promise<void> {
  const active = await db.selectFrom('meta').select('value').where('key', '=', ACTIVE_KEY).executeTakeFirst()
  if (active) return
  await db.transaction().execute(async (trx) => {
    await storeCatalogue(trx, DEFAULT_CATALOGUE)
    await recomputeCompetencies(trx, 'all', DEFAULT_CATALOGUE)
  })
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

function invalidCatalogue(message: string): AppError {
  return new AppError({ code: 'invalid_input', field: 'json', message, fields: { json: message } })
}

/**
 * Puts a catalogue in force. A version already held with the same content is simply made active
 * again; the same version number with other content is refused (a version names one text, for
 * ever). History is kept: assessments are never touched, only the derived state is recomputed.
 */
export async function installCatalogue(db: Db, input: ParsedInput<'competency:installCatalogue'>): Promise<CatalogueInfo> {
  let raw: unknown
  try {
    raw = JSON.parse(input.json)
  } catch {
    throw invalidCatalogue('Berkas katalog tidak dapat dibaca: isinya bukan JSON yang sah. Pastikan berkas yang dipilih adalah katalog dari Dinas.')
  }
  const result = catalogueSchema.safeParse(raw)
  if (!result.success) {
    const first = result.error.issues[0]
    const where = first && first.path.length > 0 ? ` (bagian ${first.path.join('.')})` : ''
    throw invalidCatalogue(`Katalog tidak sah${where}: ${first?.message ?? 'bentuknya tidak dikenali'}`)
  }
  const catalogue = result.data
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('catalogue').select('body').where('version', '=', catalogue.version).executeTakeFirst()
    if (existing && existing.body !== JSON.stringify(catalogue)) {
      throw invalidCatalogue(
        `Versi katalog ${catalogue.version} sudah ada dengan isi yang berbeda. Katalog yang diperbarui harus memakai nomor versi baru.`,
      )
    }
    await storeCatalogue(trx, catalogue)
    await recomputeCompetencies(trx, 'all', catalogue)
  })
  return getCatalogueInfo(db)
}
