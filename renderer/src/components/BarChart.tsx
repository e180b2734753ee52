import { useId } from 'react'
import { formatNumber } from '../i18n/format'

export interface Bar {
  key: string
  label: string
  value: number
}

/**
 * Horizontal bars: labels stay readable HTML text at any width, each bar is a small SVG.
 * The numbers are printed next to the bars and the whole chart is a list, so nothing is
 * only in the picture.
 */
export function BarChart({ title, bars, tone = 'primary' }: { title: string; bars: Bar[]; tone?: 'primary' | 'status' }) {
  const titleId = useId()
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <figure className={`bar-chart bar-chart-${tone}`} aria-labelledby={titleId}>
      <figcaption id={titleId} className="bar-chart-title">
        {title}
      </figcaption>
      <ul className="bar-list">
        {bars.map((b) => (
          <li key={b.key} className={`bar-row bar-${b.key}`}>
            <span className="bar-label">{b.label}</span>
            <svg className="bar-svg" width="100%" height="22" aria-hidden="true" focusable="false">
              <rect className="bar-track" x="0" y="2" width="100%" height="18" rx="4" />
              {b.value > 0 && <rect className="bar-fill" x="0" y="2" width={`${Math.max(1, (b.value / max) * 100)}%`} height="18" rx="4" />}
            </svg>
            <span className="bar-value">{formatNumber(b.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
