// The area picker's search box: an ARIA 1.2 combobox with a listbox popup. The first result is
// active as soon as results arrive, so "type the name, press Enter" works for the common case.

import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area, AreaLevel } from '@shared/contract'
import { call, errorMessage } from '../../api/client'

export function AreaSearch(props: {
  level: AreaLevel
  label: string
  error?: string | null
  onChoose: (area: Area) => void
  inputRef?: React.Ref<HTMLInputElement>
}) {
  const { t } = useTranslation()
  const baseId = useId()
  const inputId = `${baseId}-input`
  const listId = `${baseId}-list`
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Area[]>([])
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [searched, setSearched] = useState('')
  const seq = useRef(0)

  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setResults([])
      setOpen(false)
      setSearched('')
      return
    }
    const n = ++seq.current
    const timer = window.setTimeout(async () => {
      setSearching(true)
      try {
        const found = await call('area:search', { query: q, level: props.level, limit: 20 })
        if (n !== seq.current) return
        setResults(found)
        setActive(found.length ? 0 : -1)
        setOpen(true)
        setSearchError(null)
        setSearched(q)
      } catch (e) {
        if (n === seq.current) setSearchError(errorMessage(e))
      } finally {
        if (n === seq.current) setSearching(false)
      }
    }, 200)
    return () => window.clearTimeout(timer)
  }, [query, props.level])

  function choose(area: Area) {
    setOpen(false)
    setQuery('')
    setResults([])
    props.onChoose(area)
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!open && results.length) setOpen(true)
      setActive((i) => Math.min(results.length - 1, i + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(0, i - 1))
    } else if (e.key === 'Home' && open) {
      setActive(0)
    } else if (e.key === 'End' && open) {
      setActive(results.length - 1)
    } else if (e.key === 'Enter') {
      // Enter never submits the whole setup form from here: it picks the area.
      e.preventDefault()
      const area = results[active]
      if (open && area) choose(area)
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault()
        setOpen(false)
      } else if (query) {
        e.preventDefault()
        setQuery('')
      }
    }
  }

  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  const expanded = open && results.length > 0
  const message = searchError
    ? searchError
    : searching
      ? t('setup.searching')
      : searched && results.length === 0
        ? t('setup.noResults')
        : searched
          ? t('setup.resultsCount', { count: results.length })
          : ''
  return (
    <div className={`field combobox ${props.error ? 'field-invalid' : ''}`}>
      <label htmlFor={inputId} className="field-label">
        {props.label}
      </label>
      <div className="combobox-wrap">
        <svg className="search-icon" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={props.inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${inputId}-help ${inputId}-status${props.error ? ` ${inputId}-error` : ''}`}
          aria-invalid={props.error ? true : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => results.length && setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-label={props.label} className="combobox-list" hidden={!expanded}>
          {results.map((area, i) => (
            <li
              key={area.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'option option-active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(area)}
            >
              {/* "Sukarasa — Kec. Tangerang, Kota Tangerang, Banten": what tells same-named villages apart. */}
              <span className="option-name">
                {area.name}
                {area.parentPath && <span className="option-path"> — {area.parentPath}</span>}
              </span>
              <span className="option-code">{area.code}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={`${inputId}-help`} className="field-help">
        {t('setup.areaHelp')}
      </p>
      <p id={`${inputId}-status`} className={searchError ? 'field-error' : 'field-status'} aria-live="polite">
        {message}
      </p>
      {props.error && (
        <p id={`${inputId}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  )
}
