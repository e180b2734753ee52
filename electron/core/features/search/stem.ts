// A light Indonesian stemmer for search, used the same way when indexing and when querying.
//
// Indonesian builds words by affixation (sampah → persampahan, sapu → menyapu, tulis →
// penulis), so an office typing "sampah" must find minutes that say "persampahan". A proper
// stemmer (Nazief–Adriani) checks every step against a root dictionary; we have none, so this
// one strips affixes by rule and, where a rule is ambiguous, keeps every plausible root
// ("variants"): mengirim → irim or kirim, memakan → pakan or makan, tumpukan → tumpu or tumpuk.
// The index stores all variants of every word plus the word itself, a query word matches when
// one of its variants is a prefix of one of the document's (search.service.ts), so a wrong
// extra variant costs a little precision and never a miss between two forms that strip alike.
//
// What it does, in order (each step only when what remains keeps MIN_STEM letters):
//  1. fold case and diacritics ("Pénulis" → "penulis");
//  2. particles -lah, -kah, -pun (not where the word merely ends so: masalah, sekolah, langkah, rumpun);
//  3. possessives -nya, -ku, -mu (not in tanya, punya, hanya, buku, laku, bertemu, ilmu…);
//  4. derivational suffixes -kan, -an, -i (-i only after a prefix and never after "s", so
//     imunisasi and sosialisasi stay whole; -an needs a five-letter root on a bare word, so
//     pangan and jalan stay whole);
//  5. a first prefix: meng-/meny-/men-/mem-/me-, peng-/peny-/pen-/pem-/pe-, ber-/be-,
//     ter-, per-, di-, ke-, se-, then possibly a second ber-/be-/per-/pe- (mempersiapkan,
//     diperbaiki, keberhasilan, pemberdayaan), restoring the dropped first letter after a nasal
//     (menyapu → sapu, memukul → pukul, menulis/penulis → tulis, mengirim → kirim) and
//     keeping the nasal-only reading too (memakan → makan, menikah → nikah).
// Besides that full path, the first prefix alone is stripped from the unsuffixed word, which
// a prefix query then covers (persampahan → sampahan, found by "sampah*"). A suffix reading
// that leaves the prefix unstrippable is dropped (memakan is mem+akan, not mema+kan).
//
// What it does not handle: infixes (-el-, -em-, -er-: gelembung, gemetar, gerigi);
// reduplication with affixes (sayur-mayur, bermain-main: each part is stemmed alone);
// confix restrictions (it may strip be-…-i); loanword affixes (-isasi, -is, -wan, -wati,
// -isme, pra-, antar-); clitics ku-/kau- before a verb; roots that begin like a prefix
// (pemuda, terminal, sekali are split as if prefixed — the same way on both sides, so they
// only match a little more than they should; the commonest ones, dinas, kepala, sekolah,
// masalah…, are listed in ROOTS); ambiguous first letters beyond the nasal rules (perawat:
// awat or rawat, both kept); lexicalised stacks (mengetahui and diketahui reach "ketahu",
// not "tahu", so "tahu" does not find them). Words with digits and words of MIN_STEM letters
// or fewer are left as they are.

/** The shortest root a rule may leave behind: shorter words survive whole ("bagi", "gizi", "ikan"). */
export const MIN_STEM = 4

const VOWELS = 'aiueo'
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c)
const hasVowel = (s: string) => /[aiueo]/.test(s)
const ok = (s: string, min = MIN_STEM) => s.length >= min && hasVowel(s)

/** Lower case without diacritics: how both the index and the query see a word. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export interface Token {
  /** The word as written. */
  text: string
  /** Offsets in the original string, for snippets. */
  start: number
  end: number
}

/** Words of a text (letters and digits; hyphens, apostrophes and punctuation separate them, as in FTS5's unicode61). */
export function tokens(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/** Roots no rule may touch: common words that would otherwise lose a "prefix" or a "particle". */
const ROOTS = new Set(['masalah', 'sekolah', 'jumlah', 'sebelah', 'dinas', 'kepala', 'sedang', 'selalu', 'sesuai', 'belum', 'berita', 'perlu'])

// Endings that look like a particle or possessive but belong to the root.
const NOT_PARTICLE = /(?:alah|elah|olah|mlah|ngkah|ikah|ekah|fkah|mpun)$/
const NOT_POSSESSIVE = /(?:tanya|punya|hanya|buku|laku|suku|saku|paku|baku|kuku|kaku|temu|tamu|ilmu|jamu|ramu|jemu)$/

function stripParticle(w: string): string {
  for (const p of ['lah', 'kah', 'pun']) {
    // Five letters left: the particle sits on a full word ("lakukanlah", "walaupun"), rarely on a short root.
    if (w.endsWith(p) && w.length - p.length >= MIN_STEM + 1 && !NOT_PARTICLE.test(w)) return w.slice(0, -p.length)
  }
  return w
}

function stripPossessive(w: string): string {
  for (const p of ['nya', 'ku', 'mu']) {
    if (w.endsWith(p) && ok(w.slice(0, -p.length)) && !NOT_POSSESSIVE.test(w)) return w.slice(0, -p.length)
  }
  return w
}

/**
 * The roots a word may have once its first prefix is taken off, or null when no prefix rule
 * applies. Nasal prefixes drop the root's first letter (k, p, s, t): restored here.
 */
export function stripPrefix(w: string, second = false): string[] | null {
  // Prefixes stack only as first-order + ber-/per-/pe- (memper-, diper-, keber-, pember-):
  // a second di-/ke-/se-/meN- would eat roots (kesehatan → sehat, never hat).
  if (second && !/^(ber|be|per|pe)/.test(w)) return null
  const keep = (xs: string[], min = MIN_STEM) => {
    const good = xs.filter((x) => ok(x, min))
    return good.length > 0 ? good : null
  }
  for (const [nasal, plain] of [
    ['me', 'me'],
    ['pe', 'pe'],
  ] as const) {
    if (!w.startsWith(nasal)) continue
    const n = w.slice(plain.length)
    if (second && /^[nm]/.test(n)) return null
    // menge-/penge- before a one-syllable root: mengecat → cat, pengebom → bom.
    if (n.startsWith('nge') && n.length === 6 && !isVowel(n[3])) return keep([n.slice(3)], 3)
    if (n.startsWith('ng')) {
      const r = n.slice(2)
      if (isVowel(r[0])) return keep([r, `k${r}`])
      if ('ghkq'.includes(r[0] ?? '-')) return keep([r])
      return null
    }
    if (n.startsWith('ny')) {
      const r = n.slice(2)
      return isVowel(r[0]) ? keep([`s${r}`]) : null
    }
    if (n.startsWith('n')) {
      const r = n.slice(1)
      if (isVowel(r[0])) return keep([`t${r}`, `n${r}`])
      if ('cdjstz'.includes(r[0] ?? '-')) return keep([r])
      return null
    }
    if (n.startsWith('m')) {
      const r = n.slice(1)
      if (isVowel(r[0])) return keep([`p${r}`, `m${r}`])
      if ('bfvp'.includes(r[0] ?? '-')) return keep([r])
      return null
    }
    if (nasal === 'pe' && n.startsWith('r')) {
      // per- (persampahan) or pe- on an r-root (perawat ← rawat): keep both readings before a vowel.
      const r = n.slice(1)
      return isVowel(r[0]) ? keep([r, n]) : keep([r])
    }
    if (nasal === 'me') return 'lrwy'.includes(n[0] ?? '-') ? keep([n]) : null
    // pe- before any other consonant: pelatihan, pekerja, petani, pedagang.
    return isVowel(n[0]) ? null : keep([n])
  }
  if (w === 'belajar' || w.startsWith('belajar')) return keep([w.slice(3)])
  if (w.startsWith('ber')) {
    const r = w.slice(3)
    return isVowel(r[0]) ? keep([r, `r${r}`]) : keep([r])
  }
  // be- before a root whose first syllable ends in -er: bekerja, beternak, bepergian.
  if (w.startsWith('be') && !isVowel(w[2]) && w.slice(3, 5) === 'er') return keep([w.slice(2)])
  if (w.startsWith('ter')) {
    const r = w.slice(3)
    return isVowel(r[0]) ? keep([r, `r${r}`]) : keep([r])
  }
  for (const p of ['di', 'ke', 'se']) if (w.startsWith(p)) return keep([w.slice(2)])
  return null
}

/** The word without -kan, -an or -i (alternatives when ambiguous); the word itself when none applies. */
function stripSuffix(w: string): string[] {
  const prefixed = stripPrefix(w) !== null
  if (w.endsWith('kan')) {
    const base = w.slice(0, -3)
    if (!ok(base)) return [w]
    // tumpukan: tumpu+kan or tumpuk+an; after a consonant only -kan is possible (siapkan).
    return isVowel(base[base.length - 1]) ? [base, w.slice(0, -2)] : [base]
  }
  if (w.endsWith('an')) {
    const base = w.slice(0, -2)
    return ok(base, prefixed ? MIN_STEM : MIN_STEM + 1) ? [base] : [w]
  }
  if (w.endsWith('i') && !w.endsWith('si') && prefixed && ok(w.slice(0, -1))) return [w.slice(0, -1)]
  return [w]
}

/** Up to `rounds` prefixes (memper-, diper-, keber-), every branch followed. */
function stripPrefixes(w: string, rounds = 2): string[] {
  let current = [w]
  for (let round = 0; round < rounds; round++) {
    const next: string[] = []
    for (const c of current) next.push(...(ROOTS.has(c) ? [c] : (stripPrefix(c, round > 0) ?? [c])))
    current = next
  }
  return current
}

const MAX_VARIANTS = 8

/**
 * Every root the word may have, most likely first, followed by the word itself (folded).
 * This is what the index stores and what a query word is expanded to.
 */
export function stemVariants(word: string): string[] {
  const w = fold(word)
  if (w.length <= MIN_STEM || /\d/.test(w) || ROOTS.has(w)) return [w]
  const out = new Set<string>()
  const bare = stripPossessive(stripParticle(w))
  if (ROOTS.has(bare)) out.add(bare)
  else {
    const prefixed = stripPrefix(bare) !== null
    for (const s of stripSuffix(bare)) {
      // A "suffix" that leaves no strippable prefix took root letters (memakan is not mema+kan): drop that reading.
      if (prefixed && s !== bare && stripPrefix(s) === null) continue
      for (const r of stripPrefixes(s)) out.add(r)
    }
  }
  // The first prefix alone: a prefix query on the root still finds the suffixed form
  // (persampahan → sampahan), and nasal readings the suffix step dropped survive (memakan → makan).
  for (const r of stripPrefixes(w, 1)) out.add(r)
  out.add(w)
  return [...out].slice(0, MAX_VARIANTS)
}

/** The most likely root (first variant): for tests and for reading, not for matching. */
export function stem(word: string): string {
  return stemVariants(word)[0]!
}

// Minutes repeat a small vocabulary: remembering recent words makes indexing 5,000 meetings
// several times faster. Cleared when full rather than evicted one by one: simpler, and
// a rebuild refills it within a few documents.
const CACHE_LIMIT = 50_000
const cache = new Map<string, string>()

/** The stems column of a text: every word's variants, space separated (term frequency kept per word). */
export function stemText(text: string): string {
  const parts: string[] = []
  for (const t of tokens(text)) {
    const w = fold(t.text)
    let s = cache.get(w)
    if (s === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      s = stemVariants(w).join(' ')
      cache.set(w, s)
    }
    parts.push(s)
  }
  return parts.join(' ')
}
