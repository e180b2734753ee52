// The sub-navigation of "Pelatihan & Kompetensi": one section in the menu, four views.

import { useTranslation } from 'react-i18next'
import './training.css'

const TABS = [
  { key: 'pelatihan', path: '#/pelatihan' },
  { key: 'matriks', path: '#/kompetensi' },
  { key: 'kebutuhan', path: '#/kompetensi/kebutuhan' },
  { key: 'katalog', path: '#/kompetensi/katalog' },
] as const

export type TrainingTab = (typeof TABS)[number]['key']

export function TrainingTabs({ current }: { current: TrainingTab }) {
  const { t } = useTranslation()
  return (
    <nav className="tabs" aria-label={t('training.tabs.label')}>
      {TABS.map((tab) => (
        <a key={tab.key} href={tab.path} className="tab" aria-current={tab.key === current ? 'page' : undefined}>
          {t(`training.tabs.${tab.key}`)}
        </a>
      ))}
    </nav>
  )
}
