// The six SPM fields of the recap: a table for the whole area (Posyandu serving each field,
// active kader with it, open and overdue follow-ups of that field), and a shaded table fields ×
// the area's parts (kecamatan at a kota, kelurahan at a Puskesmas or kecamatan, Posyandu at a
// kelurahan) where the number of active kader is written in every cell and the shade only
// repeats it, so nothing depends on colour; overdue follow-ups are marked with ⚠ and words.

import { useTranslation } from 'react-i18next'
import type { Rekap } from '@shared/contract'
import { formatNumber } from '../../i18n/format'
import { useNodeLabel } from './rekapParts'

/** Five shades: 0 for none, then quarters of the largest cell. */
function shade(n: number, max: number): number {
  return n <= 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4))
}

export function SpmSection({ r }: { r: Rekap }) {
  const { t } = useTranslation()
  const nodeLabel = useNodeLabel()
  const max = Math.max(0, ...r.nodes.flatMap((n) => n.spm.map((f) => f.activeKader)))
  return (
    <section className="card rk-spm" aria-labelledby="rk-spm-title" data-testid="rekap-spm">
      <h2 id="rk-spm-title" className="card-title">
        {t('rekap.spmTitle')}
      </h2>
      <p className="muted small">{t('rekap.spmIntro')}</p>
      <div className="table-wrap">
        <table className="table rk-spm-total" aria-label={t('rekap.spmTotalLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('rekap.colSpmField')}</th>
              <th scope="col" className="num">
                {t('rekap.colSpmPosyandu')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colSpmKader')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colSpmOpen')}
              </th>
              <th scope="col" className="num">
                {t('rekap.colSpmOverdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.total.spm.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <th scope="row">{t(`spm.${f.field}`)}</th>
                <td className="num">{formatNumber(f.posyandu)}</td>
                <td className="num">{formatNumber(f.activeKader)}</td>
                <td className="num">{formatNumber(f.followUpsOpen)}</td>
                <td className={`num${f.followUpsOverdue > 0 ? ' rk-late' : ''}`}>
                  {f.followUpsOverdue > 0 && <span aria-hidden="true">⚠ </span>}
                  {formatNumber(f.followUpsOverdue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {r.nodes.length > 0 && (
        <>
          <h3 className="rk-spm-heat-title">{t('rekap.spmHeatTitle')}</h3>
          <p className="muted small">{t('rekap.spmHeatHint')}</p>
          <div className="table-wrap">
            <table className="table rk-heat" aria-label={t('rekap.spmHeatLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('rekap.colArea')}</th>
                  {r.total.spm.map((f) => (
                    <th scope="col" key={f.field} className="num">
                      {t(`spm.${f.field}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.nodes.map((n) => (
                  <tr key={n.code} data-code={n.code}>
                    <th scope="row">{nodeLabel(n)}</th>
                    {n.spm.map((f) => (
                      <td
                        key={f.field}
                        className={`num rk-heat-${shade(f.activeKader, max)}`}
                        data-field={f.field}
                        title={t('rekap.spmHeatCell', {
                          area: nodeLabel(n),
                          field: t(`spm.${f.field}`),
                          kader: formatNumber(f.activeKader),
                          posyandu: formatNumber(f.posyandu),
                          open: formatNumber(f.followUpsOpen),
                          overdue: formatNumber(f.followUpsOverdue),
                        })}
                      >
                        <span className="rk-heat-n">{formatNumber(f.activeKader)}</span>
                        {f.followUpsOverdue > 0 && (
                          <span className="rk-heat-late">
                            <span aria-hidden="true">⚠ </span>
                            {t('rekap.spmHeatOverdue', { n: formatNumber(f.followUpsOverdue) })}
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
