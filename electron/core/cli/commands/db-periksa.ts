// db periksa: SQLite's full integrity_check of a database file (every page, every index), the
// check the daily backup runs; the quick_check at every open skips the index contents. The file
// is opened read-only and never migrated: checking must not change what it checks.

import { existsSync } from 'node:fs'
import { AppError } from '../../../../shared/result'
import { userPath } from '../../host/user-path'
import { CliError, defineCommand } from '../command'
import { wayBack } from '../db-file'

/** How many of integrity_check's lines a report keeps (SQLite's own default is 100). */
const MAX_PROBLEMS = 20

interface Checked {
  sound: boolean
  problems: string[]
}

const NOT_OURS = (path: string) =>
  new CliError(`Berkas ${path} bukan basis data Simpul Posyandu, jadi tidak diperiksa. Periksa nama berkasnya.`)

async function integrityCheck(path: string): Promise<Checked> {
  const { default: SqliteDatabase } = await import('better-sqlite3')
  const { isBusyError, busyError } = await import('../../db/busy')
  let r: InstanceType<typeof SqliteDatabase>
  try {
    r = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_CANTOPEN') throw new CliError(`Berkas basis data tidak dapat dibuka: ${path}. Periksa apakah berkas itu ada dan boleh dibaca.`)
    throw NOT_OURS(path)
  }
  try {
    r.pragma('busy_timeout = 5000')
    const rows = r.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok')
    if (problems.length === 0) {
      const ours = r.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number }
      if (ours.n !== 1) throw NOT_OURS(path)
    }
    return { sound: problems.length === 0, problems }
  } catch (e) {
    if (e instanceof CliError) throw e
    if (isBusyError(e)) throw busyError()
    const code = (e as { code?: unknown }).code
    if (code === 'SQLITE_NOTADB') throw NOT_OURS(path)
    // SQLite stops at pages it cannot even parse: that is damage too.
    return { sound: false, problems: [e instanceof Error ? e.message : String(e)] }
  } finally {
    r.close()
  }
}

export const dbPeriksa = defineCommand({
  name: 'db periksa',
  summary: 'Memeriksa keutuhan seluruh berkas basis data (integrity_check) tanpa mengubahnya: keluar 0 bila sehat, 1 bila rusak dengan cara memulihkannya.',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    const path = userPath(values.db!)
    if (!existsSync(path)) throw new CliError(`Berkas basis data tidak ditemukan: ${path}. Periksa nama dan folder berkasnya.`)
    const checked = await integrityCheck(path)
    if (values.json) io.stdout(`${JSON.stringify({ file: path, sound: checked.sound, problems: checked.problems }, null, 2)}\n`)
    if (checked.sound) {
      if (!values.json) io.stdout(`Basis data sehat: ${path} lolos pemeriksaan keutuhan menyeluruh.\n`)
      return
    }
    const found = new AppError({
      code: 'damaged',
      message: `Berkas basis data rusak: pemeriksaan keutuhan menemukan ${checked.problems.length >= MAX_PROBLEMS ? `${MAX_PROBLEMS} masalah atau lebih` : `${checked.problems.length} masalah`}. Jangan dipakai atau dikirim dalam paket.`,
    })
    throw await wayBack(found, path, values.db!)
  },
})
