// kunci kartu / kunci percaya: an office's key card out to a file, and another office's card in,
// once its fingerprint has been compared (read aloud over the phone).

import { dirname, resolve } from 'node:path'
import { existsSync, statSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { CliError, defineCommand } from '../command'
import { withDatabase } from '../db-file'

// Keys and cards sit on the paket code (zip, crypto): loaded only for these commands.
const kunci = () => import('../../features/kunci/kunci.service')

export const kunciKartu = defineCommand({
  name: 'kunci kartu',
  summary: 'Menyimpan kartu kunci kantor ini (kunci publik dan sidik jari) untuk diberikan ke kantor lain.',
  usage: '--db BERKAS --out KARTU.simpul-kunci',
  options: { db: { type: 'string' }, out: { type: 'string' } },
  required: ['db', 'out'],
  async run(values, io) {
    const out = resolve(values.out!)
    const isFolder = existsSync(out) && statSync(out).isDirectory()
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const saved = await (await kunci()).saveCard(db, { folder: isFolder ? out : dirname(out) })
      let path = saved.path
      if (!isFolder && out !== saved.path) {
        await rename(saved.path, out)
        path = out
      }
      io.stdout(`Kartu kunci ditulis: ${path}\nSidik jari: ${saved.fingerprint}\nBacakan sidik jari ini ke kantor penerima agar mereka dapat mencocokkannya.\n`)
    })
  },
})

export const kunciPercaya = defineCommand({
  name: 'kunci percaya',
  summary: 'Mempercayai kartu kunci kantor lain setelah sidik jarinya dicocokkan (tanpa --sidik: hanya menampilkan sidik jarinya).',
  usage: '--db BERKAS KARTU.simpul-kunci [--sidik SIDIK-JARI]',
  options: { db: { type: 'string' }, sidik: { type: 'string' } },
  required: ['db'],
  positional: 'KARTU',
  async run(values, io, card) {
    const path = resolve(card!)
    await withDatabase(values.db!, io, true, async ({ db }) => {
      if (!values.sidik) {
        const { card: c, status } = await (await kunci()).readCard(db, { path })
        const known = { new: 'belum dikenal', trusted: 'sudah dipercaya', changed: 'dikenal dengan kunci LAIN', self: 'kartu kantor ini sendiri' }[status]
        throw new CliError(
          `Kartu ${c.name} (${c.level}, ${c.areaName}), ${known}. Sidik jari: ${c.fingerprint}. Cocokkan dengan kantor tersebut, lalu jalankan lagi dengan --sidik ${c.fingerprint}`,
          2,
        )
      }
      const t = await (await kunci()).trustCard(db, { path, fingerprint: values.sidik })
      io.stdout(`Dipercaya: ${t.name} (${t.level}, ${t.areaName}), sidik jari ${t.fingerprint}.\n`)
    })
  },
})

export const kunciCabut = defineCommand({
  name: 'kunci cabut',
  summary: 'Dinas: mencabut kunci kantor (mis. laptop hilang). Paket yang ditandatangani kunci itu ditolak di setiap kantor yang menerima pencabutannya.',
  usage: '--db BERKAS --kantor ID-KANTOR --alasan TEKS',
  options: { db: { type: 'string' }, kantor: { type: 'string' }, alasan: { type: 'string' } },
  required: ['db', 'kantor', 'alasan'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const t = await (await kunci()).revokeKey(db, { siteId: values.kantor!, reason: values.alasan! })
      io.stdout(`Kunci ${t.name} (sidik jari ${t.fingerprint}) dicabut. Pencabutan ikut setiap paket berikutnya dari kantor ini.\n`)
    })
  },
})

export const kunciGanti = defineCommand({
  name: 'kunci ganti',
  summary: 'Mengganti kunci kantor ini; kantor yang mempercayai kunci lama menerima kunci baru otomatis dari paket berikutnya.',
  usage: '--db BERKAS',
  options: { db: { type: 'string' } },
  required: ['db'],
  async run(values, io) {
    await withDatabase(values.db!, io, true, async ({ db }) => {
      const card = await (await kunci()).rotateKeys(db)
      io.stdout(`Kunci kantor ini diganti. Sidik jari baru: ${card.fingerprint}\n`)
    })
  },
})
