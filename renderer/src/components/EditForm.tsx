// The <form> of every edit screen: no browser validation (the zod messages are shown at the
// fields instead), Enter/Simpan and Ctrl+S save, Esc cancels (when the screen can cancel).

import type { ReactNode, Ref } from 'react'
import { useTranslation } from 'react-i18next'

export function EditForm({
  formRef,
  className = 'form',
  onSave,
  onCancel,
  shortcutsHint = false,
  children,
}: {
  formRef?: Ref<HTMLFormElement>
  className?: string
  onSave: () => void
  /** Esc; without it Esc is left to the page (a dialog, a cancel button elsewhere). */
  onCancel?: () => void
  /** Show the one-line "Ctrl+S simpan, Esc batal" reminder at the top. */
  shortcutsHint?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <form
      ref={formRef}
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
          e.preventDefault()
          onSave()
        } else if (onCancel && e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          onCancel()
        }
      }}
    >
      {shortcutsHint && <p className="muted small">{t('app.shortcutsHint')}</p>}
      {children}
    </form>
  )
}
