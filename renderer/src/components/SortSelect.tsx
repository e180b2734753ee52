// One select for "sort by what, which way" over a long list (the roster, the matrix): each
// option is a column and a direction, as people think of it ("Nama (A–Z)").

import './sort-select.css'

export type SortDir = 'asc' | 'desc'

export function SortSelect<S extends string>({
  id,
  label,
  sorts,
  sortBy,
  sortDir,
  optionLabel,
  onChange,
}: {
  id: string
  label: string
  sorts: readonly S[]
  sortBy: S
  sortDir: SortDir
  optionLabel: (sort: S, dir: SortDir) => string
  onChange: (sortBy: S, sortDir: SortDir) => void
}) {
  return (
    <div className="field sort-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        value={`${sortBy}:${sortDir}`}
        onChange={(e) => {
          const [by, dir] = e.target.value.split(':') as [S, SortDir]
          onChange(by, dir)
        }}
      >
        {sorts.flatMap((s) =>
          (['asc', 'desc'] as const).map((d) => (
            <option key={`${s}:${d}`} value={`${s}:${d}`}>
              {optionLabel(s, d)}
            </option>
          )),
        )}
      </select>
    </div>
  )
}
