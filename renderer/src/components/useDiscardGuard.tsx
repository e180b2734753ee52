import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLeaveGuard } from '../app/router'
import { ConfirmDialog } from './ConfirmDialog'

/**
 * Every form's "unsaved changes" question, in one place: Batal/Esc and any in-app link ask
 * before throwing away what was typed. `leave` is where Batal goes; a clicked link goes to
 * its own target once the person agrees.
 */
export function useDiscardGuard(dirty: boolean, leave: () => void): { cancel: () => void; dialog: ReactNode } {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const pending = useRef<(() => void) | null>(null)

  useLeaveGuard(dirty, (proceed) => {
    pending.current = proceed
    setAsking(true)
  })

  function cancel() {
    pending.current = null
    if (dirty) setAsking(true)
    else leave()
  }

  const dialog = (
    <ConfirmDialog
      open={asking}
      title={t('app.discardTitle')}
      confirmLabel={t('app.discardYes')}
      cancelLabel={t('app.discardNo')}
      danger
      onConfirm={() => {
        setAsking(false)
        const go = pending.current ?? leave
        pending.current = null
        go()
      }}
      onCancel={() => setAsking(false)}
    >
      <p>{t('app.discardBody')}</p>
    </ConfirmDialog>
  )
  return { cancel, dialog }
}
