import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { FOLLOW_UP_STATUSES, CLOSED_STATUSES, type FollowUpStatus } from '@shared/domain/meeting'
import type { FollowUpRow } from '@shared/contract'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useTableRows } from '../../components/listKeys'
import { useListSearch } from '../../components/useListSearch'
import { SearchField } from '../../components/SearchField'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { useOfficeToday } from '../../app/AppContext'
import { MeetingTabs } from '../meeting/MeetingTabs'
import { DueDate, StatusBadge } from './badges'
import './follow-up.css'

/** What the "Tampilkan" choice can hold: the core's states, plus "closed" (both closing statuses), filtered here. */
export const LIST_STATES = ['all', 'open', 'overdue', 'closed', ...FOLLOW_UP_STATUSES] as const
export type ListState = (typeof LIST_STATES)[number]

function readState(v: string | null): ListState {
  return (LIST_STATES as readonly string[]).includes(v ?? '') ? (v as ListState) : 'all'
}


/** Overdue first (longest overdue on top), then the open ones by deadline, then the closed ones. */
function byUrgency(a: FollowUpRow, b: FollowUpRow): number {
  const rank = (r: FollowUpRow) => (r.overdue ? 0 : CLOSED_STATUSES.includes(r.status) ? 2 : 1)
  const d = rank(a) - rank(b)
  if (d !== 0) return d
  if (a.overdue) return b.daysOverdue - a.daysOverdue
  if (rank(a) === 1) return a.dueDate.localeCompare(b.dueDate)
  return (b.closedDate ?? '').localeCompare(a.closedDate ?? '')
}

export function FollowUpListPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  // The address holds the choices (the board and the Beranda link here with ?status=overdue&opd=…),
  // so a reload or the Back button shows the same list.
  const state = readState(params.get('status'))
  const opdId = params.get('opd') ?? ''
  const query = params.get('q') ?? ''
  const today = useOfficeToday()

  const list = useCall('followUp:list', { state: state === 'closed' ? 'all' : state, opdId: opdId || null, query }, [state, opdId, query])
  const opds = useCall('opd:list', { includeInactive: true })

  function setParams(next: { status?: ListState; opd?: string; q?: string }) {
    const s = next.status ?? state
    navigate(
      'tindak-lanjut',
      { status: s === 'all' ? null : s, opd: next.opd ?? opdId, q: next.q ?? query },
      { replace: true },
    )
  }

  // The words are in the address too; a link from elsewhere (the tabs, Beranda) can change them under this page.
  const search = useListSearch({ query, commit: (q) => setParams({ q }), delay: 250, newPath: 'tindak-lanjut/baru' })
  const { tableRef, focusRow, onRowKey } = useTableRows(search.searchRef)

  const rows = useMemo(() => {
    const data = list.data ?? null
    if (!data) return null
    const shown = state === 'closed' ? data.filter((r) => CLOSED_STATUSES.includes(r.status)) : data
    return [...shown].sort(byUrgency)
  }, [list.data, state])
  const overdueCount = rows?.filter((r) => r.overdue).length ?? 0
  const filtered = state !== 'all' || Boolean(opdId) || Boolean(query)


  const stateLabel = (s: ListState) =>
    s === 'all'
      ? t('followUp.stateAll')
      : s === 'open'
        ? t('followUp.stateOpen')
        : s === 'overdue'
          ? t('followUp.stateOverdue')
          : s === 'closed'
            ? t('followUp.stateClosed')
            : t('followUp.stateStatus', { status: t(`followUp.status.${s as FollowUpStatus}`) })

  return (
    <div className="page fu-page">
      <MeetingTabs current="tindakLanjut" />
      <div className="page-head">
        <PageHeading>{t('followUp.title')}</PageHeading>
        <a className="btn btn-primary" href={href('tindak-lanjut/baru')} aria-keyshortcuts="N">
          {t('followUp.add')}
        </a>
      </div>
      <div className="toolbar" role="search">
        <SearchField
          id="fu-search"
          label={t('followUp.search')}
          placeholder={t('followUp.searchPlaceholder')}
          {...search.field}
          onArrowDown={() => focusRow(0)}
        />
        <div className="field fu-filter">
          <label htmlFor="fu-state" className="field-label">
            {t('followUp.state')}
          </label>
          <select id="fu-state" value={state} onChange={(e) => setParams({ status: readState(e.target.value) })}>
            {LIST_STATES.map((s) => (
              <option key={s} value={s}>
                {stateLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field fu-filter fu-filter-opd">
          <label htmlFor="fu-opd" className="field-label">
            {t('followUp.opdFilter')}
          </label>
          <select id="fu-opd" value={opdId} onChange={(e) => setParams({ opd: e.target.value })}>
            <option value="">{t('followUp.opdAll')}</option>
            {(opds.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.active ? o.name : `${o.name} (${t('followUp.opd.inactive')})`}
              </option>
            ))}
            {/* An OPD named in the address before the list arrives keeps its choice meanwhile. */}
            {opdId && !opds.data?.some((o) => o.id === opdId) && <option value={opdId}>…</option>}
          </select>
        </div>
      </div>
      <div className="list-status">
        <p className="muted" aria-live="polite" aria-atomic="true">
          {rows ? (
            <>
              {rows[0]?.similar && `${t('followUp.listSimilar', { q: query })} `}
              {t('followUp.count', { n: formatNumber(rows.length) })}
              {overdueCount > 0 && (
                <>
                  {' · '}
                  <strong className="fu-late-text">{t('followUp.overdueSummary', { n: formatNumber(overdueCount) })}</strong>
                </>
              )}
            </>
          ) : (
            '\u00a0'
          )}
        </p>
        {list.status === 'loading' && <Loading inline />}
        <p className="muted small">{t('followUp.listHint')}</p>
      </div>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          <p>{filtered ? t('followUp.emptyFiltered') : t('followUp.empty')}</p>
          {!filtered && (
            <a className="btn btn-primary" href={href('tindak-lanjut/baru')}>
              {t('followUp.add')}
            </a>
          )}
        </div>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap card">
          <table className="table fu-table" aria-label={t('followUp.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('followUp.colDescription')}</th>
                <th scope="col">{t('followUp.colOpd')}</th>
                <th scope="col">{t('followUp.colPosyandu')}</th>
                <th scope="col">{t('followUp.colSource')}</th>
                <th scope="col">{t('followUp.colDue')}</th>
                <th scope="col">{t('followUp.colStatus')}</th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {rows.map((r, i) => (
                <tr key={r.id} className={r.overdue ? 'fu-row-overdue' : CLOSED_STATUSES.includes(r.status) ? 'row-muted' : undefined}>
                  <th scope="row" className="fu-desc">
                    <a href={href(`tindak-lanjut/${r.id}`)} data-row={i} onKeyDown={(e) => onRowKey(e, i)}>
                      {r.description}
                    </a>
                    {r.meetingTitle && <span className="row-sub muted small">{t('followUp.fromMeeting', { title: r.meetingTitle })}</span>}
                  </th>
                  <td className="wrap">{r.opdName}</td>
                  <td className="wrap">{r.posyanduName ?? t('app.none')}</td>
                  <td>
                    {t(`followUp.source.${r.source}`)}
                    <span className="row-sub muted small">{formatDate(r.date)}</span>
                  </td>
                  <td className="nowrap">
                    <DueDate row={r} today={today} />
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
