// paket export / import / inspect: the USB paket without the screens (scripts, the benchmark,
// an office that wants a scheduled task).

import { existsSync, statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import type { PaketImportSummary, PaketManifestInfo } from '../../../../shared/contract'
import { PAKET_KIND_NAMES } from '../../../../shared/domain/paket'
import type { exportPaketFile } from '../../features/paket/export'
import { CliError, defineCommand, type Io } from '../command'
import { withDatabase } from '../db-file'
import { fmt, textTable } from './rapat-list'

// The paket code (zip, crypto, merge) loads only for the paket commands, not for every command.
const exporter = () => import('../../features/paket/export')
const importer = () => import('../../features/paket/import')

/** Indonesian names of the kinds of records, for the text output. */
const KIND_NAMES: Record<string, string> = PAKET_KIND_NAMES

function progressLine(io: Io) {
  if (!io.isTTY) return { emit: undefined, finish: () => {} }
  return {
    emit: ((_event: string, p: { done: number; total: number; label: string }) => {
      io.stderr(`\r${String(Math.round((p.done / Math.max(1, p.total)) * 100)).padStart(3)}%  ${p.label.padEnd(50)}`)
    }) as Parameters<typeof exportPaketFile>[2],
    finish: () => io.stderr('\r'.padEnd(60) + '\r'),
  }
}

function destinationKey(to: string | undefined, level: string): string {
  if (!to) return level === 'kelurahan' ? 'level:puskesmas' : level === 'kota' ? 'pembinaan' : 'level:kota'
  if (['kelurahan', 'puskesmas', 'kecamatan', 'kota'].includes(to)) return `level:${to}`
  if (to === 'pembinaan') return 'pembinaan'
  return `site:${to}`
}

export const paketExport = defineCommand({
  name: 'paket export',
  summary: 'Membuat paket (.simpul) berisi data yang berubah sejak paket terakhir ke tujuan yang sama, atau semuanya dengan --full.',
  usage: '--db BERKAS --out PAKET.simpul [--to puskesmas|kota|pembinaan|ID-KANTOR] [--full] [--json]',
  options: { db: { type: 'string' }, out: { type: 'string' }, to: { type: 'string' }, full: { type: 'boolean' }, json: { type: 'boolean' } },
  required: ['db', 'out'],
  async run(values, io) {
    let out = resolve(values.out!)
    const outIsFolder = existsSync(out) && statSync(out).isDirectory()
    const { exportPaketFile } = await exporter()
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const site = await db.selectFrom('site').select('level').executeTakeFirst()
      if (!site) throw new CliError('Kantor ini belum disiapkan. Jalankan dulu: npm run simpul -- init …')
      const progress = progressLine(io)
      const input = { folder: outIsFolder ? out : dirname(out), destination: destinationKey(values.to, site.level), full: Boolean(values.full) }
      if (!outIsFolder && !out.endsWith('.simpul')) out = `${out}.simpul`
      const r = await exportPaketFile(db, input, progress.emit, Date.now(), outIsFolder ? undefined : out)
      progress.finish()
      if (values.json) io.stdout(`${JSON.stringify(r)}\n`)
      else {
        io.stdout(`Paket ditulis: ${r.path} (${fmt(Math.round(r.bytes / 1024))} KB, ${fmt(r.records)} data${r.full ? ', lengkap' : ''}).\n`)
        const rows = Object.entries(r.counts).filter(([, n]) => n > 0)
        if (rows.length) io.stdout(textTable(['Jenis data', 'Jumlah'], rows.map(([k, n]) => [KIND_NAMES[k] ?? k, fmt(n)])))
        for (const w of r.warnings) io.stdout(`Perhatian: ${w}\n`)
      }
    })
  },
})

export const paketPembinaan = defineCommand({
  name: 'paket pembinaan',
  summary: 'Dinas: membuat paket pembinaan untuk semua kantor di wilayahnya (kunci Dinas, katalog, daftar OPD, kartu kunci kantor yang dikenal; tanpa data orang).',
  usage: '--db BERKAS --out PAKET.simpul [--json]',
  options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db', 'out'],
  async run(values, io) {
    let out = resolve(values.out!)
    const outIsFolder = existsSync(out) && statSync(out).isDirectory()
    if (!outIsFolder && !out.endsWith('.simpul')) out = `${out}.simpul`
    const { exportPaketFile } = await exporter()
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const r = await exportPaketFile(db, { folder: outIsFolder ? out : dirname(out), destination: 'pembinaan', full: true }, undefined, Date.now(), outIsFolder ? undefined : out)
      io.stdout(values.json ? `${JSON.stringify(r)}\n` : `Paket pembinaan ditulis: ${r.path} (${fmt(Math.round(r.bytes / 1024))} KB).\n`)
    })
  },
})

export const paketPemulihan = defineCommand({
  name: 'paket pemulihan',
  summary:
    'Dinas/Puskesmas: membuat paket pemulihan untuk instalasi baru kantor yang PC-nya hilang: semua data wilayah kantor itu yang ada di sini, hanya untuk kartu kunci barunya (sidik jari dicocokkan lewat telepon). Kunci lama dicabut bila dibuat di Dinas.',
  usage: '--db BERKAS --kartu KARTU.simpul-kunci --sidik SIDIK-JARI --out PAKET.simpul [--json]',
  options: { db: { type: 'string' }, kartu: { type: 'string' }, sidik: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db', 'kartu', 'sidik', 'out'],
  async run(values, io) {
    let out = resolve(values.out!)
    const outIsFolder = existsSync(out) && statSync(out).isDirectory()
    if (!outIsFolder && !out.endsWith('.simpul')) out = `${out}.simpul`
    const { makeRecoveryPaket } = await import('../../features/paket/recovery')
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const progress = progressLine(io)
      const input = { cardPath: resolve(values.kartu!), fingerprint: values.sidik!, folder: outIsFolder ? out : dirname(out) }
      const r = await makeRecoveryPaket(db, input, progress.emit, Date.now(), outIsFolder ? undefined : out)
      progress.finish()
      if (values.json) {
        io.stdout(`${JSON.stringify(r)}\n`)
        return
      }
      io.stdout(`Paket pemulihan untuk ${r.office.name} (${r.office.areaName}) ditulis: ${r.path} (${fmt(Math.round(r.bytes / 1024))} KB, ${fmt(r.records)} data).\n`)
      io.stdout(`Instalasi baru (sidik jari ${r.office.fingerprint}) menggantikan: ${r.predecessors.join(', ')}.\n`)
      if (r.revoked > 0) io.stdout(`Kunci lama dicabut (${fmt(r.revoked)}): paket dari PC lama ditolak di mana pun pencabutan ini sampai.\n`)
      const rows = Object.entries(r.counts).filter(([, n]) => n > 0)
      if (rows.length) io.stdout(textTable(['Jenis data', 'Jumlah'], rows.map(([k, n]) => [KIND_NAMES[k] ?? k, fmt(n)])))
    })
  },
})

function summaryText(s: PaketImportSummary, dryRun: boolean): string {
  const m = s.manifest
  const lines = [
    `Paket dari ${m.sender.name} (${m.sender.level}, ${m.sender.areaName}), dibuat ${m.createdAt.slice(0, 10)} (${s.ageDays} hari lalu).`,
    s.senderKey.status === 'trusted'
      ? `Ditandatangani kunci yang dikenal (sidik jari ${s.senderKey.fingerprint}).`
      : `Kunci pengirim ${s.senderKey.status === 'changed' ? 'BERBEDA dari yang dikenal' : 'belum dikenal'}: sidik jari ${s.senderKey.fingerprint}. Cocokkan dengan kantor pengirim, lalu impor dengan --terima-kunci ${s.senderKey.fingerprint}`,
  ]
  if (s.alreadyImportedAt) lines.push(`Paket ini sudah pernah diimpor pada ${s.alreadyImportedAt.slice(0, 10)}: tidak ada yang berubah.`)
  lines.push(
    textTable(
      ['Jenis data', 'Baru', 'Diperbarui', 'Sama', 'Konflik', 'Ditolak', 'Ditahan'],
      s.kinds
        .filter((k) => k.new + k.updated + k.unchanged + k.conflicts + k.refused > 0)
        // `refused` counts the held ones too: shown apart here.
        .map((k) => [KIND_NAMES[k.kind] ?? k.kind, fmt(k.new), fmt(k.updated), fmt(k.unchanged), fmt(k.conflicts), fmt(k.refused - k.held), fmt(k.held)]),
    ).trimEnd(),
  )
  for (const r of s.refusals.slice(0, 20)) lines.push(`${r.held ? 'Ditahan' : 'Ditolak'} (${KIND_NAMES[r.kind] ?? r.kind} ${r.recordId}): ${r.reason}`)
  if (s.released) lines.push(`${fmt(s.released)} data yang ditahan dari paket sebelumnya kini diterima.`)
  if (s.heldTotal) lines.push(`${fmt(s.heldTotal)} data masih ditahan, menunggu kartu kunci pembuatnya atau data induknya; diperiksa lagi di setiap impor.`)
  for (const w of s.warnings) lines.push(`Perhatian: ${w}`)
  if (s.duplicates) lines.push(`${fmt(s.duplicates)} pasang kader dengan NIK sama perlu diputuskan (Kirim/Terima Paket → Duplikat NIK).`)
  if (s.catalogues.length) lines.push(`Katalog kompetensi dipasang: ${s.catalogues.join(', ')}.`)
  if (!s.alreadyImportedAt) {
    lines.push(dryRun ? `Uji coba: ${fmt(s.changes)} data akan berubah; basis data tidak diubah.` : `Selesai: ${fmt(s.changes)} data berubah.`)
  }
  return `${lines.join('\n')}\n`
}

export const paketImport = defineCommand({
  name: 'paket import',
  summary: 'Mengimpor paket: semua atau tidak sama sekali. --dry-run hanya menampilkan apa yang akan berubah.',
  usage: '--db BERKAS PAKET.simpul [--dry-run] [--json] [--terima-kunci SIDIK-JARI]',
  options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'terima-kunci': { type: 'string' } },
  required: ['db'],
  positional: 'PAKET',
  async run(values, io, paket) {
    const { importPaketFile } = await importer()
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const progress = progressLine(io)
      if (!values['dry-run']) await (await import('../../features/cadangan/cadangan.service')).backupBefore(db, 'impor-paket')
      const s = await importPaketFile(db, resolve(paket!), { apply: !values['dry-run'], emit: progress.emit, acceptFingerprint: values['terima-kunci'] ?? null })
      progress.finish()
      io.stdout(values.json ? `${JSON.stringify(s)}\n` : summaryText(s, Boolean(values['dry-run'])))
    })
  },
})

function manifestText(m: PaketManifestInfo & { senderFingerprint: string; readers: string[] }, path: string): string {
  const lines = [
    `Paket ${basename(path)}`,
    `  Pengirim : ${m.sender.name} (${m.sender.level}, ${m.sender.areaName} ${m.sender.areaCode}), kantor ${m.sender.siteId}`,
    `  Tujuan   : ${m.recipient.name}`,
    `  Dibuat   : ${m.createdAt}`,
    `  Isi      : ${m.full ? 'lengkap' : 'perubahan saja'}, ${fmt(m.records)} data, versi ${m.versions.from ?? '-'} … ${m.versions.to ?? '-'}`,
    `  Format ${m.formatVersion}, skema ${m.schemaVersion}, aplikasi ${m.appVersion}, katalog ${m.catalogueVersion}`,
    `  Pengenal : ${m.bundleId}`,
    `  Ditandatangani kunci dengan sidik jari ${m.senderFingerprint} (tanda tangan cocok)`,
    textTable(['Jenis data', 'Jumlah'], Object.entries(m.counts).filter(([, n]) => n > 0).map(([k, n]) => [KIND_NAMES[k] ?? k, fmt(n)])).trimEnd(),
    m.readers.length > 0
      ? `  Terenkripsi; hanya dapat dibuka oleh: ${m.readers.join(', ')}`
      : '  Tidak terenkripsi (paket pembinaan: tanpa data orang)',
    'Isi paket utuh (setiap bagian cocok dengan sidik SHA-256-nya).',
  ]
  return `${lines.join('\n')}\n`
}

export const paketInspect = defineCommand({
  name: 'paket inspect',
  summary: 'Menampilkan keterangan paket (pengirim, tujuan, jumlah data per jenis) dan memeriksa keutuhannya, tanpa basis data.',
  usage: 'PAKET.simpul [--json]',
  options: { json: { type: 'boolean' } },
  positional: 'PAKET',
  async run(values, io, paket) {
    const [{ manifestInfo }, { readPaket }, { cardFingerprint }, { SCHEMA_VERSION }] = await Promise.all([
      importer(),
      import('../../sync/paket'),
      import('../../sync/card'),
      import('../../db/migrations'),
    ])
    const content = await readPaket(resolve(paket!), SCHEMA_VERSION)
    const readers = content.manifest.encryption?.recipients.map((r) => r.name) ?? []
    const info = { ...manifestInfo(content.manifest), senderFingerprint: cardFingerprint(content.senderCard), readers }
    io.stdout(values.json ? `${JSON.stringify({ ...info, entries: content.manifest.entries, offices: content.manifest.offices })}\n` : manifestText(info, paket!))
  },
})
