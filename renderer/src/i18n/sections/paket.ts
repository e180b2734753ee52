// Strings of the Kirim/Terima Paket screens (send, receive with preview, history, conflicts,
// same-NIK pairs). Bahasa Indonesia first, English with the same keys.
// Merged into id.ts / en.ts as the section "paket".

import type { Widen } from '../widen'

export const paketId = {
  title: 'Kirim/Terima Paket',
}

export const paketEn: Widen<typeof paketId> = {
  title: 'Send/Receive bundles',
}
