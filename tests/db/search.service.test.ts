import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addFollowUpProgress, createFollowUp, updateFollowUp } from '../../electron/core/features/follow-up/follow-up.service'
import { todayJakarta } from '../../shared/domain/tanggal'
import { rebuildSearchIndex, reindexFollowUp, reindexFollowUpsOfOpd, reindexMeeting, search } from '../../electron/core/features/search/search.service'
import { uuidv7 } from '../../electron/core/sync/uuid'
import { followUpInput, followUpProgressInput, type AgendaItem, type Input, type SearchHit } from '../../shared/contract'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'
import { meetingRow, opdRow } from '../fixtures/rows'

let t: TestDb
let opd: string

const today = todayJakarta()
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Meetings written directly and indexed with reindexMeeting, as the meeting service does inside its transaction. */
async function makeMeeting(title: string, agenda: AgendaItem[], conclusions = '', date = day(-10)): Promise<string> {
  const row = meetingRow({ title, date, agenda: JSON.stringify(agenda), conclusions })
  await t.db.transaction().execute(async (trx) => {
    await trx.insertInto('meeting').values(row).execute()
    await reindexMeeting(trx, row.id)
  })
  return row.id
}

function followUp(overrides: Partial<Input<'followUp:create'>> = {}) {
  return createFollowUp(
    t.db,
    followUpInput.parse({
      source: 'aduan',
      date: day(-5),
      description: 'Tumpukan sampah di depan Posyandu Melati belum diangkut dua minggu.',
      reporter: 'Pak RT 04',
      opdId: opd,
      dueDate: day(10),
      ...overrides,
    }),
  )
}

const find = (query: string, limit = 30) => search(t.db, { query, limit })
const ids = (hits: SearchHit[]) => hits.map((h) => h.id)
const indexCount = async () => Number((await sql<{ n: number }>`select count(*) as n from search_fts`.execute(t.db)).rows[0]!.n)

beforeEach(async () => {
  t = await createTestDb()
  await setUpKelurahan(t.db)
  const row = opdRow({ name: 'Dinas Lingkungan Hidup (DLH)' })
  await t.db.insertInto('opd').values(row).execute()
  opd = row.id
})
afterEach(async () => t.cleanup())

describe('search: Indonesian affixes', () => {
  it('finds "persampahan" in the minutes and "tumpukan sampah" in a follow-up when typing "sampah"', async () => {
    const m = await makeMeeting('Rapat Koordinasi Pokjanal', [
      { title: 'Penanganan persampahan', minutes: 'Kader melaporkan **persampahan** di bantaran kali.\n\n- TPS penuh\n- Truk jarang datang' },
    ])
    const f = await followUp()
    await makeMeeting('Rapat Gizi Balita', [{ title: 'PMT', minutes: 'Pemberian makanan tambahan untuk balita.' }])
    const hits = await find('sampah')
    expect(ids(hits).sort()).toEqual([m, f.id].sort())
    expect(hits.find((h) => h.id === m)).toMatchObject({ kind: 'rapat', title: 'Rapat Koordinasi Pokjanal', date: day(-10) })
    expect(hits.find((h) => h.id === f.id)).toMatchObject({
      kind: 'tindak_lanjut',
      title: 'Tumpukan sampah di depan Posyandu Melati belum diangkut dua minggu.',
      date: day(-5),
    })
  })

  it('folds prefixes with nasal changes and suffixes both ways', async () => {
    const imun = await makeMeeting('Monev Posyandu Mawar', [{ title: 'Imunisasi', minutes: 'Bidan mengimunisasi 12 balita.' }])
    const sapu = await makeMeeting('Kerja bakti', [{ title: 'Kebersihan', minutes: 'Warga menyapu halaman Posyandu dan memukul kentongan.' }])
    const tulis = await makeMeeting('Bimtek pencatatan', [{ title: 'Pencatatan', minutes: 'Penulisan laporan bulanan oleh kader.' }])
    expect(ids(await find('imunisasi'))).toEqual([imun])
    expect(ids(await find('diimunisasi'))).toEqual([imun])
    expect(ids(await find('sapu'))).toEqual([sapu])
    expect(ids(await find('pukul'))).toEqual([sapu])
    expect(ids(await find('bersih'))).toEqual([sapu])
    expect(ids(await find('tulis'))).toEqual([tulis])
    expect(ids(await find('menulis laporan'))).toEqual([tulis])
    expect(ids(await find('catat'))).toEqual([tulis])
  })

  it('joins words with AND, ignores case, diacritics and common words, and matches a word being typed', async () => {
    const both = await makeMeeting('Rapat A', [{ title: 'Saluran', minutes: 'Saluran air tersumbat sampah.' }])
    await makeMeeting('Rapat B', [{ title: 'Saluran', minutes: 'Saluran air diperbaiki Dinas PUPR.' }])
    expect(ids(await find('SAMPAH saluran'))).toEqual([both])
    expect(ids(await find('sampah dan saluran yang'))).toEqual([both])
    expect(ids(await find('tersumbát'))).toEqual([both])
    expect(ids(await find('tersum'))).toEqual([both])
    expect(await find('sampah banjir')).toEqual([])
  })
})

describe('search: ranking and snippets', () => {
  it('ranks the record that is most about the words first', async () => {
    const filler = 'Rapat dibuka oleh Lurah dan dilanjutkan dengan laporan kader tentang kegiatan bulan lalu. '.repeat(20)
    const passing = await makeMeeting('Rapat rutin bulanan', [{ title: 'Lain-lain', minutes: `${filler} Ada juga soal sampah.` }])
    const about = await makeMeeting('Rapat khusus sampah', [
      { title: 'Sampah', minutes: 'Sampah rumah tangga, bank sampah, dan jadwal angkut sampah.' },
    ])
    expect(ids(await find('sampah'))).toEqual([about, passing])
  })

  it('shows the words around the first match with the matched words marked', async () => {
    const intro = 'Rapat dibuka pukul sembilan oleh Lurah Sukarasa yang menyampaikan terima kasih kepada seluruh kader atas kehadiran mereka.'
    const m = await makeMeeting('Rapat Pokjanal', [
      { title: 'Pembukaan', minutes: intro },
      { title: 'Lingkungan', minutes: 'Masalah **persampahan** di RW 03 dibahas bersama DLH dan Dinas PUPR, termasuk jadwal truk sampah yang baru.' },
    ])
    const [hit] = await find('sampah')
    expect(hit!.id).toBe(m)
    expect(hit!.snippet).toContain('«persampahan»')
    expect(hit!.snippet).toContain('«sampah»')
    expect(hit!.snippet).toMatch(/^… /)
    expect(hit!.snippet).toContain('Lingkungan: Masalah «persampahan» di RW 03')
    expect(hit!.snippet).not.toContain('**')
    expect(hit!.snippet.length).toBeLessThan(300)
  })

  it('falls back to the title when only the title matches', async () => {
    await makeMeeting('Rapat Stunting Kelurahan', [{ title: 'Pembukaan', minutes: 'Rapat dibuka oleh Lurah.' }])
    const [hit] = await find('stunting')
    expect(hit!.snippet).toBe('Rapat «Stunting» Kelurahan')
  })
})

describe('search: keeping the index current', () => {
  it('reindexes a meeting when its minutes change and drops it when archived', async () => {
    const m = await makeMeeting('Rapat Pokjanal', [{ title: 'Air bersih', minutes: 'Sumur warga tercemar.' }])
    expect(ids(await find('sumur'))).toEqual([m])
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('meeting')
        .set({ agenda: JSON.stringify([{ title: 'Air bersih', minutes: 'PDAM memasang pipa baru.' }]) })
        .where('id', '=', m)
        .execute()
      await reindexMeeting(trx, m)
    })
    expect(await find('sumur')).toEqual([])
    expect(ids(await find('pipa'))).toEqual([m])
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('meeting').set({ deleted: 1 }).where('id', '=', m).execute()
      await reindexMeeting(trx, m)
    })
    expect(await find('pipa')).toEqual([])
    expect(await indexCount()).toBe(0)
  })

  it('indexes a follow-up with its OPD, progress notes and closing evidence, and follows edits', async () => {
    const f = await followUp()
    expect(ids(await find('lingkungan hidup'))).toEqual([f.id])
    expect(ids(await find('pak rt'))).toEqual([f.id])
    // The automatic first note is not content.
    expect(await find('dicatat')).toEqual([])
    await addFollowUpProgress(t.db, followUpProgressInput.parse({ id: f.id, date: today, status: 'diproses', note: 'Sudah dikoordinasikan dengan kecamatan.' }))
    expect(ids(await find('koordinasi kecamatan'))).toEqual([f.id])
    await addFollowUpProgress(
      t.db,
      followUpProgressInput.parse({ id: f.id, date: today, status: 'selesai', closingEvidence: 'Berita acara pengangkutan nomor 12' }),
    )
    expect(ids(await find('pengangkutan'))).toEqual([f.id])
    await updateFollowUp(t.db, {
      ...followUpInput.parse({ source: 'aduan', date: day(-5), description: 'Genangan air di halaman Posyandu.', opdId: opd, dueDate: day(10) }),
      id: f.id,
    })
    expect(await find('tumpukan')).toEqual([])
    expect(ids(await find('genangan'))).toEqual([f.id])
    // One row per record, however often it was rewritten.
    expect(await indexCount()).toBe(1)
    // The OPD's name is indexed: a rename is followed once its follow-ups are reindexed.
    await t.db.updateTable('opd').set({ name: 'Dinas Kebersihan dan Pertamanan' }).where('id', '=', opd).execute()
    await reindexFollowUpsOfOpd(t.db, opd)
    expect(await find('lingkungan hidup')).toEqual([])
    expect(ids(await find('pertamanan'))).toEqual([f.id])
  })

  it('rebuilds the whole index from the tables, without duplicates', async () => {
    const m = await makeMeeting('Rapat Pokjanal', [{ title: 'Sampah', minutes: 'Bank sampah dibentuk.' }])
    const f = await followUp()
    await sql`delete from search_fts`.execute(t.db)
    expect(await find('sampah')).toEqual([])
    await rebuildSearchIndex(t.db)
    await rebuildSearchIndex(t.db)
    expect(ids(await find('sampah')).sort()).toEqual([m, f.id].sort())
    expect(await indexCount()).toBe(2)
    // Inside a caller's transaction too (a bulk writer such as the demo).
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('follow_up').set({ deleted: 1 }).where('id', '=', f.id).execute()
      await rebuildSearchIndex(trx)
    })
    expect(ids(await find('sampah'))).toEqual([m])
    // A record that no longer exists simply has no row.
    await reindexFollowUp(t.db, uuidv7())
    expect(await indexCount()).toBe(1)
  })
})

describe('search: what people type', () => {
  it('never passes syntax to FTS5: quotes, operators and symbols are only words or nothing', async () => {
    const m = await makeMeeting('Rapat AND Koordinasi', [{ title: 'NEAR', minutes: 'Dibahas "OR" dan (kurung) serta stems: kolom.' }])
    const hostile = ['"', 'AND (', 'NEAR(', '*', '^', '-', ':', 'stems:', 'OR', '((', ')"', "'; drop table search_fts; --", 'a AND', '🙂', 'title: x', '"sampah', 'NOT']
    for (const q of hostile) await expect(find(q), q).resolves.toBeInstanceOf(Array)
    expect(ids(await find('AND ('))).toEqual([m])
    expect(ids(await find('near('))).toEqual([m])
    expect(ids(await find('stems: kolom'))).toEqual([m])
    expect(await find('"')).toEqual([])
    expect(await indexCount()).toBe(1)
  })

  it('finds the start of any word, and a word typed with one slip after every exact hit, marked similar', async () => {
    const kader = await makeMeeting('Pembinaan kader Kelurahan Sukarasa', [{ title: 'Laporan', minutes: 'Kader melaporkan penimbangan.' }], '', day(-3))
    const kadar = await makeMeeting('Kadar gizi PMT', [], '', day(-2))
    expect(ids(await find('sukar'))).toEqual([kader])
    expect((await find('sukar'))[0]).not.toHaveProperty('similar')
    // "kadr": no word starts so; "kader" and "kadar" are one slip away, both similar.
    const hits = await find('kadr')
    expect(ids(hits).sort()).toEqual([kader, kadar].sort())
    expect(hits.every((h) => h.similar)).toBe(true)
    expect(hits.find((h) => h.id === kader)!.snippet).toContain('«Kader»')
    // An exact hit comes first, the similar one after it.
    const both = await find('kader')
    expect(both.map((h) => [h.id, h.similar ?? false])).toEqual([
      [kader, false],
      [kadar, true],
    ])
    // One slip per word, each word still required; short words are read exactly.
    expect(ids(await find('sukrasa penimbngan'))).toEqual([kader])
    expect(await find('sukrasa gizi')).toEqual([])
    expect(await find('kdr')).toEqual([])
  })

  it('reads a slip against the index as it is now, new words included', async () => {
    expect(await find('drainse')).toEqual([])
    const m = await makeMeeting('Saluran drainase tersumbat', [])
    expect(ids(await find('drainse'))).toEqual([m])
  })

  it('honours the limit', async () => {
    for (let i = 0; i < 5; i++) await makeMeeting(`Rapat sampah ${i + 1}`, [])
    expect(await find('sampah', 3)).toHaveLength(3)
  })
})
