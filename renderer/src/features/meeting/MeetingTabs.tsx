// The sub-navigation of "Rapat & Tindak Lanjut": one section in the menu, four views.

import { useTranslation } from 'react-i18next'
import '../training/training.css'

const TABS = [
  { key: 'rapat', path: '#/rapat' },
  { key: 'tindakLanjut', path: '#/tindak-lanjut' },
  { key: 'papan', path: '#/tindak-lanjut/papan' },
  { key: 'cari', path: '#/rapat/cari' },
] as const

export type MeetingTab = (typeof TABS)[number]['key']

export function MeetingTabs({ current }: { current: MeetingTab }) {
  const { t } = useTranslation()
  return (
    <nav className="tabs" aria-label={t('meeting.tabs.label')}>
      {TABS.map((tab) => (
        <a key={tab.key} href={tab.path} className="tab" aria-current={tab.key === current ? 'page' : undefined}>
          {t(`meeting.tabs.${tab.key}`)}
        </a>
      ))}
    </nav>
  )
}
