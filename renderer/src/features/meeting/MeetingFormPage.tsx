import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { meetingInput, type Meeting, type MeetingKind, type MeetingLevel, type Opd, type Posyandu, type SpmField } from '@shared/contract'
import { MEETING_KINDS, MEETING_LEVELS } from '@shared/domain/meeting'
import { call, CallError, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { href, navigate } from '../../app/router'
import { DateInput, isDateUnderstood } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { Field, FieldSet } from '../../components/Field'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { focusFirstInvalid, serverErrors, useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { SpmCheckboxes } from '../../components/SpmChips'
import { useToasts } from '../../components/Toasts'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { todayJakarta } from '@shared/domain/tanggal'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import { AttendeeEditor, emptyAttendee, isBlankAttendee, rowKey, type AttendeeRow } from './AttendeeEditor'
import { defaultMeetingLevel, normaliseTime } from './meetingFormat'
import { RichTextEditor } from './RichTextEditor'
import './meeting.css'

interface AgendaRow {
  key: string
  title: string
  minutes: string
}

interface Values extends Record<string, unknown> {
  level: MeetingLevel | ''
  kind: MeetingKind | ''
  title: string
  date: string
  startTime: string
  endTime: string
  place: string
  chair: string
  minuteTaker: string
  invitationNumber: string
  posyanduId: string
  spmFields: SpmField[]
  agenda: AgendaRow[]
  conclusions: string
  attendees: AttendeeRow[]
}

function emptyAgenda(): AgendaRow {
  return { key: rowKey(), title: '', minutes: '' }
}

function blankValues(level: MeetingLevel): Values {
  return {
    level,
    kind: 'rapat_koordinasi',
    title: '',
    date: todayJakarta(),
    startTime: '',
    endTime: '',
    place: '',
    chair: '',
    minuteTaker: '',
    invitationNumber: '',
    posyanduId: '',
    spmFields: [],
    agenda: [emptyAgenda()],
    conclusions: '',
    attendees: [emptyAttendee()],
  }
}

function fromMeeting(m: Meeting): Values {
  return {
    level: m.level,
    kind: m.kind,
    title: m.title,
    date: m.date,
    startTime: m.startTime ?? '',
    endTime: m.endTime ?? '',
    place: m.place ?? '',
    chair: m.chair ?? '',
    minuteTaker: m.minuteTaker ?? '',
    invitationNumber: m.invitationNumber ?? '',
    posyanduId: m.posyanduId ?? '',
    spmFields: m.spmFields,
    agenda: m.agenda.length ? m.agenda.map((a) => ({ key: rowKey(), ...a })) : [emptyAgenda()],
    conclusions: m.conclusions,
    attendees: [
      ...m.attendees.map((a) => ({
        key: rowKey(),
        name: a.name,
        position: a.position ?? '',
        institution: a.institution ?? '',
        opdId: a.opdId,
        phone: a.phone ?? '',
        present: a.present,
      })),
      emptyAttendee(),
    ],
  }
}

const isBlankAgenda = (a: AgendaRow) => !a.title.trim() && !a.minutes.trim()

/**
 * Which rows are sent: an untouched agenda item or attendance row is left out, not refused.
 * The index lists map the contract's paths ("attendees.3.phone") back to the rows on screen.
 */
function sentRows(v: Values) {
  const agenda = v.agenda.flatMap((a, i) => (isBlankAgenda(a) ? [] : [i]))
  const attendees = v.attendees.flatMap((a, i) => (isBlankAttendee(a) ? [] : [i]))
  return { agenda, attendees }
}

function toInput(v: Values) {
  const rows = sentRows(v)
  return {
    level: v.level || undefined,
    kind: v.kind || undefined,
    title: v.title,
    date: v.date,
    startTime: normaliseTime(v.startTime) || null,
    endTime: normaliseTime(v.endTime) || null,
    place: v.place,
    chair: v.chair,
    minuteTaker: v.minuteTaker,
    invitationNumber: v.invitationNumber,
    posyanduId: v.posyanduId || null,
    spmFields: v.spmFields,
    agenda: rows.agenda.map((i) => ({ title: v.agenda[i]!.title, minutes: v.agenda[i]!.minutes })),
    conclusions: v.conclusions,
    attendees: rows.attendees.map((i) => {
      const a = v.attendees[i]!
      return { name: a.name, position: a.position, institution: a.institution, opdId: a.opdId, phone: a.phone, present: a.present }
    }),
  }
}

/** Every message by its full path ("agenda.1.title"), the first one per path. */
function pathErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) out[issue.path.map(String).join('.')] ??= issue.message
  return out
}

/** "attendees.2.name" of what was sent → the same path for the row on screen. */
function toRowPaths(errors: Record<string, string>, v: Values): Record<string, string> {
  const rows = sentRows(v)
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    const m = /^(agenda|attendees)\.(\d+)(\..*)?$/.exec(path)
    const list = m ? rows[m[1] as 'agenda' | 'attendees'] : null
    const row = m && list ? list[Number(m[2])] : undefined
    out[m && row !== undefined ? `${m[1]}.${row}${m[3] ?? ''}` : path] ??= message
  }
  return out
}

export function MeetingFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const { site } = useApp()
  const [opds, setOpds] = useState<Opd[] | null>(null)
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [original, setOriginal] = useState<Meeting | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // The core's refusals by full path, as sent; the rows on screen are worked out when shown.
  const [serverPaths, setServerPaths] = useState<Record<string, string>>({})
  const formRef = useRef<HTMLFormElement>(null)
  const pendingFocus = useRef<string | null>(null)
  const form = useFormState<Values, typeof meetingInput>(blankValues(defaultMeetingLevel(site.level)), meetingInput, toInput)
  const { values, set, touch, errorOf } = form

  useEffect(() => {
    let live = true
    Promise.all([call('opd:list', { includeInactive: false }), call('posyandu:list', { includeInactive: true }), id ? call('meeting:get', { id }) : Promise.resolve(null)]).then(
      ([os, ps, m]) => {
        if (!live) return
        setOpds(os)
        setPosyandu(ps)
        setOriginal(m)
        form.reset(m ? fromMeeting(m) : blankValues(defaultMeetingLevel(site.level)))
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  useEffect(() => {
    if (!pendingFocus.current) return
    const el = document.getElementById(pendingFocus.current)
    pendingFocus.current = null
    el?.focus()
  })

  const nested = useMemo(() => {
    const client = form.submitted && !form.parsed.success ? pathErrors(form.parsed.error.issues) : {}
    return toRowPaths({ ...client, ...serverPaths }, values)
  }, [form.submitted, form.parsed, serverPaths, values])

  const dateErr = () => {
    const err = errorOf('date')
    return err && !form.server.date && !isDateUnderstood(values.date) ? t('date.notUnderstood') : err
  }

  function leave(savedId?: string) {
    const target = savedId ?? id
    navigate(target ? `rapat/${target}` : 'rapat')
  }
  const { cancel, dialog: discardDialog } = useDiscardGuard(form.dirty && !saving, () => leave())

  function setAgenda(next: AgendaRow[]) {
    setServerPaths((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('agenda'))))
    set('agenda', next)
  }
  function setAttendees(next: AttendeeRow[]) {
    setServerPaths((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('attendees'))))
    set('attendees', next)
  }

  function updateAgenda(i: number, patch: Partial<AgendaRow>) {
    setAgenda(values.agenda.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  }
  function addAgenda() {
    const row = emptyAgenda()
    pendingFocus.current = `m-agenda-${row.key}-title`
    setAgenda([...values.agenda, row])
  }
  function removeAgenda(i: number) {
    const next = values.agenda.filter((_, j) => j !== i)
    const neighbour = next[i] ?? next[i - 1]
    pendingFocus.current = neighbour ? `m-agenda-${neighbour.key}-title` : 'm-agenda-add'
    setAgenda(next)
  }
  function moveAgenda(i: number, by: -1 | 1) {
    const j = i + by
    if (j < 0 || j >= values.agenda.length) return
    const next = [...values.agenda]
    ;[next[i], next[j]] = [next[j]!, next[i]!]
    const key = next[j]!.key
    // The button pressed stays under the keyboard, unless the item reached the end of the list.
    const atEdge = (by === -1 && j === 0) || (by === 1 && j === next.length - 1)
    pendingFocus.current = `m-agenda-${key}-${atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`
    setAgenda(next)
  }

  async function save() {
    if (saving) return
    form.setSubmitted(true)
    if (!form.parsed.success) {
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    try {
      const input = form.parsed.data
      const saved = id ? await call('meeting:update', { ...input, id }) : await call('meeting:create', input)
      form.setBaseline(values)
      toasts.push({ message: t('meeting.saved', { title: saved.title }), tone: 'success' })
      leave(saved.id)
    } catch (e) {
      form.setServer(serverErrors(e))
      if (e instanceof CallError) setServerPaths({ ...(e.shape.fields ?? {}), ...(e.shape.field ? { [e.shape.field]: e.shape.message } : {}) })
      focusFirstInvalid(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  const manyVillages = useMemo(() => new Set((posyandu ?? []).map((p) => p.villageCode)).size > 1, [posyandu])
  const posyanduOptions = useMemo(() => (posyandu ?? []).filter((p) => p.active || p.id === values.posyanduId), [posyandu, values.posyanduId])

  const title = id ? t('meeting.editTitle') : t('meeting.newTitle')
  const ready = opds && posyandu && (!id || original)
  const hasErrors = form.submitted && !form.parsed.success
  // An error on a nested row that no field shows (e.g. "Paling banyak 30 agenda.").
  const agendaListError = nested.agenda ?? null
  const text = (key: 'place' | 'chair' | 'minuteTaker' | 'invitationNumber' | 'title', c: object, extra: object = {}) => (
    <input {...c} {...extra} type="text" autoComplete="off" value={values[key]} onChange={(e) => set(key, e.target.value)} onBlur={() => touch(key)} />
  )

  return (
    <div className="page page-form meeting-page">
      <p className="back-link">
        <a href={id ? href(`rapat/${id}`) : href('rapat')}>← {id ? t('app.back') : t('meeting.backToList')}</a>
      </p>
      <PageHeading>{id && original ? `${title}: ${original.title}` : title}</PageHeading>
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && (
        <EditForm formRef={formRef} onSave={() => void save()} onCancel={cancel} shortcutsHint>

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
              <Field id="m-date" label={t('meeting.fieldDate')} help={t('date.help')} error={dateErr()}>
                {(c) => <DateInput {...c} value={values.date} onChange={(v) => set('date', v)} onBlur={() => touch('date')} />}
              </Field>
              <Field id="m-start" label={t('meeting.fieldStart')} help={t('meeting.timeHelp')} error={errorOf('startTime')} optional className="time-field">
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="09.00"
                    value={values.startTime}
                    onChange={(e) => set('startTime', e.target.value)}
                    onBlur={() => {
                      set('startTime', normaliseTime(values.startTime))
                      touch('startTime')
                    }}
                  />
                )}
              </Field>
              <Field id="m-end" label={t('meeting.fieldEnd')} help={t('meeting.timeHelp')} error={errorOf('endTime')} optional className="time-field">
                {(c) => (
                  <input
                    {...c}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="11.00"
                    value={values.endTime}
                    onChange={(e) => set('endTime', e.target.value)}
                    onBlur={() => {
                      set('endTime', normaliseTime(values.endTime))
                      touch('endTime')
                    }}
                  />
                )}
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

          <section className="card form-section" aria-labelledby="m-sec-agenda">
            <h2 id="m-sec-agenda" className="card-title">
              {t('meeting.sectionAgenda')}
            </h2>
            <p className="muted small">{t('meeting.agendaHelp')}</p>
            <ol className="agenda-editor">
              {values.agenda.map((a, i) => {
                const n = i + 1
                const base = `m-agenda-${a.key}`
                return (
                  <li key={a.key} className="agenda-item">
                    <div className="agenda-item-head">
                      <span className="agenda-number" aria-hidden="true">
                        {n}.
                      </span>
                      <Field id={`${base}-title`} label={t('meeting.agendaTitleN', { n })} error={nested[`agenda.${i}.title`] ?? null} className="grow">
                        {(c) => (
                          <input
                            {...c}
                            type="text"
                            autoComplete="off"
                            value={a.title}
                            onChange={(e) => updateAgenda(i, { title: e.target.value })}
                            onKeyDown={(e) => {
                              // Enter in a title goes on to its minutes instead of sending the form.
                              if (e.key === 'Enter' && !e.ctrlKey && !e.shiftKey) {
                                e.preventDefault()
                                document.getElementById(`${base}-minutes`)?.focus()
                              }
                            }}
                          />
                        )}
                      </Field>
                      <div className="agenda-item-actions">
                        <button id={`${base}-up`} type="button" className="btn btn-small" disabled={i === 0} onClick={() => moveAgenda(i, -1)} aria-label={t('meeting.agendaUp', { n })}>
                          ↑
                        </button>
                        <button
                          id={`${base}-down`}
                          type="button"
                          className="btn btn-small"
                          disabled={i === values.agenda.length - 1}
                          onClick={() => moveAgenda(i, 1)}
                          aria-label={t('meeting.agendaDown', { n })}
                        >
                          ↓
                        </button>
                        <button type="button" className="btn btn-small btn-danger-outline" onClick={() => removeAgenda(i)} aria-label={t('meeting.agendaRemove', { n })}>
                          {t('meeting.agendaRemoveShort')}
                        </button>
                      </div>
                    </div>
                    <Field id={`${base}-minutes`} label={t('meeting.agendaMinutesN', { n })} help={t('meeting.rte.help')} error={nested[`agenda.${i}.minutes`] ?? null}>
                      {(c) => <RichTextEditor {...c} name={t('meeting.agendaMinutesN', { n })} value={a.minutes} onChange={(v) => updateAgenda(i, { minutes: v })} rows={6} />}
                    </Field>
                  </li>
                )
              })}
            </ol>
            {agendaListError && (
              <p className="field-error" role="alert">
                {agendaListError}
              </p>
            )}
            <p>
              <button id="m-agenda-add" type="button" className="btn" onClick={addAgenda} disabled={values.agenda.length >= 30}>
                {t('meeting.agendaAdd')}
              </button>
            </p>
          </section>

          <section className="card form-section" aria-labelledby="m-sec-conclusions">
            <h2 id="m-sec-conclusions" className="card-title">
              {t('meeting.sectionConclusions')}
            </h2>
            <Field id="m-conclusions" label={t('meeting.fieldConclusions')} help={t('meeting.conclusionsHelp')} error={errorOf('conclusions')} optional>
              {(c) => <RichTextEditor {...c} name={t('meeting.fieldConclusions')} value={values.conclusions} onChange={(v) => set('conclusions', v)} onBlur={() => touch('conclusions')} rows={5} />}
            </Field>
          </section>

          <section className="card form-section" aria-labelledby="m-sec-attendance">
            <h2 id="m-sec-attendance" className="card-title">
              {t('meeting.sectionAttendance')}
            </h2>
            <AttendeeEditor id="m-att" rows={values.attendees} onChange={setAttendees} opds={opds} errors={nested} />
          </section>

          <FormFooter showFixErrors={hasErrors} formError={errorOf('_form')} saving={saving} onCancel={cancel} />
        </EditForm>
      )}
      {discardDialog}
    </div>
  )
}
