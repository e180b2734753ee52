import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/PageHeading'

/** Kirim/Terima Paket. `tab` is the second part of the route (kirim, terima, riwayat, konflik, duplikat). */
export function PaketPage({ tab }: { tab: string | undefined }) {
  const { t } = useTranslation()
  return (
    <div className="page" data-tab={tab ?? 'kirim'}>
      <PageHeading>{t('paket.title')}</PageHeading>
    </div>
  )
}
