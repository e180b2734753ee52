import { useEffect, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { MATRIX_SORTS, type MatrixRow } from '@shared/contract'
import { LEVEL_CODES, type Catalogue } from '@shared/domain/competency'
import { navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { SortSelect } from '../../components/SortSelect'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { ExportButton } from '../../components/ExportButton'
import { SearchField } from '../../components/SearchField'
import { useCall } from '../../components/useCall'
import { rememberList, useListScreen } from '../../components/useListScreen'
import { VirtualRows } from '../../components/VirtualRows'
import { formatNumber } from '../../i18n/format'
import { TrainingTabs } from '../training/TrainingTabs'
import { catalogueItems, useCatalogue, type CatalogueItem } from './catalogue'
import { CodeChart, LevelChart, type LevelKey } from './CompetencyCharts'
import { LevelBadge } from './LevelBadge'
import { useMatrixPages, type MatrixQuery } from './matrixPages'
import { initialScope, rememberScope, ScopePicker, type Scope } from './ScopePicker'
import './competency.css'

const ROW_H = 50
const HEAD_H = 64
// 250 + 25 × 32 fits the 1,060 pixels a 1366-wide screen leaves: no sideways scrolling at the office PC.
const FIRST_W = 250
const CELL_W = 32
const SUMMARY_KEY = 'simpul.competency.summaryOpen'

type MatrixFilters = Required<Pick<MatrixQuery, 'query' | 'sortBy' | 'sortDir'>> & {
  level: LevelKey | null
  lacking: string | null
}

/** The matrix's state outlives the page: back from a kader, the same list at the same place. */
const remembered = rememberList<MatrixFilters>({ query: '', level: null, lacking: null, sortBy: 'name', sortDir: 'asc' })

/** A link (from the needs page, a chart elsewhere) asks for exactly that view. */
function linkedFilters(params: URLSearchParams): MatrixFilters | null {
  const level = params.get('tingkat')
  const lacking = params.get('kurang')
  if (!params.get('posyandu') && !params.get('wilayah') && !level && !lacking) return null
  return {
    ...remembered.query,
    query: '',
    level: level === 'none' || (LEVEL_CODES as readonly string[]).includes(level ?? '') ? (level as LevelKey) : null,
    lacking: lacking && /^[A-Z][0-9]{1,2}$/.test(lacking) ? lacking : null,
  }
}

export function CompetencyPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [scope, setScope] = useState<Scope>(() => initialScope(params))
  // Folded by default: the matrix needs the height of a 768-pixel screen; the level counts stay in the summary line.
  const [summaryOpen, setSummaryOpen] = useState(() => localStorage.getItem(SUMMARY_KEY) === '1')
  const catalogue = useCatalogue()
  const summary = useCall('competency:summary', scope, [scope.posyanduId, scope.wilayah])
  const { query, setQuery, search, enterRows, data, total, totalSize, rows, scrollRef, onScroll } = useListScreen({
    memory: remembered,
    linked: linkedFilters(params),
    usePages: useMatrixPages,
    fetchQuery: (q: MatrixFilters) => ({ ...scope, ...q }),
    rowHeight: ROW_H,
    headerHeight: HEAD_H,
    open: (row: MatrixRow) => navigate(`kader/${row.kaderId}`),
    onOtherKey: (e, body) => {
      if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && body) {
        // The 25 columns may be wider than the window: left/right pans them.
        e.preventDefault()
        body.scrollBy({ left: (e.key === 'ArrowRight' ? 1 : -1) * CELL_W * 4 })
      }
    },
  })
  const cat = catalogue.info?.catalogue ?? null
  const items = cat ? catalogueItems(cat) : []

  useEffect(() => {
    rememberScope(scope)
  }, [scope])

  const filtered = Boolean(query.query || query.level || query.lacking)
  const clearFilters = () => {
    search.setText('')
    setQuery((q) => ({ ...q, query: '', level: null, lacking: null }))
  }
  const s = summary.data
  const width = FIRST_W + items.length * CELL_W
  const gridStyle = { '--cm-cols': `${FIRST_W}px repeat(${items.length}, ${CELL_W}px)`, width } as CSSProperties

  return (
    <div className="page cm-page cm-fill">
      <TrainingTabs current="matriks" />
      <div className="page-head">
        <PageHeading>{t('competency.matrix.title')}</PageHeading>
        <ExportButton what="matrix" />
      </div>

      <div className="toolbar" role="search">
        <ScopePicker id="cm-scope" value={scope} onChange={setScope} />
        <SearchField
          id="cm-search"
          label={t('competency.matrix.search')}
          placeholder={t('competency.matrix.searchPlaceholder')}
          {...search.field}
          onArrowDown={enterRows}
        />
        <div className="field cm-level">
          <label htmlFor="cm-level" className="field-label">
            {t('competency.matrix.filterLevel')}
          </label>
          <select id="cm-level" value={query.level ?? ''} onChange={(e) => setQuery((q) => ({ ...q, level: (e.target.value || null) as LevelKey | null }))}>
            <option value="">{t('competency.matrix.all')}</option>
            {[...LEVEL_CODES, 'none' as const].map((l) => (
              <option key={l} value={l}>
                {t(`competency.levelName.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field cm-lacking">
          <label htmlFor="cm-lacking" className="field-label">
            {t('competency.matrix.filterLacking')}
          </label>
          <select id="cm-lacking" value={query.lacking ?? ''} onChange={(e) => setQuery((q) => ({ ...q, lacking: e.target.value || null }))}>
            <option value="">{t('competency.matrix.anyCode')}</option>
            {cat?.groups.map((g) => (
              <optgroup key={g.code} label={`${g.code} · ${g.name}`}>
                {g.items.map((it) => (
                  <option key={it.code} value={it.code}>
                    {it.code} — {it.text}
                  </option>
                ))}
              </optgroup>
            ))}
            {query.lacking && !items.some((i) => i.code === query.lacking) && <option value={query.lacking}>{query.lacking}</option>}
          </select>
        </div>
        <SortSelect
          id="cm-sort"
          label={t('competency.matrix.sortLabel')}
          sorts={MATRIX_SORTS}
          sortBy={query.sortBy}
          sortDir={query.sortDir}
          optionLabel={(k, d) => t(`competency.matrix.sort.${k}_${d}`)}
          onChange={(sortBy, sortDir) => setQuery((q) => ({ ...q, sortBy, sortDir }))}
        />
      </div>

      <details
        className="cm-summary card"
        open={summaryOpen}
        onToggle={(e) => {
          const isOpen = e.currentTarget.open
          setSummaryOpen(isOpen)
          localStorage.setItem(SUMMARY_KEY, isOpen ? '1' : '0')
        }}
      >
        <summary className="cm-summary-title">
          {t('competency.summary.title')}
          {s && (
            <span className="cm-summary-line">
              {' · '}
              {t('competency.summary.kaderCount', { n: formatNumber(s.kaderCount) })}
              {(['none', 'purwa', 'madya', 'utama'] as const).map((l) => (
                <span key={l} className="muted">
                  {' · '}
                  {t(`competency.levelName.${l}`)} {formatNumber(s.levels[l] ?? 0)}
                </span>
              ))}
            </span>
          )}
        </summary>
        {summary.status === 'error' && <ErrorBox message={summary.error} onRetry={summary.reload} />}
        {!s && summary.status === 'loading' && <Loading />}
        {s && cat && (
          <div className="cm-summary-grid">
            <LevelChart
              title={t('competency.summary.levels')}
              levels={s.levels}
              total={s.kaderCount}
              selected={query.level}
              onPick={(l) => setQuery((q) => ({ ...q, level: q.level === l ? null : l }))}
            />
            <CodeChart
              title={t('competency.summary.coverage')}
              catalogue={cat}
              values={Object.fromEntries(s.coverage.map((c) => [c.code, c.competent]))}
              of={s.kaderCount}
              show="percent"
              describe={(code, n, pct) => t('competency.summary.coverageItem', { code, n: formatNumber(n), of: formatNumber(s.kaderCount), pct })}
              selected={query.lacking}
              onPick={(code) => setQuery((q) => ({ ...q, lacking: q.lacking === code ? null : code }))}
              pickHint={t('competency.summary.coverageHint')}
            />
          </div>
        )}
      </details>

      <div className="roster-status">
        <p className="roster-total" aria-live="polite" aria-atomic="true">
          {data.total === null ? '\u00a0' : t('competency.matrix.total', { n: formatNumber(total) })}
        </p>
        {data.loading && <Loading inline />}
        {filtered && (
          <button type="button" className="btn btn-small" onClick={clearFilters}>
            {t('competency.matrix.clearFilters')}
          </button>
        )}
        <Legend />
      </div>

      {(data.error || catalogue.error) && (
        <ErrorBox message={(data.error ?? catalogue.error)!} onRetry={data.error ? data.retry : catalogue.retry} />
      )}

      <div
        className={`cm-matrix card ${data.stale ? 'is-stale' : ''}`}
        role="grid"
        aria-label={t('competency.matrix.gridLabel')}
        aria-rowcount={total + 2}
        aria-colcount={items.length + 1}
        aria-busy={data.stale || !cat || undefined}
      >
        <div
          ref={scrollRef}
          className="cm-scroll"
          onScroll={onScroll}
        >
          {cat && <MatrixHead catalogue={cat} items={items} lacking={query.lacking} style={gridStyle} total={total} />}
          <div role="rowgroup" className="cm-body" style={{ height: totalSize, width }}>
            {data.total === 0 && (
              <div className="cm-empty" role="row">
                <div role="gridcell">
                  <p>{filtered ? t('competency.matrix.emptyFiltered') : t('competency.matrix.empty')}</p>
                  {filtered && (
                    <button type="button" className="btn" onClick={clearFilters}>
                      {t('competency.matrix.clearFilters')}
                    </button>
                  )}
                </div>
              </div>
            )}
            {cat && (
              <VirtualRows
                list={rows}
                className="cm-row cm-item"
                firstRowIndex={3}
                style={gridStyle}
                cells={(row) => <MatrixCells row={row} items={items} lacking={query.lacking} />}
                loading={<LoadingCells />}
              />
            )}
          </div>
        </div>
      </div>
      <p className="muted small">{t('competency.matrix.keyboardHint')}</p>
    </div>
  )
}

export function Legend() {
  const { t } = useTranslation()
  return (
    <ul className="cm-legend" aria-label={t('competency.legend.label')}>
      <li>
        <span className="cm-cell cm-kompeten" aria-hidden="true">
          ✓
        </span>
        {t('competency.result.kompeten')}
      </li>
      <li>
        <span className="cm-cell cm-belum_kompeten" aria-hidden="true">
          ✗
        </span>
        {t('competency.result.belum_kompeten')}
      </li>
      <li>
        <span className="cm-cell cm-none" aria-hidden="true">
          –
        </span>
        {t('competency.result.none')}
      </li>
      <li>
        <span className="cm-unverified" aria-hidden="true">
          †
        </span>
        {t('competency.unverifiedShort')}
      </li>
    </ul>
  )
}

function MatrixHead(props: { catalogue: Catalogue; items: CatalogueItem[]; lacking: string | null; style: CSSProperties; total: number }) {
  const { t } = useTranslation()
  const starts = props.catalogue.groups.map((_, i) => 2 + props.catalogue.groups.slice(0, i).reduce((n, g) => n + g.items.length, 0))
  return (
    <div role="rowgroup" className="cm-head" style={{ width: props.style.width }}>
      <div role="row" aria-rowindex={1} className="cm-row cm-group-row" style={props.style}>
        <div role="columnheader" aria-colindex={1} className="cm-first cm-head-first">
          {t('competency.matrix.colKader')}
        </div>
        {props.catalogue.groups.map((g, gi) => {
          const start = starts[gi]!
          return (
            <div
              key={g.code}
              role="columnheader"
              aria-colindex={start}
              aria-colspan={g.items.length}
              className="cm-group-head cm-gstart"
              style={{ gridColumn: `${start} / span ${g.items.length}` }}
              title={`${g.code} · ${g.name}`}
            >
              <strong>{g.code}</strong> <span className="cm-group-name">{g.name}</span>
            </div>
          )
        })}
      </div>
      <div role="row" aria-rowindex={2} className="cm-row cm-code-row" style={props.style}>
        <div role="columnheader" aria-colindex={1} className="cm-first cm-head-first small">
          {t('competency.matrix.colKaderSub')}
        </div>
        {props.items.map((it, i) => {
          const title = `${it.code} · ${it.text}${it.verified ? '' : ` (${t('competency.unverified')})`}`
          return (
            <div
              key={it.code}
              role="columnheader"
              aria-colindex={i + 2}
              className={`cm-code-head ${i === 0 || props.items[i - 1]!.groupCode !== it.groupCode ? 'cm-gstart' : ''} ${props.lacking === it.code ? 'is-lacking' : ''}`}
              title={title}
              aria-label={title}
            >
              {it.code}
              {!it.verified && (
                <span className="cm-unverified" aria-hidden="true">
                  †
                </span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function MatrixCells({ row, items, lacking }: { row: MatrixRow; items: CatalogueItem[]; lacking: string | null }) {
  const { t } = useTranslation()
  const competent = new Set(row.competent)
  const notYet = new Set(row.notYet)
  const labels = {
    kompeten: t('competency.result.kompeten'),
    belum_kompeten: t('competency.result.belum_kompeten'),
    none: t('competency.result.none'),
  }
  return (
    <>
      <div role="rowheader" aria-colindex={1} className="cm-first cm-kader" title={`${row.name}\n${row.posyanduName} · ${row.villageName}`}>
        <span className="cm-kader-text">
          <span className="row-name">{row.name}</span>
          <span className="row-sub">
            {row.posyanduName} · {row.villageName} · <span data-testid="matrix-tkk">{t('competency.kader.tkkCount', { n: row.competent.length })}</span>
          </span>
        </span>
        <LevelBadge level={row.level} short />
      </div>
      {items.map((it, i) => {
        const state = competent.has(it.code) ? 'kompeten' : notYet.has(it.code) ? 'belum_kompeten' : 'none'
        const label = `${it.code}: ${labels[state]}`
        return (
          <div
            key={it.code}
            role="gridcell"
            aria-colindex={i + 2}
            aria-label={label}
            title={label}
            className={`cm-cell cm-${state} ${i === 0 || items[i - 1]!.groupCode !== it.groupCode ? 'cm-gstart' : ''} ${lacking === it.code ? 'is-lacking' : ''}`}
          >
            {state === 'kompeten' ? '✓' : state === 'belum_kompeten' ? '✗' : '–'}
          </div>
        )
      })}
    </>
  )
}

function LoadingCells() {
  const { t } = useTranslation()
  return (
    <div role="gridcell" className="cm-first cm-loading">
      <span className="skeleton" aria-hidden="true" />
      <span className="sr-only">{t('competency.matrix.rowLoading')}</span>
    </div>
  )
}
