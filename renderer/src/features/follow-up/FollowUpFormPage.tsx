import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { followUpInput, type FollowUp, type MeetingRow, type Opd, type Posyandu, type SpmField } from '@shared/contract'
import { FOLLOW_UP_SOURCES, type FollowUpSource } from '@shared/domain/meeting'
import { SPM_FIELDS } from '@shared/domain/reference'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { DateInput, isDateUnderstood } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { Field, FieldSet } from '../../components/Field'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { focusFirstInvalid, serverErrors, useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { formatDate } from '../../i18n/format'
import { todayJakarta } from '@shared/domain/tanggal'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import { addDays } from './badges'
import './follow-up.css'

interface Values extends Record<string, unknown> {
  source: FollowUpSource
  meetingId: string
  date: string
  posyanduId: string
  spmField: SpmField | ''
  description: string
  reporter: string
  opdId: string
  dueDate: string
}

const QUICK_DAYS = [7, 14, 30] as const

function fromFollowUp(f: FollowUp): Values {
  return {
    source: f.source,
    meetingId: f.meetingId ?? '',
    date: f.date,
    posyanduId: f.posyanduId ?? '',
    spmField: f.spmField ?? '',
    description: f.description,
    reporter: f.reporter ?? '',
    opdId: f.opdId,
    dueDate: f.dueDate,
  }
}

function toInput(v: Values) {
  return {
    source: v.source,
    meetingId: v.source === 'rapat' && v.meetingId ? v.meetingId : null,
    date: v.date,
    posyanduId: v.posyanduId || null,
    spmField: v.spmField || null,
    description: v.description,
    reporter: v.reporter,
    opdId: v.opdId,
    dueDate: v.dueDate,
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/

export function FollowUpFormPage({ id, query }: { id: string | null; query: URLSearchParams }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  // Opened from a meeting ("Catat tindak lanjut" there): the meeting is preset and saving returns to it.
  const fromMeeting = id ? null : query.get('rapat')
  const [opds, setOpds] = useState<Opd[] | null>(null)
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [meetings, setMeetings] = useState<MeetingRow[] | null>(null)
  const [original, setOriginal] = useState<FollowUp | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const empty: Values = {
    source: fromMeeting ? 'rapat' : 'aduan',
    meetingId: fromMeeting ?? '',
    date: todayJakarta(),
    posyanduId: '',
    spmField: '',
    description: '',
    reporter: '',
    opdId: '',
    dueDate: '',
  }
  const form = useFormState<Values, typeof followUpInput>(empty, followUpInput, toInput)
  const { values, set, touch, errorOf } = form

  useEffect(() => {
    let live = true
    Promise.all([
      call('opd:list', { includeInactive: true }),
      call('posyandu:list', { includeInactive: true }),
      call('meeting:list', { query: '' }),
      id ? call('followUp:get', { id }) : Promise.resolve(null),
      fromMeeting ? call('meeting:get', { id: fromMeeting }) : Promise.resolve(null),
    ])
      .then(([os, ps, ms, f, meeting]) => {
        if (!live) return
        setOpds(os)
        setPosyandu(ps)
        setMeetings(ms)
        setOriginal(f)
        if (f) form.reset(fromFollowUp(f))
        else if (meeting) {
          // A decision of this meeting: its date, its Posyandu (a monev visit) and, when it touched
          // one SPM field only, that field, so the OPD suggestion is ready at once.
          form.reset({
            ...empty,
            meetingId: meeting.id,
            date: meeting.date,
            posyanduId: meeting.posyanduId ?? '',
            spmField: meeting.spmFields.length === 1 ? meeting.spmFields[0]! : '',
          })
        }
      })
      .catch((e: unknown) => live && setLoadError(errorMessage(e)))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, fromMeeting])

  const activeOpds = useMemo(() => (opds ?? []).filter((o) => o.active || o.id === values.opdId), [opds, values.opdId])
  const suggested = useMemo(
    () => (values.spmField ? activeOpds.filter((o) => o.spmFields.includes(values.spmField as SpmField)) : []),
    [activeOpds, values.spmField],
  )
  const others = activeOpds.filter((o) => !suggested.includes(o))
  const manyVillages = new Set((posyandu ?? []).map((p) => p.villageCode)).size > 1
  const shownPosyandu = (posyandu ?? []).filter((p) => p.active || p.id === values.posyanduId)
  const shownMeetings = meetings ?? []
  const chosenMeeting = shownMeetings.find((m) => m.id === values.meetingId) ?? null

  // Rules the contract cannot see alone (a chosen meeting for a decision, a deadline not before the day raised).
  const meetingMissing = values.source === 'rapat' && !values.meetingId
  const dueBeforeDate = ISO.test(values.date) && ISO.test(values.dueDate) && values.dueDate < values.date
  const extraInvalid = meetingMissing || dueBeforeDate

  const dateErr = (key: 'date' | 'dueDate') => {
    const err = errorOf(key)
    return err && !form.server[key] && !isDateUnderstood(values[key]) ? t('date.notUnderstood') : err
  }
  const meetingError = errorOf('meetingId') ?? (meetingMissing && form.submitted ? t('followUp.meetingRequired') : null)
  const dueError = dateErr('dueDate') ?? (dueBeforeDate ? t('followUp.dueBeforeDate') : null)

  function leave(savedId?: string) {
    if (fromMeeting) navigate(`rapat/${fromMeeting}`)
    else if (savedId ?? id) navigate(`tindak-lanjut/${savedId ?? id}`)
    else navigate('tindak-lanjut')
  }
  const { cancel, dialog: discardDialog } = useDiscardGuard(form.dirty && !saving, () => leave())

  async function save() {
    if (saving) return
    form.setSubmitted(true)
    if (!form.parsed.success || extraInvalid) {
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    try {
      const input = form.parsed.data
      const saved = id ? await call('followUp:update', { ...input, id }) : await call('followUp:create', input)
      form.setBaseline(values)
      toasts.push({ message: t('followUp.saved'), tone: 'success' })
      leave(saved.id)
    } catch (e) {
      form.setServer(serverErrors(e))
      focusFirstInvalid(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  const quickBase = ISO.test(values.date) ? values.date : todayJakarta()
  const title = id ? t('followUp.editTitle') : t('followUp.newTitle')
  const ready = opds && posyandu && meetings && (!id || original)
  const hasErrors = form.submitted && (!form.parsed.success || extraInvalid)
  const back = fromMeeting
    ? { to: href(`rapat/${fromMeeting}`), label: t('followUp.backToMeeting') }
    : id
      ? { to: href(`tindak-lanjut/${id}`), label: t('app.back') }
      : { to: href('tindak-lanjut'), label: t('followUp.backToList') }

  return (
    <div className="page page-form fu-page">
      <p className="back-link">
        <a href={back.to}>← {back.label}</a>
      </p>
      <PageHeading>{title}</PageHeading>
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && (
        <EditForm formRef={formRef} onSave={() => void save()} onCancel={cancel} shortcutsHint>
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
                help={shownMeetings.length ? t('followUp.meetingHelp') : t('followUp.meetingNone')}
                error={meetingError}
                extra={chosenMeeting ? <span className="fu-chosen-meeting">{`${chosenMeeting.title} · ${formatDate(chosenMeeting.date)}`}</span> : undefined}
              >
                {(c) => (
                  <select {...c} value={values.meetingId} onChange={(e) => set('meetingId', e.target.value)} onBlur={() => touch('meetingId')}>
                    <option value="">{t('followUp.meetingChoose')}</option>
                    {shownMeetings.map((m) => (
                      <option key={m.id} value={m.id}>
                        {`${formatDate(m.date)} — ${m.title}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <div className="form-row">
              <Field id="fu-date" label={t('followUp.fieldDate')} help={t('date.help')} error={dateErr('date')}>
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
                        {t(`spm.${f}`)}
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
                      <optgroup label={t('followUp.opdSuggestedGroup', { field: t(`spm.${values.spmField as SpmField}`) })}>
                        {suggested.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t('followUp.opdOtherGroup')}>
                        {others.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </optgroup>
                    </>
                  ) : (
                    others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))
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

          <FormFooter showFixErrors={hasErrors} formError={errorOf('_form')} saving={saving} onCancel={cancel} />
        </EditForm>
      )}
      {discardDialog}
    </div>
  )
}
