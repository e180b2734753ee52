import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrainingRow } from '@shared/contract'
import { codeRangeLabel } from '@shared/domain/competency'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { ExportButton } from '../../components/ExportButton'
import { useTableRows } from '../../components/listKeys'
import { useListSearch } from '../../components/useListSearch'
import { SearchField } from '../../components/SearchField'
import { ShowMore, YearSelect, useYearPages } from '../../components/useYearPages'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { TrainingTabs } from './TrainingTabs'
import { formatDateRange } from './trainingFormat'
import './training.css'
import { WewenangNotice } from '../../components/WewenangNotice'

const startDateOf = (r: TrainingRow) => r.startDate


export function TrainingListPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState(() => (params.get('q') ?? '').trim())
  // A short pause in typing before asking again; the list is small, but each key need not reload it.
  const search = useListSearch({ query, commit: setQuery, initialText: params.get('q') ?? '', newPath: 'pelatihan/baru' })
  const list = useCall('training:list', { query }, [query])
  const catalogue = useCall('competency:catalogue', {})
  const { tableRef, focusRow, onRowKey } = useTableRows(search.searchRef)
  const { year, setYear, years, all, shown: rows, showMore } = useYearPages(list.data, startDateOf, query, params.get('tahun'))

  const label = (codes: string[]) => (catalogue.data && codes.length ? codeRangeLabel(catalogue.data.catalogue, codes) : codes.join(', '))

  return (
    <div className="page training-page">
      <TrainingTabs current="pelatihan" />
      <div className="page-head">
        <PageHeading>{t('training.title')}</PageHeading>
        <div className="page-actions">
          <ExportButton what="training" year={year ? Number(year) : null} />
          <a className="btn btn-primary" href={href('pelatihan/baru')} aria-keyshortcuts="N">
            {t('training.add')}
          </a>
        </div>
      </div>
      <WewenangNotice kinds={['training']} />
      <div className="toolbar" role="search">
        <SearchField
          id="training-search"
          label={t('training.search')}
          placeholder={t('training.searchPlaceholder')}
          {...search.field}
          onArrowDown={() => focusRow(0)}
        />
        <YearSelect id="training-year" value={year} years={years} onChange={setYear} />
      </div>
      <div className="list-status">
        <p className="muted" aria-live="polite" aria-atomic="true">
          {all && rows
            ? rows.length < all.length
              ? t('app.shownOf', { shown: formatNumber(rows.length), n: t('training.count', { n: formatNumber(all.length) }) })
              : t('training.count', { n: formatNumber(all.length) })
            : '\u00a0'}
        </p>
        {list.status === 'loading' && <Loading inline />}
        <p className="muted small">{t('training.listHint')}</p>
      </div>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          <p>{query ? t('training.emptySearch', { q: query }) : t('training.empty')}</p>
          {!query && !year && (
            <a className="btn btn-primary" href={href('pelatihan/baru')}>
              {t('training.add')}
            </a>
          )}
        </div>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap card">
          <table className="table training-table" aria-label={t('training.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('training.colTitle')}</th>
                <th scope="col">{t('training.colKind')}</th>
                <th scope="col">{t('training.colDates')}</th>
                <th scope="col">{t('training.colPlace')}</th>
                <th scope="col" className="num">
                  {t('training.colParticipants')}
                </th>
                <th scope="col">{t('training.colCompetencies')}</th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {rows.map((r, i) => (
                <tr key={r.id}>
                  <th scope="row" className="wrap">
                    <a href={href(`pelatihan/${r.id}`)} data-row={i} onKeyDown={(e) => onRowKey(e, i)}>
                      {r.title}
                    </a>
                    {r.organiser && <span className="row-sub muted small">{r.organiser}</span>}
                  </th>
                  <td>{t(`training.kind.${r.kind}`)}</td>
                  <td className="nowrap">{formatDateRange(r.startDate, r.endDate)}</td>
                  <td className="wrap">{r.place ?? t('app.none')}</td>
                  <td className="num">{formatNumber(r.participantCount)}</td>
                  <td className="mono">{r.competencies.length ? label(r.competencies) : t('app.none')}</td>
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
