import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { maskNik } from '@shared/domain/nik'
import { formatPhone } from '@shared/domain/phone'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { DetailItem } from '../../components/DetailItem'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { Riwayat } from '../../components/Riwayat'
import { SpmChips } from '../../components/SpmChips'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { ageOn, formatDate, formatDateTime } from '../../i18n/format'
import { KaderCompetencySection } from '../competency/KaderCompetencySection'
import { InsentifSection } from '../insentif/InsentifSection'
import { invalidateKaderPages } from './kaderPages'


export function KaderDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const kader = useCall('kader:get', { id }, [id])
  const [showNik, setShowNik] = useState(false)
  const [busy, setBusy] = useState(false)
  const k = kader.data
  const none = t('app.none')

  async function archive() {
    if (!k) return
    setBusy(true)
    try {
      await call('kader:archive', { id: k.id })
      invalidateKaderPages()
      navigate('kader')
      toasts.push({
        message: t('kader.archived', { name: k.name }),
        tone: 'success',
        duration: 10_000,
        action: {
          label: t('kader.undo'),
          run: async () => {
            try {
              await call('kader:restore', { id: k.id })
              invalidateKaderPages()
              toasts.push({ message: t('kader.restored', { name: k.name }), tone: 'success' })
            } catch (e) {
              toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
            }
          },
        },
      })
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      setBusy(false)
    }
  }

  async function restore() {
    if (!k) return
    setBusy(true)
    try {
      await call('kader:restore', { id: k.id })
      invalidateKaderPages()
      toasts.push({ message: t('kader.restored', { name: k.name }), tone: 'success' })
      kader.reload()
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      setBusy(false)
    }
  }

  const age = k ? ageOn(k.birthDate) : null
  const history = k ? [...k.statusHistory].sort((a, b) => (a.date === b.date ? b.recordedAt.localeCompare(a.recordedAt) : b.date.localeCompare(a.date))) : []

  return (
    <div className="page">
      <p className="back-link">
        <a href={href('kader')}>← {t('kader.backToList')}</a>
      </p>
      <div className="page-head">
        <PageHeading>{k ? k.name : t('kader.detailTitle')}</PageHeading>
        {k && (
          <div className="page-actions">
            {k.archived ? (
              <button type="button" className="btn btn-primary" onClick={() => void restore()} disabled={busy}>
                {t('kader.restore')}
              </button>
            ) : (
              <>
                <a className="btn btn-primary" href={href(`kader/${k.id}/ubah`)}>
                  {t('app.edit')}
                </a>
                <button type="button" className="btn btn-danger-outline" onClick={() => void archive()} disabled={busy}>
                  {t('kader.archive')}
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {kader.status === 'error' && <ErrorBox message={kader.error} onRetry={kader.reload} />}
      {!k && kader.status === 'loading' && <Loading />}
      {k && (
        <>
          {k.archived && <p className="notice">{t('kader.archivedNotice')}</p>}
          <div className="detail-grid">
            <section className="card" aria-labelledby="sec-identity">
              <h2 id="sec-identity" className="card-title">
                {t('kader.sectionIdentity')}
              </h2>
              <dl className="dl">
                <DetailItem label={t('kader.nik')}>
                  <span className="mono" data-testid="kader-nik">
                    {showNik ? k.nik : maskNik(k.nik)}
                  </span>{' '}
                  <button type="button" className="link-button" aria-pressed={showNik} onClick={() => setShowNik((s) => !s)}>
                    {showNik ? t('kader.hideNik') : t('kader.showNik')}
                  </button>
                </DetailItem>
                <DetailItem label={t('kader.sex')}>{t(`sex.${k.sex}`)}</DetailItem>
                <DetailItem label={t('kader.birth')}>
                  {[k.birthPlace, formatDate(k.birthDate)].filter(Boolean).join(', ')}
                  {age !== null && <span className="muted"> ({t('kader.ageYears', { age })})</span>}
                </DetailItem>
                <DetailItem label={t('kader.education')}>{k.education ? t(`education.${k.education}`) : none}</DetailItem>
              </dl>
            </section>
            <section className="card" aria-labelledby="sec-contact">
              <h2 id="sec-contact" className="card-title">
                {t('kader.sectionContact')}
              </h2>
              <dl className="dl">
                <DetailItem label={t('kader.phone')}>{k.phone ? formatPhone(k.phone) : none}</DetailItem>
                <DetailItem label={t('kader.address')}>{k.address ?? none}</DetailItem>
                <DetailItem label={t('kader.rtRw')}>{k.rt || k.rw ? `${k.rt ?? none}/${k.rw ?? none}` : none}</DetailItem>
              </dl>
            </section>
            <section className="card" aria-labelledby="sec-posyandu">
              <h2 id="sec-posyandu" className="card-title">
                {t('kader.sectionPosyandu')}
              </h2>
              <dl className="dl">
                <DetailItem label={t('kader.posyandu')}>{k.posyanduName}</DetailItem>
                <DetailItem label={t('kader.role')}>{t(`role.${k.role}`)}</DetailItem>
                <DetailItem label={t('kader.spm')}>
                  <SpmChips fields={k.spmFields} />
                </DetailItem>
                <DetailItem label={t('kader.sk')}>
                  {k.skNumber || k.skDate ? [k.skNumber, formatDate(k.skDate)].filter(Boolean).join(', ') : none}
                </DetailItem>
              </dl>
            </section>
            <section className="card" aria-labelledby="sec-status">
              <h2 id="sec-status" className="card-title">
                {t('kader.sectionStatus')}
              </h2>
              <dl className="dl">
                <DetailItem label={t('kader.status')}>
                  <span className={`badge badge-${k.status}`}>{t(`status.${k.status}`)}</span>{' '}
                  <span className="muted">
                    {t('kader.statusSince').toLowerCase()} {formatDate(k.statusDate)}
                  </span>
                </DetailItem>
                <DetailItem label={t('kader.notes')}>{k.notes ? <span className="pre">{k.notes}</span> : none}</DetailItem>
                <DetailItem label={t('kader.lastChanged')}>{formatDateTime(k.updatedAt)}</DetailItem>
              </dl>
              <h3 className="sub-title">{t('kader.history')}</h3>
              {history.length === 0 ? (
                <p className="muted">{t('kader.historyEmpty')}</p>
              ) : (
                <ol className="timeline" aria-label={t('kader.history')}>
                  {history.map((h) => (
                    <li key={h.id}>
                      <span className={`badge badge-${h.status}`}>{t(`status.${h.status}`)}</span>{' '}
                      <span>{t('kader.historySince', { date: formatDate(h.date) })}</span>
                      {h.note && <span className="timeline-note">{h.note}</span>}
                      <span className="timeline-meta">{t('kader.historyRecorded', { date: formatDateTime(h.recordedAt) })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
          <KaderCompetencySection kaderId={id} />
          <InsentifSection kaderId={k.id} kaderName={k.name} posyanduId={k.posyanduId} posyanduName={k.posyanduName} />
          <Riwayat kind="kader" id={k.id} name={k.name} changedAt={k.updatedAt} />
        </>
      )}
    </div>
  )
}
