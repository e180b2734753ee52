import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingLevel, MeetingRow } from '@shared/contract'
import { MEETING_LEVELS } from '@shared/domain/meeting'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useTableRows } from '../../components/listKeys'
import { useListSearch } from '../../components/useListSearch'
import { SearchField } from '../../components/SearchField'
import { ShowMore, YearSelect, useYearPages } from '../../components/useYearPages'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { MeetingTabs } from './MeetingTabs'
import './meeting.css'


const asLevel = (s: string | null): MeetingLevel | '' => ((MEETING_LEVELS as readonly string[]).includes(s ?? '') ? (s as MeetingLevel) : '')

const dateOf = (r: MeetingRow) => r.date

export function MeetingListPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState(() => (params.get('q') ?? '').trim())
  const search = useListSearch({ query, commit: setQuery, initialText: params.get('q') ?? '', newPath: 'rapat/baru' })
  const [level, setLevel] = useState<MeetingLevel | ''>(() => asLevel(params.get('tingkat')))
  const list = useCall('meeting:list', { query, level: level || null }, [query, level])
  const { tableRef, focusRow, onRowKey } = useTableRows(search.searchRef)
  const { year, setYear, years, all, shown: rows, showMore } = useYearPages(list.data, dateOf, `${query}|${level}`, params.get('tahun'))

  const filtered = Boolean(query || level || year)

  return (
    <div className="page meeting-page">
      <MeetingTabs current="rapat" />
      <div className="page-head">
        <PageHeading>{t('meeting.title')}</PageHeading>
        <a className="btn btn-primary" href={href('rapat/baru')} aria-keyshortcuts="N">
          {t('meeting.add')}
        </a>
      </div>
      <p className="muted">{t('meeting.intro')}</p>
      <div className="toolbar" role="search">
        <SearchField
          id="meeting-search"
          label={t('meeting.search')}
          placeholder={t('meeting.searchPlaceholder')}
          {...search.field}
          onArrowDown={() => focusRow(0)}
        />
        <div className="field meeting-level-field">
          <label htmlFor="meeting-level" className="field-label">
            {t('meeting.levelFilter')}
          </label>
          <select id="meeting-level" value={level} onChange={(e) => setLevel(asLevel(e.target.value))}>
            <option value="">{t('meeting.allLevels')}</option>
            {MEETING_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`meeting.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <YearSelect id="meeting-year" value={year} years={years} onChange={setYear} />
      </div>
      <div className="list-status">
        <p className="muted" aria-live="polite" aria-atomic="true">
          {list.data?.[0]?.similar && `${t('followUp.listSimilar', { q: query })} `}
          {all && rows
            ? rows.length < all.length
              ? t('app.shownOf', { shown: formatNumber(rows.length), n: t('meeting.count', { count: all.length, n: formatNumber(all.length) }) })
              : t('meeting.count', { count: all.length, n: formatNumber(all.length) })
            : '\u00a0'}
        </p>
        {list.status === 'loading' && <Loading inline />}
        <p className="muted small">{t('meeting.listHint')}</p>
      </div>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          {filtered ? (
            <p>{query ? t('meeting.emptySearch', { q: query }) : t('meeting.emptyLevel')}</p>
          ) : (
            <>
              <p>
                <strong>{t('meeting.emptyTitle')}</strong>
              </p>
              <p>{t('meeting.empty')}</p>
              <a className="btn btn-primary" href={href('rapat/baru')}>
                {t('meeting.add')}
              </a>
            </>
          )}
        </div>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap card">
          <table className="table meeting-table" aria-label={t('meeting.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('meeting.colDate')}</th>
                <th scope="col">{t('meeting.colTitle')}</th>
                <th scope="col">{t('meeting.colKind')}</th>
                <th scope="col">{t('meeting.colPlace')}</th>
                <th scope="col" className="num">
                  {t('meeting.colAttendance')}
                </th>
                <th scope="col">{t('meeting.colFollowUps')}</th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {rows.map((r, i) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatDate(r.date)}</td>
                  <th scope="row" className="wrap-wide">
                    <a href={href(`rapat/${r.id}`)} data-row={i} onKeyDown={(e) => onRowKey(e, i)}>
                      {r.title}
                    </a>
                    <span className="row-sub muted small">{t(`meeting.levelShort.${r.level}`)}</span>
                  </th>
                  <td>{t(`meeting.kind.${r.kind}`)}</td>
                  <td className="wrap">{r.place ?? t('app.none')}</td>
                  <td className="num nowrap">
                    {t('meeting.attendanceCell', { present: formatNumber(r.presentCount), total: formatNumber(r.attendeeCount) })}
                  </td>
                  <td>
                    {r.followUpCount === 0 ? (
                      t('app.none')
                    ) : (
                      <span className="followup-cell">
                        <span>{t('meeting.followUpCell', { count: r.followUpCount, open: formatNumber(r.openFollowUps) })}</span>
                        {r.overdueFollowUps > 0 && <span className="badge badge-overdue">{t('meeting.overdueBadge', { count: r.overdueFollowUps })}</span>}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {all && <ShowMore shown={rows.length} total={all.length} onMore={showMore} />}
        </div>
      )}
    </div>
  )
}
