import { useTranslation } from 'react-i18next'
import { PAKET_KIND_NAMES, WEWENANG, type PaketKind } from '@shared/domain/paket'
import { SITE_LEVELS } from '@shared/domain/reference'
import { useApp } from '../app/AppContext'

/**
 * Said where data is entered that this office may not change in other offices' copies (WEWENANG,
 * shared/domain/paket.ts): what is entered here stays here, and other offices refuse it in
 * paket. A notice, not a lock: an office may still keep its own notes.
 */
export function WewenangNotice({ kinds }: { kinds: readonly PaketKind[] }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const missing = kinds.filter((k) => !WEWENANG[site.level].includes(k))
  if (missing.length === 0) return null
  const keepers = SITE_LEVELS.filter((l) => missing.every((k) => WEWENANG[l].includes(k))).map((l) => t(`level.${l}`))
  // The kinds' names are the users' Indonesian words; the English UI keeps them as terms.
  const what = missing.map((k) => PAKET_KIND_NAMES[k].toLowerCase()).join(', ')
  return (
    <p className="notice wewenang-notice" role="note">
      {t('wewenang.notice', { what, who: keepers.join(t('wewenang.or')) })}
    </p>
  )
}
