import { useTranslation } from 'react-i18next'
import type { MeetingRow, Posyandu, SpmField } from '@shared/contract'
import { FOLLOW_UP_SOURCES } from '@shared/domain/meeting'
import { SPM_FIELDS } from '@shared/domain/reference'
import { DateInput } from '../../components/DateInput'
import { Field, FieldSet } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { spmNameLong } from '../../components/SpmName'
import { formatDate } from '../../i18n/format'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import type { FollowUpFormValues } from './followUpFormValues'

/** Where the task came from: a meeting's decision or a complaint, when, about which Posyandu and SPM field, and what. */
export function FollowUpOriginSection({
  form,
  dateError,
  meetingError,
  meetings,
  posyandu,
}: {
  form: FormFields<FollowUpFormValues>
  dateError: (key: string) => string | null
  meetingError: string | null
  meetings: MeetingRow[]
  posyandu: Posyandu[]
}) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const manyVillages = new Set(posyandu.map((p) => p.villageCode)).size > 1
  const shownPosyandu = posyandu.filter((p) => p.active || p.id === values.posyanduId)
  const chosenMeeting = meetings.find((m) => m.id === values.meetingId) ?? null

  return (
    <section className="card form-section" aria-labelledby="fu-sec-origin">
      <h2 id="fu-sec-origin" className="card-title">
        {t('followUp.sectionOrigin')}
      </h2>
      <FieldSet id="fu-source" legend={t('followUp.fieldSource')} error={errorOf('source')}>
        <div className="radio-row">
          {FOLLOW_UP_SOURCES.map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name="source"
                value={s}
                checked={values.source === s}
                onChange={() => {
                  touch('source')
                  set('source', s)
                }}
              />
              <span>{t(`followUp.sourceLong.${s}`)}</span>
            </label>
          ))}
        </div>
      </FieldSet>
      {values.source === 'rapat' && (
        <Field
          id="fu-meeting"
          label={t('followUp.fieldMeeting')}
          help={meetings.length ? t('followUp.meetingHelp') : t('followUp.meetingNone')}
          error={meetingError}
          extra={chosenMeeting ? <span className="fu-chosen-meeting">{`${chosenMeeting.title} · ${formatDate(chosenMeeting.date)}`}</span> : undefined}
        >
          {(c) => (
            <select {...c} value={values.meetingId} onChange={(e) => set('meetingId', e.target.value)} onBlur={() => touch('meetingId')}>
              <option value="">{t('followUp.meetingChoose')}</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${formatDate(m.date)} — ${m.title}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-row">
        <Field id="fu-date" label={t('followUp.fieldDate')} help={t('date.help')} error={dateError('date')}>
          {(c) => <DateInput {...c} value={values.date} onChange={(v) => set('date', v)} onBlur={() => touch('date')} />}
        </Field>
        <Field id="fu-posyandu" label={t('followUp.fieldPosyandu')} error={errorOf('posyanduId')} optional className="grow">
          {(c) => (
            <select {...c} value={values.posyanduId} onChange={(e) => set('posyanduId', e.target.value)} onBlur={() => touch('posyanduId')}>
              <option value="">{t('followUp.posyanduNone')}</option>
              {shownPosyandu.map((p) => (
                <option key={p.id} value={p.id}>
                  {posyanduLabel(p, manyVillages)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="fu-spm" label={t('followUp.fieldSpm')} help={t('followUp.spmHelp')} error={errorOf('spmField')} optional>
          {(c) => (
            <select {...c} value={values.spmField} onChange={(e) => set('spmField', e.target.value as SpmField | '')} onBlur={() => touch('spmField')}>
              <option value="">{t('followUp.spmNone')}</option>
              {SPM_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {spmNameLong(t, f)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="fu-description" label={t('followUp.fieldDescription')} help={t('followUp.descriptionHelp')} error={errorOf('description')}>
        {(c) => (
          <textarea {...c} rows={4} value={values.description} onChange={(e) => set('description', e.target.value)} onBlur={() => touch('description')} />
        )}
      </Field>
      <Field id="fu-reporter" label={t('followUp.fieldReporter')} help={t('followUp.reporterHelp')} error={errorOf('reporter')} optional>
        {(c) => <input {...c} type="text" value={values.reporter} onChange={(e) => set('reporter', e.target.value)} onBlur={() => touch('reporter')} />}
      </Field>
    </section>
  )
}
