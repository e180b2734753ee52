// Duplikat NIK: the same NIK recorded as two kader at two offices. Side by side, so a person can
// tell whether it is one person (merge, keeping one) or two (one NIK was mistyped). Only an office
// that may change every kind a merge moves (a Puskesmas) is offered the merge; elsewhere the
// screen says whom to ask, since other offices would refuse the moved records.

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KaderDuplicatePair } from '@shared/contract'
import { WEWENANG, type PaketKind } from '@shared/domain/paket'
import { useApp } from '../../app/AppContext'
import { call, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import './paket.css'

type Side = KaderDuplicatePair['a']

/** What a merge changes: the kept kader takes over the other's history (conflict.service.ts). */
const MERGE_KINDS: readonly PaketKind[] = ['kader', 'kader_status', 'assessment', 'training_participant']
type Decision = { pair: KaderDuplicatePair; choice: 'merged'; keep: 'a' | 'b' } | { pair: KaderDuplicatePair; choice: 'different' }

export function DuplikatTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation()
  const { push } = useToasts()
  const { site } = useApp()
  const canMerge = MERGE_KINDS.every((k) => WEWENANG[site.level].includes(k))
  const [includeResolved, setIncludeResolved] = useState(false)
  const list = useCall('paket:duplicates', { includeResolved }, [includeResolved])
  const [pending, setPending] = useState<Decision | null>(null)
  const [saving, setSaving] = useState(false)

  const rows = list.data ? [...list.data].sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.detectedAt.localeCompare(a.detectedAt)) : null

  async function resolve() {
    if (!pending || saving) return
    setSaving(true)
    try {
      const keepId = pending.choice === 'merged' ? pending.pair[pending.keep].id : null
      await call('paket:resolveDuplicate', { id: pending.pair.id, choice: pending.choice, keepId })
      push({ tone: 'success', message: pending.choice === 'merged' ? t('paket.mergeDone') : t('paket.differentDone') })
      setPending(null)
      list.reload()
      onChanged()
    } catch (e) {
      push({ tone: 'error', message: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  let dialogBody = ''
  if (pending?.choice === 'merged') {
    const keep = pending.pair[pending.keep]
    const other = pending.pair[pending.keep === 'a' ? 'b' : 'a']
    dialogBody = t('paket.mergeBody', { keep: keep.name, keepPosyandu: keep.posyandu, other: other.name, otherPosyandu: other.posyandu })
  } else if (pending) {
    dialogBody = t('paket.differentBody')
  }

  return (
    <>
      <PageHeading>{t('paket.duplikatTitle')}</PageHeading>
      <p className="lead">{t('paket.duplikatIntro')}</p>
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
          <p>{includeResolved ? t('paket.duplikatEmptyAll') : t('paket.duplikatEmpty')}</p>
        </div>
      )}
      {rows && rows.length > 0 && (
        <ul className="paket-pairs" aria-label={t('paket.duplikatTitle')}>
          {rows.map((pair) => (
            <li key={pair.id} className={pair.resolvedAt ? 'card paket-pair row-muted' : 'card paket-pair'} aria-labelledby={`paket-pair-${pair.id}`}>
              <h2 id={`paket-pair-${pair.id}`} className="card-title">
                {t('paket.pairTitle', { nik: pair.nik })}{' '}
                <span className="muted small paket-pair-date">{t('paket.pairDetected', { date: formatDate(pair.detectedAt) })}</span>
              </h2>
              <div className="paket-pair-sides">
                <PairSide side={pair.a} title={t('paket.left')} />
                <PairSide side={pair.b} title={t('paket.right')} />
              </div>
              {pair.resolvedAt ? (
                <p>
                  <span className="badge badge-nonaktif">
                    {pair.resolution === 'merged'
                      ? t('paket.resolvedMerged', { date: formatDate(pair.resolvedAt) })
                      : t('paket.resolvedDifferent', { date: formatDate(pair.resolvedAt) })}
                  </span>
                </p>
              ) : (
                <div className="paket-row-actions">
                  {canMerge ? (
                    <>
                      <button type="button" className="btn" aria-describedby={`paket-pair-${pair.id}`} onClick={() => setPending({ pair, choice: 'merged', keep: 'a' })}>
                        {t('paket.mergeLeft')}
                      </button>
                      <button type="button" className="btn" aria-describedby={`paket-pair-${pair.id}`} onClick={() => setPending({ pair, choice: 'merged', keep: 'b' })}>
                        {t('paket.mergeRight')}
                      </button>
                    </>
                  ) : (
                    <p className="field-help paket-merge-elsewhere">{t('paket.mergeOnlyPuskesmas')}</p>
                  )}
                  <button type="button" className="btn" aria-describedby={`paket-pair-${pair.id}`} onClick={() => setPending({ pair, choice: 'different' })}>
                    {t('paket.different')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.choice === 'merged' ? t('paket.mergeTitle') : t('paket.differentTitle')}
        confirmLabel={pending?.choice === 'merged' ? t('paket.mergeConfirm') : t('paket.differentConfirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void resolve()}
        onCancel={() => setPending(null)}
      >
        <p>{dialogBody}</p>
      </ConfirmDialog>
    </>
  )
}

function PairSide({ side, title }: { side: Side; title: string }) {
  const { t } = useTranslation()
  return (
    <section className="paket-pair-side" aria-label={`${title}: ${side.name}`}>
      <h3 className="sub-title">{title}</h3>
      <dl className="dl">
        <div className="dl-item">
          <dt>{t('paket.dName')}</dt>
          <dd>
            <a href={`#/kader/${encodeURIComponent(side.id)}`}>{side.name}</a>
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.dPosyandu')}</dt>
          <dd>{side.posyandu}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.dVillage')}</dt>
          <dd>{side.village}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.dBirth')}</dt>
          <dd>{formatDate(side.birthDate)}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.dOffice')}</dt>
          <dd>{side.office}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.dAssessments')}</dt>
          <dd>{formatNumber(side.assessments)}</dd>
        </div>
      </dl>
    </section>
  )
}
