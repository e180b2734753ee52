import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RiwayatEntry } from '@shared/contract'
import { maskNik } from '@shared/domain/nik'
import type { PaketKind } from '@shared/domain/paket'
import { waktu } from '@shared/domain/tanggal'
import { useOfficeZone } from '../app/AppContext'
import { call, errorMessage } from '../api/client'
import { formatDate } from '../i18n/format'
import { ErrorBox } from './ErrorBox'
import { Loading } from './Loading'
import './riwayat.css'

/**
 * "Riwayat perubahan" of one record, collapsed at first: every change with its time, office and
 * officer, field, old and new value and source (riwayat:list), ending with its creation. Loaded
 * each time it is opened, and again when the record's `changedAt` moves, so it shows the edit just
 * saved.
 */
export function Riwayat({ kind, id, name, changedAt }: { kind: PaketKind; id: string; name: string; changedAt?: string }) {
  const { t } = useTranslation()
  const zone = useOfficeZone()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<{ list: RiwayatEntry[] | null; error: string | null }>({ list: null, error: null })
  const [tick, setTick] = useState(0)

  useEffect(() => {
    // Only once opened: a closed section loads nothing.
    if (!open) return
    let live = true
    call('riwayat:list', { kind, id }).then(
      (list) => live && setState({ list, error: null }),
      (e: unknown) => live && setState({ list: null, error: errorMessage(e) }),
    )
    return () => {
      live = false
    }
    // changedAt: a change made on the same page (a progress note, a restore) shows while open.
  }, [open, kind, id, tick, changedAt])

  function toggle(nowOpen: boolean) {
    // Each opening loads afresh (the edit just saved shows).
    if (nowOpen) setState({ list: null, error: null })
    setOpen(nowOpen)
  }

  function retry() {
    setState({ list: null, error: null })
    setTick((n) => n + 1)
  }

  const none = t('app.none')
  // A record's own records (a kader's status history) carry the core's words for which one.
  const fieldLabel = (e: RiwayatEntry) => (e.kind === kind ? t(`riwayat.fields.${e.field}`, { defaultValue: e.fieldLabel }) : e.fieldLabel)
  // The NIK stays masked here as everywhere on screen (UU 27/2022); the detail shows it on request.
  const value = (e: RiwayatEntry, v: string | null) => (e.field === 'dibuat' ? '' : v === null ? none : e.field === 'nik' ? maskNik(v) : v)

  return (
    <details className="card riwayat" data-testid="riwayat" onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary className="card-title riwayat-summary">{t('riwayat.title')}</summary>
      <p className="muted">{t('riwayat.intro')}</p>
      {state.error && <ErrorBox message={state.error} onRetry={retry} />}
      {open && !state.list && !state.error && <Loading />}
      {state.list && (
        <>
          {state.list.length === 1 && <p className="muted">{t('riwayat.onlyCreated')}</p>}
          <div className="table-wrap">
            <table className="table riwayat-table">
              <caption className="sr-only">{t('riwayat.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('riwayat.colAt')}</th>
                  <th scope="col">{t('riwayat.colWho')}</th>
                  <th scope="col">{t('riwayat.colField')}</th>
                  <th scope="col">{t('riwayat.colFrom')}</th>
                  <th scope="col">{t('riwayat.colTo')}</th>
                  <th scope="col">{t('riwayat.colSource')}</th>
                </tr>
              </thead>
              <tbody>
                {state.list.map((e, i) => (
                  <tr key={`${e.recordId}:${e.field}:${e.at}:${i}`}>
                    <td className="nowrap">{waktu(e.at, zone, (d) => formatDate(d))}</td>
                    <td>
                      {e.officeName}
                      {e.person && <span className="muted"> · {e.person}</span>}
                    </td>
                    <td>{fieldLabel(e)}</td>
                    <td>{value(e, e.from)}</td>
                    <td>{value(e, e.to)}</td>
                    <td>{t(`riwayat.sources.${e.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  )
}
