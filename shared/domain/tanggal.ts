// Dates as Indonesian letters and forms write them ("23 November 2026"). Written out here
// rather than through Intl: the core also runs under Node builds without full ICU data, and
// a printed letter must not change wording with the machine's locale. Calendar dates are
// "YYYY-MM-DD" and are never shifted by a time zone.

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const

const BULAN_SINGKAT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const

export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const

interface Parts {
  y: number
  m: number
  d: number
}

function parts(iso: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  const p = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= 31 ? p : null
}

/** "2026-11-23" → "23 November 2026". Anything unreadable is returned as it is. */
export function tanggal(iso: string): string {
  const p = parts(iso)
  return p ? `${p.d} ${BULAN[p.m - 1]} ${p.y}` : iso
}

/** "2026-11-23" → "Senin". */
export function hari(iso: string): string {
  const p = parts(iso)
  return p ? HARI[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()]! : ''
}

/** "2026-11-23" → "23 Nov 2026": for narrow table headers. */
export function tanggalSingkat(iso: string): string {
  const p = parts(iso)
  return p ? `${p.d} ${BULAN_SINGKAT[p.m - 1]} ${p.y}` : iso
}

/**
 * A span of days as people write it: "12 Maret 2026", "12–14 Maret 2026",
 * "30 Maret – 2 April 2026", "30 Desember 2026 – 2 Januari 2027".
 */
export function rentangTanggal(start: string, end: string): string {
  const a = parts(start)
  const b = parts(end)
  if (!a || !b) return start === end ? tanggal(start) : `${tanggal(start)} – ${tanggal(end)}`
  if (start === end) return tanggal(start)
  if (a.y !== b.y) return `${tanggal(start)} – ${tanggal(end)}`
  if (a.m !== b.m) return `${a.d} ${BULAN[a.m - 1]} – ${b.d} ${BULAN[b.m - 1]} ${b.y}`
  return `${a.d}–${b.d} ${BULAN[b.m - 1]} ${b.y}`
}

/** The office's calendar date today, in Asia/Jakarta (UTC+7 all year, no daylight saving). */
export function todayJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/** "6 Desember 2026 23.40 WIB" (or with `tanggalSingkat`): an instant on the office's wall clock. */
export function waktuWib(iso: string, formatDate: (date: string) => string = tanggal): string {
  const at = new Date(iso)
  const hm = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(11, 16).replace(':', '.')
  return `${formatDate(todayJakarta(at))} ${hm} WIB`
}
