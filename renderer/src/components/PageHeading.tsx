import { useEffect, useRef, type ReactNode } from 'react'
import { i18n } from '../i18n'

/**
 * The page title. It takes focus when the page opens, so a keyboard or screen-reader user
 * starts at the top of the new page instead of somewhere in the old navigation.
 */
export function PageHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false })
  }, [focus])
  // The window title follows the page, so the taskbar and screen readers name where one is.
  const text = typeof children === 'string' ? children : null
  useEffect(() => {
    const app = i18n.t('app.name')
    document.title = text && text !== app ? `${text} · ${app}` : app
  }, [text])
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  )
}
