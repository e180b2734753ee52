// Pulihkan dari salinan flashdisk: the copies on a stick (found by their headers, no code needed),
// the office's recovery code from its kartu pemulihan, and the restore, which the host does by
// closing the database, swapping the file and opening it again. Offered where no office's data is
// in use: the damaged-file screen and the first run on a new or repaired PC.

import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FoundCopy } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { PathField } from '../../components/PathField'
import { formatBytes, formatDateTime } from '../../i18n/format'

export function RestoreCopyForm({ confirmBody, onRestored }: { confirmBody?: string; onRestored: () => void }) {
  const { t } = useTranslation()
  const [folder, setFolder] = useState('')
  const [folderError, setFolderError] = useState<string | null>(null)
  const [copies, setCopies] = useState<FoundCopy[] | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [kode, setKode] = useState('')
  const [kodeError, setKodeError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'find' | 'restore' | null>(null)
  const [asking, setAsking] = useState(false)
  const folderRef = useRef<HTMLInputElement>(null)
  const kodeRef = useRef<HTMLInputElement>(null)
  const copy = copies?.find((c) => c.path === chosen) ?? null

  async function find(e: FormEvent) {
    e.preventDefault()
    if (!folder.trim()) {
      setFolderError(t('cadangan.restoreCopy.folderRequired'))
      return folderRef.current?.focus()
    }
    setBusy('find')
    setFolderError(null)
    try {
      const found = await call('cadangan:findCopies', { folder: folder.trim() })
      setCopies(found)
      setChosen(found[0]?.path ?? null)
      if (found.length === 0) {
        setFolderError(t('cadangan.restoreCopy.noneFound'))
        folderRef.current?.focus()
      }
    } catch (err) {
      setFolderError(errorMessage(err))
      folderRef.current?.focus()
    } finally {
      setBusy(null)
    }
  }

  function ask(e: FormEvent) {
    e.preventDefault()
    if (!kode.trim()) {
      setKodeError(t('cadangan.restoreCopy.kodeRequired'))
      return kodeRef.current?.focus()
    }
    setKodeError(null)
    if (confirmBody) setAsking(true)
    else void restore()
  }

  async function restore() {
    if (!copy) return
    setAsking(false)
    setBusy('restore')
    setKodeError(null)
    try {
      await call('cadangan:restoreCopy', { path: copy.path, kode: kode.trim() })
      onRestored()
    } catch (err) {
      setKodeError(err instanceof CallError ? err.shape.message : errorMessage(err))
      setBusy(null)
      kodeRef.current?.focus()
    }
  }

  return (
    <div className="restore-copy">
      <form onSubmit={find} noValidate>
        <PathField
          id="restore-copy-folder"
          label={t('cadangan.restoreCopy.folder')}
          help={t('cadangan.restoreCopy.folderHelp')}
          value={folder}
          onChange={(v) => {
            setFolder(v)
            setCopies(null)
          }}
          error={folderError}
          inputRef={folderRef}
          disabled={busy !== null}
          pick="folder"
        >
          <button type="submit" className="btn" disabled={busy !== null}>
            {busy === 'find' ? t('cadangan.restoreCopy.finding') : t('cadangan.restoreCopy.find')}
          </button>
        </PathField>
      </form>

      {copies && copies.length > 0 && (
        <form onSubmit={ask} noValidate>
          <fieldset className="fieldset">
            <legend className="field-label">{t('cadangan.restoreCopy.copies')}</legend>
            <div className="radio-cards">
              {copies.map((c) => (
                <label key={c.path} className={`radio-card ${chosen === c.path ? 'radio-card-checked' : ''}`}>
                  <input type="radio" name="restore-copy" value={c.path} checked={chosen === c.path} onChange={() => setChosen(c.path)} />
                  <span className="radio-card-title">{c.office ?? c.fileName}</span>
                  <span className="radio-card-hint">{t('cadangan.restoreCopy.copyHint', { date: formatDateTime(c.createdAt), size: formatBytes(c.bytes) })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={kodeError ? 'field field-invalid' : 'field'}>
            <label htmlFor="restore-copy-kode" className="field-label">
              {t('cadangan.restoreCopy.kode')}
            </label>
            <input
              id="restore-copy-kode"
              ref={kodeRef}
              type="text"
              className="mono"
              value={kode}
              onChange={(e) => setKode(e.target.value)}
              readOnly={busy !== null}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={kodeError ? true : undefined}
              aria-describedby="restore-copy-kode-help restore-copy-kode-error"
            />
            <p id="restore-copy-kode-help" className="field-help">
              {t('cadangan.restoreCopy.kodeHelp')}
            </p>
            <p id="restore-copy-kode-error" className="field-error" hidden={!kodeError}>
              {kodeError}
            </p>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy !== null || !copy}>
            {busy === 'restore' ? t('cadangan.restoreCopy.restoring') : t('cadangan.restoreCopy.restore')}
          </button>
        </form>
      )}

      {confirmBody && (
        <ConfirmDialog
          open={asking}
          title={t('cadangan.restoreCopy.confirmTitle')}
          confirmLabel={t('cadangan.restoreCopy.confirmYes')}
          cancelLabel={t('cadangan.confirmNo')}
          onConfirm={() => void restore()}
          onCancel={() => setAsking(false)}
        >
          <p>{confirmBody}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
