// Strings of the recap screen (per kecamatan, kelurahan and Posyandu; silent offices).
// Bahasa Indonesia first, English with the same keys. Merged into id.ts / en.ts as "rekap".

import type { Widen } from '../widen'

export const rekapId = {
  title: 'Rekap',
}

export const rekapEn: Widen<typeof rekapId> = {
  title: 'Recap',
}
