// Sarana prasarana of a Posyandu and kader incentives (issue 18, items 2 and 3): the words and
// reference data both sides use. The item list is reference data the Dinas can extend: these
// defaults are seeded identically on every office (like the OPD list) and keyed on a stable code.

/** How an item is: working, lightly or badly damaged, or missing altogether. */
export const SARANA_CONDITIONS = ['baik', 'rusak_ringan', 'rusak_berat', 'tidak_ada'] as const
export type SaranaCondition = (typeof SARANA_CONDITIONS)[number]

export const SARANA_CONDITION_NAMES: Record<SaranaCondition, string> = {
  baik: 'Baik',
  rusak_ringan: 'Rusak ringan',
  rusak_berat: 'Rusak berat',
  tidak_ada: 'Tidak ada',
}

/** Conditions that offer a follow-up to the item's OPD. */
export const SARANA_NEEDS_ACTION: readonly SaranaCondition[] = ['rusak_ringan', 'rusak_berat', 'tidak_ada']

/**
 * A kit item counts as missing when it is not there or cannot be used: rusak ringan still weighs
 * (a dacin with a worn sarong), rusak berat does not.
 */
export const SARANA_NOT_WORKING: readonly SaranaCondition[] = ['rusak_berat', 'tidak_ada']

/** Where equipment came from. Swadaya: the community's own money or gifts. */
export const SARANA_FUNDING = ['apbd', 'dana_desa', 'bok', 'swadaya', 'lainnya'] as const
export type SaranaFunding = (typeof SARANA_FUNDING)[number]

/** Where a kader incentive is paid from (domain.md §4: APBD, Dana Desa or BOK). */
export const INSENTIF_FUNDING = ['apbd', 'dana_desa', 'bok', 'lainnya'] as const
export type InsentifFunding = (typeof INSENTIF_FUNDING)[number]

export const FUNDING_NAMES: Record<SaranaFunding, string> = {
  apbd: 'APBD',
  dana_desa: 'Dana Desa',
  bok: 'BOK',
  swadaya: 'Swadaya masyarakat',
  lainnya: 'Lainnya',
}

export interface DefaultSaranaItem {
  /** Stable key, the same on every office. */
  code: string
  name: string
  /** Part of the anthropometry kit (alat antropometri) every Posyandu needs to weigh and measure. */
  kit: boolean
  /** The default OPD (DEFAULT_OPDS code) a follow-up about it goes to. */
  opdCode: string
}

/** The usual equipment of a Posyandu (domain.md §4): the anthropometry kit first. */
export const DEFAULT_SARANA_ITEMS: readonly DefaultSaranaItem[] = [
  { code: 'dacin', name: 'Dacin', kit: true, opdCode: 'dinkes' },
  { code: 'timbangan_digital', name: 'Timbangan digital', kit: true, opdCode: 'dinkes' },
  { code: 'papan_ukur', name: 'Papan ukur panjang badan', kit: true, opdCode: 'dinkes' },
  { code: 'microtoise', name: 'Microtoise', kit: true, opdCode: 'dinkes' },
  { code: 'pita_lila', name: 'Pita LILA', kit: true, opdCode: 'dinkes' },
  { code: 'buku_kia', name: 'Buku KIA (stok)', kit: false, opdCode: 'dinkes' },
  { code: 'tensimeter', name: 'Tensimeter', kit: false, opdCode: 'dinkes' },
  { code: 'timbangan_dewasa', name: 'Timbangan dewasa', kit: false, opdCode: 'dinkes' },
  { code: 'alat_peraga', name: 'Alat peraga penyuluhan', kit: false, opdCode: 'dinkes' },
  { code: 'meja_kursi', name: 'Meja dan kursi pelayanan', kit: false, opdCode: 'pemerintahan' },
  { code: 'tenda', name: 'Tenda / terpal', kit: false, opdCode: 'pemerintahan' },
]

/** An incentive period: one calendar month, "YYYY-MM". */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']

/** "2026-11" → "November 2026". */
export function periodName(period: string): string {
  const [y, m] = period.split('-')
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`
}

/** "Rp1.250.000" (the way a payment list writes it). */
export function rupiah(n: number): string {
  return `Rp${Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`
}
