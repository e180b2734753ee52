// The recovery code shown on its own after setup (and once to offices whose database predates it):
// it stays at the top of every screen until the person says it is written down or printed, since
// an office that never kept it cannot open its flashdisk copies. Only the desktop app asks for it
// (cadangan:state's noticePending); elsewhere the code is in Pengaturan → Cadangan.

import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { PrintButton } from '../../components/PrintButton'
import { useCall } from '../../components/useCall'
import './cadangan.css'

export function RecoveryCodeNotice() {
  const { t } = useTranslation()
  const state = useCall('cadangan:state', {})
  const [code, setCode] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const pending = state.data?.noticePending === true && !done

  useEffect(() => {
    if (!pending || code) return
    let live = true
    call('cadangan:code', {}).then(
      (r) => live && setCode(r.code),
      () => undefined, // no notice without a code; Pengaturan shows why
    )
    return () => {
      live = false
    }
  }, [pending, code])

  if (!pending || !code) return null
  return (
    <section className="notice recovery-notice" aria-labelledby="recovery-notice-title">
      <h2 id="recovery-notice-title">{t('cadangan.noticeTitle')}</h2>
      <p>{t('cadangan.noticeBody')}</p>
      <p className="recovery-code" data-testid="recovery-notice-code">
        {code}
      </p>
      <div className="cadangan-actions">
        <PrintButton request={{ kind: 'kartuPemulihan' }} label={t('cadangan.printCard')} className="btn" />
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void call('cadangan:confirmCode', {})
              .then(() => setDone(true))
              .catch(() => undefined) // the notice stays; the next start shows it again
              .finally(() => setBusy(false))
          }}
        >
          {t('cadangan.noticeDone')}
        </button>
      </div>
    </section>
  )
}
