import { SITE_LEVELS, type SiteLevel } from '../../../../shared/domain/reference'
import { CliError, defineCommand } from '../command'
import { call, withDatabase } from '../db-file'

const LEVEL_NAMES: Record<SiteLevel, string> = {
  kelurahan: 'Kelurahan/desa',
  puskesmas: 'Puskesmas',
  kecamatan: 'Kecamatan',
  kota: 'Dinas kota/kabupaten',
}

export const init = defineCommand({
  name: 'init',
  summary: 'Membuat basis data (bila belum ada) dan menyiapkan kantor pemakainya.',
  usage:
    '--db BERKAS --level kelurahan|puskesmas|kecamatan|kota --wilayah KODE --name NAMA [--mencakup KODE,KODE]',
  options: {
    db: { type: 'string' },
    level: { type: 'string' },
    wilayah: { type: 'string' },
    name: { type: 'string' },
    mencakup: { type: 'string' },
  },
  required: ['db', 'level', 'wilayah', 'name'],
  async run(values, io) {
    const level = values.level as SiteLevel
    if (!SITE_LEVELS.includes(level)) {
      throw new CliError(`Opsi --level harus salah satu dari: ${SITE_LEVELS.join(', ')}.`, 2)
    }
    const areaCode = values.wilayah!.trim()
    const listed = (values.mencakup ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)

    await withDatabase(values.db!, io, false, async (s) => {
      let coveredVillageCodes = listed
      if (level === 'puskesmas' && listed.length === 0) {
        // A Puskesmas usually serves its whole kecamatan; --mencakup narrows it.
        const villages = await call(s, 'area:children', { parentCode: areaCode })
        coveredVillageCodes = villages.filter((a) => a.level === 4).map((a) => a.code)
      }
      const site = await call(s, 'site:setup', { level, areaCode, name: values.name!, coveredVillageCodes })
      io.stdout(`Kantor siap: ${site.name} (${LEVEL_NAMES[site.level]}, ${site.areaPath}).\n`)
      if (site.level === 'puskesmas') {
        io.stdout(`Mencakup ${site.coveredVillages.length.toLocaleString('id-ID')} kelurahan/desa.\n`)
      }
      io.stdout(`Basis data: ${s.file}\n`)
    })
  },
})
