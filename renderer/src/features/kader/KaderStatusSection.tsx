import { useTranslation } from 'react-i18next'
import type { Kader } from '@shared/contract'
import { KADER_STATUSES, type KaderStatus } from '@shared/domain/reference'
import { useOfficeToday } from '../../app/AppContext'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'
import { formatDate } from '../../i18n/format'
import type { FormFields } from '../../components/form'
import type { KaderFormValues } from './kaderFormValues'

/**
 * Status and notes. A new kader, or a changed status, asks since when and why: that becomes a
 * line in the status history; an unchanged status asks nothing.
 */
export function KaderStatusSection({
  form,
  dateError,
  original,
}: {
  form: FormFields<KaderFormValues>
  dateError: (key: string) => string | null
  original: Kader | null
}) {
  const { t } = useTranslation()
  const today = useOfficeToday()
  const { values, set, touch, errorOf } = form
  const statusChanged = original !== null && values.status !== original.status
  // The service refuses a change dated before the last one; said here while the date is typed.
  const previous = original?.statusHistory.reduce<string | null>((max, h) => (max === null || h.date > max ? h.date : max), null) ?? null
  const beforePrevious = statusChanged && previous !== null && /^\d{4}-\d{2}-\d{2}$/.test(values.statusDate) && values.statusDate < previous
  return (
    <section className="card form-section" aria-labelledby="f-sec-status">
      <h2 id="f-sec-status" className="card-title">
        {t('kader.sectionStatus')}
      </h2>
      <div className="form-row">
        <Field id="k-status" label={t('kader.status')} error={errorOf('status')}>
          {(c) => (
            <select
              {...c}
              value={values.status}
              onChange={(e) => {
                const next = e.target.value as KaderStatus
                set('status', next)
                if (original && next !== original.status && !values.statusDate) set('statusDate', today)
              }}
            >
              {KADER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(!original || statusChanged) && (
          <Field id="k-statusDate" label={t('kader.statusSince')} error={dateError('statusDate') ?? (beforePrevious && previous ? t('kader.statusBeforePrevious', { date: formatDate(previous) }) : null)} optional={!original} help={!original ? t('date.help') : undefined}>
            {(c) => <DateInput {...c} value={values.statusDate} onChange={(v) => set('statusDate', v)} onBlur={() => touch('statusDate')} />}
          </Field>
        )}
      </div>
      {statusChanged && (
        <p className="notice" role="status">
          {t('kader.statusChangedHelp')}
        </p>
      )}
      {(!original || statusChanged) && (
        <Field id="k-statusNote" label={t('kader.statusNote')} help={t('kader.statusNoteHelp')} error={errorOf('statusNote')} optional>
          {(c) => <input {...c} type="text" value={values.statusNote} onChange={(e) => set('statusNote', e.target.value)} onBlur={() => touch('statusNote')} />}
        </Field>
      )}
      <Field id="k-notes" label={t('kader.notes')} error={errorOf('notes')} optional>
        {(c) => <textarea {...c} rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} onBlur={() => touch('notes')} />}
      </Field>
    </section>
  )
}
