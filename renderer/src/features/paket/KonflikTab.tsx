// Konflik: fields two offices changed without seeing each other's change. The owner's value
// won; here a person leaves it, or brings the losing value back (a new change that travels).

import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketConflict } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { fieldLabel, kindLabel, valueText } from './paketFormat'

export function KonflikTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation()
  const { push } = useToasts()
  const [includeResolved, setIncludeResolved] = useState(false)
  const list = useCall('paket:conflicts', { includeResolved }, [includeResolved])
  // Ids in values (a kader's Posyandu, a follow-up's OPD) are named, not shown as codes.
  const posyandu = useCall('posyandu:list', { includeInactive: true })
  const opd = useCall('opd:list', { includeInactive: true })
  const names = useMemo(() => {
    const m = new Map<string, string>()
    for (const p of posyandu.data ?? []) m.set(p.id, p.name)
    for (const o of opd.data ?? []) m.set(o.id, o.name)
    return m
  }, [posyandu.data, opd.data])
  const [pending, setPending] = useState<{ conflict: PaketConflict; choice: 'kept' | 'restored' } | null>(null)
  const [saving, setSaving] = useState(false)

  const rows = list.data ? [...list.data].sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.detectedAt.localeCompare(a.detectedAt)) : null
  const openCount = rows?.filter((r) => !r.resolvedAt).length ?? 0

  async function resolve() {
    if (!pending || saving) return
    setSaving(true)
    try {
      await call('paket:resolveConflict', { id: pending.conflict.id, choice: pending.choice })
      push({ tone: 'success', message: pending.choice === 'kept' ? t('paket.keepDone') : t('paket.restoreDone') })
      setPending(null)
      list.reload()
      onChanged()
    } catch (e) {
      push({ tone: 'error', message: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  const p = pending?.conflict
  const pField = p ? fieldLabel(p.field) : ''

  return (
    <>
      <PageHeading>{t('paket.konflikTitle')}</PageHeading>
      <p className="lead">{t('paket.konflikIntro')}</p>
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)} />
          <span>{t('paket.showResolved')}</span>
        </label>
        {list.status === 'loading' && list.data && <Loading inline />}
      </div>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.data && <Loading />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          <p>{includeResolved ? t('paket.konflikEmptyAll') : t('paket.konflikEmpty')}</p>
        </div>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap card">
          <p className="sr-only" aria-live="polite">
            {t('paket.tabs.open', { n: formatNumber(openCount) })}
          </p>
          <table className="table paket-conflicts" aria-label={t('paket.konflikLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('paket.colRecord')}</th>
                <th scope="col">{t('paket.colField')}</th>
                <th scope="col">{t('paket.colKept')}</th>
                <th scope="col">{t('paket.colLost')}</th>
                <th scope="col">{t('paket.colDetected')}</th>
                <th scope="col">{t('paket.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const field = fieldLabel(c.field)
                return (
                  <tr key={c.id} className={c.resolvedAt ? 'row-muted' : undefined}>
                    <th scope="row" className="wrap">
                      <span className="row-name">{c.label}</span>
                      <span className="row-sub muted small">{kindLabel(c.kind)}</span>
                    </th>
                    <td>{field}</td>
                    <td className="wrap">
                      <span className="paket-value">{valueText(c.field, c.keptValue, names)}</span>
                      <span className="row-sub muted small">{t('paket.fromOffice', { office: c.keptOffice })}</span>
                    </td>
                    <td className="wrap">
                      <span className="paket-value paket-value-lost">{valueText(c.field, c.lostValue, names)}</span>
                      <span className="row-sub muted small">{t('paket.fromOffice', { office: c.lostOffice })}</span>
                    </td>
                    <td>{formatDate(c.detectedAt)}</td>
                    <td>
                      {c.resolvedAt ? (
                        <span className="badge badge-nonaktif">
                          {c.resolution === 'restored'
                            ? t('paket.resolvedRestored', { date: formatDate(c.resolvedAt) })
                            : t('paket.resolvedKept', { date: formatDate(c.resolvedAt) })}
                        </span>
                      ) : (
                        <div className="paket-row-actions">
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={t('paket.keepLabel', { field, label: c.label })}
                            onClick={() => setPending({ conflict: c, choice: 'kept' })}
                          >
                            {t('paket.keep')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={t('paket.restoreLabel', { field, label: c.label })}
                            onClick={() => setPending({ conflict: c, choice: 'restored' })}
                          >
                            {t('paket.restore')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.choice === 'restored' ? t('paket.restoreTitle') : t('paket.keepTitle')}
        confirmLabel={pending?.choice === 'restored' ? t('paket.restore') : t('paket.keep')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void resolve()}
        onCancel={() => setPending(null)}
      >
        {p && pending && (
          <p>
            {pending.choice === 'restored'
              ? t('paket.restoreBody', { field: pField, label: p.label, value: valueText(p.field, p.lostValue, names), office: p.lostOffice })
              : t('paket.keepBody', { field: pField, label: p.label, value: valueText(p.field, p.keptValue, names) })}
          </p>
        )}
      </ConfirmDialog>
    </>
  )
}
