// The kinds of records a bundle ("paket") carries: the replicated tables, in the order people
// think of them and in which every per-kind table is shown. The core's digest and bundle code,
// the CLI and the screens all use this one list.

export const PAKET_KINDS = [
  'posyandu',
  'kader',
  'kader_status',
  'training',
  'training_participant',
  'assessment',
  'opd',
  'meeting',
  'attachment',
  'follow_up',
  'follow_up_progress',
] as const
export type PaketKind = (typeof PAKET_KINDS)[number]

/** The kinds in the users' words (messages of the core and the CLI; the screens have their own i18n). */
export const PAKET_KIND_NAMES: Record<PaketKind, string> = {
  posyandu: 'Posyandu',
  kader: 'Kader',
  kader_status: 'Riwayat status kader',
  training: 'Pelatihan',
  training_participant: 'Peserta pelatihan',
  assessment: 'Penilaian kompetensi',
  opd: 'OPD',
  meeting: 'Rapat',
  attachment: 'Lampiran rapat',
  follow_up: 'Tindak lanjut',
  follow_up_progress: 'Perkembangan tindak lanjut',
}

const MEETINGS: readonly PaketKind[] = ['meeting', 'attachment', 'follow_up', 'follow_up_progress']

/**
 * Which kinds of records an office of each level may change, within its own area, in the
 * copies other offices hold (a bundle carrying anything else is refused record by record). A
 * kelurahan keeps its Posyandu register, kader and meetings; a Puskesmas its trainings and
 * assessments, and the kader of its villages too (it corrects them and merges the same person
 * entered by two kelurahan, which only it sees); the kota the reference data; every level its own
 * Tim Pembina meetings and follow-ups. Data, not code: the division of work is the region's, and may change.
 * OPD records keep their own rule (reference data from above; an office's own units go up).
 */
export const WEWENANG: Record<'kelurahan' | 'puskesmas' | 'kecamatan' | 'kota', readonly PaketKind[]> = {
  kelurahan: ['posyandu', 'kader', 'kader_status', 'opd', ...MEETINGS],
  puskesmas: ['kader', 'kader_status', 'training', 'training_participant', 'assessment', 'opd', ...MEETINGS],
  kecamatan: ['opd', ...MEETINGS],
  kota: ['opd', 'training', 'training_participant', 'assessment', ...MEETINGS],
}

export function isPaketKind(k: string): k is PaketKind {
  return (PAKET_KINDS as readonly string[]).includes(k)
}
