// kader impor: a roster spreadsheet into the kader register, without the screens (issue 7).
// Being written: see issue 7.

import { CliError, defineCommand } from '../command'

export const kaderImpor = defineCommand({
  name: 'kader impor',
  summary: 'Mengimpor daftar kader dari berkas Excel (.xlsx) atau CSV (belum tersedia).',
  usage: '--db BERKAS ROSTER.xlsx [--sheet NAMA] [--dry-run] [--json]',
  options: { db: { type: 'string' }, sheet: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  required: ['db'],
  positional: 'ROSTER',
  async run() {
    throw new CliError('Impor daftar kader dari Excel belum tersedia di versi ini.')
  },
})
