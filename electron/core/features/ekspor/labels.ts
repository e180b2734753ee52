// The Indonesian words a spreadsheet shows for the stored codes. The screens take theirs from
// renderer/src/i18n (which the core cannot import); these are the same words, so a value read
// from an exported file matches what the person saw on screen, and the roster import
// (features/kader-impor) recognises its own labels when a roster comes back.

import type { LevelCode, TrainingKind } from '../../../../shared/domain/competency'
import type { FollowUpSource } from '../../../../shared/domain/meeting'
import type { EducationLevel, KaderRole, KaderStatus, SiteLevel, SpmField } from '../../../../shared/domain/reference'

export const ROLE_LABEL: Record<KaderRole, string> = {
  ketua: 'Ketua',
  sekretaris: 'Sekretaris',
  bendahara: 'Bendahara',
  ketua_bidang: 'Ketua Bidang',
  kader: 'Kader',
}

export const STATUS_LABEL: Record<KaderStatus, string> = {
  aktif: 'Aktif',
  nonaktif: 'Nonaktif',
  pindah: 'Pindah',
  meninggal: 'Meninggal',
}

export const EDUCATION_LABEL: Record<EducationLevel, string> = {
  tidak_sekolah: 'Tidak/belum sekolah',
  sd: 'SD/sederajat',
  smp: 'SMP/sederajat',
  sma: 'SMA/sederajat',
  d1_d3: 'Diploma I–III',
  d4_s1: 'Diploma IV/S1',
  s2_s3: 'S2/S3',
}

export const SPM_LABEL: Record<SpmField, string> = {
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  pekerjaan_umum: 'Pekerjaan Umum',
  perumahan_rakyat: 'Perumahan Rakyat',
  trantibumlinmas: 'Trantibumlinmas',
  sosial: 'Sosial',
}

/** Short names, as the roster and matrix columns show a level; "—" for none yet. */
export const LEVEL_LABEL: Record<LevelCode, string> = { purwa: 'Purwa', madya: 'Madya', utama: 'Utama' }
export const NO_LEVEL = '—'

export const TRAINING_KIND_LABEL: Record<TrainingKind, string> = {
  pelatihan: 'Pelatihan',
  refreshing: 'Refreshing',
  bimtek: 'Bimtek',
  orientasi: 'Orientasi',
  praktik_lapangan: 'Praktik lapangan',
}

export const FOLLOW_UP_SOURCE_LABEL: Record<FollowUpSource, string> = {
  rapat: 'Rapat',
  monev: 'Monev',
  aduan: 'Aduan',
}

export const OFFICE_LEVEL_LABEL: Record<SiteLevel, string> = {
  kelurahan: 'Kelurahan/desa',
  puskesmas: 'Puskesmas',
  kecamatan: 'Kecamatan',
  kota: 'Kota/kabupaten',
}

/** A label for a code, or the code itself when it is one this version does not know (a newer office's). */
export function labelOf<K extends string>(labels: Record<K, string>, code: string | null | undefined): string {
  if (!code) return ''
  return (labels as Record<string, string>)[code] ?? code
}
