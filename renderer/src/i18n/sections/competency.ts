// Strings of the competency screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "competency".

import type { Widen } from '../widen'

export const competencyId = {
  title: '',
}

export const competencyEn: Widen<typeof competencyId> = {
  title: '',
}
