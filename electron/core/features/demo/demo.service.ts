// Demo data at real size (a whole kota: ~1,000 Posyandu, ~20,000 kader) for trying the app,
// for the benchmarks and for the UI tests. Names and NIKs are invented but follow the real
// rules, so every screen and check behaves as with real data. Deterministic for a seed: the
// content depends only on the seed and the area list, never on today's date or the clock.
// Rows are written in multi-row inserts through the write helpers (sync/write.ts), one
// transaction per batch: going through createKader one by one would take minutes at this size.
// Then the training history (demo-training.ts): classes, participants and assessments, so that
// the area has kader at every level and some with none; the derived levels are recomputed once
// at the end. Then the Tim Pembina meetings and their follow-ups (demo-meeting.ts). Records of
// areas other than this office's are written as their stand-in offices (stand-in.ts), as if
// their paket had arrived; last, those offices are recorded with their key cards trusted,
// and the search index is rebuilt.

import { WEWENANG } from '../../../../shared/domain/paket'
import { jenisDesa } from '../../../../shared/domain/wilayah'
import { zonaDariKodeWilayah } from '../../../../shared/domain/zona-waktu'
import { normalisePhone } from '../../../../shared/domain/phone'
import { SPM_FIELDS, type EducationLevel, type KaderRole, type KaderStatus, type Sex, type SpmField } from '../../../../shared/domain/reference'
import { optimizeDatabase } from '../../db/open'
import type { AreaRow, Db } from '../../db/schema'
import { uuidv7 } from '../../sync/uuid'
import { insertRecords, type RecordData } from '../../sync/write'
import { codePrefixRange, dottedCode, findAreaRow, unknownArea, villagesUnder } from '../area/area.service'
import { activeCatalogue } from '../competency/catalogue.service'
import { recomputeCompetencies } from '../competency/competency.service'
import { rebuildSearchIndex } from '../search/search.service'
import { requireSite } from '../site/site.service'
import { writeMeetingHistory } from './demo-meeting'
import { planRegistrasi } from './demo-registrasi'
import { writeSaranaInsentif } from './demo-sarana'
import { REFERENCE_DATE, writeTrainingHistory, type DemoPerson } from './demo-training'
import { isStandIn, puskesmasStandIn, recordStandIns, standIns, villageStandIn, type StandIn } from './stand-in'

export interface DemoInput {
  /** Area code: every kelurahan/desa under it (or the village itself) gets Posyandu. */
  wilayah: string
  posyanduPerVillage: number
  kaderPerPosyandu: number
  seed: number
}

export interface DemoResult {
  villages: number
  /** The village codes filled, to name them kelurahan or desa (shared/domain/wilayah.ts). */
  villageCodes: string[]
  posyandu: number
  kader: number
  trainings: number
  assessments: number
  meetings: number
  followUps: number
}

/** What the progress counts: kader written, then kader whose training history is written. */
export type DemoStage = 'kader' | 'pelatihan'

// ---------------------------------------------------------------- randomness

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    return items[items.length - 1]![0]
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
}

// ---------------------------------------------------------------- word lists

const FLOWERS = [
  'Mawar', 'Melati', 'Anggrek', 'Dahlia', 'Kenanga', 'Flamboyan', 'Cempaka', 'Teratai', 'Seruni', 'Kamboja',
  'Bougenville', 'Asoka', 'Nusa Indah', 'Aster', 'Kemuning', 'Edelweis', 'Wijaya Kusuma', 'Soka', 'Tulip', 'Lili',
  'Sedap Malam', 'Krisan', 'Gardenia', 'Matahari',
] as const

const WOMEN = [
  'Siti', 'Sri', 'Nur', 'Dewi', 'Ratna', 'Wati', 'Yuli', 'Rina', 'Ani', 'Tuti',
  'Ida', 'Lilis', 'Euis', 'Neneng', 'Cucu', 'Iis', 'Entin', 'Enung', 'Popon', 'Yati',
  'Eti', 'Nani', 'Imas', 'Dedeh', 'Aisyah', 'Fatimah', 'Khadijah', 'Aminah', 'Maryam', 'Zahra',
  'Nurul', 'Nurhayati', 'Rohayati', 'Sumiati', 'Suryani', 'Sulastri', 'Sutini', 'Sukarsih', 'Suminah', 'Wartini',
  'Kartini', 'Rukmini', 'Endang', 'Tri', 'Dwi', 'Eka', 'Lestari', 'Rahayu', 'Wulan', 'Indah',
  'Fitri', 'Yanti', 'Susi', 'Rini', 'Novi', 'Mega', 'Putri', 'Ayu', 'Desi', 'Maya',
  'Rika', 'Hani', 'Nia', 'Lina', 'Mimin', 'Onih', 'Enah', 'Titin', 'Atikah', 'Halimah',
  'Juleha', 'Romlah', 'Saodah', 'Zubaedah', 'Maesaroh', 'Munah', 'Hasanah', 'Umi', 'Ratih', 'Anisa',
] as const

const MEN = [
  'Ahmad', 'Muhammad', 'Abdul', 'Agus', 'Budi', 'Dedi', 'Asep', 'Ujang', 'Cecep', 'Dadang',
  'Iwan', 'Joko', 'Slamet', 'Bambang', 'Hendra', 'Rudi', 'Yusuf', 'Hasan', 'Ridwan', 'Ade',
  'Aep', 'Dede', 'Eman', 'Encep', 'Jajang', 'Kusnadi', 'Sutrisno', 'Suparman', 'Wahyu', 'Teguh',
  'Priyo', 'Heru', 'Eko', 'Adi', 'Arif', 'Fajar', 'Rizki', 'Ilham', 'Hamdan', 'Udin',
  'Mamat', 'Mulyadi', 'Maman', 'Oman', 'Otong', 'Saepul', 'Syarif', 'Sholeh', 'Zainal', 'Rahmat',
  'Sofyan', 'Firman', 'Irwan', 'Taufik', 'Lukman', 'Faisal', 'Anwar', 'Amir', 'Umar', 'Usman',
  'Ali', 'Imam', 'Nanang', 'Yayan', 'Engkos', 'Juhana', 'Rojali', 'Sanusi', 'Mursid', 'Jaelani',
  'Samsul', 'Darsono', 'Paimin', 'Sugeng', 'Wawan', 'Didi', 'Aceng', 'Herman', 'Edi', 'Sutarno',
] as const

const WOMEN_SECOND = [
  'Rahmawati', 'Handayani', 'Lestari', 'Wulandari', 'Purnamasari', 'Susanti', 'Suryani', 'Maryani', 'Kurniasih', 'Nurjanah',
  'Rohimah', 'Hasanah', 'Fitriani', 'Yulianti', 'Permatasari', 'Anggraeni', 'Puspitasari', 'Setiawati', 'Rosita', 'Aminah',
  'Komalasari', 'Sumarni', 'Kusmiati', 'Mulyani', 'Sartika', 'Rahayu', 'Widyastuti', 'Pertiwi', 'Novitasari', 'Ningsih',
] as const

const MEN_SECOND = [
  'Hidayat', 'Saputra', 'Setiawan', 'Kurniawan', 'Gunawan', 'Santoso', 'Wibowo', 'Prasetyo', 'Nugroho', 'Hermawan',
  'Firmansyah', 'Ramdani', 'Sopian', 'Supriatna', 'Sudrajat', 'Permana', 'Suherman', 'Hakim', 'Syahputra', 'Rahman',
  'Maulana', 'Mulyana', 'Sutisna', 'Komarudin', 'Wijaya', 'Fauzi', 'Nurdin', 'Rosadi', 'Hamzah', 'Kusuma',
] as const

const STREETS = [
  'Jl. Masjid', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Pembangunan', 'Jl. Veteran', 'Jl. Pemuda', 'Jl. Cendrawasih',
  'Jl. Kutilang', 'Jl. Beringin', 'Jl. Mangga', 'Jl. Rambutan', 'Jl. Kelapa', 'Jl. Nangka', 'Jl. Jambu', 'Jl. Kenari',
  'Jl. Kebon Jeruk', 'Jl. Raya Pasar', 'Jl. Haji Ridin', 'Jl. Swadaya', 'Jl. Gotong Royong', 'Jl. Bhakti', 'Jl. Mushola',
  'Gg. Damai', 'Gg. Sawo', 'Gg. Asem', 'Gg. Haji Naim',
] as const

const KAMPUNG = ['Kp. Babakan', 'Kp. Cilalung', 'Kp. Pasir', 'Kp. Sukamaju', 'Kp. Tegal', 'Kp. Kebon', 'Kp. Bojong', 'Kp. Cibeber', 'Kp. Legok', 'Kp. Sawah'] as const

const BIRTH_PLACES = [
  'Jakarta', 'Bogor', 'Bandung', 'Serang', 'Lebak', 'Pandeglang', 'Cirebon', 'Kuningan', 'Garut', 'Tasikmalaya',
  'Brebes', 'Tegal', 'Pemalang', 'Semarang', 'Surakarta', 'Yogyakarta', 'Kebumen', 'Cilacap', 'Padang', 'Palembang',
] as const

const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const
const PHONE_PREFIXES = ['811', '812', '813', '821', '822', '823', '852', '853', '856', '857', '858', '877', '878', '881', '882', '895', '896', '897', '898'] as const

const EDUCATION: readonly (readonly [EducationLevel, number])[] = [
  ['tidak_sekolah', 1],
  ['sd', 10],
  ['smp', 24],
  ['sma', 46],
  ['d1_d3', 8],
  ['d4_s1', 10],
  ['s2_s3', 1],
]

const NONAKTIF_NOTES = ['Cuti melahirkan', 'Sakit', 'Bekerja di luar kota', 'Mengurus keluarga', 'Tidak aktif mengikuti kegiatan'] as const

// ---------------------------------------------------------------- dates and NIK

const DAY = 86_400_000
const EARLIEST_JOIN = Date.UTC(2008, 0, 1)

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** Builds a NIK the way Dukcapil does: kecamatan + DDMMYY (women +40 on the day) + serial. */
export function encodeNik(districtCode: string, birthDate: string, sex: Sex, serial: number): string {
  const [y, m, d] = birthDate.split('-')
  const day = Number(d) + (sex === 'P' ? 40 : 0)
  return `${districtCode.replace(/\./g, '')}${pad(day, 2)}${m}${y!.slice(2)}${pad(serial, 4)}`
}

// ---------------------------------------------------------------- generation

interface KaderDraft {
  row: Omit<RecordData<'kader'>, 'id' | 'posyandu_id'>
  history: { status: KaderStatus; date: string; note: string | null }[]
}

interface PosyanduDraft {
  row: Omit<RecordData<'posyandu'>, 'id'>
  kader: KaderDraft[]
}

interface World {
  rng: Rng
  /** Kecamatan of the province, for the NIKs of kader who were registered elsewhere. */
  provinceDistricts: string[]
  districtNames: Map<string, string>
  regencyNames: Map<string, string>
  serialRng: Rng
  /** Last serial used per NIK prefix (12 digits), starting above what the database already holds. */
  serials: Map<string, number>
}

function personName(rng: Rng, sex: Sex): string {
  const first = rng.pick(sex === 'P' ? WOMEN : MEN)
  if (rng.chance(0.2)) return first
  let second: string = rng.pick(sex === 'P' ? WOMEN_SECOND : MEN_SECOND)
  if (second === first) second = rng.pick(sex === 'P' ? WOMEN_SECOND : MEN_SECOND)
  return `${first} ${second}`
}

function uniqueNik(w: World, district: string, birthDate: string, sex: Sex): string {
  let date = birthDate
  for (;;) {
    const prefix = encodeNik(district, date, sex, 1).slice(0, 12)
    // Real serials are spread out (others born that day registered first), so masked NIKs in a
    // list do not all end in 0001; still strictly increasing per prefix, so never doubled.
    const serial = (w.serials.get(prefix) ?? w.serialRng.int(0, 300)) + w.serialRng.int(1, 9)
    if (serial <= 9999) {
      w.serials.set(prefix, serial)
      return encodeNik(district, date, sex, serial)
    }
    // 9,999 people of one sex born on one day in one kecamatan: move a day (never happens in practice).
    date = iso(Date.parse(`${date}T00:00:00Z`) - DAY)
  }
}

/** Strictly increasing dates after `from`, before the reference date. */
function laterDates(rng: Rng, from: number, count: number): number[] {
  const span = Math.max(count + 1, Math.floor((REFERENCE_DATE - from) / DAY))
  const days = new Set<number>()
  while (days.size < count) days.add(rng.int(1, span - 1))
  return [...days].sort((a, b) => a - b).map((d) => from + d * DAY)
}

function statusHistory(rng: Rng, status: KaderStatus, joined: number, age: number): KaderDraft['history'] {
  const first = { status: 'aktif' as KaderStatus, date: iso(joined), note: 'Bergabung sebagai kader' }
  const tail: { status: KaderStatus; note: string | null }[] = []
  switch (status) {
    case 'aktif':
      if (rng.chance(0.12)) tail.push({ status: 'nonaktif', note: rng.pick(NONAKTIF_NOTES) }, { status: 'aktif', note: 'Aktif kembali' })
      break
    case 'nonaktif':
      tail.push({ status: 'nonaktif', note: rng.pick(NONAKTIF_NOTES) })
      break
    case 'pindah':
      if (rng.chance(0.5)) tail.push({ status: 'nonaktif', note: 'Bekerja di luar kota' })
      tail.push({ status: 'pindah', note: rng.chance(0.5) ? 'Pindah domisili ke luar kelurahan' : 'Pindah ikut suami' })
      break
    case 'meninggal':
      if (rng.chance(0.5) || age > 55) tail.push({ status: 'nonaktif', note: 'Sakit' })
      tail.push({ status: 'meninggal', note: 'Meninggal dunia' })
      break
  }
  const dates = laterDates(rng, joined, tail.length)
  return [first, ...tail.map((t, i) => ({ status: t.status, note: t.note, date: iso(dates[i]!) }))]
}

function makeKader(
  w: World,
  village: AreaRow,
  posyandu: PosyanduDraft['row'],
  fields: SpmField[],
  role: KaderRole,
  sk: { number: string; date: string },
): KaderDraft {
  const rng = w.rng
  const sex: Sex = role === 'kader' || role === 'ketua_bidang' ? (rng.chance(0.9) ? 'P' : 'L') : rng.chance(0.95) ? 'P' : 'L'
  const age = rng.int(20, 65)
  const birthMs = REFERENCE_DATE - age * 365.25 * DAY - rng.int(0, 364) * DAY
  const birthDate = iso(birthMs)
  const ownDistrict = village.parent_code!
  const district = rng.chance(0.8) || w.provinceDistricts.length === 0 ? ownDistrict : rng.pick(w.provinceDistricts)
  const nik = uniqueNik(w, district, birthDate, sex)

  const status = rng.weighted<KaderStatus>([
    ['aktif', 84],
    ['nonaktif', 8],
    ['pindah', 5],
    ['meninggal', age > 50 ? 4 : 1],
  ])
  // Joined as an adult, some time between 2008 and a month before the reference date.
  const earliest = Math.max(EARLIEST_JOIN, birthMs + 18 * 365.25 * DAY)
  const latest = REFERENCE_DATE - 120 * DAY
  const joined = Math.floor(earliest + rng.next() * Math.max(0, latest - earliest))
  const joinedDay = Date.parse(`${iso(joined)}T00:00:00Z`)
  const history = statusHistory(rng, status, joinedDay, age)

  let spm: SpmField[]
  if (role === 'ketua' || role === 'sekretaris' || role === 'bendahara') spm = fields
  else if (role === 'ketua_bidang') spm = [rng.pick(fields.filter((f) => f !== 'kesehatan').length ? fields.filter((f) => f !== 'kesehatan') : fields)]
  else {
    const set = new Set<SpmField>(rng.chance(0.9) ? ['kesehatan'] : [rng.pick(fields)])
    if (rng.chance(0.25)) set.add(rng.pick(fields))
    spm = SPM_FIELDS.filter((f) => set.has(f))
  }

  const isDesa = jenisDesa(village.code) === 'desa'
  const regency = w.regencyNames.get(village.code.slice(0, 5)) ?? ''
  const home = regency.replace(/^(Kota|Kabupaten)\s+/, '')
  const digits = rng.chance(0.5) ? 8 : 7
  const phone = rng.chance(0.9) ? normalisePhone(`0${rng.pick(PHONE_PREFIXES)}${pad(rng.int(0, 10 ** digits - 1), digits)}`) : null
  const hasSk = rng.chance(0.6)

  return {
    row: {
      nik,
      name: personName(rng, sex),
      sex,
      birth_place: rng.chance(0.7) && home ? home : rng.pick(BIRTH_PLACES),
      birth_date: birthDate,
      phone,
      address: isDesa && rng.chance(0.6) ? rng.pick(KAMPUNG) : `${rng.pick(STREETS)} No. ${rng.int(1, 150)}`,
      rt: pad(rng.int(1, 12), 3),
      rw: rng.chance(0.75) && posyandu.rw ? posyandu.rw : pad(rng.int(1, 15), 3),
      role,
      spm_fields: JSON.stringify(spm),
      sk_number: hasSk ? sk.number : null,
      sk_date: hasSk ? sk.date : null,
      education: rng.weighted(EDUCATION),
      status,
      status_date: history[history.length - 1]!.date,
      notes: rng.chance(0.08) ? `Sudah mengikuti pelatihan kader tahun ${rng.int(2019, 2025)}.` : null,
    },
    history,
  }
}

function rolesFor(count: number, bidang: number): KaderRole[] {
  const fixed: KaderRole[] = ['ketua', 'sekretaris', 'bendahara']
  const roles = fixed.slice(0, count)
  for (let i = roles.length; i < count; i++) roles.push(i < 3 + bidang ? 'ketua_bidang' : 'kader')
  return roles
}

function makePosyandu(w: World, village: AreaRow, index: number, flower: string, kaderCount: number): PosyanduDraft {
  const rng = w.rng
  const rw = index + 1
  const fields = SPM_FIELDS.filter((f) => f === 'kesehatan' || rng.chance(0.45))
  const districtName = w.districtNames.get(village.parent_code!) ?? ''
  const isDesa = jenisDesa(village.code) === 'desa'
  // Hours on the village's own clock: WIB, WITA or WIT by its province.
  const zone = zonaDariKodeWilayah(village.code).kode
  const schedule = rng.chance(0.7)
    ? `Setiap ${rng.pick(WEEKDAYS)} minggu ke-${rng.int(1, 4)}, pukul 08.00–11.00 ${zone}`
    : `Setiap tanggal ${rng.int(1, 28)}, pukul 08.00–12.00 ${zone}`
  const row: PosyanduDraft['row'] = {
    name: `Posyandu ${flower} ${pad(rw, 2)}`,
    village_code: village.code,
    village_name: village.name,
    rw: pad(rw, 3),
    address: `${rng.pick(['Balai Warga', 'Rumah Ketua RW', 'Pos RW', 'Aula Masjid'])}, ${rng.pick(STREETS)} No. ${rng.int(1, 120)}`,
    puskesmas: districtName ? `Puskesmas ${districtName}` : null,
    registration_status: 'belum_terdaftar',
    schedule,
    spm_fields: JSON.stringify(fields),
    active: rng.chance(0.94) ? 1 : 0,
  }
  const year = rng.int(2021, 2025)
  const sk = {
    number: `400.5.7/${pad(rng.int(1, 250), 3)}/${isDesa ? 'Ds' : 'Kel'}.${village.code.slice(-4)}/${year}`,
    date: iso(Date.UTC(year, rng.int(0, 11), rng.int(1, 28))),
  }
  const bidang = Math.min(fields.length - 1, kaderCount >= 8 ? 2 : kaderCount >= 6 ? 1 : 0)
  const kader = rolesFor(kaderCount, bidang).map((role) => makeKader(w, village, row, fields, role, sk))
  return { row, kader }
}

// ---------------------------------------------------------------- writing

/** Kader per transaction: large enough to amortise the commit, small enough for smooth progress. */
const BATCH_KADER = 2000

/**
 * The office a village's roster comes from: this one when it is that kelurahan, otherwise the
 * village's stand-in kelurahan office (stand-in.ts; the same one its Tim Pembina meetings come
 * from, see demo-meeting.ts), as if its paket had arrived. Only a kelurahan may change its
 * Posyandu and kader in other offices' copies, so a demo kota's paket carries them as the
 * kelurahan's writes.
 */
export const demoVillageOffice = (siteId: string, siteArea: string, villageCode: string) => (villageCode === siteArea ? siteId : villageStandIn(villageCode))

async function writeBatch(db: Db, site: { id: string; area_code: string }, batch: PosyanduDraft[], people: DemoPerson[]): Promise<void> {
  const siteId = site.id
  await db.transaction().execute(async (trx) => {
    const posyandu: RecordData<'posyandu'>[] = []
    const kader: RecordData<'kader'>[] = []
    const statuses: RecordData<'kader_status'>[] = []
    // The office each row is written as (write.ts stamps it, with this office's clock).
    const posyanduBy: string[] = []
    const kaderBy: string[] = []
    const statusBy: string[] = []
    for (const p of batch) {
      const pid = uuidv7()
      const writer = demoVillageOffice(siteId, site.area_code, p.row.village_code)
      posyandu.push({ ...p.row, id: pid })
      posyanduBy.push(writer)
      for (const k of p.kader) {
        const kid = uuidv7()
        kader.push({ ...k.row, id: kid, posyandu_id: pid })
        kaderBy.push(writer)
        people.push({
          kaderId: kid,
          villageCode: p.row.village_code,
          villageName: p.row.village_name,
          posyanduName: p.row.name,
          joined: k.history[0]!.date,
          status: k.row.status as KaderStatus,
          statusDate: k.row.status_date,
        })
        for (const h of k.history) {
          statuses.push({ kader_id: kid, status: h.status, date: h.date, note: h.note })
          statusBy.push(writer)
        }
      }
    }
    await insertRecords(trx, 'posyandu', posyandu, { as: (i) => posyanduBy[i]! })
    await insertRecords(trx, 'kader', kader, { as: (i) => kaderBy[i]! })
    await insertRecords(trx, 'kader_status', statuses, { as: (i) => statusBy[i]! })
  })
}

async function loadWorld(db: Db, seed: number, provinceCode: string): Promise<World> {
  const [lo, hi] = codePrefixRange(`${provinceCode}.`)
  const areas = await db
    .selectFrom('area')
    .select(['code', 'name', 'level'])
    .where('code', '>=', lo)
    .where('code', '<', hi)
    .where('level', 'in', [2, 3])
    .orderBy('code')
    .execute()
  const serials = new Map<string, number>()
  for (const { nik } of await db.selectFrom('kader').select('nik').execute()) {
    const prefix = nik.slice(0, 12)
    serials.set(prefix, Math.max(serials.get(prefix) ?? 0, Number(nik.slice(12)) || 0))
  }
  return {
    rng: new Rng(mulberry32(seed)),
    // A stream of its own, so spreading serials does not shift the names, dates and statuses.
    serialRng: new Rng(mulberry32(seed ^ 0x5e71a1)),
    provinceDistricts: areas.filter((a) => a.level === 3).map((a) => a.code),
    districtNames: new Map(areas.filter((a) => a.level === 3).map((a) => [a.code, a.name])),
    regencyNames: new Map(areas.filter((a) => a.level === 2).map((a) => [a.code, a.name])),
    serials,
  }
}

const inArea = (code: string, area: string) => code === area || code.startsWith(`${area}.`)

/**
 * Records the stand-ins as if their paket had arrived: most sent one in the last month, some
 * one to three months ago, a few have been silent since the start of the year. Their own random
 * stream, in id order: the dates depend only on the seed and the area list.
 */
async function recordDemoOffices(db: Db, offices: StandIn[], rng: Rng): Promise<void> {
  const dated = offices.map((standIn) => {
    const daysAgo = rng.chance(0.7) ? rng.int(0, 30) : rng.chance(0.65) ? rng.int(31, 90) : rng.int(120, 180)
    return { standIn, paketAt: new Date(REFERENCE_DATE - daysAgo * DAY + rng.int(8, 15) * 3600_000).toISOString() }
  })
  await db.transaction().execute((trx) => recordStandIns(trx, dated))
}

/**
 * Fills the database with Posyandu and kader for every kelurahan/desa under `wilayah`.
 * Adds to what is there (NIKs continue above the serials already used).
 */
export async function generateDemo(
  db: Db,
  input: DemoInput,
  onProgress?: (done: number, total: number, stage: DemoStage) => void,
): Promise<DemoResult> {
  const site = await requireSite(db)
  const code = /^[\d\s]+$/.test(input.wilayah) ? dottedCode(input.wilayah) : input.wilayah.trim()
  const area = code ? await findAreaRow(db, code) : undefined
  if (!area) throw unknownArea(input.wilayah)
  const villages = [...(await villagesUnder(db, area.code))].sort((a, b) => (a.code < b.code ? -1 : 1))
  const perVillage = Math.max(0, Math.floor(input.posyanduPerVillage))
  const perPosyandu = Math.max(0, Math.floor(input.kaderPerPosyandu))
  const total = villages.length * perVillage * perPosyandu
  const w = await loadWorld(db, input.seed, area.code.slice(0, 2))

  let done = 0
  let posyanduCount = 0
  let batch: PosyanduDraft[] = []
  let batchKader = 0
  const people: DemoPerson[] = []
  const flush = async () => {
    if (batch.length === 0) return
    await writeBatch(db, site, batch, people)
    posyanduCount += batch.length
    done += batchKader
    batch = []
    batchKader = 0
    onProgress?.(done, total, 'kader')
  }

  // The Pustu and each Posyandu's registration papers (demo-registrasi.ts), on a stream of their own.
  const covered = new Set((await db.selectFrom('site_village').select('village_code').execute()).map((r) => r.village_code))
  const registrasi = await planRegistrasi(db, new Rng(mulberry32(input.seed ^ 0x9e6157)), villages, w.districtNames, site, covered, (v) =>
    demoVillageOffice(site.id, site.area_code, v),
  )

  onProgress?.(0, total, 'kader')
  for (const village of villages) {
    const flowers = w.rng.shuffle(FLOWERS)
    for (let i = 0; i < perVillage; i++) {
      const draft = makePosyandu(w, village, i, flowers[i % flowers.length]!, perPosyandu)
      Object.assign(draft.row, registrasi.papers(village))
      batch.push(draft)
      batchKader += perPosyandu
      if (batchKader >= BATCH_KADER) await flush()
    }
  }
  await flush()

  const catalogue = await activeCatalogue(db)
  // A stream of its own: the roster above stays exactly what it was before trainings existed.
  const rng = new Rng(mulberry32(input.seed ^ 0x7a1e17))
  const history = await writeTrainingHistory(
    db,
    site.id,
    { rng, catalogue, districtNames: w.districtNames, regencyNames: w.regencyNames, personName: (sex) => personName(rng, sex) },
    people,
    // The last step (the recompute) is reported as the end of this stage.
    (d, t) => {
      if (d < t) onProgress?.(d, t, 'pelatihan')
    },
    // A kecamatan's trainings are its Puskesmas's: this office's own only where it may record
    // trainings for that kecamatan (a Puskesmas its own, the kota all of its area); else the
    // stand-in Puskesmas's, as if its paket had arrived.
    (district) => (WEWENANG[site.level].includes('training') && inArea(district, site.area_code) ? site.id : puskesmasStandIn(district)),
  )
  await db.transaction().execute((trx) => recomputeCompetencies(trx, 'all', catalogue))
  // Tim Pembina meetings and follow-ups (demo-meeting.ts), on a stream of their own again.
  const meetingRng = new Rng(mulberry32(input.seed ^ 0x4d3371))
  const meetings = await writeMeetingHistory(db, site.id, {
    rng: meetingRng,
    personName: (sex) => personName(meetingRng, sex),
    villages,
    districtNames: w.districtNames,
    regencyNames: w.regencyNames,
    areaLevel: area.level,
  })
  // Equipment and incentives of the villages' Posyandu and kader (demo-sarana.ts), on a stream of their own.
  await writeSaranaInsentif(
    db,
    mulberry32(input.seed ^ 0x5a7a4a),
    (v) => demoVillageOffice(site.id, site.area_code, v),
    villages.map((v) => v.code),
  )
  // Every stand-in named in the records (and every kelurahan's, even one without records) is an
  // office heard of, with its signed card trusted here (stand-in.ts).
  const standInIds = [...villages.map((v) => demoVillageOffice(site.id, site.area_code, v.code)), ...history.writers, ...meetings.writers].filter(
    (id) => id !== site.id && isStandIn(id),
  )
  await recordDemoOffices(db, await standIns(db, [...new Set(standInIds)].sort()), new Rng(mulberry32(input.seed ^ 0x0ff1ce)))
  await rebuildSearchIndex(db)
  onProgress?.(people.length, people.length, 'pelatihan')
  await optimizeDatabase(db)
  return {
    villages: villages.length,
    villageCodes: villages.map((v) => v.code),
    posyandu: posyanduCount,
    kader: done,
    trainings: history.trainings,
    assessments: history.assessments,
    meetings: meetings.meetings,
    followUps: meetings.followUps,
  }
}
