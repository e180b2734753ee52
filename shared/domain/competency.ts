// The 25 basic kader skills (keterampilan dasar) and the level rule, as versioned reference
// data. The wording and the thresholds are uncertain (domain.md §3), so nothing here knows
// them: a catalogue arrives as data (the default ships in resources/competencies.json; the
// kota may issue a corrected one) and is checked by `catalogueSchema`. Everything is keyed on
// the stable codes (A1…E4), never on the text.

import { z } from 'zod'

export const LEVEL_CODES = ['purwa', 'madya', 'utama'] as const
export type LevelCode = (typeof LEVEL_CODES)[number]

export const ASSESSMENT_RESULTS = ['kompeten', 'belum_kompeten'] as const
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number]

export const ASSESSMENT_METHODS = ['observasi_praktik', 'supervisi_posyandu', 'uji_pelatihan'] as const
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number]

export const TRAINING_KINDS = ['pelatihan', 'refreshing', 'bimtek', 'orientasi', 'praktik_lapangan'] as const
export type TrainingKind = (typeof TRAINING_KINDS)[number]

const code = z.string().regex(/^[A-Z][0-9]{1,2}$/, { message: 'Kode keterampilan harus seperti A1 atau C12.' })
const groupCode = z.string().regex(/^[A-Z]$/, { message: 'Kode kelompok harus satu huruf besar, mis. A.' })

const levelSchema = z.object({
  code: z.enum(LEVEL_CODES, { message: 'Kode tingkat harus purwa, madya atau utama.' }),
  name: z.string().min(1),
  /** Every one of these groups complete. */
  requiresAllOf: z.array(groupCode).default([]),
  /** And at least `min` of these groups complete. */
  plusAnyOf: z.object({ groups: z.array(groupCode).min(1), min: z.number().int().min(1) }).optional(),
})

export const catalogueSchema = z
  .object({
    catalogue: z.string().min(1),
    version: z.string().trim().min(1, { message: 'Katalog harus punya versi.' }).max(40),
    title: z.string().min(1),
    source: z.string().default(''),
    groups: z
      .array(
        z.object({
          code: groupCode,
          name: z.string().min(1),
          items: z
            .array(z.object({ code, text: z.string().min(1), verified: z.boolean().default(false) }))
            .min(1, { message: 'Setiap kelompok harus punya paling sedikit satu keterampilan.' }),
        }),
      )
      .min(1),
    levels: z.array(levelSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const groups = new Set<string>()
    const items = new Set<string>()
    for (const g of c.groups) {
      if (groups.has(g.code)) ctx.addIssue({ code: 'custom', message: `Kelompok ${g.code} tercantum dua kali.` })
      groups.add(g.code)
      for (const it of g.items) {
        if (items.has(it.code)) ctx.addIssue({ code: 'custom', message: `Keterampilan ${it.code} tercantum dua kali.` })
        if (!it.code.startsWith(g.code)) {
          ctx.addIssue({ code: 'custom', message: `Keterampilan ${it.code} tidak cocok dengan kelompok ${g.code}.` })
        }
        items.add(it.code)
      }
    }
    const levels = new Set<string>()
    for (const l of c.levels) {
      if (levels.has(l.code)) ctx.addIssue({ code: 'custom', message: `Tingkat ${l.code} tercantum dua kali.` })
      levels.add(l.code)
      for (const g of [...l.requiresAllOf, ...(l.plusAnyOf?.groups ?? [])]) {
        if (!groups.has(g)) ctx.addIssue({ code: 'custom', message: `Aturan ${l.name} menyebut kelompok ${g} yang tidak ada.` })
      }
      if (l.plusAnyOf && l.plusAnyOf.min > l.plusAnyOf.groups.length) {
        ctx.addIssue({ code: 'custom', message: `Aturan ${l.name} meminta lebih banyak kelompok daripada yang disebut.` })
      }
    }
  })

export type Catalogue = z.output<typeof catalogueSchema>
export type CatalogueGroup = Catalogue['groups'][number]
export type CatalogueLevel = Catalogue['levels'][number]

/** Every competency code of the catalogue, in catalogue order (A1, A2, …, E4). */
export function competencyCodes(c: Catalogue): string[] {
  return c.groups.flatMap((g) => g.items.map((i) => i.code))
}

/** The group code of a competency code ("C3" → "C"). */
export function groupOf(code: string): string {
  return code.charAt(0)
}

/** Groups all of whose items are held kompeten: each one earns a TKK (groupBadge). */
export function completeGroups(c: Catalogue, competent: ReadonlySet<string>): string[] {
  return c.groups.filter((g) => g.items.every((i) => competent.has(i.code))).map((g) => g.code)
}

/** Whether one level's rule holds for a set of complete groups. */
export function levelHolds(level: CatalogueLevel, groups: ReadonlySet<string>): boolean {
  if (!level.requiresAllOf.every((g) => groups.has(g))) return false
  if (!level.plusAnyOf) return true
  const extra = level.plusAnyOf.groups.filter((g) => groups.has(g) && !level.requiresAllOf.includes(g)).length
  return extra >= level.plusAnyOf.min
}

/**
 * The level a kader holds: the highest one (in LEVEL_CODES order: purwa < madya < utama) whose
 * rule holds. Rules only ask for groups to be complete, so holding more never lowers it.
 */
export function levelOf(c: Catalogue, competent: ReadonlySet<string>): LevelCode | null {
  const groups = new Set(completeGroups(c, competent))
  let best: LevelCode | null = null
  for (const l of c.levels) {
    if (levelHolds(l, groups) && (best === null || LEVEL_CODES.indexOf(l.code) > LEVEL_CODES.indexOf(best))) best = l.code
  }
  return best
}

export interface NextLevelNeed {
  level: LevelCode
  /** The fewest competency codes still missing to reach it, in catalogue order. */
  missing: string[]
}

/**
 * What is missing for the next level above the current one: of the ways to satisfy its rule
 * (for a plusAnyOf, which extra groups to complete), the one needing the fewest items.
 * Null when the kader already holds the highest level.
 */
export function nextLevelNeed(c: Catalogue, competent: ReadonlySet<string>): NextLevelNeed | null {
  const current = levelOf(c, competent)
  const rank = current === null ? -1 : LEVEL_CODES.indexOf(current)
  const above = c.levels
    .filter((l) => LEVEL_CODES.indexOf(l.code) > rank)
    .sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))
  const next = above[0]
  if (!next) return null
  const missingOf = (g: string) =>
    c.groups.find((x) => x.code === g)?.items.filter((i) => !competent.has(i.code)).map((i) => i.code) ?? []
  const required = next.requiresAllOf.flatMap(missingOf)
  let extra: string[] = []
  if (next.plusAnyOf) {
    const options = next.plusAnyOf.groups
      .filter((g) => !next.requiresAllOf.includes(g))
      .map((g) => missingOf(g))
      .sort((a, b) => a.length - b.length)
    extra = options.slice(0, next.plusAnyOf.min).flat()
  }
  const all = new Set([...required, ...extra])
  return { level: next.code, missing: competencyCodes(c).filter((x) => all.has(x)) }
}

/** "C1–C5" for a run of consecutive codes of one group, else "B2, B5, B7". */
export function codeRangeLabel(c: Catalogue, codes: readonly string[]): string {
  const order = competencyCodes(c)
  const sorted = [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const parts: string[] = []
  let i = 0
  while (i < sorted.length) {
    let j = i
    while (
      j + 1 < sorted.length &&
      groupOf(sorted[j + 1]!) === groupOf(sorted[i]!) &&
      order.indexOf(sorted[j + 1]!) === order.indexOf(sorted[j]!) + 1
    ) {
      j++
    }
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '))
    i = j + 1
  }
  return parts.join(', ')
}
