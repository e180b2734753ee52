// The key card ("kartu kunci"): an office's id, level, area, name and public keys, signed with
// its own signing key (proving it holds the private half and binding the encryption key to it).
// Travels as a *.simpul-kunci file and inside bundles; see docs/bundle-format.md.

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

/** Fingerprints as people type them: case, spaces and dashes do not matter. */
export const sameFingerprint = (a: string, b: string) => a.toUpperCase().replace(/[^0-9A-Z]/g, '') === b.toUpperCase().replace(/[^0-9A-Z]/g, '')
