import { describe, expect, it } from 'vitest'
import { fold, MIN_STEM, stem, stemText, stemVariants, tokens } from '../../electron/core/features/search/stem'

describe('stem: the most likely root', () => {
  it.each([
    // Nasal prefixes restore the letter they replaced.
    ['menyapu', 'sapu'],
    ['memukul', 'pukul'],
    ['menulis', 'tulis'],
    ['penulis', 'tulis'],
    ['mengambil', 'ambil'],
    ['penyuluhan', 'suluh'],
    ['mengecat', 'cat'],
    // Plain prefixes and suffixes.
    ['persampahan', 'sampah'],
    ['kesehatan', 'sehat'],
    ['pelayanan', 'layan'],
    ['pelatihan', 'latih'],
    ['pertemuan', 'temu'],
    ['dikerjakan', 'kerja'],
    ['kebersihan', 'bersih'],
    ['bekerja', 'kerja'],
    ['belajar', 'ajar'],
    ['berjalan', 'jalan'],
    ['tertulis', 'tulis'],
    ['melaksanakan', 'laksana'],
    ['memenuhi', 'penuh'],
    ['dihadiri', 'hadir'],
    // Two prefixes.
    ['mempersiapkan', 'siap'],
    ['diperbaiki', 'baik'],
    ['pemberdayaan', 'daya'],
    ['keberhasilan', 'hasil'],
    // Particles and possessives.
    ['lainnya', 'lain'],
    ['bukunya', 'buku'],
    ['walaupun', 'walau'],
    ['masalahnya', 'masalah'],
    // Left whole: -si words, short words, roots that only look affixed, numbers.
    ['imunisasi', 'imunisasi'],
    ['mengimunisasi', 'imunisasi'],
    ['diimunisasi', 'imunisasi'],
    ['sosialisasi', 'sosialisasi'],
    ['sampah', 'sampah'],
    ['masalah', 'masalah'],
    ['sekolah', 'sekolah'],
    ['jumlah', 'jumlah'],
    ['bertanya', 'tanya'],
    ['bertemu', 'temu'],
    ['dinas', 'dinas'],
    ['jalan', 'jalan'],
    ['pangan', 'pangan'],
    ['makan', 'makan'],
    ['gizi', 'gizi'],
    ['bagi', 'bagi'],
    ['tinggi', 'tinggi'],
    ['posyandu', 'posyandu'],
    ['rw03', 'rw03'],
    ['2026', '2026'],
  ])('%s → %s', (word, root) => {
    expect(stem(word)).toBe(root)
  })
})

describe('stemVariants: every plausible root, then the word itself', () => {
  it.each([
    // The k- that meng- drops cannot be told from a vowel root without a dictionary: both kept.
    ['mengirim', ['irim', 'kirim']],
    // me-/pe- before m/n: the nasal may be the prefix's (memukul) or the root's (memakan, menikah).
    ['memakan', ['pakan', 'makan']],
    ['menikah', ['tikah', 'nikah']],
    // -kan after a vowel may be -an on a root ending in k.
    ['tumpukan', ['tumpu', 'tumpuk']],
    ['pendidikan', ['didi', 'didik']],
    // per- or pe- on an r-root.
    ['perawat', ['awat', 'rawat']],
    // The first prefix alone, which a prefix query on the root still reaches.
    ['persampahan', ['sampah', 'sampahan']],
  ])('%s includes %j', (word, roots) => {
    const v = stemVariants(word)
    for (const r of roots) expect(v).toContain(r)
    expect(v[v.length - 1]).toBe(word)
  })

  it('relates the forms a search must join, through a shared root', () => {
    const related: [string, string][] = [
      ['sampah', 'persampahan'],
      ['tumpuk', 'tumpukan'],
      ['tumpukan', 'tumpuk'],
      ['imunisasi', 'mengimunisasi'],
      ['kirim', 'mengirim'],
      ['makan', 'memakan'],
      ['rawat', 'perawat'],
      ['rawat', 'merawat'],
      ['selesai', 'penyelesaian'],
      ['pengaruh', 'mempengaruhi'],
    ]
    // A query word matches a written word when one of its variants is a prefix of one of the written word's.
    const matches = (query: string, written: string) =>
      stemVariants(query).some((q) => stemVariants(written).some((w) => w.startsWith(q)))
    for (const [q, w] of related) expect(matches(q, w), `${q} → ${w}`).toBe(true)
    // Different words stay apart.
    expect(matches('sampah', 'tumpukan')).toBe(false)
    expect(matches('ikan', 'memberikan')).toBe(false)
    expect(matches('nasi', 'dinas')).toBe(false)
  })

  it('leaves words of MIN_STEM letters or fewer alone', () => {
    for (const w of ['ibu', 'bayi', 'anak', 'ke', 'di']) {
      expect(w.length).toBeLessThanOrEqual(MIN_STEM)
      expect(stemVariants(w)).toEqual([w])
    }
  })
})

describe('fold, tokens and stemText', () => {
  it('folds case and diacritics', () => {
    expect(fold('Pénulis KÈSEHATAN')).toBe('penulis kesehatan')
    expect(stem('MENYAPU')).toBe('sapu')
  })

  it('cuts words at punctuation, hyphens and apostrophes, with their offsets in the original text', () => {
    const text = 'Anak-anak (balita), Jum’at: 12 orang.'
    expect(tokens(text).map((t) => t.text)).toEqual(['Anak', 'anak', 'balita', 'Jum', 'at', '12', 'orang'])
    for (const t of tokens(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it('writes every word’s variants in order, so repeated words keep their frequency', () => {
    expect(stemText('Sampah, persampahan; sampah!')).toBe('sampah sampah sampahan persampahan sampah')
  })
})
