// Indonesia's three time zones and which province lies in which (UU/Keppres 41/1987 as
// amended): an office keeps "today", deadlines and printed times on its own wall clock.
// The province is the first two digits of a Kemendagri area code ("51.71.01.1001" → 51).
// No daylight saving anywhere in Indonesia, so each zone is a fixed offset from UTC.

export type ZonaWaktuKode = 'WIB' | 'WITA' | 'WIT'

export interface ZonaWaktu {
  /** The abbreviation printed after a time: "WIB", "WITA", "WIT". */
  kode: ZonaWaktuKode
  /** The IANA zone Intl formats with. */
  iana: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'
  /** Hours ahead of UTC (7, 8, 9). */
  offsetJam: 7 | 8 | 9
}

export const ZONA_WAKTU: Record<ZonaWaktuKode, ZonaWaktu> = {
  WIB: { kode: 'WIB', iana: 'Asia/Jakarta', offsetJam: 7 },
  WITA: { kode: 'WITA', iana: 'Asia/Makassar', offsetJam: 8 },
  WIT: { kode: 'WIT', iana: 'Asia/Jayapura', offsetJam: 9 },
}

/** The 38 provinces (codes as in idn-area-data / Kepmendagri) and their zone. */
export const PROVINSI_ZONA: Readonly<Record<string, ZonaWaktuKode>> = {
  '11': 'WIB', // Aceh
  '12': 'WIB', // Sumatera Utara
  '13': 'WIB', // Sumatera Barat
  '14': 'WIB', // Riau
  '15': 'WIB', // Jambi
  '16': 'WIB', // Sumatera Selatan
  '17': 'WIB', // Bengkulu
  '18': 'WIB', // Lampung
  '19': 'WIB', // Kepulauan Bangka Belitung
  '21': 'WIB', // Kepulauan Riau
  '31': 'WIB', // DKI Jakarta
  '32': 'WIB', // Jawa Barat
  '33': 'WIB', // Jawa Tengah
  '34': 'WIB', // DI Yogyakarta
  '35': 'WIB', // Jawa Timur
  '36': 'WIB', // Banten
  '51': 'WITA', // Bali
  '52': 'WITA', // Nusa Tenggara Barat
  '53': 'WITA', // Nusa Tenggara Timur
  '61': 'WIB', // Kalimantan Barat
  '62': 'WIB', // Kalimantan Tengah
  '63': 'WITA', // Kalimantan Selatan
  '64': 'WITA', // Kalimantan Timur
  '65': 'WITA', // Kalimantan Utara
  '71': 'WITA', // Sulawesi Utara
  '72': 'WITA', // Sulawesi Tengah
  '73': 'WITA', // Sulawesi Selatan
  '74': 'WITA', // Sulawesi Tenggara
  '75': 'WITA', // Gorontalo
  '76': 'WITA', // Sulawesi Barat
  '81': 'WIT', // Maluku
  '82': 'WIT', // Maluku Utara
  '91': 'WIT', // Papua
  '92': 'WIT', // Papua Barat
  '93': 'WIT', // Papua Selatan
  '94': 'WIT', // Papua Tengah
  '95': 'WIT', // Papua Pegunungan
  '96': 'WIT', // Papua Barat Daya
}

/**
 * The zone of the office whose area code is given. An unknown province (a test area, a code
 * from a future split) falls back to WIB, where most offices are.
 */
export function zonaDariKodeWilayah(areaCode: string | null | undefined): ZonaWaktu {
  const prov = (areaCode ?? '').slice(0, 2)
  return ZONA_WAKTU[PROVINSI_ZONA[prov] ?? 'WIB']
}

/** "UTC+8" */
export function utcLabel(zona: ZonaWaktu): string {
  return `UTC+${zona.offsetJam}`
}
