// Strings of the meeting screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "meeting".

import type { Widen } from '../widen'

export const meetingId = {
  tabs: { label: 'Bagian rapat dan tindak lanjut', rapat: 'Rapat', tindakLanjut: 'Tindak lanjut', papan: 'Papan OPD', cari: 'Cari' },
}

export const meetingEn: Widen<typeof meetingId> = {
  tabs: { label: 'Meetings and follow-up sections', rapat: 'Meetings', tindakLanjut: 'Follow-ups', papan: 'OPD board', cari: 'Search' },
}
