import { LEVEL_CODES, type Catalogue, type CatalogueLevel } from '../../../../shared/domain/competency'
import { defineCommand } from '../command'
import { withDatabase } from '../db-file'

/** One level's requirements in words, e.g. "kelompok A dan B lengkap, ditambah 1 dari C, D, E". */
function inWords(l: CatalogueLevel): string {
  const parts: string[] = []
  if (l.requiresAllOf.length) parts.push(`kelompok ${l.requiresAllOf.join(', ')} lengkap`)
  const extra = l.plusAnyOf?.groups.filter((g) => !l.requiresAllOf.includes(g)) ?? []
  if (l.plusAnyOf) parts.push(`ditambah ${l.plusAnyOf.min} kelompok lengkap dari ${extra.join(', ')}`)
  if (l.minTkk) parts.push(`paling sedikit ${l.minTkk} TKK`)
  return parts.join('; ')
}

function ordered(c: Catalogue): CatalogueLevel[] {
  return [...c.levels].sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))
}

export const kompetensiAturan = defineCommand({
  name: 'kompetensi aturan',
  summary:
    'Aturan tingkat kader (Purwa, Madya, Utama) yang berlaku di kantor ini dan versi katalognya; satu TKK untuk setiap keterampilan yang kompeten. --json untuk diolah program lain.',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const { activeCatalogue } = await import('../../features/competency/catalogue.service')
      const c = await activeCatalogue(db)
      const levels = ordered(c)
      if (values.json) {
        const json = {
          catalogueVersion: c.version,
          title: c.title,
          levels: levels.map((l) => ({
            code: l.code,
            name: l.name,
            requiresAllOf: l.requiresAllOf,
            plusAnyOf: l.plusAnyOf ?? null,
            minTkk: l.minTkk ?? null,
          })),
        }
        io.stdout(`${JSON.stringify(json, null, 2)}\n`)
        return
      }
      io.stdout(`Katalog ${c.title}, versi ${c.version}.\n`)
      for (const l of levels) io.stdout(`${l.name}: ${inWords(l)}.\n`)
      io.stdout('Satu TKK (Tanda Kecakapan Kader) untuk setiap keterampilan yang dinilai kompeten. Aturan ini ditetapkan Dinas Kesehatan kota/kabupaten.\n')
    })
  },
})
