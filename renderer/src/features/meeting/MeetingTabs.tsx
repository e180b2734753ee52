// The sub-navigation of "Rapat & Tindak Lanjut": one section in the menu, four views.

import { useTranslation } from 'react-i18next'
import { Tabs } from '../../components/Tabs'

const TABS = [
  { key: 'rapat', path: '#/rapat' },
  { key: 'tindakLanjut', path: '#/tindak-lanjut' },
  { key: 'papan', path: '#/tindak-lanjut/papan' },
  { key: 'cari', path: '#/rapat/cari' },
] as const

export type MeetingTab = (typeof TABS)[number]['key']

export function MeetingTabs({ current }: { current: MeetingTab }) {
  const { t } = useTranslation()
  return <Tabs label={t('meeting.tabs.label')} tabs={TABS} current={current} text={(key) => t(`meeting.tabs.${key}`)} />
}
