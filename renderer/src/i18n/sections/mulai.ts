// Strings of a newcomer's first steps (issue 17, items 2–3): the confirmation at first run, the
// area change in Pengaturan (or how to start a new identity once that is no longer possible), and
// the "Bergabung dengan wilayah" checklist on Beranda. Bahasa Indonesia first, English with the
// same keys. Merged into id.ts / en.ts as the section "mulai".

import type { Widen } from '../widen'

export const mulaiId = {
  confirm: {
    title: 'Periksa sekali lagi',
    body: 'Anda akan membuat kantor untuk {{place}}. Benar?',
    name: 'Nama kantor: {{name}}',
    villages: 'Kelurahan/desa yang dibina: {{count}}',
    yes: 'Ya, benar',
    back: 'Kembali dan ganti',
  },
  place: {
    kelurahan: 'Kelurahan {{name}}',
    desa: 'Desa {{name}}',
    kecamatan: 'Kecamatan {{name}}',
    other: '{{name}}',
  },
  area: {
    changeableHelp: 'Wilayah kantor masih dapat diganti sampai kantor ini mengirim paket pertamanya.',
    change: 'Ganti wilayah kantor',
    cancel: 'Batal',
    save: 'Simpan wilayah baru',
    saved: 'Wilayah kantor diganti: {{place}}.',
    lockedTitle: 'Wilayah kantor keliru?',
    locked:
      'Wilayah kantor tidak dapat diganti lagi: kantor ini sudah mengirim paket (atau meneruskan identitas yang sudah dikenal), jadi Puskesmas dan Dinas sudah mengenalnya dengan wilayah ini. Yang dapat dilakukan adalah memulai identitas baru:',
    lockedStep1: 'Buat cadangan ke flashdisk (bagian Cadangan di atas): salinan data kantor lama di luar PC ini.',
    lockedStep2: 'Tekan “Mulai identitas baru” di bawah. Aplikasi membuat cadangan, memindahkan berkas data lama ke samping (tidak dihapus), lalu membuka layar pertama: pilih wilayah yang benar dan periksa ringkasannya sebelum menekan “Ya, benar”.',
    lockedStep3: 'Beri tahu Dinas (dan Puskesmas pembina) lewat telepon: kantor lama dengan wilayah keliru dihentikan, dan sidik jari kunci kantor baru perlu dicocokkan lagi. Data yang dulu terkirim tetap ada di Dinas atas nama kantor lama.',
    newIdentity: 'Mulai identitas baru…',
    newIdentityTitle: 'Mulai sebagai kantor baru?',
    newIdentityBody:
      'Data {{name}} disimpan sebagai cadangan, dan berkas datanya dipindahkan ke samping berkas baru (tidak dihapus). Aplikasi lalu kembali ke layar pertama dengan data kosong, dan kantor baru memperoleh kunci baru. Data kader dan Posyandu didapat kembali dari paket Puskesmas/Dinas atau diimpor lagi dari Excel.',
    newIdentityType: 'Ketik nama kantor ini ({{name}}) untuk memastikan',
    newIdentityConfirm: 'Mulai identitas baru',
    newIdentityBusy: 'Memindahkan data…',
  },
  gabung: {
    title: 'Bergabung dengan wilayah',
    intro: 'Langkah sekali saja agar kantor ini dapat bertukar paket dengan Puskesmas dan Dinas. Tiap langkah tercentang sendiri begitu terjadi.',
    progress: '{{done}} dari {{total}} langkah selesai',
    done: 'Selesai',
    notYet: 'Belum',
    steps: {
      pembinaan: {
        title: 'Impor paket pembinaan dari Dinas',
        text: 'Minta salinan paket pembinaan Dinas kota/kabupaten (dari Puskesmas atau langsung dari Dinas) di flashdisk, lalu impor di Kirim/Terima Paket → Terima.',
        link: 'Buka Terima',
      },
      sidikJari: {
        title: 'Cocokkan sidik jari Dinas lewat telepon',
        text: 'Saat mengimpor, telepon petugas Dinas dan minta ia membacakan sidik jari kuncinya; terima hanya bila sama dengan yang tampil di layar.',
        link: 'Lihat Kunci kantor',
      },
      kirim: {
        title: 'Kirim paket pertama',
        text: 'Buat paket untuk kantor di atas kantor ini di Kirim/Terima Paket → Kirim, lalu bawa flashdisknya ke sana.',
        link: 'Buka Kirim',
      },
      pembinaanKirim: {
        title: 'Buat paket pembinaan',
        text: 'Di Kirim/Terima Paket → Kirim pilih “Paket pembinaan untuk semua kantor” dan bawa salinannya ke setiap Puskesmas.',
        link: 'Buka Kirim',
      },
      sidikJariKantor: {
        title: 'Terima paket pertama Puskesmas',
        text: 'Impor paket pertama dari Puskesmas di Terima dan cocokkan sidik jari kuncinya lewat telepon dengan petugas Puskesmas.',
        link: 'Buka Terima',
      },
      pembinaanLagi: {
        title: 'Buat paket pembinaan lagi',
        text: 'Paket pembinaan yang baru membawa kartu kunci kantor yang sudah dikenal Dinas; bawa salinannya ke setiap kelurahan/desa.',
        link: 'Buka Kirim',
      },
    },
  },
}

export const mulaiEn: Widen<typeof mulaiId> = {
  confirm: {
    title: 'Check once more',
    body: 'You are about to create the office for {{place}}. Is that right?',
    name: 'Office name: {{name}}',
    villages: 'Villages served: {{count}}',
    yes: 'Yes, that is right',
    back: 'Go back and change',
  },
  place: {
    kelurahan: 'Kelurahan {{name}}',
    desa: 'Desa {{name}}',
    kecamatan: 'Kecamatan {{name}}',
    other: '{{name}}',
  },
  area: {
    changeableHelp: 'The office area can still be changed until this office sends its first paket.',
    change: 'Change office area',
    cancel: 'Cancel',
    save: 'Save new area',
    saved: 'Office area changed: {{place}}.',
    lockedTitle: 'Wrong office area?',
    locked:
      'The office area can no longer change: this office has sent a paket (or carries on an identity already known), so the Puskesmas and the Dinas know it by this area. What can be done is to start a new identity:',
    lockedStep1: 'Make a backup to a USB stick (the Backups section above): a copy of the old office’s data off this PC.',
    lockedStep2: 'Press “Start a new identity” below. The app makes a backup, moves the old data file aside (not deleted) and opens the first screen: choose the right area and check the summary before pressing “Yes, correct”.',
    lockedStep3: 'Tell the Dinas (and the supervising Puskesmas) by phone: the old office with the wrong area has stopped, and the new office’s key fingerprint must be checked again. What was sent before stays at the Dinas under the old office.',
    newIdentity: 'Start a new identity…',
    newIdentityTitle: 'Start over as a new office?',
    newIdentityBody:
      '{{name}}’s data is kept as a backup and its data file moved aside next to the new one (not deleted). The app then returns to the first screen with no data, and the new office gets new keys. Kader and Posyandu come back in bundles from the Puskesmas/Dinas, or are imported again from Excel.',
    newIdentityType: 'Type this office’s name ({{name}}) to confirm',
    newIdentityConfirm: 'Start a new identity',
    newIdentityBusy: 'Moving the data…',
  },
  gabung: {
    title: 'Joining the region',
    intro: 'One-time steps so this office can exchange paket with the Puskesmas and the Dinas. Each step ticks itself when it has happened.',
    progress: '{{done}} of {{total}} steps done',
    done: 'Done',
    notYet: 'Not yet',
    steps: {
      pembinaan: {
        title: 'Import the Dinas setup paket',
        text: 'Get a copy of the Dinas setup paket (from the Puskesmas or the Dinas) on a flash drive and import it in Paket → Receive.',
        link: 'Open Receive',
      },
      sidikJari: {
        title: 'Match the Dinas fingerprint by phone',
        text: 'While importing, call the Dinas officer and have the key fingerprint read out; accept only when it matches the screen.',
        link: 'Open Office keys',
      },
      kirim: {
        title: 'Send the first paket',
        text: 'Make a paket for the office above this one in Paket → Send, then take the flash drive there.',
        link: 'Open Send',
      },
      pembinaanKirim: {
        title: 'Make the setup paket',
        text: 'In Paket → Send choose “Paket pembinaan untuk semua kantor” and take a copy to every Puskesmas.',
        link: 'Open Send',
      },
      sidikJariKantor: {
        title: 'Receive a Puskesmas first paket',
        text: 'Import the first paket of a Puskesmas in Receive and match its key fingerprint by phone with the Puskesmas officer.',
        link: 'Open Receive',
      },
      pembinaanLagi: {
        title: 'Make the setup paket again',
        text: 'The new setup paket carries the key cards of the offices the Dinas knows; take a copy to every village office.',
        link: 'Open Send',
      },
    },
  },
}
