// Posyandu names as offices write them in their rosters: one normal form for "Melati IV",
// "MELATI 04" and "Pos. Melati 4", and a near match offered (never taken) for "Melat 4".

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isNearName, nearMatch, normalisePosyanduName } from '../../electron/core/features/kader-impor/names'

const register = (...names: string[]) => names.map((name) => ({ norm: normalisePosyanduName(name), item: name }))

describe('normalisePosyanduName', () => {
  it('reads case, spaces, a Roman numeral, leading zeros and a "Posyandu"/"Pos." prefix as one name', () => {
    const spellings = ['Posyandu Melati 4', 'MELATI IV', 'melati   04', 'Pos. Melati 4', 'Psy. Melati IV', 'Posyandu Melati-004', 'Melati4', 'posyandu pos melati iv']
    expect(new Set(spellings.map(normalisePosyanduName))).toEqual(new Set(['melati 4']))
  })

  it('reads Roman numerals up to LXXXIX and leaves C, D, M and non-numerals as letters', () => {
    expect(['Mawar I', 'Mawar IX', 'Mawar XIV', 'Mawar XL', 'Mawar XLIX', 'Mawar LXXXIX'].map(normalisePosyanduName)).toEqual([
      'mawar 1',
      'mawar 9',
      'mawar 14',
      'mawar 40',
      'mawar 49',
      'mawar 89',
    ])
    expect(['Anggrek C', 'Blok D', 'Anggrek IIII', 'Mawar IL', 'Lili'].map(normalisePosyanduName)).toEqual(['anggrek c', 'blok d', 'anggrek iiii', 'mawar il', 'lili'])
  })

  it('keeps different numbers apart', () => {
    expect(normalisePosyanduName('Melati 1')).not.toBe(normalisePosyanduName('Melati 11'))
    expect(normalisePosyanduName('Melati II')).not.toBe(normalisePosyanduName('Melati 1'))
    expect(normalisePosyanduName('Melati 10')).toBe(normalisePosyanduName('Melati X'))
  })

  it('is idempotent: a normal form normalises to itself', () => {
    const word = fc.constantFrom('Posyandu', 'POS.', 'psy', 'Melati', 'Mawar', 'merah', 'IV', 'xl', 'c', '004', '0', '12', 'Ā', '-', ' ', '  ', 'ii', 'l')
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string()), { maxLength: 6 }), (words) => {
        const once = normalisePosyanduName(words.join(' '))
        expect(normalisePosyanduName(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('does not change with case or extra spaces', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const name = `${a} ${b}`
        expect(normalisePosyanduName(name.toUpperCase())).toBe(normalisePosyanduName(name.toLowerCase()))
        expect(normalisePosyanduName(` ${a}   ${b} `)).toBe(normalisePosyanduName(`${a} ${b}`))
      }),
    )
  })
})

describe('near match', () => {
  it('offers the register name one or two letters away, with the same number', () => {
    const names = register('Posyandu Melati 4', 'Posyandu Melati 5', 'Posyandu Mawar Merah', 'Posyandu Kenanga 2')
    expect(nearMatch(normalisePosyanduName('Melat 4'), names)).toBe('Posyandu Melati 4')
    expect(nearMatch(normalisePosyanduName('Mawar Merh'), names)).toBe('Posyandu Mawar Merah')
    expect(nearMatch(normalisePosyanduName('Mawr Mera'), names)).toBe('Posyandu Mawar Merah')
    expect(nearMatch(normalisePosyanduName('Kenangan II'), names)).toBe('Posyandu Kenanga 2')
  })

  it('guesses nothing when nothing is near, when only the number differs, or when two are as near', () => {
    const names = register('Posyandu Melati 4', 'Posyandu Mawar 1', 'Posyandu Asri')
    expect(nearMatch(normalisePosyanduName('Melati 6'), names)).toBeNull()
    expect(nearMatch(normalisePosyanduName('Dahlia 4'), names)).toBeNull()
    expect(nearMatch(normalisePosyanduName('Arum'), names)).toBeNull()
    expect(nearMatch(normalisePosyanduName('Mawr 1'), register('Mawar 1', 'Mawar 1'))).toBeNull()
    expect(isNearName('melati 4', 'melati 4')).toBe(false)
  })

  it('is symmetric and never near for names with different numbers', () => {
    const name = fc.tuple(fc.constantFrom('melati', 'melat', 'mawar', 'mawr', 'kenanga', 'asri'), fc.nat(20)).map(([w, n]) => `${w} ${n}`)
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(isNearName(a, b)).toBe(isNearName(b, a))
        if (a.split(' ')[1] !== b.split(' ')[1]) expect(isNearName(a, b)).toBe(false)
      }),
    )
  })
})
