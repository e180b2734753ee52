// Browsing the area tree (provinsi → kota/kab → kecamatan → kelurahan) for people who would
// rather recognise their area in a list than spell it in a search box.

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area, AreaLevel } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { Loading } from '../../components/Loading'
import { ErrorBox } from '../../components/ErrorBox'

export function AreaBrowser({ level, onChoose }: { level: AreaLevel; onChoose: (area: Area) => void }) {
  const { t } = useTranslation()
  const [trail, setTrail] = useState<Area[]>([])
  const [children, setChildren] = useState<Area[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const listRef = useRef<HTMLDivElement>(null)
  const parent = trail[trail.length - 1] ?? null
  const childLevel = ((parent?.level ?? 0) + 1) as AreaLevel

  useEffect(() => {
    let live = true
    setChildren(null)
    setError(null)
    call('area:children', { parentCode: parent?.code ?? null }).then(
      (xs) => live && setChildren(xs),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [parent?.code, tick])

  function open(area: Area) {
    if (area.level >= level) onChoose(area)
    else {
      setTrail((tr) => [...tr, area])
      // Keep the keyboard in the list that just replaced the old one.
      window.setTimeout(() => listRef.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0)
    }
  }

  return (
    <div className="area-browser">
      <nav className="crumbs" aria-label={t('setup.browse')}>
        <ol>
          <li>
            {trail.length ? (
              <button type="button" className="link-button" onClick={() => setTrail([])}>
                {t('setup.browseTop')}
              </button>
            ) : (
              <span aria-current="location">{t('setup.browseTop')}</span>
            )}
          </li>
          {trail.map((a, i) => (
            <li key={a.code}>
              {i < trail.length - 1 ? (
                <button type="button" className="link-button" onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {a.name}
                </button>
              ) : (
                <span aria-current="location">{a.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <p className="browse-level">{t('setup.browseLevel', { level: t(`areaLevel.${childLevel}`) })}</p>
      {error && <ErrorBox message={error} onRetry={() => setTick((n) => n + 1)} />}
      {!children && !error && <Loading />}
      {children && (
        <div ref={listRef} className="browse-grid" role="group" aria-label={t('setup.browseLevel', { level: t(`areaLevel.${childLevel}`) })}>
          {children.map((a) => (
            <button key={a.code} type="button" className="browse-item" onClick={() => open(a)}>
              <span className="browse-name">{a.name}</span>
              <span className="browse-code">{a.code}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
