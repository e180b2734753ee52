// Long lists read in pages of 100 as rows come into view, never the whole list: at a city
// office the roster holds 20,000 kader and the matrix 11,000. Pages are cached per query
// (filters + sort), so scrolling back, or returning from a kader's page, costs nothing; any
// save that can change the list clears the cache (`invalidate`).

import { useCallback, useEffect, useReducer, useRef } from 'react'
import { errorMessage } from '../api/client'

export const PAGE_SIZE = 100
const MAX_QUERIES = 12

export type FetchPage<Q, Row> = (query: Q, offset: number, limit: number) => Promise<{ total: number; rows: Row[] }>

/**
 * Every list's invalidate, so that one save clears them all: a kader saved on the roster also
 * moves the competency matrix, an assessment also moves the roster's kader.
 */
const lists = new Set<() => void>()

export function createPagedList<Q, Row>(fetchRows: FetchPage<Q, Row>) {
  interface Entry {
    total: number | null
    pages: Map<number, Row[]>
    inflight: Set<number>
    error: string | null
  }

  const cache = new Map<string, Entry>()
  const subscribers = new Set<() => void>()

  function clear() {
    cache.clear()
    subscribers.forEach((fn) => fn())
  }
  lists.add(clear)

  /** After any change to the data: every cached page of every list may now be wrong. */
  function invalidate() {
    lists.forEach((fn) => fn())
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

  function usePages(query: Q) {
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
        fetchRows(queryRef.current, page * PAGE_SIZE, PAGE_SIZE).then(
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
      getRow: (index: number): Row | undefined => shown.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensure,
      retry: () => {
        entry.error = null
        entry.pages.clear()
        entry.total = null
        bump()
      },
    }
  }

  return { usePages, invalidate }
}
