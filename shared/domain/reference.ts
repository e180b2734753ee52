// Closed lists the users choose from. Codes are stored; labels live in the renderer's i18n
// files (keys spm.<code>, role.<code>, status.<code>, level.<code>, education.<code>).

/** The six SPM fields a Posyandu serves since Permendagri 13/2024, in the official order. */
export const SPM_FIELDS = [
  'pendidikan',
  'kesehatan',
  'pekerjaan_umum',
  'perumahan_rakyat',
  'trantibumlinmas',
  'sosial',
] as const
export type SpmField = (typeof SPM_FIELDS)[number]

/** Office levels an installation can belong to. */
export const SITE_LEVELS = ['kelurahan', 'puskesmas', 'kecamatan', 'kota'] as const
export type SiteLevel = (typeof SITE_LEVELS)[number]

/** Kemendagri area levels: 1 provinsi, 2 kota/kabupaten, 3 kecamatan, 4 kelurahan/desa. */
export type AreaLevel = 1 | 2 | 3 | 4
/** Which area level an office of each kind sits at (a Puskesmas sits in a kecamatan). */
export const SITE_AREA_LEVEL: Record<SiteLevel, AreaLevel> = {
  kelurahan: 4,
  puskesmas: 3,
  kecamatan: 3,
  kota: 2,
}

export const KADER_ROLES = ['ketua', 'sekretaris', 'bendahara', 'ketua_bidang', 'kader'] as const
export type KaderRole = (typeof KADER_ROLES)[number]

export const KADER_STATUSES = ['aktif', 'nonaktif', 'pindah', 'meninggal'] as const
export type KaderStatus = (typeof KADER_STATUSES)[number]

export const SEXES = ['L', 'P'] as const
export type Sex = (typeof SEXES)[number]

/** Highest completed education, as Indonesian forms ask it. */
export const EDUCATION_LEVELS = [
  'tidak_sekolah',
  'sd',
  'smp',
  'sma',
  'd1_d3',
  'd4_s1',
  's2_s3',
] as const
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]
