// ekspor: a list or report as a spreadsheet (.xlsx), without the screens (issue 7).
// Being written: see issue 7.

import { CliError, defineCommand } from '../command'

export const ekspor = defineCommand({
  name: 'ekspor',
  summary: 'Menulis daftar atau rekap ke berkas Excel (.xlsx) (belum tersedia).',
  usage: '--db BERKAS --what roster|matrix|training|tindak-lanjut|rekap --out BERKAS.xlsx',
  options: { db: { type: 'string' }, what: { type: 'string' }, out: { type: 'string' } },
  required: ['db', 'what', 'out'],
  async run() {
    throw new CliError('Ekspor ke Excel belum tersedia di versi ini.')
  },
})
