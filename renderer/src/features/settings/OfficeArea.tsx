// Pengaturan → Identitas kantor: the wrong village chosen at first run is corrected here until
// the office's first paket leaves (site:changeArea). After that the area is known elsewhere, and
// the section offers a new identity instead (NewIdentity), saying what the other offices need.

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area } from '@shared/contract'
import { SITE_AREA_LEVEL } from '@shared/domain/reference'
import { jenisDesa } from '@shared/domain/wilayah'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../app/AppContext'
import { ErrorBox } from '../../components/ErrorBox'
import { useToasts } from '../../components/Toasts'
import { AreaSearch } from '../setup/AreaSearch'
import { ConfirmIdentity, usePlaceName } from '../setup/ConfirmIdentity'
import { NewIdentity } from './NewIdentity'

export function OfficeArea() {
  const { t } = useTranslation()
  const { site, setSite } = useApp()
  const toasts = useToasts()
  const place = usePlaceName()
  const [open, setOpen] = useState(false)
  const [area, setArea] = useState<Area | null>(null)
  const [name, setName] = useState(site.name)
  const [villages, setVillages] = useState<Area[] | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  // Back on "Ganti wilayah kantor" once the form closes (after the commit, when the button exists again).
  const refocus = useRef(false)
  useEffect(() => {
    if (!open && refocus.current) {
      refocus.current = false
      openRef.current?.focus()
    }
  })

  if (!site.areaChangeable) {
    return (
      <div className="office-area-change office-area-locked" data-testid="office-area-locked">
        <h3 className="section-title">{t('mulai.area.lockedTitle')}</h3>
        <p>{t('mulai.area.locked')}</p>
        <ol>
          <li>{t('mulai.area.lockedStep1')}</li>
          <li>{t('mulai.area.lockedStep2')}</li>
          <li>{t('mulai.area.lockedStep3')}</li>
        </ol>
        <NewIdentity />
      </div>
    )
  }

  function close() {
    setOpen(false)
    setArea(null)
    setConfirming(false)
    setError(null)
    refocus.current = true
  }

  async function choose(a: Area) {
    setArea(a)
    setError(null)
    // The office name follows the new place unless the person has typed another one here.
    if (name === site.name) {
      const desa = site.level === 'kelurahan' && jenisDesa(a.code) === 'desa'
      setName(desa ? t('setup.suggest.desa', { name: a.name }) : t(`setup.suggest.${site.level}`, { name: a.name }))
    }
    setVillages(null)
    if (site.level === 'puskesmas') {
      try {
        setVillages(await call('area:children', { parentCode: a.code }))
      } catch (e) {
        setError(errorMessage(e))
      }
    }
  }

  async function save() {
    if (!area) return
    setSaving(true)
    try {
      const next = await call('site:changeArea', { areaCode: area.code, name, coveredVillageCodes: (villages ?? []).map((v) => v.code) })
      setSite(next)
      toasts.push({ message: t('mulai.area.saved', { place: place(area) }), tone: 'success' })
      close()
    } catch (e) {
      setError(errorMessage(e))
      setConfirming(false)
    } finally {
      setSaving(false)
    }
  }

  if (!open) {
    return (
      <div className="office-area-change">
        <p className="field-help">{t('mulai.area.changeableHelp')}</p>
        <button ref={openRef} type="button" className="btn" onClick={() => setOpen(true)}>
          {t('mulai.area.change')}
        </button>
      </div>
    )
  }

  if (confirming && area) {
    return (
      <ConfirmIdentity
        area={area}
        name={name.trim()}
        villages={villages ? villages.length : undefined}
        busy={saving}
        busyLabel={t('setup.saving')}
        onYes={() => void save()}
        onBack={() => setConfirming(false)}
      />
    )
  }

  return (
    <form
      className="office-area-change"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (area && name.trim() && (site.level !== 'puskesmas' || (villages && villages.length > 0))) setConfirming(true)
      }}
    >
      {area ? (
        <div className="chosen-area" aria-live="polite">
          <div>
            <p className="chosen-label">{t('setup.chosen')}</p>
            <p className="chosen-name">{area.name}</p>
            <p className="chosen-path">
              {area.path} · {area.code}
            </p>
          </div>
          <button type="button" className="btn" onClick={() => setArea(null)}>
            {t('setup.change')}
          </button>
        </div>
      ) : (
        <AreaSearch level={SITE_AREA_LEVEL[site.level]} label={t(`setup.areaLabel.${site.level}`)} onChoose={(a) => void choose(a)} />
      )}
      {area && villages && <p className="field-help">{t('setup.villagesCount', { count: villages.length, total: villages.length })}</p>}
      <div className="field">
        <label htmlFor="office-area-name" className="field-label">
          {t('setup.nameLabel')}
        </label>
        <input id="office-area-name" type="text" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {error && <ErrorBox message={error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!area || !name.trim()}>
          {t('mulai.area.save')}
        </button>
        <button type="button" className="btn" onClick={close}>
          {t('mulai.area.cancel')}
        </button>
      </div>
    </form>
  )
}
