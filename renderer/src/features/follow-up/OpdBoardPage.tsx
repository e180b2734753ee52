import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { OpdBoardRow } from '@shared/contract'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { ExportButton } from '../../components/ExportButton'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { MeetingTabs } from '../meeting/MeetingTabs'
import './follow-up.css'

/** Most overdue first, then most open: the offices to chase are at the top. */
function byBurden(a: OpdBoardRow, b: OpdBoardRow): number {
  return b.overdue - a.overdue || b.open - a.open || b.closed - a.closed || a.opdName.localeCompare(b.opdName, 'id')
}

function listLink(opdId: string, status: 'open' | 'overdue' | 'closed') {
  return href('tindak-lanjut', { status, opd: opdId })
}

export function OpdBoardPage(_props: Record<string, never>) {
  const { t } = useTranslation()
  const board = useCall('followUp:board', {})
  const all = useMemo(() => (board.data ? [...board.data].sort(byBurden) : null), [board.data])
  // The default list names fifteen offices; the ones nobody has asked anything of yet only add noise.
  const rows = all?.filter((r) => r.open + r.closed > 0) ?? null
  const hidden = all && rows ? all.length - rows.length : 0
  const totals = (rows ?? []).reduce((s, r) => ({ open: s.open + r.open, overdue: s.overdue + r.overdue, closed: s.closed + r.closed }), {
    open: 0,
    overdue: 0,
    closed: 0,
  })

  return (
    <div className="page fu-page">
      <MeetingTabs current="papan" />
      <div className="page-head">
        <PageHeading>{t('followUp.boardTitle')}</PageHeading>
        <ExportButton what="tindak-lanjut" />
      </div>
      <p className="lead">{t('followUp.boardIntro')}</p>
      {board.status === 'error' && <ErrorBox message={board.error} onRetry={board.reload} />}
      {!rows && board.status === 'loading' && <Loading />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          <p>{t('followUp.boardEmpty')}</p>
          <a className="btn btn-primary" href={href('tindak-lanjut/baru')}>
            {t('followUp.add')}
          </a>
        </div>
      )}
      {rows && rows.length > 0 && (
        <>
          <div className="table-wrap card">
            <table className="table fu-board" aria-label={t('followUp.boardLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('followUp.colOpd')}</th>
                  <th scope="col" className="num">
                    {t('followUp.colOpen')}
                  </th>
                  <th scope="col" className="num">
                    {t('followUp.colOverdue')}
                  </th>
                  <th scope="col" className="num">
                    {t('followUp.colClosed')}
                  </th>
                  <th scope="col" className="num">
                    {t('followUp.colMedian')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.opdId} className={r.overdue > 0 ? 'fu-row-overdue' : undefined}>
                    <th scope="row">{r.opdName}</th>
                    <td className="num">
                      <a href={listLink(r.opdId, 'open')} aria-label={t('followUp.linkOpen', { n: formatNumber(r.open), opd: r.opdName })}>
                        {formatNumber(r.open)}
                      </a>
                    </td>
                    <td className="num">
                      <a
                        href={listLink(r.opdId, 'overdue')}
                        className={r.overdue > 0 ? 'fu-late-text' : undefined}
                        aria-label={t('followUp.linkOverdue', { n: formatNumber(r.overdue), opd: r.opdName })}
                      >
                        {r.overdue > 0 && <span aria-hidden="true">⚠ </span>}
                        {formatNumber(r.overdue)}
                      </a>
                    </td>
                    <td className="num">
                      <a href={listLink(r.opdId, 'closed')} aria-label={t('followUp.linkClosed', { n: formatNumber(r.closed), opd: r.opdName })}>
                        {formatNumber(r.closed)}
                      </a>
                    </td>
                    <td className="num">{r.medianDaysToClose === null ? t('app.none') : t('followUp.medianDays', { n: formatNumber(r.medianDaysToClose) })}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('followUp.total')}</th>
                  <td className="num">
                    <a href={href('tindak-lanjut', { status: 'open' })}>{formatNumber(totals.open)}</a>
                  </td>
                  <td className="num">
                    <a href={href('tindak-lanjut', { status: 'overdue' })}>{formatNumber(totals.overdue)}</a>
                  </td>
                  <td className="num">
                    <a href={href('tindak-lanjut', { status: 'closed' })}>{formatNumber(totals.closed)}</a>
                  </td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          {hidden > 0 && <p className="muted small">{t('followUp.hideEmpty', { n: formatNumber(hidden) })}</p>}
          <section className="card">
            <OpenChart rows={rows.filter((r) => r.open > 0)} />
          </section>
        </>
      )}
    </div>
  )
}

/**
 * Open follow-ups per OPD as one bar each, the overdue part first in red with a hatch (so it is
 * told apart without colour), the rest after it. Like components/BarChart: labels and numbers
 * are text in a list, the bars only repeat them.
 */
function OpenChart({ rows }: { rows: OpdBoardRow[] }) {
  const { t } = useTranslation()
  const titleId = useId()
  const patternId = useId().replace(/:/g, '')
  const max = Math.max(1, ...rows.map((r) => r.open))
  if (rows.length === 0) return null
  return (
    <figure className="bar-chart fu-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="bar-chart-title">
        {t('followUp.chartTitle')}
      </figcaption>
      <p className="fu-legend" aria-hidden="true">
        <span className="fu-legend-item">
          <svg width="18" height="14">
            <rect width="18" height="14" rx="3" className="fu-bar-late" fill={`url(#${patternId})`} />
          </svg>
          {t('followUp.chartLegendOverdue')}
        </span>
        <span className="fu-legend-item">
          <svg width="18" height="14">
            <rect width="18" height="14" rx="3" className="fu-bar-ok" />
          </svg>
          {t('followUp.chartLegendOnTime')}
        </span>
      </p>
      <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#b42318" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" strokeOpacity="0.45" />
          </pattern>
        </defs>
      </svg>
      <ul className="bar-list">
        {rows.map((r) => {
          const late = (r.overdue / max) * 100
          const ok = (Math.max(0, r.open - r.overdue) / max) * 100
          return (
            <li key={r.opdId} className="bar-row fu-bar-row">
              <span className="bar-label">{r.opdName}</span>
              <svg className="bar-svg" width="100%" height="22" aria-hidden="true" focusable="false">
                <rect className="bar-track" x="0" y="2" width="100%" height="18" rx="4" />
                {r.overdue > 0 && <rect className="fu-bar-late" x="0" y="2" width={`${late}%`} height="18" fill={`url(#${patternId})`} />}
                {ok > 0 && <rect className="fu-bar-ok" x={`${late}%`} y="2" width={`${ok}%`} height="18" />}
              </svg>
              <span className="fu-bar-value">{t('followUp.chartRow', { open: formatNumber(r.open), overdue: formatNumber(r.overdue) })}</span>
            </li>
          )
        })}
      </ul>
    </figure>
  )
}
