// The sub-navigation of "Pelatihan & Kompetensi": one section in the menu, four views.

import { useTranslation } from 'react-i18next'
import { Tabs } from '../../components/Tabs'

const TABS = [
  { key: 'pelatihan', path: '#/pelatihan' },
  { key: 'matriks', path: '#/kompetensi' },
  { key: 'kebutuhan', path: '#/kompetensi/kebutuhan' },
  { key: 'katalog', path: '#/kompetensi/katalog' },
] as const

export type TrainingTab = (typeof TABS)[number]['key']

export function TrainingTabs({ current }: { current: TrainingTab }) {
  const { t } = useTranslation()
  return <Tabs label={t('training.tabs.label')} tabs={TABS} current={current} text={(key) => t(`training.tabs.${key}`)} />
}
