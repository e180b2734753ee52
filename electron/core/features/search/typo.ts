// Searching as people type: every word of the query must be found, at the start of a word of the
// text ("kade" finds "kader", "sukar" finds "Kelurahan Sukarasa"), and a word of TYPO_MIN letters
// or more typed with one slip (a letter missing, extra, wrong or two letters swapped: "kadr",
// "kaader", "kadet", "kdaer") still finds "kader" — but only as a "similar" result, after the
// exact ones.
//
// A slip is read at the start of a written word: the query word, with its one edit, must be a
// prefix of the written word at least as long as the query and ending in the query's own last
// letter ("kadr" → "kader…", "kaderisasi"), or else the whole written word ("kadet", "kaader" →
// "kader"). Without that rule the last letter typed would be a free wildcard ("kadr" would find
// every word starting "kad"), and a letter dropped would leave a three-letter prefix ("kar…").
//
// The variants are spelled out (one pattern each) so the work stays in the database, on its
// indexes or its one pass over the rows the list already makes: no row is read into JavaScript to
// be compared. Lists use LIKE with "_" for "any letter"; the FTS index (search.service.ts) has no
// such wildcard, so there the letter is spelled out over the alphabet.

import { fold, tokens } from './stem'

/** Words this short are not read with a slip: "ani" would find half the roster. */
export const TYPO_MIN = 4

/** The folded words of a query (letters and digits only, each once, in order). */
export function queryWords(query: string): string[] {
  return [...new Set(tokens(query).map((t) => fold(t.text)))]
}

/** Whether a query word is long enough, and plain enough (no digits), to be read with a slip. */
export const typoReadable = (word: string) => word.length >= TYPO_MIN && !/\d/.test(word)

export interface TypoVariants {
  /** Each a prefix of a written word: its last letter is the query's last letter. `_` = any one letter. */
  prefixes: string[]
  /** Each the whole written word. `_` = any one letter. */
  wholes: string[]
}

/** The one-slip spellings of a query word, as LIKE-style patterns (`_` any one letter). */
export function typoVariants(word: string): TypoVariants {
  const n = word.length
  const prefixes = new Set<string>()
  const wholes = new Set<string>()
  const put = (v: string, keepsLast: boolean) => {
    if (v === word) return
    ;(keepsLast ? prefixes : wholes).add(v)
  }
  for (let i = 0; i < n; i++) {
    // A wrong letter, and a letter too many in the query (a whole word only: as a prefix,
    // "kadr" less its "d" would find every word starting "kar").
    put(`${word.slice(0, i)}_${word.slice(i + 1)}`, i < n - 1)
    put(word.slice(0, i) + word.slice(i + 1), false)
    // A letter missing from the query, before its i-th letter (after the last one the query is itself a prefix).
    put(`${word.slice(0, i)}_${word.slice(i)}`, true)
  }
  for (let i = 0; i + 1 < n; i++) {
    if (word[i] === word[i + 1]) continue
    put(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), i + 1 < n - 1)
  }
  return { prefixes: [...prefixes], wholes: [...wholes] }
}

/** At most one insertion, deletion, substitution or swap of neighbours between a and b (optimal string alignment). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a]
  return long.slice(i + 1) === short.slice(i)
}

/** Whether a written word answers a query word typed with one slip (the rule at the head of this file). */
export function typoMatches(query: string, written: string): boolean {
  const w = fold(written)
  if (!typoReadable(query)) return false
  if (withinOneEdit(query, w)) return true
  const last = query[query.length - 1]
  for (let len = query.length; len <= query.length + 1; len++) {
    if (len >= w.length) break
    const p = w.slice(0, len)
    if (p[len - 1] === last && withinOneEdit(query, p)) return true
  }
  return false
}

/** A LIKE pattern's "_" spelled out over the letters a person types: for indexes without a one-letter wildcard. */
export function spellOut(pattern: string): string[] {
  const at = pattern.indexOf('_')
  if (at < 0) return [pattern]
  const out: string[] = []
  for (const c of 'abcdefghijklmnopqrstuvwxyz') out.push(pattern.slice(0, at) + c + pattern.slice(at + 1))
  return out
}

/**
 * Whether a text answers every query word, each either inside one of its words (as the lists'
 * exact search) or at a word start with one slip. For a list that reads its candidates' text
 * once (the roster: 20,000 names) instead of asking the database ~40 patterns per row.
 */
export function makeTypoFilter(words: readonly string[]): (text: string) => boolean {
  // One cache per query word: a roster repeats its given names and surnames thousands of times.
  const caches = words.map(() => new Map<string, boolean>())
  const wordHit = (k: number, w: string) => {
    const cache = caches[k]!
    let hit = cache.get(w)
    if (hit === undefined) {
      const q = words[k]!
      hit = w.includes(q) || typoMatches(q, w)
      cache.set(w, hit)
    }
    return hit
  }
  return (text) => {
    const lower = text.toLowerCase()
    // Spaces and the punctuation names carry ("Hj.", "Siti-Aminah", "Nur'aini"): cheaper than a Unicode word split.
    const written = lower.split(/[\s.,;:'"()/-]+/)
    return words.every((q, k) => lower.includes(q) || written.some((w) => w !== '' && wordHit(k, w)))
  }
}
