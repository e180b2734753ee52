import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { KADER_SORTS, type KaderRow, type Posyandu } from '@shared/contract'
import { KADER_STATUSES, SPM_FIELDS, type KaderStatus, type SpmField } from '@shared/domain/reference'
import { call } from '../../api/client'
import { navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { ExportButton } from '../../components/ExportButton'
import { SortSelect } from '../../components/SortSelect'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { SearchField } from '../../components/SearchField'
import { ageOn, formatDate, formatNumber } from '../../i18n/format'
import { rememberList, useListScreen } from '../../components/useListScreen'
import { VirtualRows } from '../../components/VirtualRows'
import { useKaderPages, type KaderQuery } from './kaderPages'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import { WewenangNotice } from '../../components/WewenangNotice'

type SortBy = (typeof KADER_SORTS)[number]

const ROW_HEIGHT = 60

/** The roster's state outlives the page, so coming back from a kader finds the same list and place. */
const remembered = rememberList<KaderQuery>({
  query: '',
  posyanduId: null,
  villageCode: null,
  status: null,
  spmField: null,
  archived: false,
  sortBy: 'name',
  sortDir: 'asc',
})

/** A link from Beranda or the Posyandu list asks for exactly that view. */
function linkedQuery(params: URLSearchParams): KaderQuery | null {
  const posyandu = params.get('posyandu')
  const status = params.get('status')
  if (!posyandu && !status) return null
  return {
    ...remembered.query,
    query: '',
    archived: false,
    posyanduId: posyandu,
    status: (KADER_STATUSES as readonly string[]).includes(status ?? '') ? (status as KaderStatus) : null,
    spmField: null,
  }
}

export function KaderRosterPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [posyandu, setPosyandu] = useState<Posyandu[]>([])
  // "/" searches and "n" adds from anywhere on the page; Alt+N even while typing.
  const { query, setQuery, search, enterRows, data, total, totalSize, rows, scrollRef, onScroll } = useListScreen({
    memory: remembered,
    linked: linkedQuery(params),
    usePages: useKaderPages,
    fetchQuery: (q: KaderQuery) => q,
    rowHeight: ROW_HEIGHT,
    open: (row: KaderRow) => navigate(`kader/${row.id}`),
    newPath: 'kader/baru',
    altNew: true,
  })
  const manyVillages = new Set(posyandu.map((p) => p.villageCode)).size > 1

  useEffect(() => {
    call('posyandu:list', { includeInactive: true }).then(setPosyandu, () => setPosyandu([]))
  }, [])

  function sortBy(col: SortBy) {
    setQuery((q) => ({ ...q, sortBy: col, sortDir: q.sortBy === col && q.sortDir === 'asc' ? 'desc' : 'asc' }))
  }

  const filtered = Boolean(query.query || query.posyanduId || query.status || query.spmField)
  const ariaSort = (col: SortBy) => (query.sortBy === col ? (query.sortDir === 'asc' ? 'ascending' : 'descending') : 'none')

  const header = (col: SortBy | null, label: string, className = '') => (
    <div role="columnheader" className={`cell ${className}`} aria-sort={col ? ariaSort(col) : undefined}>
      {col ? (
        <button type="button" className="sort-button" onClick={() => sortBy(col)}>
          {label}
          <SortIcon dir={query.sortBy === col ? query.sortDir : null} />
        </button>
      ) : (
        label
      )}
    </div>
  )

  return (
    <div className="page page-roster">
      <div className="page-head">
        <PageHeading>{t('kader.title')}</PageHeading>
        <div className="page-actions">
          <ExportButton what="roster" />
          <a className="btn" href="#/kader/impor">
            {t('spreadsheet.import.fromExcel')}
          </a>
          <a className="btn btn-primary" href="#/kader/baru" aria-keyshortcuts="N Alt+N">
            {t('kader.add')}
          </a>
        </div>
      </div>
      <WewenangNotice kinds={['kader']} />
      <div className="toolbar" role="search">
        <SearchField
          id="kader-search"
          label={t('kader.search')}
          placeholder={t('kader.searchPlaceholder')}
          {...search.field}
          onArrowDown={enterRows}
        />
        <div className="field">
          <label htmlFor="kader-filter-posyandu" className="field-label">
            {t('kader.filterPosyandu')}
          </label>
          <select
            id="kader-filter-posyandu"
            value={query.posyanduId ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, posyanduId: e.target.value || null }))}
          >
            <option value="">{t('kader.all')}</option>
            {posyandu.map((p) => (
              <option key={p.id} value={p.id}>
                {posyanduLabel(p, manyVillages)}
              </option>
            ))}
            {query.posyanduId && !posyandu.some((p) => p.id === query.posyanduId) && <option value={query.posyanduId}>…</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kader-filter-status" className="field-label">
            {t('kader.filterStatus')}
          </label>
          <select
            id="kader-filter-status"
            value={query.status ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, status: (e.target.value || null) as KaderStatus | null }))}
          >
            <option value="">{t('kader.all')}</option>
            {KADER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kader-filter-spm" className="field-label">
            {t('kader.filterSpm')}
          </label>
          <select
            id="kader-filter-spm"
            value={query.spmField ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, spmField: (e.target.value || null) as SpmField | null }))}
          >
            <option value="">{t('kader.all')}</option>
            {SPM_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`spm.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <SortSelect
          id="kader-sort"
          label={t('kader.sortLabel')}
          sorts={KADER_SORTS}
          sortBy={query.sortBy}
          sortDir={query.sortDir}
          optionLabel={(s, d) => `${t(`kader.sort.${s}`)} (${d === 'asc' ? t('kader.sortAsc') : t('kader.sortDesc')})`}
          onChange={(sortBy, sortDir) => setQuery((q) => ({ ...q, sortBy, sortDir }))}
        />
        <label className="toggle-chip" title={t('kader.archiveToggleHelp')}>
          <input type="checkbox" checked={query.archived} onChange={(e) => setQuery((q) => ({ ...q, archived: e.target.checked }))} />
          <span>{t('kader.archiveToggle')}</span>
        </label>
      </div>

      <div className="roster-status">
        <p className="roster-total" aria-live="polite" aria-atomic="true">
          {data.total === null
            ? '\u00a0'
            : data.getRow(0)?.similar
              ? t('kader.totalSimilar', { n: formatNumber(total), q: query.query })
              : query.archived
                ? t('kader.totalArchived', { n: formatNumber(total) })
                : t('kader.total', { n: formatNumber(total) })}
        </p>
        {data.loading && <Loading inline />}
        <p className="muted small roster-hint">{t('kader.keyboardHint')}</p>
      </div>

      {data.error && <ErrorBox message={data.error} onRetry={data.retry} />}

      <div
        className={`roster card ${data.stale ? 'is-stale' : ''}`}
        role="grid"
        aria-label={t('kader.listLabel')}
        aria-rowcount={total + 1}
        aria-colcount={6}
        aria-busy={data.stale || undefined}
      >
        <div role="rowgroup" className="roster-head">
          <div role="row" aria-rowindex={1} className="roster-row">
            {header('name', `${t('kader.colName')} / ${t('kader.colNik')}`)}
            {header(null, t('kader.colSex'), 'cell-sex')}
            {header('birthDate', t('kader.colBirth'))}
            {header('posyandu', t('kader.colPosyandu'))}
            {header(null, t('kader.colRole'))}
            {header('status', t('kader.colStatus'))}
          </div>
        </div>
        <div
          role="rowgroup"
          ref={scrollRef}
          className="roster-body"
          onScroll={onScroll}
        >
          {data.total === 0 && (
            <div className="roster-empty" role="row">
              <div role="gridcell">
                <p>{query.archived ? t('kader.emptyArchive') : filtered ? t('kader.emptyFiltered') : t('kader.empty')}</p>
                {filtered && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      search.setText('')
                      setQuery((q) => ({ ...q, query: '', posyanduId: null, status: null, spmField: null }))
                    }}
                  >
                    {t('kader.clearFilters')}
                  </button>
                )}
              </div>
            </div>
          )}
          <div role="presentation" className="roster-spacer" style={{ height: totalSize }}>
            <VirtualRows
              list={rows}
              className="roster-row roster-item"
              firstRowIndex={2}
              cells={(row) => <RowCells row={row} />}
              loading={<LoadingCells />}
            />
          </div>
        </div>
      </div>
    </div>
  )
}

function RowCells({ row }: { row: KaderRow }) {
  const { t } = useTranslation()
  const age = ageOn(row.birthDate)
  return (
    <>
      <div role="gridcell" className="cell cell-name">
        <span className="row-name">{row.name}</span>
        <span className="row-sub mono">{row.nikMasked}</span>
      </div>
      <div role="gridcell" className="cell cell-sex">
        <span aria-hidden="true">{t(`sex.short${row.sex}`)}</span>
        <span className="sr-only">{t(`sex.${row.sex}`)}</span>
      </div>
      <div role="gridcell" className="cell">
        <span>{age === null ? t('app.none') : t('kader.age', { age })}</span>
        <span className="row-sub">{formatDate(row.birthDate)}</span>
      </div>
      <div role="gridcell" className="cell cell-posyandu">
        <span>{row.posyanduName}</span>
        <span className="row-sub">{row.villageName}</span>
      </div>
      <div role="gridcell" className="cell">
        {t(`role.${row.role}`)}
      </div>
      <div role="gridcell" className="cell">
        {row.archived ? (
          <span className="badge badge-archived">{t('kader.archivedBadge')}</span>
        ) : (
          <span className={`badge badge-${row.status}`}>{t(`status.${row.status}`)}</span>
        )}
      </div>
    </>
  )
}

function LoadingCells() {
  const { t } = useTranslation()
  return (
    <div role="gridcell" className="cell cell-loading">
      <span className="skeleton" aria-hidden="true" />
      <span className="sr-only">{t('kader.rowLoading')}</span>
    </div>
  )
}

function SortIcon({ dir }: { dir: 'asc' | 'desc' | null }) {
  return (
    <svg className="sort-icon" width="12" height="14" viewBox="0 0 12 14" aria-hidden="true">
      <path d="M6 1l4 5H2z" fill="currentColor" opacity={dir === 'asc' ? 1 : 0.25} />
      <path d="M6 13l4-5H2z" fill="currentColor" opacity={dir === 'desc' ? 1 : 0.25} />
    </svg>
  )
}
