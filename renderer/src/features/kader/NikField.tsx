// The NIK field with what its digits say: progress while typing, the birth date, sex and
// kecamatan read from a whole NIK (with a button to fill them in), mismatches, and a link to
// the kader who already holds it.

import { useTranslation } from 'react-i18next'
import type { Sex } from '@shared/domain/reference'
import { href } from '../../app/router'
import { Field } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { formatDate } from '../../i18n/format'
import type { KaderFormValues } from './kaderFormValues'
import type { NikCheckResult } from './useNikCheck'

export type NikFill = 'date' | 'sex' | 'both'

export function NikField({
  form,
  nik,
  error,
  duplicateLink,
  onEdited,
  onFill,
}: {
  form: FormFields<KaderFormValues>
  nik: NikCheckResult
  error: string | null
  duplicateLink: { id: string; name: string } | null
  /** The NIK was typed over: a refusal's holder no longer applies. */
  onEdited: () => void
  onFill: (what: NikFill) => void
}) {
  const { t } = useTranslation()
  const { values, set, touch } = form
  const { state, check, derived, birthIso, warnings } = nik
  const sexLabel = (s: Sex) => t(`sex.${s}`)

  const fillButton = (() => {
    if (!derived) return null
    const needDate = birthIso !== derived.birthDate
    const needSex = values.sex !== derived.sex
    if (needDate && needSex) return { what: 'both' as const, label: t('kader.nikFillBoth') }
    if (needDate) return { what: 'date' as const, label: t('kader.nikFillDate') }
    if (needSex) return { what: 'sex' as const, label: t('kader.nikFillSex') }
    return null
  })()

  const extra =
    state.kind === 'typing' ? (
      <span className="muted">{t('kader.nikProgress', { count: state.digits })}</span>
    ) : state.kind === 'checking' ? (
      <span className="muted">{t('kader.nikChecking')}</span>
    ) : derived && check?.valid !== false ? (
      <div className="nik-derived">
        <span data-testid="nik-derived">
          {t('kader.nikDerived', {
            date: formatDate(derived.birthDate),
            sex: sexLabel(derived.sex).toLowerCase(),
            district: check?.derived?.districtName
              ? t('kader.nikDistrict', { name: check.derived.districtName })
              : t('kader.nikDistrictCode', { code: derived.districtCode }),
          })}
        </span>
        {fillButton && (
          <button type="button" className="btn btn-small" onClick={() => onFill(fillButton.what)}>
            {fillButton.label}
          </button>
        )}
      </div>
    ) : null

  return (
    <Field
      id="k-nik"
      label={t('kader.nik')}
      help={t('kader.nikHelp')}
      error={error}
      extra={extra}
      warning={
        warnings.length > 0 && !error ? (
          <ul className="warning-list" data-testid="nik-warnings">
            {warnings.map((w) => (
              <li key={w.code}>
                <strong>{t('kader.warningPrefix')}</strong> {w.message}
              </li>
            ))}
          </ul>
        ) : null
      }
    >
      {(c) => (
        <>
          <input
            {...c}
            className="mono nik-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            value={values.nik}
            onChange={(e) => {
              set('nik', e.target.value)
              onEdited()
            }}
            onBlur={() => touch('nik')}
          />
          {duplicateLink && error && (
            <p className="field-error-link">
              <a href={href(`kader/${duplicateLink.id}`)}>{t('kader.nikDuplicateLink', { name: duplicateLink.name })}</a>
            </p>
          )}
        </>
      )}
    </Field>
  )
}
