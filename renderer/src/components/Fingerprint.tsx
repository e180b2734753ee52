// A key fingerprint ("M8TE-V0YD-N0QP-MWCR-SZZG") as people read it to each other over the phone:
// monospace, in its groups, large where it is meant to be compared. The text content stays the
// fingerprint itself, so copying or reading it with a screen reader gives the same characters.

import { Fragment } from 'react'
import './fingerprint.css'

export function Fingerprint({ value, large = false, id }: { value: string; large?: boolean; id?: string }) {
  const groups = value.split('-')
  return (
    <span id={id} className={large ? 'kunci-fp kunci-fp-large mono' : 'kunci-fp mono'} translate="no" data-fingerprint={value}>
      {groups.map((g, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="kunci-fp-sep">-</span>}
          <span className="kunci-fp-group">{g}</span>
        </Fragment>
      ))}
    </span>
  )
}
