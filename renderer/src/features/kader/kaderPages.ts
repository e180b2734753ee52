// The roster reads kader in pages of 100 as rows come into view, never the whole list: at a
// city office the roster holds 20,000 kader. Pages are cached per query (filters + sort), so
// scrolling back, or returning from a kader's page, costs nothing; any save clears the cache.

import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { Input, KaderRow } from '@shared/contract'
import { call, errorMessage } from '../../api/client'

export const PAGE_SIZE = 100
const MAX_QUERIES = 12

export type KaderQuery = Omit<Required<Input<'kader:list'>>, 'offset' | 'limit' | 'posyanduId' | 'status' | 'spmField'> & {
  posyanduId: string | null
  status: Input<'kader:list'>['status']
  spmField: Input<'kader:list'>['spmField']
}

interface Entry {
  total: number | null
  pages: Map<number, KaderRow[]>
  inflight: Set<number>
  error: string | null
}

const cache = new Map<string, Entry>()
const subscribers = new Set<() => void>()

/** Called after any create/update/archive/restore: every cached page may now be wrong. */
export function invalidateKaderPages() {
  cache.clear()
  subscribers.forEach((fn) => fn())
}

function entryFor(key: string): Entry {
  let e = cache.get(key)
  if (e) {
    // Map order is insertion order: re-inserting marks it as recently used.
    cache.delete(key)
    cache.set(key, e)
    return e
  }
  e = { total: null, pages: new Map(), inflight: new Set(), error: null }
  cache.set(key, e)
  while (cache.size > MAX_QUERIES) cache.delete(cache.keys().next().value!)
  return e
}

export function useKaderPages(query: KaderQuery) {
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
      call('kader:list', { ...queryRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
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

  /** Make sure the rows [start, end] are loaded or on their way. */
  const ensure = useCallback(
    (start: number, end: number) => {
      const first = Math.max(0, Math.floor(start / PAGE_SIZE))
      const last = Math.max(first, Math.floor(end / PAGE_SIZE))
      for (let p = first; p <= last; p++) fetchPage(p)
    },
    [fetchPage],
  )

  const entry = entryFor(key)
  useEffect(() => {
    if (entry.total === null && !entry.error) fetchPage(0)
  })

  // While a new search or filter loads, the previous answer stays on screen (marked stale)
  // instead of the list blinking empty for a moment at every keystroke.
  const lastShown = useRef<Entry | null>(null)
  if (entry.total !== null) lastShown.current = entry
  const shown = entry.total === null && !entry.error && lastShown.current ? lastShown.current : entry

  return {
    key,
    total: shown.total,
    stale: shown !== entry,
    error: entry.error,
    loading: entry.inflight.size > 0,
    getRow: (index: number): KaderRow | undefined => shown.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    retry: () => {
      entry.error = null
      entry.pages.clear()
      entry.total = null
      bump()
    },
  }
}
