import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useListSearch } from '../../components/useListSearch'
import { formatDate, formatNumber } from '../../i18n/format'
import { MeetingTabs } from '../meeting/MeetingTabs'
import { highlight } from './highlight'
import './search.css'


/** The last answer, with the words it answers: while a newer search runs, the older hits stay shown. */
type Answer = { q: string; tick: number } & ({ hits: SearchHit[]; error: null } | { hits: null; error: string })

type State = { status: 'idle' } | { status: 'loading'; hits: SearchHit[] | null } | { status: 'done'; hits: SearchHit[] } | { status: 'error'; message: string }

export function SearchPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const q = (params.get('q') ?? '').trim()
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [tick, setTick] = useState(0)
  // The words live in the address, so Back from a result returns to the same results; a link
  // from elsewhere (the tabs) can change them under this page.
  const { text, setText, searchRef: inputRef, submit } = useListSearch({ query: q, commit: (next) => navigate('rapat/cari', { q: next }, { replace: true }), delay: 250 })

  useEffect(() => {
    inputRef.current?.focus()
  }, [])

  useEffect(() => {
    if (!q) return
    let live = true
    call('search:query', { query: q, limit: 50 }).then(
      (hits) => live && setAnswer({ q, tick, hits, error: null }),
      (e: unknown) => live && setAnswer({ q, tick, hits: null, error: errorMessage(e) }),
    )
    return () => {
      live = false
    }
  }, [q, tick])

  const state: State = !q
    ? { status: 'idle' }
    : answer?.q !== q || answer.tick !== tick
      ? { status: 'loading', hits: answer?.hits ?? null }
      : answer.error !== null
        ? { status: 'error', message: answer.error }
        : { status: 'done', hits: answer.hits }

  const hits = state.status === 'done' ? state.hits : state.status === 'loading' ? state.hits : null

  // Hits found only with a slip in a word come after the exact ones (search.service.ts); when there is nothing else, say so.
  const statusLine = (found: SearchHit[]) => {
    const similar = found.filter((h) => h.similar).length
    if (found.length === 0) return t('followUp.searchEmpty', { q })
    if (similar === found.length) return t('followUp.searchSimilar', { n: formatNumber(similar), q })
    if (similar > 0) return t('followUp.searchCountSimilar', { n: formatNumber(found.length), similar: formatNumber(similar), q })
    return t('followUp.searchCount', { n: formatNumber(found.length), q })
  }

  return (
    <div className="page search-page">
      <MeetingTabs current="cari" />
      {/* The box, not the heading, takes the focus here: people come to this page to type. */}
      <PageHeading focus={false}>{t('followUp.searchTitle')}</PageHeading>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="field toolbar-search">
          <label htmlFor="search-q" className="field-label">
            {t('followUp.searchLabel')}
          </label>
          <input
            ref={inputRef}
            id="search-q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('followUp.searchBoxPlaceholder')}
            aria-keyshortcuts="/"
            aria-describedby="search-help"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault()
                document.querySelector<HTMLAnchorElement>('.search-hits a')?.focus()
              }
            }}
          />
        </div>
      </form>
      <p id="search-help" className="muted small">
        {t('followUp.searchHelp')} {t('followUp.searchHint')}
      </p>
      <div className="list-status">
        <p aria-live="polite" aria-atomic="true">
          {state.status === 'idle'
            ? t('followUp.searchStart')
            : state.status === 'done'
              ? statusLine(state.hits)
              : '\u00a0'}
        </p>
        {state.status === 'loading' && <Loading inline />}
      </div>
      {state.status === 'error' && <ErrorBox message={state.message} onRetry={() => setTick((n) => n + 1)} />}
      {hits && hits.length > 0 && (
        <ol className="search-hits" aria-label={t('followUp.searchResults')}>
          {hits.map((h) => (
            <li key={`${h.kind}:${h.id}`} className="search-hit card">
              <div className="search-hit-head">
                <span className={`badge search-kind search-kind-${h.kind}`}>{t(`followUp.hitKind.${h.kind}`)}</span>
                <a href={h.kind === 'rapat' ? href(`rapat/${h.id}`) : href(`tindak-lanjut/${h.id}`)} className="search-hit-title">
                  {h.title}
                </a>
                {h.similar && (
                  <span className="badge search-similar" title={t('followUp.hitSimilarLong')}>
                    {t('followUp.hitSimilar')}
                  </span>
                )}
                <span className="muted small search-hit-date">{formatDate(h.date)}</span>
              </div>
              {h.snippet && <p className="search-snippet">{highlight(h.snippet)}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
