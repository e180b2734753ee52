// Kelurahan or desa: Kemendagri village codes say which. The fourth part of the code starts
// with 1 for a kelurahan (an urban ward, headed by a lurah) and with 2 for a desa (a village,
// headed by a kepala desa), 3 for a desa adat (14 in Papua, desa too): "36.71.01.1001" Kelurahan
// Sukarasa, "11.01.01.2001" Desa Keude Bakongan.

export type JenisDesa = 'kelurahan' | 'desa'

/** 'kelurahan' for a village code whose fourth part starts with 1, 'desa' for 2 or 3. */
export function jenisDesa(villageCode: string): JenisDesa {
  const part = villageCode.split('.')[3]
  return part && !part.startsWith('1') ? 'desa' : 'kelurahan'
}

/** "3 kelurahan dan 12 desa", "15 desa", "1 kelurahan": a count of villages in the words people use. */
export function hitungDesa(codes: readonly string[], fmt: (n: number) => string = String): string {
  const desa = codes.filter((c) => jenisDesa(c) === 'desa').length
  const kelurahan = codes.length - desa
  if (desa === 0) return `${fmt(kelurahan)} kelurahan`
  if (kelurahan === 0) return `${fmt(desa)} desa`
  return `${fmt(kelurahan)} kelurahan dan ${fmt(desa)} desa`
}
