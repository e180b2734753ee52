import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Opd, SpmField } from '@shared/contract'
import { useOfficeToday } from '../../app/AppContext'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { addDays } from './badges'
import { ISO, type FollowUpFormValues } from './followUpFormValues'

const QUICK_DAYS = [7, 14, 30] as const

/** Who does it and by when: the OPDs that serve the chosen SPM field come first; a deadline is a click away. */
export function FollowUpTaskSection({ form, dueError, opds }: { form: FormFields<FollowUpFormValues>; dueError: string | null; opds: Opd[] }) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const activeOpds = useMemo(() => opds.filter((o) => o.active || o.id === values.opdId), [opds, values.opdId])
  const suggested = useMemo(
    () => (values.spmField ? activeOpds.filter((o) => o.spmFields.includes(values.spmField as SpmField)) : []),
    [activeOpds, values.spmField],
  )
  const others = activeOpds.filter((o) => !suggested.includes(o))
  const today = useOfficeToday()
  const quickBase = ISO.test(values.date) ? values.date : today
  const options = (list: Opd[]) =>
    list.map((o) => (
      <option key={o.id} value={o.id}>
        {o.name}
      </option>
    ))

  return (
    <section className="card form-section" aria-labelledby="fu-sec-task">
      <h2 id="fu-sec-task" className="card-title">
        {t('followUp.sectionTask')}
      </h2>
      <Field
        id="fu-opd"
        label={t('followUp.fieldOpd')}
        help={t('followUp.opdHelp')}
        error={errorOf('opdId')}
        extra={
          suggested.length > 0 ? (
            <div className="fu-suggest">
              <span>{t('followUp.suggested')}</span>
              {suggested.map((o) => (
                <button
                  key={o.id}
                  type="button"
                  className="btn btn-small"
                  aria-pressed={values.opdId === o.id}
                  aria-label={t('followUp.suggestedPick', { name: o.name })}
                  onClick={() => {
                    touch('opdId')
                    set('opdId', o.id)
                  }}
                >
                  {o.name}
                </button>
              ))}
            </div>
          ) : undefined
        }
      >
        {(c) => (
          <select {...c} value={values.opdId} onChange={(e) => set('opdId', e.target.value)} onBlur={() => touch('opdId')}>
            <option value="">{t('followUp.opdChoose')}</option>
            {suggested.length > 0 ? (
              <>
                <optgroup label={t('followUp.opdSuggestedGroup', { field: t(`spm.${values.spmField as SpmField}`) })}>{options(suggested)}</optgroup>
                <optgroup label={t('followUp.opdOtherGroup')}>{options(others)}</optgroup>
              </>
            ) : (
              options(others)
            )}
          </select>
        )}
      </Field>
      <Field
        id="fu-due"
        label={t('followUp.fieldDue')}
        help={t('date.help')}
        error={dueError}
        extra={
          <div className="fu-quick" role="group" aria-label={t('followUp.dueQuick')}>
            {QUICK_DAYS.map((n) => {
              const target = addDays(quickBase, n)
              return (
                <button
                  key={n}
                  type="button"
                  className="btn btn-small"
                  aria-pressed={values.dueDate === target}
                  onClick={() => {
                    touch('dueDate')
                    set('dueDate', target)
                  }}
                >
                  {t('followUp.duePlus', { n })}
                </button>
              )
            })}
            <span className="muted small">{t('followUp.dueQuickHelp')}</span>
          </div>
        }
      >
        {(c) => <DateInput {...c} value={values.dueDate} onChange={(v) => set('dueDate', v)} onBlur={() => touch('dueDate')} />}
      </Field>
    </section>
  )
}
