// One typed client over two transports. In Electron the preload exposes window.simpul; in the
// browser preview (and the Playwright tests) the same calls go to the HTTP bridge on 127.0.0.1,
// authenticated by a per-run token that arrives once in the URL.

import type { Channel, EventName, Events, Input, Output, SimpulApi } from '@shared/contract'
import type { AppErrorShape, ErrorCode, Result } from '@shared/result'

declare global {
  interface Window {
    simpul?: SimpulApi
  }
}

const TOKEN_KEY = 'simpul.token'

/** Shown when the transport itself fails: the core never answered, so there is no message of its own. */
const UNREACHABLE: AppErrorShape = {
  code: 'internal',
  message: 'Aplikasi tidak dapat menghubungi data. Tutup lalu buka kembali aplikasi Simpul Posyandu.',
}

/** The token must not stay in the address bar (screenshots, history), so it moves to sessionStorage. */
function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function isResult(x: unknown): x is Result<unknown> {
  if (!x || typeof x !== 'object' || !('ok' in x)) return false
  const r = x as { ok: unknown; error?: { message?: unknown } }
  if (r.ok === true) return 'value' in r
  return r.ok === false && typeof r.error?.message === 'string'
}

function httpApi(): SimpulApi {
  const token = takeToken() ?? ''
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  function ensureSource() {
    if (source || typeof EventSource === 'undefined') return
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const msg = JSON.parse(e.data) as { event: string; payload: unknown }
        listeners.get(msg.event)?.forEach((l) => l(msg.payload))
      } catch {
        // A malformed event is dropped: progress events are advisory only.
      }
    }
  }

  return {
    async invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Simpul-Token': token },
          body: JSON.stringify({ channel, input }),
        })
        const body: unknown = await res.json().catch(() => null)
        if (isResult(body)) return body as Result<Output<C>>
        return { ok: false, error: UNREACHABLE }
      } catch {
        return { ok: false, error: UNREACHABLE }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      ensureSource()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
}

function electronApi(api: SimpulApi): SimpulApi {
  return {
    async invoke(channel, input) {
      try {
        const r = await api.invoke(channel, input)
        return isResult(r) ? r : { ok: false, error: UNREACHABLE }
      } catch {
        return { ok: false, error: UNREACHABLE }
      }
    },
    on: (event, listener) => api.on(event, listener),
  }
}

export const api: SimpulApi = window.simpul ? electronApi(window.simpul) : httpApi()

/** A failed call as the UI handles it: always a person-readable Indonesian message, never a stack. */
export class CallError extends Error {
  readonly code: ErrorCode
  readonly shape: AppErrorShape
  constructor(shape: AppErrorShape) {
    super(shape.message || UNREACHABLE.message)
    this.name = 'CallError'
    this.code = shape.code
    this.shape = { ...shape, message: shape.message || UNREACHABLE.message }
  }
}

/** Resolves to the value or throws a CallError: for code paths where any failure is shown as a message. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await api.invoke(channel, input)
  if (r.ok) return r.value
  throw new CallError(r.error)
}

/** The message to show for anything caught around a call. */
export function errorMessage(e: unknown): string {
  if (e instanceof CallError) return e.shape.message
  return UNREACHABLE.message
}
