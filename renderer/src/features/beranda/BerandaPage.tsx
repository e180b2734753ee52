import { useTranslation } from 'react-i18next'
import { KADER_STATUSES, SPM_FIELDS } from '@shared/domain/reference'
import { useApp } from '../../app/AppContext'
import { href } from '../../app/router'
import { BarChart } from '../../components/BarChart'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { GabungChecklist } from './GabungChecklist'

export function BerandaPage() {
  const { t } = useTranslation()
  const { settings } = useApp()
  const summary = useCall('beranda:summary', {})
  const followUps = useCall('beranda:followUps', {})
  const s = summary.data

  return (
    <div className="page">
      <PageHeading>{t('beranda.title')}</PageHeading>
      <GabungChecklist />
      {summary.status === 'error' && <ErrorBox message={summary.error} onRetry={summary.reload} />}
      {!s && summary.status === 'loading' && <Loading />}
      {s && (
        <>
          {s.posyandu.total === 0 && (
            <div className="card empty-card">
              <p>{t('beranda.empty')}</p>
              <a className="btn btn-primary" href={href('posyandu/baru')}>
                {t('beranda.addPosyandu')}
              </a>
            </div>
          )}
          <div className="stat-grid">
            <a className="stat card" href={href('posyandu')}>
              <span className="stat-label">{t('beranda.posyanduActive')}</span>
              <span className="stat-value">{formatNumber(s.posyandu.active)}</span>
              <span className="stat-sub">{t('beranda.posyanduOf', { total: formatNumber(s.posyandu.total) })}</span>
            </a>
            <a className="stat card" href={href('kader', { status: 'aktif' })}>
              <span className="stat-label">{t('beranda.kaderActive')}</span>
              <span className="stat-value">{formatNumber(s.kader.byStatus.aktif)}</span>
              <span className="stat-sub">{t('beranda.kaderOf', { total: formatNumber(s.kader.total) })}</span>
            </a>
            {followUps.data && (
              <a className={`stat card${followUps.data.overdue > 0 ? ' stat-alert' : ''}`} href={href('tindak-lanjut', { status: followUps.data.overdue > 0 ? 'overdue' : 'open' })}>
                <span className="stat-label">{t('beranda.followUpsOverdue')}</span>
                <span className="stat-value">{formatNumber(followUps.data.overdue)}</span>
                <span className="stat-sub">{t('beranda.followUpsOpen', { open: formatNumber(followUps.data.open) })}</span>
              </a>
            )}
            <div className="stat card">
              <span className="stat-label">{t('beranda.byStatus')}</span>
              <ul className="stat-list">
                {KADER_STATUSES.map((st) => (
                  <li key={st}>
                    <a href={href('kader', { status: st })}>
                      <span className={`badge badge-${st}`}>{t(`status.${st}`)}</span>
                      <span className="stat-list-value">{formatNumber(s.kader.byStatus[st])}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {/* The status counts are the card above (numbers that open the roster); the charts show what no card does. */}
          <div className="chart-grid">
            <section className="card">
              <BarChart
                title={t('beranda.chartSpmTitle')}
                bars={SPM_FIELDS.map((f) => ({ key: f, label: t(`spm.${f}`), value: s.kader.bySpmField[f] }))}
              />
            </section>
            <section className="card">
              <BarChart
                title={t('beranda.chartLevelTitle')}
                bars={(['none', 'purwa', 'madya', 'utama'] as const).map((l) => ({
                  key: l,
                  label: t(`beranda.levelName.${l}`),
                  value: s.kaderLevels[l],
                }))}
              />
              <p>
                <a href={href('kompetensi')}>{t('beranda.openMatrix')}</a>
              </p>
            </section>
          </div>
          <section className="card" aria-labelledby="below-min-title">
            <h2 id="below-min-title" className="card-title">
              {t('beranda.belowMinTitle')}
            </h2>
            <p className="muted">{t('beranda.belowMinIntro', { min: settings.minKaderPerPosyandu })}</p>
            {s.posyanduBelowMinimum.length === 0 ? (
              <p className="ok-note">{t('beranda.belowMinNone')}</p>
            ) : (
              <ul className="below-min">
                {s.posyanduBelowMinimum.map((p) => (
                  <li key={p.id}>
                    <span className="below-min-name">{p.name}</span>
                    <span className="badge badge-warning">{t('beranda.belowMinItem', { count: p.activeKaderCount })}</span>
                    <a href={href('kader', { posyandu: p.id })} aria-label={t('posyandu.kaderLink', { name: p.name })}>
                      {t('beranda.openRoster')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  )
}
