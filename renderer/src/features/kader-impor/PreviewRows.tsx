// The preview's rows as they will be saved, drawn a window at a time (TanStack Virtual: a
// roster can hold thousands of rows). Each problem is written in the cell it is about, red for
// an error (the row is skipped) and amber for a warning (saved, but look), and tied to the cell
// and the row with aria-describedby. Rows with problems are taller, so rows are measured.

import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { KaderImportPosyandu, KaderImportRow } from '@shared/contract'
import { EDUCATION_LEVELS, KADER_ROLES, KADER_STATUSES } from '@shared/domain/reference'
import { formatPhone } from '@shared/domain/phone'
import { formatDate } from '../../i18n/format'
import { PREVIEW_COLUMNS, problemId, problemsByColumn, type PreviewColumnKey } from './importFormat'

const HEAD_H = 44
const ROW_H = 56
const PROBLEM_H = 40

const includes = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v)

export function PreviewRows({ rows, posyandu, busy }: { rows: KaderImportRow[]; posyandu: KaderImportPosyandu[]; busy: boolean }) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState(0)
  const pendingFocus = useRef(false)
  const total = rows.length

  // The virtualizer is read afresh on every render (nothing of it is memoised or passed down).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_H + (rows[i]?.problems.length ?? 0) * PROBLEM_H,
    getItemKey: (i) => rows[i]?.row ?? i,
    overscan: 6,
    scrollMargin: HEAD_H,
    scrollPaddingStart: HEAD_H,
  })
  const items = virtualizer.getVirtualItems()

  // Another filter (or a new preview) starts at the top.
  const firstRow = rows[0]?.row
  useEffect(() => {
    setSelected(0)
    scrollRef.current?.scrollTo({ top: 0 })
  }, [total, firstRow])

  // A row selected off screen is focused once it has been drawn.
  useEffect(() => {
    if (!pendingFocus.current) return
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)
    if (el) {
      pendingFocus.current = false
      el.focus({ preventScroll: true })
    }
  })

  function select(index: number) {
    if (!total) return
    const i = Math.max(0, Math.min(total - 1, index))
    setSelected(i)
    pendingFocus.current = true
    virtualizer.scrollToIndex(i, { align: 'auto' })
    window.requestAnimationFrame(() => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)
      if (el && pendingFocus.current) {
        pendingFocus.current = false
        el.focus({ preventScroll: true })
      }
    })
  }

  function onRowKey(e: React.KeyboardEvent, index: number) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / (ROW_H + 20)) - 1)
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
    }
  }

  const names = posyanduNames(posyandu)
  const head = (key: string) => (
    <div role="columnheader" className="cell">
      {t(`spreadsheet.import.${key}` as 'spreadsheet.import.colRow')}
    </div>
  )

  return (
    <div
      className={`impor-grid card ${busy ? 'is-stale' : ''}`}
      role="grid"
      aria-label={t('spreadsheet.import.rowsLabel')}
      aria-rowcount={total + 1}
      aria-colcount={PREVIEW_COLUMNS.length + 2}
      aria-busy={busy || undefined}
    >
      <div ref={scrollRef} className="impor-scroll">
        <div role="rowgroup" className="impor-head" style={{ height: HEAD_H }}>
          <div role="row" aria-rowindex={1} className="impor-row">
            {head('colRow')}
            {head('colAction')}
            {head('colName')}
            {head('colNik')}
            {head('colSex')}
            {head('colBirth')}
            {head('colAddress')}
            {head('colPhone')}
            {head('colPosyandu')}
            {head('colRole')}
            {head('colOther')}
          </div>
        </div>
        <div role="rowgroup" className="impor-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const row = rows[v.index]
            if (!row) return null
            const byCol = problemsByColumn(row)
            const ids = row.problems.map((_, i) => problemId(row.row, i)).join(' ')
            return (
              <div
                key={v.key}
                ref={virtualizer.measureElement}
                role="row"
                data-index={v.index}
                aria-rowindex={v.index + 2}
                aria-describedby={ids || undefined}
                tabIndex={v.index === selected ? 0 : -1}
                className={`impor-row impor-item impor-action-${row.action}`}
                style={{ transform: `translateY(${v.start - HEAD_H}px)` }}
                onKeyDown={(e) => onRowKey(e, v.index)}
                onFocus={() => v.index !== selected && setSelected(v.index)}
                onClick={() => setSelected(v.index)}
              >
                <div role="rowheader" className="cell impor-rownum mono">
                  <span className="sr-only">{t('spreadsheet.import.rowLabel', { row: row.row })}</span>
                  <span aria-hidden="true">{row.row}</span>
                </div>
                <div role="gridcell" className="cell">
                  <span className={`badge impor-badge-${row.action}`}>{t(`spreadsheet.import.action.${row.action}`)}</span>
                </div>
                {PREVIEW_COLUMNS.map((c) => (
                  <Cell key={c.key} column={c.key} row={row} problems={byCol.get(c.key) ?? []}>
                    <Value column={c.key} row={row} names={names} />
                  </Cell>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

function Cell({
  column,
  row,
  problems,
  children,
}: {
  column: PreviewColumnKey
  row: KaderImportRow
  problems: { id: string; problem: KaderImportRow['problems'][number] }[]
  children: ReactNode
}) {
  const { t } = useTranslation()
  const severity = problems.some((p) => p.problem.severity === 'error') ? 'error' : problems.length ? 'warning' : null
  // What the file held for the fields a problem is about, when it differs from what will be saved.
  const shown = new Set<string>()
  const raws: string[] = []
  for (const { problem } of problems) {
    if (problem.field === 'row') continue
    const raw = row.raw[problem.field]
    // Worth showing only when it differs from what will be saved ("L" saved as L says nothing).
    const saved: unknown = (row.values as Record<string, unknown>)[problem.field === 'posyandu' ? 'posyanduName' : problem.field]
    if (typeof saved === 'string' && raw && saved.trim().toLowerCase() === raw.trim().toLowerCase()) continue
    if (raw && !shown.has(raw)) {
      shown.add(raw)
      raws.push(raw)
    }
  }
  return (
    <div
      role="gridcell"
      className={`cell impor-cell impor-col-${column} ${severity ? `has-${severity}` : ''}`}
      aria-describedby={problems.length ? problems.map((p) => p.id).join(' ') : undefined}
    >
      <div className="impor-value">{children}</div>
      {raws.map((r) => (
        <span key={r} className="impor-raw mono">
          {t('spreadsheet.import.inFile', { value: r })}
        </span>
      ))}
      {problems.map(({ id, problem }) => (
        <p key={id} id={id} className={`impor-problem impor-problem-${problem.severity}`}>
          <span className="impor-problem-icon" aria-hidden="true">
            {problem.severity === 'error' ? '✕' : '!'}
          </span>
          <span className="sr-only">{t(`spreadsheet.import.${problem.severity}`)}: </span>
          {problem.message}
        </p>
      ))}
    </div>
  )
}

interface PosyanduNames {
  /** Registered Posyandu by id (the choices and the suggestions). */
  byId: Map<string, string>
  /** The file's names (and their lower-case form) → how they are mapped. */
  byName: Map<string, KaderImportPosyandu>
}

function posyanduNames(posyandu: KaderImportPosyandu[]): PosyanduNames {
  const byId = new Map<string, string>()
  const byName = new Map<string, KaderImportPosyandu>()
  for (const p of posyandu) {
    for (const s of p.suggestions) byId.set(s.id, s.name)
    if (p.choice?.kind === 'existing') byId.set(p.choice.id, p.choice.name)
    // Every spelling of the file ("MELATI IV" beside "Melati 4") finds its line.
    for (const name of [p.name, ...p.spellings]) {
      byName.set(name, p)
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), p)
    }
  }
  return { byId, byName }
}

function Value({ column, row, names }: { column: PreviewColumnKey; row: KaderImportRow; names: PosyanduNames }) {
  const { t } = useTranslation()
  const v = row.values
  const none = <span className="muted">{t('app.none')}</span>
  const lines = (xs: (string | null | false)[]) => {
    const shown = xs.filter((x): x is string => Boolean(x))
    if (!shown.length) return none
    return shown.map((x, i) => (
      <span key={i} className={i ? 'row-sub' : undefined}>
        {x}
      </span>
    ))
  }
  switch (column) {
    case 'name':
      return v.name ? <span className="row-name">{v.name}</span> : none
    case 'nik':
      return v.nik ? <span className="mono">{v.nik}</span> : none
    case 'sex':
      return v.sex ? <span>{t(`sex.short${v.sex}`)}</span> : none
    case 'birth':
      return lines([v.birthPlace, v.birthDate && formatDate(v.birthDate)])
    case 'address':
      return lines([v.address, (v.rt || v.rw) && t('spreadsheet.import.rtRw', { rt: v.rt ?? '–', rw: v.rw ?? '–' })])
    case 'phone':
      return v.phone ? <span className="mono">{formatPhone(v.phone)}</span> : none
    case 'posyandu': {
      const written = v.posyanduName
      const going = v.posyanduId ? names.byId.get(v.posyanduId) : undefined
      if (going) return lines([going, written && written !== going && t('spreadsheet.import.inFile', { value: written })])
      if (!written) return none
      const mapped = names.byName.get(written) ?? names.byName.get(written.toLowerCase())
      if (mapped?.choice?.kind === 'new') {
        // The one new Posyandu made for this name, its other spellings and the names that follow it.
        const created = mapped.sameAs ?? mapped.name
        return lines([t('spreadsheet.import.newPosyandu', { name: created }), created !== written && t('spreadsheet.import.inFile', { value: written })])
      }
      if (mapped?.choice?.kind === 'existing') return lines([mapped.choice.name, mapped.choice.name !== written && t('spreadsheet.import.inFile', { value: written })])
      return lines([written])
    }
    case 'role':
      return lines([includes(KADER_ROLES, v.role) ? t(`role.${v.role}`) : v.role])
    case 'other':
      return lines([
        includes(EDUCATION_LEVELS, v.education) ? t(`education.${v.education}`) : v.education,
        v.skNumber && (v.skDate ? t('spreadsheet.import.skDated', { number: v.skNumber, date: formatDate(v.skDate) }) : t('spreadsheet.import.sk', { number: v.skNumber })),
        includes(KADER_STATUSES, v.status) ? t(`status.${v.status}`) : v.status,
        v.notes,
      ])
  }
}
