import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area, Posyandu } from '@shared/contract'
import { call } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { posyanduLabel } from '../posyandu/posyanduLabel'

/** Which kader a competency view covers: the whole office area, a kecamatan, a kelurahan/desa, or one Posyandu. */
export interface Scope {
  posyanduId: string | null
  wilayah: string | null
}

/** Moving between the matrix and the needs page keeps the area one chose. */
const remembered: { scope: Scope } = { scope: { posyanduId: null, wilayah: null } }

/** The scope asked for in the address (?posyandu=… or ?wilayah=…), else the last one chosen. */
export function initialScope(params: URLSearchParams): Scope {
  const posyanduId = params.get('posyandu')
  const wilayah = params.get('wilayah')
  if (posyanduId || wilayah) return { posyanduId: posyanduId || null, wilayah: posyanduId ? null : wilayah }
  return remembered.scope
}

export function rememberScope(scope: Scope) {
  remembered.scope = scope
}

function encode(s: Scope): string {
  return s.posyanduId ? `p:${s.posyanduId}` : s.wilayah ? `w:${s.wilayah}` : ''
}

function decode(v: string): Scope {
  if (v.startsWith('p:')) return { posyanduId: v.slice(2), wilayah: null }
  if (v.startsWith('w:')) return { posyanduId: null, wilayah: v.slice(2) }
  return { posyanduId: null, wilayah: null }
}

export function ScopePicker({ id, value, onChange }: { id: string; value: Scope; onChange: (s: Scope) => void }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const [districts, setDistricts] = useState<Area[]>([])
  const [villages, setVillages] = useState<Area[]>([])
  const [posyandu, setPosyandu] = useState<Posyandu[]>([])

  useEffect(() => {
    call('site:villages', {}).then(setVillages, () => setVillages([]))
    call('posyandu:list', { includeInactive: false }).then(setPosyandu, () => setPosyandu([]))
    // A kota looks at its kecamatan first (Kota Tangerang: 13 kecamatan, 104 kelurahan).
    if (site.level === 'kota') call('area:children', { parentCode: site.areaCode }).then(setDistricts, () => setDistricts([]))
  }, [site.level, site.areaCode])

  const manyVillages = new Set(posyandu.map((p) => p.villageCode)).size > 1
  const current = encode(value)
  const known =
    current === '' ||
    (value.posyanduId ? posyandu.some((p) => p.id === value.posyanduId) : [...districts, ...villages].some((a) => a.code === value.wilayah))

  return (
    <div className="field cm-scope">
      <label htmlFor={id} className="field-label">
        {t('competency.scope.label')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const s = decode(e.target.value)
          rememberScope(s)
          onChange(s)
        }}
      >
        <option value="">{t('competency.scope.all')}</option>
        {districts.length > 1 && (
          <optgroup label={t('competency.scope.districts')}>
            {districts.map((d) => (
              <option key={d.code} value={`w:${d.code}`}>
                {d.name}
              </option>
            ))}
          </optgroup>
        )}
        {villages.length > 1 && (
          <optgroup label={t('competency.scope.villages')}>
            {villages.map((v) => (
              <option key={v.code} value={`w:${v.code}`}>
                {v.name}
              </option>
            ))}
          </optgroup>
        )}
        {posyandu.length > 0 && (
          <optgroup label={t('competency.scope.posyandu')}>
            {posyandu.map((p) => (
              <option key={p.id} value={`p:${p.id}`}>
                {posyanduLabel(p, manyVillages)}
              </option>
            ))}
          </optgroup>
        )}
        {!known && <option value={current}>…</option>}
      </select>
    </div>
  )
}
