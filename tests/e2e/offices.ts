// Three offices, each with its own database and its own web host, and a folder standing in for
// the USB stick between them: a kelurahan (Sukarasa, with the roster seed), the Puskesmas that
// serves it, and the kota's Dinas. Built with the real CLI once per worker, copied per test.
// They start as strangers: a paket is locked for its readers' keys, so an office can send only
// to offices whose key cards it trusts. Specs about something else hand cards over with
// `giveCard` / `introduce` (the bridge's real kunci:saveCard and kunci:trustCard calls, what
// Pengaturan → Kunci kantor does); wilayah-baru.spec.ts does it all through the screens.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildRosterDb, cli, copyDb, tempDir, test as base, WebHost } from './fixtures'

export const KELURAHAN = { name: 'Kelurahan Sukarasa', area: '36.71.01.1001', areaName: 'Sukarasa' }
export const PUSKESMAS = { name: 'Puskesmas Tangerang', area: '36.71.01' }
export const KOTA = { name: 'Dinas Kesehatan Kota Tangerang', area: '36.71' }

export function buildPuskesmasDb(file: string) {
  cli(['init', '--db', file, '--level', 'puskesmas', '--wilayah', PUSKESMAS.area, '--name', PUSKESMAS.name, '--mencakup', KELURAHAN.area])
}

export function buildKotaDb(file: string) {
  cli(['init', '--db', file, '--level', 'kota', '--wilayah', KOTA.area, '--name', KOTA.name])
}

export interface Offices {
  kelurahan: WebHost
  puskesmas: WebHost
  kota: WebHost
  /** The "flashdisk": one folder all three offices write to and read from, the one drive they see (FLASHDISK). */
  usb: string
}

export const test = base.extend<{ offices: Offices }, { officeTemplates: { kelurahan: string; puskesmas: string; kota: string } }>({
  officeTemplates: [
    async ({}, use) => {
      const dir = tempDir('simpul-offices-')
      const files = { kelurahan: join(dir, 'kelurahan.db'), puskesmas: join(dir, 'puskesmas.db'), kota: join(dir, 'kota.db') }
      buildRosterDb(files.kelurahan)
      buildPuskesmasDb(files.puskesmas)
      buildKotaDb(files.kota)
      await use(files)
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 180_000 },
  ],

  offices: async ({ officeTemplates }, use) => {
    const dir = tempDir('simpul-offices-run-')
    // The hosts' only removable drive: Kirim/Terima list it and start on it.
    const media = join(dir, 'media')
    const usb = join(media, 'FLASHDISK')
    const hosts = {} as Record<'kelurahan' | 'puskesmas' | 'kota', WebHost>
    for (const key of ['kelurahan', 'puskesmas', 'kota'] as const) {
      const db = join(dir, `${key}.db`)
      copyDb(officeTemplates[key], db)
      hosts[key] = new WebHost(db, { SIMPUL_FLASHDISK_ROOTS: media })
    }
    mkdirSync(usb, { recursive: true })
    await Promise.all(Object.values(hosts).map((h) => h.start()))
    await use({ ...hosts, usb })
    await Promise.all(Object.values(hosts).map((h) => h.stop()))
    rmSync(dir, { recursive: true, force: true })
  },
})

/**
 * `to` trusts `from`'s key card: `from` saves its card (on a folder of the stick) and `to` trusts
 * it with the fingerprint `from` reads out, as Pengaturan → Kunci kantor does.
 */
export async function giveCard(from: WebHost, to: WebHost, usb: string): Promise<void> {
  const folder = mkdtempSync(join(usb, '.kartu-'))
  const saved = await from.invoke<{ path: string; fingerprint: string }>('kunci:saveCard', { folder })
  await to.invoke('kunci:trustCard', { path: saved.path, fingerprint: saved.fingerprint })
  rmSync(folder, { recursive: true, force: true })
}

/** Every pair of `offices` trusts each other's key card. */
export async function introduce(usb: string, ...offices: WebHost[]): Promise<void> {
  for (const from of offices) for (const to of offices) if (from !== to) await giveCard(from, to, usb)
}

/** The fingerprint an office reads out from Pengaturan → Kunci kantor. */
export async function fingerprintOf(office: WebHost): Promise<string> {
  return (await office.invoke<{ self: { fingerprint: string } }>('kunci:state', {})).self.fingerprint
}

export { expect } from './fixtures'
