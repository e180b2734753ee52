// The rows of a long list drawn now (useListScreen.ts): each one a grid row placed at its offset,
// the selected one in the tab order, a row still loading shown as such.

import type { CSSProperties, ReactNode } from 'react'
import type { ListRows } from './useListScreen'

export function VirtualRows<Row>({
  list,
  className,
  firstRowIndex,
  style,
  cells,
  loading,
}: {
  list: ListRows<Row>
  /** Classes of every row; `is-selected` and `is-loading` are added. */
  className: string
  /** The aria-rowindex of the first data row (the header rows come before it). */
  firstRowIndex: number
  style?: CSSProperties
  cells: (row: Row) => ReactNode
  /** The cells of a row whose page has not arrived yet. */
  loading: ReactNode
}) {
  return list.items.map((v) => {
    const row = list.data.getRow(v.index)
    const isSel = v.index === list.selected
    return (
      <div
        key={v.key}
        role="row"
        data-index={v.index}
        aria-rowindex={v.index + firstRowIndex}
        aria-selected={isSel}
        tabIndex={isSel ? 0 : -1}
        className={`${className} ${isSel ? 'is-selected' : ''} ${row ? '' : 'is-loading'}`}
        style={{ ...style, transform: `translateY(${v.start - list.headerHeight}px)`, height: list.rowHeight }}
        onClick={() => {
          list.setSelected(v.index)
          list.open(row)
        }}
        onKeyDown={(e) => list.onRowKey(e, v.index)}
        onFocus={() => v.index !== list.selected && list.setSelected(v.index)}
      >
        {row ? cells(row) : loading}
      </div>
    )
  })
}
