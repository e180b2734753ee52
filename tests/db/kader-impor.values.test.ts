// The roster cell readers one by one: headings, NIKs, dates, sexes, phones, RT/RW, Jabatan,
// Pendidikan, Status, Posyandu names and the CSV reader, the way Indonesian offices write them.
// Pure functions; today is fixed so two-digit years read the same every year.

import { describe, expect, it } from 'vitest'
import { decodeText, detectSeparator, parseCsv } from '../../electron/core/features/kader-impor/csv'
import { classifyHeading } from '../../electron/core/features/kader-impor/headings'
import { FIELD_LABELS } from '../../electron/core/features/kader-impor/layout'
import { closest, nameSimilarity, normalisePosyanduName } from '../../electron/core/features/kader-impor/names'
import {
  NIK_LOST_DIGITS,
  readDate,
  readEducation,
  readNik,
  readPhone,
  readRole,
  readRtOrRw,
  readRtRw,
  readSex,
  readStatus,
  serialToIso,
  splitPlaceDate,
} from '../../electron/core/features/kader-impor/values'
import { KADER_IMPORT_FIELDS } from '../../shared/contract'
import { NIK_MESSAGES } from '../../shared/domain/nik'

const TODAY = '2026-11-23'
const NOW = new Date(`${TODAY}T05:00:00Z`)
const birth = (v: Parameters<typeof readDate>[0]) => readDate(v, { label: 'Tanggal lahir', kind: 'birth' }, TODAY)

describe('headings', () => {
  it('matches the usual Indonesian headings whatever their case, spacing and punctuation', () => {
    const cases: [string, string | null][] = [
      ['Nama', 'name'],
      ['NAMA LENGKAP', 'name'],
      ['Nama Kader', 'name'],
      ['NIK', 'nik'],
      ['No. KTP', 'nik'],
      ['Nomor Induk Kependudukan', 'nik'],
      ['NIK / No. KTP', 'nik'],
      ['No. KK', null],
      ['L/P', 'sex'],
      ['JK', 'sex'],
      ['Jenis Kelamin (L/P)', 'sex'],
      ['Tempat Lahir', 'birthPlace'],
      ['Tgl. Lahir', 'birthDate'],
      ['Tanggal Lahir', 'birthDate'],
      ['Tempat/Tgl Lahir', 'birthPlaceDate'],
      ['TTL', 'birthPlaceDate'],
      ['Tempat, Tanggal Lahir', 'birthPlaceDate'],
      ['Alamat', 'address'],
      ['Alamat Lengkap', 'address'],
      ['RT', 'rt'],
      ['RW', 'rw'],
      ['RT/RW', 'rtRw'],
      ['No HP', 'phone'],
      ['No. Telp', 'phone'],
      ['HP', 'phone'],
      ['WA', 'phone'],
      ['Nomor HP/WA', 'phone'],
      ['Posyandu', 'posyandu'],
      ['Nama Posyandu', 'posyandu'],
      ['Jabatan', 'role'],
      ['Kedudukan', 'role'],
      ['Jabatan di Posyandu', 'role'],
      ['Pendidikan', 'education'],
      ['Pendidikan Terakhir', 'education'],
      ['No SK', 'skNumber'],
      ['Nomor SK', 'skNumber'],
      ['Tgl SK', 'skDate'],
      ['Tanggal SK', 'skDate'],
      ['Status', 'status'],
      ['Status Kader', 'status'],
      ['Status Perkawinan', null],
      ['Keterangan', 'notes'],
      ['Ket.', 'notes'],
      ['Catatan', 'notes'],
      ['No', null],
      ['Umur', null],
      ['DAFTAR KADER POSYANDU KELURAHAN SUKARASA', null],
    ]
    expect(cases.map(([h]) => [h, classifyHeading(h)])).toEqual(cases)
  })

  it('reads back its own labels as the same fields (the error report and exports rely on it)', () => {
    expect(KADER_IMPORT_FIELDS.map((f) => classifyHeading(FIELD_LABELS[f]))).toEqual([...KADER_IMPORT_FIELDS])
  })
})

describe('NIK cells', () => {
  it('cleans text NIKs: spaces, dots, dashes and an apostrophe typed to force text', () => {
    for (const raw of ["'3671015204850003", '3671 0152 0485 0003', '3671.0152.0485.0003', '3671-0152-0485-0003', 'NIK: 3671015204850003']) {
      expect(readNik(raw, NOW)).toMatchObject({ value: '3671015204850003', parsed: { birthDate: '1985-04-12', sex: 'P', districtCode: '36.71.01' } })
    }
  })

  it('refuses a number cell whose last digits Excel lost, and text copied from its scientific display', () => {
    expect(readNik(3671015204850000, NOW).issue).toEqual({ severity: 'error', message: NIK_LOST_DIGITS('3671015204850000') })
    expect(readNik(3.67101520305e15, NOW).issue?.message).toBe(NIK_LOST_DIGITS('3671015203050000'))
    // Excel keeps 15 digits: a trailing 0 in a number cell is the one it put there.
    expect(readNik(3671015204850010, NOW).issue?.message).toBe(NIK_LOST_DIGITS('3671015204850010'))
    // Above 2^53 no double holds every digit (Papua's codes 91–94).
    expect(readNik(Number('9171015204850003'), NOW).issue?.message).toBe(NIK_LOST_DIGITS('9171015204850004'))
    expect(readNik('3,67102E+15', NOW).issue?.message).toBe(NIK_LOST_DIGITS('3,67102E+15'))
    expect(readNik('3.67101520305E+15', NOW).issue?.message).toBe(NIK_LOST_DIGITS('3.67101520305E+15'))
    // Written exactly by a program: kept.
    expect(readNik(3671015204850003, NOW)).toMatchObject({ value: '3671015204850003' })
  })

  it('applies the shared NIK rules and says when the cell is empty', () => {
    expect(readNik(null, NOW).issue?.message).toBe('NIK kosong. Isi NIK 16 angka dari KTP/KK.')
    expect(readNik('36710152048500', NOW).issue?.message).toBe(NIK_MESSAGES.shape)
    expect(readNik('3671013213850003', NOW).issue?.message).toBe(NIK_MESSAGES.date)
    expect(readNik('3671015204850000', NOW).issue?.message).toBe(NIK_MESSAGES.serial)
  })
})

describe('dates', () => {
  it('reads date cells, serial numbers and Indonesian text', () => {
    const cases: [Parameters<typeof readDate>[0], string][] = [
      [new Date('1985-04-12T00:00:00Z'), '1985-04-12'],
      [31149, '1985-04-12'],
      ['31149', '1985-04-12'],
      ['12-04-1985', '1985-04-12'],
      ['12/4/1985', '1985-04-12'],
      ['12.04.1985', '1985-04-12'],
      ['12 04 1985', '1985-04-12'],
      ['1985-04-12', '1985-04-12'],
      ['1985/4/12', '1985-04-12'],
      ['12 April 1985', '1985-04-12'],
      ['12 APRIL 1985', '1985-04-12'],
      ['12 Apr 85', '1985-04-12'],
      ['12-Apr-85', '1985-04-12'],
      ['12 Agustus 1985', '1985-08-12'],
      ['12 Agt 1985', '1985-08-12'],
      ['5 Peb 1990', '1990-02-05'],
      ['1 Mei 1970', '1970-05-01'],
      ['3 Okt 1968', '1968-10-03'],
      ['24 Nop 1977', '1977-11-24'],
      ['31 Des 1980', '1980-12-31'],
      ['Senin, 12 April 1985', '1985-04-12'],
      ['April 12, 1985', '1985-04-12'],
      ['12041985', '1985-04-12'],
      [12041985, '1985-04-12'],
      [1041985, '1985-04-01'],
      // Two-digit years: the century that gives an adult (17 or older) in 2026.
      ['1/1/80', '1980-01-01'],
      ['01-01-05', '2005-01-01'],
      ['01-01-09', '2009-01-01'],
      ['01-01-10', '1910-01-01'],
    ]
    expect(cases.map(([v]) => birth(v).value)).toEqual(cases.map(([, iso]) => iso))
    expect(cases.filter(([v]) => birth(v).issue !== undefined)).toEqual([])
    expect(birth("12 April '85").value).toBe('1985-04-12')
  })

  it('says what is wrong with a date that cannot be used', () => {
    expect(birth('31-02-1985').issue).toEqual({ severity: 'error', message: 'Tanggal lahir "31-02-1985" tidak ada di kalender. Periksa hari dan bulannya.' })
    expect(birth('1985').issue?.message).toBe('Tanggal lahir hanya berisi tahun (1985). Isi tanggal lengkap, mis. 12-04-1985.')
    expect(birth(1985).issue?.message).toBe('Tanggal lahir hanya berisi tahun (1985). Isi tanggal lengkap, mis. 12-04-1985.')
    expect(birth('kemarin').issue?.message).toBe('Tanggal lahir "kemarin" tidak dapat dibaca. Tulis seperti 12-04-1985 atau 12 April 1985.')
    expect(birth('12-04-2030').issue?.message).toBe('Tanggal lahir 12-04-2030 belum terjadi. Periksa tahunnya.')
    // Month first (an English-language Excel): read, and said.
    expect(birth('04/25/1985')).toEqual({
      value: '1985-04-25',
      issue: { severity: 'warning', message: 'Tanggal lahir "04/25/1985" dibaca sebagai bulan/hari/tahun: 25-04-1985. Periksa kembali.' },
    })
    expect(birth(null)).toEqual({ value: null })
    // An SK year of two digits is not in the future.
    expect(readDate('15-01-20', { label: 'Tanggal SK', kind: 'sk' }, TODAY).value).toBe('2020-01-15')
  })

  it('follows Excel’s 1900 calendar, phantom 29 February included', () => {
    expect([serialToIso(1), serialToIso(59), serialToIso(61), serialToIso(45000)]).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2023-03-15'])
  })

  it('splits "Tempat/Tgl Lahir" the ways it is written', () => {
    const cases: [string, string | null, string | null][] = [
      ['Tangerang, 12-04-1985', 'Tangerang', '12-04-1985'],
      ['TANGERANG,12-04-1985', 'TANGERANG', '12-04-1985'],
      ['Serang / 17 Februari 1978', 'Serang', '17 Februari 1978'],
      ['Tangerang 12/04/1985', 'Tangerang', '12/04/1985'],
      ['Tangerang/12/04/1985', 'Tangerang', '12/04/1985'],
      ['Kab. Lebak, 5 Juni 1990', 'Kab. Lebak', '5 Juni 1990'],
      ['Jakarta, 1985-04-12', 'Jakarta', '1985-04-12'],
      ["Bogor, 12 April '85", 'Bogor', "12 April '85"],
      ['12-04-1985', null, '12-04-1985'],
      ['Tangerang', 'Tangerang', null],
    ]
    expect(cases.map(([v]) => { const s = splitPlaceDate(v); return [v, s.place, s.date] })).toEqual(cases)
  })
})

describe('other cells', () => {
  it('reads L/P, Laki-laki/Perempuan, Pria/Wanita and M/F', () => {
    expect(['L', 'l', 'Lk', 'Laki-laki', 'LAKI LAKI', 'Pria', 'M', 'Male'].map((v) => readSex(v).value)).toEqual(Array(8).fill('L'))
    expect(['P', 'p', 'Pr', 'Perempuan', 'PEREMPUAN', 'Wanita', 'W', 'F', 'Female'].map((v) => readSex(v).value)).toEqual(Array(9).fill('P'))
    expect(readSex('X')).toEqual({ value: null, unknown: 'X' })
    expect(readSex(null)).toEqual({ value: null })
  })

  it('normalises phone numbers, puts back the 0 Excel drops, and keeps the first of several', () => {
    expect(['0812 3456 7890', '0812-3456-7890', '+62 812-3456-7890', '62 812 3456 7890', "'081234567890", 81234567890, 6281234567890, 'HP: 0812 3456 7890'].map((v) => readPhone(v).value)).toEqual(
      Array(8).fill('+6281234567890'),
    )
    expect(readPhone('0812 3456 7890 / 0857 1111 2222')).toEqual({
      value: '+6281234567890',
      issue: { severity: 'warning', message: 'Ada 2 nomor HP; hanya yang pertama (0812 3456 7890) yang disimpan.' },
    })
    expect(readPhone('-').issue?.severity).toBe('warning')
  })

  it('reads RT/RW together or apart', () => {
    expect(['003/005', '3/5', '03 / 05', 'RT 03 RW 05', 'RT.003/RW.005', '3-5'].map((v) => readRtRw(v))).toEqual(Array(6).fill({ rt: '003', rw: '005' }))
    expect(readRtRw('Blok C').issue?.message).toBe('RT/RW "Blok C" tidak dapat dibaca; dikosongkan. Tulis seperti 003/005.')
    expect([3, '03', 'RT 003', ' 3 '].map((v) => readRtOrRw(v, 'RT').value)).toEqual(['003', '003', '003', '003'])
    expect(readRtOrRw('tiga', 'RW').issue?.message).toBe('RW "tiga" tidak dapat dibaca; dikosongkan. Tulis angkanya saja, mis. 003.')
  })

  it('matches Jabatan, Pendidikan and Status to the app’s lists', () => {
    expect(['Ketua', 'KETUA POSYANDU', 'Sekretaris', 'Sekertaris', 'Bendahara', 'Anggota', 'Kader', 'Kader Posyandu'].map((v) => readRole(v).value)).toEqual([
      'ketua', 'ketua', 'sekretaris', 'sekretaris', 'bendahara', 'kader', 'kader', 'kader',
    ])
    expect(readRole('Ketua Bidang Pendidikan')).toEqual({ value: 'ketua_bidang', spmField: 'pendidikan' })
    expect(readRole('Kabid Kesehatan')).toEqual({ value: 'ketua_bidang', spmField: 'kesehatan' })
    expect(readRole('Ketua Pokja IV')).toEqual({ value: 'ketua_bidang' })
    expect(readRole('Wakil Ketua')).toEqual({ value: 'kader', unknown: 'Wakil Ketua' })

    expect(['Tidak Sekolah', 'Tidak tamat SD', 'SD', 'MI', 'Tamat SMP', 'MTs', 'SLTP', 'SMA', 'SMK', 'SLTA/Sederajat', 'MA', 'Paket C', 'D1', 'D3', 'Diploma III', 'S1', 'S.1', 'D4', 'Sarjana', 'S2', 'Magister'].map((v) => readEducation(v).value)).toEqual([
      'tidak_sekolah', 'tidak_sekolah', 'sd', 'sd', 'smp', 'smp', 'smp', 'sma', 'sma', 'sma', 'sma', 'sma', 'd1_d3', 'd1_d3', 'd1_d3', 'd4_s1', 'd4_s1', 'd4_s1', 'd4_s1', 's2_s3', 's2_s3',
    ])
    expect(readEducation('Pesantren')).toEqual({ value: null, unknown: 'Pesantren' })

    expect(['Aktif', 'aktif', 'Tidak Aktif', 'Non Aktif', 'Nonaktif', 'Berhenti', 'Mengundurkan diri', 'Pindah', 'Pindah domisili', 'Meninggal', 'Meninggal Dunia', 'Alm.'].map((v) => readStatus(v).value)).toEqual([
      'aktif', 'aktif', 'nonaktif', 'nonaktif', 'nonaktif', 'nonaktif', 'nonaktif', 'pindah', 'pindah', 'meninggal', 'meninggal', 'meninggal',
    ])
    expect(readStatus('Cadangan')).toEqual({ value: null, unknown: 'Cadangan' })
  })
})

describe('Posyandu names', () => {
  it('compares names without case, spacing, the Posyandu prefix or leading zeros', () => {
    expect(['Posyandu Melati 01', 'POSYANDU MELATI 1', 'melati  01', 'Psy. Melati 01', 'Melati-01'].map(normalisePosyanduName)).toEqual(Array(5).fill('melati 1'))
  })

  it('suggests the closest names for a misspelt one, best first', () => {
    const register = ['melati 1', 'melati 2', 'mawar 2', 'kenanga 3'].map((norm) => ({ norm, item: norm }))
    expect(closest('melatti 1', register)).toEqual(['melati 1', 'melati 2'])
    expect(closest('kenangan 3', register)).toEqual(['kenanga 3'])
    expect(closest('dahlia 5', register)).toEqual([])
    expect(nameSimilarity('melati 1', 'melati 1')).toBe(1)
  })
})

describe('CSV', () => {
  it('finds the separator Excel used and keeps quoted separators, quotes and line breaks', () => {
    expect(detectSeparator('Nama;NIK;Alamat\nSiti;3671;"Jl. A, No. 5"\n')).toBe(';')
    expect(detectSeparator('Nama,NIK,Alamat\nSiti,3671,"Jl. A; No. 5"\n')).toBe(',')
    expect(detectSeparator('Nama\tNIK\nSiti\t3671\n')).toBe('\t')
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"line\nbreak";;x\r\n', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['line\nbreak', '', 'x'],
    ])
  })

  it('decodes UTF-8 with or without a BOM, UTF-16 with a BOM, and Windows-1252', () => {
    expect(decodeText(Buffer.from('\ufeffNur’aini', 'utf8'))).toBe('Nur’aini')
    expect(decodeText(Buffer.from('Nur’aini', 'utf8'))).toBe('Nur’aini')
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nur’aini', 'utf16le')]))).toBe('Nur’aini')
    expect(decodeText(Buffer.from([0x4e, 0x75, 0x72, 0x92, 0x61, 0x69, 0x6e, 0x69, 0x20, 0x96, 0x20, 0xe9]))).toBe('Nur’aini – é')
  })
})
