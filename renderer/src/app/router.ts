// Hash routing: enough for a desktop app with a handful of screens, works the same under
// app:// in Electron and over the HTTP bridge, and needs no router library.

import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react'

export interface Route {
  /** Path segments after "#/", e.g. ["kader", "<id>"]. */
  parts: string[]
  query: URLSearchParams
  /** The raw hash, used as a key so a screen remounts when its route changes. */
  key: string
}

function read(): string {
  return window.location.hash || '#/'
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const [path = '', qs = ''] = raw.split('?')
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs), key: hash }
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, read)
  return parseRoute(hash)
}

export function href(path: string, query?: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v)
  const s = q.toString()
  return `#/${path.replace(/^\//, '')}${s ? `?${s}` : ''}`
}

export function navigate(path: string, query?: Record<string, string | null | undefined>, opts?: { replace?: boolean }) {
  const target = href(path, query)
  if (opts?.replace) {
    window.history.replaceState(window.history.state, '', target)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = target
  }
}

/**
 * While `active` (a form with unsaved changes), a click on any in-app link (the navigation,
 * a link in the page) asks first: `ask(proceed)` shows the question and calls `proceed` to
 * go on. Programmatic navigate() (after a save) is not held up.
 */
export function useLeaveGuard(active: boolean, ask: (proceed: () => void) => void): void {
  const askRef = useRef(ask)
  useLayoutEffect(() => {
    askRef.current = ask
  })
  useEffect(() => {
    if (!active) return
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || !(e.target instanceof Element)) return
      const target = e.target.closest('a[href^="#/"]')?.getAttribute('href')
      if (!target || target === window.location.hash) return
      e.preventDefault()
      askRef.current(() => {
        window.location.hash = target
      })
    }
    // Capture phase: before the link's own handlers and the browser's default action.
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [active])
}
