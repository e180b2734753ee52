// Riwayat: the paket this office made and the ones it imported, newest first.

import { useTranslation } from 'react-i18next'
import { waktu } from '@shared/domain/tanggal'
import { useOfficeZone } from '../../app/AppContext'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'

const LEVELS = ['kelurahan', 'puskesmas', 'kecamatan', 'kota'] as const

export function RiwayatTab() {
  const { t } = useTranslation()
  const zone = useOfficeZone()
  // The office's wall clock, as in the paket file names.
  const formatDateTime = (iso: string) => waktu(iso, zone, (d) => formatDate(d))
  const history = useCall('paket:history', {})
  const sent = history.data ? [...history.data.sent].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : null
  const received = history.data ? [...history.data.received].sort((a, b) => b.importedAt.localeCompare(a.importedAt)) : null
  const levelText = (l: string) => ((LEVELS as readonly string[]).includes(l) ? t(`level.${l as (typeof LEVELS)[number]}`) : l)

  return (
    <>
      <PageHeading>{t('paket.riwayatTitle')}</PageHeading>
      {history.status === 'error' && <ErrorBox message={history.error} onRetry={history.reload} />}
      {history.status === 'loading' && !history.data && <Loading />}
      {sent && (
        <section className="card" aria-labelledby="paket-sent-title">
          <h2 id="paket-sent-title" className="card-title">
            {t('paket.sentTitle')}
          </h2>
          {sent.length === 0 ? (
            <p className="muted">{t('paket.sentEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label={t('paket.sentLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('paket.colCreated')}</th>
                    <th scope="col">{t('paket.colDestination')}</th>
                    <th scope="col">{t('paket.colType')}</th>
                    <th scope="col" className="num">
                      {t('paket.colRecords')}
                    </th>
                    <th scope="col">{t('paket.colFile')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sent.map((r) => (
                    <tr key={r.bundleId}>
                      <td>{formatDateTime(r.createdAt)}</td>
                      <th scope="row">{r.destinationName}</th>
                      <td>{r.full ? t('paket.typeFull') : t('paket.typeChanges')}</td>
                      <td className="num">{formatNumber(r.records)}</td>
                      <td className="mono small paket-file-name">{r.fileName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {received && (
        <section className="card" aria-labelledby="paket-received-title">
          <h2 id="paket-received-title" className="card-title">
            {t('paket.receivedTitle')}
          </h2>
          {received.length === 0 ? (
            <p className="muted">{t('paket.receivedEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label={t('paket.receivedLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('paket.colImported')}</th>
                    <th scope="col">{t('paket.colSender')}</th>
                    <th scope="col">{t('paket.colCreated')}</th>
                    <th scope="col" className="num">
                      {t('paket.colChanges')}
                    </th>
                    <th scope="col">{t('paket.colFile')}</th>
                  </tr>
                </thead>
                <tbody>
                  {received.map((r) => (
                    <tr key={r.bundleId}>
                      <td>{formatDateTime(r.importedAt)}</td>
                      <th scope="row">
                        {r.senderName}
                        <span className="row-sub muted small">{levelText(r.senderLevel)}</span>
                      </th>
                      <td>{formatDateTime(r.createdAt)}</td>
                      <td className="num">{formatNumber(r.changes)}</td>
                      <td className="mono small paket-file-name">{r.fileName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  )
}
