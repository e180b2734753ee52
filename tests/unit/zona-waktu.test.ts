import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { capFile, hariIni, jamDinding, todayJakarta, waktu, waktuWib } from '../../shared/domain/tanggal'
import { PROVINSI_ZONA, ZONA_WAKTU, utcLabel, zonaDariKodeWilayah } from '../../shared/domain/zona-waktu'

const provincesCsv = readFileSync(join(__dirname, '../../node_modules/idn-area-data/data/provinces.csv'), 'utf8')
const provinces = provincesCsv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, ...name] = line.split(',')
    return { code: code!.trim(), name: name.join(',').trim() }
  })

describe('the zone of each province', () => {
  it('covers every province code of the area data, and no other', () => {
    expect(provinces).toHaveLength(38)
    expect(Object.keys(PROVINSI_ZONA).sort()).toEqual(provinces.map((p) => p.code).sort())
  })

  it('puts each province in its zone by name: Papua and Maluku WIT, Bali/Nusa Tenggara/Sulawesi/east Kalimantan WITA, the rest WIB', () => {
    for (const p of provinces) {
      const expected = /Papua|Maluku/.test(p.name)
        ? 'WIT'
        : /Bali|Nusa Tenggara|Sulawesi|Gorontalo|Kalimantan (Selatan|Timur|Utara)/.test(p.name)
          ? 'WITA'
          : 'WIB'
      expect(`${p.name}: ${zonaDariKodeWilayah(`${p.code}.01`).kode}`).toBe(`${p.name}: ${expected}`)
    }
  })

  it('reads the province from any level of area code, and falls back to WIB for an unknown one', () => {
    expect(zonaDariKodeWilayah('51.71.01.1001')).toBe(ZONA_WAKTU.WITA)
    expect(zonaDariKodeWilayah('94')).toBe(ZONA_WAKTU.WIT)
    expect(zonaDariKodeWilayah('36.71')).toBe(ZONA_WAKTU.WIB)
    expect(zonaDariKodeWilayah('99.01')).toBe(ZONA_WAKTU.WIB)
    expect(zonaDariKodeWilayah(null)).toBe(ZONA_WAKTU.WIB)
    expect(utcLabel(ZONA_WAKTU.WITA)).toBe('UTC+8')
  })
})

describe('the wall clock of an office', () => {
  // 16.30 UTC: 23.30 in Jakarta, 00.30 the next day in Makassar, 01.30 in Jayapura.
  const at = new Date('2026-06-10T16:30:00Z')

  it('gives each zone its own date and hour', () => {
    expect(jamDinding(at, ZONA_WAKTU.WIB)).toEqual({ date: '2026-06-10', hh: '23', mm: '30', ss: '00' })
    expect(jamDinding(at, ZONA_WAKTU.WITA)).toEqual({ date: '2026-06-11', hh: '00', mm: '30', ss: '00' })
    expect(jamDinding(at, ZONA_WAKTU.WIT)).toEqual({ date: '2026-06-11', hh: '01', mm: '30', ss: '00' })
    expect(hariIni(ZONA_WAKTU.WITA, at)).toBe('2026-06-11')
    expect(todayJakarta(at)).toBe('2026-06-10')
  })

  it('prints the zone of the office, not a fixed WIB', () => {
    expect(waktu(at.toISOString(), ZONA_WAKTU.WITA)).toBe('11 Juni 2026 00.30 WITA')
    expect(waktu(at.toISOString(), ZONA_WAKTU.WIT)).toBe('11 Juni 2026 01.30 WIT')
    expect(waktuWib(at.toISOString())).toBe('10 Juni 2026 23.30 WIB')
  })

  it('stamps file names on the office wall clock', () => {
    expect(capFile(at, ZONA_WAKTU.WIB)).toBe('20260610-2330')
    expect(capFile(at, ZONA_WAKTU.WITA)).toBe('20260611-0030')
  })
})
