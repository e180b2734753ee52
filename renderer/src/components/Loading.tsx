import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Appears only when a load lasts longer than ~300 ms: a quick answer should not flash a spinner,
 * a slow one must say that something is happening.
 */
export function Loading({ label, delay = 300, inline = false }: { label?: string; delay?: number; inline?: boolean }) {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(delay === 0)
  useEffect(() => {
    if (delay === 0) return
    const timer = window.setTimeout(() => setVisible(true), delay)
    return () => window.clearTimeout(timer)
  }, [delay])
  if (!visible) return null
  return (
    <div className={inline ? 'loading loading-inline' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loadingData')}</span>
    </div>
  )
}
