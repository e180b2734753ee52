import type { ReactNode } from 'react'

/** One "label: value" line of a detail card (a <dl>). */
export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
