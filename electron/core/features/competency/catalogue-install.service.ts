// Putting a catalogue in force: the shipped one when a database is first opened, a newer one
// from the kota when an office installs it. Either way every kader's derived competencies are
// recomputed in the same transaction, which is why this sits above competency.service.ts and
// not in catalogue.service.ts (competency.service reads the catalogue in force from there).

import type { CatalogueInfo, ParsedInput } from '../../../../shared/contract'
import { catalogueSchema, levelRuleProblems } from '../../../../shared/domain/competency'
import { AppError } from '../../../../shared/result'
import type { Db } from '../../db/schema'
import { DEFAULT_CATALOGUE, getCatalogueInfo, hasActiveCatalogue, storeCatalogue } from './catalogue.service'
import { recomputeCompetencies } from './competency.service'

/** Installs the shipped catalogue into a database that has none yet (first open, or an older file). */
export async function ensureCatalogue(db: Db): Promise<void> {
  if (await hasActiveCatalogue(db)) return
  await db.transaction().execute(async (trx) => {
    await storeCatalogue(trx, DEFAULT_CATALOGUE)
    await recomputeCompetencies(trx, 'all', DEFAULT_CATALOGUE)
  })
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
  // The same ladder check as the Aturan tingkat screen: a file may not make Madya easier than Purwa.
  const problems = levelRuleProblems(catalogue, catalogue.levels)
  if (problems.length > 0) throw invalidCatalogue(`Katalog tidak sah: ${problems.join(' ')}`)
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
