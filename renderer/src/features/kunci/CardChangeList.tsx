// A changed key card (Terima's sender, or a card file read on Kunci kantor): the card trusted
// here beside the new one's claim, so the person on the phone sees whether the key, the area or
// both changed.

import { useTranslation } from 'react-i18next'
import type { CardChange } from '@shared/contract'
import { Fingerprint } from '../../components/Fingerprint'

export function CardChangeList({ change, fingerprint }: { change: CardChange; fingerprint: string }) {
  const { t } = useTranslation()
  return (
    <dl className="dl kunci-sender-compare">
      <div className="dl-item">
        <dt>{t('kunci.sender.knownHere')}</dt>
        <dd>
          {change.knownArea} · <Fingerprint value={change.knownFingerprint} />
        </dd>
      </div>
      <div className="dl-item">
        <dt>{t('kunci.sender.cardReceived')}</dt>
        <dd>
          {change.cardArea}
          {change.cardArea !== change.knownArea && <strong> ({t('kunci.sender.areaChanged')})</strong>}
          {change.knownFingerprint !== fingerprint && <strong> ({t('kunci.sender.keyChanged')})</strong>}
        </dd>
      </div>
    </dl>
  )
}
