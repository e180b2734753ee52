// cadangan buat / daftar / pulihkan / kode: a verified backup beside the database file (or an
// encrypted copy in a chosen folder), the list of them, the way back, and the recovery code.

import { dirname } from 'node:path'
import type { Backup, BackupReason } from '../../../../shared/contract'
import type { ZonaWaktu } from '../../../../shared/domain/zona-waktu'
import type { Db } from '../../db/schema'
import { CliError, defineCommand } from '../command'
import { withDatabase } from '../db-file'
import { waktuCli } from '../tanggal'
import { userPath } from '../../host/user-path'

const cadangan = () => import('../../features/cadangan/cadangan.service')
const flashdisk = () => import('../../features/cadangan/flashdisk')
/** The office's zone: times are printed on its wall clock. */
const zoneOf = async (db: Db): Promise<ZonaWaktu> => (await import('../../features/site/site.service')).officeZone(db)

const REASON_LABEL: Record<BackupReason, string> = {
  harian: 'harian',
  manual: 'dibuat manual',
  'impor-paket': 'sebelum impor paket',
  'pasang-katalog': 'sebelum pasang katalog',
  pulihkan: 'sebelum pemulihan',
  gabung: 'sebelum penggabungan',
  'identitas-baru': 'sebelum identitas baru',
}

/** "12,4 MB": people compare sizes, not bytes. */
function ukuran(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('id-ID', { maximumFractionDigits: 0 })} KB`
  return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`
}

export const cadanganBuat = defineCommand({
  name: 'cadangan buat',
  summary:
    'Membuat cadangan basis data yang diperiksa keutuhannya, di folder "cadangan" di samping berkas basis data; cadangan lama dirotasi (7 harian, 4 mingguan, 12 bulanan). Dengan --ke FOLDER: juga salinan terenkripsi dengan kode pemulihan kantor ke folder itu (flashdisk).',
  usage: '--db BERKAS [--ke FOLDER] [--json]',
  options: { db: { type: 'string' }, ke: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      if (values.ke !== undefined) {
        const c = await (await flashdisk()).copyToFolder(db, userPath(values.ke))
        if (values.json) {
          io.stdout(`${JSON.stringify({ path: c.path, bytes: c.bytes, createdAt: c.createdAt, verified: c.verified }, null, 2)}\n`)
        } else {
          io.stdout(
            `Salinan cadangan terenkripsi dibuat dan diperiksa: ${c.path} (${ukuran(c.bytes)}, ${waktuCli(c.createdAt, await zoneOf(db))}). Hanya dapat dibuka dengan kode pemulihan kantor (lihat: cadangan kode).\n`,
          )
        }
        return
      }
      const b = await (await cadangan()).makeBackup(db, { reason: 'manual' })
      if (values.json) {
        io.stdout(`${JSON.stringify({ path: b.path, bytes: b.bytes, createdAt: b.createdAt, verified: b.verified }, null, 2)}\n`)
      } else {
        io.stdout(`Cadangan dibuat dan lolos pemeriksaan keutuhan: ${b.path} (${ukuran(b.bytes)}, ${waktuCli(b.createdAt, await zoneOf(db))}).\n`)
      }
    })
  },
})

function daftarText(list: Backup[], file: string, zona: ZonaWaktu): string {
  if (list.length === 0) return `Belum ada cadangan untuk basis data ini. Buat satu: npm run simpul -- cadangan buat --db ${file}\n`
  const rows = list.map((b) => [waktuCli(b.createdAt, zona), REASON_LABEL[b.reason], ukuran(b.bytes), b.verified ? 'baik' : 'RUSAK', b.fileName])
  const head = ['Waktu', 'Alasan', 'Ukuran', 'Keadaan', 'Berkas']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [`Cadangan di ${dirname(list[0]!.path)}, terbaru di atas:`, '', line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''].join('\n')
}

export const cadanganDaftar = defineCommand({
  name: 'cadangan daftar',
  summary: 'Daftar cadangan basis data ini, terbaru di atas: waktu, alasan, ukuran dan keadaannya (tabel, atau --json).',
  usage: '--db BERKAS [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const list = await (await cadangan()).listBackups(db)
      io.stdout(values.json ? `${JSON.stringify(list, null, 2)}\n` : daftarText(list, values.db!, await zoneOf(db)))
    })
  },
})

export const cadanganPulihkan = defineCommand({
  name: 'cadangan pulihkan',
  summary:
    'Memulihkan basis data dari cadangan, atau dari salinan terenkripsi di flashdisk (….simpul-cadangan, dengan --kode KODE-PEMULIHAN): cadangan diperiksa keutuhannya dahulu, berkas yang sekarang disimpan di sampingnya (…sebelum-pulih-WAKTU), lalu cadangan dipasang sekaligus. Tutup aplikasi dahulu. Boleh ke berkas baru.',
  usage: '--db BERKAS CADANGAN [--kode KODE]',
  positional: 'CADANGAN',
  options: { db: { type: 'string' }, kode: { type: 'string' } },
  required: ['db'],
  async run(values, io, backup) {
    // Never opens the database: it may be the damaged one this command is here to replace.
    const file = userPath(values.db!)
    const source = userPath(backup!)
    const fd = await flashdisk()
    let r
    if (await fd.isEncryptedCopy(source)) {
      if (!values.kode) {
        throw new CliError(
          `${backup} adalah salinan terenkripsi. Tambahkan kode pemulihan kantor dari kartu pemulihan: npm run simpul -- cadangan pulihkan --db ${values.db} ${backup} --kode KODE`,
        )
      }
      r = await fd.restoreEncrypted(file, source, values.kode)
    } else {
      r = await (await cadangan()).restoreBackup(file, source)
    }
    const aside = r.keptAside ? ` Berkas sebelumnya disimpan sebagai ${r.keptAside}.` : ''
    io.stdout(`Basis data dipulihkan dari ${backup}: ${r.file}.${aside} Data yang dicatat setelah cadangan itu dibuat tidak ada di dalamnya; datangkan lagi dari paket bila ada.\n`)
  },
})

export const cadanganKode = defineCommand({
  name: 'cadangan kode',
  summary: 'Menampilkan kode pemulihan kantor: kode yang membuka salinan cadangan terenkripsi di flashdisk. Rahasiakan.',
  usage: '--db BERKAS',
  options: { db: { type: 'string' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const code = await (await import('../../features/cadangan/kode')).recoveryCode(db)
      io.stdout(
        `Kode pemulihan kantor ini:\n\n    ${code}\n\nRahasiakan kode ini: bersama salinan di flashdisk, kode ini membuka seluruh data kantor (termasuk NIK kader). Catat atau cetak (Pengaturan → Cadangan → Cetak kartu pemulihan) dan simpan di map arsip kantor.\n`,
      )
    })
  },
})
