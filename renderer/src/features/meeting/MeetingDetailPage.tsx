import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '@shared/domain/phone'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DetailItem } from '../../components/DetailItem'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { Riwayat } from '../../components/Riwayat'
import { PrintButton } from '../../components/PrintButton'
import { SpmChips } from '../../components/SpmChips'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { AttachmentList } from './AttachmentList'
import { formatDayDate, formatTimeRange } from './meetingFormat'
import { useOfficeZone } from '../../app/AppContext'
import { RichText } from './RichText'
import './meeting.css'

export function MeetingDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const zone = useOfficeZone()
  const toasts = useToasts()
  const meeting = useCall('meeting:get', { id }, [id])
  const [confirmArchive, setConfirmArchive] = useState(false)
  const [busy, setBusy] = useState(false)
  const m = meeting.data
  const none = t('app.none')

  async function archive() {
    if (!m) return
    setConfirmArchive(false)
    setBusy(true)
    try {
      await call('meeting:archive', { id: m.id })
      toasts.push({ message: t('meeting.archived', { title: m.title }), tone: 'success' })
      navigate('rapat')
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      setBusy(false)
    }
  }

  const present = m ? m.attendees.filter((a) => a.present).length : 0

  return (
    <div className="page meeting-page">
      <p className="back-link">
        <a href={href('rapat')}>← {t('meeting.backToList')}</a>
      </p>
      <div className="page-head">
        <PageHeading>{m ? m.title : t('meeting.detailTitle')}</PageHeading>
        {m && (
          <div className="page-actions meeting-actions">
            <a className="btn" href={href(`rapat/${m.id}/ubah`)}>
              {t('meeting.edit')}
            </a>
            <PrintButton request={{ kind: 'notulen', meetingId: m.id }} label={t('meeting.printMinutes')} />
            <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmArchive(true)} disabled={busy}>
              {t('meeting.archive')}
            </button>
          </div>
        )}
      </div>
      {meeting.status === 'error' && <ErrorBox message={meeting.error} onRetry={meeting.reload} />}
      {!m && meeting.status === 'loading' && <Loading />}
      {m && (
        <>
          <section className="card letterhead" aria-labelledby="md-sec-summary">
            <p className="letterhead-org">{t(`meeting.level.${m.level}`)}</p>
            <h2 id="md-sec-summary" className="letterhead-kind">
              {t(`meeting.minutesOfKind.${m.kind}`)}
            </h2>
            <dl className="dl letterhead-dl">
              <DetailItem label={t('meeting.dayDate')}>{formatDayDate(m.date)}</DetailItem>
              <DetailItem label={t('meeting.time')}>{formatTimeRange(m.startTime, m.endTime, zone.kode) ?? none}</DetailItem>
              <DetailItem label={t('meeting.fieldPlace')}>{m.place ?? none}</DetailItem>
              <DetailItem label={t('meeting.fieldChair')}>{m.chair ?? none}</DetailItem>
              <DetailItem label={t('meeting.fieldMinuteTaker')}>{m.minuteTaker ?? none}</DetailItem>
              <DetailItem label={t('meeting.fieldInvitation')}>{m.invitationNumber ?? none}</DetailItem>
              {m.posyanduName && <DetailItem label={t('meeting.posyanduVisited')}>{m.posyanduName}</DetailItem>}
              {m.spmFields.length > 0 && (
                <DetailItem label={t('meeting.fieldSpm')}>
                  <SpmChips fields={m.spmFields} />
                </DetailItem>
              )}
              <DetailItem label={t('meeting.lastChanged')}>{formatDateTime(m.updatedAt)}</DetailItem>
            </dl>
          </section>

          <section className="card" aria-labelledby="md-sec-agenda">
            <h2 id="md-sec-agenda" className="card-title">
              {t('meeting.sectionAgenda')}
            </h2>
            {m.agenda.length === 0 ? (
              <p className="muted">{t('meeting.noAgenda')}</p>
            ) : (
              <ol className="agenda-list" data-testid="agenda-list">
                {m.agenda.map((a, i) => (
                  <li key={i} className="agenda-entry">
                    <h3 className="agenda-entry-title">{a.title}</h3>
                    <RichText source={a.minutes} empty={t('meeting.noMinutes')} />
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="card" aria-labelledby="md-sec-conclusions">
            <h2 id="md-sec-conclusions" className="card-title">
              {t('meeting.sectionConclusions')}
            </h2>
            <RichText source={m.conclusions} empty={t('meeting.noConclusions')} />
          </section>

          <section className="card" aria-labelledby="md-sec-attendance">
            <h2 id="md-sec-attendance" className="card-title">
              {t('meeting.sectionAttendance')}
            </h2>
            <p className="attendee-count" data-testid="attendance-summary">
              {t('meeting.attendance.count', { count: m.attendees.length, n: formatNumber(m.attendees.length) })}
              {m.attendees.length > 0 &&
                ` · ${t('meeting.attendance.presentCount', { present: formatNumber(present), absent: formatNumber(m.attendees.length - present) })}`}
            </p>
            {m.attendees.length > 0 && (
              <div className="table-wrap">
                <table className="table" aria-label={t('meeting.attendance.tableLabel')}>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('meeting.attendance.colNo')}
                      </th>
                      <th scope="col">{t('meeting.attendance.colName')}</th>
                      <th scope="col">{t('meeting.attendance.colPosition')}</th>
                      <th scope="col">{t('meeting.attendance.colInstitution')}</th>
                      <th scope="col">{t('meeting.attendance.colPhone')}</th>
                      <th scope="col">{t('meeting.attendance.colPresence')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.attendees.map((a, i) => (
                      <tr key={i} className={a.present ? undefined : 'row-absent'}>
                        <td className="num">{i + 1}</td>
                        <th scope="row">{a.name}</th>
                        <td>{a.position ?? none}</td>
                        <td>{a.institution ?? none}</td>
                        <td className="nowrap">{a.phone ? formatPhone(a.phone) : none}</td>
                        <td>
                          {a.present ? (
                            <span className="badge badge-aktif">{t('meeting.attendance.present')}</span>
                          ) : (
                            <span className="badge badge-nonaktif">{t('meeting.attendance.absent')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="card" aria-labelledby="md-sec-attachments">
            <h2 id="md-sec-attachments" className="card-title">
              {t('meeting.sectionAttachments')}
            </h2>
            <AttachmentList meetingId={m.id} attachments={m.attachments} onChanged={meeting.reload} />
          </section>

          <section className="card" aria-labelledby="md-sec-followups">
            <div className="card-head">
              <h2 id="md-sec-followups" className="card-title">
                {t('meeting.sectionFollowUps')}
              </h2>
              <a className="btn btn-primary" href={href('tindak-lanjut/baru', { rapat: m.id })}>
                {t('meeting.addFollowUp')}
              </a>
            </div>
            {m.followUps.length === 0 ? (
              <p className="muted">{t('meeting.noFollowUps')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table" aria-label={t('meeting.followUpsLabel')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('meeting.fu.description')}</th>
                      <th scope="col">{t('meeting.fu.opd')}</th>
                      <th scope="col">{t('meeting.fu.due')}</th>
                      <th scope="col">{t('meeting.fu.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.followUps.map((f) => (
                      <tr key={f.id} className={f.overdue ? 'row-overdue' : undefined}>
                        <th scope="row" className="wrap-wide">
                          <a href={href(`tindak-lanjut/${f.id}`)}>{f.description}</a>
                        </th>
                        <td>{f.opdName}</td>
                        <td className="nowrap">{formatDate(f.dueDate)}</td>
                        <td>
                          {t(`followUp.status.${f.status}`)}
                          {f.overdue && (
                            <>
                              {' '}
                              <span className="badge badge-overdue">{t('meeting.fu.overdueDays', { count: f.daysOverdue })}</span>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <Riwayat kind="meeting" id={m.id} name={m.title} changedAt={m.updatedAt} />
        </>
      )}
      <ConfirmDialog
        open={confirmArchive}
        title={t('meeting.archiveTitle')}
        confirmLabel={t('meeting.archiveYes')}
        cancelLabel={t('meeting.archiveNo')}
        danger
        onConfirm={() => void archive()}
        onCancel={() => setConfirmArchive(false)}
      >
        <p>{t('meeting.archiveBody', { title: m?.title ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
