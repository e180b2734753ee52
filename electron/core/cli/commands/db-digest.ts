import { replicatedDigest } from '../../sync/digest'
import { defineCommand } from '../command'
import { withDatabase } from '../db-file'

export const dbDigest = defineCommand({
  name: 'db digest',
  summary: 'Satu baris sidik data yang dipertukarkan antarkantor (SHA-256); dua PC dengan data sama mencetak baris yang sama.',
  usage: '--db BERKAS',
  options: { db: { type: 'string' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const { digest } = await replicatedDigest(db)
      io.stdout(`${digest}\n`)
    })
  },
})
