// ekspor: a list or report as a spreadsheet (.xlsx), without the screens (issue 7). --out is a
// file (written there, replacing one of that name) or a folder (a telling name inside it, as
// the app does).

import { existsSync, statSync } from 'node:fs'
import { EXPORT_KINDS, exportInput, type ExportKind } from '../../../../shared/contract'
import { userPath } from '../../host/user-path'
import { CliError, defineCommand } from '../command'
import { withDatabase } from '../db-file'
import { fmt } from './rapat-list'

const WHAT = EXPORT_KINDS.join('|')

function yearOption(raw: string | undefined): number | null {
  if (raw === undefined) return null
  const n = Number(raw)
  if (!/^\d{4}$/.test(raw.trim()) || n < 2000 || n > 2100) throw new CliError('Opsi --tahun harus tahun empat angka, 2000–2100 (mis. --tahun 2026).', 2)
  return n
}

export const ekspor = defineCommand({
  name: 'ekspor',
  summary: 'Menulis daftar kader, matriks kompetensi, kehadiran pelatihan, tindak lanjut per OPD atau rekap ke berkas Excel (.xlsx).',
  usage: `--db BERKAS --what ${WHAT} --out BERKAS.xlsx|FOLDER [--nik-lengkap] [--tahun YYYY] [--pelatihan ID] [--json]`,
  options: {
    db: { type: 'string' },
    what: { type: 'string' },
    out: { type: 'string' },
    'nik-lengkap': { type: 'boolean' },
    tahun: { type: 'string' },
    pelatihan: { type: 'string' },
    json: { type: 'boolean' },
  },
  required: ['db', 'what', 'out'],
  async run(values, io) {
    const what = values.what!.trim() as ExportKind
    if (!EXPORT_KINDS.includes(what)) throw new CliError(`Opsi --what harus salah satu dari: ${EXPORT_KINDS.join(', ')}.`, 2)
    const year = yearOption(values.tahun)
    if (values.pelatihan && what !== 'training') throw new CliError('Opsi --pelatihan hanya untuk --what training.', 2)
    let out = userPath(values.out!)
    const outIsFolder = existsSync(out) && statSync(out).isDirectory()
    if (!outIsFolder && !/\.xlsx$/i.test(out)) out = `${out}.xlsx`
    const parsed = exportInput.safeParse({
      what,
      folder: out,
      fullNik: Boolean(values['nik-lengkap']),
      year,
      trainingId: values.pelatihan?.trim() || null,
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const option = issue?.path[0] === 'trainingId' ? '--pelatihan: ' : ''
      throw new CliError(`${option}${issue?.message ?? 'Opsi tidak dapat dibaca.'}`, 2)
    }
    // The sheet builders (and ExcelJS beneath them) load only for this command.
    const { exportXlsx } = await import('../../features/ekspor/ekspor.service')
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const r = await exportXlsx(db, parsed.data, outIsFolder ? {} : { outFile: out })
      io.stdout(values.json ? `${JSON.stringify(r)}\n` : `Berkas Excel ditulis: ${r.path} (${fmt(r.rows)} baris).\n`)
    })
  },
})
