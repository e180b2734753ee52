// The sub-navigation of a section with several views (Pelatihan & Kompetensi, Rapat & Tindak
// Lanjut, Paket): links, the current one marked for screen readers as the page.

import type { ReactNode } from 'react'
import './tabs.css'

export function Tabs<K extends string>({
  label,
  tabs,
  current,
  text,
}: {
  label: string
  tabs: readonly { key: K; path: string }[]
  current: K
  text: (key: K) => ReactNode
}) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a key={tab.key} href={tab.path} className="tab" aria-current={tab.key === current ? 'page' : undefined}>
          {text(tab.key)}
        </a>
      ))}
    </nav>
  )
}
