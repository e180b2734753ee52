import { useTranslation } from 'react-i18next'
import { EDUCATION_LEVELS, SEXES, type EducationLevel, type Sex } from '@shared/domain/reference'
import { DateInput } from '../../components/DateInput'
import { Field, FieldSet } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { formatDate } from '../../i18n/format'
import type { KaderFormValues } from './kaderFormValues'
import { NikField, type NikFill } from './NikField'
import type { NikCheckResult } from './useNikCheck'

/** Who the kader is: NIK, name, sex, birth and schooling; a whole NIK offers its birth date and sex. */
export function KaderIdentitySection({
  form,
  dateError,
  nik,
  nikError,
  duplicateLink,
  onNikEdited,
}: {
  form: FormFields<KaderFormValues>
  dateError: (key: string) => string | null
  nik: NikCheckResult
  nikError: string | null
  duplicateLink: { id: string; name: string } | null
  onNikEdited: () => void
}) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const { derived, birthIso } = nik
  const sexLabel = (s: Sex) => t(`sex.${s}`)

  function fillFromNik(what: NikFill) {
    if (!derived) return
    if (what !== 'sex') set('birthDate', derived.birthDate)
    if (what !== 'date') set('sex', derived.sex)
  }

  return (
    <section className="card form-section" aria-labelledby="f-sec-identity">
      <h2 id="f-sec-identity" className="card-title">
        {t('kader.sectionIdentity')}
      </h2>
      <NikField form={form} nik={nik} error={nikError} duplicateLink={duplicateLink} onEdited={onNikEdited} onFill={fillFromNik} />
      <Field id="k-name" label={t('kader.name')} error={errorOf('name')}>
        {(c) => (
          <input {...c} type="text" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} onBlur={() => touch('name')} />
        )}
      </Field>
      <FieldSet id="k-sex" legend={t('kader.sex')} error={errorOf('sex')}>
        <div className="radio-row">
          {SEXES.map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name="sex"
                value={s}
                checked={values.sex === s}
                onChange={() => {
                  set('sex', s)
                  touch('sex')
                }}
              />
              <span>{sexLabel(s)}</span>
            </label>
          ))}
          {derived && values.sex !== derived.sex && (
            <button type="button" className="link-button" onClick={() => fillFromNik('sex')}>
              {t('kader.fillFromNik', { value: sexLabel(derived.sex) })}
            </button>
          )}
        </div>
      </FieldSet>
      <div className="form-row">
        <Field id="k-birthPlace" label={t('kader.birthPlace')} error={errorOf('birthPlace')} optional className="grow">
          {(c) => (
            <input {...c} type="text" value={values.birthPlace} onChange={(e) => set('birthPlace', e.target.value)} onBlur={() => touch('birthPlace')} />
          )}
        </Field>
        <Field
          id="k-birthDate"
          label={t('kader.birthDate')}
          error={dateError('birthDate')}
          extra={
            derived && birthIso !== derived.birthDate ? (
              <button type="button" className="link-button" onClick={() => fillFromNik('date')}>
                {t('kader.fillFromNik', { value: formatDate(derived.birthDate) })}
              </button>
            ) : null
          }
        >
          {(c) => <DateInput {...c} value={values.birthDate} onChange={(v) => set('birthDate', v)} onBlur={() => touch('birthDate')} />}
        </Field>
      </div>
      <Field id="k-education" label={t('kader.education')} error={errorOf('education')} optional>
        {(c) => (
          <select {...c} value={values.education} onChange={(e) => set('education', e.target.value as EducationLevel | '')}>
            <option value="">{t('kader.educationChoose')}</option>
            {EDUCATION_LEVELS.map((x) => (
              <option key={x} value={x}>
                {t(`education.${x}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </section>
  )
}
