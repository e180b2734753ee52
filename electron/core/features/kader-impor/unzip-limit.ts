// A .xlsx is a zip whose parts ExcelJS inflates whole into memory, whatever size they turn out
// to be: a 1 MB file whose sheet inflates to 1 GiB took 1.4 GB of memory before ExcelJS gave up.
// A roster of 20,000 kader is a few MB once opened. So before ExcelJS sees a workbook, every part
// is inflated here and only counted (the bytes are dropped as they come), and the file is refused
// as soon as one part passes 64 MiB or all together 256 MiB, whatever the zip's headers declare.

import yauzl from 'yauzl'
import { AppError } from '../../../../shared/result'

const MB = 1024 * 1024
const MAX_PART_BYTES = 64 * MB
const MAX_TOTAL_BYTES = 256 * MB
/** A workbook has tens of parts (a few hundred with many sheets and pictures). */
const MAX_PARTS = 10_000

const RESAVE = 'Simpan ulang daftar kader dalam berkas yang lebih kecil (mis. hanya lembar daftar kader), lalu coba lagi.'

const refuse = (what: string) => {
  const message = `Berkas lembar kerja ini terlalu besar setelah dibuka (${what}). ${RESAVE}`
  return new AppError({ code: 'invalid_input', field: 'path', message, fields: { path: message } })
}

/** A part's name as shown in the message: a hostile file may name it with thousands of characters. */
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}...` : name)

/**
 * Refuses a workbook whose parts open too large (an AppError saying what to do). Any other error
 * (not a zip yauzl can read, an encrypted part) is thrown as it is: the caller says the file is
 * not a spreadsheet, as ExcelJS would have.
 */
export async function assertUnpacksSmall(buf: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: false }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
  )
  try {
    if (zip.entryCount > MAX_PARTS) throw refuse('lebih dari 10.000 bagian')
    let total = 0
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName
        if (name.endsWith('/')) return zip.readEntry()
        const tooBig = () => refuse(`bagian ${shown(name)} lebih dari ${MAX_PART_BYTES / MB} MB`)
        // The declared size first (nothing inflated), then the bytes themselves (a header may lie).
        if (entry.uncompressedSize > MAX_PART_BYTES) return reject(tooBig())
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'))
          let part = 0
          stream.on('data', (c: Buffer) => {
            part += c.length
            total += c.length
            if (part > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
              stream.destroy()
              reject(part > MAX_PART_BYTES ? tooBig() : refuse(`seluruhnya lebih dari ${MAX_TOTAL_BYTES / MB} MB`))
            }
          })
          stream.on('error', reject)
          stream.on('end', () => zip.readEntry())
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}
