import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeNik } from '../../electron/core/features/demo/demo.service'
import { NIK_MESSAGES, cleanNik, compareNik, maskNik, parseNik } from '../../shared/domain/nik'

const TODAY = new Date('2026-11-23T05:00:00Z')

function parsed(nik: string, today = TODAY) {
  const r = parseNik(nik, today)
  if (!r.ok) throw new Error(`expected a valid NIK, got ${r.problem}`)
  return r.value
}

describe('parseNik', () => {
  it('reads district, birth date, sex and serial of a man', () => {
    expect(parsed('3671011204850001')).toEqual({ districtCode: '36.71.01', birthDate: '1985-04-12', sex: 'L', serial: '0001' })
  })

  it('reads a woman from the day plus 40', () => {
    expect(parsed('3671015204850002')).toMatchObject({ birthDate: '1985-04-12', sex: 'P' })
  })

  it('accepts the spaces, dots and dashes people type inside a NIK', () => {
    expect(cleanNik('3671.01 5204-85 0002')).toBe('3671015204850002')
    expect(parsed('3671 0152 0485 0002').birthDate).toBe('1985-04-12')
  })

  it('refuses anything that is not 16 digits', () => {
    for (const bad of ['367101120485000', '36710112048500011', '36710112O4850001', '']) {
      expect(parseNik(bad, TODAY)).toEqual({ ok: false, problem: 'shape', message: NIK_MESSAGES.shape })
    }
  })

  it('refuses a birth date that does not exist', () => {
    for (const bad of ['3671013102850001', '3671010013850001', '3671010004850001', '3671017204850001', '3671012902850001']) {
      expect(parseNik(bad, TODAY)).toMatchObject({ ok: false, problem: 'date' })
    }
  })

  it('accepts 29 February of a leap year', () => {
    expect(parsed('3671016902840001')).toMatchObject({ birthDate: '1984-02-29', sex: 'P' })
  })

  it('reads a two-digit year of the 2000s as 2000s ("…120305…" is 2005)', () => {
    expect(parsed('3671011203050001').birthDate).toBe('2005-03-12')
  })

  it('reads 99 as 1999', () => {
    expect(parsed('3671011508990001').birthDate).toBe('1999-08-15')
  })

  it('reads a year that would lie in the future as the 1900s', () => {
    expect(parsed('3671011203300001').birthDate).toBe('1930-03-12')
    // Later this same year is still the future: a century earlier.
    expect(parsed('3671013112260001').birthDate).toBe('1926-12-31')
    expect(parsed('3671010101260001').birthDate).toBe('2026-01-01')
  })

  it('refuses serial 0000', () => {
    expect(parseNik('3671011204850000', TODAY)).toEqual({ ok: false, problem: 'serial', message: NIK_MESSAGES.serial })
  })

  it('round-trips any real date and sex through the NIK encoding', () => {
    const day = 86_400_000
    const start = Date.UTC(1927, 0, 1)
    const end = Date.UTC(2026, 10, 23)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Math.floor((end - start) / day) }),
        fc.constantFrom('L' as const, 'P' as const),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('36.71.01', '11.01.01', '94.71.05', '32.04.12'),
        (offset, sex, serial, district) => {
          const birthDate = new Date(start + offset * day).toISOString().slice(0, 10)
          const nik = encodeNik(district, birthDate, sex, serial)
          expect(nik).toMatch(/^\d{16}$/)
          expect(parseNik(nik, TODAY)).toEqual({
            ok: true,
            value: { districtCode: district, birthDate, sex, serial: String(serial).padStart(4, '0') },
          })
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('compareNik', () => {
  const p = parsed('3671015204850002') // P, 1985-04-12

  it('gives no warning when birth date and sex agree', () => {
    expect(compareNik(p, { birthDate: '1985-04-12', sex: 'P' })).toEqual([])
  })

  it('warns, without refusing, when the birth date differs', () => {
    expect(compareNik(p, { birthDate: '1985-04-13', sex: 'P' }).map((w) => w.code)).toEqual(['birth_date_mismatch'])
  })

  it('ignores the century, which the NIK does not hold', () => {
    expect(compareNik(p, { birthDate: '1885-04-12' })).toEqual([])
  })

  it('warns when a woman\'s NIK is entered as a man, and says why', () => {
    const [w] = compareNik(p, { sex: 'L' })
    expect(w?.code).toBe('sex_mismatch')
    expect(w?.message).toContain('perempuan')
  })

  it('says nothing about fields that were not entered', () => {
    expect(compareNik(p, {})).toEqual([])
  })
})

describe('maskNik', () => {
  it('hides the birth date part of a NIK', () => {
    expect(maskNik('3671015204850002')).toBe('367101******0002')
  })

  it('leaves anything that is not a full NIK as it is', () => {
    expect(maskNik('12345')).toBe('12345')
  })
})
