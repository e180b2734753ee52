// Strings of the print screens (Bahasa Indonesia first, English with the same keys).
// Merged into id.ts / en.ts as the section "print".

import type { Widen } from '../widen'

export const printId = {
  title: 'Pratinjau cetak',
  previewOf: 'Pratinjau: {{title}}',
  frameTitle: 'Pratinjau halaman cetak: {{title}}',
  loading: 'Menyiapkan dokumen…',
  savePdf: 'Simpan PDF',
  saving: 'Menyimpan PDF…',
  print: 'Cetak',
  close: 'Tutup',
  saved: 'PDF disimpan di {{path}}',
  browserHint: 'Tekan Cetak, lalu pilih printer, atau pilih "Simpan sebagai PDF" sebagai tujuan.',
  desktopHint: 'Simpan PDF untuk dikirim atau dicetak nanti, atau Cetak langsung ke printer.',
  printFailed: 'Pratinjau belum siap untuk dicetak. Tunggu sampai dokumen tampil, lalu tekan Cetak lagi.',
}

export const printEn: Widen<typeof printId> = {
  title: 'Print preview',
  previewOf: 'Preview: {{title}}',
  frameTitle: 'Printable page preview: {{title}}',
  loading: 'Preparing the document…',
  savePdf: 'Save PDF',
  saving: 'Saving PDF…',
  print: 'Print',
  close: 'Close',
  saved: 'PDF saved to {{path}}',
  browserHint: 'Press Print, then choose a printer, or choose "Save as PDF" as the destination.',
  desktopHint: 'Save a PDF to send or print later, or Print straight to a printer.',
  printFailed: 'The preview is not ready to print yet. Wait until the document shows, then press Print again.',
}
