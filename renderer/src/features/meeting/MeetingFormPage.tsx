import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { meetingInput, type Meeting, type Opd, type Posyandu } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { useApp, useOfficeToday } from '../../app/AppContext'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useFormScreen } from '../../components/useFormScreen'
import { AgendaEditor } from './AgendaEditor'
import { AttendeeEditor, type AttendeeRow } from './AttendeeEditor'
import { defaultMeetingLevel } from './meetingFormat'
import { blankValues, fromMeeting, pathErrors, toMeetingInput, toRowPaths, type AgendaRow, type MeetingFormValues } from './meetingFormValues'
import { MeetingEventSection } from './MeetingEventSection'
import { RichTextEditor } from './RichTextEditor'
import './meeting.css'

export function MeetingFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const today = useOfficeToday()
  const [opds, setOpds] = useState<Opd[] | null>(null)
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [original, setOriginal] = useState<Meeting | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  // The core's refusals by full path, as sent; the rows on screen are worked out when shown.
  const [serverPaths, setServerPaths] = useState<Record<string, string>>({})
  const form = useFormState<MeetingFormValues, typeof meetingInput>(blankValues(defaultMeetingLevel(site.level), today), meetingInput, toMeetingInput)
  const { values, set, touch, errorOf } = form

  useEffect(() => {
    let live = true
    Promise.all([call('opd:list', { includeInactive: false }), call('posyandu:list', { includeInactive: true }), id ? call('meeting:get', { id }) : Promise.resolve(null)]).then(
      ([os, ps, m]) => {
        if (!live) return
        setOpds(os)
        setPosyandu(ps)
        setOriginal(m)
        form.reset(m ? fromMeeting(m) : blankValues(defaultMeetingLevel(site.level), today))
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const nested = useMemo(() => {
    const client = form.submitted && !form.parsed.success ? pathErrors(form.parsed.error.issues) : {}
    return toRowPaths({ ...client, ...serverPaths }, values)
  }, [form.submitted, form.parsed, serverPaths, values])

  const screen = useFormScreen(form, {
    send: (input) => (id ? call('meeting:update', { ...input, id }) : call('meeting:create', input)),
    toast: (saved) => ({ message: t('meeting.saved', { title: saved.title }), tone: 'success' }),
    afterSave: (saved) => navigate(`rapat/${saved.id}`),
    leave: () => navigate(id ? `rapat/${id}` : 'rapat'),
    refused: (e, errors) => {
      if (e instanceof CallError) setServerPaths({ ...(e.shape.fields ?? {}), ...(e.shape.field ? { [e.shape.field]: e.shape.message } : {}) })
      return errors
    },
  })

  function setAgenda(next: AgendaRow[]) {
    setServerPaths((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('agenda'))))
    set('agenda', next)
  }
  function setAttendees(next: AttendeeRow[]) {
    setServerPaths((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('attendees'))))
    set('attendees', next)
  }

  const title = id ? t('meeting.editTitle') : t('meeting.newTitle')
  const ready = opds && posyandu && (!id || original)

  return (
    <div className="page page-form meeting-page">
      <p className="back-link">
        <a href={id ? href(`rapat/${id}`) : href('rapat')}>← {id ? t('app.back') : t('meeting.backToList')}</a>
      </p>
      <PageHeading>{id && original ? `${title}: ${original.title}` : title}</PageHeading>
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && (
        <EditForm {...screen.editFormProps} shortcutsHint>
          <MeetingEventSection form={form} dateError={screen.dateError} posyandu={posyandu} />

          <section className="card form-section" aria-labelledby="m-sec-agenda">
            <h2 id="m-sec-agenda" className="card-title">
              {t('meeting.sectionAgenda')}
            </h2>
            <AgendaEditor rows={values.agenda} onChange={setAgenda} errors={nested} />
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

          <FormFooter {...screen.footerProps} />
        </EditForm>
      )}
      {screen.dialog}
    </div>
  )
}
