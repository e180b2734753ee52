// Step 2: which sheet, which row holds the column headings, and what each column goes into.
// The core matched the columns by their usual Indonesian headings; the person corrects them.

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { KADER_IMPORT_FIELDS, type KaderImportField, type KaderImportLayout } from '@shared/contract'
import { formatNumber } from '../../i18n/format'
import { Busy } from './Busy'
import { columnLetter, fieldLabel, mappingProblems, type Mapping } from './importFormat'

export function ColumnsStep({
  layout,
  mapping,
  onMapping,
  busy,
  onRead,
  onChangeFile,
  onNext,
}: {
  layout: KaderImportLayout
  mapping: Mapping
  onMapping: (m: Mapping) => void
  busy: 'read' | 'preview' | 'apply' | null
  onRead: (input: { sheet: string; headerRow: number | null }) => void
  onChangeFile: () => void
  onNext: () => void
}) {
  const { t } = useTranslation()
  const [headerText, setHeaderText] = useState(String(layout.headerRow))
  const [headerError, setHeaderError] = useState<string | null>(null)
  const [showProblems, setShowProblems] = useState(false)
  const [shownRow, setShownRow] = useState(layout.headerRow)
  // A new layout from the core (another sheet, its detected header row) replaces what was typed.
  if (shownRow !== layout.headerRow) {
    setShownRow(layout.headerRow)
    setHeaderText(String(layout.headerRow))
  }

  const { needName, duplicates } = mappingProblems(layout.columns, mapping)
  const blocked = needName || duplicates.size > 0
  const dupOf = (index: number) => [...duplicates].find(([, cols]) => cols.includes(index))

  function rereadHeader() {
    const n = Number(headerText.trim())
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      setHeaderError(t('spreadsheet.import.headerRowInvalid'))
      document.getElementById('impor-header-row')?.focus()
      return
    }
    setHeaderError(null)
    if (n !== layout.headerRow) onRead({ sheet: layout.sheet, headerRow: n })
  }

  function submitLayout(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    rereadHeader()
  }

  function next(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    if (blocked) {
      setShowProblems(true)
      const first = needName ? layout.columns[0]?.index : [...duplicates.values()][0]?.[0]
      if (first !== undefined) document.getElementById(`impor-col-${first}`)?.focus()
      return
    }
    onNext()
  }

  const problemsId = 'impor-columns-problems'
  return (
    <>
      <div className="card impor-source">
        <p className="impor-file-line">
          <span className="impor-file-name">{t('spreadsheet.import.fileName', { name: layout.fileName })}</span>
          <button type="button" className="btn btn-small" onClick={onChangeFile} disabled={busy === 'apply'}>
            {t('spreadsheet.import.changeFile')}
          </button>
        </p>
        <form className="form-row impor-layout-form" onSubmit={submitLayout} noValidate>
          <div className="field">
            <label htmlFor="impor-sheet" className="field-label">
              {t('spreadsheet.import.sheet')}
            </label>
            {/* Never disabled while reading: the keyboard focus would drop out of it. */}
            <select
              id="impor-sheet"
              value={layout.sheet}
              onChange={(e) => onRead({ sheet: e.target.value, headerRow: null })}
            >
              {layout.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {t('spreadsheet.import.sheetOption', { name: s.name, n: formatNumber(s.rows) })}
                </option>
              ))}
            </select>
          </div>
          <div className={headerError ? 'field field-invalid' : 'field'}>
            <label htmlFor="impor-header-row" className="field-label">
              {t('spreadsheet.import.headerRow')}
            </label>
            <div className="path-row">
              <input
                id="impor-header-row"
                type="number"
                className="input-number"
                min={1}
                max={1000}
                inputMode="numeric"
                value={headerText}
                readOnly={busy !== null}
                aria-invalid={headerError ? true : undefined}
                aria-describedby={`impor-header-row-help${headerError ? ' impor-header-row-error' : ''}`}
                onChange={(e) => setHeaderText(e.target.value)}
                onBlur={() => {
                  if (headerText.trim() !== String(layout.headerRow)) rereadHeader()
                }}
              />
              <button type="submit" className="btn" aria-disabled={busy !== null || undefined}>
                {t('spreadsheet.import.reread')}
              </button>
            </div>
            <p id="impor-header-row-help" className="field-help">
              {t('spreadsheet.import.headerRowHelp')}
            </p>
            {headerError && (
              <p id="impor-header-row-error" className="field-error">
                {headerError}
              </p>
            )}
          </div>
        </form>
        {busy === 'read' && <Busy label={t('spreadsheet.import.reading')} />}
      </div>

      <form className="card impor-columns" onSubmit={next} noValidate aria-busy={busy === 'read' || undefined}>
        <h3 className="card-title">{t('spreadsheet.import.columnsTitle')}</h3>
        <p className="muted">{t('spreadsheet.import.columnsHelp')}</p>
        {layout.columns.length === 0 ? (
          <p className="field-warning">{t('spreadsheet.import.noColumns')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table impor-columns-table" aria-label={t('spreadsheet.import.columnsLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheet.import.colLetter')}</th>
                  <th scope="col">{t('spreadsheet.import.colHeading')}</th>
                  <th scope="col">{t('spreadsheet.import.colSamples')}</th>
                  <th scope="col">{t('spreadsheet.import.colField')}</th>
                </tr>
              </thead>
              <tbody>
                {layout.columns.map((c) => {
                  const letter = columnLetter(c.index)
                  const field = mapping[String(c.index)] ?? null
                  const dup = showProblems ? dupOf(c.index) : undefined
                  const heading = c.heading.trim() || t('spreadsheet.import.noHeading')
                  return (
                    <tr key={c.index} className={field ? undefined : 'row-muted'}>
                      <th scope="row" className="mono">
                        {letter}
                      </th>
                      <td className="impor-heading">{heading}</td>
                      <td className="impor-samples">
                        {c.samples.length > 0 ? (
                          <ul className="impor-sample-list">
                            {c.samples.map((s, i) => (
                              <li key={i}>{s}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">{t('app.none')}</span>
                        )}
                      </td>
                      <td>
                        <label htmlFor={`impor-col-${c.index}`} className="sr-only">
                          {t('spreadsheet.import.fieldFor', { letter, heading })}
                        </label>
                        <select
                          id={`impor-col-${c.index}`}
                          value={field ?? ''}
                          disabled={busy === 'apply'}
                          aria-invalid={dup ? true : undefined}
                          aria-describedby={showProblems && blocked ? problemsId : undefined}
                          onChange={(e) => onMapping({ ...mapping, [String(c.index)]: (e.target.value || null) as KaderImportField | null })}
                        >
                          <option value="">{t('spreadsheet.import.ignore')}</option>
                          {KADER_IMPORT_FIELDS.map((f) => (
                            <option key={f} value={f}>
                              {fieldLabel(f)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        {showProblems && blocked && (
          <div id={problemsId} className="form-summary" role="alert">
            {needName && <p className="field-error">{t('spreadsheet.import.needName')}</p>}
            {[...duplicates].map(([f, cols]) => (
              <p key={f} className="field-error">
                {t('spreadsheet.import.duplicateField', { field: fieldLabel(f), letters: cols.map(columnLetter).join(', ') })}
              </p>
            ))}
          </div>
        )}
        <div className="form-actions impor-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={layout.columns.length === 0}
            aria-disabled={busy !== null || undefined}
          >
            {t('spreadsheet.import.toPreview')}
          </button>
        </div>
        {busy === 'preview' && <Busy label={t('spreadsheet.import.previewing')} />}
      </form>
    </>
  )
}
