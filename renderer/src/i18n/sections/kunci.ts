// Strings of the office keys: the Kunci kantor screen in Pengaturan (this office's key card,
// trusting another office's card, the trusted offices) and the sender's key in the Terima
// preview. Bahasa Indonesia first, English with the same keys.
// Merged into id.ts / en.ts as the section "kunci".

import type { Widen } from '../widen'

export const kunciId = {
  title: 'Kunci kantor',
  backToSettings: 'Kembali ke Pengaturan',
  settingsTitle: 'Kunci kantor dan kantor yang dipercaya',
  settingsIntro: 'Setiap paket ditandatangani dengan kunci kantor pengirimnya. Kartu kunci dan sidik jari kantor ini ada di sana.',
  settingsLink: 'Kunci kantor: kartu kunci, sidik jari dan kantor yang dipercaya',
  intro:
    'Kantor ini menandatangani setiap paket yang dikirimnya dengan kuncinya sendiri. Kantor lain mengenali kunci itu dari sidik jarinya: deretan huruf dan angka yang dibacakan lewat telepon.',

  // this office
  selfTitle: 'Kartu kunci kantor ini',
  selfHelp: 'Bila kantor lain menelepon untuk mencocokkan sidik jari, bacakan sidik jari di bawah ini huruf demi huruf.',
  name: 'Nama kantor',
  level: 'Jenis kantor',
  area: 'Wilayah',
  fingerprint: 'Sidik jari',
  createdAt: 'Kunci dibuat',
  folder: 'Folder tujuan kartu',
  folderHelp: 'Alamat folder, mis. E:\\ atau /media/flashdisk. Kartu kunci disimpan sebagai satu berkas “.simpul-kunci”.',
  folderRequired: 'Isi alamat folder untuk kartu kunci.',
  save: 'Simpan kartu kunci ke folder…',
  saving: 'Menyimpan kartu kunci…',
  saved: 'Kartu kunci disimpan sebagai {{file}}.',
  savedHint: 'Serahkan berkas ini ke kantor lain (mis. lewat flashdisk). Saat mereka menelepon, bacakan sidik jari di atas.',

  // another office's card
  trustTitle: 'Percayai kartu kunci kantor lain',
  trustIntro:
    'Kantor lain dapat memberi kartu kuncinya (berkas “.simpul-kunci”). Setelah dipercaya, paket dari kantor itu langsung dapat diimpor tanpa mencocokkan sidik jari lagi.',
  cardPath: 'Berkas kartu kunci',
  cardPathHelp: 'Alamat lengkap berkas kartu, mis. E:\\kunci_puskesmas-tangerang.simpul-kunci.',
  cardPathFolderHelp: 'Folder sudah diisi; tambahkan nama berkas kartunya (berakhiran “.simpul-kunci”).',
  cardPathRequired: 'Isi alamat berkas kartu kunci.',
  read: 'Baca kartu',
  reading: 'Membaca kartu…',
  cardTitle: 'Kartu kunci yang dibaca',
  status: 'Keadaan',
  statusNew: 'Belum dikenal',
  statusTrusted: 'Sudah dipercaya',
  statusChanged: 'Kunci berubah',
  statusSelf: 'Kartu kantor ini sendiri',
  newNote: 'Kantor ini belum dikenal. Telepon kantor tersebut dan minta mereka membacakan sidik jari kunci mereka (ada di Pengaturan → Kunci kantor).',
  trustedNote: 'Kunci kantor ini sudah dipercaya. Tidak ada yang perlu dilakukan.',
  changedNote:
    'Perhatian: kantor ini sudah dikenal dengan kartu kunci lain (kunci atau wilayah kerjanya berbeda). Mungkin PC-nya baru, kuncinya diganti atau wilayahnya diperbaiki, tetapi bisa juga kartu palsu. Telepon kantor tersebut dan cocokkan sidik jarinya sebelum mempercayainya; kunci lama akan diganti.',
  selfNote: 'Ini kartu kunci kantor ini sendiri. Kartu ini untuk diserahkan ke kantor lain, bukan untuk dipercaya di sini.',
  typed: 'Sidik jari yang dibacakan kantor tersebut',
  typedHelp: 'Ketik sidik jari yang dibacakan lewat telepon, mis. M8TE-V0YD-N0QP-MWCR-SZZG. Huruf kecil dan tanda hubung boleh.',
  typedRequired: 'Ketik sidik jari yang dibacakan kantor tersebut.',
  trust: 'Percayai',
  trusting: 'Menyimpan…',
  trustedToast: 'Kunci {{name}} sekarang dipercaya.',

  // trusted offices
  listTitle: 'Kantor yang dipercaya',
  listLabel: 'Daftar kantor yang dipercaya',
  listEmpty:
    'Belum ada kantor yang dipercaya. Kantor dikenal lewat paket pembinaan dari Dinas, kartu kunci, atau paket pertama yang diterima setelah sidik jarinya dicocokkan.',
  listCount: '{{n}} kantor',
  colOffice: 'Kantor',
  colArea: 'Wilayah',
  colFingerprint: 'Sidik jari',
  colSource: 'Dikenal lewat',
  colDate: 'Sejak',
  colAction: 'Tindakan',
  rotate: 'Ganti kunci',
  rotateTitle: 'Ganti kunci kantor ini?',
  rotateHelp: 'Ganti kunci bila PC ini pernah disalin atau dipakai orang lain tanpa izin. Kantor yang mempercayai kunci lama menerima kunci baru otomatis dari paket berikutnya.',
  rotateBody:
    'Kunci baru dibuat dan sidik jarinya berubah. Paket berikutnya membawa tanda tangan kunci lama atas kunci baru, sehingga kantor yang sudah mempercayai kantor ini tidak perlu mencocokkan lagi. Kartu kunci yang pernah disimpan perlu disimpan ulang.',
  rotatedToast: 'Kunci kantor ini diganti. Sidik jari baru: {{fingerprint}}',
  revoke: 'Cabut kunci',
  revokeTitle: 'Cabut kunci {{name}}?',
  revokeBody:
    'Paket yang ditandatangani kunci ini akan ditolak di kantor ini dan di setiap kantor yang menerima paket berikutnya dari Dinas. Lakukan bila laptop atau PC kantor itu hilang atau dicuri; kantor itu nanti memberikan kartu kunci barunya.',
  revokeReason: 'Alasan',
  revokeReasonRequired: 'Tuliskan alasannya, mis. "Laptop kelurahan hilang".',
  revokedToast: 'Kunci {{name}} dicabut. Pencabutan ikut setiap paket berikutnya.',
  revokedBadge: 'Dicabut {{date}}',
  source: {
    pembinaan: 'Paket pembinaan dari Dinas',
    kartu: 'Kartu kunci',
    paket: 'Paket yang diterima',
  },

  // the sender's key in the Terima preview
  sender: {
    trusted: 'Ditandatangani kunci yang dikenal',
    trustedLine: 'sidik jari',
    unknownTitle: 'Paket pertama dari kantor ini',
    unknownBody:
      'Telepon kantor pengirim dan minta mereka membacakan sidik jari kunci mereka (ada di Pengaturan → Kunci kantor). Cocokkan dengan sidik jari di bawah.',
    knownHere: 'Dikenal di sini',
    cardReceived: 'Kartu yang diterima',
    areaChanged: 'wilayah berbeda',
    keyChanged: 'kunci berbeda, sidik jari di bawah',
    changedTitle: 'Kunci pengirim berubah',
    changedBody:
      'Kantor ini sudah dikenal dengan kartu kunci lain (kunci atau wilayah kerjanya berbeda). Mungkin PC-nya baru, kuncinya diganti atau wilayahnya diperbaiki, tetapi bisa juga paket palsu. Telepon kantor pengirim dan minta mereka membacakan sidik jari kunci mereka (ada di Pengaturan → Kunci kantor). Cocokkan dengan sidik jari di bawah sebelum mengimpor.',
    fingerprintLabel: 'Sidik jari kunci {{name}}',
    confirm: 'Sidik jari sudah saya cocokkan dengan kantor pengirim',
    confirmNeeded: 'Centang dulu bahwa sidik jari sudah dicocokkan, baru paket dapat diimpor.',
    nowTrusted: 'Kunci {{name}} sekarang dipercaya kantor ini',
    nowTrustedHint: 'Paket berikutnya dari kantor ini tidak perlu dicocokkan lagi.',
  },
}

export const kunciEn: Widen<typeof kunciId> = {
  title: 'Office key',
  backToSettings: 'Back to Settings',
  settingsTitle: 'Office key and trusted offices',
  settingsIntro: 'Every bundle is signed with the key of the office that sends it. This office’s key card and fingerprint are there.',
  settingsLink: 'Office key: key card, fingerprint and trusted offices',
  intro:
    'This office signs every bundle it sends with its own key. Other offices recognise that key by its fingerprint: a row of letters and digits read out over the phone.',

  selfTitle: 'This office’s key card',
  selfHelp: 'When another office calls to compare fingerprints, read the fingerprint below to them character by character.',
  name: 'Office name',
  level: 'Office type',
  area: 'Area',
  fingerprint: 'Fingerprint',
  createdAt: 'Key created',
  folder: 'Folder for the card',
  folderHelp: 'Folder path, e.g. E:\\ or /media/flashdisk. The key card is saved as one “.simpul-kunci” file.',
  folderRequired: 'Enter the folder for the key card.',
  save: 'Save the key card to the folder…',
  saving: 'Saving the key card…',
  saved: 'Key card saved as {{file}}.',
  savedHint: 'Hand this file to the other office (e.g. on a USB stick). When they call, read them the fingerprint above.',

  trustTitle: 'Trust another office’s key card',
  trustIntro:
    'Another office can give you its key card (a “.simpul-kunci” file). Once trusted, bundles from that office can be imported without comparing fingerprints again.',
  cardPath: 'Key card file',
  cardPathHelp: 'Full path of the card file, e.g. E:\\kunci_puskesmas-tangerang.simpul-kunci.',
  cardPathFolderHelp: 'The folder is filled in; add the card’s file name (ending in “.simpul-kunci”).',
  cardPathRequired: 'Enter the path of the key card file.',
  read: 'Read card',
  reading: 'Reading the card…',
  cardTitle: 'The key card read',
  status: 'State',
  statusNew: 'Not known yet',
  statusTrusted: 'Already trusted',
  statusChanged: 'Key changed',
  statusSelf: 'This office’s own card',
  newNote: 'This office is not known yet. Call that office and ask them to read out their key’s fingerprint (in Settings → Office key).',
  trustedNote: 'This office’s key is already trusted. Nothing to do.',
  changedNote:
    'Warning: this office is known under another key card (its key or its area differs). It may have a new PC, a replaced key or a corrected area, but the card could also be forged. Call that office and compare the fingerprint before trusting it; the old key will be replaced.',
  selfNote: 'This is this office’s own key card. It is meant to be handed to other offices, not trusted here.',
  typed: 'Fingerprint read out by that office',
  typedHelp: 'Type the fingerprint read to you over the phone, e.g. M8TE-V0YD-N0QP-MWCR-SZZG. Lower case and dashes are fine.',
  typedRequired: 'Type the fingerprint read out by that office.',
  trust: 'Trust',
  trusting: 'Saving…',
  trustedToast: '{{name}}’s key is now trusted.',

  listTitle: 'Trusted offices',
  listLabel: 'List of trusted offices',
  listEmpty:
    'No trusted offices yet. Offices become known through the setup bundle from the health office, a key card, or the first bundle received after its fingerprint was compared.',
  listCount: '{{n}} offices',
  colOffice: 'Office',
  colArea: 'Area',
  colFingerprint: 'Fingerprint',
  colSource: 'Known through',
  colDate: 'Since',
  colAction: 'Action',
  rotate: 'Replace keys',
  rotateTitle: 'Replace this office’s keys?',
  rotateHelp: 'Replace the keys when this PC may have been copied or used without permission. Offices that trust the old key take the new one from the next bundle.',
  rotateBody:
    'New keys are made and the fingerprint changes. The next bundles carry the old key’s signature over the new one, so offices that already trust this office need not check again. Save the key card again where it was saved before.',
  rotatedToast: 'This office’s keys were replaced. New fingerprint: {{fingerprint}}',
  revoke: 'Revoke key',
  revokeTitle: 'Revoke the key of {{name}}?',
  revokeBody:
    'Bundles signed with this key will be refused here and at every office that receives the next bundle from the Dinas. Do this when that office’s laptop or PC was lost or stolen; the office then hands over its new key card.',
  revokeReason: 'Reason',
  revokeReasonRequired: 'Write the reason, e.g. "Kelurahan laptop lost".',
  revokedToast: 'The key of {{name}} was revoked. The revocation goes with every next bundle.',
  revokedBadge: 'Revoked {{date}}',
  source: {
    pembinaan: 'Setup bundle from the health office',
    kartu: 'Key card',
    paket: 'Bundle received',
  },

  sender: {
    trusted: 'Signed by a known key',
    trustedLine: 'fingerprint',
    unknownTitle: 'First bundle from this office',
    unknownBody:
      'Call the sending office and ask them to read out their key’s fingerprint (in Settings → Office key). Compare it with the fingerprint below.',
    knownHere: 'Known here',
    cardReceived: 'The card received',
    areaChanged: 'another area',
    keyChanged: 'another key, fingerprint below',
    changedTitle: 'The sender’s key changed',
    changedBody:
      'This office is known under another key card (its key or its area differs). It may have a new PC, a replaced key or a corrected area, but the bundle could also be forged. Call the sending office and ask them to read out their key’s fingerprint (in Settings → Office key). Compare it with the fingerprint below before importing.',
    fingerprintLabel: 'Fingerprint of {{name}}’s key',
    confirm: 'I compared the fingerprint with the sending office',
    confirmNeeded: 'Tick that the fingerprint was compared first; then the bundle can be imported.',
    nowTrusted: '{{name}}’s key is now trusted by this office',
    nowTrustedHint: 'Next bundles from this office need no comparing.',
  },
}
