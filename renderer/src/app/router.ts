// Hash routing: enough for a desktop app with a handful of screens, works the same under
// app:// in Electron and over the HTTP bridge, and needs no router library.

import { useSyncExternalStore } from 'react'

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
