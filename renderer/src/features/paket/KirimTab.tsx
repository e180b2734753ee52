// Kirim: write a paket for a destination into the folder on the stick, then say plainly what
// was written, where (the whole path), who can open it and what to do with the stick. The sticks
// the PC sees are offered with one click; a folder that is not on one is asked about first. A
// destination whose key card is not known here yet is shown, not choosable, with why (a paket is
// locked for its readers' keys).

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketDestination, PaketKirimResult } from '@shared/contract'
import { jamDinding } from '@shared/domain/tanggal'
import { useOfficeZone } from '../../app/AppContext'
import { call, CallError, errorMessage } from '../../api/client'
import { DrivePicker } from '../../components/DrivePicker'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useSuggestedPath } from '../../components/PathField'
import { useCall } from '../../components/useCall'
import { formatBytes, formatDate, formatNumber } from '../../i18n/format'
import { countRows, usePaketProgress } from './paketFormat'
import { CountsTable, FolderField, PaketProgress } from './PaketParts'
import './paket.css'

/** The kota's setup paket: travels in clear (no personal data), for every office. */
const PEMBINAAN = 'pembinaan'

export function KirimTab() {
  const { t } = useTranslation()
  const state = useCall('paket:state', {})
  const drives = useCall('paket:drives', {})
  // The folder follows what the PC sees (one stick) until the person takes the field in hand.
  const { value: shownFolder, set: setFolder, hold: holdFolder } = useSuggestedPath(drives.data?.folder ?? '')
  const [destKey, setDestKey] = useState<string | null>(null)
  const [full, setFull] = useState(false)
  const [folderError, setFolderError] = useState<string | null>(null)
  const [destError, setDestError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ result: PaketKirimResult; dest: PaketDestination } | null>(null)
  // The folder is not on a flashdisk: the person says whether to write there anyway.
  const [asking, setAsking] = useState<{ folder: string; dest: PaketDestination } | null>(null)
  const { progress, start, stop } = usePaketProgress()
  const folderRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLHeadingElement>(null)

  const destinations = state.data?.destinations ?? []
  const available = destinations.filter((d) => !d.unavailable)
  // Never a destination that cannot be used, even when it was chosen before the list changed.
  const chosen = available.find((d) => d.key === destKey) ?? available[0] ?? null
  const noneAvailable = destinations.length > 0 && available.length === 0
  const someUnavailable = available.length < destinations.length

  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])
  // The field is disabled while the paket is made; it can take the focus back once enabled.
  const refocus = useRef(false)
  useEffect(() => {
    if (!running && refocus.current) {
      refocus.current = false
      folderRef.current?.focus()
    }
  }, [running])

  function submit(e: FormEvent) {
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
    void write(f, chosen, true)
  }

  /** `ask`: the core refuses a folder that is not on a flashdisk, and the person is asked. */
  async function write(f: string, dest: PaketDestination, ask: boolean) {
    setError(null)
    setDone(null)
    setRunning(true)
    start()
    try {
      const result = await call('paket:export', { folder: f, destination: dest.key, full, ...(ask ? { askIfNotRemovable: true } : {}) })
      setFolder(f)
      setDone({ result, dest })
      setFull(false)
      state.reload()
      // The stick's free space changed.
      drives.reload()
    } catch (err) {
      if (err instanceof CallError && err.shape.field === 'removable') setAsking({ folder: f, dest })
      // A folder that is not there is the folder field's problem: said next to it.
      else if (err instanceof CallError && err.shape.field === 'folder') {
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
            onFocus={holdFolder}
            onChange={(v) => {
              setFolder(v)
              setFolderError(null)
            }}
            error={folderError}
            inputRef={folderRef}
            disabled={running}
          />
          <DrivePicker
            drives={drives.data?.drives ?? (drives.status === 'error' ? [] : null)}
            folder={shownFolder}
            onPick={(path) => {
              setFolder(path)
              setFolderError(null)
            }}
            onRefresh={drives.reload}
            disabled={running}
          />
          <fieldset className="fieldset paket-destinations" disabled={running}>
            <legend className="field-label">{t('paket.destination')}</legend>
            {destinations.length === 0 && <p className="muted">{t('paket.noDestinations')}</p>}
            <div className="paket-dest-list">
              {destinations.map((d, i) => (
                <DestinationCard
                  key={d.key}
                  id={`paket-dest-${i}`}
                  dest={d}
                  checked={chosen?.key === d.key}
                  onChoose={() => {
                    setDestKey(d.key)
                    setDestError(null)
                  }}
                />
              ))}
            </div>
            {someUnavailable && (
              <div className="paket-dest-help">
                <p className="field-help">{t('paket.unavailableHelp')}</p>
                <p className="paket-dest-links">
                  <a href="#/paket/terima">{t('paket.goTerima')}</a>
                  <a href="#/pengaturan/kunci">{t('paket.goKunci')}</a>
                </p>
              </div>
            )}
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
            <button
              type="submit"
              className="btn btn-primary btn-large"
              disabled={running || noneAvailable}
              aria-describedby={noneAvailable ? 'paket-none-available' : undefined}
            >
              {running ? t('paket.creating') : t('paket.create')}
            </button>
            {noneAvailable && (
              <p id="paket-none-available" className="field-warning paket-none-available">
                {t('paket.noneAvailable')}
              </p>
            )}
          </div>
          {running && <PaketProgress label={t('paket.creating')} progress={progress} />}
          {error && <ErrorBox message={error} />}
        </form>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('paket.notRemovableTitle')}
        confirmLabel={t('paket.notRemovableConfirm')}
        cancelLabel={t('app.cancel')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const a = asking
          setAsking(null)
          if (a) void write(a.folder, a.dest, false)
        }}
      >
        <p>{t('paket.notRemovableBody', { folder: asking?.folder ?? '' })}</p>
      </ConfirmDialog>
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
            <div className="dl-item paket-done-path">
              <dt id="paket-done-path-label">{t('paket.donePath')}</dt>
              <dd>
                {/* Read-only field: the whole path can be selected and copied (Ctrl+A, Ctrl+C) to find the file or tell someone. */}
                <input
                  type="text"
                  readOnly
                  className="path-input paket-path-output"
                  value={done.result.path}
                  aria-labelledby="paket-done-path-label"
                  spellCheck={false}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </dd>
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
            <div className="dl-item">
              <dt>{t('paket.doneReaders')}</dt>
              <dd data-testid="paket-done-readers">{done.dest.key === PEMBINAAN ? t('paket.doneClear') : done.dest.readers.join(', ')}</dd>
            </div>
          </dl>
          {done.result.warnings.length > 0 && (
            <div className="field-warning paket-warnings">
              <p>
                <strong>{t('paket.doneWarningsTitle')}</strong>
              </p>
              <ul className="warning-list">
                {done.result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {done.result.records === 0 ? (
            <p className="muted">{t('paket.doneEmpty')}</p>
          ) : (
            <CountsTable rows={countRows(done.result.counts)} label={t('paket.countsLabel')} />
          )}
          <p className="paket-unplug">
            <strong>
              {done.result.removable
                ? done.dest.key === PEMBINAAN
                  ? t('paket.unplugAny')
                  : t('paket.unplug', { name: done.dest.name })
                : done.dest.key === PEMBINAAN
                  ? t('paket.notOnStickAny')
                  : t('paket.notOnStick', { name: done.dest.name })}
            </strong>
          </p>
        </section>
      )}
    </>
  )
}

/**
 * One destination: its name, when it last got a paket, and who can open a paket made for it,
 * or why it cannot be chosen yet. The reason is the radio's description, so a screen reader
 * reads it on the (disabled) radio too; a click anywhere on the card chooses it.
 */
function DestinationCard({ id, dest: d, checked, onChoose }: { id: string; dest: PaketDestination; checked: boolean; onChoose: () => void }) {
  const { t } = useTranslation()
  const zone = useOfficeZone()
  const unavailable = d.unavailable !== null
  const about =
    d.unavailable ?? (d.key === PEMBINAAN ? t('paket.readersClear') : d.readers.length > 0 ? t('paket.readers', { names: d.readers.join(', ') }) : null)
  const classes = ['radio-card', 'paket-dest']
  if (checked) classes.push('radio-card-checked')
  if (unavailable) classes.push('paket-dest-unavailable')
  return (
    <div className={classes.join(' ')} data-destination={d.key} onClick={unavailable ? undefined : onChoose}>
      <input
        id={id}
        type="radio"
        name="paket-destination"
        value={d.key}
        checked={checked}
        disabled={unavailable}
        aria-describedby={about ? `${id}-about` : undefined}
        onChange={onChoose}
      />
      <label htmlFor={id} className="paket-dest-label">
        <span className="radio-card-title">{d.name}</span>
        <span className="radio-card-hint">
          {d.key.startsWith('site:') && d.level && `${t(`level.${d.level}`)} · `}
          {d.lastSentAt ? t('paket.lastSent', { date: formatDate(jamDinding(new Date(d.lastSentAt), zone).date) }) : t('paket.neverSent')}
        </span>
      </label>
      {unavailable && <span className="badge badge-nonaktif paket-dest-badge">{t('paket.unavailable')}</span>}
      {about && (
        <p id={`${id}-about`} className={unavailable ? 'paket-dest-about paket-dest-why' : 'paket-dest-about'}>
          {about}
        </p>
      )}
    </div>
  )
}
