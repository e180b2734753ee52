import { useTranslation } from 'react-i18next'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { SpmChips } from '../../components/SpmChips'
import { useCall } from '../../components/useCall'
import { useApp } from '../../app/AppContext'
import { formatNumber } from '../../i18n/format'
import { WewenangNotice } from '../../components/WewenangNotice'

export function PosyanduListPage() {
  const { t } = useTranslation()
  const { settings } = useApp()
  const list = useCall('posyandu:list', { includeInactive: true })
  const rows = list.data

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading>{t('posyandu.title')}</PageHeading>
        <a className="btn btn-primary" href={href('posyandu/baru')}>
          {t('posyandu.add')}
        </a>
      </div>
      <WewenangNotice kinds={['posyandu']} />
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {!rows && list.status === 'loading' && <Loading />}
      {rows && rows.length === 0 && (
        <div className="card empty-card">
          <p>{t('posyandu.empty')}</p>
        </div>
      )}
      {rows && rows.length > 0 && (
        <>
          <p className="muted">{t('posyandu.count', { n: formatNumber(rows.length) })}</p>
          <div className="table-wrap card">
            <table className="table posyandu-table">
              <thead>
                <tr>
                  <th scope="col">{t('posyandu.colName')}</th>
                  <th scope="col">{t('posyandu.colVillage')}</th>
                  <th scope="col">{t('posyandu.colRw')}</th>
                  <th scope="col">{t('posyandu.colSchedule')}</th>
                  <th scope="col">{t('posyandu.colSpm')}</th>
                  <th scope="col" className="num">
                    {t('posyandu.colKader')}
                  </th>
                  <th scope="col">{t('posyandu.colActive')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id} className={p.active ? '' : 'row-muted'}>
                    <th scope="row">
                      <a href={href(`posyandu/${p.id}/ubah`)} aria-label={t('posyandu.editLink', { name: p.name })}>
                        {p.name}
                      </a>
                    </th>
                    <td>{p.villageName}</td>
                    <td>{p.rw ?? t('app.none')}</td>
                    <td className="wrap">{p.schedule ?? t('app.none')}</td>
                    <td>
                      <SpmChips fields={p.spmFields} />
                    </td>
                    <td className="num">
                      <a
                        href={href('kader', { posyandu: p.id })}
                        aria-label={t('posyandu.kaderLink', { name: p.name })}
                        className={p.active && p.activeKaderCount < settings.minKaderPerPosyandu ? 'count-low' : undefined}
                      >
                        {formatNumber(p.activeKaderCount)}
                      </a>
                    </td>
                    <td>
                      <span className={`badge ${p.active ? 'badge-aktif' : 'badge-nonaktif'}`}>
                        {p.active ? t('posyandu.active') : t('posyandu.inactive')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
