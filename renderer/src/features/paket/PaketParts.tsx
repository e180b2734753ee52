// Pieces shared by the Kirim/Terima Paket tabs: the tab bar with the open counts, the folder
// field (typed, or chosen in the desktop's folder dialog), the progress bar and a per-kind table.

import type { ReactNode, RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { PathField } from '../../components/PathField'
import { Tabs } from '../../components/Tabs'
import { formatNumber } from '../../i18n/format'
import { kindLabel, type Progress } from './paketFormat'

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
  onFocus?: () => void
  /** The action next to the field (Buat paket, Cari paket). */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return <PathField id="paket-folder" label={t('paket.folder')} help={t('paket.folderHelp')} pick="folder" {...props} />
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
