// The flashdisks the PC sees, picked with one click: Kirim/Terima (the paket) and Pengaturan →
// Cadangan (the encrypted copy) offer the same list, from `paket:drives`.

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketDrive } from '@shared/contract'
import { formatBytes } from '../i18n/format'
import './drive-picker.css'

/** The folder is the drive or a folder inside it ("E:\\Paket" is on "E:\\"; "/media/STICK2" is not on "/media/STICK"). */
export function onDrive(folder: string, drive: string): boolean {
  const sep = drive.includes('\\') ? '\\' : '/'
  const win = sep === '\\'
  const f = win ? folder.trim().toLowerCase() : folder.trim()
  const d = win ? drive.toLowerCase() : drive
  return f === d || f.startsWith(d.endsWith(sep) ? d : d + sep) || (d.endsWith(sep) && f === d.slice(0, -1))
}

/**
 * The flashdisks the PC sees now, each picked with one click (its label, where it is and its free
 * space); "Cari lagi" after a stick is plugged in. None found says so: the folder can still be typed.
 */
export function DrivePicker({
  drives,
  folder,
  onPick,
  onRefresh,
  disabled,
}: {
  /** Null while the PC is asked. */
  drives: PaketDrive[] | null
  folder: string
  onPick: (path: string) => void
  onRefresh: () => void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <div className="drives" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="field-label drives-title">
        {t('paket.drivesLabel')}
      </p>
      {drives === null ? (
        <p className="muted small drives-note">{t('paket.drivesLoading')}</p>
      ) : drives.length === 0 ? (
        <p className="muted small drives-note">{t('paket.drivesNone')}</p>
      ) : (
        <ul className="drive-list">
          {drives.map((d) => (
            <li key={d.path}>
              <button
                type="button"
                className="btn drive"
                aria-pressed={onDrive(folder, d.path)}
                disabled={disabled}
                onClick={() => onPick(d.path)}
              >
                <span className="drive-label">{d.label}</span>
                <span className="mono small drive-path">{d.path}</span>
                {d.freeBytes !== null && <span className="small drive-free">{t('paket.driveFree', { free: formatBytes(d.freeBytes) })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small drives-refresh" onClick={onRefresh} disabled={disabled || drives === null}>
        {t('paket.drivesRefresh')}
      </button>
    </div>
  )
}

