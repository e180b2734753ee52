import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SpmField } from '@shared/contract'

/** The fields whose short name is an acronym to spell out (the others are plain words). */
const SPELLED_OUT: Partial<Record<SpmField, 'spmFull.trantibumlinmas'>> = { trantibumlinmas: 'spmFull.trantibumlinmas' }

function fullName(t: TFunction, field: SpmField): string {
  const key = SPELLED_OUT[field]
  return key ? t(key) : ''
}

/**
 * An SPM field's name. "Trantibumlinmas" is an acronym few outside the kelurahan office know,
 * so it is an <abbr> whose title spells it out (hover, and read by screen readers).
 */
export function SpmName({ field }: { field: SpmField }) {
  const { t } = useTranslation()
  const full = fullName(t, field)
  return full ? <abbr title={full}>{t(`spm.${field}`)}</abbr> : <>{t(`spm.${field}`)}</>
}

/** Spelled out with its short form, where it is chosen: "Ketenteraman, … (Trantibumlinmas)". */
export function spmNameLong(t: TFunction, field: SpmField): string {
  const full = fullName(t, field)
  return full ? `${full} (${t(`spm.${field}`)})` : t(`spm.${field}`)
}
