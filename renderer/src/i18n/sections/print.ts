// Strings of the print screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "print".

import type { Widen } from '../widen'

export const printId = {
  title: '',
}

export const printEn: Widen<typeof printId> = {
  title: '',
}
