// Kirim/Terima Paket: what the screens and the CLI call. Making a paket is export.ts, receiving
// one import.ts; the file format is electron/core/sync/paket.ts.

import { homedir } from 'node:os'
import { join } from 'node:path'
import { readdir, stat } from 'node:fs/promises'
import type {
  PaketDestination,
  PaketExportResult,
  PaketFile,
  PaketHistory,
  PaketImportSummary,
  PaketOffice,
  PaketRecoveryCheck,
  PaketRecoveryResult,
  ParsedInput,
} from '../../../../shared/contract'
import { AppError } from '../../../../shared/result'
import { SCHEMA_VERSION } from '../../db/migrations'
import type { Db } from '../../db/schema'
import type { Emit } from '../../ipc/types'
import { PAKET_EXTENSION, readManifest } from '../../sync/paket'
import { notAddressed } from '../kunci/kunci.service'
import { backupBefore } from '../cadangan/cadangan.service'
import { requireSite } from '../site/site.service'
import { exportPaketFile, listDestinations } from './export'
import { importPaketFile, manifestInfo } from './import'
import { checkRecovery, makeRecoveryPaket } from './recovery'

const FOLDER_KEY = 'paket.folder'

async function rememberFolder(db: Db, folder: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: FOLDER_KEY, value: folder })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: folder }))
    .execute()
}

export async function paketState(db: Db): Promise<{ folder: string; destinations: PaketDestination[]; self: PaketOffice }> {
  const site = await requireSite(db)
  const folder = (await db.selectFrom('setting').select('value').where('key', '=', FOLDER_KEY).executeTakeFirst())?.value ?? homedir()
  return {
    folder,
    destinations: await listDestinations(db),
    self: { siteId: site.id, level: site.level, areaCode: site.area_code, areaName: site.area_name, name: site.name },
  }
}

export async function exportPaket(db: Db, input: ParsedInput<'paket:export'>, emit?: Emit): Promise<PaketExportResult> {
  const result = await exportPaketFile(db, input, emit)
  await rememberFolder(db, input.folder)
  return result
}

/** The paket in a folder (the stick), newest first, each with its manifest or why it cannot be read. */
export async function scanFolder(db: Db, input: ParsedInput<'paket:scan'>): Promise<PaketFile[]> {
  const site = await requireSite(db)
  let names: string[]
  try {
    names = (await readdir(input.folder)).filter((n) => n.toLowerCase().endsWith(PAKET_EXTENSION) && !n.startsWith('.'))
  } catch {
    throw new AppError({
      code: 'invalid_input',
      field: 'folder',
      message: 'Folder tidak ditemukan atau tidak dapat dibaca. Pastikan flashdisk terpasang dan alamat foldernya benar.',
    })
  }
  await rememberFolder(db, input.folder)
  const imported = new Map(
    (await db.selectFrom('paket_received').select(['bundle_id', 'imported_at']).execute()).map((r) => [r.bundle_id, r.imported_at]),
  )
  const files: PaketFile[] = []
  for (const fileName of names) {
    const path = join(input.folder, fileName)
    let info
    try {
      info = await stat(path)
    } catch {
      continue
    }
    if (!info.isFile()) continue
    const base = { path, fileName, bytes: info.size, modifiedAt: info.mtime.toISOString() }
    try {
      const { manifest: m } = await readManifest(path, SCHEMA_VERSION)
      const own = m.sender.siteId === site.id
      const error = own ? null : (notAddressed(m, site.id)?.message ?? null)
      files.push({ ...base, manifest: manifestInfo(m), error, importedAt: imported.get(m.bundleId) ?? null, own })
    } catch (e) {
      files.push({ ...base, manifest: null, error: e instanceof AppError ? e.message : 'Berkas tidak dapat dibaca.', importedAt: null, own: false })
    }
  }
  return files.sort((a, b) => (b.manifest?.createdAt ?? b.modifiedAt).localeCompare(a.manifest?.createdAt ?? a.modifiedAt))
}

export async function previewPaket(db: Db, input: ParsedInput<'paket:preview'>, emit?: Emit): Promise<PaketImportSummary> {
  return importPaketFile(db, input.path, { apply: false, emit })
}

export async function importPaket(db: Db, input: ParsedInput<'paket:import'>, emit?: Emit): Promise<PaketImportSummary> {
  await backupBefore(db, 'impor-paket')
  return importPaketFile(db, input.path, { apply: true, emit, acceptFingerprint: input.acceptFingerprint ?? null })
}

export function recoveryCheck(db: Db, input: ParsedInput<'paket:recoveryCheck'>): Promise<PaketRecoveryCheck> {
  return checkRecovery(db, input)
}

/** Pulihkan kantor: the recovery paket for a lost office's new installation (recovery.ts). */
export async function recoverOffice(db: Db, input: ParsedInput<'paket:recover'>, emit?: Emit): Promise<PaketRecoveryResult> {
  const result = await makeRecoveryPaket(db, input, emit)
  await rememberFolder(db, input.folder)
  return result
}

export async function paketHistory(db: Db): Promise<PaketHistory> {
  const sent = await db.selectFrom('paket_sent').selectAll().orderBy('created_at', 'desc').limit(500).execute()
  const received = await db.selectFrom('paket_received').selectAll().orderBy('imported_at', 'desc').limit(500).execute()
  return {
    sent: sent.map((s) => ({
      bundleId: s.bundle_id,
      destinationName: s.destination_name,
      full: s.full === 1,
      createdAt: s.created_at,
      fileName: s.file_name,
      records: s.records,
    })),
    received: received.map((r) => ({
      bundleId: r.bundle_id,
      senderName: r.sender_name,
      senderLevel: r.sender_level,
      createdAt: r.created_at,
      importedAt: r.imported_at,
      fileName: r.file_name,
      changes: (JSON.parse(r.summary) as { changes?: number }).changes ?? 0,
    })),
  }
}
