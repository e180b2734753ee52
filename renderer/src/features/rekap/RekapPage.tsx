// The recap of this office's area: totals, four pictures (levels, kelompok lengkap, open
// follow-ups per OPD, how old each kelurahan's last paket is), the six SPM fields (a table for
// the whole area and a shaded table fields × the area's parts), the offices silent the longest
// under the one heard-from rule, and the table kecamatan → kelurahan → Posyandu. One call
// (rekap:get) gives everything.

import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rekap, RekapNode, RekapOffice } from '@shared/contract'
import { href } from '../../app/router'
import { BarChart } from '../../components/BarChart'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { ExportButton } from '../../components/ExportButton'
import { SaranaRekapSection } from '../sarana/SaranaRekapSection'
import { useCall } from '../../components/useCall'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { AgeBadge, ageBucket, type AgeBucket } from './rekapParts'
import { RekapTree, tkkPerKader } from './RekapTree'
import { SpmSection } from './SpmSection'
import './rekap.css'

const LEVEL_KEYS = ['none', 'purwa', 'madya', 'utama'] as const
const AGE_KEYS: AgeBucket[] = ['fresh', 'month', 'old', 'never']
/** Offices listed before "show all". */
const OFFICES_SHOWN = 10

function parseYear(raw: string | null): number | null {
  if (!raw || !/^\d{4}$/.test(raw)) return null
  const n = Number(raw)
  return n >= 2000 && n <= 2100 ? n : null
}

/** The kelurahan/desa of the recap, whatever the office's level (none at a kelurahan). */
function villagesOf(r: Rekap): RekapNode[] {
  if (r.scope.level === 'kota') return r.nodes.flatMap((n) => n.children)
  return r.nodes.filter((n) => n.kind === 'kelurahan')
}

export function RekapPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [year, setYear] = useState<number | null>(() => parseYear(query.get('tahun')))
  const rekap = useCall('rekap:get', { year }, [year])
  const r = rekap.data
  const thisYear = r ? Number(r.today.slice(0, 4)) : new Date().getFullYear()
  const shownYear = r?.year ?? year ?? thisYear
  const years = Array.from({ length: 7 }, (_, i) => thisYear - i)
  if (!years.includes(shownYear)) years.push(shownYear)

  const pickYear = (value: string) => {
    const y = parseYear(value)
    setYear(y)
    // The address keeps the year (a reload shows the same), without remounting the screen.
    window.history.replaceState(window.history.state, '', href('rekap', { tahun: y ? String(y) : null }))
  }

  return (
    <div className="page rk-page">
      <div className="page-head">
        <PageHeading>{t('rekap.title')}</PageHeading>
        <ExportButton what="rekap" year={shownYear} />
      </div>
      {r && <p className="lead">{t('rekap.intro', { area: r.scope.name, today: formatDate(r.today) })}</p>}
      <div className="toolbar rk-toolbar">
        <div className="field">
          <label htmlFor="rekap-year" className="field-label">
            {t('rekap.year')}
          </label>
          <select id="rekap-year" value={String(shownYear)} onChange={(e) => pickYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {rekap.status === 'loading' && r && <Loading inline />}
      </div>
      {rekap.status === 'error' && <ErrorBox message={rekap.error} onRetry={rekap.reload} />}
      {!r && rekap.status === 'loading' && <Loading />}
      {r && <RekapBody r={r} />}
    </div>
  )
}

function RekapBody({ r }: { r: Rekap }) {
  const { t } = useTranslation()
  const villages = villagesOf(r)
  const silent = villages.filter((v) => v.lastBundleAt === null).length
  const ages = Object.fromEntries(AGE_KEYS.map((k) => [k, 0])) as Record<AgeBucket, number>
  for (const v of villages) ages[ageBucket(v.ageDays)] += 1

  return (
    <>
      <div className="stat-grid rk-stats">
        <div className="stat card" data-stat="posyandu">
          <span className="stat-label">{t('rekap.posyandu')}</span>
          <span className="stat-value">{formatNumber(r.total.posyandu)}</span>
        </div>
        <div className="stat card" data-stat="kader">
          <span className="stat-label">{t('rekap.activeKader')}</span>
          <span className="stat-value">{formatNumber(r.total.activeKader)}</span>
          <span className="stat-sub">
            {t('rekap.kaderLevels', {
              purwa: formatNumber(r.total.levels.purwa),
              madya: formatNumber(r.total.levels.madya),
              utama: formatNumber(r.total.levels.utama),
            })}
          </span>
        </div>
        <div className="stat card" data-stat="tkk">
          <span className="stat-label">{t('rekap.tkkTitle')}</span>
          <span className="stat-value">{formatNumber(r.total.tkk)}</span>
          <span className="stat-sub">
            {t('rekap.tkkSub', { avg: tkkPerKader(r.total), none: formatNumber(r.total.activeKader - r.total.kaderWithTkk) })}
          </span>
        </div>
        <div className="stat card" data-stat="pelatihan">
          <span className="stat-label">{t('rekap.trainings', { year: r.year })}</span>
          <span className="stat-value">{formatNumber(r.total.trainings)}</span>
          <span className="stat-sub">{t('rekap.trainingsSub')}</span>
        </div>
        <div className="stat card" data-stat="rapat">
          <span className="stat-label">{t('rekap.meetings', { year: r.year })}</span>
          <span className="stat-value">{formatNumber(r.total.meetings)}</span>
          <span className="stat-sub">{t('rekap.meetingsSub')}</span>
        </div>
        <a
          className={`stat card${r.total.followUpsOverdue > 0 ? ' stat-alert' : ''}`}
          data-stat="tindak-lanjut"
          href={href('tindak-lanjut', { status: r.total.followUpsOverdue > 0 ? 'overdue' : 'open' })}
        >
          <span className="stat-label">{t('rekap.followUpsOverdue')}</span>
          <span className="stat-value">{formatNumber(r.total.followUpsOverdue)}</span>
          <span className="stat-sub">{t('rekap.followUpsOpen', { open: formatNumber(r.total.followUpsOpen) })}</span>
        </a>
        {villages.length > 0 && (
          <div className={`stat card${silent > 0 ? ' stat-alert' : ''}`} data-stat="diam">
            <span className="stat-label">{t('rekap.silentVillages')}</span>
            <span className="stat-value">{formatNumber(silent)}</span>
            <span className="stat-sub">{t('rekap.silentVillagesSub', { total: formatNumber(villages.length) })}</span>
          </div>
        )}
      </div>

      <div className="rk-charts">
        <section className="card">
          <BarChart
            title={t('rekap.chartLevels')}
            bars={LEVEL_KEYS.map((l) => ({ key: l, label: t(`rekap.levelName.${l}`), value: r.total.levels[l] }))}
          />
        </section>
        <section className="card">
          <BarChart
            title={t('rekap.chartGroups')}
            bars={r.groupNames.map((g, i) => ({
              key: `group-${g.code}`,
              label: t('rekap.groupLabel', { code: g.code, name: g.name }),
              value: r.total.groups[i]?.complete ?? 0,
            }))}
          />
          <p className="muted small">{t('rekap.tkkNote')}</p>
        </section>
        <section className="card">
          <OpdChart rows={r.followUpsPerOpd} />
        </section>
        {villages.length > 0 && (
          <section className="card rk-age-chart">
            <BarChart title={t('rekap.chartAge')} bars={AGE_KEYS.map((k) => ({ key: `age-${k}`, label: t(`rekap.ageBucket.${k}`), value: ages[k] }))} />
          </section>
        )}
      </div>

      <SpmSection r={r} />
      <SaranaRekapSection r={r} />
      <Offices r={r} />
      <RekapTree rekap={r} />
    </>
  )
}

/** Open follow-ups per OPD, the overdue part first; the numbers are text beside every bar. */
function OpdChart({ rows }: { rows: Rekap['followUpsPerOpd'] }) {
  const { t } = useTranslation()
  const titleId = useId()
  const max = Math.max(1, ...rows.map((r) => r.open))
  return (
    <figure className="bar-chart rk-opd-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="bar-chart-title">
        {t('rekap.chartOpd')}
      </figcaption>
      {rows.length === 0 ? (
        <p className="ok-note">{t('rekap.chartOpdNone')}</p>
      ) : (
        <>
          <p className="rk-legend" aria-hidden="true">
            <span className="rk-legend-item">
              <span className="rk-swatch rk-swatch-late" />
              {t('rekap.chartOpdLegendOverdue')}
            </span>
            <span className="rk-legend-item">
              <span className="rk-swatch rk-swatch-ok" />
              {t('rekap.chartOpdLegendOnTime')}
            </span>
          </p>
          <ul className="bar-list">
            {rows.map((r) => {
              const late = (r.overdue / max) * 100
              const ok = (Math.max(0, r.open - r.overdue) / max) * 100
              return (
                <li key={r.opdId} className="bar-row rk-opd-row">
                  <span className="bar-label">{r.name}</span>
                  <svg className="bar-svg" width="100%" height="22" aria-hidden="true" focusable="false">
                    <rect className="bar-track" x="0" y="2" width="100%" height="18" rx="4" />
                    {r.overdue > 0 && <rect className="rk-bar-late" x="0" y="2" width={`${late}%`} height="18" />}
                    {ok > 0 && <rect className="rk-bar-ok" x={`${late}%`} y="2" width={`${ok}%`} height="18" />}
                  </svg>
                  <span className="rk-opd-value">{t('rekap.chartOpdRow', { open: formatNumber(r.open), overdue: formatNumber(r.overdue) })}</span>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </figure>
  )
}

function Offices({ r }: { r: Rekap }) {
  const { t } = useTranslation()
  const reached = (o: RekapOffice) =>
    o.lastBundleAt === null ? t('app.none') : !o.relayedBy ? t('rekap.direct') : o.relayedBy.name ? t('rekap.relayedBy', { name: o.relayedBy.name }) : t('rekap.relayedUnknown')
  const [all, setAll] = useState(false)
  const shown = all ? r.offices : r.offices.slice(0, OFFICES_SHOWN)
  return (
    <section className="card rk-offices" aria-labelledby="rk-offices-title">
      <h2 id="rk-offices-title" className="card-title">
        {t('rekap.officesTitle')}
      </h2>
      <p className="rk-rule" data-testid="heard-from-rule">
        {t('rekap.heardFromRule')}
      </p>
      {r.offices.length === 0 ? (
        <p className="muted">{t('rekap.officesNone')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label={t('rekap.officesLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('rekap.colOffice')}</th>
                  <th scope="col">{t('rekap.colOfficeLevel')}</th>
                  <th scope="col">{t('rekap.colOfficeArea')}</th>
                  <th scope="col">{t('rekap.colLastPaket')}</th>
                  <th scope="col">{t('rekap.colAge')}</th>
                  <th scope="col">{t('rekap.colRelayed')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <tr key={o.siteId}>
                    <th scope="row">{o.name}</th>
                    <td>{t(`rekap.officeLevel.${o.level}`)}</td>
                    <td>{o.areaName}</td>
                    <td>{o.lastBundleAt ? formatDateTime(o.lastBundleAt) : t('app.none')}</td>
                    <td>
                      <AgeBadge ageDays={o.ageDays} lastBundleAt={o.lastBundleAt} />
                    </td>
                    <td>{reached(o)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!all && r.offices.length > OFFICES_SHOWN && (
            <p>
              <span className="muted">{t('rekap.officesMore', { n: formatNumber(r.offices.length - OFFICES_SHOWN) })}</span>{' '}
              <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
                {t('rekap.showAllOffices')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  )
}
