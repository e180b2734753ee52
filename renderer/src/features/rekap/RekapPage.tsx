import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/PageHeading'

export function RekapPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  return (
    <div className="page" data-year={query.get('tahun') ?? ''}>
      <PageHeading>{t('rekap.title')}</PageHeading>
    </div>
  )
}
