// A long list screen (the roster's 20,000 kader, the competency matrix's 11,000): the search
// waits for a pause in typing (useListSearch), rows come in pages of 100 as they scroll into
// view (pagedList.ts), only the rows on screen are drawn (TanStack Virtual, see VirtualRows.tsx)
// and one selected row keeps the keyboard focus. The list's words, filters, sort, selected row
// and scroll outlive the page: back from a kader, the same list at the same place.

import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type UIEvent } from 'react'
import type { createPagedList } from './pagedList'
import { useListSearch } from './useListSearch'

/** What a list keeps while the app runs; one per list, at module level (`rememberList`). */
export interface ListMemory<Q> {
  query: Q
  text: string
  selected: number
  scrollTop: number
}

export function rememberList<Q extends { query: string }>(query: Q): ListMemory<Q> {
  return { query, text: query.query, selected: 0, scrollTop: 0 }
}

type UsePages<F, Row> = ReturnType<typeof createPagedList<F, Row>>['usePages']

export interface ListScreenOptions<Q extends { query: string }, F, Row> {
  memory: ListMemory<Q>
  /** The view a link asks for (from Beranda, a chart): it starts at the top. Null: the remembered one. */
  linked: Q | null
  usePages: UsePages<F, Row>
  /** What the pages are asked with: the page's query plus what else narrows it (the matrix's scope). */
  fetchQuery: (query: Q) => F
  rowHeight: number
  /** Height of a sticky header inside the scrolling element. */
  headerHeight?: number
  /** Enter or a click on a row. */
  open: (row: Row) => void
  newPath?: string | null
  altNew?: boolean
  /** A row's keys beyond moving and opening (the matrix pans sideways). */
  onOtherKey?: (e: KeyboardEvent, scrollEl: HTMLElement | null) => void
}

export function useListScreen<Q extends { query: string }, F, Row>(opts: ListScreenOptions<Q, F, Row>) {
  const { memory, rowHeight, headerHeight = 0 } = opts
  const [init] = useState(() =>
    opts.linked ? { query: opts.linked, text: '', selected: 0, scrollTop: 0 } : { ...memory },
  )
  const [query, setQuery] = useState<Q>(init.query)
  const [selected, setSelected] = useState(init.selected)
  const scrollRef = useRef<HTMLDivElement>(null)
  const data = opts.usePages(opts.fetchQuery(query))
  const total = data.total ?? 0

  const search = useListSearch({
    query: query.query,
    commit: (q) => setQuery((prev) => ({ ...prev, query: q })),
    initialText: init.text,
    newPath: opts.newPath,
    altNew: opts.altNew,
  })

  const firstKey = useRef(data.key)
  useEffect(() => {
    if (data.key === firstKey.current) return
    // A new query starts at the top.
    setSelected(0)
    scrollRef.current?.scrollTo({ top: 0 })
  }, [data.key])

  useEffect(() => {
    memory.query = query
    memory.text = search.text
    memory.selected = selected
  }, [memory, query, search.text, selected])

  const pendingFocus = useRef(false)
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialOffset: init.scrollTop,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure } = data

  // Rows come in pages as they scroll into view; a short pause skips pages only flown past.
  useEffect(() => {
    if (!total) return
    const timer = window.setTimeout(() => ensure(first, last), 40)
    return () => window.clearTimeout(timer)
  })

  const focusRow = useCallback((index: number) => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
    if (el && pendingFocus.current) {
      pendingFocus.current = false
      el.focus({ preventScroll: true })
    }
  }, [])

  // A row selected off screen is focused once it has been drawn, before the browser paints: the
  // row that had focus may be gone (Home, End, a page away), and until the new one takes it a key
  // would land on the page and be lost (Enter right after Home opened nothing).
  useLayoutEffect(() => {
    if (pendingFocus.current) focusRow(selected)
  })

  const select = useCallback(
    (index: number) => {
      if (!total) return
      const i = Math.max(0, Math.min(total - 1, index))
      setSelected(i)
      pendingFocus.current = true
      virtualizer.scrollToIndex(i, { align: 'auto' })
      // When the row is already drawn (and selected) nothing re-renders: focus it on the next frame.
      window.requestAnimationFrame(() => focusRow(i))
    },
    [total, virtualizer, focusRow],
  )

  function open(row: Row | undefined) {
    if (row) opts.open(row)
  }

  function onRowKey(e: KeyboardEvent, index: number) {
    const body = scrollRef.current
    const page = Math.max(1, Math.floor(((body?.clientHeight ?? 600) - headerHeight) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      select(moves[e.key]!)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      open(data.getRow(index))
    } else {
      opts.onOtherKey?.(e, body)
    }
  }

  return {
    query,
    setQuery,
    search,
    /** Arrow down from the search box goes to the selected row. */
    enterRows: () => total && select(selected),
    data,
    total,
    /** Height of every row together: the scrolling element's content. */
    totalSize: virtualizer.getTotalSize(),
    /** What VirtualRows draws. */
    rows: { items, data, selected, setSelected, open, onRowKey, rowHeight, headerHeight },
    scrollRef,
    onScroll: (e: UIEvent<HTMLElement>) => {
      memory.scrollTop = e.currentTarget.scrollTop
    },
  }
}

export type ListRows<Row> = ReturnType<typeof useListScreen<{ query: string }, unknown, Row>>['rows']
