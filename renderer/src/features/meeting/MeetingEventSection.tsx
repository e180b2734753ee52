import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingKind, MeetingLevel, Posyandu } from '@shared/contract'
import { MEETING_KINDS, MEETING_LEVELS } from '@shared/domain/meeting'
import { DateInput } from '../../components/DateInput'
import { Field, FieldSet, type ControlProps } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { SpmCheckboxes } from '../../components/SpmChips'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import { normaliseTime } from './meetingFormat'
import { useOfficeZone } from '../../app/AppContext'
import type { MeetingFormValues } from './meetingFormValues'

type TextKey = 'place' | 'chair' | 'minuteTaker' | 'invitationNumber' | 'title'

/** The meeting itself: which team, what kind, when, where, who led and who wrote, which Posyandu and SPM fields. */
export function MeetingEventSection({
  form,
  dateError,
  posyandu,
}: {
  form: FormFields<MeetingFormValues>
  dateError: (key: string) => string | null
  posyandu: Posyandu[]
}) {
  const { t } = useTranslation()
  const zone = useOfficeZone()
  const { values, set, touch, errorOf } = form
  const manyVillages = useMemo(() => new Set(posyandu.map((p) => p.villageCode)).size > 1, [posyandu])
  const posyanduOptions = useMemo(() => posyandu.filter((p) => p.active || p.id === values.posyanduId), [posyandu, values.posyanduId])
  const text = (key: TextKey, c: ControlProps) => (
    <input {...c} type="text" autoComplete="off" value={values[key]} onChange={(e) => set(key, e.target.value)} onBlur={() => touch(key)} />
  )
  // Typed as people say it ("9", "9.30"); read into HH:MM when the field is left.
  const time = (key: 'startTime' | 'endTime', placeholder: string, c: ControlProps) => (
    <input
      {...c}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      onBlur={() => {
        set(key, normaliseTime(values[key]))
        touch(key)
      }}
    />
  )

  return (
    <section className="card form-section" aria-labelledby="m-sec-event">
      <h2 id="m-sec-event" className="card-title">
        {t('meeting.sectionEvent')}
      </h2>
      <div className="form-row">
        <Field id="m-level" label={t('meeting.fieldLevel')} error={errorOf('level')}>
          {(c) => (
            <select {...c} value={values.level} onChange={(e) => set('level', e.target.value as MeetingLevel | '')} onBlur={() => touch('level')}>
              {MEETING_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`meeting.level.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="m-kind" label={t('meeting.fieldKind')} error={errorOf('kind')}>
          {(c) => (
            <select {...c} value={values.kind} onChange={(e) => set('kind', e.target.value as MeetingKind | '')} onBlur={() => touch('kind')}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meeting.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field id="m-title" label={t('meeting.fieldTitle')} help={t('meeting.fieldTitleHelp')} error={errorOf('title')} className="grow">
          {(c) => text('title', c)}
        </Field>
      </div>
      <div className="form-row">
        <Field id="m-date" label={t('meeting.fieldDate')} help={t('date.help')} error={dateError('date')}>
          {(c) => <DateInput {...c} value={values.date} onChange={(v) => set('date', v)} onBlur={() => touch('date')} />}
        </Field>
        <Field id="m-start" label={t('meeting.fieldStart')} help={t('meeting.timeHelp', { zone: zone.kode })} error={errorOf('startTime')} optional className="time-field">
          {(c) => time('startTime', '09.00', c)}
        </Field>
        <Field id="m-end" label={t('meeting.fieldEnd')} help={t('meeting.timeHelp', { zone: zone.kode })} error={errorOf('endTime')} optional className="time-field">
          {(c) => time('endTime', '11.00', c)}
        </Field>
      </div>
      <div className="form-row">
        <Field id="m-place" label={t('meeting.fieldPlace')} error={errorOf('place')} optional className="grow">
          {(c) => text('place', c)}
        </Field>
        <Field id="m-invitation" label={t('meeting.fieldInvitation')} help={t('meeting.invitationHelp')} error={errorOf('invitationNumber')} optional className="grow">
          {(c) => text('invitationNumber', c)}
        </Field>
      </div>
      <div className="form-row">
        <Field id="m-chair" label={t('meeting.fieldChair')} help={t('meeting.chairHelp')} error={errorOf('chair')} optional className="grow">
          {(c) => text('chair', c)}
        </Field>
        <Field id="m-minute-taker" label={t('meeting.fieldMinuteTaker')} error={errorOf('minuteTaker')} optional className="grow">
          {(c) => text('minuteTaker', c)}
        </Field>
      </div>
      <div className="form-row">
        <Field id="m-posyandu" label={t('meeting.fieldPosyandu')} help={t('meeting.posyanduHelp')} error={errorOf('posyanduId')} optional className="grow">
          {(c) => (
            <select {...c} value={values.posyanduId} onChange={(e) => set('posyanduId', e.target.value)} onBlur={() => touch('posyanduId')}>
              <option value="">{t('meeting.posyanduNone')}</option>
              {posyanduOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {posyanduLabel(p, manyVillages)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldSet id="m-spm" legend={t('meeting.fieldSpm')} help={t('meeting.spmHelp')} error={errorOf('spmFields')}>
        <SpmCheckboxes value={values.spmFields} onChange={(next) => set('spmFields', next)} />
      </FieldSet>
    </section>
  )
}
