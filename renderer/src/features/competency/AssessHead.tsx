import { useTranslation } from 'react-i18next'
import { ASSESSMENT_METHODS, type AssessmentMethod } from '@shared/domain/competency'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'
import { formatDate } from '../../i18n/format'
import { AssessorInputs, type AssessorFields } from './AssessorInputs'

/** What holds for every cell of the sheet: the day, the method and the assessor; folded to one line once known. */
export function AssessHead({
  open,
  onToggle,
  date,
  onDate,
  method,
  onMethod,
  assessor,
  onAssessor,
  errors,
}: {
  open: boolean
  onToggle: (open: boolean) => void
  date: string
  onDate: (date: string) => void
  method: AssessmentMethod
  onMethod: (method: AssessmentMethod) => void
  assessor: AssessorFields
  onAssessor: (assessor: AssessorFields) => void
  errors: Record<string, string | undefined>
}) {
  const { t } = useTranslation()
  return (
    <details className="card cm-assess-head" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <strong>{t('competency.assess.headTitle')}:</strong>{' '}
        <span data-testid="assess-head-summary">
          {[formatDate(date) || date, t(`competency.method.${method}`), assessor.name.trim() || t('competency.assess.noAssessor')].join(' · ')}
        </span>{' '}
        <span className="link-button">{open ? t('competency.assess.headClose') : t('competency.assess.headEdit')}</span>
      </summary>
      <div className="form-row">
        <Field id="as-date" label={t('competency.assess.date')} error={errors.date} help={t('competency.assess.dateHelp')}>
          {(p) => <DateInput {...p} value={date} onChange={onDate} />}
        </Field>
        <Field id="as-method" label={t('competency.assess.method')} error={errors.method} className="grow">
          {(p) => (
            <select {...p} value={method} onChange={(e) => onMethod(e.target.value as AssessmentMethod)}>
              {ASSESSMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`competency.method.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <AssessorInputs prefix="as" value={assessor} onChange={onAssessor} errors={errors} />
    </details>
  )
}
