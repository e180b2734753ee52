import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ToastInput {
  message: string
  tone?: 'info' | 'success' | 'warning' | 'error'
  action?: { label: string; run: () => void | Promise<void> }
  /** How long it stays, in ms. An undo offer stays ~10 s so a slow reader can still use it. */
  duration?: number
}
interface Toast extends ToastInput {
  id: number
}

const ToastContext = createContext<{ push: (t: ToastInput) => number; dismiss: (id: number) => void } | null>(null)

export function useToasts() {
  const ctx = useContext(ToastContext)
  if (!ctx) throw new Error('useToasts outside ToastProvider')
  return ctx
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), [])
  const push = useCallback((input: ToastInput) => {
    const id = next.current++
    // The same news twice (a handler run twice, a file chosen again) shows once: the earlier
    // copy gives way to the new one, whose timer starts afresh. Offers with an action stay apart.
    const same = (x: Toast) => !x.action && !input.action && x.message === input.message && (x.tone ?? 'info') === (input.tone ?? 'info')
    setToasts((ts) => [...ts.filter((x) => !same(x)).slice(-3), { ...input, id }])
    return id
  }, [])
  const value = useMemo(() => ({ push, dismiss }), [push, dismiss])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <ToastRegion toasts={toasts} dismiss={dismiss} />
    </ToastContext.Provider>
  )
}

function ToastRegion({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  const { t } = useTranslation()
  // The live region exists from the start: screen readers ignore regions created together with their text.
  return (
    <section className="toasts" aria-label={t('app.notifications')}>
      <div aria-live="polite" aria-atomic="false" className="toast-stack">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onClose={() => dismiss(toast.id)} />
        ))}
      </div>
    </section>
  )
}

function ToastItem({ toast, onClose }: { toast: Toast; onClose: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const duration = toast.duration ?? (toast.action ? 10_000 : 5_000)
  const [paused, setPaused] = useState(false)
  // The parent hands a new onClose on every render; the timer must not restart because of it.
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  })
  useEffect(() => {
    if (paused) return
    const timer = window.setTimeout(() => close.current(), duration)
    return () => window.clearTimeout(timer)
  }, [duration, paused])
  return (
    <div
      className={`toast toast-${toast.tone ?? 'info'}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            try {
              await toast.action!.run()
            } finally {
              onClose()
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" onClick={onClose} aria-label={t('app.close')}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  )
}
