// Pengaturan → Identitas kantor, once the area can no longer change (the first paket has left):
// the office starts over as a new one in one step (site:startNewIdentity). The core makes a
// verified backup and moves the file aside, never deleting it; the app then reopens on the
// first-run screen. The person types the office's name first, since the step cannot be undone
// from the screen (only by restoring that backup).

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, CallError, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { ConfirmDialog } from '../../components/ConfirmDialog'

export function NewIdentity() {
  const { t } = useTranslation()
  const { site } = useApp()
  const [asking, setAsking] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function start() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await call('site:startNewIdentity', { officeName: typed })
      // The database in place is empty now: the app starts again, on the first-run screen.
      window.location.hash = '#/'
      window.location.reload()
    } catch (err) {
      setError(err instanceof CallError ? (err.shape.fields?.officeName ?? err.shape.message) : errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <>
      <p>
        <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
          {t('mulai.area.newIdentity')}
        </button>
      </p>
      <ConfirmDialog
        open={asking}
        title={t('mulai.area.newIdentityTitle')}
        confirmLabel={busy ? t('mulai.area.newIdentityBusy') : t('mulai.area.newIdentityConfirm')}
        cancelLabel={t('app.cancel')}
        danger
        onCancel={() => {
          if (busy) return
          setAsking(false)
          setTyped('')
          setError(null)
        }}
        onConfirm={() => void start()}
      >
        <p>{t('mulai.area.newIdentityBody', { name: site.name })}</p>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="new-identity-name" className="field-label">
            {t('mulai.area.newIdentityType', { name: site.name })}
          </label>
          <input
            id="new-identity-name"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            readOnly={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby="new-identity-error"
            onChange={(e) => {
              setTyped(e.target.value)
              setError(null)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void start()
              }
            }}
          />
          <p id="new-identity-error" className="field-error" hidden={!error}>
            {error}
          </p>
        </div>
      </ConfirmDialog>
    </>
  )
}
