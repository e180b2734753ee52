// Kirim: write a bundle for a destination into the folder on the stick, then say plainly what
// was written and what to do with the stick.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketDestination, PaketExportResult } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { countRows, formatBytes, usePaketProgress } from './paketFormat'
import { CountsTable, FolderField, PaketProgress } from './PaketParts'

export function KirimTab() {
  const { t } = useTranslation()
  const state = useCall('paket:state', {})
  const [folder, setFolder] = useState<string | null>(null)
  const [destKey, setDestKey] = useState<string | null>(null)
  const [full, setFull] = useState(false)
  const [folderError, setFolderError] = useState<string | null>(null)
  const [destError, setDestError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ result: PaketExportResult; dest: PaketDestination } | null>(null)
  const { progress, start, stop } = usePaketProgress()
  const folderRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLHeadingElement>(null)

  const destinations = state.data?.destinations ?? []
  const shownFolder = folder ?? state.data?.folder ?? ''
  const chosen = destinations.find((d) => d.key === destKey) ?? destinations[0] ?? null

  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])
  // The field is disabled while the bundle is made; it can take the focus back once enabled.
  const refocus = useRef(false)
  useEffect(() => {
    if (!running && refocus.current) {
      refocus.current = false
      folderRef.current?.focus()
    }
  }, [running])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (running) return
    const f = shownFolder.trim()
    setFolderError(f ? null : t('paket.folderRequired'))
    setDestError(chosen ? null : t('paket.chooseDestination'))
    if (!f) {
      folderRef.current?.focus()
      return
    }
    if (!chosen) return
    setError(null)
    setDone(null)
    setRunning(true)
    start()
    try {
      const result = await call('paket:export', { folder: f, destination: chosen.key, full })
      setDone({ result, dest: chosen })
      setFull(false)
      state.reload()
    } catch (err) {
      // A folder that is not there is the folder field's problem: said next to it.
      if (err instanceof CallError && err.shape.field === 'folder') {
        setFolderError(err.shape.message)
        refocus.current = true
      } else setError(errorMessage(err))
    } finally {
      stop()
      setRunning(false)
    }
  }

  return (
    <>
      <PageHeading>{t('paket.kirimTitle')}</PageHeading>
      <p className="lead">{t('paket.intro')}</p>
      {state.status === 'error' && !state.data && <ErrorBox message={state.error} onRetry={state.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data && (
        <form className="card paket-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={running || undefined}>
          <FolderField
            value={shownFolder}
            onChange={(v) => {
              setFolder(v)
              setFolderError(null)
            }}
            error={folderError}
            inputRef={folderRef}
            disabled={running}
          />
          <fieldset className="fieldset paket-destinations" disabled={running}>
            <legend className="field-label">{t('paket.destination')}</legend>
            {destinations.length === 0 && <p className="muted">{t('paket.noDestinations')}</p>}
            <div className="paket-dest-list">
              {destinations.map((d) => {
                const checked = chosen?.key === d.key
                return (
                  <label key={d.key} className={`radio-card ${checked ? 'radio-card-checked' : ''}`}>
                    <input
                      type="radio"
                      name="paket-destination"
                      value={d.key}
                      checked={checked}
                      onChange={() => {
                        setDestKey(d.key)
                        setDestError(null)
                      }}
                    />
                    <span className="radio-card-title">{d.name}</span>
                    <span className="radio-card-hint">
                      {d.key.startsWith('site:') && d.level && `${t(`level.${d.level}`)} · `}
                      {d.lastSentAt ? t('paket.lastSent', { date: formatDate(d.lastSentAt) }) : t('paket.neverSent')}
                    </span>
                  </label>
                )
              })}
            </div>
            {destError && <p className="field-error">{destError}</p>}
          </fieldset>
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={full} disabled={running} onChange={(e) => setFull(e.target.checked)} aria-describedby="paket-full-help" />
              <span>{t('paket.full')}</span>
            </label>
            <p id="paket-full-help" className="field-help">
              {t('paket.fullHelp')}
            </p>
          </div>
          <div className="form-actions paket-actions">
            <button type="submit" className="btn btn-primary btn-large" disabled={running}>
              {running ? t('paket.creating') : t('paket.create')}
            </button>
          </div>
          {running && <PaketProgress label={t('paket.creating')} progress={progress} />}
          {error && <ErrorBox message={error} />}
        </form>
      )}
      {done && (
        <section className="card paket-done" aria-labelledby="paket-done-title">
          <h2 id="paket-done-title" ref={doneRef} tabIndex={-1} className="card-title paket-ok-title">
            <span aria-hidden="true">✓ </span>
            {t('paket.doneTitle')}
          </h2>
          <dl className="dl paket-dl">
            <div className="dl-item">
              <dt>{t('paket.doneFile')}</dt>
              <dd className="mono paket-file-name">{done.result.fileName}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('paket.doneSize')}</dt>
              <dd>{formatBytes(done.result.bytes)}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('paket.doneKind')}</dt>
              <dd>{done.result.full ? t('paket.doneFull') : t('paket.doneChanges')}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('paket.doneRecords')}</dt>
              <dd>{t('paket.records', { n: formatNumber(done.result.records) })}</dd>
            </div>
          </dl>
          {done.result.records === 0 ? (
            <p className="muted">{t('paket.doneEmpty')}</p>
          ) : (
            <CountsTable rows={countRows(done.result.counts)} label={t('paket.countsLabel')} />
          )}
          <p className="paket-unplug">
            <strong>{done.dest.key === 'pembinaan' ? t('paket.unplugAny') : t('paket.unplug', { name: done.dest.name })}</strong>
          </p>
        </section>
      )}
    </>
  )
}
