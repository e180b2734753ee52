// The attendance list (daftar hadir) of the meeting form: one row per person, typed or pasted
// at once from a list ("Nama; Jabatan; Instansi; No HP", or columns copied from Excel). Enter
// walks down a column and, in the last row, opens a new one, so a list is typed without the mouse.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Opd } from '@shared/contract'
import { formatNumber } from '../../i18n/format'
import { matchOpd, parseAttendeeList } from './meetingFormat'

export interface AttendeeRow {
  key: string
  name: string
  position: string
  institution: string
  opdId: string | null
  phone: string
  present: boolean
}

const COLUMNS = ['name', 'position', 'institution', 'phone'] as const
type Column = (typeof COLUMNS)[number]

let counter = 0
export function rowKey(): string {
  counter += 1
  return `r${Date.now().toString(36)}${counter}`
}

export function emptyAttendee(): AttendeeRow {
  return { key: rowKey(), name: '', position: '', institution: '', opdId: null, phone: '', present: true }
}

export function isBlankAttendee(r: AttendeeRow): boolean {
  return !r.name.trim() && !r.position.trim() && !r.institution.trim() && !r.phone.trim()
}

export function AttendeeEditor({
  id,
  rows,
  onChange,
  opds,
  errors,
}: {
  id: string
  rows: AttendeeRow[]
  onChange: (rows: AttendeeRow[]) => void
  opds: readonly Opd[]
  /** Messages by path, "attendees.3.phone" (the contract's and the core's paths). */
  errors: Record<string, string>
}) {
  const { t } = useTranslation()
  const [pasteOpen, setPasteOpen] = useState(false)
  const [pasteText, setPasteText] = useState('')
  const [announce, setAnnounce] = useState('')
  const pending = useRef<string | null>(null)
  const pasteRef = useRef<HTMLTextAreaElement>(null)
  const pasted = useMemo(() => parseAttendeeList(pasteText), [pasteText])

  const filled = rows.filter((r) => !isBlankAttendee(r))
  const present = filled.filter((r) => r.present).length

  // Focus moves after the new rows are drawn.
  useEffect(() => {
    if (!pending.current) return
    const el = document.getElementById(pending.current)
    pending.current = null
    el?.focus()
  })

  useEffect(() => {
    if (pasteOpen) pasteRef.current?.focus()
  }, [pasteOpen])

  const cellId = (key: string, col: Column | 'present') => `${id}-${key}-${col}`

  function update(i: number, patch: Partial<AttendeeRow>) {
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  }

  function addRow(focusCol: Column = 'name') {
    const row = emptyAttendee()
    pending.current = cellId(row.key, focusCol)
    onChange([...rows, row])
  }

  function removeRow(i: number) {
    const next = rows.filter((_, j) => j !== i)
    const neighbour = next[i] ?? next[i - 1]
    pending.current = neighbour ? cellId(neighbour.key, 'name') : `${id}-add`
    onChange(next)
  }

  function onCellKey(e: KeyboardEvent<HTMLInputElement>, i: number, col: Column) {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return
    // Enter never sends the whole form from inside the list: Ctrl+S does.
    e.preventDefault()
    const below = rows[i + 1]
    if (below) {
      document.getElementById(cellId(below.key, col))?.focus()
    } else if (!isBlankAttendee(rows[i]!)) {
      addRow(col === 'name' ? 'name' : col)
    }
  }

  function addPasted() {
    if (!pasted.length) return
    const kept = [...rows]
    while (kept.length && isBlankAttendee(kept[kept.length - 1]!)) kept.pop()
    const added: AttendeeRow[] = pasted.map((p) => ({ key: rowKey(), ...p, opdId: matchOpd(p.institution, opds)?.id ?? null, present: true }))
    pending.current = cellId(added[0]!.key, 'name')
    onChange([...kept, ...added])
    setAnnounce(t('meeting.attendance.pastedDone', { count: added.length }))
    setPasteText('')
    setPasteOpen(false)
  }

  const errorFor = (i: number, col: string) => errors[`attendees.${i}.${col}`] ?? null

  return (
    <div className="attendee-editor">
      <p className="attendee-count" aria-live="polite" data-testid="attendee-count">
        {t('meeting.attendance.count', { count: filled.length, n: formatNumber(filled.length) })}
        {filled.length > 0 && ` · ${t('meeting.attendance.presentCount', { present: formatNumber(present), absent: formatNumber(filled.length - present) })}`}
      </p>
      <p className="muted small">{t('meeting.attendance.help')}</p>
      {rows.length > 0 && (
        <div className="table-wrap attendee-wrap">
          <table className="table attendee-table" aria-label={t('meeting.attendance.tableLabel')}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('meeting.attendance.colNo')}
                </th>
                <th scope="col">{t('meeting.attendance.colName')}</th>
                <th scope="col">{t('meeting.attendance.colPosition')}</th>
                <th scope="col">{t('meeting.attendance.colInstitution')}</th>
                <th scope="col">{t('meeting.attendance.colPhone')}</th>
                <th scope="col">{t('meeting.attendance.colPresent')}</th>
                <th scope="col">
                  <span className="sr-only">{t('meeting.attendance.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const n = i + 1
                const who = r.name.trim() || t('meeting.attendance.rowN', { n })
                return (
                  <tr key={r.key} className={r.present ? undefined : 'row-absent'}>
                    <td className="num">{n}</td>
                    {COLUMNS.map((col) => {
                      const err = errorFor(i, col)
                      const cid = cellId(r.key, col)
                      return (
                        <td key={col} className={`attendee-cell attendee-${col}`}>
                          <input
                            id={cid}
                            type={col === 'phone' ? 'tel' : 'text'}
                            autoComplete="off"
                            list={col === 'institution' ? `${id}-opds` : undefined}
                            aria-label={t(`meeting.attendance.cell.${col}`, { n })}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={err ? `${cid}-error` : undefined}
                            value={r[col]}
                            onChange={(e) => {
                              const v = e.target.value
                              if (col === 'institution') update(i, { institution: v, opdId: matchOpd(v, opds)?.id ?? null })
                              else update(i, { [col]: v })
                            }}
                            onKeyDown={(e) => onCellKey(e, i, col)}
                          />
                          {err && (
                            <p id={`${cid}-error`} className="field-error small">
                              {err}
                            </p>
                          )}
                        </td>
                      )
                    })}
                    <td className="attendee-present">
                      <label className="check">
                        <input id={cellId(r.key, 'present')} type="checkbox" checked={r.present} onChange={(e) => update(i, { present: e.target.checked })} />
                        {/* The column head says "Hadir"; the name makes each box's label unique for a screen reader. */}
                        <span className="sr-only">
                          {t('meeting.attendance.present')} {who}
                        </span>
                      </label>
                    </td>
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => removeRow(i)} aria-label={t('meeting.attendance.remove', { who })}>
                        {t('meeting.attendance.removeShort')}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {errors.attendees && (
        <p className="field-error" role="alert">
          {errors.attendees}
        </p>
      )}
      <datalist id={`${id}-opds`}>
        {opds.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <div className="inline-actions">
        <button id={`${id}-add`} type="button" className="btn" onClick={() => addRow()}>
          {t('meeting.attendance.addRow')}
        </button>
        <button type="button" className="btn" aria-expanded={pasteOpen} aria-controls={`${id}-paste-panel`} onClick={() => setPasteOpen((o) => !o)}>
          {t('meeting.attendance.paste')}
        </button>
        <span className="sr-only" role="status">
          {announce}
        </span>
      </div>
      {pasteOpen && (
        <div id={`${id}-paste-panel`} className="paste-panel">
          <label htmlFor={`${id}-paste`} className="field-label">
            {t('meeting.attendance.pasteLabel')}
          </label>
          <p id={`${id}-paste-help`} className="field-help">
            {t('meeting.attendance.pasteHelp')}
          </p>
          <textarea
            ref={pasteRef}
            id={`${id}-paste`}
            rows={8}
            aria-describedby={`${id}-paste-help ${id}-paste-count`}
            placeholder={t('meeting.attendance.pastePlaceholder')}
            value={pasteText}
            onChange={(e) => setPasteText(e.target.value)}
            onKeyDown={(e) => {
              // Esc closes this panel, not the whole form.
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setPasteOpen(false)
              }
            }}
          />
          <p id={`${id}-paste-count`} className="paste-count" aria-live="polite" data-testid="paste-count">
            {pasteText.trim() ? t('meeting.attendance.pasteCount', { count: pasted.length, n: formatNumber(pasted.length) }) : ''}
          </p>
          {pasted.length > 0 && (
            // Scrolls when the list is long: focusable so the keyboard can scroll it too.
            <div className="table-wrap paste-preview" tabIndex={0} role="region" aria-label={t('meeting.attendance.pastePreview')}>
              <table className="table" aria-label={t('meeting.attendance.pastePreview')}>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('meeting.attendance.colNo')}
                    </th>
                    <th scope="col">{t('meeting.attendance.colName')}</th>
                    <th scope="col">{t('meeting.attendance.colPosition')}</th>
                    <th scope="col">{t('meeting.attendance.colInstitution')}</th>
                    <th scope="col">{t('meeting.attendance.colPhone')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pasted.map((p, i) => (
                    <tr key={i}>
                      <td className="num">{i + 1}</td>
                      <td>{p.name}</td>
                      <td>{p.position || t('app.none')}</td>
                      <td>{p.institution || t('app.none')}</td>
                      <td>{p.phone || t('app.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="inline-actions">
            <button type="button" className="btn btn-primary" disabled={!pasted.length} onClick={addPasted}>
              {t('meeting.attendance.pasteAdd', { count: pasted.length, n: formatNumber(pasted.length) })}
            </button>
            <button type="button" className="btn" onClick={() => setPasteOpen(false)}>
              {t('meeting.attendance.pasteClose')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
