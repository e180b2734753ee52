// Pieces shared by the Kirim/Terima Paket tabs: the tab bar with the open counts, the folder
// field (typed, or chosen in the desktop's folder dialog), the progress bar and a per-kind table.

import type { ReactNode, RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketDrive } from '@shared/contract'
import { PathField } from '../../components/PathField'
import { Tabs } from '../../components/Tabs'
import { formatNumber } from '../../i18n/format'
import { formatBytes, kindLabel, type Progress } from './paketFormat'

export const PAKET_TABS = [
  { key: 'kirim', path: '#/paket' },
  { key: 'terima', path: '#/paket/terima' },
  { key: 'riwayat', path: '#/paket/riwayat' },
  { key: 'konflik', path: '#/paket/konflik' },
  { key: 'duplikat', path: '#/paket/duplikat' },
] as const
export type PaketTab = (typeof PAKET_TABS)[number]['key']

export function PaketTabs({ current, open }: { current: PaketTab; open: { konflik: number; duplikat: number } }) {
  const { t } = useTranslation()
  return (
    <Tabs
      label={t('paket.tabs.label')}
      tabs={PAKET_TABS}
      current={current}
      text={(key) => {
        const n = key === 'konflik' ? open.konflik : key === 'duplikat' ? open.duplikat : 0
        return (
          <>
            {t(`paket.tabs.${key}`)}
            {n > 0 && (
              <>
                <span className="paket-tab-count" aria-hidden="true">
                  {formatNumber(n)}
                </span>
                <span className="sr-only">{` (${t('paket.tabs.open', { n: formatNumber(n) })})`}</span>
              </>
            )}
          </>
        )
      }}
    />
  )
}

/**
 * The folder on the stick. People type it (the browser preview has no folder dialog); the
 * desktop app also offers its dialog. When the core says the dialog is not available here, the
 * button goes away and its message says what to type instead.
 */
export function FolderField(props: {
  value: string
  onChange: (folder: string) => void
  error: string | null
  inputRef: RefObject<HTMLInputElement | null>
  disabled?: boolean
  /** The action next to the field (Buat paket, Cari paket). */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return <PathField id="paket-folder" label={t('paket.folder')} help={t('paket.folderHelp')} pick="folder" {...props} />
}

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
  return (
    <div className="paket-drives" role="group" aria-labelledby="paket-drives-title">
      <p id="paket-drives-title" className="field-label paket-drives-title">
        {t('paket.drivesLabel')}
      </p>
      {drives === null ? (
        <p className="muted small paket-drives-note">{t('paket.drivesLoading')}</p>
      ) : drives.length === 0 ? (
        <p className="muted small paket-drives-note">{t('paket.drivesNone')}</p>
      ) : (
        <ul className="paket-drive-list">
          {drives.map((d) => (
            <li key={d.path}>
              <button
                type="button"
                className="btn paket-drive"
                aria-pressed={onDrive(folder, d.path)}
                disabled={disabled}
                onClick={() => onPick(d.path)}
              >
                <span className="paket-drive-label">{d.label}</span>
                <span className="mono small paket-drive-path">{d.path}</span>
                {d.freeBytes !== null && <span className="small paket-drive-free">{t('paket.driveFree', { free: formatBytes(d.freeBytes) })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small paket-drives-refresh" onClick={onRefresh} disabled={disabled || drives === null}>
        {t('paket.drivesRefresh')}
      </button>
    </div>
  )
}

/** A determinate bar once the core says how far it is, a spinner-like indeterminate one before. */
export function PaketProgress({ label, progress }: { label: string; progress: Progress | null }) {
  const { t } = useTranslation()
  const known = progress && progress.total > 0
  return (
    <div className="paket-progress" role="status" aria-live="polite">
      <p className="paket-progress-title">
        <span className="spinner" aria-hidden="true" />
        {label}
      </p>
      <progress
        className="paket-progress-bar"
        aria-label={t('paket.progressLabel')}
        max={known ? progress.total : undefined}
        value={known ? Math.min(progress.done, progress.total) : undefined}
      />
      {progress && (
        <p className="muted small">
          {progress.label}
          {known && ` · ${t('paket.progressCount', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}`}
        </p>
      )}
    </div>
  )
}

/** Records per kind, in the usual order. */
export function CountsTable({ rows, label }: { rows: { kind: string; n: number }[]; label: string }) {
  const { t } = useTranslation()
  const total = rows.reduce((s, r) => s + r.n, 0)
  return (
    <table className="table paket-counts" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('paket.colKind')}</th>
          <th scope="col" className="num">
            {t('paket.colCount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kind}>
            <th scope="row">{kindLabel(r.kind)}</th>
            <td className="num">{formatNumber(r.n)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('paket.total')}</th>
          <td className="num">{formatNumber(total)}</td>
        </tr>
      </tfoot>
    </table>
  )
}
