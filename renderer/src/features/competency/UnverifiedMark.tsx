import { useTranslation } from 'react-i18next'

/**
 * A skill whose wording is not yet matched with the official text: a small dagger with its
 * meaning on hover and for screen readers. Only the catalogue screen explains it at length.
 */
export function UnverifiedMark() {
  const { t } = useTranslation()
  return (
    <span className="cm-unverified-mark" title={t('competency.unverified')}>
      <span aria-hidden="true">†</span>
      <span className="sr-only"> ({t('competency.unverified')})</span>
    </span>
  )
}
