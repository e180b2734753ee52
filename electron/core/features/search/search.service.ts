// Full-text search over meetings (title, agenda, minutes, conclusions) and follow-ups
// (description, reporter, OPD, progress notes, closing evidence), on SQLite FTS5.
//
// The index (search_fts) is local and derived: every meeting or follow-up write rewrites its
// row inside the same transaction, and rebuildSearchIndex() redoes everything after a bulk
// write. FTS5 is SQLite-only, so every raw statement about it lives in this file.
//
// Each row carries the text as written (`content`, for snippets) and the same words run
// through the Indonesian stemmer (`stems`, see stem.ts). A query word is expanded to its
// stem variants and each becomes a prefix search on the stems column; the words are joined
// with AND. What a person types is never handed to MATCH as syntax: it is cut into words
// (letters and digits only) and each one is quoted, so `"`, `AND (` or `NEAR` are just words.

import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { ParsedInput, SearchHit } from '../../../../shared/contract'
import { richTextPlain } from '../../../../shared/domain/meeting'
import type { Db } from '../../db/schema'
import { FIRST_NOTE } from '../follow-up/first-note'
import { fold, stemText, stemVariants, tokens } from './stem'
import { typoMatches, typoReadable } from './typo'

type Kind = SearchHit['kind']

interface IndexDoc {
  kind: Kind
  id: string
  date: string
  title: string
  content: string
  stems: string
}

/**
 * The FTS rowid of a record: 52 bits of SHA-256 of kind and id (exact as a JS number). A
 * rowid lookup is the only fast way to find a row in an FTS5 table (ref_id is not indexed);
 * a collision would need tens of millions of records before it became likely.
 */
export function searchRowid(kind: Kind, id: string): number {
  const h = createHash('sha256').update(`${kind}:${id}`).digest()
  return h.readUIntBE(0, 6) * 16 + (h[6]! >> 4)
}

const SEPARATOR = ' · '

function parseAgenda(json: string): { title: string; minutes: string }[] {
  try {
    const v = JSON.parse(json) as unknown
    if (!Array.isArray(v)) return []
    return v.map((x) => {
      const o = (x ?? {}) as Record<string, unknown>
      return { title: typeof o.title === 'string' ? o.title : '', minutes: typeof o.minutes === 'string' ? o.minutes : '' }
    })
  } catch {
    return []
  }
}

const join = (parts: (string | null | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(SEPARATOR)

function meetingDoc(m: { id: string; title: string; date: string; agenda: string; conclusions: string }): IndexDoc {
  const agenda = parseAgenda(m.agenda).map((a) => {
    const minutes = richTextPlain(a.minutes).trim()
    return minutes ? `${a.title.trim()}: ${minutes}` : a.title
  })
  const content = join([...agenda, richTextPlain(m.conclusions)])
  return { kind: 'rapat', id: m.id, date: m.date, title: m.title, content, stems: stemText(`${m.title} ${content}`) }
}

/** The first words of a description, cut at a word boundary: a follow-up has no title of its own. */
function shortTitle(text: string, max = 100): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

interface FollowUpSource {
  id: string
  date: string
  description: string
  reporter: string | null
  closing_evidence: string | null
  opd_name: string | null
}

function followUpDoc(f: FollowUpSource, notes: string[]): IndexDoc {
  const content = join([f.description, f.reporter, f.opd_name, ...notes, f.closing_evidence])
  return { kind: 'tindak_lanjut', id: f.id, date: f.date, title: shortTitle(f.description), content, stems: stemText(content) }
}

async function followUpSources(trx: Db, id: string | null): Promise<{ rows: FollowUpSource[]; notes: Map<string, string[]> }> {
  let q = trx
    .selectFrom('follow_up as f')
    .leftJoin('opd', 'opd.id', 'f.opd_id')
    .select(['f.id', 'f.date', 'f.description', 'f.reporter', 'f.closing_evidence', 'opd.name as opd_name'])
    .where('f.deleted', '=', 0)
  if (id !== null) q = q.where('f.id', '=', id)
  const rows = await q.execute()
  let p = trx
    .selectFrom('follow_up_progress as p')
    .innerJoin('follow_up as f', 'f.id', 'p.follow_up_id')
    .select(['p.follow_up_id', 'p.note'])
    .where('p.deleted', '=', 0)
    .where('f.deleted', '=', 0)
    .where('p.note', 'is not', null)
    .where('p.note', '!=', FIRST_NOTE)
  if (id !== null) p = p.where('p.follow_up_id', '=', id)
  const notes = new Map<string, string[]>()
  for (const r of await p.orderBy('p.date').orderBy('p.id').execute()) {
    const list = notes.get(r.follow_up_id) ?? []
    list.push(r.note!)
    notes.set(r.follow_up_id, list)
  }
  return { rows, notes }
}

async function removeDoc(trx: Db, kind: Kind, id: string): Promise<void> {
  indexWrites++
  await sql`delete from search_fts where rowid = ${searchRowid(kind, id)}`.execute(trx)
}

async function insertDocs(trx: Db, docs: readonly IndexDoc[]): Promise<void> {
  indexWrites++
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100)
    const values = batch.map(
      (d) => sql`(${searchRowid(d.kind, d.id)}, ${d.kind}, ${d.id}, ${d.date}, ${d.title}, ${d.content}, ${d.stems})`,
    )
    await sql`insert into search_fts (rowid, ref_kind, ref_id, date, title, content, stems) values ${sql.join(values)}`.execute(trx)
  }
}

// ---------------------------------------------------------------- writers

/** Rewrites the index entries of one meeting (its minutes, agenda and conclusions); call inside the writing transaction. */
export async function reindexMeeting(trx: Db, meetingId: string): Promise<void> {
  await removeDoc(trx, 'rapat', meetingId)
  const m = await trx
    .selectFrom('meeting')
    .select(['id', 'title', 'date', 'agenda', 'conclusions', 'deleted'])
    .where('id', '=', meetingId)
    .executeTakeFirst()
  if (!m || m.deleted === 1) return
  await insertDocs(trx, [meetingDoc(m)])
}

/** Rewrites the index entry of one follow-up; call inside the writing transaction. */
export async function reindexFollowUp(trx: Db, followUpId: string): Promise<void> {
  await removeDoc(trx, 'tindak_lanjut', followUpId)
  const { rows, notes } = await followUpSources(trx, followUpId)
  await insertDocs(
    trx,
    rows.map((f) => followUpDoc(f, notes.get(f.id) ?? [])),
  )
}

/** Rewrites the entries of every follow-up owed by one OPD (its name is indexed): call after renaming it. */
export async function reindexFollowUpsOfOpd(trx: Db, opdId: string): Promise<void> {
  const rows = await trx.selectFrom('follow_up').select('id').where('opd_id', '=', opdId).where('deleted', '=', 0).execute()
  for (const r of rows) await reindexFollowUp(trx, r.id)
}

/** Rebuilds the whole index from the tables (after a bulk write such as the demo, later a paket import). */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  const run = async (trx: Db) => {
    await sql`delete from search_fts`.execute(trx)
    const meetings = await trx.selectFrom('meeting').select(['id', 'title', 'date', 'agenda', 'conclusions']).where('deleted', '=', 0).execute()
    await insertDocs(trx, meetings.map(meetingDoc))
    const { rows, notes } = await followUpSources(trx, null)
    await insertDocs(
      trx,
      rows.map((f) => followUpDoc(f, notes.get(f.id) ?? [])),
    )
  }
  if (db.isTransaction) await run(db)
  else await db.transaction().execute(run)
}

// ---------------------------------------------------------------- the query

/** Words too common to narrow anything; dropped from a query unless nothing else is left. */
const STOP_WORDS = new Set(['dan', 'yang', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'ini', 'itu', 'atau', 'dalam', 'oleh', 'the'])

/** The words of a query that are searched: folded, two letters or more, stop words dropped unless nothing else is left. */
export function searchedWords(query: string): string[] {
  const words = [...new Set(tokens(query).map((t) => fold(t.text)))].filter((w) => w.length >= 2)
  const meaningful = words.filter((w) => !STOP_WORDS.has(w))
  return (meaningful.length > 0 ? meaningful : words).slice(0, 12)
}

/**
 * The query as groups of stem variants: one group per word, any variant of a group may match
 * (OR), every group must (AND). Only letters and digits survive, so nothing typed is syntax.
 */
export function queryGroups(query: string): string[][] {
  return searchedWords(query).map((w) => minimalPrefixes(stemVariants(w)))
}

/** "sampai"* already covers "sampaikan"*: fewer OR branches, same matches, less work for FTS5. */
function minimalPrefixes(variants: readonly string[]): string[] {
  return variants.filter((v, i) => !variants.some((o, j) => j !== i && v.startsWith(o) && (o !== v || j < i)))
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

/** The MATCH expression: `stems : ("sampah"* OR "persampahan"*) AND stems : (…)`. */
export function matchExpression(groups: readonly string[][], typos: readonly (readonly string[])[] = []): string {
  return groups.map((g, i) => `stems : (${[...g.map((v) => `${quote(v)}*`), ...(typos[i] ?? [])].join(' OR ')})`).join(' AND ')
}

// ---------------------------------------------------------------- words typed with a slip

/** Bumped by every write to the index in this process; with `pragma data_version` (other connections) it dates the vocabulary. */
let indexWrites = 0

const vocabularies = new WeakMap<Db, { stamp: string; terms: string[] }>()

/**
 * Every term of the index, read once and kept until the index changes. A word typed with a slip
 * is compared with these in JavaScript (typo.ts), and only the terms it answers go to MATCH:
 * spelling every slip out as a term instead (~400 for an 8-letter word, "any letter" over the
 * alphabet) cost 100 ms and more per query, each one a lookup in the term index.
 */
async function vocabulary(db: Db): Promise<string[]> {
  const version = await sql<{ data_version: number }>`pragma data_version`.execute(db)
  const stamp = `${indexWrites}:${version.rows[0]?.data_version ?? 0}`
  const known = vocabularies.get(db)
  if (known?.stamp === stamp) return known.terms
  // fts5vocab over the index, in the connection's temp schema: nothing is added to the file.
  await sql`create virtual table if not exists temp.search_vocab using fts5vocab(main, search_fts, row)`.execute(db)
  const rows = await sql<{ term: string }>`select term from temp.search_vocab`.execute(db)
  const terms = rows.rows.map((r) => r.term)
  vocabularies.set(db, { stamp, terms })
  return terms
}

/** The terms of the index a word typed with one slip answers (typo.ts), as quoted FTS5 terms; none for a short word. */
function typoTerms(terms: readonly string[], word: string): string[] {
  if (!typoReadable(word)) return []
  return terms.filter((t) => t !== word && typoMatches(word, t)).map(quote)
}

/**
 * Whether a written word answers one of the query groups (same rule as MATCH: a variant
 * prefixed by a query variant), or, for hits found with a slip, one of the words typed with one.
 */
function wordMatcher(groups: readonly string[][], typoWords: readonly string[] = []): (word: string) => boolean {
  const wanted = groups.flat()
  const cache = new Map<string, boolean>()
  return (word) => {
    const w = fold(word)
    let hit = cache.get(w)
    if (hit === undefined) {
      const variants = stemVariants(w)
      hit = variants.some((v) => wanted.some((q) => v.startsWith(q))) || typoWords.some((q) => typoMatches(q, w))
      cache.set(w, hit)
    }
    return hit
  }
}

const BEFORE = 8
const AFTER = 20

/** A few words of `text` around the first match, the matched words between « and »; null when no word matches. */
export function snippetOf(text: string, matches: (word: string) => boolean): string | null {
  const ts = tokens(text)
  const first = ts.findIndex((t) => matches(t.text))
  if (first < 0) return null
  const from = Math.max(0, first - BEFORE)
  const to = Math.min(ts.length, first + AFTER)
  let out = ''
  let pos = ts[from]!.start
  for (let i = from; i < to; i++) {
    const t = ts[i]!
    out += text.slice(pos, t.start)
    out += matches(t.text) ? `«${t.text}»` : t.text
    pos = t.end
  }
  const clean = out.replace(/\s+/g, ' ').trim()
  return `${from > 0 ? '… ' : ''}${clean}${to < ts.length ? ' …' : ''}`
}

function leadingWords(text: string): string {
  const ts = tokens(text)
  if (ts.length === 0) return ''
  const to = Math.min(ts.length, BEFORE + AFTER)
  const clean = text.slice(ts[0]!.start, ts[to - 1]!.end).replace(/\s+/g, ' ').trim()
  return `${clean}${to < ts.length ? ' …' : ''}`
}

type HitRow = { ref_kind: Kind; ref_id: string; date: string; title: string; content: string }

/**
 * The best `limit` records for a MATCH expression, leaving out rowids already shown. Ranked
 * first on rowids alone, then the text of the few rows shown is read: sorting with the content
 * attached would drag every matching record's minutes through the sorter. `rank` is FTS5's
 * bm25() with equal column weights (only stems is ever matched).
 */
async function topRows(db: Db, match: string, limit: number, skip: readonly number[]): Promise<HitRow[]> {
  const rows = await sql<HitRow>`
    with top as (
      select rowid as id, rank from search_fts
      where search_fts match ${match}
      ${skip.length > 0 ? sql`and rowid not in (select value from json_each(${JSON.stringify(skip)}))` : sql``}
      order by rank
      limit ${limit}
    )
    select s.ref_kind, s.ref_id, s.date, s.title, s.content
    from top join search_fts as s on s.rowid = top.id
    order by top.rank, s.date desc`.execute(db)
  return rows.rows
}

export async function search(db: Db, input: ParsedInput<'search:query'>): Promise<SearchHit[]> {
  const words = searchedWords(input.query)
  const groups = words.map((w) => minimalPrefixes(stemVariants(w)))
  if (groups.length === 0) return []
  const exact = await topRows(db, matchExpression(groups), input.limit, [])
  const hit = (r: HitRow, matches: (word: string) => boolean, similar: boolean): SearchHit => ({
    kind: r.ref_kind,
    id: r.ref_id,
    title: r.title,
    snippet: snippetOf(r.content, matches) ?? snippetOf(r.title, matches) ?? leadingWords(r.content),
    date: r.date,
    ...(similar ? { similar: true as const } : {}),
  })
  const exactHits = exact.map((r) => hit(r, wordMatcher(groups), false))
  // Room left on the page: what a word typed with one slip finds comes after every exact hit.
  if (exact.length >= input.limit || !words.some(typoReadable)) return exactHits
  const terms = await vocabulary(db)
  const typos = words.map((w) => typoTerms(terms, w))
  if (typos.every((t) => t.length === 0)) return exactHits
  const seen = exact.map((r) => searchRowid(r.ref_kind, r.ref_id))
  const similar = await topRows(db, matchExpression(groups, typos), input.limit - exact.length, seen)
  const matches = wordMatcher(groups, words.filter(typoReadable))
  return [...exactHits, ...similar.map((r) => hit(r, matches, true))]
}
