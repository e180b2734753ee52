// Importing a kader roster from the messy spreadsheets offices really keep: the layout is found
// under merged titles, every cell is read the way Excel and people wrote it, problems are said
// per cell, the preview changes nothing, and applying saves the good rows once (a second import
// updates the same kader) and writes the skipped ones to an error report.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { encodeNik } from '../../electron/core/features/demo/demo.service'
import { applyRosterImport, previewRosterImport, readRosterLayout } from '../../electron/core/features/kader-impor/kader-impor.service'
import { reportStamp } from '../../electron/core/features/kader-impor/report'
import { NIK_LOST_DIGITS } from '../../electron/core/features/kader-impor/values'
import { archiveKader, getKader } from '../../electron/core/features/kader/kader.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { kaderImportInput, type Input, type KaderImportPreview, type KaderImportRow, type Posyandu } from '../../shared/contract'
import { NIK_MESSAGES } from '../../shared/domain/nik'
import { createTestDb, errorOf, makeKader, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'
import {
  COLUMNS,
  STANDARD_COLUMNS,
  excelDate,
  excelSerial,
  readWorkbook,
  rosterPeople,
  rosterSheet,
  setCell,
  writeCsv,
  writeWorkbook,
  type RosterPerson,
  type RosterSheetOptions,
  type SheetCell,
} from '../fixtures/spreadsheets'

let t: TestDb
let melati: Posyandu
let mawar: Posyandu
let kenanga: Posyandu

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  melati = await makePosyandu(t.db, { name: 'Posyandu Melati 01' })
  mawar = await makePosyandu(t.db, { name: 'Posyandu Mawar 02' })
  kenanga = await makePosyandu(t.db, { name: 'Kenanga 03' })
})
afterEach(async () => t.cleanup())

const NIK = (birthDate: string, sex: 'L' | 'P', serial: number) => encodeNik('36.71.01', birthDate, sex, serial)

const input = (path: string, more: Partial<Input<'kaderImpor:preview'>> = {}) => kaderImportInput.parse({ path, ...more })
const preview = (path: string, more: Partial<Input<'kaderImpor:preview'>> = {}) => previewRosterImport(t.db, input(path, more))
const apply = (path: string, more: Partial<Input<'kaderImpor:apply'>> = {}) => applyRosterImport(t.db, input(path, more))
const rowAt = (p: KaderImportPreview, n: number): KaderImportRow => {
  const r = p.rows.find((x) => x.row === n)
  if (!r) throw new Error(`no row ${n}`)
  return r
}
const problems = (p: KaderImportPreview, n: number) => rowAt(p, n).problems.map((q) => [q.field, q.severity, q.message])
const kaderCount = async () => Number((await t.db.selectFrom('kader').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

function person(p: Partial<RosterPerson> & Pick<RosterPerson, 'name' | 'nik' | 'sex' | 'birthDate' | 'posyandu'>): RosterPerson {
  return {
    birthPlace: 'Tangerang',
    address: 'Jl. Kenari No. 5',
    rt: 3,
    rw: 5,
    phone: '0812 3456 7890',
    role: 'Kader',
    education: 'SMA',
    status: 'Aktif',
    skNumber: null,
    skDate: null,
    ...p,
  }
}

// ---------------------------------------------------------------- the messy roster

const SITI = NIK('1985-04-12', 'P', 3)
const NUR = NIK('1984-11-30', 'P', 11)
const LILIS = NIK('1979-03-03', 'P', 12)

const MESSY_PEOPLE: RosterPerson[] = [
  person({ name: 'Siti Aminah', nik: SITI, sex: 'P', birthDate: '1985-04-12', posyandu: 'Posyandu Melati 01', role: 'Ketua', skNumber: '001/SK-KDR/2020', skDate: '2020-01-15' }),
  person({ name: 'Rina Marlina', nik: NIK('1988-06-15', 'P', 4), sex: 'P', birthDate: '1988-06-15', posyandu: 'MELATI 01', role: 'Sekretaris', education: 'SMK', phone: '+62 813-1111-2222' }),
  person({ name: 'Dewi Lestari', nik: NIK('1990-08-22', 'P', 4), sex: 'P', birthDate: '1990-08-22', birthPlace: 'Jakarta', posyandu: 'posyandu mawar 2', role: 'Bendahara', education: 'D3', phone: '62 812 2222 3333' }),
  person({ name: 'Ani Suryani', nik: NIK('1987-03-23', 'P', 5), sex: 'P', birthDate: '1987-03-23', posyandu: 'Melatti 01', role: 'Anggota', education: 'SMP' }),
  person({ name: 'Budi Santoso', nik: NIK('1980-01-01', 'L', 6), sex: 'L', birthDate: '1980-01-01', posyandu: 'Kenanga 03', education: 'S1', phone: '12345' }),
  person({ name: 'Sri Wahyuni', nik: NIK('1975-07-01', 'P', 7), sex: 'P', birthDate: '1975-07-01', birthPlace: 'Serang', posyandu: 'Mawar 02', role: 'Ketua Bidang Kesehatan', education: 'SD' }),
  person({ name: 'Yuni Astuti', nik: SITI, sex: 'P', birthDate: '1985-04-12', posyandu: 'Posyandu Melati 01' }),
  person({ name: 'Nur Hasanah', nik: NUR, sex: 'P', birthDate: '1984-11-30', posyandu: 'Posyandu Mawar 02', phone: '0857-1111-0000', address: 'Jl. Masjid No. 9' }),
  person({ name: 'Lilis Suryani', nik: LILIS, sex: 'P', birthDate: '1979-03-03', posyandu: 'Kenanga 03' }),
  person({ name: 'Eka Putri', nik: NIK('1992-12-25', 'P', 8), sex: 'P', birthDate: '1992-12-25', posyandu: 'Posyandu Melati 01' }),
  person({ name: 'Fitri Handayani', nik: NIK('1991-10-15', 'P', 9), sex: 'P', birthDate: '1991-10-15', posyandu: 'Posyandu Melati 01' }),
  person({ name: 'Maya Permata', nik: NIK('1989-09-09', 'P', 10), sex: 'P', birthDate: '1989-09-09', posyandu: 'Dahlia 05' }),
]

const cols = STANDARD_COLUMNS
const set = (heading: string, value: SheetCell) => (row: SheetCell[]) => setCell(row, cols, heading, value)
const chain =
  (...fs: ((row: SheetCell[]) => SheetCell[])[]) =>
  (row: SheetCell[]) =>
    fs.reduce((r, f) => f(r), row)

const MESSY_OPTIONS: RosterSheetOptions = {
  numberingRow: true,
  blankAfter: [2],
  totalRow: true,
  signature: true,
  override: {
    // Typed into a number cell: Excel kept 15 digits and shows it in scientific notation.
    1: chain(set('NIK', { value: 3671015506880000, numFmt: '0.00E+00' }), set('Tgl Lahir', excelSerial('1988-06-15'))),
    2: chain(set('NIK', `'${NIK('1990-08-22', 'P', 4)}`), set('Tgl Lahir', '22-08-1990')),
    3: chain(set('NIK', '3671 0163 0387 0005'), set('Tgl Lahir', '23 Maret 1987')),
    4: set('Tgl Lahir', '1/1/80'),
    5: chain(set('L/P', null), set('Tgl Lahir', '01 Jul 75')),
    7: set('Tgl Lahir', '1984-11-30'),
    9: set('L/P', 'L'),
    10: set('Tgl Lahir', '31-02-1991'),
  },
}

async function writeMessyRoster(dir = t.dir, name = 'Daftar Kader Sukarasa 2024.xlsx'): Promise<string> {
  return writeWorkbook(join(dir, name), [
    { name: 'Petunjuk', rows: [['Petunjuk pengisian'], ['Isi NIK sebagai teks, 16 angka.'], ['Satu baris untuk satu kader.']] },
    rosterSheet(MESSY_PEOPLE, MESSY_OPTIONS),
    { name: 'Rekap', rows: [['Posyandu', 'Jumlah Kader'], ['Melati 01', 5], ['Mawar 02', 3], ['Kenanga 03', 2]] },
  ])
}

/** The kader already known: Nur Hasanah on the roster, Lilis Suryani archived. */
async function seedExisting() {
  const nur = await makeKader(t.db, mawar.id, { nik: NUR, name: 'Nur Hasanah', birthDate: '1984-11-30', sex: 'P', phone: null, address: 'Jl. Lama No. 1', role: 'kader' })
  const lilis = await makeKader(t.db, melati.id, { nik: LILIS, name: 'Lilis Suryani', birthDate: '1979-03-03', sex: 'P' })
  await archiveKader(t.db, { id: lilis.kader.id })
  return { nur: nur.kader, lilis: lilis.kader }
}

describe('readRosterLayout', () => {
  it('finds the roster sheet and its header row under merged titles, and matches the Indonesian headings', async () => {
    const path = await writeMessyRoster()
    const layout = await readRosterLayout(t.db, kaderImportInput.parse({ path }))
    expect(layout).toMatchObject({ path, fileName: 'Daftar Kader Sukarasa 2024.xlsx', sheet: 'Data Kader', headerRow: 4 })
    // Titles, headings, numbering row, 12 kader, the total row and three signature lines.
    expect(layout.sheets).toEqual([
      { name: 'Petunjuk', rows: 3 },
      { name: 'Data Kader', rows: 20 },
      { name: 'Rekap', rows: 4 },
    ])
    expect(layout.columns.map((c) => [c.index, c.heading, c.field])).toEqual([
      [1, 'No', null],
      [2, 'Nama Lengkap', 'name'],
      [3, 'NIK', 'nik'],
      [4, 'L/P', 'sex'],
      [5, 'Tempat Lahir', 'birthPlace'],
      [6, 'Tgl Lahir', 'birthDate'],
      [7, 'Alamat', 'address'],
      [8, 'RT/RW', 'rtRw'],
      [9, 'No. HP/WA', 'phone'],
      [10, 'Nama Posyandu', 'posyandu'],
      [11, 'Jabatan', 'role'],
      [12, 'Pendidikan Terakhir', 'education'],
      [13, 'No SK', 'skNumber'],
      [14, 'Tgl SK', 'skDate'],
      [15, 'Status', 'status'],
      [16, 'Keterangan', 'notes'],
    ])
    const samples = Object.fromEntries(layout.columns.map((c) => [c.heading, c.samples]))
    expect(samples['NIK']).toEqual([SITI, '3671015506880000', `'${NIK('1990-08-22', 'P', 4)}`])
    expect(samples['Tgl Lahir']).toEqual(['12-04-1985', String(excelSerial('1988-06-15')), '22-08-1990'])
    expect(samples['Keterangan']).toEqual([])
  })

  it('reads the sheet and header row the person chose', async () => {
    const path = await writeMessyRoster()
    const layout = await readRosterLayout(t.db, kaderImportInput.parse({ path, sheet: 'rekap', headerRow: 1 }))
    expect(layout).toMatchObject({ sheet: 'Rekap', headerRow: 1 })
    expect(layout.columns.map((c) => [c.heading, c.field, c.samples])).toEqual([
      ['Posyandu', 'posyandu', ['Melati 01', 'Mawar 02', 'Kenanga 03']],
      ['Jumlah Kader', null, ['5', '3', '2']],
    ])
  })

  it('reads a two-line heading (Tempat/Tgl Lahir over Tempat | Tanggal) and a roster grouped under "POSYANDU …" rows', async () => {
    const people = rosterPeople(4, { posyandu: ['Melati 01'] })
    const path = await writeWorkbook(join(t.dir, 'kader per posyandu.xlsx'), [
      {
        name: 'Sheet1',
        rows: [
          ['DAFTAR NAMA KADER POSYANDU SE-KELURAHAN SUKARASA'],
          ['No', 'Nama', 'NIK', 'Jenis Kelamin', 'Tempat/Tgl Lahir', null, 'No. Telp'],
          ['No', 'Nama', 'NIK', 'Jenis Kelamin', 'Tempat', 'Tanggal', 'No. Telp'],
          ['A. POSYANDU MELATI 01 (RW 01)'],
          [1, people[0]!.name, people[0]!.nik, 'Perempuan', people[0]!.birthPlace, excelDate(people[0]!.birthDate), '0812-1111-2222'],
          [2, people[1]!.name, people[1]!.nik, 'Wanita', people[1]!.birthPlace, excelDate(people[1]!.birthDate), null],
          ['B. POSYANDU MAWAR 02'],
          [1, people[2]!.name, people[2]!.nik, 'perempuan', people[2]!.birthPlace, people[2]!.birthDate.split('-').reverse().join('/'), null],
          [2, 'Joko Santoso', NIK('1970-05-05', 'L', 40), 'Laki-laki', 'Lebak', excelDate('1970-05-05'), '+62 812 9999 0000'],
        ],
        merges: ['A1:G1', 'E2:F2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'G2:G3', 'A4:G4', 'A7:G7'],
      },
    ])
    const p = await preview(path)
    expect(p.layout.headerRow).toBe(2)
    expect(p.layout.columns.map((c) => [c.heading, c.field])).toEqual([
      ['No', null],
      ['Nama', 'name'],
      ['NIK', 'nik'],
      ['Jenis Kelamin', 'sex'],
      ['Tempat/Tgl Lahir — Tempat', 'birthPlace'],
      ['Tempat/Tgl Lahir — Tanggal', 'birthDate'],
      ['No. Telp', 'phone'],
    ])
    expect(p.rows.map((r) => [r.row, r.action, r.values.posyanduName, r.values.posyanduId, r.values.sex, r.values.birthDate])).toEqual([
      [5, 'new', 'POSYANDU MELATI 01', melati.id, 'P', people[0]!.birthDate],
      [6, 'new', 'POSYANDU MELATI 01', melati.id, 'P', people[1]!.birthDate],
      [8, 'new', 'POSYANDU MAWAR 02', mawar.id, 'P', people[2]!.birthDate],
      [9, 'new', 'POSYANDU MAWAR 02', mawar.id, 'L', '1970-05-05'],
    ])
    expect(p.rows.every((r) => r.problems.length === 0)).toBe(true)
    expect(rowAt(p, 9).values).toMatchObject({ name: 'Joko Santoso', birthPlace: 'Lebak', phone: '+6281299990000' })
  })

  it('says in Indonesian why a file cannot be read', async () => {
    const missing = join(t.dir, 'tidak-ada.xlsx')
    expect(await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: missing })))).toMatchObject({
      code: 'not_found',
      message: `Berkas ${missing} tidak ditemukan. Periksa apakah berkasnya masih ada (dan flashdisk masih terpasang), lalu pilih lagi.`,
    })

    const ole = Buffer.alloc(2048)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    writeFileSync(join(t.dir, 'kader lama.xls'), ole)
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: join(t.dir, 'kader lama.xls') })))).message).toBe(
      'Berkas kader lama.xls berformat Excel lama (.xls) yang tidak dapat dibaca aplikasi ini. Buka berkas kader lama.xls di Excel, pilih Simpan Sebagai → "Buku Kerja Excel (.xlsx)", lalu pilih berkas .xlsx yang baru.',
    )

    const locked = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(64)])
    writeFileSync(join(t.dir, 'terkunci.xlsx'), locked)
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: join(t.dir, 'terkunci.xlsx') })))).message).toMatch(
      /^Berkas terkunci\.xlsx dilindungi kata sandi\. .*simpan ulang sebagai \.xlsx, lalu pilih lagi\.$/,
    )

    writeFileSync(join(t.dir, 'laporan.xls'), '<html><body><table><tr><td>Nama</td></tr></table></body></html>')
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: join(t.dir, 'laporan.xls') })))).message).toMatch(
      /^Berkas laporan\.xls sebenarnya halaman web \(HTML\) .*Simpan Sebagai/,
    )

    writeFileSync(join(t.dir, 'foto.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))
    expect(await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: join(t.dir, 'foto.xlsx') })))).toMatchObject({
      code: 'invalid_input',
      message: 'Berkas foto.xlsx bukan lembar kerja Excel (.xlsx) atau CSV. Pilih berkas daftar kader yang disimpan dari Excel.',
    })

    const empty = await writeWorkbook(join(t.dir, 'kosong.xlsx'), [{ name: 'Sheet1', rows: [] }, { name: 'Sheet2', rows: [['Nama', 'NIK']] }])
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: empty, sheet: 'Sheet1' })))).message).toBe(
      'Lembar "Sheet1" kosong. Pilih lembar yang berisi daftar kader.',
    )
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: empty, sheet: 'Data' })))).message).toBe(
      'Lembar "Data" tidak ada di berkas kosong.xlsx. Lembar yang ada: Sheet1, Sheet2.',
    )
    const blank = await writeWorkbook(join(t.dir, 'semua kosong.xlsx'), [{ name: 'Sheet1', rows: [] }])
    expect((await errorOf(() => readRosterLayout(t.db, kaderImportInput.parse({ path: blank })))).message).toBe(
      'Berkas semua kosong.xlsx tidak berisi data: semua lembarnya kosong.',
    )
  })
})

describe('previewRosterImport', () => {
  it('reads every messy cell, says each problem per cell, and changes nothing', async () => {
    const { nur, lilis } = await seedExisting()
    const path = await writeMessyRoster()
    const before = await replicatedDigest(t.db)
    const p = await preview(path)
    expect(await replicatedDigest(t.db)).toEqual(before)

    // Rows 6–8, a blank row 9, rows 10–18; the JUMLAH row and the signatures are not kader.
    expect(p.rows.map((r) => [r.row, r.action])).toEqual([
      [6, 'new'],
      [7, 'error'],
      [8, 'new'],
      [10, 'error'],
      [11, 'new'],
      [12, 'new'],
      [13, 'error'],
      [14, 'update'],
      [15, 'update'],
      [16, 'new'],
      [17, 'error'],
      [18, 'error'],
    ])
    expect(p.counts).toEqual({ new: 5, update: 2, error: 5, warnings: 4, blank: 1 })

    expect(rowAt(p, 6)).toEqual({
      row: 6,
      action: 'new',
      existingKaderId: null,
      values: {
        name: 'Siti Aminah',
        nik: SITI,
        sex: 'P',
        birthPlace: 'Tangerang',
        birthDate: '1985-04-12',
        address: 'Jl. Kenari No. 5',
        rt: '003',
        rw: '005',
        phone: '+6281234567890',
        posyanduName: 'Posyandu Melati 01',
        posyanduId: melati.id,
        role: 'ketua',
        education: 'sma',
        skNumber: '001/SK-KDR/2020',
        skDate: '2020-01-15',
        status: 'aktif',
        notes: null,
      },
      raw: {
        name: 'Siti Aminah',
        nik: SITI,
        sex: 'P',
        birthPlace: 'Tangerang',
        birthDate: '12-04-1985',
        address: 'Jl. Kenari No. 5',
        rtRw: '003/005',
        phone: '0812 3456 7890',
        posyandu: 'Posyandu Melati 01',
        role: 'Ketua',
        education: 'SMA',
        skNumber: '001/SK-KDR/2020',
        skDate: '15-01-2020',
        status: 'Aktif',
      },
      problems: [],
    })

    // A NIK typed into a number cell: Excel kept 15 digits.
    expect(problems(p, 7)).toEqual([['nik', 'error', NIK_LOST_DIGITS('3671015506880000')]])
    expect(NIK_LOST_DIGITS('3671015506880000')).toBe(
      "Angka terakhir NIK hilang karena Excel menyimpannya sebagai angka (tersimpan 3671015506880000); ketik ulang sebagai teks dari KTP/KK (awali dengan tanda ').",
    )
    expect(rowAt(p, 7).values).toMatchObject({ nik: null, birthDate: '1988-06-15', phone: '+6281311112222', posyanduId: melati.id, role: 'sekretaris', education: 'sma' })

    // An apostrophe kept as a character; a date as text; "posyandu mawar 2" is Posyandu Mawar 02.
    expect(problems(p, 8)).toEqual([])
    expect(rowAt(p, 8).values).toMatchObject({ nik: NIK('1990-08-22', 'P', 4), birthDate: '1990-08-22', birthPlace: 'Jakarta', phone: '+6281222223333', posyanduId: mawar.id, role: 'bendahara', education: 'd1_d3' })

    // A NIK with spaces, "23 Maret 1987", and a misspelt Posyandu: the one a letter away offered, not taken.
    expect(rowAt(p, 10).values).toMatchObject({ nik: NIK('1987-03-23', 'P', 5), birthDate: '1987-03-23', posyanduName: 'Melatti 01', posyanduId: null, role: 'kader', education: 'smp' })
    expect(problems(p, 10)).toEqual([
      ['posyandu', 'error', 'Posyandu "Melatti 01" tidak ada di daftar Posyandu kantor ini. Maksud Anda Posyandu Melati 01? Pilih Posyandu itu, atau buat Posyandu baru bila memang berbeda.'],
    ])

    // "1/1/80": the century that gives an adult; a phone number that is not one is left empty.
    expect(rowAt(p, 11).values).toMatchObject({ sex: 'L', birthDate: '1980-01-01', phone: null, posyanduId: kenanga.id, education: 'd4_s1' })
    expect(problems(p, 11)).toEqual([['phone', 'warning', 'Nomor HP "12345" tidak dikenali; dikosongkan. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.']])

    // No sex written: read from the NIK (day + 40), and said so.
    expect(rowAt(p, 12).values).toMatchObject({ sex: 'P', birthDate: '1975-07-01', birthPlace: 'Serang', posyanduId: mawar.id, role: 'ketua_bidang', education: 'sd' })
    expect(problems(p, 12)).toEqual([['sex', 'warning', 'Jenis kelamin kosong; diisi P (perempuan) menurut NIK.']])

    // The same NIK twice in the file: the later row is the error.
    expect(problems(p, 13)).toEqual([['nik', 'error', 'NIK ini sudah ada di baris 6 berkas ini; baris ini dilewati. Periksa NIK mana yang benar.']])

    // Matched by NIK: the kader on the roster is updated; the file's values replace the register's.
    expect(rowAt(p, 14)).toMatchObject({ action: 'update', existingKaderId: nur.id, problems: [] })
    expect(rowAt(p, 14).values).toMatchObject({ address: 'Jl. Masjid No. 9', phone: '+6285711110000', posyanduId: mawar.id })

    // An archived kader with the same NIK is the same person: restored and moved.
    expect(rowAt(p, 15)).toMatchObject({ action: 'update', existingKaderId: lilis.id })
    expect(problems(p, 15)).toEqual([
      ['nik', 'warning', 'Kader ber-NIK ini ada di arsip (Lilis Suryani); akan dipulihkan dari arsip dan diperbarui.'],
      ['posyandu', 'warning', 'Kader ini terdaftar di Posyandu Melati 01 (Sukarasa); akan dipindah ke Posyandu Kenanga 03.'],
    ])

    // Sex that disagrees with the NIK: the kader form's warning.
    expect(problems(p, 16)).toEqual([
      ['sex', 'warning', 'NIK ini milik perempuan (tanggal di NIK ditambah 40), tetapi jenis kelamin diisi laki-laki. Data tetap dapat disimpan.'],
    ])
    expect(problems(p, 17)).toEqual([['birthDate', 'error', 'Tanggal lahir "31-02-1991" tidak ada di kalender. Periksa hari dan bulannya.']])
    expect(problems(p, 18)).toEqual([['posyandu', 'error', 'Posyandu "Dahlia 05" tidak ada di daftar Posyandu kantor ini. Pilih Posyandu atau buat baru.']])

    expect(p.posyandu).toEqual([
      { name: 'Posyandu Melati 01', rows: 5, choice: { kind: 'existing', id: melati.id, name: 'Posyandu Melati 01' }, suggestions: [], near: null, spellings: ['MELATI 01'], nearInFile: null, sameAs: null },
      {
        name: 'posyandu mawar 2',
        rows: 3,
        choice: { kind: 'existing', id: mawar.id, name: 'Posyandu Mawar 02' },
        suggestions: [],
        near: null,
        spellings: ['Mawar 02', 'Posyandu Mawar 02'],
        nearInFile: null,
        sameAs: null,
      },
      {
        name: 'Melatti 01',
        rows: 1,
        choice: null,
        suggestions: [{ id: melati.id, name: 'Posyandu Melati 01' }],
        near: { id: melati.id, name: 'Posyandu Melati 01' },
        spellings: [],
        nearInFile: null,
        sameAs: null,
      },
      { name: 'Kenanga 03', rows: 2, choice: { kind: 'existing', id: kenanga.id, name: 'Kenanga 03' }, suggestions: [], near: null, spellings: [], nearInFile: null, sameAs: null },
      { name: 'Dahlia 05', rows: 1, choice: null, suggestions: [], near: null, spellings: [], nearInFile: null, sameAs: null },
    ])
  })

  it('takes the person’s Posyandu choices and column corrections', async () => {
    const path = await writeMessyRoster()
    const p = await preview(path, { posyandu: { 'Melatti 01': melati.id, 'dahlia 05': 'new' }, mapping: { '9': null, '16': 'skNumber' } })
    expect(rowAt(p, 10)).toMatchObject({ action: 'new', problems: [] })
    expect(rowAt(p, 10).values.posyanduId).toBe(melati.id)
    expect(rowAt(p, 18).values.posyanduId).toBe('new')
    expect(p.posyandu.find((g) => g.name === 'Dahlia 05')?.choice).toEqual({ kind: 'new' })
    // The phone column ignored: no phone, no phone warning; No SK now read from the empty Keterangan column.
    expect(p.layout.columns.filter((c) => c.index === 9 || c.index === 13 || c.index === 16).map((c) => [c.index, c.field])).toEqual([
      [9, null],
      [13, null],
      [16, 'skNumber'],
    ])
    expect(rowAt(p, 11).problems).toEqual([])
    expect(rowAt(p, 6).values).toMatchObject({ phone: null, skNumber: null })

    expect(await errorOf(() => preview(path, { mapping: { '2': 'nik', '5': 'nik' } }))).toMatchObject({
      code: 'invalid_input',
      field: 'mapping',
      message: 'Kolom B dan E sama-sama dipilih sebagai NIK. Pilih satu kolom untuk setiap isian.',
    })
    expect(await errorOf(() => preview(path, { mapping: { '3': null } }))).toMatchObject({
      code: 'invalid_input',
      message: 'Kolom NIK belum ditemukan di baris judul (baris 4 lembar "Data Kader"). Pilih kolom yang berisi NIK, atau pilih baris judul kolom yang lain.',
    })
  })

  it('reads a CSV saved by Excel with semicolons in Windows-1252: combined Tempat/Tgl Lahir, Laki-laki/Perempuan, NIK as scientific notation', async () => {
    const path = writeCsv(
      join(t.dir, 'kader.csv'),
      [
        ['DAFTAR KADER POSYANDU MELATI 01'],
        [],
        ['No', 'Nama', 'NIK', 'Jenis Kelamin', 'Tempat, Tanggal Lahir', 'RT', 'RW', 'No HP', 'Posyandu', 'Jabatan', 'Status', 'Catatan'],
        ['1', "Siti Nur'aini", NIK('1985-04-12', 'P', 21), 'Perempuan', 'Tangerang, 12-04-1985', '3', '05', '0812-3456-7890', 'Melati 01', 'Kader', 'Aktif', 'Kader sejak 2010 – aktif'],
        ['2', 'Agus Saputra', NIK('1978-02-17', 'L', 22), 'Laki-laki', 'Serang / 17 Februari 1978', '03', '5', '+62 857 1234 5678', 'melati 01', 'Anggota', 'Pindah', ''],
        ['3', 'Heni Susanti', '3,67102E+15', 'Perempuan', 'Tangerang, 12 Apr 85', '1', '2', '', 'Melati 01', 'Kader', 'Aktif', ''],
        ['', 'Jumlah', '', '', '', '', '', '', '', '', '', ''],
      ],
      { separator: ';', encoding: 'windows-1252' },
    )
    const p = await preview(path)
    expect(p.layout).toMatchObject({ fileName: 'kader.csv', sheet: 'kader', sheets: [{ name: 'kader', rows: 6 }], headerRow: 3 })
    expect(p.layout.columns.map((c) => c.field)).toEqual([null, 'name', 'nik', 'sex', 'birthPlaceDate', 'rt', 'rw', 'phone', 'posyandu', 'role', 'status', 'notes'])
    expect(p.rows.map((r) => [r.row, r.action])).toEqual([
      [4, 'new'],
      [5, 'new'],
      [6, 'error'],
    ])
    expect(rowAt(p, 4).values).toMatchObject({
      name: "Siti Nur'aini",
      sex: 'P',
      birthPlace: 'Tangerang',
      birthDate: '1985-04-12',
      rt: '003',
      rw: '005',
      phone: '+6281234567890',
      posyanduId: melati.id,
      notes: 'Kader sejak 2010 – aktif',
    })
    expect(rowAt(p, 5).values).toMatchObject({ sex: 'L', birthPlace: 'Serang', birthDate: '1978-02-17', phone: '+6285712345678', posyanduId: melati.id, status: 'pindah' })
    expect(problems(p, 6)).toEqual([['nik', 'error', NIK_LOST_DIGITS('3,67102E+15')]])
    expect(rowAt(p, 6).values.birthDate).toBe('1985-04-12')
  })

  it('reads a comma CSV in UTF-8 with a BOM the same way', async () => {
    const path = writeCsv(
      join(t.dir, 'kader-utf8.csv'),
      [
        ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'],
        ['Ratna Kurniasih', NIK('1983-12-01', 'P', 31), 'P', '1 Desember 1983', 'Posyandu Kenanga 3'],
        ['Iis Rahmawati', NIK('1986-01-09', 'P', 32), 'P', String(excelSerial('1986-01-09')), 'Kenanga 03'],
      ],
      { separator: ',', encoding: 'utf-8-bom', eol: '\n' },
    )
    const p = await preview(path)
    expect(p.layout.columns.map((c) => c.heading)).toEqual(['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'])
    expect(p.rows.map((r) => [r.action, r.values.birthDate, r.values.posyanduId])).toEqual([
      ['new', '1983-12-01', kenanga.id],
      ['new', '1986-01-09', kenanga.id],
    ])
  })

  it('refuses NIKs the shared rules refuse, and one whose kecamatan does not exist', async () => {
    const path = await writeWorkbook(join(t.dir, 'nik.xlsx'), [
      {
        name: 'Kader',
        rows: [
          ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'],
          ['Satu', '36710152048', 'P', '12-04-1985', 'Melati 01'],
          ['Dua', NIK('1985-04-12', 'P', 1).replace(/^367101/, '999999'), 'P', '12-04-1985', 'Melati 01'],
          ['Tiga', '3671015213850001', 'P', '12-04-1985', 'Melati 01'],
          ['Empat', null, 'P', '12-04-1985', 'Melati 01'],
          ['Lima', 3671015204850011, 'P', '12-04-1985', 'Melati 01'],
        ],
      },
    ])
    const p = await preview(path)
    expect(problems(p, 2)).toEqual([['nik', 'error', NIK_MESSAGES.shape]])
    expect(problems(p, 3)).toEqual([['nik', 'error', NIK_MESSAGES.district]])
    expect(problems(p, 4)).toEqual([['nik', 'error', NIK_MESSAGES.date]])
    expect(problems(p, 5)).toEqual([['nik', 'error', 'NIK kosong. Isi NIK 16 angka dari KTP/KK.']])
    // Written exactly by a program (the last digit is not Excel's 0): kept.
    expect(rowAt(p, 6)).toMatchObject({ action: 'new', problems: [] })
    expect(rowAt(p, 6).values.nik).toBe('3671015204850011')
  })
})

describe('applyRosterImport', () => {
  const choices = (): Partial<Input<'kaderImpor:apply'>> => ({ posyandu: { 'Melatti 01': melati.id, 'Dahlia 05': 'new' } })

  it('saves the rows without errors in one go, creates the chosen Posyandu and writes the skipped rows to a report', async () => {
    const { nur, lilis } = await seedExisting()
    const path = await writeMessyRoster()
    const r = await apply(path, choices())
    expect(r).toMatchObject({ created: 7, updated: 2, skipped: 3, posyanduCreated: 1 })
    expect(r.errorReport).toMatch(/Daftar Kader Sukarasa 2024_baris-bermasalah_\d{8}-\d{4}\.xlsx$/)
    expect(dirname(r.errorReport!)).toBe(t.dir)
    expect(await kaderCount()).toBe(9)

    const dahlia = await t.db.selectFrom('posyandu').selectAll().where('name', '=', 'Dahlia 05').executeTakeFirstOrThrow()
    expect(dahlia).toMatchObject({ village_code: '36.71.01.1001', village_name: 'Sukarasa', active: 1, deleted: 0 })
    expect(JSON.parse(dahlia.spm_fields)).toHaveLength(6)

    const siti = await t.db.selectFrom('kader').select('id').where('nik', '=', SITI).executeTakeFirstOrThrow()
    const k = await getKader(t.db, { id: siti.id })
    expect(k).toMatchObject({
      name: 'Siti Aminah',
      sex: 'P',
      birthDate: '1985-04-12',
      phone: '+6281234567890',
      rt: '003',
      rw: '005',
      posyanduId: melati.id,
      role: 'ketua',
      spmFields: ['kesehatan'],
      education: 'sma',
      skNumber: '001/SK-KDR/2020',
      skDate: '2020-01-15',
      status: 'aktif',
      statusDate: '2020-01-15',
      archived: false,
    })
    expect(k.statusHistory).toEqual([
      expect.objectContaining({ status: 'aktif', date: '2020-01-15', note: 'Didaftarkan lewat impor daftar kader (Daftar Kader Sukarasa 2024.xlsx).' }),
    ])
    const sri = await t.db.selectFrom('kader').selectAll().where('name', '=', 'Sri Wahyuni').executeTakeFirstOrThrow()
    expect(sri).toMatchObject({ sex: 'P', role: 'ketua_bidang', spm_fields: '["kesehatan"]', status_date: todayJakarta() })
    const maya = await t.db.selectFrom('kader').selectAll().where('name', '=', 'Maya Permata').executeTakeFirstOrThrow()
    expect(maya.posyandu_id).toBe(dahlia.id)

    // Updates keep what the file does not say, and version only the columns that changed.
    const nurAfter = await getKader(t.db, { id: nur.id })
    expect(nurAfter).toMatchObject({ address: 'Jl. Masjid No. 9', phone: '+6285711110000', rt: '003', rw: '005', education: 'sma', spmFields: ['kesehatan'] })
    const nurRow = await t.db.selectFrom('kader').selectAll().where('id', '=', nur.id).executeTakeFirstOrThrow()
    expect(Object.keys(JSON.parse(nurRow.field_versions)).filter((c) => !c.startsWith('~')).sort()).toEqual(['address', 'phone', 'rt', 'rw'])
    const lilisAfter = await getKader(t.db, { id: lilis.id })
    expect(lilisAfter).toMatchObject({ archived: false, posyanduId: kenanga.id })

    // The error report: the skipped rows as they were, with their problems.
    const [sheet] = await readWorkbook(r.errorReport!)
    expect(sheet!.name).toBe('Baris dilewati')
    expect(String(sheet!.rows[0]![0])).toMatch(/^Baris yang tidak diimpor dari Daftar Kader Sukarasa 2024\.xlsx \(lembar "Data Kader"\), /)
    expect(sheet!.rows[1]).toEqual([
      'No', 'Nama Lengkap', 'NIK', 'L/P', 'Tempat Lahir', 'Tgl Lahir', 'Alamat', 'RT/RW', 'No. HP/WA', 'Nama Posyandu',
      'Jabatan', 'Pendidikan Terakhir', 'No SK', 'Tgl SK', 'Status', 'Keterangan', 'Baris asal', 'Masalah',
    ])
    const body = sheet!.rows.slice(2)
    expect(body.map((row) => [row[1], row[16], row[17]])).toEqual([
      ['Rina Marlina', 7, `NIK: ${NIK_LOST_DIGITS('3671015506880000')}`],
      ['Yuni Astuti', 13, 'NIK: NIK ini sudah ada di baris 6 berkas ini; baris ini dilewati. Periksa NIK mana yang benar.'],
      ['Fitri Handayani', 17, 'Tanggal lahir: Tanggal lahir "31-02-1991" tidak ada di kalender. Periksa hari dan bulannya.'],
    ])
    // As they were: the number NIK stays a number, the serial a number, the date text a text.
    expect(body[0]![2]).toBe(3671015506880000)
    expect(body[0]![5]).toBe(excelSerial('1988-06-15'))
    expect(body[2]![5]).toBe('31-02-1991')
  })

  it('updates the same kader when the same file is imported again, and changes nothing', async () => {
    await seedExisting()
    const path = await writeMessyRoster()
    await apply(path, choices())
    const count = await kaderCount()
    const digest = await replicatedDigest(t.db)

    const p = await preview(path)
    expect(p.counts).toEqual({ new: 0, update: 8, error: 4, warnings: 2, blank: 1 })
    expect(p.posyandu.find((g) => g.name === 'Dahlia 05')?.choice).toMatchObject({ kind: 'existing' })
    // The misspelt name still needs the person's choice; "new" for a name now in the register is that Posyandu.
    const again = await apply(path, choices())
    expect(again).toMatchObject({ created: 0, updated: 9, skipped: 3, posyanduCreated: 0 })
    expect(await kaderCount()).toBe(count)
    expect(await replicatedDigest(t.db)).toEqual(digest)
  })

  it('records a status change from the file in the kader’s history', async () => {
    const nur = await makeKader(t.db, mawar.id, { nik: NUR, name: 'Nur Hasanah', birthDate: '1984-11-30', sex: 'P', statusDate: '2020-02-02' })
    const path = await writeWorkbook(join(t.dir, 'status.xlsx'), [
      { name: 'Kader', rows: [['Nama', 'NIK', 'Status', 'Keterangan'], ['NUR HASANAH', NUR, 'Meninggal Dunia', 'Wafat Maret 2024']] },
    ])
    const p = await preview(path)
    expect(rowAt(p, 2)).toMatchObject({ action: 'update', problems: [] })
    await apply(path)
    const k = await getKader(t.db, { id: nur.kader.id })
    // Same name but for case: the register's spelling stays.
    expect(k).toMatchObject({ name: 'Nur Hasanah', status: 'meninggal', statusDate: todayJakarta(), notes: 'Wafat Maret 2024', posyanduId: mawar.id })
    expect(k.statusHistory.map((h) => [h.status, h.note])).toEqual([
      ['meninggal', 'Diubah lewat impor daftar kader (status.xlsx).'],
      ['aktif', null],
    ])
  })

  it('saves nothing when the error report cannot be written', async () => {
    const path = await writeMessyRoster()
    const before = await replicatedDigest(t.db)
    // Block the report's file name for this minute and the next.
    for (const at of [new Date(), new Date(Date.now() + 60_000)]) {
      mkdirSync(join(t.dir, `${basename(path, '.xlsx')}_baris-bermasalah_${reportStamp(at)}.xlsx.${process.pid}.tmp`))
    }
    const e = await errorOf(() => apply(path, choices()))
    expect(e.message).toBe(
      `Daftar baris yang dilewati tidak dapat ditulis di folder ${t.dir}. Salin berkas daftar kader ke folder yang dapat ditulisi (mis. Dokumen), lalu impor lagi. Belum ada data yang disimpan.`,
    )
    expect(await replicatedDigest(t.db)).toEqual(before)
    expect(await kaderCount()).toBe(0)
  })

  it('at a Puskesmas, matches Posyandu of its villages by name and village but creates none', async () => {
    const pkm = await createTestDb()
    try {
      const { setupSite } = await import('../../electron/core/features/site/site.service')
      const { siteSetupInput } = await import('../../shared/contract')
      await setupSite(pkm.db, siteSetupInput.parse({ level: 'puskesmas', areaCode: '36.71.01', name: 'Puskesmas Tangerang', coveredVillageCodes: ['36.71.01.1001', '36.71.01.1002'] }))
      const a = await makePosyandu(pkm.db, { name: 'Posyandu Mawar 01', villageCode: '36.71.01.1001' })
      const b = await makePosyandu(pkm.db, { name: 'Posyandu Mawar 01', villageCode: '36.71.01.1002' })
      const path = await writeWorkbook(join(pkm.dir, 'pkm.xlsx'), [
        {
          name: 'Kader',
          rows: [
            ['Nama', 'NIK', 'L/P', 'Tgl Lahir', 'Posyandu'],
            ['Siti', NIK('1985-04-12', 'P', 1), 'P', '12-04-1985', 'Mawar 01'],
            ['Ani', NIK('1985-04-12', 'P', 2), 'P', '12-04-1985', 'Anggrek'],
            ['Eka', NIK('1985-04-12', 'P', 3), 'P', '12-04-1985', 'Mawar 1 Sukasih'],
          ],
        },
      ])
      const p = await previewRosterImport(pkm.db, input(path, { posyandu: { Anggrek: 'new' } }))
      expect(problems(p, 2)).toEqual([
        ['posyandu', 'error', 'Ada 2 Posyandu bernama "Mawar 01" di wilayah kantor ini (Posyandu Mawar 01 — Sukarasa; Posyandu Mawar 01 — Sukaasih). Pilih Posyandu yang benar.'],
      ])
      expect(p.posyandu[0]!.suggestions.map((s) => s.id).sort()).toEqual([a.id, b.id].sort())
      expect(problems(p, 3)).toEqual([
        ['posyandu', 'error', 'Posyandu baru hanya dapat dibuat oleh kantor kelurahan/desa tempat Posyandu itu berada. Pilih Posyandu yang sudah ada untuk "Anggrek".'],
      ])
      expect(problems(p, 4)).toEqual([
        [
          'posyandu',
          'error',
          'Posyandu "Mawar 1 Sukasih" tidak ada di daftar Posyandu wilayah kantor ini. Pilih Posyandu yang sudah ada (Posyandu baru dibuat oleh kantor kelurahan/desanya). Mungkin maksudnya: Posyandu Mawar 01 — Sukarasa, Posyandu Mawar 01 — Sukaasih.',
        ],
      ])
      const chosen = await previewRosterImport(pkm.db, input(path, { posyandu: { 'Mawar 01': b.id } }))
      expect(rowAt(chosen, 2)).toMatchObject({ action: 'new', problems: [] })
      expect(rowAt(chosen, 2).values.posyanduId).toBe(b.id)
    } finally {
      await pkm.cleanup()
    }
  })

  it('previews and imports a realistic roster of 2,000 kader', async () => {
    const names = ['Melati 01', 'Posyandu Mawar 02', 'KENANGA 03']
    for (const n of ['Anggrek 04', 'Dahlia 05', 'Flamboyan 06', 'Teratai 07', 'Cempaka 08']) await makePosyandu(t.db, { name: `Posyandu ${n}` })
    names.push('Anggrek 4', 'posyandu dahlia 05', 'Flamboyan 06', 'Teratai 07', 'Cempaka 08')
    const people = rosterPeople(2000, { posyandu: names })
    const columns = [COLUMNS.no, COLUMNS.nama, COLUMNS.nik, COLUMNS.jenisKelamin, COLUMNS.ttl, COLUMNS.alamat, COLUMNS.rtRw, COLUMNS.hp, COLUMNS.posyandu, COLUMNS.jabatan, COLUMNS.pendidikan, COLUMNS.noSk, COLUMNS.tglSk, COLUMNS.status]
    const path = await writeWorkbook(join(t.dir, 'roster-2000.xlsx'), [rosterSheet(people, { columns, numberingRow: true, blankAfter: [499, 999, 1499], totalRow: true, signature: true })])

    let start = performance.now()
    const p = await preview(path)
    const previewMs = performance.now() - start
    expect(p.counts).toEqual({ new: 2000, update: 0, error: 0, warnings: 0, blank: 3 })

    start = performance.now()
    const r = await apply(path)
    const applyMs = performance.now() - start
    expect(r).toEqual({ created: 2000, updated: 0, skipped: 0, posyanduCreated: 0, errorReport: null })

    start = performance.now()
    const again = await apply(path)
    const reapplyMs = performance.now() - start
    expect(again).toMatchObject({ created: 0, updated: 2000 })
    expect(await kaderCount()).toBe(2000)
    console.log(`kader impor, 2.000 baris: pratinjau ${Math.round(previewMs)} ms, impor ${Math.round(applyMs)} ms, impor ulang ${Math.round(reapplyMs)} ms`)
    expect(existsSync(path)).toBe(true)
  }, 120_000)
})

describe('who may import a roster', () => {
  it('not the kota or a kecamatan office: other offices would refuse those kader', async () => {
    const kota = await createTestDb()
    try {
      await kota.db.insertInto('site').values({ id: '0190c1a2-0000-7000-8000-0000000000aa', level: 'kota', area_code: '36.71', area_name: 'Kota Tangerang', name: 'Dinas Kesehatan Kota Tangerang', created_at: new Date().toISOString(), clock: '0000000000000:0000' }).execute()
      const e = await errorOf(() => readRosterLayout(kota.db, kaderImportInput.parse({ path: join(kota.dir, 'daftar.xlsx') })))
      expect(e.code).toBe('forbidden')
      expect(e.message).toMatch(/^Mengimpor daftar kader tidak dapat dilakukan di kantor Dinas kota\/kabupaten/)
    } finally {
      await kota.cleanup()
    }
  })
})
