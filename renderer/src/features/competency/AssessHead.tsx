import { useTranslation } from 'react-i18next'
import type { AssessmentMethod } from '@shared/domain/competency'
import { formatDate } from '../../i18n/format'
import { AssessDateMethod, AssessorInputs, type AssessorFields } from './AssessorInputs'

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
      <AssessDateMethod prefix="as" date={date} onDate={onDate} method={method} onMethod={onMethod} errors={errors} help={t('competency.assess.dateHelp')} />
      <AssessorInputs prefix="as" value={assessor} onChange={onAssessor} errors={errors} />
    </details>
  )
}
