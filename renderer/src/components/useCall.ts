import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../api/client'
import type { Channel, Input, Output } from '@shared/contract'

export type CallState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'done'; data: T; error: null }
  | { status: 'error'; data: T | null; error: string }

/** Loads one call for a screen; `reload` re-runs it (after a save, or from the retry button). */
export function useCall<C extends Channel>(channel: C, input: Input<C>, deps: unknown[] = []) {
  const [state, setState] = useState<CallState<Output<C>>>({ status: 'loading', data: null, error: null })
  const [tick, setTick] = useState(0)
  const inputRef = useRef(input)
  inputRef.current = input
  useEffect(() => {
    let live = true
    setState((s) => ({ status: 'loading', data: s.data, error: null }))
    call(channel, inputRef.current).then(
      (data) => live && setState({ status: 'done', data, error: null }),
      (e: unknown) => live && setState((s) => ({ status: 'error', data: s.data, error: errorMessage(e) })),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, tick, ...deps])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { ...state, reload }
}
