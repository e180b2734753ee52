// Strings of Pengaturan → Cadangan (the backups beside the database, the encrypted copy to a
// flashdisk, the recovery code and its printable card) and of the recovery-code notice.
// Bahasa Indonesia first, English with the same keys. Merged into id.ts / en.ts as "cadangan".

import type { Widen } from '../widen'

export const cadanganId = {
  title: 'Cadangan',
  intro:
    'Aplikasi membuat cadangan basis data yang diperiksa keutuhannya setiap hari dan sebelum pekerjaan besar (impor paket, pasang katalog), di folder "cadangan" di samping berkas data. Salinan ke flashdisk dienkripsi dengan kode pemulihan kantor.',
  listLabel: 'Cadangan di PC ini',
  colDate: 'Waktu',
  colReason: 'Alasan',
  colSize: 'Ukuran',
  colState: 'Keadaan',
  verified: 'Baik (diperiksa)',
  notVerified: 'Rusak',
  none: 'Belum ada cadangan di PC ini.',
  reason: {
    harian: 'Harian',
    manual: 'Dibuat manual',
    'impor-paket': 'Sebelum impor paket',
    'pasang-katalog': 'Sebelum pasang katalog',
    pulihkan: 'Sebelum pemulihan',
    gabung: 'Sebelum penggabungan',
  },
  create: 'Buat cadangan sekarang',
  creating: 'Membuat dan memeriksa cadangan…',
  created: 'Cadangan dibuat dan lolos pemeriksaan keutuhan ({{size}}).',

  copyTitle: 'Cadangkan ke flashdisk',
  copyHelp:
    'Simpan salinan di luar PC ini, agar data tetap ada bila PC rusak atau hilang. Salinan dienkripsi: tanpa kode pemulihan, isinya tidak dapat dibaca.',
  folder: 'Folder tujuan salinan',
  folderHelp: 'Alamat folder di flashdisk, mis. E:\\ atau /media/flashdisk. Salinan disimpan sebagai satu berkas “.simpul-cadangan”.',
  folderRequired: 'Isi alamat folder untuk salinan cadangan.',
  copy: 'Cadangkan ke flashdisk',
  copying: 'Menyalin, mengenkripsi dan memeriksa…',
  copied: 'Salinan terenkripsi disimpan sebagai {{file}} ({{size}}) dan sudah diperiksa.',
  copiedHint: 'Cabut flashdisk dengan aman, lalu simpan di tempat terpisah dari PC ini.',
  lastCopy: 'Salinan terakhir ke flashdisk: {{date}} ({{folder}})',
  neverCopied: 'Belum pernah ada salinan ke flashdisk. Bila PC ini rusak atau hilang, data kantor ikut hilang.',
  longAgo: 'Salinan terakhir sudah lebih dari {{days}} hari. Buat salinan baru ke flashdisk.',

  codeTitle: 'Kode pemulihan',
  codeHelp:
    'Kode ini membuka salinan cadangan di flashdisk. Cetak kartu pemulihan dan simpan di map arsip kantor; jangan difoto atau dikirim lewat pesan.',
  showCode: 'Tampilkan kode pemulihan',
  hideCode: 'Sembunyikan kode',
  confirmTitle: 'Tampilkan kode pemulihan?',
  confirmBody:
    'Siapa pun yang melihat kode ini dan memegang flashdisk salinan dapat membaca seluruh data kantor, termasuk NIK kader. Pastikan tidak ada orang lain yang melihat layar.',
  confirmYes: 'Ya, tampilkan',
  confirmNo: 'Batal',
  codeLabel: 'Kode pemulihan kantor ini',
  printCard: 'Cetak kartu pemulihan',
  codeConfirmedAt: 'Kode dinyatakan sudah disimpan pada {{date}}.',

  noticeTitle: 'Catat kode pemulihan kantor ini',
  noticeBody:
    'Kode ini diperlukan untuk memulihkan data dari salinan di flashdisk bila PC ini rusak atau hilang. Cetak kartu pemulihan atau tulis kodenya, lalu simpan di map arsip kantor. Kode dapat dilihat lagi di Pengaturan → Cadangan.',
  noticeDone: 'Kode sudah dicatat atau dicetak',
}

export const cadanganEn: Widen<typeof cadanganId> = {
  title: 'Backups',
  intro:
    'The app makes a verified backup of the database every day and before big jobs (paket import, catalogue install), in the "cadangan" folder beside the data file. Copies to a flash drive are encrypted with the office recovery code.',
  listLabel: 'Backups on this PC',
  colDate: 'Time',
  colReason: 'Reason',
  colSize: 'Size',
  colState: 'State',
  verified: 'Good (checked)',
  notVerified: 'Damaged',
  none: 'No backups on this PC yet.',
  reason: {
    harian: 'Daily',
    manual: 'Made by hand',
    'impor-paket': 'Before paket import',
    'pasang-katalog': 'Before catalogue install',
    pulihkan: 'Before a restore',
    gabung: 'Before a merge',
  },
  create: 'Back up now',
  creating: 'Making and checking the backup…',
  created: 'Backup made and passed the integrity check ({{size}}).',

  copyTitle: 'Back up to a flash drive',
  copyHelp: 'Keep a copy away from this PC, so the data survives if the PC breaks or is lost. The copy is encrypted: without the recovery code it cannot be read.',
  folder: 'Folder for the copy',
  folderHelp: 'A folder on the flash drive, e.g. E:\\ or /media/flashdisk. The copy is saved as one “.simpul-cadangan” file.',
  folderRequired: 'Enter the folder for the backup copy.',
  copy: 'Back up to flash drive',
  copying: 'Copying, encrypting and checking…',
  copied: 'Encrypted copy saved as {{file}} ({{size}}) and checked.',
  copiedHint: 'Eject the flash drive safely and keep it away from this PC.',
  lastCopy: 'Last copy to a flash drive: {{date}} ({{folder}})',
  neverCopied: 'No copy has ever gone to a flash drive. If this PC breaks or is lost, the office data is lost with it.',
  longAgo: 'The last copy is more than {{days}} days old. Make a new copy to a flash drive.',

  codeTitle: 'Recovery code',
  codeHelp: 'This code opens the backup copies on a flash drive. Print the recovery card and keep it in the office file; do not photograph it or send it in a message.',
  showCode: 'Show recovery code',
  hideCode: 'Hide code',
  confirmTitle: 'Show the recovery code?',
  confirmBody: 'Anyone who sees this code and holds a flash drive copy can read all office data, including kader NIK. Make sure nobody else can see the screen.',
  confirmYes: 'Yes, show it',
  confirmNo: 'Cancel',
  codeLabel: 'Recovery code of this office',
  printCard: 'Print recovery card',
  codeConfirmedAt: 'Code marked as kept on {{date}}.',

  noticeTitle: 'Write down this office’s recovery code',
  noticeBody:
    'This code is needed to restore the data from a flash drive copy if this PC breaks or is lost. Print the recovery card or write the code down, and keep it in the office file. The code can be seen again in Settings → Backups.',
  noticeDone: 'Code written down or printed',
}
