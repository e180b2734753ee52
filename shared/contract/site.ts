// This installation's office (first-run setup, its kelurahan/desa, identity renewal).

import { z } from 'zod'
import { SITE_LEVELS, type SiteLevel } from '../domain/reference'
import type { ZonaWaktuKode } from '../domain/zona-waktu'
import type { Area } from './area'
import { areaCode, empty, out, reqText, villageCode } from './common'

// ---------------------------------------------------------------- outputs

export interface Site {
  id: string
  level: SiteLevel
  areaCode: string
  areaName: string
  areaPath: string
  name: string
  /** For a Puskesmas: the kelurahan/desa it covers. Empty for other levels. */
  coveredVillages: Area[]
  createdAt: string
  /** The office's time zone, from its province (the one source for "today" and printed times). */
  timeZone: ZonaWaktuKode
  /** The province the zone comes from ("Bali"). */
  provinceName: string
  /**
   * Set when this installation took a new identity (new site id and keys) because its database
   * was copied from another PC or restored from a backup, until a person has read the notice.
   */
  identityRenewal: { at: string; reason: 'salinan' | 'cadangan' } | null
  /**
   * Whether the office may still change its area (site:changeArea): yes until its first paket
   * leaves. After that other offices know it by this area, and only a new identity can fix it.
   */
  areaChangeable: boolean
}

/** Where the old identity's data went when the office started over. */
export interface NewIdentity {
  /** The verified backup made first (also listed in Pengaturan → Cadangan of the new office). */
  backup: string
  /** The old database file, moved aside next to the new one. */
  keptAside: string
}

// ---------------------------------------------------------------- inputs

export const siteNewIdentityInput = z.object({
  officeName: z.string().max(200),
})

export const siteSetupInput = z.object({
  level: z.enum(SITE_LEVELS, { message: 'Pilih jenis kantor.' }),
  areaCode,
  name: reqText(120, 'Nama kantor'),
  coveredVillageCodes: z.array(villageCode).default([]),
})

/** A new area for an office that has sent nothing yet (its level stays). */
export const siteChangeAreaInput = z.object({
  areaCode,
  name: reqText(120, 'Nama kantor'),
  coveredVillageCodes: z.array(villageCode).default([]),
})

// ---------------------------------------------------------------- channels

export const siteChannels = {
  'site:get': { input: empty, output: out<Site | null>() },
  'site:setup': { input: siteSetupInput, output: out<Site>() },
  /** The wrong village chosen at first run, corrected before the first paket leaves. */
  'site:changeArea': { input: siteChangeAreaInput, output: out<Site>() },
  /** The kelurahan/desa this office works in (its own, its covered ones, or all under its area). */
  'site:villages': { input: empty, output: out<Area[]>() },
  /** The person has read the notice about the new identity (Site.identityRenewal). */
  'site:acknowledgeRenewal': { input: empty, output: out<Site>() },
  /**
   * The area is wrong and the first paket has left: the office starts over as a new office. A
   * verified backup is made, the file is moved aside (never deleted), and the app opens on the
   * first-run screen. The person types the office name to confirm. Served by the host, which
   * holds the file (host/host-session.ts).
   */
  'site:startNewIdentity': { input: siteNewIdentityInput, output: out<NewIdentity>() },
} as const
