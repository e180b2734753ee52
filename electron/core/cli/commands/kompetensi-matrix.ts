import { competencyCodes, LEVEL_CODES, type Catalogue, type LevelCode } from '../../../../shared/domain/competency'
import { AppError } from '../../../../shared/result'
import type { MatrixExportRow } from '../../features/competency/matrix-export'
import { CliError, defineCommand } from '../command'
import { withDatabase } from '../db-file'

const fmt = (n: number) => n.toLocaleString('id-ID')
const NONE = 'Belum ada'

function levelName(catalogue: Catalogue, level: LevelCode | null): string {
  if (level === null) return NONE
  return catalogue.levels.find((l) => l.code === level)?.name ?? level
}

/** One character per competency, catalogue order: ✓ kompeten, ✗ belum kompeten, · not assessed. */
function strip(codes: string[], r: MatrixExportRow): string {
  const yes = new Set(r.competent)
  const no = new Set(r.notYet)
  return codes.map((c) => (yes.has(c) ? '✓' : no.has(c) ? '✗' : '·')).join('')
}

/** The group letters above the strip, each where its first item starts. */
function stripHeader(catalogue: Catalogue): string {
  return catalogue.groups.map((g) => g.code.padEnd(g.items.length)).join('').trimEnd()
}

function table(rows: MatrixExportRow[], catalogue: Catalogue): string {
  const codes = competencyCodes(catalogue)
  // One TKK per skill held kompeten, out of the catalogue's skills.
  const head = ['Nama', 'Posyandu', 'Tingkat', 'TKK', stripHeader(catalogue)]
  const body = rows.map((r) => [r.name, r.posyandu, levelName(catalogue, r.level), `${r.competent.length}/${codes.length}`, strip(codes, r)])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n'
}

function summary(rows: MatrixExportRow[], catalogue: Catalogue): string {
  const count = new Map<LevelCode | null, number>()
  for (const r of rows) count.set(r.level, (count.get(r.level) ?? 0) + 1)
  const levels = LEVEL_CODES.filter((l) => catalogue.levels.some((x) => x.code === l))
  const parts = [`${NONE} ${fmt(count.get(null) ?? 0)}`, ...levels.map((l) => `${levelName(catalogue, l)} ${fmt(count.get(l) ?? 0)}`)]
  return `${fmt(rows.length)} kader aktif. Tingkat: ${parts.join(', ')}.\n✓ kompeten  ✗ belum kompeten  · belum dinilai\n`
}

export const kompetensiMatrix = defineCommand({
  name: 'kompetensi matrix',
  summary:
    'Matriks 25 keterampilan dasar per kader aktif dengan tingkatnya (Purwa, Madya, Utama), seluruhnya atau satu wilayah (kode kelurahan, kecamatan atau kota, boleh tanpa titik); --json untuk diolah program lain.',
  usage: '--db BERKAS [--wilayah KODE] [--json]',
  options: { db: { type: 'string' }, wilayah: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const [{ activeCatalogue }, { exportMatrix }] = await Promise.all([
        import('../../features/competency/catalogue.service'),
        import('../../features/competency/matrix-export'),
      ])
      const wilayah = values.wilayah?.trim() || null
      let rows: MatrixExportRow[]
      try {
        rows = await exportMatrix(db, { wilayah })
      } catch (error) {
        if (error instanceof AppError && error.shape.code === 'unknown_area') {
          throw new CliError(
            `Kode wilayah ${wilayah} tidak ada dalam daftar wilayah Kemendagri. Periksa kodenya, mis. 36.71 (kota), 36.71.01 (kecamatan) atau 36.71.01.1001 (kelurahan).`,
          )
        }
        throw error
      }
      if (values.json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
        return
      }
      if (rows.length === 0) {
        io.stdout(wilayah ? 'Tidak ada kader aktif di wilayah ini.\n' : 'Belum ada kader aktif.\n')
        return
      }
      const catalogue = await activeCatalogue(db)
      io.stdout(table(rows, catalogue))
      io.stdout(summary(rows, catalogue))
    })
  },
})
