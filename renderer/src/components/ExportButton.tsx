// "Ekspor ke Excel" on every list and report: asks for the folder (typed, or chosen in the
// desktop's folder dialog) and, for the kader roster, whether the file carries the full NIK
// (personal data, UU 27/2022: masked unless the person chooses otherwise), then has the core
// write a real .xlsx and says which file it wrote where.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportKind, ExportResult } from '@shared/contract'
import { call, CallError, errorMessage } from '../api/client'
import { formatNumber } from '../i18n/format'
import { ErrorBox } from './ErrorBox'
import { PathField } from './PathField'

const FOLDER_KEY = 'simpul.eksporFolder'

function rememberedFolder(): string {
  try {
    return localStorage.getItem(FOLDER_KEY) ?? ''
  } catch {
    return ''
  }
}

export interface ExportButtonProps {
  what: ExportKind
  /** Training attendance and the recap: the year shown (null: all years / this year). */
  year?: number | null
  /** Training attendance of one training (the detail page). */
  trainingId?: string | null
  className?: string
  /** The button's words where a screen has more than one export (default "Ekspor ke Excel"). */
  label?: string
}

export function ExportButton(props: ExportButtonProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={buttonRef} type="button" className={props.className ?? 'btn'} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" className="export-icon">
          <path d="M4 2h8l4 4v12H4z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="M7 9l6 6M13 9l-6 6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        {props.label ?? t('spreadsheet.export.button')}
      </button>
      {open && (
        <ExportDialog
          {...props}
          onClose={() => {
            setOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </>
  )
}

function ExportDialog({ what, year, trainingId, onClose }: ExportButtonProps & { onClose: () => void }) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const whatId = useId()
  const nikHelpId = useId()
  const [folder, setFolder] = useState(rememberedFolder)
  const [fullNik, setFullNik] = useState(false)
  const [folderError, setFolderError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportResult | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    folderRef.current?.focus()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  function close() {
    const dialog = dialogRef.current
    if (dialog?.open) dialog.close()
    else onClose()
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    const target = folder.trim()
    setError(null)
    if (!target) {
      setFolderError(t('spreadsheet.export.folderRequired'))
      folderRef.current?.focus()
      return
    }
    setFolderError(null)
    setBusy(true)
    try {
      const written = await call('ekspor:xlsx', {
        what,
        folder: target,
        fullNik: what === 'roster' ? fullNik : false,
        year: year ?? null,
        trainingId: trainingId ?? null,
      })
      try {
        localStorage.setItem(FOLDER_KEY, target)
      } catch {
        // Remembering the folder is a convenience only.
      }
      setDone(written)
    } catch (err) {
      const message = folderMessage(err)
      if (message) {
        setFolderError(message)
        folderRef.current?.focus()
      } else setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const description =
    what === 'training'
      ? trainingId
        ? t('spreadsheet.export.what.trainingOne')
        : year
          ? t('spreadsheet.export.what.trainingYear', { year })
          : t('spreadsheet.export.what.trainingAll')
      : what === 'rekap'
        ? year
          ? t('spreadsheet.export.what.rekapYear', { year })
          : t('spreadsheet.export.what.rekap')
        : t(`spreadsheet.export.what.${what}`)

  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby={titleId}
      aria-describedby={whatId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) close()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {t(`spreadsheet.export.title.${what}`)}
      </h2>
      <p id={whatId} className="dialog-body export-what">
        {description}
      </p>
      {done ? (
        <>
          <div ref={doneRef} tabIndex={-1} className="export-done" role="status">
            <p className="export-done-title">{t('spreadsheet.export.done')}</p>
            <p className="export-done-file mono">{done.fileName}</p>
            <p className="export-done-path mono">{done.path}</p>
            <p className="muted">{t('spreadsheet.export.doneRows', { n: formatNumber(done.rows) })}</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={close}>
              {t('spreadsheet.export.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form export-form" onSubmit={(e) => void submit(e)} noValidate>
          <PathField
            id={`${titleId}-folder`}
            label={t('spreadsheet.export.folder')}
            help={t('spreadsheet.export.folderHelp')}
            value={folder}
            onChange={(v) => {
              setFolder(v)
              setFolderError(null)
            }}
            error={folderError}
            inputRef={folderRef}
            disabled={busy}
            pick="folder"
          />
          {what === 'roster' && (
            <fieldset className="field fieldset" aria-describedby={nikHelpId}>
              <legend className="field-label">{t('spreadsheet.export.nikLegend')}</legend>
              <div className="radio-row">
                <label className="check">
                  <input type="radio" name={`${titleId}-nik`} checked={!fullNik} onChange={() => setFullNik(false)} disabled={busy} />
                  <span>{t('spreadsheet.export.nikMasked')}</span>
                </label>
                <label className="check">
                  <input type="radio" name={`${titleId}-nik`} checked={fullNik} onChange={() => setFullNik(true)} disabled={busy} />
                  <span>{t('spreadsheet.export.nikFull')}</span>
                </label>
              </div>
              <p id={nikHelpId} className="field-help">
                {t('spreadsheet.export.nikHelp')}
              </p>
            </fieldset>
          )}
          {error && <ErrorBox message={error} />}
          {busy && (
            <p className="loading" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('spreadsheet.export.writing')}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={close} disabled={busy}>
              {t('spreadsheet.export.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('spreadsheet.export.write')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}

/** The core's message when it is about the folder (missing, not writable), to show under the field. */
function folderMessage(e: unknown): string | null {
  if (!(e instanceof CallError)) return null
  if (e.shape.field === 'folder') return e.shape.message
  return e.shape.fields?.folder ?? null
}
