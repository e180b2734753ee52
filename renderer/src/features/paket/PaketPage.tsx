import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { PaketTabs, type PaketTab } from './PaketParts'
import { KirimTab } from './KirimTab'
import { TerimaTab } from './TerimaTab'
import { RiwayatTab } from './RiwayatTab'
import { KonflikTab } from './KonflikTab'
import { DuplikatTab } from './DuplikatTab'

function readTab(tab: string | undefined): PaketTab | null {
  if (!tab || tab === 'kirim') return 'kirim'
  return tab === 'terima' || tab === 'riwayat' || tab === 'konflik' || tab === 'duplikat' ? tab : null
}

/** Kirim/Terima Paket. `tab` is the second part of the route (kirim, terima, riwayat, konflik, duplikat). */
export function PaketPage({ tab }: { tab: string | undefined }) {
  const { t } = useTranslation()
  const current = readTab(tab)
  // The open counts on the tab labels: asked again after an import or a decision.
  const conflicts = useCall('paket:conflicts', { includeResolved: false })
  const duplicates = useCall('paket:duplicates', { includeResolved: false })
  const reloadConflicts = conflicts.reload
  const reloadDuplicates = duplicates.reload
  const refreshCounts = useCallback(() => {
    reloadConflicts()
    reloadDuplicates()
  }, [reloadConflicts, reloadDuplicates])
  const open = { konflik: conflicts.data?.length ?? 0, duplikat: duplicates.data?.length ?? 0 }

  if (!current) {
    return (
      <div className="page">
        <PageHeading>{t('errors.notFoundPage')}</PageHeading>
        <p>
          <a className="btn" href="#/paket">
            {t('paket.title')}
          </a>
        </p>
      </div>
    )
  }
  return (
    <div className="page paket-page" data-tab={current}>
      <PaketTabs current={current} open={open} />
      {current === 'kirim' && <KirimTab />}
      {current === 'terima' && <TerimaTab onChanged={refreshCounts} />}
      {current === 'riwayat' && <RiwayatTab />}
      {current === 'konflik' && <KonflikTab onChanged={refreshCounts} />}
      {current === 'duplikat' && <DuplikatTab onChanged={refreshCounts} />}
    </div>
  )
}
