// The cryptographic building blocks of trusted paket (issue 6), all from Node's own crypto:
// Ed25519 signatures (RFC 8032), X25519 key agreement (RFC 7748), HKDF-SHA256 (RFC 5869) and
// AES-256-GCM (NIST SP 800-38D). Keys travel as raw 32-byte values in base64url, as in JWK.
// docs/paket-format.md describes how they combine; tests/unit/crypto-kat.test.ts checks them
// against the RFC test vectors.

import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto'

export interface RawKeyPair {
  /** base64url of the 32-byte public key. */
  publicKey: string
  /** base64url of the 32-byte private key (seed). Never leaves this PC. */
  privateKey: string
}

const b64 = (b: Buffer) => b.toString('base64url')
const unb64 = (s: string) => Buffer.from(s, 'base64url')

function generate(kind: 'ed25519' | 'x25519'): RawKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync(kind as 'ed25519')
  const jwk = privateKey.export({ format: 'jwk' })
  return { publicKey: publicKey.export({ format: 'jwk' }).x!, privateKey: jwk.d! }
}

export const generateSigningKeys = (): RawKeyPair => generate('ed25519')
export const generateEncryptionKeys = (): RawKeyPair => generate('x25519')

const crvOf = (kind: 'ed25519' | 'x25519') => (kind === 'ed25519' ? 'Ed25519' : 'X25519')

export function privateKeyObject(kind: 'ed25519' | 'x25519', privateKey: string, publicKey: string): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: crvOf(kind), d: privateKey, x: publicKey }, format: 'jwk' })
}

export function publicKeyObject(kind: 'ed25519' | 'x25519', publicKey: string): KeyObject {
  if (unb64(publicKey).length !== 32) throw new Error('public key is not 32 bytes')
  return createPublicKey({ key: { kty: 'OKP', crv: crvOf(kind), x: publicKey }, format: 'jwk' })
}

/** Ed25519 signature (64 bytes, base64url) of `data`. */
export function signEd25519(keys: RawKeyPair, data: Buffer): string {
  return b64(sign(null, data, privateKeyObject('ed25519', keys.privateKey, keys.publicKey)))
}

export function verifyEd25519(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const sig = unb64(signature)
    if (sig.length !== 64) return false
    return verify(null, data, publicKeyObject('ed25519', publicKey), sig)
  } catch {
    return false
  }
}

/** X25519 shared secret (32 bytes) of our private key and their public key. */
export function x25519(ours: RawKeyPair, theirPublicKey: string): Buffer {
  return diffieHellman({ privateKey: privateKeyObject('x25519', ours.privateKey, ours.publicKey), publicKey: publicKeyObject('x25519', theirPublicKey) })
}

export function hkdfSha256(ikm: Buffer, salt: Buffer, info: string | Buffer, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, typeof info === 'string' ? Buffer.from(info, 'utf8') : info, length))
}

/** AES-256-GCM: nonce (12) ‖ ciphertext ‖ tag (16). */
export function aesGcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer, nonce: Buffer = randomBytes(12)): Buffer {
  const c = createCipheriv('aes-256-gcm', key, nonce)
  c.setAAD(aad)
  return Buffer.concat([nonce, c.update(plaintext), c.final(), c.getAuthTag()])
}

/** Opens what aesGcmSeal made; throws when the key, the data or the AAD is not the one sealed. */
export function aesGcmOpen(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('sealed data too short')
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
  d.setAAD(aad)
  d.setAuthTag(sealed.subarray(sealed.length - 16))
  return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()])
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * What people read to each other over the phone to confirm a key card: the SHA-256 of the
 * office id and both public keys, first 100 bits, in Crockford base32 (no I, L, O, U), in five
 * groups of four: "7KQ2-M9XD-...". Any change to the keys or the id changes it.
 */
export function fingerprint(siteId: string, signingKey: string, encryptionKey: string): string {
  const h = createHash('sha256').update(`simpul-kunci\n${siteId}\n${signingKey}\n${encryptionKey}`).digest()
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of h) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < 20) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
    if (out.length >= 20) break
  }
  return out.match(/.{4}/g)!.join('-')
}

/** The HKDF `info` of a key wrap: binds the wrapped key to this scheme, paket and recipient. */
const wrapInfo = (bundleId: string, siteId: string) => `simpul-paket/2 kunci-isi\n${bundleId}\n${siteId}`

export interface WrappedKey {
  /** base64url of the sender's one-time X25519 public key for this recipient. */
  ephemeralKey: string
  /** base64url of nonce (12) ‖ AES-256-GCM(content key) (32) ‖ tag (16). */
  wrappedKey: string
}

/**
 * Wraps a paket's content key for one recipient: a one-time X25519 key pair, the shared secret
 * with the recipient's public key, HKDF-SHA256 (salt: both public keys) into a key-encryption
 * key, AES-256-GCM over the content key with the paket id and recipient id as AAD.
 */
export function wrapContentKey(contentKey: Buffer, recipientPublicKey: string, bundleId: string, siteId: string): WrappedKey {
  const eph = generateEncryptionKeys()
  const shared = x25519(eph, recipientPublicKey)
  const salt = Buffer.concat([unb64(eph.publicKey), unb64(recipientPublicKey)])
  const kek = hkdfSha256(shared, salt, wrapInfo(bundleId, siteId))
  return { ephemeralKey: eph.publicKey, wrappedKey: b64(aesGcmSeal(kek, contentKey, Buffer.from(`${bundleId}\n${siteId}`, 'utf8'))) }
}

/** The content key wrapped for `ours`; throws when it was wrapped for another key or altered. */
export function unwrapContentKey(ours: RawKeyPair, wrapped: WrappedKey, bundleId: string, siteId: string): Buffer {
  const shared = x25519(ours, wrapped.ephemeralKey)
  const salt = Buffer.concat([unb64(wrapped.ephemeralKey), unb64(ours.publicKey)])
  const kek = hkdfSha256(shared, salt, wrapInfo(bundleId, siteId))
  const key = aesGcmOpen(kek, unb64(wrapped.wrappedKey), Buffer.from(`${bundleId}\n${siteId}`, 'utf8'))
  if (key.length !== 32) throw new Error('content key is not 32 bytes')
  return key
}

export const newContentKey = (): Buffer => randomBytes(32)

// DER headers of a PKCS#8 private key holding a raw 32-byte seed (RFC 8410): Ed25519, X25519.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex')
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex')

function fromSeed(kind: 'ed25519' | 'x25519', seed: Buffer): RawKeyPair {
  if (seed.length !== 32) throw new Error('key seed is not 32 bytes')
  const privateKey = createPrivateKey({ key: Buffer.concat([kind === 'ed25519' ? PKCS8_ED25519 : PKCS8_X25519, seed]), format: 'der', type: 'pkcs8' })
  const jwk = privateKey.export({ format: 'jwk' })
  return { publicKey: jwk.x!, privateKey: jwk.d! }
}

/**
 * The key pairs whose private halves are the given 32 bytes. Anyone who knows the seed has the
 * private key: only for keys that are public on purpose (the demo's stand-in offices).
 */
export const signingKeysFromSeed = (seed: Buffer): RawKeyPair => fromSeed('ed25519', seed)
export const encryptionKeysFromSeed = (seed: Buffer): RawKeyPair => fromSeed('x25519', seed)
