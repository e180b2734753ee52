import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { MATRIX_SORTS, type MatrixRow } from '@shared/contract'
import { LEVEL_CODES, type Catalogue } from '@shared/domain/competency'
import { navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { SortSelect } from '../../components/SortSelect'
import { Loading } from '../../components/Loading'
import { isTyping } from '../../components/listKeys'
import { PageHeading } from '../../components/PageHeading'
import { ExportButton } from '../../components/ExportButton'
import { SearchField } from '../../components/SearchField'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { TrainingTabs } from '../training/TrainingTabs'
import { catalogueItems, useCatalogue, type CatalogueItem } from './catalogue'
import { CodeChart, LevelChart, type LevelKey } from './CompetencyCharts'
import { LevelBadge } from './LevelBadge'
import { useVirtualRows } from '../../components/useVirtualRows'
import { useMatrixPages, type MatrixQuery } from './matrixPages'
import { initialScope, rememberScope, ScopePicker, type Scope } from './ScopePicker'
import './competency.css'


const ROW_H = 50
const HEAD_H = 64
// 250 + 25 × 32 fits the 1,060 pixels a 1366-wide screen leaves: no sideways scrolling at the office PC.
const FIRST_W = 250
const CELL_W = 32
const SUMMARY_KEY = 'simpul.competency.summaryOpen'

interface MatrixState {
  query: Required<Pick<MatrixQuery, 'query' | 'sortBy' | 'sortDir'>> & {
    level: LevelKey | null
    lacking: string | null
  }
  text: string
  selected: number
  scrollTop: number
}

/** The matrix's state outlives the page: back from a kader, the same list at the same place. */
const remembered: MatrixState = {
  query: { query: '', level: null, lacking: null, sortBy: 'name', sortDir: 'asc' },
  text: '',
  selected: 0,
  scrollTop: 0,
}


function initialState(params: URLSearchParams): { state: MatrixState; fresh: boolean } {
  const level = params.get('tingkat')
  const lacking = params.get('kurang')
  if (!params.get('posyandu') && !params.get('wilayah') && !level && !lacking) return { state: remembered, fresh: false }
  // A link (from the needs page, a chart elsewhere) asks for exactly that view.
  return {
    state: {
      query: {
        ...remembered.query,
        query: '',
        level: level === 'none' || (LEVEL_CODES as readonly string[]).includes(level ?? '') ? (level as LevelKey) : null,
        lacking: lacking && /^[A-Z][0-9]{1,2}$/.test(lacking) ? lacking : null,
      },
      text: '',
      selected: 0,
      scrollTop: 0,
    },
    fresh: true,
  }
}

export function CompetencyPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [init] = useState(() => initialState(params))
  const [scope, setScope] = useState<Scope>(() => initialScope(params))
  const [query, setQuery] = useState(init.state.query)
  const [text, setText] = useState(init.state.text)
  const [selected, setSelected] = useState(init.state.selected)
  // Folded by default: the matrix needs the height of a 768-pixel screen; the level counts stay in the summary line.
  const [summaryOpen, setSummaryOpen] = useState(() => localStorage.getItem(SUMMARY_KEY) === '1')
  const catalogue = useCatalogue()
  const summary = useCall('competency:summary', scope, [scope.posyanduId, scope.wilayah])
  const searchRef = useRef<HTMLInputElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)

  const data = useMatrixPages({ ...scope, ...query })
  const total = data.total ?? 0
  const cat = catalogue.info?.catalogue ?? null
  const items = cat ? catalogueItems(cat) : []

  useEffect(() => {
    rememberScope(scope)
  }, [scope])

  // Searching waits for a pause in typing so each keystroke does not query 11,000 rows.
  useEffect(() => {
    const q = text.trim()
    if (q === query.query) return
    const timer = window.setTimeout(() => setQuery((prev) => ({ ...prev, query: q })), 200)
    return () => window.clearTimeout(timer)
  }, [text, query.query])

  const firstKey = useRef(data.key)
  useEffect(() => {
    if (data.key === firstKey.current) return
    setSelected(0)
    scrollRef.current?.scrollTo({ top: 0 })
  }, [data.key])

  useEffect(() => {
    remembered.query = query
    remembered.text = text
    remembered.selected = selected
  }, [query, text, selected])

  const { virtualizer, items: vItems, select } = useVirtualRows({
    total,
    rowHeight: ROW_H,
    scrollRef,
    initialOffset: init.fresh ? 0 : remembered.scrollTop,
    ensure: data.ensure,
    selected,
    setSelected,
    headerHeight: HEAD_H,
  })

  const open = useCallback((row: MatrixRow | undefined) => {
    if (row) navigate(`kader/${row.kaderId}`)
  }, [])

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return
      if (!isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey && e.key === '/') {
        e.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  function onRowKey(e: React.KeyboardEvent, index: number) {
    const body = scrollRef.current
    const page = Math.max(1, Math.floor(((body?.clientHeight ?? 600) - HEAD_H) / ROW_H) - 1)
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      select(moves[e.key]!)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      open(data.getRow(index))
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && body) {
      // The 25 columns may be wider than the window: left/right pans them.
      e.preventDefault()
      body.scrollBy({ left: (e.key === 'ArrowRight' ? 1 : -1) * CELL_W * 4 })
    }
  }

  const filtered = Boolean(query.query || query.level || query.lacking)
  const clearFilters = () => {
    setText('')
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
          inputRef={searchRef}
          value={text}
          onChange={setText}
          onArrowDown={() => total && select(selected)}
          onEnter={() => setQuery((q) => ({ ...q, query: text.trim() }))}
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
          onScroll={(e) => {
            remembered.scrollTop = e.currentTarget.scrollTop
          }}
        >
          {cat && <MatrixHead catalogue={cat} items={items} lacking={query.lacking} style={gridStyle} total={total} />}
          <div role="rowgroup" className="cm-body" style={{ height: virtualizer.getTotalSize(), width }}>
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
            {cat &&
              vItems.map((v) => {
                const row = data.getRow(v.index)
                const isSel = v.index === selected
                return (
                  <div
                    key={v.key}
                    role="row"
                    data-index={v.index}
                    aria-rowindex={v.index + 3}
                    aria-selected={isSel}
                    tabIndex={isSel ? 0 : -1}
                    className={`cm-row cm-item ${isSel ? 'is-selected' : ''} ${row ? '' : 'is-loading'}`}
                    style={{ ...gridStyle, transform: `translateY(${v.start - HEAD_H}px)`, height: ROW_H }}
                    onClick={() => {
                      setSelected(v.index)
                      open(row)
                    }}
                    onKeyDown={(e) => onRowKey(e, v.index)}
                    onFocus={() => v.index !== selected && setSelected(v.index)}
                  >
                    {row ? <MatrixCells row={row} items={items} lacking={query.lacking} /> : <LoadingCells />}
                  </div>
                )
              })}
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
          *
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
                  *
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
            {row.posyanduName} · {row.villageName}
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
