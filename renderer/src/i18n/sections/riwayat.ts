// Strings of the history of changes (riwayat perubahan) and the officer's name in Pengaturan
// (Bahasa Indonesia first, English with the same keys). Merged into id.ts / en.ts as "riwayat".
// The Indonesian field and source names are the core's own (shared/domain/riwayat.ts), so the
// screen and the CLI say the same words.

import { RIWAYAT_FIELD_LABELS, RIWAYAT_SOURCE_NAMES } from '@shared/domain/riwayat'
import type { Widen } from '../widen'

export const riwayatId = {
  title: 'Riwayat perubahan',
  intro: 'Setiap perubahan data ini: kapan, oleh kantor dan petugas mana, kolom apa, nilai sebelum dan sesudahnya. Urutan terbaru di atas, menurut saat perubahan tiba di kantor ini.',
  caption: 'Riwayat perubahan {{name}}',
  colAt: 'Waktu',
  colWho: 'Kantor/petugas',
  colField: 'Kolom',
  colFrom: 'Sebelumnya',
  colTo: 'Menjadi',
  colSource: 'Sumber',
  onlyCreated: 'Belum ada perubahan sejak data ini dibuat.',
  sources: { ...RIWAYAT_SOURCE_NAMES },
  fields: { ...RIWAYAT_FIELD_LABELS },
  officerLegend: 'Nama petugas',
  officerLabel: 'Nama petugas di komputer ini',
  officerHelp: 'Dicatat pada riwayat perubahan untuk setiap perubahan yang diketik di sini. Kosongkan bila tidak ingin dicatat.',
}

export const riwayatEn: Widen<typeof riwayatId> = {
  title: 'Change history',
  intro: 'Every change of this record: when, by which office and officer, which field, its value before and after. Newest first, in the order the changes reached this office.',
  caption: 'Change history of {{name}}',
  colAt: 'Time',
  colWho: 'Office/officer',
  colField: 'Field',
  colFrom: 'Before',
  colTo: 'After',
  colSource: 'Source',
  onlyCreated: 'No changes since this record was created.',
  sources: { dibuat: 'Created', 'di-sini': 'Typed here', paket: 'From a bundle', gabung: 'Records merged', konflik: 'Conflict settled' },
  fields: {
    dibuat: 'Created',
    deleted: 'Record state',
    name: 'Name',
    phone: 'Phone',
    address: 'Address',
    birth_date: 'Date of birth',
    birth_place: 'Place of birth',
    posyandu_id: 'Posyandu',
    role: 'Role',
    status: 'Status',
    status_date: 'Status date',
    notes: 'Notes',
    note: 'Note',
    date: 'Date',
    title: 'Title',
    kind: 'Kind',
    place: 'Place',
    description: 'Description',
    opd_id: 'OPD',
    due_date: 'Deadline',
    kader_id: 'Kader',
    active: 'Active',
    schedule: 'Schedule',
    conclusions: 'Conclusions',
    agenda: 'Agenda',
    spm_fields: 'SPM fields',
  },
  officerLegend: 'Officer name',
  officerLabel: 'Name of the officer at this PC',
  officerHelp: 'Recorded in the change history for every change typed here. Leave empty to record none.',
}
