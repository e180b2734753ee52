// Posyandu names as rosters write them ("POSYANDU MELATI 1", "Melati 01", "Psy. Melati I",
// "Pos. Melati IV") against the register: one normal form for exact matches, a near match to
// offer for confirmation when a name is one or two letters off, and a similarity for the list
// of suggestions.

// Roman numerals made of I, V, X and L (1…89): Posyandu are numbered well below that, and C, D
// and M are left alone because "Anggrek C" or "Blok D" are letters, not 100 or 500.
const ROMAN = /^(xl|l?x{0,3})(ix|iv|v?i{0,3})$/
const ROMAN_VALUE: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 }

/** "iv" → "4"; anything that is not a Roman numeral as written above is returned as it is. */
function romanToArabic(token: string): string {
  if (!token || !ROMAN.test(token)) return token
  let total = 0
  for (let i = 0; i < token.length; i++) {
    const v = ROMAN_VALUE[token[i]!]!
    const next = ROMAN_VALUE[token[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return String(total)
}

// The words offices put before the name: "Posyandu", "Pos.", "Psy.", "Posy.", "Pos Yandu",
// possibly twice ("Posyandu Pos Melati").
const PREFIX = /^(?:(?:posyandu|pos yandu|psy|posy|pos)\s+)+/

/**
 * "Posyandu Melati 04" → "melati 4": case, spacing, punctuation, accents, the "Posyandu" prefix,
 * leading zeros and Roman numerals ("Melati IV") do not count. Idempotent: a normal form
 * normalises to itself.
 */
export function normalisePosyanduName(name: string): string {
  const spaced = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    // "Melati4" and "Melati 4" are one name: letters and digits are separate words.
    .replace(/([a-z])(?=\d)|(\d)(?=[a-z])/g, '$1$2 ')
    .trim()
    .replace(PREFIX, '')
  return spaced
    .split(' ')
    .map((w) => (/^\d+$/.test(w) ? w.replace(/^0+(?=\d)/, '') : romanToArabic(w)))
    .join(' ')
}

/** Levenshtein distance with one row of memory (names are short). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}

/** 0…1 on normal forms: edit distance relative to the longer name; a name contained in the other counts as fairly close. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0
  const score = 1 - levenshtein(a, b) / Math.max(a.length, b.length)
  const contained = a.length >= 3 && b.length >= 3 && (a.includes(b) || b.includes(a)) ? 0.6 : 0
  return Math.max(score, contained)
}

/** The closest candidates, best first, at least `min` similar. */
export function closest<T>(norm: string, candidates: readonly { norm: string; item: T }[], limit = 3, min = 0.5): T[] {
  return candidates
    .map((c) => ({ item: c.item, score: nameSimilarity(norm, c.norm) }))
    .filter((c) => c.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map((c) => c.item)
}

const numbersOf = (norm: string) => norm.split(' ').filter((w) => /^\d+$/.test(w)).join(' ')
const lettersOf = (norm: string) => norm.replace(/\d+/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * Whether two different normal forms are one name misspelt: the same numbers ("Melati 1" and
 * "Melati 2" are two Posyandu, however close) and the words one or two letters apart, at most
 * one in a short name ("Melat 4" ~ "Melati 4", "Mawar Merh" ~ "Mawar Merah"; "Asri" is not
 * "Arum").
 */
export function isNearName(a: string, b: string): boolean {
  if (!a || !b || a === b || numbersOf(a) !== numbersOf(b)) return false
  const la = lettersOf(a)
  const lb = lettersOf(b)
  if (!la || !lb) return false
  const distance = levenshtein(la, lb)
  const shorter = Math.min(la.length, lb.length)
  return distance <= (shorter >= 6 ? 2 : shorter >= 3 ? 1 : 0)
}

/**
 * The one candidate a misspelt name most likely means, to be offered ("Maksud Anda …?"), never
 * taken silently. None when nothing is near, or when two are equally near (the person chooses
 * from the list).
 */
export function nearMatch<T>(norm: string, candidates: readonly { norm: string; item: T }[]): T | null {
  let best: { item: T; distance: number } | null = null
  let tie = false
  for (const c of candidates) {
    if (!isNearName(norm, c.norm)) continue
    const distance = levenshtein(norm, c.norm)
    if (!best || distance < best.distance) {
      best = { item: c.item, distance }
      tie = false
    } else if (distance === best.distance) tie = true
  }
  return best && !tie ? best.item : null
}
