// A path on the stick (the Kirim/Terima Paket folder, a key card file) or a spreadsheet to import:
// typed, since the browser preview has no dialog, or chosen in the desktop's dialog. For a key card
// file the dialog can only pick its folder, so the field gets the folder and the person adds the
// file name; a spreadsheet (.xlsx, .csv) is chosen whole in the system's open dialog.

import { useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { call, CallError, errorMessage } from '../api/client'

export function PathField({
  id,
  label,
  help,
  value,
  onChange,
  error,
  inputRef,
  disabled,
  pick,
  pickedFolderNote,
  onFocus,
  children,
}: {
  id: string
  label: string
  help: string
  value: string
  onChange: (path: string) => void
  error: string | null
  inputRef: RefObject<HTMLInputElement | null>
  disabled?: boolean
  /**
   * folder: the chosen folder is the value; file: the folder plus a separator, the name still to
   * type; spreadsheet: an .xlsx or .csv file chosen in the open dialog is the value.
   */
  pick: 'folder' | 'file' | 'spreadsheet'
  /** For pick = file: what to tell the person once the folder is in (the file name still to add). */
  pickedFolderNote?: string
  /** The person takes the field in hand (see useSuggestedPath). */
  onFocus?: () => void
  /** The action next to the field (Buat paket, Cari paket, Baca kartu). */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const [canChoose, setCanChoose] = useState(true)
  const [note, setNote] = useState<string | null>(null)
  const [chooseError, setChooseError] = useState<string | null>(null)

  async function choose() {
    setChooseError(null)
    try {
      if (pick === 'spreadsheet') {
        const file = await call('app:chooseFile', {})
        if (file) onChange(file.path)
        return
      }
      const picked = await call('paket:chooseFolder', {})
      if (!picked) return
      if (pick === 'folder') onChange(picked.folder)
      else {
        const sep = picked.folder.includes('\\') ? '\\' : '/'
        onChange(picked.folder.endsWith(sep) ? picked.folder : picked.folder + sep)
        if (pickedFolderNote) setNote(pickedFolderNote)
        inputRef.current?.focus()
      }
    } catch (e) {
      if (e instanceof CallError && e.code === 'unsupported') {
        setCanChoose(false)
        setNote(e.shape.message)
        inputRef.current?.focus()
      } else {
        setChooseError(errorMessage(e))
      }
    }
  }

  const shownError = error ?? chooseError
  return (
    <div className={shownError ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="path-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          className="path-input"
          value={value}
          // Read-only rather than disabled while busy, so an error can put the focus back here.
          readOnly={disabled}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-help ${id}-error`}
          onChange={(e) => onChange(e.target.value)}
          onFocus={onFocus}
        />
        {canChoose && (
          <button type="button" className="btn" onClick={() => void choose()} disabled={disabled}>
            {pick === 'spreadsheet' ? t('spreadsheet.chooseFile') : t('app.chooseFolder')}
          </button>
        )}
        {children}
      </div>
      <p id={`${id}-help`} className="field-help">
        {note ?? help}
      </p>
      <p id={`${id}-error`} className="field-error" hidden={!shownError}>
        {shownError}
      </p>
    </div>
  )
}

/**
 * A path field that shows a suggestion (the only flashdisk, found a moment after the screen
 * opens) until the person takes the field in hand. From the first focus it keeps what they see
 * and type: a suggestion arriving mid-typing would otherwise replace the text under their
 * fingers, or be joined to it.
 */
export function useSuggestedPath(suggested: string): { value: string; set: (path: string) => void; hold: () => void } {
  const [own, setOwn] = useState<string | null>(null)
  const value = own ?? suggested
  return { value, set: setOwn, hold: () => setOwn((o) => o ?? value) }
}
