// Small pieces shared by the recap screen: area names as people write them, and the age of
// the last paket as a badge that makes a silent office stand out without relying on colour.

import { useTranslation } from 'react-i18next'
import type { RekapNode } from '@shared/contract'
import { formatDateTime, formatNumber } from '../../i18n/format'

/** Beyond this many days an office counts as silent (the chart's "> 90 hari" bucket). */
export const SILENT_DAYS = 90
/** Up to this many days a paket is recent. */
export const FRESH_DAYS = 30

export type AgeBucket = 'fresh' | 'month' | 'old' | 'never'

export function ageBucket(ageDays: number | null): AgeBucket {
  if (ageDays === null) return 'never'
  if (ageDays <= FRESH_DAYS) return 'fresh'
  return ageDays <= SILENT_DAYS ? 'month' : 'old'
}

/** "Kec. Tangerang", "Kel. Sukarasa", "Desa Cikande", Posyandu names as they are. */
export function useNodeLabel(): (node: Pick<RekapNode, 'kind' | 'code' | 'name'>) => string {
  const { t } = useTranslation()
  return (node) => {
    if (node.kind === 'kecamatan') return t('rekap.kecamatan', { name: node.name })
    if (node.kind === 'kelurahan') return node.code.split('.')[3]?.startsWith('2') ? t('rekap.desa', { name: node.name }) : t('rekap.kelurahan', { name: node.name })
    return node.name
  }
}

/** "belum pernah kirim", "hari ini", "42 hari"; warning past 30 days, alert past 90 or never. */
export function AgeBadge({ ageDays, lastBundleAt }: { ageDays: number | null; lastBundleAt: string | null }) {
  const { t } = useTranslation()
  const bucket = ageBucket(ageDays)
  const text = ageDays === null ? t('rekap.never') : ageDays === 0 ? t('rekap.today') : t('rekap.days', { n: formatNumber(ageDays) })
  const long = lastBundleAt === null ? t('rekap.neverLong') : t('rekap.ageLong', { date: formatDateTime(lastBundleAt), age: text })
  return (
    <span className={`rk-age rk-age-${bucket}`} title={long}>
      {(bucket === 'never' || bucket === 'old') && <span aria-hidden="true">⚠ </span>}
      {text}
    </span>
  )
}
