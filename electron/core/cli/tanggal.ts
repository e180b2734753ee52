// One way every CLI table writes dates, so `training list`, `rapat list`, `kader list`,
// `tindak-lanjut list`, `riwayat` and `cadangan daftar` read alike: "26 Jun 2026", a span
// "10 Jun 2026 s.d. 12 Jun 2026", an instant "26 Jun 2026 14.05 WITA" on the office's clock.
// --json keeps "YYYY-MM-DD" and ISO instants for programs.

import { tanggalSingkat, waktu } from '../../../shared/domain/tanggal'
import type { ZonaWaktu } from '../../../shared/domain/zona-waktu'

/** "2026-06-26" → "26 Jun 2026". */
export const tanggalCli = (iso: string): string => tanggalSingkat(iso)

/** A span of days: one date when it is one day. */
export function rentangCli(start: string, end: string): string {
  return start === end ? tanggalCli(start) : `${tanggalCli(start)} s.d. ${tanggalCli(end)}`
}

/** An instant on the office's wall clock, with its zone: "26 Jun 2026 14.05 WITA". */
export function waktuCli(iso: string, zona: ZonaWaktu): string {
  return waktu(iso, zona, tanggalSingkat)
}
