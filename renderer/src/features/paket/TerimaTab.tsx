// Terima: list the paket in the folder (the damaged ones too, with why, and those locked for
// other offices, with for whom; setup paket marked newest or replaced by a newer one; times on
// the office's clock, as in the file names), show what importing one would do (and whose key
// signed it: a sender not trusted yet needs a person to tick that the fingerprint was compared),
// then import it all or nothing. A flashdisk the PC sees is looked at with one click.

import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketFile, PaketImportSummary } from '@shared/contract'
import { waktu } from '@shared/domain/tanggal'
import type { ZonaWaktu } from '@shared/domain/zona-waktu'
import { useOfficeZone } from '../../app/AppContext'
import { call, CallError, errorMessage } from '../../api/client'
import { DrivePicker } from '../../components/DrivePicker'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useSuggestedPath } from '../../components/PathField'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { ageText, countRows, daysSince, kindLabel, kindOrder, usePaketProgress } from './paketFormat'
import { FolderField, PaketProgress } from './PaketParts'
import { needsConfirmation, SenderKey } from './SenderKey'
import './paket.css'

/** "6 Desember 2026 14.05 WIB": an instant on the office's wall clock, the clock of the file names. */
const atOffice = (iso: string, zone: ZonaWaktu) => waktu(iso, zone, (d) => formatDate(d))

function newestFirst(a: PaketFile, b: PaketFile): number {
  const at = a.manifest?.createdAt ?? a.modifiedAt
  const bt = b.manifest?.createdAt ?? b.modifiedAt
  return bt.localeCompare(at) || a.fileName.localeCompare(b.fileName)
}

export function TerimaTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation()
  const { push } = useToasts()
  const state = useCall('paket:state', {})
  const drives = useCall('paket:drives', {})
  const zone = useOfficeZone()
  // The folder follows what the PC sees (one stick) until the person takes the field in hand.
  const { value: shownFolder, set: setFolder, hold: holdFolder } = useSuggestedPath(drives.data?.folder ?? '')
  const [folderError, setFolderError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)
  const [scanError, setScanError] = useState<string | null>(null)
  const [files, setFiles] = useState<PaketFile[] | null>(null)
  const [scannedFolder, setScannedFolder] = useState('')
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [summary, setSummary] = useState<PaketImportSummary | null>(null)
  const [chosenPath, setChosenPath] = useState<string | null>(null)
  // The person's tick that the sender's fingerprint was compared (by phone) for a key not trusted yet.
  const [confirmed, setConfirmed] = useState(false)
  const { progress, start, stop } = usePaketProgress()
  const folderRef = useRef<HTMLInputElement>(null)
  const summaryRef = useRef<HTMLHeadingElement>(null)
  const listRef = useRef<HTMLParagraphElement>(null)

  const chosenFile = files?.find((f) => f.path === chosenPath) ?? null

  useEffect(() => {
    if (summary) summaryRef.current?.focus()
  }, [summary])

  async function scan(target: string, quiet = false) {
    setScanning(true)
    setScanError(null)
    try {
      const found = await call('paket:scan', { folder: target })
      setFiles([...found].sort(newestFirst))
      setScannedFolder(target)
      if (!quiet) listRef.current?.focus()
    } catch (e) {
      if (e instanceof CallError && e.shape.field === 'folder') {
        setFolderError(e.shape.message)
        folderRef.current?.focus()
      } else setScanError(errorMessage(e))
      setFiles(null)
    } finally {
      setScanning(false)
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    look(shownFolder.trim())
  }

  function look(f: string) {
    if (!f) {
      setFolderError(t('paket.folderRequired'))
      folderRef.current?.focus()
      return
    }
    setFolderError(null)
    setSummary(null)
    setChosenPath(null)
    setActionError(null)
    void scan(f)
  }

  async function preview(file: PaketFile) {
    setBusy('preview')
    setActionError(null)
    setSummary(null)
    setConfirmed(false)
    setChosenPath(file.path)
    start()
    try {
      setSummary(await call('paket:preview', { path: file.path }))
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      stop()
      setBusy(null)
    }
  }

  async function importNow() {
    if (!chosenPath || !summary) return
    const mustConfirm = needsConfirmation(summary.senderKey, Boolean(summary.alreadyImportedAt))
    if (mustConfirm && !confirmed) return
    setBusy('import')
    setActionError(null)
    start()
    try {
      const result = await call('paket:import', {
        path: chosenPath,
        acceptFingerprint: mustConfirm ? summary.senderKey.fingerprint : null,
      })
      setSummary(result)
      push({ tone: 'success', message: t('paket.importedTitle') })
      onChanged()
      void scan(scannedFolder || shownFolder.trim(), true)
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      stop()
      setBusy(null)
    }
  }

  return (
    <>
      <PageHeading>{t('paket.terimaTitle')}</PageHeading>
      {state.status === 'error' && !state.data && <ErrorBox message={state.error} onRetry={state.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data && (
        <form className="card paket-form" onSubmit={submit} noValidate>
          <FolderField
            value={shownFolder}
            onFocus={holdFolder}
            onChange={(v) => {
              setFolder(v)
              setFolderError(null)
            }}
            error={folderError}
            inputRef={folderRef}
            disabled={busy !== null}
          >
            <button type="submit" className="btn btn-primary" disabled={scanning || busy !== null}>
              {t('paket.scan')}
            </button>
          </FolderField>
          <DrivePicker
            drives={drives.data?.drives ?? (drives.status === 'error' ? [] : null)}
            folder={shownFolder}
            onPick={(path) => {
              // One click: the stick is looked at at once.
              setFolder(path)
              look(path)
            }}
            onRefresh={drives.reload}
            disabled={scanning || busy !== null}
          />
          {scanning && <Loading label={t('paket.scanning')} inline />}
          {scanError && <ErrorBox message={scanError} onRetry={() => void scan(shownFolder.trim())} />}
        </form>
      )}

      {files && (
        <section className="card paket-files" aria-labelledby="paket-files-title">
          <h2 id="paket-files-title" className="card-title">
            {t('paket.filesLabel')}
          </h2>
          <p ref={listRef} tabIndex={-1} className="muted" aria-live="polite">
            {files.length === 0 ? t('paket.scanEmpty') : t('paket.filesCount', { n: formatNumber(files.length) })}
          </p>
          {files.length > 0 && (
            <div className="table-wrap">
              <table className="table paket-file-table" aria-label={t('paket.filesLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('paket.sender')}</th>
                    <th scope="col">{t('paket.created')}</th>
                    <th scope="col">{t('paket.contents')}</th>
                    <th scope="col">{t('paket.state')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('paket.choose')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {files.map((f) => (
                    <FileRow
                      key={f.path}
                      file={f}
                      zone={zone}
                      chosen={f.path === chosenPath}
                      disabled={busy !== null}
                      onChoose={() => void preview(f)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {busy && <PaketProgress label={busy === 'import' ? t('paket.importing') : t('paket.previewing')} progress={progress} />}
      {actionError && <ErrorBox message={actionError} />}
      {summary && (
        <Summary
          summary={summary}
          zone={zone}
          superseded={!summary.applied && chosenFile?.mark === 'superseded'}
          ref={summaryRef}
          busy={busy !== null}
          confirmed={confirmed}
          onConfirm={setConfirmed}
          onImport={() => void importNow()}
        />
      )}
    </>
  )
}

function FileRow({
  file,
  zone,
  chosen,
  disabled,
  onChoose,
}: {
  file: PaketFile
  zone: ZonaWaktu
  chosen: boolean
  disabled: boolean
  onChoose: () => void
}) {
  const { t } = useTranslation()
  const m = file.manifest
  if (!m) {
    return (
      <tr className="paket-row-damaged" data-file={file.fileName}>
        <th scope="row">
          <span className="mono small">{file.fileName}</span>
        </th>
        <td colSpan={2} className="wrap">
          <span className="paket-damaged-text">{file.error}</span>
        </td>
        <td>
          <span className="badge paket-badge-damaged">{t('paket.damagedBadge')}</span>
        </td>
        <td />
      </tr>
    )
  }
  const counts = countRows(m.counts)
  // A whole paket that is not for this office (locked for others): who sent it and for whom, nothing to open.
  const locked = file.error !== null
  return (
    <tr
      className={locked ? 'paket-row-locked' : chosen ? 'paket-row-chosen' : file.importedAt || file.own || file.mark === 'superseded' ? 'row-muted' : undefined}
      data-file={file.fileName}
      data-locked={locked ? 'true' : undefined}
      data-mark={file.mark ?? undefined}
    >
      <th scope="row">
        <span className="row-name">{m.sender.name}</span>
        <span className="row-sub muted small">
          {t(`level.${m.sender.level}`)} · <span className="mono">{file.fileName}</span>
        </span>
      </th>
      <td>
        {atOffice(m.createdAt, zone)}
        <span className="row-sub muted small">{t('paket.madeAge', { age: ageText(daysSince(m.createdAt)) })}</span>
      </td>
      <td className="wrap">
        {m.kind === 'pembinaan' && <span className="paket-kind-setup">{t('paket.setupKind')}</span>}
        {t('paket.records', { n: formatNumber(m.records) })}
        {counts.length > 0 && (
          <span className="row-sub muted small">{counts.map((c) => `${kindLabel(c.kind)} ${formatNumber(c.n)}`).join(' · ')}</span>
        )}
      </td>
      <td className={locked ? 'wrap' : undefined}>
        {locked ? (
          <>
            <span className="badge badge-warning">{t('paket.lockedBadge')}</span>
            <span className="paket-locked-text">{file.error}</span>
          </>
        ) : (
          <span className="paket-badges">
            {file.own ? (
              <span className="badge badge-nonaktif">{t('paket.ownBadge')}</span>
            ) : file.importedAt ? (
              <span className="badge badge-aktif">{t('paket.importedBadge', { date: formatDate(file.importedAt) })}</span>
            ) : file.mark !== 'superseded' ? (
              <span className="badge badge-pindah">{t('paket.newBadge')}</span>
            ) : null}
            {file.mark === 'newest' && <span className="badge badge-aktif paket-badge-newest">{t('paket.newestBadge')}</span>}
            {file.mark === 'superseded' && <span className="badge badge-warning">{t('paket.supersededBadge')}</span>}
          </span>
        )}
      </td>
      <td>
        {!file.own && !locked && (
          <button
            type="button"
            className={chosen ? 'btn btn-small btn-primary' : 'btn btn-small'}
            disabled={disabled}
            aria-label={t('paket.chooseLabel', { file: file.fileName })}
            aria-pressed={chosen}
            onClick={onChoose}
          >
            {t('paket.choose')}
          </button>
        )}
      </td>
    </tr>
  )
}

function Summary({
  summary: s,
  zone,
  superseded,
  ref,
  busy,
  confirmed,
  onConfirm,
  onImport,
}: {
  summary: PaketImportSummary
  zone: ZonaWaktu
  /** The file chosen is a setup paket a newer one from the same sender replaces. */
  superseded: boolean
  ref: Ref<HTMLHeadingElement>
  busy: boolean
  confirmed: boolean
  onConfirm: (confirmed: boolean) => void
  onImport: () => void
}) {
  const { t } = useTranslation()
  const m = s.manifest
  const kinds = [...s.kinds].sort((a, b) => kindOrder(a.kind, b.kind))
  const sum = kinds.reduce(
    (acc, k) => ({
      new: acc.new + k.new,
      updated: acc.updated + k.updated,
      unchanged: acc.unchanged + k.unchanged,
      conflicts: acc.conflicts + k.conflicts,
      // `refused` counts the held ones too; the screen shows them apart.
      refused: acc.refused + k.refused - k.held,
      held: acc.held + k.held,
    }),
    { new: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0, held: 0 },
  )
  const refusedMore = sum.refused + sum.held - s.refusals.length
  const fmt = (n: number) => formatNumber(n)
  const mustConfirm = !s.applied && needsConfirmation(s.senderKey, Boolean(s.alreadyImportedAt))
  const waiting = mustConfirm && !confirmed

  return (
    <section className="card paket-summary" aria-labelledby="paket-summary-title" data-applied={s.applied ? 'true' : 'false'}>
      <h2 id="paket-summary-title" ref={ref} tabIndex={-1} className={s.applied ? 'card-title paket-ok-title' : 'card-title'}>
        {s.applied && <span aria-hidden="true">✓ </span>}
        {s.applied ? t('paket.importedTitle') : t('paket.previewTitle')}
      </h2>
      <dl className="dl paket-dl">
        <div className="dl-item">
          <dt>{t('paket.previewSender')}</dt>
          <dd>
            {m.sender.name} <span className="muted">({t(`level.${m.sender.level}`)})</span>
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.previewCreated')}</dt>
          <dd>
            {atOffice(m.createdAt, zone)} <span className="muted">({ageText(s.ageDays)})</span>
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.previewFor')}</dt>
          <dd>{m.recipient.name}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.previewType')}</dt>
          <dd>{m.kind === 'pembinaan' ? t('paket.previewSetup') : m.full ? t('paket.previewFull') : t('paket.previewChanges')}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('paket.previewFile')}</dt>
          <dd className="mono paket-file-name">{s.fileName}</dd>
        </div>
      </dl>

      <SenderKey
        senderKey={s.senderKey}
        senderName={m.sender.name}
        applied={s.applied}
        alreadyImported={Boolean(s.alreadyImportedAt)}
        confirmed={confirmed}
        onConfirm={onConfirm}
        disabled={busy}
      />

      {s.alreadyImportedAt && (
        <p className="notice paket-already" role="status">
          {t('paket.alreadyImported', { date: atOffice(s.alreadyImportedAt, zone) })}
        </p>
      )}
      {superseded && !s.alreadyImportedAt && (
        <p className="field-warning paket-superseded" role="status">
          {t('paket.supersededNote', { name: m.sender.name })}
        </p>
      )}
      {s.applied && !s.alreadyImportedAt && (
        <p className="paket-result-line" role="status">
          {s.changes === 0
            ? t('paket.importedNothing')
            : t('paket.importedSummary', { new: fmt(sum.new), updated: fmt(sum.updated), unchanged: fmt(sum.unchanged), refused: fmt(sum.refused), held: fmt(sum.held) })}
        </p>
      )}

      {kinds.length > 0 && (
        <div className="table-wrap">
          <table className="table paket-kinds" aria-label={s.applied ? t('paket.resultTableLabel') : t('paket.previewTableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('paket.colKind')}</th>
                <th scope="col" className="num">
                  {t('paket.colNew')}
                </th>
                <th scope="col" className="num">
                  {t('paket.colUpdated')}
                </th>
                <th scope="col" className="num">
                  {t('paket.colUnchanged')}
                </th>
                <th scope="col" className="num">
                  {t('paket.colConflicts')}
                </th>
                <th scope="col" className="num">
                  {t('paket.colRefused')}
                </th>
                <th scope="col" className="num">
                  {t('paket.colHeld')}
                </th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{kindLabel(k.kind)}</th>
                  <td className="num">{fmt(k.new)}</td>
                  <td className="num">{fmt(k.updated)}</td>
                  <td className="num">{fmt(k.unchanged)}</td>
                  <td className={k.conflicts > 0 ? 'num paket-attn' : 'num'}>{fmt(k.conflicts)}</td>
                  <td className={k.refused - k.held > 0 ? 'num paket-bad' : 'num'}>{fmt(k.refused - k.held)}</td>
                  <td className={k.held > 0 ? 'num paket-attn' : 'num'}>{fmt(k.held)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('paket.total')}</th>
                <td className="num">{fmt(sum.new)}</td>
                <td className="num">{fmt(sum.updated)}</td>
                <td className="num">{fmt(sum.unchanged)}</td>
                <td className="num">{fmt(sum.conflicts)}</td>
                <td className="num">{fmt(sum.refused)}</td>
                <td className="num">{fmt(sum.held)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      {sum.conflicts > 0 && !s.alreadyImportedAt && <p className="muted">{t('paket.conflictsNote', { n: fmt(sum.conflicts) })}</p>}
      {s.duplicates > 0 && !s.alreadyImportedAt && <p className="muted">{t('paket.duplicatesNote', { n: fmt(s.duplicates) })}</p>}
      {s.catalogues.length > 0 && <p className="muted">{t('paket.cataloguesNote', { list: s.catalogues.join(', ') })}</p>}
      {s.learnedCards.length > 0 && !s.alreadyImportedAt && <p className="muted">{t('paket.learnedCardsNote', { list: s.learnedCards.join(', ') })}</p>}
      {s.released > 0 && !s.alreadyImportedAt && <p className="muted">{t('paket.releasedNote', { n: fmt(s.released) })}</p>}
      {s.heldTotal > 0 && <p className="muted">{t('paket.heldNote', { n: fmt(s.heldTotal) })}</p>}

      {s.refusals.length > 0 && (
        <div className="paket-refusals">
          <h3 className="sub-title">{t('paket.refusalsTitle')}</h3>
          <ul aria-label={t('paket.refusalsTitle')}>
            {s.refusals.map((r, i) => (
              <li key={`${r.kind}-${r.recordId}-${i}`}>
                <strong>{kindLabel(r.kind)}</strong>
                {r.held ? ` (${t('paket.heldMark')})` : ''}: {r.reason}
              </li>
            ))}
          </ul>
          {refusedMore > 0 && <p className="muted small">{t('paket.refusalsMore', { n: fmt(refusedMore) })}</p>}
        </div>
      )}

      {s.warnings.length > 0 && (
        <div className="field-warning paket-warnings">
          <p>
            <strong>{t('paket.warningsTitle')}</strong>
          </p>
          <ul className="warning-list">
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      {!s.applied && (
        <div className="paket-actions">
          {!s.alreadyImportedAt && s.changes === 0 && <p className="muted">{t('paket.noChanges', { name: m.sender.name })}</p>}
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={busy || Boolean(s.alreadyImportedAt) || waiting}
            aria-describedby={s.alreadyImportedAt || waiting ? 'paket-import-why' : undefined}
            onClick={onImport}
          >
            {busy ? t('paket.importing') : t('paket.importNow')}
          </button>
          {(s.alreadyImportedAt || waiting) && (
            <p id="paket-import-why" className="muted small">
              {s.alreadyImportedAt ? t('paket.alreadyImportedHint') : t('kunci.sender.confirmNeeded')}
            </p>
          )}
        </div>
      )}

      {s.applied && (sum.conflicts > 0 || s.duplicates > 0) && (
        <p className="page-actions">
          {sum.conflicts > 0 && (
            <a className="btn" href="#/paket/konflik">
              {t('paket.goConflicts', { n: fmt(sum.conflicts) })}
            </a>
          )}
          {s.duplicates > 0 && (
            <a className="btn" href="#/paket/duplikat">
              {t('paket.goDuplicates', { n: fmt(s.duplicates) })}
            </a>
          )}
        </p>
      )}
    </section>
  )
}
