// Lists that grow year by year (trainings, meetings): a kota holds thousands of them, so people
// look at one year at a time and the table draws a hundred rows at a time, so it opens at once.

import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../i18n/format'

const PAGE = 100

/**
 * `rows` as loaded, `dateOf` their calendar date ("YYYY-MM-DD"), `searchKey` what else narrows
 * the list: "show more" counts for one search and year, a new one starts from the first hundred.
 */
export function useYearPages<R>(rows: R[] | null | undefined, dateOf: (row: R) => string, searchKey: string, initialYear: string | null) {
  const [year, setYear] = useState(initialYear ?? '')
  const listKey = `${searchKey}|${year}`
  const [more, setMore] = useState({ key: listKey, limit: PAGE })
  const limit = more.key === listKey ? more.limit : PAGE
  const years = useMemo(() => [...new Set((rows ?? []).map((r) => dateOf(r).slice(0, 4)))].sort().reverse(), [rows, dateOf])
  const all = useMemo(() => (rows && year ? rows.filter((r) => dateOf(r).startsWith(year)) : rows), [rows, year, dateOf])
  return {
    year,
    setYear,
    years,
    /** Every row of the chosen year (or all years). */
    all,
    /** The rows drawn now. */
    shown: all?.slice(0, limit),
    showMore: () => setMore({ key: listKey, limit: limit + PAGE }),
  }
}

export function YearSelect({ id, value, years, onChange }: { id: string; value: string; years: string[]; onChange: (year: string) => void }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('app.year')}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('app.allYears')}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  )
}

/** "Tampilkan 100 lagi" under a list that holds more than it draws. */
export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const { t } = useTranslation()
  if (shown >= total) return null
  return (
    <p>
      <button type="button" className="btn" onClick={onMore}>
        {t('app.showMore', { n: formatNumber(Math.min(PAGE, total - shown)) })}
      </button>
    </p>
  )
}
