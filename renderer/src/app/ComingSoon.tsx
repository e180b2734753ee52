import { useTranslation } from 'react-i18next'
import { PageHeading } from '../components/PageHeading'

export type SoonArea = 'pelatihan' | 'rapat' | 'paket' | 'rekap'

export function ComingSoon({ area }: { area: SoonArea }) {
  const { t } = useTranslation()
  const items = t(`soon.${area}`, { returnObjects: true }) as readonly string[]
  return (
    <div className="page">
      <PageHeading>{t(`nav.${area}`)}</PageHeading>
      <section className="card soon">
        <h2 className="soon-title">{t('soon.title')}</h2>
        <p>{t('soon.intro')}</p>
        <p>{t('soon.whatComes')}</p>
        <ul className="soon-list">
          {items.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
    </div>
  )
}
