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
  /** And at least this many TKK (skills held kompeten), whichever groups they are in. */
  minTkk: z.number().int().min(1).optional(),
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

/**
 * Groups all of whose items are held kompeten: a *kelompok lengkap*. (Each skill held kompeten
 * is one TKK, Tanda Kecakapan Kader, in Kemenkes usage; a whole group is not a TKK.)
 */
export function completeGroups(c: Catalogue, competent: ReadonlySet<string>): string[] {
  return c.groups.filter((g) => g.items.every((i) => competent.has(i.code))).map((g) => g.code)
}

/** Whether one level's rule holds for a set of complete groups and a number of TKK held. */
export function levelHolds(level: CatalogueLevel, groups: ReadonlySet<string>, tkk = 0): boolean {
  if (level.minTkk !== undefined && tkk < level.minTkk) return false
  if (!level.requiresAllOf.every((g) => groups.has(g))) return false
  if (!level.plusAnyOf) return true
  const extra = level.plusAnyOf.groups.filter((g) => groups.has(g) && !level.requiresAllOf.includes(g)).length
  return extra >= level.plusAnyOf.min
}

/** TKK held: skills of this catalogue held kompeten (one TKK per skill). */
export function tkkCount(c: Catalogue, competent: ReadonlySet<string>): number {
  return competencyCodes(c).filter((x) => competent.has(x)).length
}

/**
 * The level a kader holds: the highest one (in LEVEL_CODES order: purwa < madya < utama) whose
 * rule holds. Rules only ask for groups to be complete and for a number of TKK, so holding more
 * never lowers it.
 */
export function levelOf(c: Catalogue, competent: ReadonlySet<string>): LevelCode | null {
  const groups = new Set(completeGroups(c, competent))
  const tkk = tkkCount(c, competent)
  let best: LevelCode | null = null
  for (const l of c.levels) {
    if (levelHolds(l, groups, tkk) && (best === null || LEVEL_CODES.indexOf(l.code) > LEVEL_CODES.indexOf(best))) best = l.code
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
  // A minimum number of TKK beyond what the groups give: the first skills not yet held, catalogue order.
  if (next.minTkk !== undefined) {
    let short = next.minTkk - tkkCount(c, competent) - all.size
    for (const x of competencyCodes(c)) {
      if (short <= 0) break
      if (!competent.has(x) && !all.has(x)) {
        all.add(x)
        short--
      }
    }
  }
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

/** One level's rule as the Dinas edits it (the name stays the catalogue's). */
export interface LevelRule {
  code: LevelCode
  requiresAllOf: string[]
  plusAnyOf?: { groups: string[]; min: number } | null
  minTkk?: number | null
}

/** The fewest TKK a rule can be met with: its required groups, its smallest extra groups, its minimum. */
function leastTkk(c: Catalogue, l: LevelRule): number {
  const size = (g: string) => c.groups.find((x) => x.code === g)?.items.length ?? 0
  const required = l.requiresAllOf.reduce((n, g) => n + size(g), 0)
  const extra = (l.plusAnyOf?.groups ?? [])
    .filter((g) => !l.requiresAllOf.includes(g))
    .map(size)
    .sort((a, b) => a - b)
    .slice(0, l.plusAnyOf?.min ?? 0)
    .reduce((n, s) => n + s, 0)
  return Math.max(l.minTkk ?? 0, required + extra)
}

/** Whether every kader meeting `higher` necessarily meets `lower` too. */
function implies(c: Catalogue, higher: LevelRule, lower: LevelRule): boolean {
  if (!lower.requiresAllOf.every((g) => higher.requiresAllOf.includes(g))) return false
  if (lower.plusAnyOf) {
    const wanted = lower.plusAnyOf.groups.filter((g) => !lower.requiresAllOf.includes(g))
    const fromRequired = higher.requiresAllOf.filter((g) => wanted.includes(g)).length
    const higherExtra = higher.plusAnyOf?.groups.filter((g) => !higher.requiresAllOf.includes(g)) ?? []
    const outside = higherExtra.filter((g) => !wanted.includes(g)).length
    const fromExtra = Math.max(0, (higher.plusAnyOf?.min ?? 0) - outside)
    if (fromRequired + fromExtra < lower.plusAnyOf.min) return false
  }
  return (lower.minTkk ?? 0) <= leastTkk(c, higher)
}

/**
 * What is wrong with a level rule the Dinas typed, in words for the Dinas (empty when nothing):
 * unknown groups, an empty rule, more asked than named, and a higher level easier than a lower
 * one (every kader at Madya must also meet Purwa's rule, or the levels would not be a ladder).
 */
export function levelRuleProblems(c: Catalogue, levels: readonly LevelRule[]): string[] {
  const problems: string[] = []
  const name = (code: LevelCode) => c.levels.find((l) => l.code === code)?.name ?? `Kader ${code.charAt(0).toUpperCase()}${code.slice(1)}`
  const known = new Set(c.groups.map((g) => g.code))
  const total = competencyCodes(c).length
  const seen = new Set<LevelCode>()
  for (const l of levels) {
    if (seen.has(l.code)) problems.push(`${name(l.code)} tercantum dua kali.`)
    seen.add(l.code)
    for (const g of [...l.requiresAllOf, ...(l.plusAnyOf?.groups ?? [])]) {
      if (!known.has(g)) problems.push(`Aturan ${name(l.code)} menyebut kelompok ${g} yang tidak ada dalam katalog.`)
    }
    const extra = l.plusAnyOf?.groups.filter((g) => !l.requiresAllOf.includes(g)) ?? []
    if (l.plusAnyOf && l.plusAnyOf.min > extra.length) {
      problems.push(`Aturan ${name(l.code)} meminta ${l.plusAnyOf.min} kelompok tambahan, padahal hanya ${extra.length} kelompok lain yang dipilih.`)
    }
    if (l.requiresAllOf.length === 0 && !l.plusAnyOf && !l.minTkk) {
      problems.push(`Aturan ${name(l.code)} kosong: pilih paling sedikit satu kelompok wajib, kelompok tambahan atau jumlah TKK.`)
    }
    if (l.minTkk && l.minTkk > total) {
      problems.push(`Aturan ${name(l.code)} meminta ${l.minTkk} TKK, padahal katalog hanya punya ${total} keterampilan.`)
    }
  }
  if (problems.length > 0) return problems
  const ordered = [...levels].sort((a, b) => LEVEL_CODES.indexOf(a.code) - LEVEL_CODES.indexOf(b.code))
  for (let i = 1; i < ordered.length; i++) {
    const lower = ordered[i - 1]!
    const higher = ordered[i]!
    if (!implies(c, higher, lower)) {
      problems.push(
        `${name(higher.code)} tidak boleh lebih mudah daripada ${name(lower.code)}: setiap kader yang memenuhi aturan ${name(higher.code)} harus juga memenuhi aturan ${name(lower.code)}. Tambahkan kelompok atau TKK pada ${name(higher.code)}.`,
      )
    }
  }
  return problems
}
