// The keyboard of every list page: "/" goes to the search and "n" starts a new record from
// anywhere on the page; in a table of links, arrows, Home and End move between rows and arrow
// up from the first row returns to the search.

import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import { navigate } from '../app/router'

/** Keys typed into a field belong to the field. */
export function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
}

/**
 * "/" focuses `searchRef`; "n" opens `newPath` (not while typing, with a modifier or in a dialog);
 * with `altNew`, Alt+N opens it even while typing.
 */
export function usePageKeys(searchRef: RefObject<HTMLInputElement | null>, newPath: string | null, altNew = false): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return
      if (altNew && newPath && e.altKey && !e.ctrlKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault()
        navigate(newPath)
        return
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === '/') {
        e.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      } else if (newPath && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault()
        navigate(newPath)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [searchRef, newPath, altNew])
}

/** Row movement in a table whose rows each hold one `a[data-row]` link. */
export function useTableRows(searchRef: RefObject<HTMLInputElement | null>) {
  const tableRef = useRef<HTMLTableSectionElement>(null)

  function focusRow(i: number) {
    const links = tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-row]')
    if (!links || links.length === 0) return
    links[Math.max(0, Math.min(links.length - 1, i))]?.focus()
  }

  function onRowKey(e: ReactKeyboardEvent<HTMLAnchorElement>, i: number) {
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: Number.MAX_SAFE_INTEGER }
    if (e.key === 'ArrowUp' && i === 0) {
      e.preventDefault()
      searchRef.current?.focus()
    } else if (e.key in moves) {
      e.preventDefault()
      focusRow(moves[e.key]!)
    }
  }

  return { tableRef, focusRow, onRowKey }
}
