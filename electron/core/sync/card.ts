// The key card ("kartu kunci"): an office's id, level, area, name and public keys, signed with
// its own signing key (proving it holds the private half and binding the encryption key to it).
// Travels as a *.simpul-kunci file and inside paket; see docs/paket-format.md.

import { z } from 'zod'
import { SITE_LEVELS } from '../../../shared/domain/reference'
import { fingerprint, signEd25519, verifyEd25519, type RawKeyPair } from './crypto'

const key = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

export const cardSchema = z.object({
  format: z.literal('simpul-kartu-kunci'),
  version: z.literal(1),
  siteId: z.string().min(1).max(64),
  level: z.enum(SITE_LEVELS),
  areaCode: z.string().max(20),
  areaName: z.string().max(200),
  name: z.string().max(200),
  villages: z.array(z.string().max(20)).max(5000),
  signingKey: key,
  encryptionKey: key,
  createdAt: z.string().datetime(),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
})
export type Card = z.infer<typeof cardSchema>

/** The signed bytes: every field but the signature, in a fixed order. */
export function cardBody(c: Omit<Card, 'signature'>): Buffer {
  const { format, version, siteId, level, areaCode, areaName, name, villages, signingKey, encryptionKey, createdAt } = c
  return Buffer.from(JSON.stringify({ format, version, siteId, level, areaCode, areaName, name, villages, signingKey, encryptionKey, createdAt }), 'utf8')
}

export function makeCard(c: Omit<Card, 'signature' | 'format' | 'version'>, signing: RawKeyPair): Card {
  const body = { format: 'simpul-kartu-kunci' as const, version: 1 as const, ...c }
  return { ...body, signature: signEd25519(signing, cardBody(body)) }
}

/** A card from outside: its shape and its self-signature, or null. */
export function parseCard(raw: unknown): Card | null {
  const parsed = cardSchema.safeParse(raw)
  if (!parsed.success) return null
  return verifyEd25519(parsed.data.signingKey, cardBody(parsed.data), parsed.data.signature) ? parsed.data : null
}

export const cardFingerprint = (c: Pick<Card, 'siteId' | 'signingKey' | 'encryptionKey'>) => fingerprint(c.siteId, c.signingKey, c.encryptionKey)

/**
 * Whether an office id is one of the demo's stand-ins (features/demo/stand-in.ts): their keys are
 * public by construction, so a paket is never encrypted for one, and the Kunci kantor screen
 * does not list them among the offices a person trusted.
 */
export const isStandIn = (siteId: string) => /^demo-(pkm-)?\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/.test(siteId)

/** Fingerprints as people type them: case, spaces and dashes do not matter. */
export const sameFingerprint = (a: string, b: string) => a.toUpperCase().replace(/[^0-9A-Z]/g, '') === b.toUpperCase().replace(/[^0-9A-Z]/g, '')

// ---------------------------------------------------------------- revocation

export const revocationSchema = z.object({
  format: z.literal('simpul-pencabutan-kunci'),
  version: z.literal(1),
  /** The office whose key is revoked, and that key's fingerprint. */
  siteId: z.string().min(1).max(64),
  fingerprint: z.string().max(40),
  revokedAt: z.string().datetime(),
  reason: z.string().max(500),
  /** The kota office that revokes it, and its signature of the other fields. */
  issuerSiteId: z.string().min(1).max(64),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
})
export type Revocation = z.infer<typeof revocationSchema>

export function revocationBody(r: Omit<Revocation, 'signature'>): Buffer {
  const { format, version, siteId, fingerprint: fp, revokedAt, reason, issuerSiteId } = r
  return Buffer.from(JSON.stringify({ format, version, siteId, fingerprint: fp, revokedAt, reason, issuerSiteId }), 'utf8')
}

export function makeRevocation(r: Omit<Revocation, 'signature' | 'format' | 'version'>, signing: RawKeyPair): Revocation {
  const body = { format: 'simpul-pencabutan-kunci' as const, version: 1 as const, ...r }
  return { ...body, signature: signEd25519(signing, revocationBody(body)) }
}

/** A revocation statement from outside, its signature checked against the issuer's signing key. */
export function parseRevocation(raw: unknown, issuerSigningKey: (siteId: string) => string | null): Revocation | null {
  const parsed = revocationSchema.safeParse(raw)
  if (!parsed.success) return null
  const key = issuerSigningKey(parsed.data.issuerSiteId)
  return key && verifyEd25519(key, revocationBody(parsed.data), parsed.data.signature) ? parsed.data : null
}

// ---------------------------------------------------------------- succession (recovery of an office)

/**
 * "This new installation succeeds the old one(s) of this area": signed by an office with
 * authority for the area (the kota for any office of its city, a Puskesmas for the kelurahan of
 * its villages) after a person matched the new card's fingerprint over the phone. It travels
 * with every paket, like revocations; an office that learns it trusts the successor's card (the
 * issuer vouched for it), and the kota revokes the old key. Section 8 of docs/bundle-format.md.
 */
export const successionSchema = z.object({
  format: z.literal('simpul-penerus-kantor'),
  version: z.literal(1),
  id: z.string().uuid(),
  level: z.enum(SITE_LEVELS),
  areaCode: z.string().max(20),
  /** The old installations of that office, with the key fingerprint the issuer knew (null: none). */
  predecessors: z.array(z.object({ siteId: z.string().min(1).max(64), fingerprint: z.string().max(40).nullable() })).min(1).max(50),
  /** The new installation's key card (self-signed), as the issuer matched it. */
  successor: cardSchema,
  issuedAt: z.string().datetime(),
  issuerSiteId: z.string().min(1).max(64),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
})
export type Succession = z.infer<typeof successionSchema>

export function successionBody(s: Omit<Succession, 'signature'>): Buffer {
  const { format, version, id, level, areaCode, predecessors, successor, issuedAt, issuerSiteId } = s
  return Buffer.from(JSON.stringify({ format, version, id, level, areaCode, predecessors, successor, issuedAt, issuerSiteId }), 'utf8')
}

export function makeSuccession(s: Omit<Succession, 'signature' | 'format' | 'version'>, signing: RawKeyPair): Succession {
  const body = { format: 'simpul-penerus-kantor' as const, version: 1 as const, ...s }
  return { ...body, signature: signEd25519(signing, successionBody(body)) }
}

/**
 * A succession statement from outside: its shape, the successor's self-signed card (naming the
 * same level and area, and not one of the old ids), and the issuer's signature.
 */
export function parseSuccession(raw: unknown, issuerSigningKey: (siteId: string) => string | null): Succession | null {
  const parsed = successionSchema.safeParse(raw)
  if (!parsed.success) return null
  const s = parsed.data
  if (!parseCard(s.successor) || s.successor.level !== s.level || s.successor.areaCode !== s.areaCode) return null
  if (s.predecessors.some((p) => p.siteId === s.successor.siteId)) return null
  const key = issuerSigningKey(s.issuerSiteId)
  return key && verifyEd25519(key, successionBody(s), s.signature) ? s : null
}
