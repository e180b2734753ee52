// Issue 18 in the recap: per kelurahan/desa (at a kelurahan: per Posyandu) the Posyandu without a
// working anthropometry kit, the kader paid an incentive in the year and the rupiah paid; and
// the Posyandu short of kit items by name, for the Puskesmas and the Dinas to act on.

import { useTranslation } from 'react-i18next'
import type { Rekap, RekapNode } from '@shared/contract'
import { rupiah } from '@shared/domain/sarana'
import { ErrorBox } from '../../components/ErrorBox'
import { ExportButton } from '../../components/ExportButton'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'

export function SaranaRekapSection({ r }: { r: Rekap }) {
  const { t } = useTranslation()
  const gaps = useCall('sarana:kitGaps', {}, [r.year, r.scope.code])
  const rows: RekapNode[] = r.nodes.flatMap((n) => (n.kind === 'kecamatan' ? n.children : [n]))
  return (
    <section className="card rk-sarana" aria-labelledby="rk-sarana-title">
      <h2 id="rk-sarana-title" className="card-title">
        {t('sarana.rekapTitle', { year: r.year })}
      </h2>
      <div className="page-actions">
        <ExportButton what="sarana" label={t('sarana.exportSarana')} />
        <ExportButton what="insentif" year={r.year} label={t('sarana.exportInsentif')} />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t('sarana.rekapTitle', { year: r.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sarana.rekapArea')}</th>
              <th scope="col" className="num">
                {t('sarana.rekapKitIncomplete')}
              </th>
              <th scope="col" className="num">
                {t('sarana.rekapKaderPaid')}
              </th>
              <th scope="col" className="num">
                {t('sarana.rekapTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.code} data-testid="rekap-sarana-row">
                <th scope="row">{n.name}</th>
                <td className="num">
                  {formatNumber(n.posyanduKitIncomplete)} / {formatNumber(n.posyandu)}
                </td>
                <td className="num">{formatNumber(n.insentifKaderPaid)}</td>
                <td className="num">{rupiah(n.insentifTotal)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sarana.rekapTotalRow')}</th>
              <td className="num">
                {formatNumber(r.total.posyanduKitIncomplete)} / {formatNumber(r.total.posyandu)}
              </td>
              <td className="num">{formatNumber(r.total.insentifKaderPaid)}</td>
              <td className="num">{rupiah(r.total.insentifTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 className="sub-title">{t('sarana.kitGapsTitle')}</h3>
      <p className="muted">{t('sarana.kitGapsIntro')}</p>
      {gaps.status === 'error' && <ErrorBox message={gaps.error} onRetry={gaps.reload} />}
      {gaps.data && gaps.data.length === 0 && <p>{t('sarana.kitGapsEmpty')}</p>}
      {gaps.data && gaps.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('sarana.kitGapsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sarana.kitGapsVillage')}</th>
                <th scope="col">{t('sarana.kitGapsPosyandu')}</th>
                <th scope="col">{t('sarana.kitGapsMissing')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.data.map((g) => (
                <tr key={g.posyanduId} data-testid="kit-gap-row">
                  <td>{g.villageName}</td>
                  <th scope="row">{g.posyanduName}</th>
                  <td>{g.missing.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
