// The Tim Pembina Posyandu (Pokjanal) side of a demo area: meetings per kelurahan (and per
// kecamatan and kota when the demo covers one) with attendance and minutes, and the follow-ups
// they, the monev visits and the complaints at Posyandu produced, each assigned to the OPD that
// owns its SPM field, with dated progress. Some are closed with evidence, some still open
// past their deadline, so the overdue marks, the OPD board and the search have something real
// to show. Deterministic for a seed (its own random stream) and dated only from the demo's
// fixed reference date, never from today.

import type { AgendaItem, Attendee } from '../../../../shared/contract'
import type { FollowUpSource, FollowUpStatus, MeetingKind, MeetingLevel } from '../../../../shared/domain/meeting'
import { normalisePhone } from '../../../../shared/domain/phone'
import { SPM_FIELDS, type Sex, type SpmField } from '../../../../shared/domain/reference'
import { BULAN, tanggal } from '../../../../shared/domain/tanggal'
import type { Db } from '../../db/schema'
import { uuidv7 } from '../../sync/uuid'
import { insertRecords, type RecordData } from '../../sync/write'
import { FIRST_NOTE } from '../follow-up/follow-up.service'
import { REFERENCE_DATE, type DemoRandom } from './demo-training'
import { areaStandIn, villageStandIn } from './stand-in'

export interface MeetingWorld {
  rng: DemoRandom
  personName(sex: Sex): string
  /** The kelurahan/desa of the demo area, in a stable order. */
  villages: readonly { code: string; name: string }[]
  districtNames: Map<string, string>
  regencyNames: Map<string, string>
  /** Level of the demo's area (4 a kelurahan, 3 a kecamatan, 2 a kota): who else holds meetings. */
  areaLevel: number
}

export interface MeetingHistoryResult {
  meetings: number
  followUps: number
  /** The offices the records were written as, sorted (stand-ins: stand-in.ts). */
  writers: string[]
}

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`)
const pad = (n: number, w: number) => String(n).padStart(w, '0')
const REFERENCE = iso(REFERENCE_DATE)
/** Six quarters of Tim Pembina work up to the reference date: 2025 Q1 … 2026 Q2. */
const QUARTERS = [
  [2025, 0],
  [2025, 1],
  [2025, 2],
  [2025, 3],
  [2026, 0],
  [2026, 1],
] as const
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const

const SPM_LABEL: Record<SpmField, string> = {
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  pekerjaan_umum: 'Pekerjaan Umum',
  perumahan_rakyat: 'Perumahan Rakyat',
  trantibumlinmas: 'Trantibumlinmas',
  sosial: 'Sosial',
}

// ---------------------------------------------------------------- the problems people raise

interface Context {
  posyandu: string
  rw: string
  village: string
  kecamatan: string
}

interface Problem {
  /** The default OPD (DEFAULT_OPDS code) that deals with it. */
  opd: string
  spm: SpmField | null
  text(c: Context, rng: DemoRandom): string
  action: string
  progress: readonly string[]
  evidence: string
  refusal: string
}

const PROBLEMS: readonly Problem[] = [
  {
    opd: 'dinkes',
    spm: 'kesehatan',
    text: (c) => `Timbangan dacin dan alat ukur panjang badan di ${c.posyandu} rusak, penimbangan memakai timbangan pinjaman warga.`,
    action: 'Penggantian alat antropometri kit melalui Puskesmas.',
    progress: ['Puskesmas sudah mendata alat yang rusak dan mengajukan ke Dinas Kesehatan.', 'Alat antropometri kit masuk daftar distribusi bulan depan.'],
    evidence: 'Alat antropometri kit diserahkan Puskesmas, berita acara serah terima ditandatangani ketua Posyandu.',
    refusal: 'Stok alat antropometri tahun ini habis; diusulkan kembali pada anggaran tahun berikutnya.',
  },
  {
    opd: 'dinkes',
    spm: 'kesehatan',
    text: (c, r) => `Cakupan imunisasi dasar lengkap di RW ${c.rw} baru ${r.int(55, 72)}%, di bawah target 90%.`,
    action: 'Sweeping imunisasi dan kunjungan rumah oleh bidan kelurahan bersama kader.',
    progress: ['Daftar balita yang belum lengkap imunisasinya sudah dicocokkan dengan kohort bidan.', 'Sweeping imunisasi dilaksanakan dua kali di RW tersebut.'],
    evidence: 'Laporan sweeping imunisasi: cakupan naik menjadi 91%, daftar balita terlampir.',
    refusal: 'Sebagian keluarga menolak imunisasi; ditangani melalui edukasi tokoh agama.',
  },
  {
    opd: 'dinkes',
    spm: 'kesehatan',
    text: (c, r) => `${r.int(4, 11)} balita di wilayah ${c.posyandu} berat badannya tidak naik dua bulan berturut-turut (2T), sebagian berisiko stunting.`,
    action: 'Rujukan ke Puskesmas dan pemberian makanan tambahan (PMT) lokal selama 90 hari.',
    progress: ['Balita 2T sudah dirujuk dan diperiksa dokter Puskesmas.', 'PMT lokal berjalan, pemantauan berat badan tiap dua minggu.'],
    evidence: 'Rekap PMT 90 hari dan hasil penimbangan akhir dari ahli gizi Puskesmas.',
    refusal: 'Keluarga pindah domisili ke luar wilayah; data diteruskan ke Puskesmas tujuan.',
  },
  {
    opd: 'dinkes',
    spm: 'kesehatan',
    text: (c, r) => `Ibu hamil kurang energi kronis (KEK) di RW ${c.rw} belum mendapat kunjungan rumah (${r.int(2, 6)} orang).`,
    action: 'Kunjungan rumah bidan dan pemberian tablet tambah darah serta makanan tambahan ibu hamil.',
    progress: ['Bidan kelurahan sudah menjadwalkan kunjungan rumah bersama kader.'],
    evidence: 'Catatan kunjungan rumah bidan di kohort ibu hamil, semua ibu hamil KEK sudah dikunjungi.',
    refusal: 'Ibu hamil memeriksakan diri di bidan praktik mandiri di luar wilayah.',
  },
  {
    opd: 'disdik',
    spm: 'pendidikan',
    text: (c, r) => `${r.int(6, 18)} anak usia 5–6 tahun di RW ${c.rw} belum terdaftar di PAUD/TK.`,
    action: 'Pendataan dan pendaftaran anak ke PAUD terdekat, sosialisasi oleh penilik PAUD.',
    progress: ['Penilik PAUD kecamatan sudah menerima data nama anak dari kader.', 'Sebagian anak sudah didaftarkan ke PAUD terdekat.'],
    evidence: 'Daftar anak yang sudah terdaftar di PAUD dari penilik PAUD kecamatan.',
    refusal: 'Kuota PAUD terdekat penuh; anak diarahkan ke kelompok bermain di Posyandu.',
  },
  {
    opd: 'disdik',
    spm: 'pendidikan',
    text: (c) => `Kegiatan PAUD di ${c.posyandu} kekurangan alat permainan edukatif dan buku cerita.`,
    action: 'Bantuan alat permainan edukatif dari Dinas Pendidikan.',
    progress: ['Usulan bantuan APE sudah diterima bidang PAUD Dinas Pendidikan.'],
    evidence: 'Satu paket alat permainan edukatif diserahkan, foto serah terima terlampir.',
    refusal: 'Bantuan APE tahun ini sudah dialokasikan; masuk usulan tahun berikutnya.',
  },
  {
    opd: 'pupr',
    spm: 'pekerjaan_umum',
    text: (c) => `Saluran drainase di sekitar ${c.posyandu} tersumbat sehingga halaman tergenang setiap hujan.`,
    action: 'Normalisasi saluran drainase oleh UPT PUPR bersama kerja bakti warga.',
    progress: ['Petugas UPT PUPR sudah meninjau lokasi.', 'Normalisasi saluran dijadwalkan setelah musim hujan.'],
    evidence: 'Saluran sudah dinormalisasi; foto sebelum dan sesudah dari UPT PUPR.',
    refusal: 'Saluran berada di lahan milik swasta; diselesaikan melalui musyawarah dengan pemilik lahan.',
  },
  {
    opd: 'pupr',
    spm: 'pekerjaan_umum',
    text: (c, r) => `Air bersih di RW ${c.rw} tidak mengalir lancar; sumur bor warga rusak sejak ${r.int(2, 5)} bulan lalu.`,
    action: 'Perbaikan sumur bor dan pemeriksaan kualitas air.',
    progress: ['Survei teknis sumur bor sudah dilakukan.', 'Pengadaan pompa pengganti sedang diproses.'],
    evidence: 'Sumur bor berfungsi kembali; hasil uji kualitas air memenuhi syarat.',
    refusal: 'Perbaikan menunggu program hibah air bersih provinsi.',
  },
  {
    opd: 'perkim',
    spm: 'perumahan_rakyat',
    text: (c, r) => `${r.int(2, 5)} rumah tidak layak huni di RW ${c.rw} ditempati keluarga dengan balita berisiko stunting.`,
    action: 'Usulan bantuan rehabilitasi rumah tidak layak huni (RTLH).',
    progress: ['Dinas Perkim sudah memverifikasi calon penerima bantuan RTLH.'],
    evidence: 'SK penerima bantuan RTLH dan foto rumah setelah direhabilitasi.',
    refusal: 'Status tanah belum jelas sehingga belum memenuhi syarat bantuan RTLH.',
  },
  {
    opd: 'perkim',
    spm: 'perumahan_rakyat',
    text: (c, r) => `${r.int(5, 20)} keluarga di RW ${c.rw} belum memiliki jamban sehat.`,
    action: 'Pembangunan jamban sehat melalui program sanitasi berbasis masyarakat.',
    progress: ['Pendataan keluarga calon penerima jamban sudah selesai.', 'Material jamban mulai dikirim.'],
    evidence: 'Berita acara serah terima jamban sehat kepada keluarga penerima.',
    refusal: 'Lahan rumah tidak cukup untuk septic tank; diarahkan ke MCK komunal.',
  },
  {
    opd: 'satpolpp',
    spm: 'trantibumlinmas',
    text: (c) => `Pedagang kaki lima menutup akses jalan ke ${c.posyandu} pada hari buka Posyandu.`,
    action: 'Penertiban dan pembinaan pedagang oleh Satpol PP bersama kelurahan.',
    progress: ['Satpol PP sudah memberikan teguran lisan kepada pedagang.'],
    evidence: 'Akses jalan bebas pada hari buka; laporan patroli Satpol PP.',
    refusal: 'Pedagang sudah direlokasi oleh pengelola pasar; tidak perlu penertiban.',
  },
  {
    opd: 'bpbd',
    spm: 'trantibumlinmas',
    text: (c) => `Lokasi ${c.posyandu} rawan banjir; belum ada jalur evakuasi dan kader belum dilatih siaga bencana.`,
    action: 'Pemasangan rambu jalur evakuasi dan simulasi siaga bencana untuk kader.',
    progress: ['BPBD sudah melakukan kajian risiko di lokasi.', 'Simulasi siaga bencana dijadwalkan bersama kelurahan.'],
    evidence: 'Rambu jalur evakuasi terpasang; daftar hadir simulasi siaga bencana.',
    refusal: 'Posyandu dipindahkan ke lokasi yang tidak rawan banjir.',
  },
  {
    opd: 'dinsos',
    spm: 'sosial',
    text: (c, r) => `${r.int(2, 6)} keluarga balita gizi kurang di RW ${c.rw} belum terdaftar di DTKS sehingga tidak menerima bantuan sosial.`,
    action: 'Pengusulan keluarga ke DTKS melalui musyawarah kelurahan.',
    progress: ['Data keluarga sudah diinput operator SIKS-NG kelurahan.', 'Usulan menunggu verifikasi Dinas Sosial.'],
    evidence: 'Keluarga sudah tercantum di DTKS hasil pemutakhiran terakhir.',
    refusal: 'Keluarga tidak memenuhi kriteria DTKS setelah verifikasi lapangan.',
  },
  {
    opd: 'dinsos',
    spm: 'sosial',
    text: (c) => `Lansia tinggal sendiri di RW ${c.rw} tidak terurus dan jarang datang ke Posyandu.`,
    action: 'Pendampingan oleh pekerja sosial dan kunjungan rumah kader lansia.',
    progress: ['Pekerja sosial masyarakat sudah melakukan asesmen.'],
    evidence: 'Lansia menerima pendampingan rutin; catatan kunjungan pekerja sosial.',
    refusal: 'Lansia dibawa keluarganya pindah ke luar kota.',
  },
  {
    opd: 'dukcapil',
    spm: null,
    text: (c, r) => `${r.int(8, 25)} balita di RW ${c.rw} belum memiliki akta kelahiran.`,
    action: 'Pelayanan jemput bola akta kelahiran di Posyandu.',
    progress: ['Berkas persyaratan sudah dikumpulkan kader.', 'Jadwal jemput bola Disdukcapil sudah ditetapkan.'],
    evidence: 'Akta kelahiran sudah diterbitkan dan diserahkan kepada orang tua saat hari buka Posyandu.',
    refusal: 'Orang tua belum memiliki buku nikah; diarahkan ke sidang isbat.',
  },
  {
    opd: 'dp3ap2kb',
    spm: null,
    text: (c) => `Pendampingan keluarga berisiko stunting oleh Tim Pendamping Keluarga (TPK) di ${c.village} belum berjalan rutin.`,
    action: 'Penjadwalan ulang kunjungan TPK dan pelaporan bulanan ke Posyandu.',
    progress: ['Koordinator TPK kecamatan sudah menerima daftar keluarga sasaran.'],
    evidence: 'Laporan kunjungan TPK tiga bulan terakhir lengkap.',
    refusal: 'Anggota TPK berkurang; menunggu rekrutmen anggota baru.',
  },
  {
    opd: 'ketahanan_pangan',
    spm: null,
    text: () => 'Bahan PMT lokal sulit didapat dan mahal; belum ada pekarangan pangan lestari di sekitar Posyandu.',
    action: 'Pembinaan kelompok wanita tani dan bantuan bibit sayur untuk pekarangan pangan.',
    progress: ['Penyuluh pertanian sudah membentuk kelompok pekarangan pangan.'],
    evidence: 'Pekarangan pangan lestari sudah panen; hasilnya dipakai untuk PMT Posyandu.',
    refusal: 'Tidak tersedia lahan pekarangan; diganti dengan bantuan bahan pangan.',
  },
  {
    opd: 'dlh',
    spm: null,
    text: (c) => `Tumpukan sampah di dekat ${c.posyandu} menimbulkan bau dan lalat.`,
    action: 'Pengangkutan sampah rutin dan pembentukan bank sampah RW.',
    progress: ['DLH sudah menambah jadwal pengangkutan sampah.'],
    evidence: 'Tempat pembuangan sampah liar sudah dibersihkan; bank sampah RW terbentuk.',
    refusal: 'Lahan milik pihak swasta; pemilik sudah diberi surat peringatan.',
  },
  {
    opd: 'pemerintahan',
    spm: null,
    text: () => 'Insentif kader Posyandu triwulan lalu belum dibayarkan.',
    action: 'Percepatan pencairan insentif kader melalui anggaran kelurahan.',
    progress: ['Berkas pencairan sudah diajukan ke bagian keuangan.'],
    evidence: 'Insentif kader sudah ditransfer; daftar penerima ditandatangani lurah.',
    refusal: 'Anggaran insentif kader tidak tersedia pada APBD perubahan.',
  },
]

/** Problems a monev visit finds at a Posyandu, by the SPM fields it serves. */
const byField = (field: SpmField) => PROBLEMS.filter((p) => p.spm === field)

// ---------------------------------------------------------------- people at the table

interface OpdRef {
  id: string
  code: string | null
  name: string
  spmFields: SpmField[]
}

const PHONE_PREFIXES = ['812', '813', '821', '822', '852', '857', '858', '877', '878', '895', '896'] as const

function phone(rng: DemoRandom): string | null {
  return rng.chance(0.75) ? normalisePhone(`0${rng.pick(PHONE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`) : null
}

function person(w: MeetingWorld, sex: Sex, style: 'hajjah' | 'degree' | 'plain' = 'plain'): string {
  const name = w.personName(sex)
  if (style === 'hajjah') return w.rng.chance(0.5) ? `${sex === 'P' ? 'Hj.' : 'H.'} ${name}` : name
  if (style === 'degree') return `${name}, ${w.rng.pick(['S.Sos', 'S.E.', 'S.Pd', 'S.KM', 'S.IP', 'S.T.', 'A.Md'])}`
  return name
}

interface Table {
  chair: string
  minuteTaker: string
  attendees: Attendee[]
  /** The Puskesmas person who reports (kesehatan). */
  reporter: string
}

/** Who sits at a Tim Pembina table at this level: chair, government, OPD, Puskesmas, community. */
function attendance(w: MeetingWorld, scope: Scope, opds: OpdRef[]): Table {
  const rng = w.rng
  const { level, area, kecamatan } = scope
  const posyandu = scope.posyandu.map((p) => p.name)
  const list: Attendee[] = []
  const add = (name: string, position: string, institution: string, opdId: string | null = null) =>
    list.push({ name, position, institution, opdId, phone: phone(rng), present: true })
  const byCode = (code: string) => opds.find((o) => o.code === code) ?? null

  const pkk = byCode('tppkk')
  const chair = person(w, 'P', 'hajjah')
  add(chair, `Ketua TP PKK ${area}`, `TP PKK ${area}`, pkk?.id ?? null)
  const head = level === 'kelurahan' ? 'Lurah' : level === 'kecamatan' ? 'Camat' : 'Asisten Pemerintahan dan Kesra'
  add(person(w, rng.chance(0.7) ? 'L' : 'P', 'degree'), head, level === 'kota' ? `Sekretariat Daerah ${area}` : `Kantor ${area}`, byCode('pemerintahan')?.id ?? null)
  const minuteTaker = person(w, rng.chance(0.6) ? 'P' : 'L', 'degree')
  add(
    minuteTaker,
    level === 'kota' ? 'Analis Kebijakan' : 'Kasi Kesejahteraan Sosial',
    level === 'kota' ? `Bagian Kesra ${area}` : `Kantor ${area}`,
    byCode('pemerintahan')?.id ?? null,
  )
  const dinkes = byCode('dinkes')
  const reporter = person(w, 'P')
  add(
    level === 'kota' ? person(w, 'P', 'degree') : `Bd. ${reporter}`,
    level === 'kota' ? 'Kepala Bidang Kesehatan Masyarakat' : 'Bidan Koordinator',
    level === 'kota' ? (dinkes?.name ?? 'Dinas Kesehatan') : `Puskesmas ${kecamatan}`,
    dinkes?.id ?? null,
  )
  if (level !== 'kota') add(`${person(w, 'P')}, S.Gz`, 'Nutrisionis', `Puskesmas ${kecamatan}`, dinkes?.id ?? null)

  // Members from the OPD that own an SPM field, and some of the cross-cutting ones.
  const members = rng.shuffle(opds.filter((o) => o.code !== 'tppkk' && o.code !== 'pemerintahan' && o.code !== 'dinkes'))
  const positions =
    level === 'kota'
      ? ['Kepala Bidang', 'Sekretaris Dinas', 'Kepala Seksi', 'Analis Kebijakan']
      : level === 'kecamatan'
        ? ['Kepala UPT', 'Koordinator Wilayah', 'Kepala Seksi', 'Staf']
        : ['Penyuluh', 'Petugas Lapangan', 'Staf', 'Koordinator Wilayah']
  const owners = members.filter((o) => o.spmFields.length > 0)
  const others = members.filter((o) => o.spmFields.length === 0)
  for (const o of [...owners.slice(0, rng.int(3, owners.length)), ...others.slice(0, rng.int(1, Math.min(4, others.length)))]) {
    add(person(w, rng.chance(0.5) ? 'P' : 'L', rng.chance(0.5) ? 'degree' : 'plain'), rng.pick(positions), o.name, o.id)
  }

  if (level === 'kelurahan') {
    add(person(w, 'L'), 'Babinsa', `Koramil ${kecamatan}`)
    if (rng.chance(0.7)) add(person(w, 'L'), 'Bhabinkamtibmas', `Polsek ${kecamatan}`)
    add(person(w, 'L', 'hajjah'), 'Ketua LPM', `LPM ${area}`)
    for (const p of rng.shuffle(posyandu).slice(0, rng.int(2, 6))) add(person(w, 'P'), 'Ketua Posyandu', p)
    for (let i = 0, n = rng.int(1, 3); i < n; i++) add(person(w, 'L', 'hajjah'), `Ketua RW ${pad(rng.int(1, 12), 3)}`, area)
  } else if (level === 'kecamatan') {
    for (let i = 0, n = rng.int(2, 5); i < n; i++) {
      const village = rng.pick(scope.below)
      add(person(w, rng.chance(0.6) ? 'L' : 'P', 'degree'), village.startsWith('Desa') ? 'Kepala Desa' : 'Lurah', village)
    }
    add(person(w, 'L'), 'Danramil', `Koramil ${kecamatan}`)
    add(person(w, 'P', 'hajjah'), 'Ketua Pokja IV', `TP PKK ${area}`, pkk?.id ?? null)
  } else {
    add(person(w, 'P', 'hajjah'), 'Sekretaris TP PKK', `TP PKK ${area}`, pkk?.id ?? null)
    for (let i = 0, n = rng.int(1, 3); i < n; i++) add(person(w, rng.chance(0.6) ? 'L' : 'P', 'degree'), 'Camat', rng.pick(scope.below))
  }
  // 10–25 on the sheet; about one in ten invited did not come (never the chair or the minute-taker).
  while (list.length < 10) add(person(w, 'P'), 'Kader Posyandu', rng.pick(posyandu.length ? posyandu : [`TP PKK ${area}`]))
  list.splice(25)
  for (const a of list.slice(3)) if (rng.chance(0.1)) a.present = false
  return { chair, minuteTaker, attendees: list, reporter }
}

// ---------------------------------------------------------------- one meeting

interface PosyanduRef {
  id: string
  name: string
  rw: string
  villageCode: string
  spmFields: SpmField[]
}

interface FollowUpDraft {
  source: FollowUpSource
  meeting: number | null
  date: string
  posyanduId: string | null
  spmField: SpmField | null
  description: string
  reporter: string | null
  opdId: string
  dueDate: string
  problem: Problem
}

interface MeetingDraft {
  id: string
  level: MeetingLevel
  kind: MeetingKind
  title: string
  date: string
  startTime: string
  endTime: string
  place: string
  chair: string
  minuteTaker: string
  invitationNumber: string
  posyanduId: string | null
  spmFields: SpmField[]
  agenda: AgendaItem[]
  conclusions: string
  attendees: Attendee[]
}

interface Scope {
  level: MeetingLevel
  /** "Kelurahan Sukarasa", "Kecamatan Tangerang", "Kota Tangerang". */
  area: string
  kecamatan: string
  village: string
  /** "Kel.1001", "Kec.01", "Kota": the office part of an invitation number. */
  office: string
  posyandu: PosyanduRef[]
  /** Where the Tim Pembina usually meets. */
  hall: string
  /** The areas one level down whose heads attend ("Kelurahan Sukarasa", "Kecamatan Tangerang"). */
  below: string[]
}

const OTHER_KINDS: readonly MeetingKind[] = ['fgd', 'bimtek', 'advokasi', 'konsultasi_publik']

const TOPIC: Record<Exclude<MeetingKind, 'rapat_koordinasi' | 'monev'>, readonly string[]> = {
  fgd: ['Penanganan Stunting Berbasis Posyandu', 'Layanan Posyandu bagi Seluruh Siklus Hidup (ILP)', 'Partisipasi Remaja dan Lansia di Posyandu'],
  bimtek: ['Pencatatan dan Pelaporan Posyandu', 'Penggunaan Alat Antropometri Standar', 'Penyusunan Rencana Kerja Posyandu'],
  advokasi: ['Dukungan Anggaran Posyandu dalam Musrenbang', 'Dukungan Dunia Usaha untuk PMT Lokal', 'Peran Tokoh Agama dalam Imunisasi'],
  konsultasi_publik: ['Rencana Kegiatan Posyandu Tahun Depan', 'Standar Pelayanan Posyandu', 'Jadwal dan Lokasi Posyandu'],
}

const KIND_PREFIX: Record<Exclude<MeetingKind, 'rapat_koordinasi' | 'monev'>, string> = {
  fgd: 'Diskusi Kelompok Terarah (FGD)',
  bimtek: 'Bimbingan Teknis',
  advokasi: 'Advokasi',
  konsultasi_publik: 'Konsultasi Publik',
}

function weekday(rng: DemoRandom, from: number, to: number): number {
  for (;;) {
    const d = from + rng.int(0, Math.max(0, Math.floor((to - from) / DAY))) * DAY
    const wd = new Date(d).getUTCDay()
    if (wd >= 1 && wd <= 5) return d
  }
}

function context(scope: Scope, p: PosyanduRef | null): Context {
  return { posyandu: p?.name ?? `Posyandu di ${scope.area}`, rw: p ? p.rw : '001', village: scope.village, kecamatan: scope.kecamatan }
}

function pickOpd(opds: OpdRef[], problem: Problem): OpdRef {
  return (
    opds.find((o) => o.code === problem.opd) ??
    (problem.spm ? opds.find((o) => o.spmFields.includes(problem.spm!)) : undefined) ??
    opds.find((o) => o.code === 'pemerintahan') ??
    opds[0]!
  )
}

function rich(lines: (string | null | false)[]): string {
  return lines.filter((l): l is string => typeof l === 'string').join('\n')
}

function makeMeeting(
  w: MeetingWorld,
  scope: Scope,
  kind: MeetingKind,
  date: number,
  serial: number,
  opds: OpdRef[],
  meetingIndex: number,
  followUps: FollowUpDraft[],
): MeetingDraft {
  const rng = w.rng
  const d = new Date(date)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth()
  const quarter = ROMAN[Math.floor(month / 3)]!
  const visited = kind === 'monev' && scope.posyandu.length ? rng.pick(scope.posyandu) : null
  const table = attendance(w, scope, opds)
  const morning = rng.chance(0.8)
  const start = morning ? rng.pick(['08:30', '09:00', '09:00', '09:30']) : rng.pick(['13:00', '13:30'])
  const [h, m] = start.split(':').map(Number) as [number, number]
  const end = `${pad(h + rng.int(2, 3), 2)}:${pad(m, 2)}`

  // The problems raised: each becomes a follow-up owned by the OPD of its SPM field.
  const problems: { problem: Problem; posyandu: PosyanduRef | null; text: string }[] = []
  const wanted = kind === 'monev' ? rng.int(1, 3) : kind === 'rapat_koordinasi' ? rng.int(2, 4) : rng.int(0, 2)
  for (let i = 0; i < wanted; i++) {
    const p = visited ?? (scope.posyandu.length && rng.chance(0.8) ? rng.pick(scope.posyandu) : null)
    const pool = visited ? visited.spmFields.flatMap(byField) : PROBLEMS
    const problem = rng.pick(pool.length ? pool : PROBLEMS)
    if (problems.some((x) => x.problem === problem)) continue
    problems.push({ problem, posyandu: p, text: problem.text(context(scope, p), rng) })
  }
  const dateIso = iso(date)
  const due = () => iso(date + rng.pick([30, 30, 45, 60, 60, 90]) * DAY)
  const decisions = problems.map((pr) => {
    const opd = pickOpd(opds, pr.problem)
    const draft: FollowUpDraft = {
      source: kind === 'monev' ? 'monev' : 'rapat',
      meeting: meetingIndex,
      date: dateIso,
      posyanduId: pr.posyandu?.id ?? null,
      spmField: pr.problem.spm,
      description: `${pr.text} ${pr.problem.action}`,
      reporter: null,
      opdId: opd.id,
      dueDate: due(),
      problem: pr.problem,
    }
    followUps.push(draft)
    return { ...pr, opd, due: draft.dueDate }
  })
  const field = (pr: (typeof problems)[number]) => (pr.problem.spm ? `Bidang ${SPM_LABEL[pr.problem.spm]}` : 'Lintas bidang')
  const rtl = decisions.length
    ? rich(decisions.map((x) => `- ${x.problem.action} Penanggung jawab: **${x.opd.name}**, tenggat ${tanggal(x.due)}.`))
    : 'Tidak ada tindak lanjut baru; pelaksanaan kegiatan dipantau pada rapat berikutnya.'
  const opening = rich([
    `Rapat dibuka oleh ${table.chair} selaku Ketua TP PKK dan Ketua Tim Pembina Posyandu ${scope.area}.`,
    `Beliau menegaskan bahwa **Posyandu bukan tempat berhentinya keluhan masyarakat**: setiap masalah yang dilaporkan harus sampai ke OPD yang bertanggung jawab dan dipantau sampai selesai.`,
  ])

  let title: string
  let agenda: AgendaItem[]
  let spmFields: SpmField[]
  let conclusions: string
  if (kind === 'rapat_koordinasi') {
    title = `Rapat Koordinasi Tim Pembina Posyandu ${scope.area} Triwulan ${quarter} Tahun ${year}`
    const target = rng.int(180, 900)
    const weighed = Math.round(target * (0.7 + rng.next() * 0.25))
    agenda = [
      { title: 'Pembukaan dan arahan Ketua Tim Pembina Posyandu', minutes: opening },
      {
        title: `Laporan kegiatan Posyandu triwulan ${quarter} tahun ${year}`,
        minutes: rich([
          `Laporan disampaikan oleh Bidan Koordinator Puskesmas ${scope.kecamatan}:`,
          `- Balita ditimbang (D/S): **${weighed} dari ${target} sasaran (${Math.round((weighed / target) * 100)}%)**`,
          `- Balita yang berat badannya tidak naik: ${rng.int(5, 40)} anak`,
          `- Ibu hamil yang diperiksa: ${rng.int(20, 120)} orang, ${rng.int(1, 9)} di antaranya KEK`,
          `- Posyandu yang buka sesuai jadwal: ${Math.max(1, scope.posyandu.length - rng.int(0, 2))} dari ${Math.max(1, scope.posyandu.length)}`,
          '',
          'Peserta mencatat bahwa kehadiran balita usia 2–5 tahun masih rendah dibanding bayi.',
        ]),
      },
      {
        title: 'Pembahasan permasalahan per bidang SPM',
        minutes: decisions.length
          ? rich([
              'Permasalahan yang disampaikan kader, RW dan OPD:',
              ...decisions.map((x, i) => `${i + 1}. **${field(x)}**: ${x.text}`),
              '',
              'Setiap permasalahan dibahas bersama OPD yang membidangi dan disepakati penanggung jawabnya.',
            ])
          : 'Tidak ada permasalahan baru yang disampaikan.',
      },
      { title: 'Rencana tindak lanjut dan penutup', minutes: rtl },
    ]
    if (rng.chance(0.6)) {
      agenda.splice(3, 0, {
        title: 'Perkembangan tindak lanjut rapat sebelumnya',
        minutes: rich([
          'Sekretaris membacakan daftar tindak lanjut rapat sebelumnya.',
          '- Tindak lanjut yang sudah selesai dilaporkan beserta buktinya.',
          '- Yang **lewat tenggat** diminta dilaporkan perkembangannya oleh OPD penanggung jawab paling lambat satu minggu setelah rapat.',
        ]),
      })
    }
    spmFields = SPM_FIELDS.filter((f) => f === 'kesehatan' || decisions.some((x) => x.problem.spm === f))
    conclusions = rich([
      `1. Rapat menyepakati ${decisions.length} rencana tindak lanjut dengan OPD penanggung jawab dan tenggatnya.`,
      '2. Kader diminta melaporkan balita yang tidak datang dua bulan berturut-turut kepada bidan kelurahan.',
      `3. Rapat koordinasi berikutnya dijadwalkan bulan ${BULAN[(month + 3) % 12]}.`,
    ])
  } else if (kind === 'monev') {
    const target = visited?.name ?? `Posyandu di ${scope.area}`
    title = `Monev dan Pembinaan ${target}`
    const served = visited?.spmFields ?? ['kesehatan']
    agenda = [
      {
        title: `Pengamatan hari buka ${target}`,
        minutes: rich([
          `Tim Pembina hadir pada hari buka ${target} dan mengamati pelayanan:`,
          ...served.map((f) => `- **${SPM_LABEL[f]}**: ${f === 'kesehatan' ? `penimbangan, pengukuran dan pencatatan berjalan; ${rng.int(20, 80)} balita dilayani` : 'layanan berjalan dengan dukungan kader bidang'}.`),
          '',
          `Kader yang bertugas: ${rng.int(4, 10)} orang.`,
        ]),
      },
      {
        title: 'Temuan dan rekomendasi',
        minutes: decisions.length
          ? rich([...decisions.map((x, i) => `${i + 1}. ${x.text}`), '', 'Rekomendasi:', ...decisions.map((x) => `- ${x.problem.action} (**${x.opd.name}**)`)])
          : 'Tidak ada temuan yang perlu ditindaklanjuti OPD.',
      },
    ]
    spmFields = served
    conclusions = rich([
      `Pelayanan ${target} ${decisions.length ? 'berjalan dengan beberapa catatan' : 'berjalan baik'}.`,
      decisions.length ? 'Temuan dicatat sebagai tindak lanjut dan dipantau Tim Pembina sampai selesai.' : null,
    ])
  } else {
    const topic = rng.pick(TOPIC[kind])
    title = `${KIND_PREFIX[kind]} ${topic} ${scope.area}`
    agenda = [
      { title: 'Pembukaan', minutes: opening },
      {
        title: `Paparan: ${topic}`,
        minutes: rich([
          `Narasumber dari ${rng.pick(opds.filter((o) => o.spmFields.length)).name} memaparkan materi **${topic}**.`,
          '- Kondisi saat ini dan data pendukung',
          '- Peran kader, RW dan OPD',
          '- Contoh praktik baik dari kelurahan lain',
        ]),
      },
      {
        title: 'Diskusi dan tanya jawab',
        minutes: rich([
          `Peserta menyampaikan ${rng.int(3, 8)} pertanyaan dan usulan.`,
          ...decisions.map((x) => `- ${x.text}`),
        ]),
      },
      { title: 'Kesepakatan dan penutup', minutes: rtl },
    ]
    spmFields = SPM_FIELDS.filter((f) => f === 'kesehatan' || decisions.some((x) => x.problem.spm === f))
    conclusions = rich([`Peserta memahami materi ${topic.toLowerCase()} dan sepakat menerapkannya di Posyandu masing-masing.`])
  }

  return {
    id: uuidv7(),
    level: scope.level,
    kind,
    title,
    date: dateIso,
    startTime: start,
    endTime: end,
    place: visited ? `${visited.name}, RW ${visited.rw}` : scope.hall,
    chair: table.chair,
    minuteTaker: table.minuteTaker,
    invitationNumber: `005/${pad(serial, 3)}/${scope.office}/${ROMAN[month]}/${year}`,
    posyanduId: visited?.id ?? null,
    spmFields,
    agenda,
    conclusions,
    attendees: table.attendees,
  }
}

/** Complaints and aspirations told to kader at a Posyandu, outside any meeting. */
function complaints(w: MeetingWorld, scope: Scope, opds: OpdRef[], out: FollowUpDraft[]): void {
  const rng = w.rng
  for (let i = 0, n = scope.posyandu.length ? rng.int(1, 4) : 0; i < n; i++) {
    const p = rng.pick(scope.posyandu)
    const problem = rng.pick(PROBLEMS)
    const date = weekday(rng, Date.UTC(2025, 0, 6), REFERENCE_DATE - 14 * DAY)
    const sex: Sex = rng.chance(0.8) ? 'P' : 'L'
    out.push({
      source: 'aduan',
      meeting: null,
      date: iso(date),
      posyanduId: p.id,
      spmField: problem.spm,
      description: `${problem.text(context(scope, p), rng)} ${problem.action}`,
      reporter: `${sex === 'P' ? 'Ibu' : 'Bapak'} ${w.personName(sex)}, warga RW ${p.rw}`,
      opdId: pickOpd(opds, problem).id,
      dueDate: iso(date + rng.pick([14, 30, 30, 60]) * DAY),
      problem,
    })
  }
}

// ---------------------------------------------------------------- what happened afterwards

interface Outcome {
  status: FollowUpStatus
  closedDate: string | null
  evidence: string | null
  progress: { date: string; status: FollowUpStatus; note: string }[]
}

function between(rng: DemoRandom, from: string, to: string): string {
  return iso(dayMs(from) + rng.int(0, Math.max(0, Math.round((dayMs(to) - dayMs(from)) / DAY))) * DAY)
}

/**
 * Statuses as of the reference date. Past its deadline: most closed (some late), about a third
 * still open — overdue on any day after the reference date; `forceOpen` keeps at least one per
 * area so. Not yet due: some already done.
 */
function outcome(rng: DemoRandom, f: FollowUpDraft, forceOpen: boolean): Outcome {
  const pastDue = f.dueDate < REFERENCE
  const start = iso(dayMs(f.date) + 3 * DAY)
  const latestClose = pastDue ? iso(Math.min(REFERENCE_DATE, dayMs(f.dueDate) + 45 * DAY)) : REFERENCE
  const canClose = dayMs(latestClose) - dayMs(f.date) >= 7 * DAY
  const open = forceOpen || !canClose || rng.chance(pastDue ? 0.2 : 0.6)
  // Every follow-up starts with the note createFollowUp writes.
  const notes: Outcome['progress'] = [{ date: f.date, status: 'baru', note: FIRST_NOTE }]
  if (open) {
    // Some were simply forgotten: still "baru" without a word since.
    if (rng.chance(0.35) || start >= REFERENCE) return { status: 'baru', closedDate: null, evidence: null, progress: notes }
    const last = iso(Math.min(REFERENCE_DATE - DAY, dayMs(f.dueDate) - DAY))
    const first = between(rng, start, last < start ? start : last)
    notes.push({ date: first, status: 'diproses', note: f.problem.progress[0]! })
    if (f.problem.progress[1] && rng.chance(0.5)) notes.push({ date: between(rng, first, REFERENCE), status: 'diproses', note: f.problem.progress[1] })
    return { status: 'diproses', closedDate: null, evidence: null, progress: notes }
  }
  const closed = between(rng, iso(dayMs(f.date) + 7 * DAY), latestClose)
  if (rng.chance(0.75)) notes.push({ date: between(rng, start, closed), status: 'diproses', note: f.problem.progress[0]! })
  if (rng.chance(0.1)) {
    notes.push({ date: closed, status: 'tidak_dapat', note: f.problem.refusal })
    return { status: 'tidak_dapat', closedDate: closed, evidence: null, progress: notes }
  }
  // As addFollowUpProgress keeps it: the evidence also in the history.
  notes.push({ date: closed, status: 'selesai', note: `Dinyatakan selesai oleh Tim Pembina.\nBukti penyelesaian: ${f.problem.evidence}` })
  return { status: 'selesai', closedDate: closed, evidence: f.problem.evidence, progress: notes }
}

// ---------------------------------------------------------------- writing

/** A Tim Pembina's office: the level and area its records are kept for. */
interface TeamOffice {
  level: 'kelurahan' | 'kecamatan' | 'kota'
  areaCode: string
}

async function loadOpds(db: Db): Promise<OpdRef[]> {
  const rows = await db.selectFrom('opd').select(['id', 'code', 'name', 'spm_fields']).where('deleted', '=', 0).where('active', '=', 1).execute()
  // Ids differ between databases; order by what an office sees, so a seed gives the same picks.
  return rows
    .map((r) => ({ id: r.id, code: r.code, name: r.name, spmFields: JSON.parse(r.spm_fields) as SpmField[] }))
    .sort((a, b) => (a.code ?? `~${a.name}`).localeCompare(b.code ?? `~${b.name}`) || a.name.localeCompare(b.name))
}

async function loadPosyandu(db: Db, villageCodes: readonly string[]): Promise<Map<string, PosyanduRef[]>> {
  const out = new Map<string, PosyanduRef[]>()
  if (villageCodes.length === 0) return out
  const rows = await db
    .selectFrom('posyandu')
    .select(['id', 'name', 'rw', 'village_code', 'spm_fields'])
    .where('deleted', '=', 0)
    .where('active', '=', 1)
    .where('village_code', 'in', villageCodes)
    .orderBy('village_code')
    .orderBy('name')
    .orderBy('id')
    .execute()
  for (const r of rows) {
    let list = out.get(r.village_code)
    if (!list) out.set(r.village_code, (list = []))
    list.push({ id: r.id, name: r.name, rw: r.rw ?? '001', villageCode: r.village_code, spmFields: JSON.parse(r.spm_fields) as SpmField[] })
  }
  return out
}

/** The meetings of one Tim Pembina over the six quarters, with the follow-ups they produced. */
function teamHistory(w: MeetingWorld, scope: Scope, opds: OpdRef[], meetings: MeetingDraft[], followUps: FollowUpDraft[]): void {
  const rng = w.rng
  const shares: Record<MeetingLevel, { rakor: number; monev: number; other: number }> = {
    kelurahan: { rakor: 0.7, monev: 0.4, other: 0.25 },
    kecamatan: { rakor: 0.6, monev: 0.25, other: 0.2 },
    kota: { rakor: 0.5, monev: 0, other: 0.3 },
  }
  const share = shares[scope.level]
  let serial = rng.int(10, 60)
  for (const [year, q] of QUARTERS) {
    const from = Date.UTC(year, q * 3, 6)
    const to = Math.min(Date.UTC(year, q * 3 + 3, 0), REFERENCE_DATE - 3 * DAY)
    const kinds: MeetingKind[] = []
    if (rng.chance(share.rakor)) kinds.push('rapat_koordinasi')
    if (scope.posyandu.length && rng.chance(share.monev)) kinds.push('monev')
    if (rng.chance(share.other)) kinds.push(rng.pick(OTHER_KINDS))
    const dates = kinds.map(() => weekday(rng, from, to)).sort((a, b) => a - b)
    kinds.forEach((kind, i) => {
      serial += rng.int(3, 40)
      meetings.push(makeMeeting(w, scope, kind, dates[i]!, serial, opds, meetings.length, followUps))
    })
  }
}

/**
 * Writes the Tim Pembina history of the demo area in one transaction. The caller rebuilds the
 * search index afterwards (rows written here skip the per-row reindex of the services).
 */
export async function writeMeetingHistory(db: Db, siteId: string, w: MeetingWorld): Promise<MeetingHistoryResult> {
  const opds = await loadOpds(db)
  if (opds.length === 0) return { meetings: 0, followUps: 0, writers: [] }
  const posyandu = await loadPosyandu(db, w.villages.map((v) => v.code))
  const meetings: MeetingDraft[] = []
  const followUps: FollowUpDraft[] = []
  const outcomes: Outcome[] = []
  const site = await db.selectFrom('site').select(['level', 'area_code']).where('id', '=', siteId).executeTakeFirstOrThrow()
  const meetingSites: string[] = []
  const followUpSites: string[] = []
  /**
   * Runs `write` for one Tim Pembina and marks what it added as coming from that area's office:
   * this one for its own level and area, else the stand-in kelurahan, kecamatan or kota office
   * (stand-in.ts), so that a kota demo looks like data that arrived in paket: meetings count in
   * their kelurahan in the recap, and the offices have paket dates (some long silent).
   */
  const asOffice = (office: TeamOffice, write: () => void) => {
    const own = office.level === site.level && office.areaCode === site.area_code
    const id = own ? siteId : office.level === 'kelurahan' ? villageStandIn(office.areaCode) : areaStandIn(office.areaCode)
    const m = meetings.length
    const f = followUps.length
    write()
    for (let i = m; i < meetings.length; i++) meetingSites.push(id)
    for (let i = f; i < followUps.length; i++) followUpSites.push(id)
  }

  const settle = (from: number) => {
    // One follow-up per Tim Pembina stays open past its deadline, whatever chance says.
    const pastDue = followUps.slice(from).filter((f) => f.dueDate < REFERENCE)
    const forced = pastDue.length ? pastDue[w.rng.int(0, pastDue.length - 1)] : undefined
    for (let i = from; i < followUps.length; i++) outcomes.push(outcome(w.rng, followUps[i]!, followUps[i] === forced))
  }

  for (const v of w.villages) {
    const isDesa = v.code.split('.')[3]?.startsWith('2') ?? false
    const kecamatan = w.districtNames.get(v.code.slice(0, 8)) ?? ''
    const area = `${isDesa ? 'Desa' : 'Kelurahan'} ${v.name}`
    const scope: Scope = {
      level: 'kelurahan',
      area,
      kecamatan,
      village: area,
      office: `${isDesa ? 'Ds' : 'Kel'}.${v.code.slice(-4)}`,
      posyandu: posyandu.get(v.code) ?? [],
      hall: isDesa ? `Balai Desa ${v.name}` : `Aula Kantor Kelurahan ${v.name}`,
      below: [],
    }
    asOffice({ level: 'kelurahan', areaCode: v.code }, () => {
      const from = followUps.length
      teamHistory(w, scope, opds, meetings, followUps)
      complaints(w, scope, opds, followUps)
      settle(from)
    })
  }
  if (w.areaLevel <= 3) {
    const districts = [...new Set(w.villages.map((v) => v.code.slice(0, 8)))].sort()
    for (const d of districts) {
      const name = w.districtNames.get(d) ?? d
      const villages = w.villages.filter((v) => v.code.startsWith(`${d}.`))
      const own = villages.flatMap((v) => posyandu.get(v.code) ?? [])
      asOffice({ level: 'kecamatan', areaCode: d }, () => {
      const from = followUps.length
      teamHistory(
        w,
        {
          level: 'kecamatan',
          area: `Kecamatan ${name}`,
          kecamatan: name,
          village: `Kecamatan ${name}`,
          office: `Kec.${d.slice(-2)}`,
          posyandu: own,
          hall: `Aula Kantor Kecamatan ${name}`,
          below: villages.map((v) => `${v.code.split('.')[3]?.startsWith('2') ? 'Desa' : 'Kelurahan'} ${v.name}`),
        },
        opds,
        meetings,
        followUps,
      )
      settle(from)
      })
    }
  }
  if (w.areaLevel <= 2) {
    const regencies = [...new Set(w.villages.map((v) => v.code.slice(0, 5)))].sort()
    for (const r of regencies) {
      const name = w.regencyNames.get(r) ?? r
      const villages = w.villages.filter((v) => v.code.startsWith(`${r}.`))
      const own = villages.flatMap((v) => posyandu.get(v.code) ?? [])
      const districts = [...new Set(villages.map((v) => v.code.slice(0, 8)))].sort()
      asOffice({ level: 'kota', areaCode: r }, () => {
      const from = followUps.length
      teamHistory(
        w,
        {
          level: 'kota',
          area: name,
          kecamatan: name.replace(/^(Kota|Kabupaten)\s+/, ''),
          village: name,
          office: 'Bag.Kesra',
          posyandu: own,
          hall: `Ruang Rapat Sekretariat Daerah ${name}`,
          below: districts.map((d) => `Kecamatan ${w.districtNames.get(d) ?? d}`),
        },
        opds,
        meetings,
        followUps,
      )
      settle(from)
      })
    }
  }

  const followUpIds = followUps.map(() => uuidv7())
  const progressRows: RecordData<'follow_up_progress'>[] = []
  const progressSites: string[] = []
  outcomes.forEach((o, i) => {
    for (const p of o.progress) {
      progressRows.push({ follow_up_id: followUpIds[i]!, date: p.date, status: p.status, note: p.note })
      progressSites.push(followUpSites[i]!)
    }
  })
  await db.transaction().execute(async (trx) => {
    // This office's clock, each record's own office on its version (write.ts).
    await insertRecords(
      trx,
      'meeting',
      meetings.map((m) => ({
        id: m.id,
        level: m.level,
        kind: m.kind,
        title: m.title,
        date: m.date,
        start_time: m.startTime,
        end_time: m.endTime,
        place: m.place,
        chair: m.chair,
        minute_taker: m.minuteTaker,
        invitation_number: m.invitationNumber,
        posyandu_id: m.posyanduId,
        spm_fields: JSON.stringify(m.spmFields),
        agenda: JSON.stringify(m.agenda),
        conclusions: m.conclusions,
        attendees: JSON.stringify(m.attendees),
      })),
      { as: (i) => meetingSites[i]! },
    )
    await insertRecords(
      trx,
      'follow_up',
      followUps.map((f, i) => {
        const o = outcomes[i]!
        return {
          id: followUpIds[i]!,
          source: f.source,
          meeting_id: f.meeting === null ? null : meetings[f.meeting]!.id,
          date: f.date,
          posyandu_id: f.posyanduId,
          spm_field: f.spmField,
          description: f.description,
          reporter: f.reporter,
          opd_id: f.opdId,
          due_date: f.dueDate,
          status: o.status,
          closed_date: o.closedDate,
          closing_evidence: o.evidence,
        }
      }),
      { as: (i) => followUpSites[i]! },
    )
    await insertRecords(trx, 'follow_up_progress', progressRows, { as: (i) => progressSites[i]! })
  })
  return { meetings: meetings.length, followUps: followUps.length, writers: [...new Set([...meetingSites, ...followUpSites])].sort() }
}
