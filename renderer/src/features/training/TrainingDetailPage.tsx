import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { codeRangeLabel } from '@shared/domain/competency'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DetailItem } from '../../components/DetailItem'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { Riwayat } from '../../components/Riwayat'
import { PrintButton } from '../../components/PrintButton'
import { ExportButton } from '../../components/ExportButton'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { ResultsGrid, type ResultsGridHandle } from './ResultsGrid'
import { formatDateRange } from './trainingFormat'
import './training.css'


export function TrainingDetailPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const training = useCall('training:get', { id }, [id])
  const catalogue = useCall('competency:catalogue', {})
  const [grid, setGrid] = useState<ResultsGridHandle>({ dirty: false, invalid: false, input: null })
  const [resetKey, setResetKey] = useState(0)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [confirmArchive, setConfirmArchive] = useState(false)
  const [busy, setBusy] = useState(false)
  const tr = training.data
  const none = t('app.none')

  const { dialog: discardDialog } = useDiscardGuard(grid.dirty && !saving, () => undefined)
  const onState = useCallback((s: ResultsGridHandle) => setGrid(s), [])

  async function saveResults() {
    if (saving || !tr) return
    if (grid.invalid || !grid.input) {
      setSaveError(t('training.fixScores'))
      return
    }
    if (!grid.dirty) return
    setSaving(true)
    setSaveError(null)
    try {
      await call('training:results', grid.input)
      toasts.push({ message: t('training.resultsSaved'), tone: 'success' })
      training.reload()
    } catch (e) {
      setSaveError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  async function archive() {
    if (!tr) return
    setConfirmArchive(false)
    setBusy(true)
    try {
      await call('training:archive', { id: tr.id })
      toasts.push({ message: t('training.archived', { title: tr.title }), tone: 'success' })
      navigate('pelatihan')
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      setBusy(false)
    }
  }

  const competencies = tr?.competencies ?? []
  const items = catalogue.data ? catalogue.data.catalogue.groups.flatMap((g) => g.items) : []

  return (
    <div className="page training-page">
      <p className="back-link">
        <a href={href('pelatihan')}>← {t('training.backToList')}</a>
      </p>
      <div className="page-head">
        <PageHeading>{tr ? tr.title : t('training.detailTitle')}</PageHeading>
        {tr && (
          <div className="page-actions training-actions">
            <a className="btn" href={href(`pelatihan/${tr.id}/ubah`)}>
              {t('training.edit')}
            </a>
            <a className="btn btn-primary" href={href(`pelatihan/${tr.id}/penilaian`)}>
              {t('training.assess')}
            </a>
            <PrintButton request={{ kind: 'daftarHadir', trainingId: tr.id }} label={t('training.printAttendance')} />
            <ExportButton what="training" trainingId={tr.id} />
            <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmArchive(true)} disabled={busy}>
              {t('training.archive')}
            </button>
          </div>
        )}
      </div>
      {training.status === 'error' && <ErrorBox message={training.error} onRetry={training.reload} />}
      {!tr && training.status === 'loading' && <Loading />}
      {tr && (
        <>
          <section className="card" aria-labelledby="tr-sec-details">
            <h2 id="tr-sec-details" className="card-title">
              {t('training.sectionDetails')}
            </h2>
            <dl className="dl training-dl">
              <DetailItem label={t('training.fieldKind')}>{t(`training.kind.${tr.kind}`)}</DetailItem>
              <DetailItem label={t('training.dates')}>
                {formatDateRange(tr.startDate, tr.endDate)} <span className="muted">({t('training.days', { n: tr.days.length })})</span>
              </DetailItem>
              <DetailItem label={t('training.fieldPlace')}>{tr.place ?? none}</DetailItem>
              <DetailItem label={t('training.fieldOrganiser')}>{tr.organiser ?? none}</DetailItem>
              <DetailItem label={t('training.fieldFacilitators')}>{tr.facilitators.length ? tr.facilitators.join(', ') : none}</DetailItem>
              <DetailItem label={t('training.colParticipants')}>{formatNumber(tr.participantCount)}</DetailItem>
              <DetailItem label={t('training.sectionCompetencies')}>
                {competencies.length === 0 ? (
                  none
                ) : (
                  <>
                    <span className="mono">{catalogue.data ? codeRangeLabel(catalogue.data.catalogue, competencies) : competencies.join(', ')}</span>
                    <ul className="competency-list">
                      {competencies.map((code) => {
                        const item = items.find((i) => i.code === code)
                        return (
                          <li key={code}>
                            <span className="mono competency-code">{code}</span> {item?.text ?? ''}
                          </li>
                        )
                      })}
                    </ul>
                  </>
                )}
              </DetailItem>
              {tr.notes && (
                <DetailItem label={t('training.fieldNotes')}>
                  <span className="pre">{tr.notes}</span>
                </DetailItem>
              )}
              <DetailItem label={t('training.catalogueVersion')}>{tr.catalogueVersion}</DetailItem>
              <DetailItem label={t('training.lastChanged')}>{formatDateTime(tr.updatedAt)}</DetailItem>
            </dl>
          </section>

          <section className="card results-section" aria-labelledby="tr-sec-results">
            <h2 id="tr-sec-results" className="card-title">
              {t('training.sectionResults')}
            </h2>
            {tr.participants.length === 0 ? (
              <p className="muted">{t('training.noParticipants')}</p>
            ) : (
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault()
                  void saveResults()
                }}
                onKeyDown={(e) => {
                  if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
                    e.preventDefault()
                    void saveResults()
                  }
                }}
              >
                <p className="muted small">{t('training.resultsHelp')}</p>
                <ResultsGrid training={tr} onState={onState} resetKey={resetKey} />
                {saveError && (
                  <p className="field-error form-summary" role="alert">
                    {saveError}
                  </p>
                )}
                <div className="form-actions sticky-actions">
                  <button type="submit" className="btn btn-primary" disabled={saving || !grid.dirty} aria-keyshortcuts="Control+S">
                    {t('training.saveResults')}
                  </button>
                  {grid.dirty && (
                    <>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => {
                          setResetKey((k) => k + 1)
                          setSaveError(null)
                        }}
                      >
                        {t('training.resetResults')}
                      </button>
                      <span className="muted" role="status">
                        {t('training.resultsUnsaved')}
                      </span>
                    </>
                  )}
                  {saving && <Loading label={t('app.saving')} inline />}
                </div>
              </form>
            )}
          </section>
          <Riwayat kind="training" id={tr.id} name={tr.title} changedAt={tr.updatedAt} />
        </>
      )}
      <ConfirmDialog
        open={confirmArchive}
        title={t('training.archiveTitle')}
        confirmLabel={t('training.archiveYes')}
        cancelLabel={t('training.archiveNo')}
        danger
        onConfirm={() => void archive()}
        onCancel={() => setConfirmArchive(false)}
      >
        <p>{t('training.archiveBody', { title: tr?.title ?? '' })}</p>
      </ConfirmDialog>
      {discardDialog}
    </div>
  )
}
