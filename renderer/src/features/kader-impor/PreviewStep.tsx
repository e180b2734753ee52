// Step 3: what saving would do (counts), where each Posyandu name of the file goes (matched,
// chosen from the closest names, or a new Posyandu), every row as it will be saved with its
// problems, and the one button that saves.

import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SAME_AS, type Events, type KaderImportPosyandu, type KaderImportPreview } from '@shared/contract'
import { useApp } from '../../app/AppContext'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { Busy } from './Busy'
import { PreviewRows } from './PreviewRows'

export function PreviewStep({
  preview,
  overrides,
  busy,
  progress,
  onPosyandu,
  onBack,
  onApply,
}: {
  preview: KaderImportPreview
  /** The Posyandu choices the person made (name as written → id or "new"). */
  overrides: Record<string, string>
  busy: 'read' | 'preview' | 'apply' | null
  progress: Events['progress'] | null
  onPosyandu: (name: string, value: string) => void
  onBack: () => void
  onApply: () => void
}) {
  const { t } = useTranslation()
  const [onlyProblems, setOnlyProblems] = useState(false)
  const { counts } = preview
  const saving = counts.new + counts.update
  const shown = onlyProblems ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows
  const saveHelpId = useId()

  const stats = [
    { key: 'new', label: t('spreadsheet.import.countNew'), sub: null, n: counts.new },
    { key: 'update', label: t('spreadsheet.import.countUpdate'), sub: t('spreadsheet.import.countUpdateSub'), n: counts.update },
    { key: 'error', label: t('spreadsheet.import.countError'), sub: t('spreadsheet.import.countErrorSub'), n: counts.error },
    { key: 'warnings', label: t('spreadsheet.import.countWarnings'), sub: t('spreadsheet.import.countWarningsSub'), n: counts.warnings },
    { key: 'blank', label: t('spreadsheet.import.countBlank'), sub: t('spreadsheet.import.countBlankSub'), n: counts.blank },
  ]

  return (
    <>
      <p className="impor-file-line">
        <span className="impor-file-name">{t('spreadsheet.import.fileName', { name: preview.layout.fileName })}</span>
        <button type="button" className="btn btn-small" onClick={onBack} disabled={busy === 'apply'}>
          {t('spreadsheet.import.backToColumns')}
        </button>
      </p>

      <dl className="impor-counts">
        {stats.map((s) => (
          <div key={s.key} className={`impor-count impor-count-${s.key} ${s.n > 0 ? 'is-some' : ''}`}>
            <dt>{s.label}</dt>
            <dd>
              {formatNumber(s.n)}
              {s.sub && <span className="impor-count-sub">{s.sub}</span>}
            </dd>
          </div>
        ))}
      </dl>

      {/* Only saving locks the choices: a select disabled while it has the focus would drop it. */}
      <PosyanduMapping posyandu={preview.posyandu} overrides={overrides} disabled={busy === 'apply'} onChoose={onPosyandu} />

      <section className="impor-rows" aria-labelledby="impor-rows-title">
        <div className="impor-rows-head">
          <h3 id="impor-rows-title" className="card-title">
            {t('spreadsheet.import.rowsTitle')}
          </h3>
          <label className="toggle-chip">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            <span>{t('spreadsheet.import.onlyProblems')}</span>
          </label>
          <p className="muted small" aria-live="polite">
            {t('spreadsheet.import.rowsShown', { shown: formatNumber(shown.length), n: formatNumber(preview.rows.length) })}
          </p>
          <p className="muted small impor-rows-hint">{t('spreadsheet.import.keyboardHint')}</p>
        </div>
        {shown.length === 0 ? (
          <p className="card muted">{onlyProblems ? t('spreadsheet.import.noProblemRows') : t('spreadsheet.import.noRows')}</p>
        ) : (
          <PreviewRows rows={shown} posyandu={preview.posyandu} busy={busy === 'preview'} />
        )}
      </section>

      <div className="card impor-save">
        {busy === 'preview' && <Busy label={t('spreadsheet.import.previewing')} />}
        {busy === 'apply' && <SaveProgress progress={progress} />}
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={saving === 0}
            aria-disabled={busy !== null || undefined}
            aria-describedby={saveHelpId}
            onClick={() => busy === null && onApply()}
          >
            {saving > 0 ? t('spreadsheet.import.save', { n: formatNumber(saving) }) : t('spreadsheet.import.saveNone')}
          </button>
          <div id={saveHelpId} className="impor-save-help">
            <p>{t('spreadsheet.import.saveHelp')}</p>
            {counts.error > 0 && <p>{t('spreadsheet.import.saveSkips', { n: formatNumber(counts.error) })}</p>}
          </div>
        </div>
      </div>
    </>
  )
}

function PosyanduMapping({
  posyandu,
  overrides,
  disabled,
  onChoose,
}: {
  posyandu: KaderImportPosyandu[]
  overrides: Record<string, string>
  disabled: boolean
  onChoose: (name: string, value: string) => void
}) {
  const { t } = useTranslation()
  const { site } = useApp()
  // A Posyandu belongs to its kelurahan/desa: only that office creates one (the core refuses the rest).
  const canCreate = site.level === 'kelurahan'
  const register = useCall('posyandu:list', { includeInactive: false })
  return (
    <section className="card impor-posyandu" aria-labelledby="impor-posyandu-title">
      <h3 id="impor-posyandu-title" className="card-title">
        {t('spreadsheet.import.posyanduTitle')}
      </h3>
      {posyandu.length === 0 ? (
        <p className="muted">{t('spreadsheet.import.posyanduNone')}</p>
      ) : (
        <>
          <p className="muted">{canCreate ? t('spreadsheet.import.posyanduHelp') : t('spreadsheet.import.posyanduHelpChoose')}</p>
          <div className="table-wrap">
            <table className="table impor-posyandu-table" aria-label={t('spreadsheet.import.posyanduLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('spreadsheet.import.colPosyanduName')}</th>
                  <th scope="col" className="num">
                    {t('spreadsheet.import.colPosyanduRows')}
                  </th>
                  <th scope="col">{t('spreadsheet.import.colPosyanduChoice')}</th>
                </tr>
              </thead>
              <tbody>
                {posyandu.map((p, i) => {
                  const id = `impor-posyandu-${i}`
                  const shownName = p.name || t('spreadsheet.import.posyanduEmpty')
                  const answered = p.sameAs !== null ? `${SAME_AS}${p.sameAs}` : p.choice === null ? '' : p.choice.kind === 'new' ? 'new' : p.choice.id
                  // Another name of this file these rows may follow: the one they follow, else the one they are near.
                  const other = p.sameAs ?? p.nearInFile
                  // The person's choice shows at once; the preview catches up.
                  const value = p.name in overrides ? overrides[p.name]! : answered
                  const suggested = new Set(p.suggestions.map((s) => s.id))
                  const others = (register.data ?? []).filter((r) => !suggested.has(r.id))
                  const listed = value === '' || value === 'new' || value.startsWith(SAME_AS) || suggested.has(value) || others.some((r) => r.id === value)
                  // Following another name of the file: said so even while that name waits for its choice.
                  const state =
                    p.sameAs !== null
                      ? 'same'
                      : p.choice === null
                        ? 'undecided'
                        : p.choice.kind === 'new'
                          ? 'new'
                          : overrides[p.name] === answered
                            ? 'chosen'
                            : 'matched'
                  // A name a letter or two off a registered one, or off another new name of the file: asked, answered with one key press.
                  const asking = state === 'undecided' && (p.near !== null || p.nearInFile !== null) && !(p.name in overrides)
                  const nearTitle = p.near ? posyanduTitle(p.near.name) : `"${p.nearInFile ?? ''}"`
                  const nearValue = p.near ? p.near.id : `${SAME_AS}${p.nearInFile ?? ''}`
                  return (
                    <tr key={p.name} className={state === 'undecided' ? 'impor-undecided' : undefined}>
                      <th scope="row">
                        {shownName}
                        {p.spellings.length > 0 && (
                          <span className="impor-posyandu-spellings">{t('spreadsheet.import.posyanduSpellings', { names: p.spellings.join(', ') })}</span>
                        )}
                      </th>
                      <td className="num">{formatNumber(p.rows)}</td>
                      <td>
                        <div className="impor-posyandu-choice">
                          <label htmlFor={id} className="sr-only">
                            {t('spreadsheet.import.posyanduFor', { name: shownName })}
                          </label>
                          <select
                            id={id}
                            value={value}
                            disabled={disabled}
                            aria-invalid={state === 'undecided' ? true : undefined}
                            aria-describedby={`${id}-state`}
                            onChange={(e) => onChoose(p.name, e.target.value)}
                          >
                            <option value="">{t('spreadsheet.import.posyanduUndecided')}</option>
                            {p.suggestions.length > 0 && (
                              <optgroup label={t('spreadsheet.import.posyanduSuggestions')}>
                                {p.suggestions.map((s) => (
                                  <option key={s.id} value={s.id}>
                                    {s.name}
                                  </option>
                                ))}
                              </optgroup>
                            )}
                            {others.length > 0 && (
                              <optgroup label={t('spreadsheet.import.posyanduAll')}>
                                {others.map((r) => (
                                  <option key={r.id} value={r.id}>
                                    {r.name}
                                  </option>
                                ))}
                              </optgroup>
                            )}
                            {!listed && p.choice?.kind === 'existing' && <option value={p.choice.id}>{p.choice.name}</option>}
                            {other !== null && <option value={`${SAME_AS}${other}`}>{t('spreadsheet.import.posyanduSameOption', { name: other })}</option>}
                            {((canCreate && p.name) || value === 'new') && (
                              <option value="new">{t('spreadsheet.import.posyanduNew', { name: p.name })}</option>
                            )}
                          </select>
                          <span id={`${id}-state`} className={`impor-posyandu-state impor-state-${state}`}>
                            {state === 'undecided'
                              ? t('spreadsheet.import.posyanduNeedChoice', { n: formatNumber(p.rows) })
                              : state === 'same'
                                ? t(p.choice ? 'spreadsheet.import.posyanduSame' : 'spreadsheet.import.posyanduSameWaiting', { name: p.sameAs })
                                : state === 'new'
                                ? t('spreadsheet.import.posyanduWillCreate')
                                : state === 'chosen'
                                  ? t('spreadsheet.import.posyanduChosen')
                                  : t('spreadsheet.import.posyanduMatched')}
                          </span>
                        </div>
                        {asking && (
                          <div className="impor-posyandu-near" role="group" aria-labelledby={`${id}-near`}>
                            <span id={`${id}-near`} className="impor-posyandu-near-ask">
                              {p.near ? t('spreadsheet.import.posyanduNearAsk', { name: nearTitle }) : t('spreadsheet.import.posyanduNearInFileAsk', { name: nearTitle })}
                            </span>
                            <button type="button" className="btn btn-small btn-primary" disabled={disabled} onClick={() => onChoose(p.name, nearValue)}>
                              {p.near ? t('spreadsheet.import.posyanduNearYes', { name: nearTitle }) : t('spreadsheet.import.posyanduNearInFileYes', { name: nearTitle })}
                            </button>
                            {canCreate && (
                              <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onChoose(p.name, 'new')}>
                                {t('spreadsheet.import.posyanduNearNew')}
                              </button>
                            )}
                          </div>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

/** "Melati 4" → "Posyandu Melati 4" (as the core's posyanduTitle); a name that already says Posyandu stays. */
const posyanduTitle = (name: string) => (/^posyandu\b/i.test(name) ? name : `Posyandu ${name}`)

function SaveProgress({ progress }: { progress: Events['progress'] | null }) {
  const { t } = useTranslation()
  const known = progress && progress.total > 0
  return (
    <div className="impor-progress" role="status" aria-live="polite">
      <p className="loading">
        <span className="spinner" aria-hidden="true" />
        {t('spreadsheet.import.saving')}
      </p>
      <progress
        className="impor-progress-bar"
        aria-label={t('spreadsheet.import.progressLabel')}
        max={known ? progress.total : undefined}
        value={known ? Math.min(progress.done, progress.total) : undefined}
      />
      {progress && known && (
        <p className="muted small">
          {progress.label} · {t('spreadsheet.import.progressCount', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
        </p>
      )}
    </div>
  )
}
