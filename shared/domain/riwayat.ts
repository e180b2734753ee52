// The history of changes (riwayat perubahan): the words the core and the CLI use for it. The
// screens take the same Indonesian labels through i18n (sections/riwayat.ts).

/** How a change came about. `dibuat` is the record's creation, told by its own created_at and owner. */
export const RIWAYAT_SOURCES = ['dibuat', 'di-sini', 'paket', 'gabung', 'konflik'] as const
export type RiwayatSource = (typeof RIWAYAT_SOURCES)[number]

export const RIWAYAT_SOURCE_NAMES: Record<RiwayatSource, string> = {
  dibuat: 'Dibuat',
  'di-sini': 'Diketik di sini',
  paket: 'Dari paket',
  gabung: 'Penggabungan data',
  konflik: 'Penyelesaian konflik',
}

/** The label of the synthetic first entry and of the tombstone column. */
export const CREATED_FIELD = 'dibuat'

/**
 * Columns of the replicated tables in the users' words, by column name (one name means one thing
 * across the tables). A column missing here is shown by its name.
 */
export const RIWAYAT_FIELD_LABELS: Record<string, string> = {
  dibuat: 'Dibuat',
  deleted: 'Keadaan data',
  name: 'Nama',
  nik: 'NIK',
  sex: 'Jenis kelamin',
  birth_place: 'Tempat lahir',
  birth_date: 'Tanggal lahir',
  phone: 'Nomor HP',
  address: 'Alamat',
  rt: 'RT',
  rw: 'RW',
  posyandu_id: 'Posyandu',
  role: 'Jabatan',
  spm_fields: 'Bidang SPM',
  spm_field: 'Bidang SPM',
  sk_number: 'Nomor SK',
  sk_date: 'Tanggal SK',
  education: 'Pendidikan',
  status: 'Status',
  status_date: 'Tanggal status',
  notes: 'Catatan',
  note: 'Catatan',
  village_code: 'Kode kelurahan/desa',
  village_name: 'Kelurahan/desa',
  puskesmas: 'Puskesmas',
  schedule: 'Jadwal',
  active: 'Aktif',
  kader_id: 'Kader',
  date: 'Tanggal',
  title: 'Judul',
  kind: 'Jenis',
  start_date: 'Tanggal mulai',
  end_date: 'Tanggal selesai',
  place: 'Tempat',
  organiser: 'Penyelenggara',
  facilitators: 'Fasilitator',
  competencies: 'Keterampilan',
  catalogue_version: 'Versi katalog',
  training_id: 'Pelatihan',
  attendance: 'Kehadiran',
  pre_score: 'Nilai awal',
  post_score: 'Nilai akhir',
  certificate_number: 'Nomor sertifikat',
  competency_code: 'Keterampilan',
  result: 'Hasil',
  method: 'Cara penilaian',
  assessor_name: 'Nama penilai',
  assessor_nip: 'NIP penilai',
  assessor_profession: 'Profesi penilai',
  assessor_institution: 'Instansi penilai',
  code: 'Kode',
  level: 'Tingkat',
  start_time: 'Jam mulai',
  end_time: 'Jam selesai',
  chair: 'Pimpinan rapat',
  minute_taker: 'Notulis',
  invitation_number: 'Nomor undangan',
  agenda: 'Agenda',
  conclusions: 'Kesimpulan',
  attendees: 'Daftar hadir',
  meeting_id: 'Rapat',
  file_name: 'Nama berkas',
  source: 'Sumber',
  description: 'Uraian',
  reporter: 'Pelapor',
  opd_id: 'OPD',
  due_date: 'Tenggat',
  closed_date: 'Tanggal selesai',
  closing_evidence: 'Bukti penyelesaian',
  follow_up_id: 'Tindak lanjut',
}
