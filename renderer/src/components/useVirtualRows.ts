// A long list drawn a window at a time (TanStack Virtual), with its rows fetched in pages as
// they scroll into view and one selected row that keeps the keyboard focus. The roster and the
// competency matrix both work this way.

import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, type RefObject } from 'react'

export interface VirtualRowsOptions {
  total: number
  rowHeight: number
  scrollRef: RefObject<HTMLElement | null>
  /** Where to start scrolled (coming back to the list finds the same place). */
  initialOffset: number
  /** Loads the rows [first, last] (see components/pagedList.ts). */
  ensure: (first: number, last: number) => void
  selected: number
  setSelected: (index: number) => void
  /** Height of a sticky header inside the scrolling element. */
  headerHeight?: number
}

export function useVirtualRows({ total, rowHeight, scrollRef, initialOffset, ensure, selected, setSelected, headerHeight = 0 }: VirtualRowsOptions) {
  const pendingFocus = useRef(false)
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialOffset,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  // Rows come in pages as they scroll into view; a short pause skips pages only flown past.
  useEffect(() => {
    if (!total) return
    const timer = window.setTimeout(() => ensure(first, last), 40)
    return () => window.clearTimeout(timer)
  })

  const focusRow = useCallback(
    (index: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
      if (el && pendingFocus.current) {
        pendingFocus.current = false
        el.focus({ preventScroll: true })
      }
    },
    [scrollRef],
  )

  // A row selected off screen is focused once it has been drawn.
  useEffect(() => {
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
    [total, virtualizer, setSelected, focusRow],
  )

  return { virtualizer, items, select }
}
