// The matrix reads kader in pages of 100 as rows come into view (the roster's approach, see
// kader/kaderPages.ts): a kota holds 11,000 kader. Pages are cached per query; any assessment
// or catalogue change clears the cache, since levels and cells may all have moved.

import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { Input, MatrixRow } from '@shared/contract'
import { call, errorMessage } from '../../api/client'

export const MATRIX_PAGE = 100
const MAX_QUERIES = 12

export type MatrixQuery = Omit<Input<'competency:matrix'>, 'offset' | 'limit'>

interface Entry {
  total: number | null
  pages: Map<number, MatrixRow[]>
  inflight: Set<number>
  error: string | null
}

const cache = new Map<string, Entry>()
const subscribers = new Set<() => void>()

/** Called after any assessment or catalogue install. */
export function invalidateMatrixPages() {
  cache.clear()
  subscribers.forEach((fn) => fn())
}

function entryFor(key: string): Entry {
  let e = cache.get(key)
  if (e) {
    cache.delete(key)
    cache.set(key, e)
    return e
  }
  e = { total: null, pages: new Map(), inflight: new Set(), error: null }
  cache.set(key, e)
  while (cache.size > MAX_QUERIES) cache.delete(cache.keys().next().value!)
  return e
}

export function useMatrixPages(query: MatrixQuery) {
  const key = JSON.stringify(query)
  const [, bump] = useReducer((n: number) => n + 1, 0)
  const queryRef = useRef(query)
  queryRef.current = query

  useEffect(() => {
    subscribers.add(bump)
    return () => void subscribers.delete(bump)
  }, [])

  const fetchPage = useCallback(
    (page: number) => {
      const entry = entryFor(key)
      if (entry.pages.has(page) || entry.inflight.has(page)) return
      entry.inflight.add(page)
      call('competency:matrix', { ...queryRef.current, offset: page * MATRIX_PAGE, limit: MATRIX_PAGE }).then(
        (r) => {
          entry.inflight.delete(page)
          entry.total = r.total
          entry.pages.set(page, r.rows)
          entry.error = null
          if (cache.get(key) === entry) bump()
        },
        (e: unknown) => {
          entry.inflight.delete(page)
          entry.error = errorMessage(e)
          if (cache.get(key) === entry) bump()
        },
      )
    },
    [key],
  )

  const ensure = useCallback(
    (start: number, end: number) => {
      const first = Math.max(0, Math.floor(start / MATRIX_PAGE))
      const last = Math.max(first, Math.floor(end / MATRIX_PAGE))
      for (let p = first; p <= last; p++) fetchPage(p)
    },
    [fetchPage],
  )

  const entry = entryFor(key)
  useEffect(() => {
    if (entry.total === null && !entry.error) fetchPage(0)
  })

  // The previous answer stays on screen (marked stale) while a new filter loads.
  const lastShown = useRef<Entry | null>(null)
  if (entry.total !== null) lastShown.current = entry
  const shown = entry.total === null && !entry.error && lastShown.current ? lastShown.current : entry

  return {
    key,
    total: shown.total,
    stale: shown !== entry,
    error: entry.error,
    loading: entry.inflight.size > 0,
    getRow: (index: number): MatrixRow | undefined => shown.pages.get(Math.floor(index / MATRIX_PAGE))?.[index % MATRIX_PAGE],
    ensure,
    retry: () => {
      entry.error = null
      entry.pages.clear()
      entry.total = null
      bump()
    },
  }
}
