import { describe, expect, it } from 'vitest'
import { makeTypoFilter, typoMatches, typoVariants, withinOneEdit } from '../../electron/core/features/search/typo'

describe('one slip in a word', () => {
  it('counts one insertion, deletion, substitution or swap of neighbours, and no more', () => {
    expect(withinOneEdit('kader', 'kader')).toBe(true)
    for (const typo of ['kadr', 'kaader', 'kadet', 'kdaer', 'akder']) expect(withinOneEdit(typo, 'kader'), typo).toBe(true)
    for (const far of ['kdr', 'kaaderr', 'kdaet', 'redak']) expect(withinOneEdit(far, 'kader'), far).toBe(false)
  })

  it('reads a slip at a word start only when the last letter typed is kept, else on the whole word', () => {
    expect(typoMatches('kadr', 'kader')).toBe(true)
    expect(typoMatches('kadr', 'kaderisasi')).toBe(true)
    expect(typoMatches('sukrasa', 'Sukarasa')).toBe(true)
    expect(typoMatches('kadet', 'kader')).toBe(true)
    // The last letter is no wildcard, and a dropped letter leaves no short prefix.
    expect(typoMatches('kadr', 'kadaluarsa')).toBe(false)
    expect(typoMatches('kadr', 'karang')).toBe(false)
    // Words under four letters are never read with a slip.
    expect(typoMatches('dwi', 'dewi')).toBe(false)
  })

  it('spells the slips as LIKE patterns that agree with the rule', () => {
    const { prefixes, wholes } = typoVariants('kadr')
    expect(prefixes).toContain('kad_r')
    expect(prefixes).toContain('k_dr')
    expect(wholes).toContain('kad_')
    expect(wholes).toContain('kad')
    expect(prefixes).not.toContain('kad')
    const like = (pattern: string, word: string) => new RegExp(`^${pattern.replace(/_/g, '.')}$`).test(word)
    for (const word of ['kader', 'kaderisasi', 'kadar', 'kardus', 'kad', 'kada', 'kadaluarsa']) {
      const bySql = prefixes.some((p) => like(p, word.slice(0, p.length))) || wholes.some((w) => like(w, word))
      expect(bySql, word).toBe(typoMatches('kadr', word))
    }
  })

  it('needs every word of the query, each exact or with one slip', () => {
    const filter = makeTypoFilter(['siti', 'amnah'])
    expect(filter('Siti Aminah')).toBe(true)
    expect(filter('Aminah Siti')).toBe(true)
    expect(filter('Siti Rahayu')).toBe(false)
  })
})
