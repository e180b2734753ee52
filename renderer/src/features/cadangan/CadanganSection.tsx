// Pengaturan → Cadangan: the verified backups beside the database, a backup made on request, the
// encrypted copy to a flashdisk with when the last one left the PC, and the recovery code behind a
// confirmation with its printable card. Restoring while the app runs is not here: a damaged
// database opens on its own recovery screen, and a restore from a copy is done with the app closed.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CadanganState } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DrivePicker } from '../../components/DrivePicker'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PathField, useSuggestedPath } from '../../components/PathField'
import { PrintButton } from '../../components/PrintButton'
import { useCall } from '../../components/useCall'
import { formatBytes, formatDateTime } from '../../i18n/format'
import './cadangan.css'

export function CadanganSection() {
  const { t } = useTranslation()
  const state = useCall('cadangan:state', {})
  return (
    <section className="card cadangan-section" aria-labelledby="set-cadangan">
      <h2 id="set-cadangan" className="card-title">
        {t('cadangan.title')}
      </h2>
      <p className="muted">{t('cadangan.intro')}</p>
      {state.status === 'error' && !state.data && <ErrorBox message={state.error} onRetry={state.reload} />}
      {!state.data && state.status === 'loading' && <Loading />}
      {state.data && (
        <>
          <BackupList state={state.data} onMade={state.reload} />
          <FlashdiskCopy state={state.data} reload={state.reload} />
          <RecoveryCode state={state.data} />
        </>
      )}
    </section>
  )
}

function BackupList({ state, onMade }: { state: CadanganState; onMade: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null)

  async function make() {
    setBusy(true)
    setResult(null)
    try {
      const b = await call('cadangan:create', {})
      setResult({ ok: true, message: t('cadangan.created', { size: formatBytes(b.bytes) }) })
      onMade()
    } catch (e) {
      setResult({ ok: false, message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      {state.backups.length === 0 ? (
        <p>{t('cadangan.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table cadangan-table" aria-label={t('cadangan.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('cadangan.colDate')}</th>
                <th scope="col">{t('cadangan.colReason')}</th>
                <th scope="col" className="num">
                  {t('cadangan.colSize')}
                </th>
                <th scope="col">{t('cadangan.colState')}</th>
              </tr>
            </thead>
            <tbody>
              {state.backups.map((b) => (
                <tr key={b.fileName} title={b.path}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{t(`cadangan.reason.${b.reason}`)}</td>
                  <td className="num">{formatBytes(b.bytes)}</td>
                  <td>{b.verified ? <span className="ok-note">✓ {t('cadangan.verified')}</span> : <span className="badge badge-warning">{t('cadangan.notVerified')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="cadangan-actions">
        <button type="button" className="btn" onClick={() => void make()} disabled={busy} aria-describedby="cadangan-made">
          {busy ? t('cadangan.creating') : t('cadangan.create')}
        </button>
        <p id="cadangan-made" role="status" className={result?.ok ? 'ok-note' : result ? 'field-error' : undefined}>
          {result?.message ?? ''}
        </p>
      </div>
    </>
  )
}

/** `reload`: reads the section's state again (the last copy, the flashdisks seen now). */
function FlashdiskCopy({ state, reload }: { state: CadanganState; reload: () => void }) {
  const { t } = useTranslation()
  const { value: shown, set: setFolder, hold: holdFolder } = useSuggestedPath(state.copyFolder)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [copied, setCopied] = useState<{ fileName: string; path: string; bytes: number; removable: boolean } | null>(null)
  // The folder is not on a flashdisk: the person says whether to write the copy there anyway.
  const [asking, setAsking] = useState<string | null>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const copiedRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (copied) copiedRef.current?.focus()
  }, [copied])

  function submit(e: FormEvent) {
    e.preventDefault()
    const target = shown.trim()
    if (!target) {
      setError(t('cadangan.folderRequired'))
      folderRef.current?.focus()
      return
    }
    void copy(target, true)
  }

  /** `ask`: the core refuses a folder that is not on a flashdisk, and the person is asked. */
  async function copy(target: string, ask: boolean) {
    setBusy(true)
    setError(null)
    setCopied(null)
    try {
      const c = await call('cadangan:copy', { folder: target, ...(ask ? { askIfNotRemovable: true } : {}) })
      setFolder(target)
      setCopied({ fileName: c.fileName, path: c.path, bytes: c.bytes, removable: c.removable })
      // The last copy and the stick's free space changed.
      reload()
    } catch (err) {
      if (err instanceof CallError && err.shape.field === 'removable') setAsking(target)
      else {
        setError(errorMessage(err))
        folderRef.current?.focus()
      }
    } finally {
      setBusy(false)
    }
  }

  const last = state.lastCopy
  return (
    <>
      <h3>{t('cadangan.copyTitle')}</h3>
      <p className="field-help">{t('cadangan.copyHelp')}</p>
      {last && (
        <p data-testid="cadangan-last-copy">
          {t('cadangan.lastCopy', { date: formatDateTime(last.at), folder: last.folder })}
        </p>
      )}
      {state.copyWarning && (
        <p className="notice" data-testid="cadangan-copy-warning">
          {state.copyWarning === 'stale' ? t('cadangan.longAgo', { days: state.staleAfterDays }) : t('cadangan.neverCopied')}
        </p>
      )}
      <form className="cadangan-form" onSubmit={submit} noValidate>
        <PathField
          id="cadangan-folder"
          label={t('cadangan.folder')}
          help={t('cadangan.folderHelp')}
          value={shown}
          onFocus={holdFolder}
          onChange={(v) => {
            setFolder(v)
            setError(null)
          }}
          error={error}
          inputRef={folderRef}
          disabled={busy}
          pick="folder"
        >
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('cadangan.copying') : t('cadangan.copy')}
          </button>
        </PathField>
        <DrivePicker
          drives={state.drives}
          folder={shown}
          onPick={(path) => {
            setFolder(path)
            setError(null)
          }}
          onRefresh={reload}
          disabled={busy}
        />
      </form>
      <ConfirmDialog
        open={asking !== null}
        title={t('paket.notRemovableTitle')}
        confirmLabel={t('paket.notRemovableConfirm')}
        cancelLabel={t('app.cancel')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const a = asking
          setAsking(null)
          if (a) void copy(a, false)
        }}
      >
        <p>{t('cadangan.notRemovableBody', { folder: asking ?? '' })}</p>
      </ConfirmDialog>
      {busy && (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> {t('cadangan.copying')}
        </p>
      )}
      {copied && (
        <div className="cadangan-result" ref={copiedRef} tabIndex={-1} role="status">
          <p className="ok-note">
            <span aria-hidden="true">✓ </span>
            {t('cadangan.copied', { file: copied.fileName, size: formatBytes(copied.bytes) })}
          </p>
          <p className="mono small muted">{copied.path}</p>
          <p>{copied.removable ? t('cadangan.copiedHint') : t('cadangan.copiedNotOnStick')}</p>
        </div>
      )}
    </>
  )
}

function RecoveryCode({ state }: { state: CadanganState }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const [code, setCode] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function reveal() {
    setAsking(false)
    setError(null)
    try {
      setCode((await call('cadangan:code', {})).code)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <>
      <h3>{t('cadangan.codeTitle')}</h3>
      <p className="field-help">{t('cadangan.codeHelp')}</p>
      {state.codeConfirmedAt && <p className="muted">{t('cadangan.codeConfirmedAt', { date: formatDateTime(state.codeConfirmedAt) })}</p>}
      {code ? (
        <div>
          <p>{t('cadangan.codeLabel')}</p>
          <p className="recovery-code" data-testid="recovery-code">
            {code}
          </p>
          <div className="cadangan-actions">
            <PrintButton request={{ kind: 'kartuPemulihan' }} label={t('cadangan.printCard')} className="btn btn-primary" />
            <button type="button" className="btn" onClick={() => setCode(null)}>
              {t('cadangan.hideCode')}
            </button>
          </div>
        </div>
      ) : (
        <div className="cadangan-actions">
          <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setAsking(true)}>
            {t('cadangan.showCode')}
          </button>
        </div>
      )}
      {error && <ErrorBox message={error} />}
      <ConfirmDialog
        open={asking}
        title={t('cadangan.confirmTitle')}
        confirmLabel={t('cadangan.confirmYes')}
        cancelLabel={t('cadangan.confirmNo')}
        onConfirm={() => void reveal()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('cadangan.confirmBody')}</p>
      </ConfirmDialog>
    </>
  )
}
