// A row of a list the office keeps for reference (the OPD, the equipment list): its status, and
// its two actions, edit and deactivate/reactivate. A deactivated row is not deleted: the records
// that name it keep it.

import { useTranslation } from 'react-i18next'

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation()
  return <span className={`badge ${active ? 'badge-aktif' : 'badge-nonaktif'}`}>{active ? t('app.active') : t('app.inactive')}</span>
}

export function ActiveRowActions(props: { name: string; active: boolean; onEdit: () => void; onToggle: () => void; editDisabled?: boolean; toggleBusy?: boolean }) {
  const { t } = useTranslation()
  const { name, active } = props
  return (
    <div className="inline-actions row-actions">
      <button type="button" className="btn btn-small" aria-label={t('app.editLabel', { name })} disabled={props.editDisabled} onClick={props.onEdit}>
        {t('app.edit')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={t(active ? 'app.deactivateLabel' : 'app.activateLabel', { name })}
        disabled={props.toggleBusy}
        onClick={props.onToggle}
      >
        {active ? t('app.deactivate') : t('app.activate')}
      </button>
    </div>
  )
}
