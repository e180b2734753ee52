// Two pictures of an area's competencies. Both are lists with the numbers written out, so
// nothing lives only in the bars (screen readers, print, colour-blind readers); each bar is a
// button when the page can narrow the matrix or the needs to it.

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Catalogue, LevelCode } from '@shared/domain/competency'
import { formatNumber } from '../../i18n/format'

export type LevelKey = LevelCode | 'none'
const LEVEL_KEYS: LevelKey[] = ['none', 'purwa', 'madya', 'utama']

function percent(n: number, of: number): number {
  return of > 0 ? Math.round((n / of) * 100) : 0
}

/** How many kader hold each level (and none), as horizontal bars with count and share. */
export function LevelChart(props: {
  title: string
  levels: Record<LevelKey, number>
  total: number
  selected?: LevelKey | null
  onPick?: (level: LevelKey) => void
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const max = Math.max(1, ...LEVEL_KEYS.map((k) => props.levels[k] ?? 0))
  return (
    <figure className="bar-chart cm-level-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="bar-chart-title">
        {props.title}
      </figcaption>
      <ul className="bar-list">
        {LEVEL_KEYS.map((k) => {
          const n = props.levels[k] ?? 0
          const label = t(`competency.levelName.${k}`)
          const body = (
            <>
              <span className="bar-label">{label}</span>
              <svg className="bar-svg" width="100%" height="22" aria-hidden="true" focusable="false">
                <rect className="bar-track" x="0" y="2" width="100%" height="18" rx="4" />
                {n > 0 && <rect className={`bar-fill cm-fill-${k}`} x="0" y="2" width={`${Math.max(1, (n / max) * 100)}%`} height="18" rx="4" />}
              </svg>
              <span className="bar-value">
                {formatNumber(n)} <span className="cm-share">({percent(n, props.total)}%)</span>
              </span>
            </>
          )
          return (
            <li key={k} className="cm-level-row">
              {props.onPick ? (
                <button
                  type="button"
                  className="bar-row cm-bar-button"
                  aria-pressed={props.selected === k}
                  title={t('competency.charts.pickLevel', { level: label })}
                  onClick={() => props.onPick!(k)}
                >
                  {body}
                </button>
              ) : (
                <div className="bar-row">{body}</div>
              )}
            </li>
          )
        })}
      </ul>
    </figure>
  )
}

/**
 * One column per competency code, grouped A–E under the group's name. `value` per code is a
 * count; the column shows it as a share of `of` (percent) or as the count itself.
 */
export function CodeChart(props: {
  title: string
  catalogue: Catalogue
  values: Record<string, number>
  of: number
  show: 'percent' | 'count'
  tone?: 'good' | 'gap'
  /** Read out for each column, e.g. "A1: 12 dari 30 kader kompeten (40%)". */
  describe: (code: string, value: number, pct: number) => string
  selected?: string | null
  onPick?: (code: string) => void
  pickHint?: string
  /**
   * A part of each column drawn darker at its foot (e.g. of the kader lacking a skill, those
   * assessed and found belum kompeten), with the legend naming both parts.
   */
  part?: { values: Record<string, number>; label: string; restLabel: string }
}) {
  const titleId = useId()
  const maxCount = Math.max(1, ...Object.values(props.values))
  return (
    <figure className={`cm-code-chart cm-tone-${props.tone ?? 'good'}`} aria-labelledby={titleId}>
      <figcaption id={titleId} className="bar-chart-title">
        {props.title}
      </figcaption>
      <div className="cm-code-groups">
        {props.catalogue.groups.map((g) => (
          <div key={g.code} className="cm-code-group" style={{ flexGrow: g.items.length }}>
            <ul className="cm-code-cols" aria-label={`${g.code} · ${g.name}`}>
              {g.items.map((it) => {
                const v = props.values[it.code] ?? 0
                const pct = percent(v, props.of)
                const height = props.show === 'percent' ? pct : Math.round((v / maxCount) * 100)
                const text = props.show === 'percent' ? String(pct) : formatNumber(v)
                const description = props.describe(it.code, v, pct)
                const inner = (
                  <>
                    <span className="cm-col-value" aria-hidden="true">
                      {text}
                    </span>
                    <span className="cm-col-track" aria-hidden="true">
                      <span className="cm-col-fill" style={{ height: `${v > 0 ? Math.max(2, height) : 0}%` }}>
                        {props.part && v > 0 && (
                          <span className="cm-col-part" style={{ height: `${Math.round(((props.part.values[it.code] ?? 0) / v) * 100)}%` }} />
                        )}
                      </span>
                    </span>
                    <span className="cm-col-code" aria-hidden="true">
                      {it.code}
                    </span>
                    <span className="sr-only">{description}</span>
                  </>
                )
                return (
                  <li key={it.code} className={`cm-col ${props.selected === it.code ? 'is-selected' : ''}`} title={`${it.code}: ${it.text}\n${description}`}>
                    {props.onPick ? (
                      <button
                        type="button"
                        className="cm-col-button"
                        aria-pressed={props.selected === it.code}
                        onClick={() => props.onPick!(it.code)}
                      >
                        {inner}
                      </button>
                    ) : (
                      <span className="cm-col-button">{inner}</span>
                    )}
                  </li>
                )
              })}
            </ul>
            <p className="cm-code-group-name" title={g.name}>
              <strong>{g.code}</strong> <span>{g.name}</span>
            </p>
          </div>
        ))}
      </div>
      {props.part && (
        <ul className="cm-code-legend" aria-hidden="true">
          <li>
            <span className="cm-swatch cm-swatch-rest" /> {props.part.restLabel}
          </li>
          <li>
            <span className="cm-swatch cm-swatch-part" /> {props.part.label}
          </li>
        </ul>
      )}
      {props.pickHint && <p className="muted small">{props.pickHint}</p>}
    </figure>
  )
}
