import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formatClock, formatVersion, observe, parseClock, parseVersion, tick, tickMany, type Clock } from '../../electron/core/sync/hlc'
import { uuidv7, uuidv7Time } from '../../electron/core/sync/uuid'

const SITE_A = '01a2084a-6b83-754d-b142-4421af1ad240'
const SITE_B = '01a2084a-6b83-754d-b142-4421af1ad241'
const NOW = 1_795_000_000_000

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves ahead', () => {
    expect(tick({ ms: NOW - 10, counter: 7 }, NOW)).toEqual({ ms: NOW, counter: 0 })
  })

  it('counts within one millisecond', () => {
    expect(tick({ ms: NOW, counter: 7 }, NOW)).toEqual({ ms: NOW, counter: 8 })
  })

  it('keeps going forward when the wall clock goes backwards', () => {
    expect(tick({ ms: NOW, counter: 3 }, NOW - 60_000)).toEqual({ ms: NOW, counter: 4 })
  })

  it('moves to the next millisecond instead of overflowing the 4-digit counter', () => {
    expect(tick({ ms: NOW, counter: 9999 }, NOW)).toEqual({ ms: NOW + 1, counter: 0 })
  })

  it('jumps past a remote version that is ahead of the local clock', () => {
    expect(observe({ ms: NOW, counter: 2 }, { ms: NOW + 500, counter: 9 }, NOW)).toEqual({ ms: NOW + 500, counter: 10 })
    expect(observe({ ms: NOW, counter: 2 }, { ms: NOW, counter: 9 }, NOW - 5)).toEqual({ ms: NOW, counter: 10 })
    expect(observe({ ms: NOW, counter: 2 }, { ms: NOW - 9, counter: 9 }, NOW - 5)).toEqual({ ms: NOW, counter: 3 })
    expect(observe({ ms: NOW, counter: 2 }, { ms: NOW - 9, counter: 9 }, NOW + 5)).toEqual({ ms: NOW + 5, counter: 0 })
  })

  it('writes versions that sort as strings, with the site id breaking ties', () => {
    const v = formatVersion({ ms: NOW, counter: 12 }, SITE_A)
    expect(v).toBe(`${NOW}:0012:${SITE_A}`)
    expect(parseVersion(v)).toEqual({ ms: NOW, counter: 12, siteId: SITE_A })
    expect(formatVersion({ ms: 5, counter: 0 }, SITE_A) < formatVersion({ ms: 40, counter: 0 }, SITE_A)).toBe(true)
    expect(formatVersion({ ms: NOW, counter: 1 }, SITE_A) < formatVersion({ ms: NOW, counter: 1 }, SITE_B)).toBe(true)
    expect(parseClock(formatClock({ ms: NOW, counter: 3 }))).toEqual({ ms: NOW, counter: 3 })
  })

  it('refuses a string that is not a version', () => {
    expect(() => parseVersion('12:3:x')).toThrow()
    expect(() => parseClock('abc')).toThrow()
  })

  it('issues strictly increasing versions whatever the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: NOW }),
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 200 }),
        (start, jumps) => {
          let clock: Clock = { ms: start, counter: 0 }
          let wall = start
          let last = formatVersion(clock, SITE_A)
          for (const j of jumps) {
            wall = Math.max(0, wall + j)
            clock = tick(clock, wall)
            const v = formatVersion(clock, SITE_A)
            expect(v > last).toBe(true)
            last = v
          }
        },
      ),
    )
  })

  it('after receiving a remote version, issues only versions above it and above its own', () => {
    const clockArb = fc.record({ ms: fc.integer({ min: 0, max: NOW }), counter: fc.integer({ min: 0, max: 9999 }) })
    fc.assert(
      fc.property(clockArb, clockArb, fc.integer({ min: 0, max: NOW }), (local, remote, wall) => {
        const after = observe(local, remote, wall)
        const v = formatVersion(after, SITE_A)
        expect(v > formatVersion(local, SITE_B)).toBe(true)
        expect(v > formatVersion(remote, SITE_B)).toBe(true)
        expect(formatVersion(tick(after, wall), SITE_A) > v).toBe(true)
      }),
    )
  })

  it('gives a batch one distinct, increasing clock per row', () => {
    const clocks = tickMany({ ms: NOW, counter: 9998 }, NOW, 4).map((c) => formatClock(c))
    expect(clocks).toEqual([...clocks].sort())
    expect(new Set(clocks).size).toBe(4)
  })
})

describe('uuidv7', () => {
  const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('has the RFC 9562 layout: version 7, variant 10', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(V7)
  })

  it('carries its creation time in the first 48 bits', () => {
    const t = Date.now()
    expect(uuidv7Time(uuidv7(t + 10_000))).toBe(t + 10_000)
  })

  it('sorts by creation time', () => {
    const early = uuidv7(NOW)
    const late = uuidv7(NOW + 1)
    expect(early < late).toBe(true)
  })

  it('keeps increasing within one millisecond and when the clock goes backwards', () => {
    const ids = [uuidv7(NOW + 100)]
    for (let i = 0; i < 5000; i++) ids.push(uuidv7(NOW + 100 - (i % 3)))
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is accepted by the contract\'s id validation', () => {
    expect(z.string().uuid().safeParse(uuidv7()).success).toBe(true)
  })
})
