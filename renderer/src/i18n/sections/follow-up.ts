// Strings of the follow-up screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "followUp".

import type { Widen } from '../widen'

export const followUpId = {
  title: 'Tindak lanjut',
}

export const followUpEn: Widen<typeof followUpId> = {
  title: 'Follow-ups',
}
