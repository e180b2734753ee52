// The search box of the lists (kader, rapat, tindak lanjut) as SQL conditions, the rule of
// typo.ts: every word typed must appear in one of the columns; `exact` finds it anywhere in a
// word (so at every word start: "sukar" finds "Kelurahan Sukarasa"), `typo` also finds it at a
// word start with one slip. A list asks `exact` first and `typo` only when nothing was found,
// so a slip never costs the search everyone types correctly, and what it finds is shown as
// "similar" (ranked after: there is no exact result to rank before it).
//
// The words are letters and digits only (tokens), so nothing typed is a LIKE wildcard.

import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { tokens } from './stem'
import { typoReadable, typoVariants } from './typo'

export type MatchMode = 'exact' | 'typo'

/** The words of a list search, lower case, each once. */
export function listWords(query: string): string[] {
  return [...new Set(tokens(query.toLowerCase()).map((t) => t.text))]
}

/** Whether asking again with `typo` could find more than `exact` did. */
export const typoWorthTrying = (words: readonly string[]) => words.some(typoReadable)

function wordCondition(columns: readonly string[], word: string, mode: MatchMode): RawBuilder<SqlBool> {
  const ors: RawBuilder<SqlBool>[] = columns.map((c) => sql<SqlBool>`lower(${sql.ref(c)}) like ${`%${word}%`}`)
  if (mode === 'typo' && typoReadable(word)) {
    const { prefixes, wholes } = typoVariants(word)
    for (const c of columns) {
      // A space before the text (and after, for whole words) makes the first and last word like the others.
      for (const v of prefixes) ors.push(sql<SqlBool>`' ' || ${sql.ref(c)} like ${`% ${v}%`}`)
      for (const v of wholes) ors.push(sql<SqlBool>`' ' || ${sql.ref(c)} || ' ' like ${`% ${v} %`}`)
    }
  }
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`
}

/** Every word found in one of the columns; null when there are no words. */
export function textCondition(columns: readonly string[], words: readonly string[], mode: MatchMode): RawBuilder<SqlBool> | null {
  if (words.length === 0) return null
  return sql<SqlBool>`(${sql.join(
    words.map((w) => wordCondition(columns, w, mode)),
    sql` and `,
  )})`
}
