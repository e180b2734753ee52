import { useTranslation } from 'react-i18next'
import { followUpProgressInput, type FollowUp } from '@shared/contract'
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@shared/domain/meeting'
import { call } from '../../api/client'
import { href } from '../../app/router'
import { DateInput } from '../../components/DateInput'
import { EditForm } from '../../components/EditForm'
import { DetailItem } from '../../components/DetailItem'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { Riwayat } from '../../components/Riwayat'
import { useCall } from '../../components/useCall'
import { useFormScreen } from '../../components/useFormScreen'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { useOfficeToday } from '../../app/AppContext'
import { SpmName } from '../../components/SpmName'
import { AttachmentList } from '../meeting/AttachmentList'
import { DueDate, StatusBadge } from './badges'
import './follow-up.css'

interface ProgressValues extends Record<string, unknown> {
  date: string
  status: FollowUpStatus
  note: string
  closingEvidence: string
}

/** The next step people usually take: a new one gets worked on; otherwise the status stays. */
function nextDefaults(f: FollowUp, today: string): ProgressValues {
  return { date: today, status: f.status === 'baru' ? 'diproses' : f.status, note: '', closingEvidence: f.closingEvidence ?? '' }
}

function shortTitle(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > 90 ? `${one.slice(0, 88)}…` : one
}

export function FollowUpDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const today = useOfficeToday()
  const fu = useCall('followUp:get', { id }, [id])
  const f = fu.data
  const none = t('app.none')

  return (
    <div className="page fu-page">
      <p className="back-link">
        <a href={href('tindak-lanjut')}>← {t('followUp.backToList')}</a>
      </p>
      <div className="page-head">
        <PageHeading>{f ? shortTitle(f.description) : t('followUp.detailTitle')}</PageHeading>
        {f && (
          <div className="page-actions">
            <a className="btn" href={href(`tindak-lanjut/${f.id}/ubah`)}>
              {t('followUp.edit')}
            </a>
          </div>
        )}
      </div>
      {fu.status === 'error' && <ErrorBox message={fu.error} onRetry={fu.reload} />}
      {!f && fu.status === 'loading' && <Loading />}
      {f && (
        <>
          {f.overdue && (
            <div className="fu-overdue-banner" data-testid="overdue-banner">
              <p className="fu-overdue-banner-title">
                <span aria-hidden="true">⚠ </span>
                {t('followUp.overdueBanner', { n: formatNumber(f.daysOverdue), date: formatDate(f.dueDate) })}
              </p>
              <p>{t('followUp.overdueBannerHelp', { opd: f.opdName })}</p>
            </div>
          )}
          <section className="card" aria-labelledby="fu-sec-details">
            <h2 id="fu-sec-details" className="card-title">
              {t('followUp.sectionDetails')}
            </h2>
            <dl className="dl fu-dl">
              <DetailItem label={t('followUp.colStatus')}>
                <StatusBadge status={f.status} />
                {f.closedDate && <span className="muted"> {t('followUp.closedOn', { date: formatDate(f.closedDate) })}</span>}
              </DetailItem>
              <DetailItem label={t('followUp.fieldDescription')}>
                <span className="pre">{f.description}</span>
              </DetailItem>
              <DetailItem label={t('followUp.fieldOpd')}>{f.opdName}</DetailItem>
              <DetailItem label={t('followUp.fieldDue')}>
                <DueDate row={f} today={today} />
              </DetailItem>
              <DetailItem label={t('followUp.fieldSource')}>
                {t(`followUp.sourceLong.${f.source}`)}
                {f.meetingId && (
                  <>
                    {': '}
                    <a href={href(`rapat/${f.meetingId}`)}>{f.meetingTitle ?? t('followUp.fieldMeeting')}</a>
                  </>
                )}
              </DetailItem>
              <DetailItem label={t('followUp.fieldDate')}>{formatDate(f.date)}</DetailItem>
              <DetailItem label={t('followUp.fieldPosyandu')}>{f.posyanduName ?? none}</DetailItem>
              <DetailItem label={t('followUp.fieldSpm')}>{f.spmField ? <SpmName field={f.spmField} /> : none}</DetailItem>
              <DetailItem label={t('followUp.fieldReporter')}>{f.reporter ?? none}</DetailItem>
              {f.closingEvidence && (
                <DetailItem label={t('followUp.closingEvidence')}>
                  <span className="pre">{f.closingEvidence}</span>
                </DetailItem>
              )}
              <DetailItem label={t('followUp.lastChanged')}>{formatDateTime(f.updatedAt)}</DetailItem>
            </dl>
          </section>

          <section className="card" aria-labelledby="fu-sec-evidence">
            <h2 id="fu-sec-evidence" className="card-title">
              {t('followUp.sectionEvidenceFiles')}
            </h2>
            <p className="muted">{t('followUp.evidenceFilesIntro')}</p>
            <AttachmentList followUpId={f.id} attachments={f.attachments} onChanged={fu.reload} />
          </section>

          <section className="card" aria-labelledby="fu-sec-progress">
            <h2 id="fu-sec-progress" className="card-title">
              {t('followUp.sectionProgress')}
            </h2>
            <Timeline f={f} />
          </section>

          <ProgressForm key={f.updatedAt} f={f} onSaved={fu.reload} />
          <Riwayat kind="follow_up" id={f.id} name={shortTitle(f.description)} changedAt={f.updatedAt} />
        </>
      )}
    </div>
  )
}

function Timeline({ f }: { f: FollowUp }) {
  const { t } = useTranslation()
  const items = [...f.progress].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))
  return (
    <ol className="fu-timeline" aria-label={t('followUp.progressLabel')}>
      {items.map((p) => (
        <li key={p.id} className="fu-timeline-item">
          <span className="fu-timeline-date">{formatDate(p.date)}</span>
          <div className="fu-timeline-body">
            <span className="fu-timeline-head">
              <StatusBadge status={p.status} />
            </span>
            {p.note && <p className="pre">{p.note}</p>}
            <span className="muted small">{t('followUp.recorded', { date: formatDateTime(p.recordedAt) })}</span>
          </div>
        </li>
      ))}
      {items.length === 0 && <li className="muted fu-timeline-empty">{t('followUp.noProgress')}</li>}
    </ol>
  )
}

function ProgressForm({ f, onSaved }: { f: FollowUp; onSaved: () => void }) {
  const { t } = useTranslation()
  const today = useOfficeToday()
  const form = useFormState<ProgressValues, typeof followUpProgressInput>(nextDefaults(f, today), followUpProgressInput, (v) => ({ ...v, id: f.id }))
  const { values, set, touch, errorOf } = form
  // The closing rules (selesai needs evidence, tidak dapat a reason, an unchanged status a note)
  // are the core's: its refusal lands on the field it names, in its own words.
  const screen = useFormScreen(form, {
    send: (input) => call('followUp:progress', input),
    toast: () => ({ message: t('followUp.progressSaved'), tone: 'success' }),
    afterSave: () => onSaved(),
    // Nothing to go back to: the form is part of the page, and Esc is left to the page.
    leave: () => undefined,
  })
  const { saving } = screen

  const closing = values.status === 'selesai'
  const refused = Object.keys(form.server).some((k) => k !== '_form')
  const hasErrors = screen.showFixErrors || (form.submitted && refused)

  return (
    <section className="card" aria-labelledby="fu-sec-new-progress">
      <h2 id="fu-sec-new-progress" className="card-title">
        {t('followUp.sectionNewProgress')}
      </h2>
      <EditForm formRef={screen.formRef} className="form fu-progress-form" onSave={() => void screen.save()}>
        <div className="form-row">
          <Field id="fp-date" label={t('followUp.fieldProgressDate')} help={t('date.help')} error={screen.dateError('date')}>
            {(c) => <DateInput {...c} value={values.date} onChange={(v) => set('date', v)} onBlur={() => touch('date')} />}
          </Field>
          <Field id="fp-status" label={t('followUp.fieldNewStatus')} error={errorOf('status')}>
            {(c) => (
              <select {...c} value={values.status} onChange={(e) => set('status', e.target.value as FollowUpStatus)} onBlur={() => touch('status')}>
                {FOLLOW_UP_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`followUp.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          id="fp-note"
          label={values.status === 'tidak_dapat' ? t('followUp.fieldReason') : t('followUp.fieldNote')}
          help={values.status === 'tidak_dapat' ? t('followUp.reasonHelp') : t('followUp.noteHelp')}
          error={errorOf('note')}
          optional={values.status !== 'tidak_dapat'}
        >
          {(c) => <textarea {...c} rows={3} value={values.note} onChange={(e) => set('note', e.target.value)} onBlur={() => touch('note')} />}
        </Field>
        {closing && (
          <Field
            id="fp-evidence"
            label={t('followUp.fieldEvidence')}
            help={f.attachments.length > 0 ? t('followUp.evidenceHelpFiles', { count: f.attachments.length }) : `${t('followUp.evidenceHelp')} ${t('followUp.evidenceOrFiles')}`}
            error={errorOf('closingEvidence')}
            optional={f.attachments.length > 0}
          >
            {(c) => (
              <textarea
                {...c}
                rows={3}
                value={values.closingEvidence}
                onChange={(e) => set('closingEvidence', e.target.value)}
                onBlur={() => touch('closingEvidence')}
              />
            )}
          </Field>
        )}
        {hasErrors && (
          <p className="field-error form-summary" role="alert">
            {t('app.fixErrors')}
          </p>
        )}
        {errorOf('_form') && <ErrorBox message={errorOf('_form')!} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+S">
            {t('followUp.saveProgress')}
          </button>
          {saving && <Loading label={t('app.saving')} inline />}
        </div>
      </EditForm>
      {screen.dialog}
    </section>
  )
}
