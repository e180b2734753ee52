// Office keys: this office's key card, the offices it trusts, rotation and revocation.

import { z } from 'zod'
import type { SiteLevel } from '../domain/reference'
import { empty, out, reqText } from './common'

// ---------------------------------------------------------------- outputs

/** An office's key card as people see it: who, and the fingerprint to read out over the phone. */
/**
 * A card that differs from the one trusted here for the same office: the trusted card (as a
 * person confirmed it) beside the area the new card claims, so the person checking it by phone
 * sees what changed: the key, the area, or both.
 */
export interface CardChange {
  knownArea: string
  knownFingerprint: string
  cardArea: string
}

export interface KeyCard {
  siteId: string
  level: SiteLevel
  areaCode: string
  areaName: string
  name: string
  /** e.g. "7KQ2-M9XD-4TPA-ZR0C-WE1H": compare it with the office before trusting. */
  fingerprint: string
  createdAt: string
}

export interface TrustedOffice extends KeyCard {
  /** How this office learned the key: a setup paket from the kota, a card file, or a paket a person accepted. */
  source: 'pembinaan' | 'kartu' | 'paket'
  trustedAt: string
  /** Set when the kota revoked this key: paket signed with it are refused. */
  revokedAt: string | null
}

// ---------------------------------------------------------------- channels

export const kunciChannels = {
  /** This office's key card and the offices whose keys it trusts. */
  'kunci:state': { input: empty, output: out<{ self: KeyCard; trusted: TrustedOffice[] }>() },
  /** Writes this office's key card (*.simpul-kunci) into a folder, to hand to another office. */
  'kunci:saveCard': { input: z.object({ folder: reqText(1000, 'Folder') }), output: out<{ path: string; fileName: string; fingerprint: string }>() },
  /** Reads a key card file: who it names, and whether this office knows that office already. */
  'kunci:readCard': {
    input: z.object({ path: reqText(1000, 'Berkas') }),
    output: out<{ card: KeyCard; status: 'new' | 'trusted' | 'changed' | 'self'; change?: CardChange }>(),
  },
  /** Replaces this office's keys; offices that trusted the old key take the new one from the next paket. */
  'kunci:rotate': { input: empty, output: out<KeyCard>() },
  /** Kota only: revokes a trusted office's key (a lost laptop); the statement travels with every paket. */
  'kunci:revoke': { input: z.object({ siteId: z.string().min(1).max(64), reason: reqText(500, 'Alasan') }), output: out<TrustedOffice>() },
  /** Trusts the office of a key card; `fingerprint` is what the person confirmed (must match the card). */
  'kunci:trustCard': { input: z.object({ path: reqText(1000, 'Berkas'), fingerprint: z.string().trim().min(1).max(40) }), output: out<TrustedOffice>() },
} as const
