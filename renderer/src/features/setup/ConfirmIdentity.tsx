// The last look before an office's identity is made or its area changed: the chosen village
// spelled out with its kecamatan, kota/kabupaten and province, so eight villages called Sukarasa
// cannot be mixed up by a click.

import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area } from '@shared/contract'
import { jenisDesa } from '@shared/domain/wilayah'
import { Loading } from '../../components/Loading'
import './setup.css'

type PlaceKind = 'kelurahan' | 'desa' | 'kecamatan' | 'other'

function placeKind(area: Area): PlaceKind {
  if (area.level === 3) return 'kecamatan'
  if (area.level !== 4) return 'other'
  // From the village code: 1… kelurahan, 2… desa, 3… desa adat (shared/domain/wilayah.ts).
  return jenisDesa(area.code)
}

/** "Kelurahan Sukarasa, Kec. Tangerang, Kota Tangerang, Banten". */
export function usePlaceName(): (area: Area) => string {
  const { t } = useTranslation()
  const label = (kind: PlaceKind, name: string): string => t(`mulai.place.${kind}`, { name })
  return (area) => {
    const own = label(placeKind(area), area.name)
    return area.parentPath ? `${own}, ${area.parentPath}` : own
  }
}

export function ConfirmIdentity(props: {
  area: Area
  name: string
  villages?: number
  busy: boolean
  busyLabel: string
  onYes: () => void
  onBack: () => void
}) {
  const { t } = useTranslation()
  const place = usePlaceName()
  const yesRef = useRef<HTMLButtonElement>(null)
  useEffect(() => yesRef.current?.focus(), [])
  return (
    <section className="card confirm-identity" aria-labelledby="confirm-identity-title" data-testid="confirm-identity">
      <h2 id="confirm-identity-title" className="card-title">
        {t('mulai.confirm.title')}
      </h2>
      <p className="confirm-identity-body">{t('mulai.confirm.body', { place: place(props.area) })}</p>
      <p className="muted">
        {t('mulai.confirm.name', { name: props.name })} · {props.area.code}
        {props.villages !== undefined && <> · {t('mulai.confirm.villages', { count: props.villages })}</>}
      </p>
      <div className="form-actions">
        <button ref={yesRef} type="button" className="btn btn-primary btn-large" disabled={props.busy} onClick={props.onYes}>
          {t('mulai.confirm.yes')}
        </button>
        <button type="button" className="btn btn-large" disabled={props.busy} onClick={props.onBack}>
          {t('mulai.confirm.back')}
        </button>
        {props.busy && <Loading label={props.busyLabel} inline />}
      </div>
    </section>
  )
}
