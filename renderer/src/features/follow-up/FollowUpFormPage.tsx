import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { followUpInput, type FollowUp, type MeetingRow, type Opd, type Posyandu } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useFormScreen } from '../../components/useFormScreen'
import { useOfficeToday } from '../../app/AppContext'
import { fromFollowUp, ISO, toFollowUpInput, type FollowUpFormValues } from './followUpFormValues'
import { FollowUpOriginSection } from './FollowUpOriginSection'
import { FollowUpTaskSection } from './FollowUpTaskSection'
import './follow-up.css'

export function FollowUpFormPage({ id, query }: { id: string | null; query: URLSearchParams }) {
  const { t } = useTranslation()
  const today = useOfficeToday()
  // Opened from a meeting ("Catat tindak lanjut" there): the meeting is preset and saving returns to it.
  const fromMeeting = id ? null : query.get('rapat')
  // Opened from a damaged item on a Posyandu page (issue 18): its Posyandu, OPD and description preset.
  const preset = id || fromMeeting ? null : { posyanduId: query.get('posyandu') ?? '', opdId: query.get('opd') ?? '', description: query.get('uraian') ?? '' }
  const [opds, setOpds] = useState<Opd[] | null>(null)
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [meetings, setMeetings] = useState<MeetingRow[] | null>(null)
  const [original, setOriginal] = useState<FollowUp | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const empty: FollowUpFormValues = {
    source: fromMeeting ? 'rapat' : 'aduan',
    meetingId: fromMeeting ?? '',
    date: today,
    posyanduId: preset?.posyanduId ?? '',
    spmField: '',
    description: preset?.description ?? '',
    reporter: '',
    opdId: preset?.opdId ?? '',
    dueDate: '',
  }
  const form = useFormState<FollowUpFormValues, typeof followUpInput>(empty, followUpInput, toFollowUpInput)
  const { values } = form

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

  // Rules the contract cannot see alone (a chosen meeting for a decision, a deadline not before the day raised).
  const meetingMissing = values.source === 'rapat' && !values.meetingId
  const dueBeforeDate = ISO.test(values.date) && ISO.test(values.dueDate) && values.dueDate < values.date

  const toRecord = (recordId: string | null) => {
    if (fromMeeting) navigate(`rapat/${fromMeeting}`)
    else if (recordId) navigate(`tindak-lanjut/${recordId}`)
    else navigate('tindak-lanjut')
  }
  const screen = useFormScreen(form, {
    send: (input) => (id ? call('followUp:update', { ...input, id }) : call('followUp:create', input)),
    toast: () => ({ message: t('followUp.saved'), tone: 'success' }),
    afterSave: (saved) => toRecord(saved.id),
    leave: () => toRecord(id),
    invalid: meetingMissing || dueBeforeDate,
  })
  const meetingError = form.errorOf('meetingId') ?? (meetingMissing && form.submitted ? t('followUp.meetingRequired') : null)
  const dueError = screen.dateError('dueDate') ?? (dueBeforeDate ? t('followUp.dueBeforeDate') : null)

  const title = id ? t('followUp.editTitle') : t('followUp.newTitle')
  const ready = opds && posyandu && meetings && (!id || original)
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
        <EditForm {...screen.editFormProps} shortcutsHint>
          <FollowUpOriginSection form={form} dateError={screen.dateError} meetingError={meetingError} meetings={meetings} posyandu={posyandu} />
          <FollowUpTaskSection form={form} dueError={dueError} opds={opds} />
          <FormFooter {...screen.footerProps} />
        </EditForm>
      )}
      {screen.dialog}
    </div>
  )
}
