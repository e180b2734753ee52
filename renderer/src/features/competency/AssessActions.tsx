import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../i18n/format'
import type { Cells } from './useAssessCells'

/** Under the grid: how many cells are filled, Simpan / Batal, and the helpers that fill whole rows or columns. */
export function AssessActions({
  cells,
  saving,
  onCancel,
  rowName,
  colCode,
  onFill,
}: {
  cells: Cells
  saving: boolean
  onCancel: () => void
  rowName: string
  colCode: string
  onFill: (which: 'row' | 'col' | 'all') => void
}) {
  const { t } = useTranslation()
  const filled = Object.values(cells)
  const nK = filled.filter((v) => v === 'kompeten').length
  const nB = filled.length - nK
  return (
    <>
      <div className="cm-assess-bar">
        <p className="cm-assess-counts" aria-live="polite">
          {t('competency.assess.counts', { n: formatNumber(filled.length), k: formatNumber(nK), b: formatNumber(nB) })}
        </p>
        <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+S">
          {saving ? t('app.saving') : t('competency.assess.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          {t('app.cancel')}
        </button>
      </div>
      <div className="cm-assess-tools" role="group" aria-label={t('competency.assess.helpers')}>
        <span className="muted small">{t('competency.assess.helpers')}:</span>
        <button type="button" className="btn btn-small" onClick={() => onFill('row')} aria-keyshortcuts="Shift+K">
          {t('competency.assess.fillRow', { name: rowName })}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onFill('col')}>
          {t('competency.assess.fillCol', { code: colCode })}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onFill('all')}>
          {t('competency.assess.fillAll')}
        </button>
      </div>
    </>
  )
}
