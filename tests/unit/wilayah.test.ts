import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hitungDesa, jenisDesa } from '../../shared/domain/wilayah'

describe('kelurahan or desa', () => {
  it('reads the fourth part of the village code: 1… kelurahan, 2… desa, 3… desa adat', () => {
    expect(jenisDesa('91.03.01.3007')).toBe('desa')
    expect(jenisDesa('36.71.01.1001')).toBe('kelurahan')
    expect(jenisDesa('11.01.01.2001')).toBe('desa')
    expect(jenisDesa('36.71.01')).toBe('kelurahan')
  })

  it('finds only those three kinds in the area data, desa the most of them', () => {
    const csv = readFileSync(join(__dirname, '../../node_modules/idn-area-data/data/villages.csv'), 'utf8')
    const codes = csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]!)
    expect(new Set(codes.map((c) => c.split('.')[3]![0]))).toEqual(new Set(['1', '2', '3']))
    const desa = codes.filter((c) => jenisDesa(c) === 'desa').length
    expect(desa).toBeGreaterThan(codes.length / 2)
  })

  it('counts villages in the words people use', () => {
    expect(hitungDesa(['36.71.01.1001'])).toBe('1 kelurahan')
    expect(hitungDesa(['11.01.01.2001', '11.01.01.2002'])).toBe('2 desa')
    expect(hitungDesa(['36.03.01.1001', '36.03.01.2001', '36.03.01.2002'])).toBe('1 kelurahan dan 2 desa')
  })
})
