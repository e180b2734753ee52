// The class sheet's cells and the keyboard that fills them: "k k k b k" along a row moves right
// by itself and wraps to the next participant. Only filled cells are judgements.

import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { AssessmentResult } from '@shared/domain/competency'

export type Cells = Record<string, AssessmentResult>
export const cellKey = (kaderId: string, code: string) => `${kaderId}|${code}`
const CYCLE: (AssessmentResult | undefined)[] = [undefined, 'kompeten', 'belum_kompeten']

export type AssessCells = ReturnType<typeof useAssessCells>

/** `onCellSet` runs when one cell is typed or cleared (a refusal about the entries no longer holds). */
export function useAssessCells(
  rows: readonly { kaderId: string }[],
  columns: readonly { code: string }[],
  tableRef: RefObject<HTMLTableElement | null>,
  onCellSet: () => void,
) {
  const [cells, setCells] = useState<Cells>({})
  const [active, setActive] = useState({ r: 0, c: 0 })
  const focusCell = useRef(false)

  useEffect(() => {
    if (!focusCell.current) return
    focusCell.current = false
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active.r}:${active.c}"]`)
    el?.focus({ preventScroll: false })
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [active, tableRef])

  function move(r: number, c: number) {
    const maxR = rows.length - 1
    const maxC = columns.length - 1
    focusCell.current = true
    setActive({ r: Math.max(0, Math.min(maxR, r)), c: Math.max(0, Math.min(maxC, c)) })
  }

  function advance() {
    if (active.c < columns.length - 1) move(active.r, active.c + 1)
    else if (active.r < rows.length - 1) move(active.r + 1, 0)
    else move(active.r, active.c)
  }

  function setCell(r: number, c: number, value: AssessmentResult | undefined) {
    const p = rows[r]
    const col = columns[c]
    if (!p || !col) return
    const key = cellKey(p.kaderId, col.code)
    setCells((prev) => {
      const next = { ...prev }
      if (value) next[key] = value
      else delete next[key]
      return next
    })
    onCellSet()
  }

  function cycle(r: number, c: number) {
    const p = rows[r]
    const col = columns[c]
    if (!p || !col) return
    const current = cells[cellKey(p.kaderId, col.code)]
    setCell(r, c, CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length])
  }

  /** Only empty cells: a "belum" already typed is never overwritten by a helper. */
  function fillKompeten(which: { row?: number; col?: number }) {
    setCells((prev) => {
      const next = { ...prev }
      rows.forEach((p, r) => {
        if (which.row !== undefined && which.row !== r) return
        columns.forEach((col, c) => {
          if (which.col !== undefined && which.col !== c) return
          const key = cellKey(p.kaderId, col.code)
          if (!next[key]) next[key] = 'kompeten'
        })
      })
      return next
    })
  }

  function onGridKey(e: KeyboardEvent) {
    if (e.ctrlKey && (e.key === 's' || e.key === 'S')) return
    const { r, c } = active
    const key = e.key
    let handled = true
    if (key === 'ArrowRight') move(r, c + 1)
    else if (key === 'ArrowLeft') move(r, c - 1)
    else if (key === 'ArrowDown' || key === 'Enter') move(r + 1, c)
    else if (key === 'ArrowUp') move(r - 1, c)
    else if (key === 'Home') move(e.ctrlKey ? 0 : r, 0)
    else if (key === 'End') move(e.ctrlKey ? rows.length - 1 : r, columns.length - 1)
    else if (key === 'K' && e.shiftKey) fillKompeten({ row: r })
    else if (key === 'k' || key === '1') {
      setCell(r, c, 'kompeten')
      advance()
    } else if (key === 'b' || key === 'B' || key === '2') {
      setCell(r, c, 'belum_kompeten')
      advance()
    } else if (key === ' ') cycle(r, c)
    else if (key === 'Delete' || key === 'Backspace' || key === '0') setCell(r, c, undefined)
    else handled = false
    if (handled) e.preventDefault()
  }

  /** The filled cells as judgements, row by row; an empty cell says nothing. */
  function entries() {
    return rows.flatMap((p) =>
      columns.flatMap((col) => {
        const result = cells[cellKey(p.kaderId, col.code)]
        return result ? [{ kaderId: p.kaderId, competencyCode: col.code, result }] : []
      }),
    )
  }

  return { cells, entries, clear: () => setCells({}), active, setActive, move, cycle, fillKompeten, onGridKey }
}
