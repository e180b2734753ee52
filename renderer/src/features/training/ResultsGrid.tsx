// Attendance and scores of a class: participants × days of checkboxes, then pre-test, post-test
// and certificate number. Built for the keyboard: arrow keys move between cells like a
// spreadsheet (up/down always; left/right in a text cell only at its edge), Space ticks a day.

import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input, Training } from '@shared/contract'
import { useOfficeToday } from '../../app/AppContext'
import { formatDate } from '../../i18n/format'
import { LevelBadge } from '../competency/LevelBadge'
import { formatScore, parseScore } from './trainingFormat'

interface RowState {
  attendance: Set<string>
  pre: string
  post: string
  certificate: string
}

function initial(tr: Training): Record<string, RowState> {
  const out: Record<string, RowState> = {}
  for (const p of tr.participants) {
    out[p.kaderId] = {
      attendance: new Set(p.attendance),
      pre: formatScore(p.preScore),
      post: formatScore(p.postScore),
      certificate: p.certificateNumber ?? '',
    }
  }
  return out
}

function same(a: RowState, b: RowState): boolean {
  return (
    a.pre.trim() === b.pre.trim() &&
    a.post.trim() === b.post.trim() &&
    a.certificate.trim() === b.certificate.trim() &&
    a.attendance.size === b.attendance.size &&
    [...a.attendance].every((d) => b.attendance.has(d))
  )
}

/** "9 Okt" for a column head: the year is in the page's dates already. */
function dayHead(iso: string): { day: string; month: string } {
  const long = formatDate(iso)
  const [day = '', month = ''] = long.split(' ')
  return { day, month: month.slice(0, 3) }
}

export interface ResultsGridHandle {
  dirty: boolean
  invalid: boolean
  input: Input<'training:results'> | null
}

export function ResultsGrid(props: {
  training: Training
  onState: (state: ResultsGridHandle) => void
  resetKey: number
}) {
  const { t } = useTranslation()
  const { training } = props
  const [rows, setRows] = useState<Record<string, RowState>>(() => initial(training))
  const baseline = useMemo(() => initial(training), [training])
  const tableRef = useRef<HTMLTableElement>(null)

  // A fresh training (after a save or a reload) or a reset request starts from what is stored.
  const [source, setSource] = useState({ training, resetKey: props.resetKey })
  if (source.training !== training || source.resetKey !== props.resetKey) {
    setSource({ training, resetKey: props.resetKey })
    setRows(initial(training))
  }

  const days = training.days
  const cols = days.length + 3
  // A training entered ahead is a plan: a day not yet come (in the office's zone) cannot be
  // ticked, and scores wait for the first day. The core refuses the same; here it is plain to see.
  const today = useOfficeToday()
  const ahead = (d: string) => d > today
  const firstAhead = days.find(ahead)
  const notStarted = training.startDate > today

  const changed = training.participants.filter((p) => rows[p.kaderId] && !same(rows[p.kaderId]!, baseline[p.kaderId]!))
  const bad = (s: string) => parseScore(s) === undefined
  const invalid = training.participants.some((p) => {
    const r = rows[p.kaderId]
    return r ? bad(r.pre) || bad(r.post) : false
  })

  const onState = props.onState
  useEffect(() => {
    onState({
      dirty: changed.length > 0,
      invalid,
      input: invalid
        ? null
        : {
            trainingId: training.id,
            participants: changed.map((p) => {
              const r = rows[p.kaderId]!
              return {
                kaderId: p.kaderId,
                attendance: days.filter((d) => r.attendance.has(d)),
                preScore: parseScore(r.pre) ?? null,
                postScore: parseScore(r.post) ?? null,
                certificateNumber: r.certificate.trim() || null,
              }
            }),
          },
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, baseline])

  const update = (kaderId: string, fn: (r: RowState) => RowState) => setRows((all) => ({ ...all, [kaderId]: fn(all[kaderId]!) }))

  function toggleDay(kaderId: string, day: string, on: boolean) {
    update(kaderId, (r) => {
      const attendance = new Set(r.attendance)
      if (on) attendance.add(day)
      else attendance.delete(day)
      return { ...r, attendance }
    })
  }

  function toggleColumn(day: string) {
    if (ahead(day)) return
    const all = training.participants.every((p) => rows[p.kaderId]?.attendance.has(day))
    setRows((prev) => {
      const next = { ...prev }
      for (const p of training.participants) {
        const attendance = new Set(prev[p.kaderId]!.attendance)
        if (all) attendance.delete(day)
        else attendance.add(day)
        next[p.kaderId] = { ...prev[p.kaderId]!, attendance }
      }
      return next
    })
  }

  function focusCell(row: number, col: number) {
    const r = Math.max(0, Math.min(training.participants.length - 1, row))
    const c = Math.max(0, Math.min(cols - 1, col))
    const el = tableRef.current?.querySelector<HTMLInputElement>(`[data-cell="${r}:${c}"]`)
    if (el) {
      el.focus()
      if (el.type === 'text') el.select()
    }
  }

  function onCellKey(e: React.KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    const el = e.currentTarget
    const text = el.type === 'text'
    const atStart = !text || (el.selectionStart === 0 && el.selectionEnd === 0) || (el.selectionStart === 0 && el.selectionEnd === el.value.length)
    const atEnd = !text || (el.selectionStart === el.value.length && el.selectionEnd === el.value.length) || (el.selectionStart === 0 && el.selectionEnd === el.value.length)
    let target: [number, number] | null = null
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && text)) target = [row + 1, col]
    else if (e.key === 'ArrowUp') target = [row - 1, col]
    else if (e.key === 'ArrowLeft' && atStart) target = [row, col - 1]
    else if (e.key === 'ArrowRight' && atEnd) target = [row, col + 1]
    else if (e.key === 'Home' && e.ctrlKey) target = [0, 0]
    else if (e.key === 'End' && e.ctrlKey) target = [training.participants.length - 1, cols - 1]
    if (target) {
      e.preventDefault()
      focusCell(target[0], target[1])
    }
  }

  return (
    <>
      {firstAhead && (
        <p className="notice" role="note" data-testid="results-ahead">
          {notStarted
            ? t('training.notStartedNotice', { date: formatDate(training.startDate) })
            : t('training.daysAheadNotice', { date: formatDate(firstAhead) })}
        </p>
      )}
      <div className="table-wrap results-wrap">
        <table ref={tableRef} className="table results-grid" aria-label={t('training.sectionResults')}>
          <thead>
            <tr>
              <th scope="col">{t('training.colName')}</th>
              <th scope="col">{t('training.colLevel')}</th>
              {days.map((d) => {
                const h = dayHead(d)
                return (
                  <th key={d} scope="col" className="day-col">
                    <span className="day-head" aria-label={formatDate(d)}>
                      <span className="day-num">{h.day}</span> <span className="day-month">{h.month}</span>
                    </span>
                    <button
                      type="button"
                      className="link-button small"
                      aria-label={t('training.allDayLabel', { date: formatDate(d) })}
                      disabled={ahead(d)}
                      onClick={() => toggleColumn(d)}
                    >
                      {t('training.allDay')}
                    </button>
                  </th>
                )
              })}
              <th scope="col" className="num">
                {t('training.colAttended')}
              </th>
              <th scope="col">{t('training.colPre')}</th>
              <th scope="col">{t('training.colPost')}</th>
              <th scope="col">{t('training.colCertificate')}</th>
            </tr>
          </thead>
          <tbody>
            {training.participants.map((p, ri) => {
              const r = rows[p.kaderId]
              if (!r) return null
              const isChanged = !same(r, baseline[p.kaderId]!)
              return (
                <tr key={p.kaderId} className={isChanged ? 'row-changed' : undefined}>
                  <th scope="row" className="results-name">
                    <a href={`#/kader/${p.kaderId}`}>{p.name}</a>
                    <span className="muted small">{p.posyanduName}</span>
                  </th>
                  <td>
                    <LevelBadge level={p.level} />
                  </td>
                  {days.map((d, di) => (
                    <td key={d} className="day-cell">
                      <input
                        type="checkbox"
                        data-cell={`${ri}:${di}`}
                        aria-label={t('training.attendLabel', { name: p.name, date: formatDate(d) })}
                        checked={r.attendance.has(d)}
                        disabled={ahead(d) && !r.attendance.has(d)}
                        onChange={(e) => toggleDay(p.kaderId, d, e.target.checked)}
                        onKeyDown={(e) => onCellKey(e, ri, di)}
                      />
                    </td>
                  ))}
                  <td className="num">{t('training.attendedOf', { n: days.filter((d) => r.attendance.has(d)).length, total: days.length })}</td>
                  <td>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="score-input"
                      data-cell={`${ri}:${days.length}`}
                      aria-label={t('training.preLabel', { name: p.name })}
                      aria-invalid={bad(r.pre) || undefined}
                      title={bad(r.pre) ? t('training.scoreInvalid') : undefined}
                      value={r.pre}
                      disabled={notStarted && !r.pre}
                      onChange={(e) => update(p.kaderId, (x) => ({ ...x, pre: e.target.value }))}
                      onKeyDown={(e) => onCellKey(e, ri, days.length)}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="score-input"
                      data-cell={`${ri}:${days.length + 1}`}
                      aria-label={t('training.postLabel', { name: p.name })}
                      aria-invalid={bad(r.post) || undefined}
                      title={bad(r.post) ? t('training.scoreInvalid') : undefined}
                      value={r.post}
                      disabled={notStarted && !r.post}
                      onChange={(e) => update(p.kaderId, (x) => ({ ...x, post: e.target.value }))}
                      onKeyDown={(e) => onCellKey(e, ri, days.length + 1)}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      className="certificate-input"
                      data-cell={`${ri}:${days.length + 2}`}
                      aria-label={t('training.certificateLabel', { name: p.name })}
                      value={r.certificate}
                      disabled={notStarted && !r.certificate}
                      maxLength={100}
                      onChange={(e) => update(p.kaderId, (x) => ({ ...x, certificate: e.target.value }))}
                      onKeyDown={(e) => onCellKey(e, ri, days.length + 2)}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
