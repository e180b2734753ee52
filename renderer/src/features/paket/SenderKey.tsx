// The sender's key in the Terima preview. A known key is one quiet line; an unknown or changed
// one is a box that says what to do (phone the sender, compare the fingerprint) with the
// fingerprint large and the tick that unlocks "Impor sekarang".

import { useTranslation } from 'react-i18next'
import type { PaketSenderKey } from '@shared/contract'
import { Fingerprint } from '../../components/Fingerprint'
import { CardChangeList } from '../kunci/CardChangeList'
import './paket.css'

/** True when a person must confirm the fingerprint before this paket may be imported. */
export function needsConfirmation(key: PaketSenderKey, alreadyImported: boolean): boolean {
  return key.status !== 'trusted' && !alreadyImported
}

export function SenderKey({
  senderKey: k,
  senderName,
  applied,
  alreadyImported,
  confirmed,
  onConfirm,
  disabled,
}: {
  senderKey: PaketSenderKey
  senderName: string
  applied: boolean
  alreadyImported: boolean
  confirmed: boolean
  onConfirm: (confirmed: boolean) => void
  disabled: boolean
}) {
  const { t } = useTranslation()
  if (k.status === 'trusted' || applied || alreadyImported) {
    const accepted = applied && k.status !== 'trusted'
    return (
      <p className="kunci-sender-ok" data-sender-key={accepted ? 'accepted' : k.status}>
        <span aria-hidden="true">✓ </span>
        {accepted ? t('kunci.sender.nowTrusted', { name: senderName }) : t('kunci.sender.trusted')} · {t('kunci.sender.trustedLine')}{' '}
        <Fingerprint value={k.fingerprint} />
        {accepted && <span className="kunci-sender-hint muted">{t('kunci.sender.nowTrustedHint')}</span>}
      </p>
    )
  }
  const changed = k.status === 'changed'
  return (
    <div
      className={changed ? 'kunci-sender-box kunci-sender-changed' : 'kunci-sender-box'}
      role="group"
      aria-labelledby="kunci-sender-title"
      data-sender-key={k.status}
    >
      <h3 id="kunci-sender-title" className="sub-title">
        {changed && <span aria-hidden="true">⚠ </span>}
        {changed ? t('kunci.sender.changedTitle') : t('kunci.sender.unknownTitle')}
      </h3>
      <p>{changed ? t('kunci.sender.changedBody') : t('kunci.sender.unknownBody')}</p>
      {k.change && <CardChangeList change={k.change} fingerprint={k.fingerprint} />}
      <p id="kunci-sender-fp-label" className="kunci-sender-fp-label">
        {t('kunci.sender.fingerprintLabel', { name: senderName })}
      </p>
      <p className="kunci-sender-fp" data-testid="sender-fingerprint">
        <Fingerprint value={k.fingerprint} large />
      </p>
      <label className="check kunci-confirm">
        <input
          type="checkbox"
          required
          aria-required="true"
          checked={confirmed}
          disabled={disabled}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <span>{t('kunci.sender.confirm')}</span>
      </label>
    </div>
  )
}
