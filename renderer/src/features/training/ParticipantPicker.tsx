// Choosing a training's participants: narrow the roster by kelurahan/desa, Posyandu and a
// name, then add one kader or every result at once. A class of 30 from three Posyandu takes
// three choices and three clicks, not thirty searches.

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KaderRow, Posyandu } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { posyanduLabel } from '../posyandu/posyanduLabel'

/** A participant as the form shows them. */
export interface ChosenKader {
  id: string
  name: string
  nikMasked: string
  posyanduName: string
  villageName: string
}

const RESULT_LIMIT = 200

export function toChosen(r: Pick<KaderRow, 'id' | 'name' | 'nikMasked' | 'posyanduName' | 'villageName'>): ChosenKader {
  return { id: r.id, name: r.name, nikMasked: r.nikMasked, posyanduName: r.posyanduName, villageName: r.villageName }
}

export function ParticipantPicker(props: {
  id: string
  posyandu: Posyandu[]
  value: ChosenKader[]
  onChange: (next: ChosenKader[]) => void
  error: string | null
}) {
  const { t } = useTranslation()
  const { value, onChange, posyandu } = props
  const villages = useCall('site:villages', {})
  const [villageCode, setVillageCode] = useState('')
  const [posyanduId, setPosyanduId] = useState('')
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const [activeOnly, setActiveOnly] = useState(true)
  // Each answer remembers the filters it was for: loading is "the shown answer is for other filters".
  const [answer, setAnswer] = useState<{ key: string; results: { total: number; rows: KaderRow[] } | null; error: string | null } | null>(null)
  const [announce, setAnnounce] = useState('')
  const resultsRef = useRef<HTMLUListElement>(null)
  const chosenRef = useRef<HTMLOListElement>(null)
  const chosenIds = new Set(value.map((k) => k.id))
  const manyVillages = new Set(posyandu.map((p) => p.villageCode)).size > 1
  const shownPosyandu = villageCode ? posyandu.filter((p) => p.villageCode === villageCode) : posyandu

  useEffect(() => {
    const q = text.trim()
    if (q === query) return
    const timer = window.setTimeout(() => setQuery(q), 200)
    return () => window.clearTimeout(timer)
  }, [text, query])

  const filterKey = JSON.stringify([query, villageCode, posyanduId, activeOnly])
  const results = answer?.results ?? null
  const loadError = answer?.key === filterKey ? answer.error : null
  const loading = answer?.key !== filterKey

  useEffect(() => {
    let live = true
    const key = JSON.stringify([query, villageCode, posyanduId, activeOnly])
    call('kader:list', {
      query,
      villageCode: villageCode || null,
      posyanduId: posyanduId || null,
      status: activeOnly ? 'aktif' : null,
      sortBy: 'posyandu',
      limit: RESULT_LIMIT,
    }).then(
      (r) => live && setAnswer({ key, results: r, error: null }),
      (e: unknown) => live && setAnswer((prev) => ({ key, results: prev?.results ?? null, error: errorMessage(e) })),
    )
    return () => {
      live = false
    }
  }, [query, villageCode, posyanduId, activeOnly])

  const addable = (results?.rows ?? []).filter((r) => !chosenIds.has(r.id))

  function add(rows: KaderRow[]) {
    if (rows.length === 0) return
    onChange([...value, ...rows.map(toChosen)])
    setAnnounce(t('training.addedMany', { n: rows.length }))
  }

  /** After adding one, focus goes to the next result still to add, so Enter can be pressed again. */
  function addOne(row: KaderRow, index: number) {
    add([row])
    const rows = results?.rows ?? []
    const nextIndex = rows.findIndex((r, i) => i > index && !chosenIds.has(r.id))
    window.requestAnimationFrame(() => {
      const target = nextIndex >= 0 ? resultsRef.current?.querySelector<HTMLButtonElement>(`button[data-index="${nextIndex}"]`) : null
      target?.focus()
    })
  }

  function remove(index: number) {
    const next = value.filter((_, i) => i !== index)
    onChange(next)
    window.requestAnimationFrame(() => {
      const buttons = chosenRef.current?.querySelectorAll<HTMLButtonElement>('button')
      if (buttons && buttons.length) buttons[Math.min(index, buttons.length - 1)]?.focus()
    })
  }

  const labelOf = (r: { posyanduName: string; villageName: string }) => (manyVillages ? `${r.posyanduName} — ${r.villageName}` : r.posyanduName)

  return (
    <fieldset
      id={props.id}
      className={`fieldset participant-picker ${props.error ? 'field-invalid' : ''}`}
      aria-describedby={props.error ? `${props.id}-error` : `${props.id}-help`}
      aria-invalid={props.error ? true : undefined}
    >
      <legend className="sr-only">{t('training.sectionParticipants')}</legend>
      <p id={`${props.id}-help`} className="field-help">
        {t('training.pickerHelp')}
      </p>
      <div className="toolbar picker-toolbar">
        <div className="field">
          <label htmlFor={`${props.id}-village`} className="field-label">
            {t('training.pickVillage')}
          </label>
          <select
            id={`${props.id}-village`}
            value={villageCode}
            onChange={(e) => {
              setVillageCode(e.target.value)
              // A Posyandu of another kelurahan would make the results empty for no visible reason.
              const p = posyandu.find((x) => x.id === posyanduId)
              if (p && e.target.value && p.villageCode !== e.target.value) setPosyanduId('')
            }}
          >
            <option value="">{t('training.pickAll')}</option>
            {(villages.data ?? []).map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${props.id}-posyandu`} className="field-label">
            {t('training.pickPosyandu')}
          </label>
          <select id={`${props.id}-posyandu`} value={posyanduId} onChange={(e) => setPosyanduId(e.target.value)}>
            <option value="">{t('training.pickAll')}</option>
            {shownPosyandu.map((p) => (
              <option key={p.id} value={p.id}>
                {posyanduLabel(p, manyVillages && !villageCode)}
              </option>
            ))}
          </select>
        </div>
        <div className="field toolbar-search">
          <label htmlFor={`${props.id}-search`} className="field-label">
            {t('training.pickSearch')}
          </label>
          <input
            id={`${props.id}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('training.pickSearchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches now instead of sending the whole form; Esc clears before it cancels.
              if (e.key === 'Enter') {
                e.preventDefault()
                setQuery(text.trim())
              } else if (e.key === 'Escape' && text) {
                e.preventDefault()
                setText('')
                setQuery('')
              } else if (e.key === 'ArrowDown') {
                e.preventDefault()
                resultsRef.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus()
              }
            }}
          />
        </div>
        <label className="toggle-chip">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />
          <span>{t('training.pickActiveOnly')}</span>
        </label>
      </div>

      {villages.status === 'error' && <ErrorBox message={villages.error} onRetry={villages.reload} />}
      {loadError && <ErrorBox message={loadError} />}

      <div className="picker-columns">
        <section className="picker-panel" aria-labelledby={`${props.id}-results-title`}>
          <div className="picker-panel-head">
            <h3 id={`${props.id}-results-title`} className="sub-title">
              {t('training.results')}
            </h3>
            <button type="button" className="btn btn-small" disabled={loading || addable.length === 0} onClick={() => add(addable)}>
              {addable.length ? t('training.addAllCount', { n: formatNumber(addable.length) }) : t('training.addAll')}
            </button>
          </div>
          <p className="muted small" aria-live="polite">
            {results
              ? results.total > results.rows.length
                ? t('training.resultsPartial', { shown: formatNumber(results.rows.length), n: formatNumber(results.total) })
                : t('training.resultsCount', { n: formatNumber(results.total) })
              : '\u00a0'}
          </p>
          {loading && <Loading inline />}
          {results && results.rows.length === 0 && <p className="muted">{t('training.resultsEmpty')}</p>}
          {results && results.rows.length > 0 && (
            <ul ref={resultsRef} className="picker-list" aria-label={t('training.results')}>
              {results.rows.map((r, i) => {
                const chosen = chosenIds.has(r.id)
                return (
                  <li key={r.id} className={chosen ? 'picker-item is-chosen' : 'picker-item'}>
                    <span className="picker-who">
                      <span className="picker-name">{r.name}</span>
                      <span className="muted small">
                        {labelOf(r)} · <span className="mono">{r.nikMasked}</span>
                        {r.status !== 'aktif' && (
                          <>
                            {' '}
                            <span className={`badge badge-${r.status}`}>{t(`status.${r.status}`)}</span>
                          </>
                        )}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-index={i}
                      disabled={chosen}
                      aria-label={chosen ? `${r.name}: ${t('training.alreadyChosen')}` : t('training.addOneLabel', { name: r.name })}
                      onClick={() => addOne(r, i)}
                      onKeyDown={(e) => {
                        const buttons = [...(resultsRef.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])]
                        const at = buttons.indexOf(e.currentTarget)
                        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                          e.preventDefault()
                          buttons[e.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0)]?.focus()
                        }
                      }}
                    >
                      {chosen ? t('training.alreadyChosen') : t('training.addOne')}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </section>

        <section className="picker-panel" aria-labelledby={`${props.id}-chosen-title`}>
          <div className="picker-panel-head">
            <h3 id={`${props.id}-chosen-title`} className="sub-title">
              {t('training.chosen')}
            </h3>
            {value.length > 0 && (
              <button type="button" className="btn btn-small btn-danger-outline" onClick={() => onChange([])}>
                {t('training.removeAll')}
              </button>
            )}
          </div>
          <p className="muted small" data-testid="chosen-count">
            {t('training.chosenCount', { n: formatNumber(value.length) })}
          </p>
          {value.length === 0 ? (
            <p className="muted">{t('training.chosenEmpty')}</p>
          ) : (
            <ol ref={chosenRef} className="picker-list" aria-label={t('training.chosen')}>
              {value.map((k, i) => (
                <li key={k.id} className="picker-item">
                  <span className="picker-who">
                    <span className="picker-name">{k.name}</span>
                    <span className="muted small">
                      {labelOf(k)} · <span className="mono">{k.nikMasked}</span>
                    </span>
                  </span>
                  <button type="button" className="btn btn-small" aria-label={t('training.removeLabel', { name: k.name })} onClick={() => remove(i)}>
                    {t('training.remove')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {props.error && (
            <p id={`${props.id}-error`} className="field-error" role="alert">
              {props.error}
            </p>
          )}
        </section>
      </div>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  )
}
