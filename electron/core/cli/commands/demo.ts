import { hitungDesa } from '../../../../shared/domain/wilayah'
import type { DemoStage } from '../../features/demo/demo.service'
import { CliError, defineCommand, type Io } from '../command'
import { withDatabase } from '../db-file'

const fmt = (n: number) => n.toLocaleString('id-ID')

function positiveInt(raw: string | undefined, fallback: number, option: string, max: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError(`Opsi --${option} harus bilangan bulat 1–${fmt(max)}.`, 2)
  return n
}

/** Redraws one stderr line at most every 100 ms; nothing at all when stderr is not a terminal. */
const STAGE: Record<DemoStage, string> = {
  kader: 'Membuat data contoh…',
  pelatihan: 'Membuat data pelatihan dan penilaian…',
}

function progressLine(io: Io): { update(done: number, total: number, stage: DemoStage): void; finish(): void } {
  if (!io.isTTY) return { update: () => {}, finish: () => {} }
  let last = 0
  let lastStage: DemoStage | null = null
  let drawn = false
  return {
    update(done, total, stage) {
      const now = Date.now()
      if (now - last < 100 && done < total && stage === lastStage) return
      last = now
      lastStage = stage
      drawn = true
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0
      io.stderr(`\r\x1b[2K${STAGE[stage]} ${pct}% (${fmt(done)} dari ${fmt(total)} kader)`)
    },
    finish() {
      if (drawn) io.stderr('\r\x1b[2K')
    },
  }
}

export const demo = defineCommand({
  name: 'demo',
  summary: 'Mengisi basis data dengan Posyandu, kader, pelatihan dan penilaian kompetensi contoh (nama dan NIK rekaan).',
  usage: '--db BERKAS --wilayah KODE [--posyandu N (per kelurahan/desa, bawaan 8)] [--kader-per-posyandu M (bawaan 12)] [--seed S (bawaan 1)]',
  options: {
    db: { type: 'string' },
    wilayah: { type: 'string' },
    posyandu: { type: 'string' },
    'kader-per-posyandu': { type: 'string' },
    seed: { type: 'string' },
  },
  required: ['db', 'wilayah'],
  async run(values, io) {
    const posyanduPerVillage = positiveInt(values.posyandu, 8, 'posyandu', 100)
    const kaderPerPosyandu = positiveInt(values['kader-per-posyandu'], 12, 'kader-per-posyandu', 200)
    const seed = values.seed === undefined ? 1 : Number(values.seed)
    if (!Number.isSafeInteger(seed)) throw new CliError('Opsi --seed harus bilangan bulat.', 2)

    // The generators and their name lists load only for this command, not for every other one.
    const { generateDemo } = await import('../../features/demo/demo.service')
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const progress = progressLine(io)
      try {
        const made = await generateDemo(
          db,
          { wilayah: values.wilayah!.trim(), posyanduPerVillage, kaderPerPosyandu, seed },
          (done, total, stage) => progress.update(done, total, stage),
        )
        progress.finish()
        io.stdout(`Selesai: ${hitungDesa(made.villageCodes, fmt)}, ${fmt(made.posyandu)} Posyandu, ${fmt(made.kader)} kader.\n`)
        io.stdout(
          `Riwayat contoh: ${fmt(made.trainings)} pelatihan, ${fmt(made.assessments)} penilaian, ${fmt(made.meetings)} rapat, ${fmt(made.followUps)} tindak lanjut.\n`,
        )
      } catch (error) {
        progress.finish()
        throw error
      }
    })
  },
})
