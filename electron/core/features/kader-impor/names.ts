// Posyandu names as rosters write them ("POSYANDU MELATI 1", "Melati 01", "Psy. Melati I")
// against the register: one normal form for exact matches, and a similarity for suggestions
// when a name is misspelled.

/** "Posyandu Melati 01" → "melati 1": case, spacing, punctuation, the "Posyandu" prefix and leading zeros do not count. */
export function normalisePosyanduName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(posyandu|pos yandu|psy|posy|pos)\s+/, '')
    .replace(/\b0+(\d)/g, '$1')
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
