import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@shared/contract'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { SpmChips } from '../../components/SpmChips'
import { useCall } from '../../components/useCall'
import { useApp } from '../../app/AppContext'
import { formatDate, formatNumber } from '../../i18n/format'
import { WewenangNotice } from '../../components/WewenangNotice'
import { PustuSection } from './PustuSection'

export function PosyanduListPage() {
  const { t } = useTranslation()
  const { settings } = useApp()
  const [registration, setRegistration] = useState<RegistrationStatus | ''>('')
  const list = useCall('posyandu:list', { includeInactive: true, registrationStatus: registration || null }, [registration])
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
      <div className="toolbar">
        <div className="field">
          <label htmlFor="posyandu-filter-registration" className="field-label">
            {t('posyandu.filterRegistration')}
          </label>
          <select id="posyandu-filter-registration" value={registration} onChange={(e) => setRegistration(e.target.value as RegistrationStatus | '')}>
            <option value="">{t('posyandu.filterAll')}</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`posyandu.registrationStatusValue.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.status === 'error' && <ErrorBox message={list.error} onRetry={list.reload} />}
      {!rows && list.status === 'loading' && <Loading />}
      {rows && rows.length === 0 && !registration && (
        <div className="card empty-card">
          <p>{t('posyandu.empty')}</p>
        </div>
      )}
      {rows && (rows.length > 0 || registration) && (
        <>
          <p className="muted" aria-live="polite">
            {t('posyandu.count', { n: formatNumber(rows.length) })}
          </p>
          <div className="table-wrap card">
            <table className="table posyandu-table" aria-label={t('posyandu.title')}>
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
                  <th scope="col">{t('posyandu.colRegistration')}</th>
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
                      {p.pengurus.ketua.length > 1 && (
                        <span className="badge badge-warning"> {t('posyandu.twoKetuaBadge', { n: p.pengurus.ketua.length })}</span>
                      )}
                    </td>
                    <td>
                      {t(`posyandu.registrationStatusValue.${p.registrationStatus}`)}
                      {p.registeredDate && <span className="muted small"> {formatDate(p.registeredDate)}</span>}
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
      <PustuSection />
    </div>
  )
}
