// Kirim/Terima Paket: what the screens and the CLI call. Making a paket is export.ts, receiving
// one import.ts; the file format is electron/core/sync/paket.ts.

import { join } from 'node:path'
import { readdir, stat } from 'node:fs/promises'
import type {
  PaketDestination,
  PaketDrive,
  PaketFile,
  PaketKirimResult,
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
import { driveOf, listDrives, type DriveProbe } from './drives'

const FOLDER_KEY = 'paket.folder'

async function rememberFolder(db: Db, folder: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: FOLDER_KEY, value: folder })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: folder }))
    .execute()
}

async function rememberedFolder(db: Db): Promise<string> {
  return (await db.selectFrom('setting').select('value').where('key', '=', FOLDER_KEY).executeTakeFirst())?.value ?? ''
}

export async function paketState(db: Db): Promise<{ folder: string; destinations: PaketDestination[]; self: PaketOffice }> {
  const site = await requireSite(db)
  const folder = await rememberedFolder(db)
  return {
    folder,
    destinations: await listDestinations(db),
    self: { siteId: site.id, level: site.level, areaCode: site.area_code, areaName: site.area_name, name: site.name },
  }
}

/**
 * The flashdisks seen now and the folder Kirim/Terima start on: the last one used while it is on
 * one of them, else the only one, else nothing. Never the home folder: a paket written there
 * without a word stays on the PC while the person carries an empty stick away.
 */
export async function paketDrives(db: Db, probe?: DriveProbe): Promise<{ drives: PaketDrive[]; folder: string }> {
  const drives = await listDrives(probe)
  const last = await rememberedFolder(db)
  const platform = probe?.platform ?? process.platform
  if (last && (await isFolder(last)) && (await driveOf(last, drives, platform))) return { drives, folder: last }
  return { drives, folder: drives.length === 1 ? drives[0]!.path : '' }
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

export async function exportPaket(db: Db, input: ParsedInput<'paket:export'>, emit?: Emit, probe?: DriveProbe): Promise<PaketKirimResult> {
  const platform = probe?.platform ?? process.platform
  // A folder that is not there is exportPaketFile's to name; one on the PC's own disk is asked about first.
  const drive = (await isFolder(input.folder)) ? await driveOf(input.folder, await listDrives(probe), platform) : null
  if (input.askIfNotRemovable && !drive && (await isFolder(input.folder))) {
    throw new AppError({
      code: 'invalid_input',
      field: 'removable',
      message: 'Folder ini bukan flashdisk. Paket yang disimpan di sini tetap di PC ini sampai disalin ke flashdisk. Pilih flashdisk dari daftar, atau tetap simpan di folder ini.',
    })
  }
  const result = await exportPaketFile(db, input, emit)
  await rememberFolder(db, input.folder)
  return { ...result, removable: drive !== null }
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
  const receivedRows = await db.selectFrom('paket_received').select(['bundle_id', 'sender_site_id', 'created_at', 'imported_at', 'summary']).execute()
  const imported = new Map(receivedRows.map((r) => [r.bundle_id, r.imported_at]))
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
      files.push({ ...base, manifest: manifestInfo(m), error, importedAt: imported.get(m.bundleId) ?? null, own, mark: null })
    } catch (e) {
      files.push({ ...base, manifest: null, error: e instanceof AppError ? e.message : 'Berkas tidak dapat dibaca.', importedAt: null, own: false, mark: null })
    }
  }
  const received = receivedRows.map((r) => ({ bundleId: r.bundle_id, senderSiteId: r.sender_site_id, createdAt: r.created_at, kind: receivedKind(r.summary) }))
  return markSetupPaket(files, received).sort((a, b) => (b.manifest?.createdAt ?? b.modifiedAt).localeCompare(a.manifest?.createdAt ?? a.modifiedAt))
}

/** The kind recorded with an import (since the setup paket were told apart); null for older imports. */
function receivedKind(summary: string): string | null {
  try {
    const kind = (JSON.parse(summary) as { paketKind?: unknown }).paketKind
    return typeof kind === 'string' ? kind : null
  } catch {
    return null
  }
}

/** A paket imported here, as far as telling setup paket apart needs. */
export interface ReceivedPaket {
  bundleId: string
  senderSiteId: string
  createdAt: string
  kind: string | null
}

/**
 * Marks each setup paket (pembinaan) on the stick: the newest from its sender ("Terbaru"), or
 * replaced by a newer one from the same sender, on the stick or imported already. Two of them
 * otherwise look alike (same sender, day and contents), and an older one imported after a newer
 * one would bring back what the Dinas has since changed. Data paket are never marked: each
 * carries its own changes. Order: creation time, then the paket id (UUIDv7, which sorts by time).
 */
export function markSetupPaket(files: PaketFile[], received: readonly ReceivedPaket[]): PaketFile[] {
  const order = (createdAt: string, bundleId: string) => `${createdAt}|${bundleId}`
  const latest = new Map<string, string>()
  const note = (sender: string, key: string) => {
    if ((latest.get(sender) ?? '') < key) latest.set(sender, key)
  }
  for (const r of received) if (r.kind === 'pembinaan') note(r.senderSiteId, order(r.createdAt, r.bundleId))
  for (const f of files) if (f.manifest?.kind === 'pembinaan') note(f.manifest.sender.siteId, order(f.manifest.createdAt, f.manifest.bundleId))
  return files.map((f) => {
    const m = f.manifest
    if (m?.kind !== 'pembinaan') return { ...f, mark: null }
    return { ...f, mark: order(m.createdAt, m.bundleId) < latest.get(m.sender.siteId)! ? 'superseded' : 'newest' }
  })
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
