// The agenda of the meeting form: numbered items, each a title and its minutes. Adding,
// removing and moving keep the keyboard where the person is working.

import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { emptyAgenda, type AgendaRow } from './meetingFormValues'
import { RichTextEditor } from './RichTextEditor'

export function AgendaEditor({
  rows,
  onChange,
  errors,
}: {
  rows: AgendaRow[]
  onChange: (rows: AgendaRow[]) => void
  /** Messages by path of the rows on screen, "agenda.1.title"; "agenda" for the list as a whole. */
  errors: Record<string, string>
}) {
  const { t } = useTranslation()
  const pendingFocus = useRef<string | null>(null)

  useEffect(() => {
    if (!pendingFocus.current) return
    const el = document.getElementById(pendingFocus.current)
    pendingFocus.current = null
    el?.focus()
  })

  function update(i: number, patch: Partial<AgendaRow>) {
    onChange(rows.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  }
  function add() {
    const row = emptyAgenda()
    pendingFocus.current = `m-agenda-${row.key}-title`
    onChange([...rows, row])
  }
  function remove(i: number) {
    const next = rows.filter((_, j) => j !== i)
    const neighbour = next[i] ?? next[i - 1]
    pendingFocus.current = neighbour ? `m-agenda-${neighbour.key}-title` : 'm-agenda-add'
    onChange(next)
  }
  function move(i: number, by: -1 | 1) {
    const j = i + by
    if (j < 0 || j >= rows.length) return
    const next = [...rows]
    ;[next[i], next[j]] = [next[j]!, next[i]!]
    const key = next[j]!.key
    // The button pressed stays under the keyboard, unless the item reached the end of the list.
    const atEdge = (by === -1 && j === 0) || (by === 1 && j === next.length - 1)
    pendingFocus.current = `m-agenda-${key}-${atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`
    onChange(next)
  }

  // An error on a nested row that no field shows (e.g. "Paling banyak 30 agenda.").
  const listError = errors.agenda ?? null

  return (
    <>
      <p className="muted small">{t('meeting.agendaHelp')}</p>
      <ol className="agenda-editor">
        {rows.map((a, i) => {
          const n = i + 1
          const base = `m-agenda-${a.key}`
          return (
            <li key={a.key} className="agenda-item">
              <div className="agenda-item-head">
                <span className="agenda-number" aria-hidden="true">
                  {n}.
                </span>
                <Field id={`${base}-title`} label={t('meeting.agendaTitleN', { n })} error={errors[`agenda.${i}.title`] ?? null} className="grow">
                  {(c) => (
                    <input
                      {...c}
                      type="text"
                      autoComplete="off"
                      value={a.title}
                      onChange={(e) => update(i, { title: e.target.value })}
                      onKeyDown={(e) => {
                        // Enter in a title goes on to its minutes instead of sending the form.
                        if (e.key === 'Enter' && !e.ctrlKey && !e.shiftKey) {
                          e.preventDefault()
                          document.getElementById(`${base}-minutes`)?.focus()
                        }
                      }}
                    />
                  )}
                </Field>
                <div className="agenda-item-actions">
                  <button id={`${base}-up`} type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('meeting.agendaUp', { n })}>
                    ↑
                  </button>
                  <button
                    id={`${base}-down`}
                    type="button"
                    className="btn btn-small"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('meeting.agendaDown', { n })}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn btn-small btn-danger-outline" onClick={() => remove(i)} aria-label={t('meeting.agendaRemove', { n })}>
                    {t('meeting.agendaRemoveShort')}
                  </button>
                </div>
              </div>
              <Field id={`${base}-minutes`} label={t('meeting.agendaMinutesN', { n })} help={t('meeting.rte.help')} error={errors[`agenda.${i}.minutes`] ?? null}>
                {(c) => <RichTextEditor {...c} name={t('meeting.agendaMinutesN', { n })} value={a.minutes} onChange={(v) => update(i, { minutes: v })} rows={6} />}
              </Field>
            </li>
          )
        })}
      </ol>
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      <p>
        <button id="m-agenda-add" type="button" className="btn" onClick={add} disabled={rows.length >= 30}>
          {t('meeting.agendaAdd')}
        </button>
      </p>
    </>
  )
}
