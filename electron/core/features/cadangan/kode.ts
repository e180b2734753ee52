// The office's recovery code (kode pemulihan): the secret that opens its encrypted copies on a
// flashdisk. Written on paper (the kartu pemulihan) and typed back after a PC is lost, so it is
// Crockford base32 (no I, L, O, U to misread) in dash-separated groups of four; entered case- and
// dash-insensitively, with I/L read as 1 and O as 0. Made once per office, stored like the office's
// private keys: sealed by the host's key vault (the OS key store in the desktop app) when it has one.

import { randomBytes } from 'node:crypto'
import { AppError } from '../../../../shared/result'
import { keyVaultOf } from '../../db/open'
import type { Db } from '../../db/schema'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** 15 random bytes = 120 bits = 24 characters = 6 groups of 4. */
const CODE_BYTES = 15
export const CODE_LENGTH = 24

const CODE_KEY = 'cadangan.kode'
const CONFIRMED_KEY = 'cadangan.kode.dikonfirmasi'
/** Same shape as kunci.service.ts stores a sealed private key. */
const SEALED = /^sealed:([a-z]+):(.+)$/

function encode(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** "ABCD-EFGH-…": the form printed and shown. */
export function formatCode(normalized: string): string {
  return normalized.match(/.{1,4}/g)?.join('-') ?? normalized
}

/** A new random code, formatted. */
export function generateCode(): string {
  return formatCode(encode(randomBytes(CODE_BYTES)))
}

/**
 * The code as typed → its canonical 24 characters, or null when it cannot be one. Spaces, dashes
 * and case do not matter; I and L count as 1, O as 0 (Crockford), as a hand copy often has them.
 */
export function normalizeCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (s.length !== CODE_LENGTH) return null
  for (const c of s) if (!ALPHABET.includes(c)) return null
  return s
}

// ---------------------------------------------------------------- storage

const codeLocked = () =>
  new AppError({
    code: 'forbidden',
    message:
      'Kode pemulihan kantor ini tersimpan terkunci oleh aplikasi desktop di PC aslinya, sehingga tidak dapat dibaca di sini. Lihat kodenya di aplikasi Simpul Posyandu di PC kantor (Pengaturan → Cadangan), atau pada kartu pemulihan yang dicetak.',
  })

async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value
}

async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** Stores a new code and forgets any confirmation: the person has to see and keep this one. */
async function storeNew(db: Db): Promise<string> {
  const vault = keyVaultOf(db)
  const code = generateCode()
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, CODE_KEY, vault ? `sealed:${vault.scheme}:${vault.seal(code)}` : code)
    await trx.deleteFrom('setting').where('key', '=', CONFIRMED_KEY).execute()
  })
  return code
}

/**
 * This office's recovery code, formatted; made the first time it is needed (databases from
 * before the code existed get theirs then). A code stored in clear is sealed as soon as a host
 * with a vault reads it. A code sealed on another PC (this database was restored from a copy)
 * cannot be opened here: a new one is made and must be kept again, while copies made before still
 * open with the old code on paper. Without a vault (the CLI) a sealed code stays locked.
 */
export async function recoveryCode(db: Db): Promise<string> {
  const vault = keyVaultOf(db)
  const stored = await readSetting(db, CODE_KEY)
  if (stored === undefined) return storeNew(db)
  const m = SEALED.exec(stored)
  if (!m) {
    if (vault) await writeSetting(db, CODE_KEY, `sealed:${vault.scheme}:${vault.seal(stored)}`)
    return stored
  }
  if (!vault) throw codeLocked()
  if (vault.scheme === m[1]) {
    try {
      return vault.open(m[2]!)
    } catch {
      // sealed by another PC or user: falls through to a new code
    }
  }
  return storeNew(db)
}

/** When the person said the code is kept (printed or written down); null while not yet. */
export async function codeConfirmedAt(db: Db): Promise<string | null> {
  return (await readSetting(db, CONFIRMED_KEY)) ?? null
}

export async function confirmCode(db: Db, now: string = new Date().toISOString()): Promise<void> {
  await writeSetting(db, CONFIRMED_KEY, now)
}
