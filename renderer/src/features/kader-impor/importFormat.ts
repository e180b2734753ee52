// Words and small rules of the roster import screens: column letters as Excel shows them, the
// preview's columns and which fields' problems each one shows, and the mapping checks made
// before asking the core for a preview.

import { type KaderImportColumn, type KaderImportField, type KaderImportProblem, type KaderImportRow } from '@shared/contract'
import { i18n } from '../../i18n'

/** 1 → "A", 27 → "AA", as Excel names its columns. */
export function columnLetter(index: number): string {
  let n = index
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out || '?'
}

export function fieldLabel(field: KaderImportField | 'row'): string {
  return i18n.t(`spreadsheet.field.${field}`)
}

export type Mapping = Record<string, KaderImportField | null>

/** The mapping as the layout reads it (the automatic match, or what the person chose last time). */
export function mappingOf(columns: KaderImportColumn[]): Mapping {
  return Object.fromEntries(columns.map((c) => [String(c.index), c.field]))
}

/** Why the mapping cannot be previewed yet: no name column, or one field chosen for two columns. */
export function mappingProblems(columns: KaderImportColumn[], mapping: Mapping): { needName: boolean; duplicates: Map<KaderImportField, number[]> } {
  const byField = new Map<KaderImportField, number[]>()
  for (const c of columns) {
    const f = mapping[String(c.index)] ?? null
    if (!f) continue
    byField.set(f, [...(byField.get(f) ?? []), c.index])
  }
  const duplicates = new Map([...byField].filter(([, cols]) => cols.length > 1))
  return { needName: !byField.has('name'), duplicates }
}

/** The preview's columns; each shows the problems of its fields ("other" takes the rest and the row's own). */
export const PREVIEW_COLUMNS = [
  { key: 'name', fields: ['name'] },
  { key: 'nik', fields: ['nik'] },
  { key: 'sex', fields: ['sex'] },
  { key: 'birth', fields: ['birthPlace', 'birthDate', 'birthPlaceDate'] },
  { key: 'address', fields: ['address', 'rt', 'rw', 'rtRw'] },
  { key: 'phone', fields: ['phone'] },
  { key: 'posyandu', fields: ['posyandu'] },
  { key: 'role', fields: ['role'] },
  { key: 'other', fields: ['education', 'skNumber', 'skDate', 'status', 'notes', 'row'] },
] as const satisfies readonly { key: string; fields: readonly (KaderImportField | 'row')[] }[]

export type PreviewColumnKey = (typeof PREVIEW_COLUMNS)[number]['key']

const COLUMN_OF = new Map<KaderImportField | 'row', PreviewColumnKey>(
  PREVIEW_COLUMNS.flatMap((c) => c.fields.map((f) => [f, c.key] as [KaderImportField | 'row', PreviewColumnKey])),
)

/** The preview column a problem is shown in (a field this version does not know: "other"). */
export function columnOfProblem(p: KaderImportProblem): PreviewColumnKey {
  return COLUMN_OF.get(p.field) ?? 'other'
}

/** The problems of one row, per preview column, each with its element id (for aria-describedby). */
export function problemsByColumn(row: KaderImportRow): Map<PreviewColumnKey, { id: string; problem: KaderImportProblem }[]> {
  const out = new Map<PreviewColumnKey, { id: string; problem: KaderImportProblem }[]>()
  row.problems.forEach((problem, i) => {
    const key = columnOfProblem(problem)
    out.set(key, [...(out.get(key) ?? []), { id: problemId(row.row, i), problem }])
  })
  return out
}

export function problemId(row: number, i: number): string {
  return `impor-masalah-${row}-${i}`
}
