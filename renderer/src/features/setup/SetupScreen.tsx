import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area, Site, SiteLevel } from '@shared/contract'
import { SITE_AREA_LEVEL, SITE_LEVELS } from '@shared/domain/reference'
import { siteSetupInput } from '@shared/contract'
import { jenisDesa } from '@shared/domain/wilayah'
import { call, CallError, errorMessage } from '../../api/client'
import { Loading } from '../../components/Loading'
import { ErrorBox } from '../../components/ErrorBox'
import { PageHeading } from '../../components/PageHeading'
import { AreaSearch } from './AreaSearch'
import { AreaBrowser } from './AreaBrowser'
import { RecoverySteps } from './RecoverySteps'
import { RestoreCopyForm } from '../cadangan/RestoreCopyForm'
import { ConfirmIdentity } from './ConfirmIdentity'
import './setup.css'

type Errors = Partial<Record<'level' | 'areaCode' | 'name' | 'coveredVillageCodes' | 'form', string>>

/** The translation of one `setup.suggest.*` key (a plain signature keeps i18next's key types shallow). */
type Suggest = (kind: 'desa' | SiteLevel, name: string) => string

function suggestName(suggest: Suggest, level: SiteLevel, area: Area): string {
  // From the village code: 1… kelurahan, 2… desa, 3… desa adat (shared/domain/wilayah.ts).
  if (level === 'kelurahan' && jenisDesa(area.code) === 'desa') return suggest('desa', area.name)
  return suggest(level, area.name)
}

/** `onRestored`: the office came back from a flashdisk copy; the app boots again on it. */
export function SetupScreen({ onDone, onRestored }: { onDone: (site: Site) => void; onRestored: () => void }) {
  const { t } = useTranslation()
  const suggest: Suggest = (kind, name) => t(`setup.suggest.${kind}`, { name })
  const [level, setLevel] = useState<SiteLevel>('kelurahan')
  const [area, setArea] = useState<Area | null>(null)
  const [browsing, setBrowsing] = useState(false)
  const [name, setName] = useState('')
  const [nameEdited, setNameEdited] = useState(false)
  const [villages, setVillages] = useState<Area[] | null>(null)
  const [villagesError, setVillagesError] = useState<string | null>(null)
  const [covered, setCovered] = useState<Set<string>>(new Set())
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  // "Pulihkan dari Puskesmas/Dinas" (beside the setup button): the same identity form, then the recovery steps.
  const [recovering, setRecovering] = useState<Site | null>(null)
  // The last look before the identity is made: which button asked for it (setup or recovery).
  const [confirming, setConfirming] = useState<{ recover: boolean } | null>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const changeRef = useRef<HTMLButtonElement>(null)

  const areaLevel = SITE_AREA_LEVEL[level]

  function chooseLevel(next: SiteLevel) {
    setLevel(next)
    if (area && area.level !== SITE_AREA_LEVEL[next]) setArea(null)
    else if (area && !nameEdited) setName(suggestName(suggest, next, area))
    setErrors((e) => ({ ...e, level: undefined }))
  }

  function chooseArea(a: Area) {
    setArea(a)
    setBrowsing(false)
    if (!nameEdited || !name.trim()) setName(suggestName(suggest, level, a))
    setErrors((e) => ({ ...e, areaCode: undefined }))
    window.setTimeout(() => changeRef.current?.focus(), 0)
  }

  // A Puskesmas covers some of its kecamatan's villages: list them, all ticked by default.
  useEffect(() => {
    if (level !== 'puskesmas' || !area) {
      setVillages(null)
      return
    }
    let live = true
    setVillages(null)
    setVillagesError(null)
    call('area:children', { parentCode: area.code }).then(
      (xs) => {
        if (!live) return
        setVillages(xs)
        setCovered(new Set(xs.map((x) => x.code)))
      },
      (e: unknown) => live && setVillagesError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [level, area])

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    const recover = ((e.nativeEvent as SubmitEvent).submitter as HTMLElement | null)?.dataset.mode === 'recover'
    const input = {
      level,
      areaCode: area?.code ?? '',
      name,
      coveredVillageCodes: level === 'puskesmas' ? [...covered] : [],
    }
    const next: Errors = {}
    if (!area) next.areaCode = t('setup.areaNeeded')
    if (level === 'puskesmas' && area && covered.size === 0) next.coveredVillageCodes = t('setup.villagesNeeded')
    const parsed = siteSetupInput.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form') as keyof Errors
        if (key === 'areaCode' && next.areaCode) continue
        next[key] ??= issue.message
      }
    }
    setErrors(next)
    if (Object.keys(next).length) {
      if (next.areaCode) (area ? changeRef.current : searchRef.current)?.focus()
      else if (next.name) nameRef.current?.focus()
      return
    }
    setConfirming({ recover })
  }

  async function create(recover: boolean) {
    const input = {
      level,
      areaCode: area?.code ?? '',
      name,
      coveredVillageCodes: level === 'puskesmas' ? [...covered] : [],
    }
    setSaving(true)
    try {
      const site = await call('site:setup', input)
      if (recover) setRecovering(site)
      else onDone(site)
    } catch (err) {
      if (err instanceof CallError) {
        const f = err.shape.fields ?? {}
        const mapped: Errors = {}
        for (const [k, v] of Object.entries(f)) mapped[(k.split('.')[0] ?? 'form') as keyof Errors] = v
        if (err.shape.field) mapped[err.shape.field as keyof Errors] = err.shape.message
        if (!Object.keys(mapped).length) mapped.form = err.shape.message
        setErrors(mapped)
      } else setErrors({ form: errorMessage(err) })
      setConfirming(null)
    } finally {
      setSaving(false)
    }
  }

  if (recovering) {
    return (
      <main className="setup" id="main">
        <div className="setup-card">
          <PageHeading>{t('pemulihan.modeRecover')}</PageHeading>
          <p className="lead">
            {recovering.name} · {recovering.areaName}
          </p>
          <RecoverySteps onDone={() => onDone(recovering)} />
        </div>
      </main>
    )
  }

  return (
    <main className="setup" id="main">
      <div className="setup-card">
        <PageHeading>{t('setup.title')}</PageHeading>
        <p className="lead">{t('setup.intro')}</p>
        {confirming && area && (
          <ConfirmIdentity
            area={area}
            name={name.trim()}
            villages={level === 'puskesmas' ? covered.size : undefined}
            busy={saving}
            busyLabel={t('setup.saving')}
            onYes={() => void create(confirming.recover)}
            onBack={() => {
              setConfirming(null)
              window.setTimeout(() => submitRef.current?.focus(), 0)
            }}
          />
        )}
        <form onSubmit={submit} noValidate hidden={confirming !== null}>
          <fieldset className="field fieldset">
            <legend className="section-title">{t('setup.levelLegend')}</legend>
            <div className="radio-cards">
              {SITE_LEVELS.map((l) => (
                <label key={l} className={`radio-card ${level === l ? 'radio-card-checked' : ''}`}>
                  <input type="radio" name="level" value={l} checked={level === l} onChange={() => chooseLevel(l)} />
                  <span className="radio-card-title">{t(`level.${l}`)}</span>
                  <span className="radio-card-hint">{t(`levelHint.${l}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset className="field fieldset">
            <legend className="section-title">{t('setup.areaLegend')}</legend>
            {area ? (
              <div className="chosen-area" aria-live="polite">
                <div>
                  <p className="chosen-label">{t('setup.chosen')}</p>
                  <p className="chosen-name">{area.name}</p>
                  <p className="chosen-path">
                    {area.path} · {area.code}
                  </p>
                </div>
                <button
                  ref={changeRef}
                  type="button"
                  className="btn"
                  onClick={() => {
                    setArea(null)
                    window.setTimeout(() => searchRef.current?.focus(), 0)
                  }}
                >
                  {t('setup.change')}
                </button>
              </div>
            ) : (
              <>
                <AreaSearch
                  key={level}
                  level={areaLevel}
                  label={t(`setup.areaLabel.${level}`)}
                  error={errors.areaCode}
                  onChoose={chooseArea}
                  inputRef={searchRef}
                />
                <button type="button" className="link-button" aria-expanded={browsing} onClick={() => setBrowsing((b) => !b)}>
                  {browsing ? t('setup.browseHide') : t('setup.browse')}
                </button>
                {browsing && <AreaBrowser level={areaLevel} onChoose={chooseArea} />}
              </>
            )}
          </fieldset>

          {level === 'puskesmas' && area && (
            <fieldset className={`field fieldset ${errors.coveredVillageCodes ? 'field-invalid' : ''}`} aria-describedby="villages-help">
              <legend className="section-title">{t('setup.villagesLegend')}</legend>
              <p id="villages-help" className="field-help">
                {t('setup.villagesHelp')}
              </p>
              {villagesError && <ErrorBox message={villagesError} />}
              {!villages && !villagesError && <Loading />}
              {villages && (
                <>
                  <div className="inline-actions">
                    <button type="button" className="btn btn-small" onClick={() => setCovered(new Set(villages.map((v) => v.code)))}>
                      {t('setup.villagesAll')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setCovered(new Set())}>
                      {t('setup.villagesNone')}
                    </button>
                    <span className="muted" aria-live="polite">
                      {t('setup.villagesCount', { count: covered.size, total: villages.length })}
                    </span>
                  </div>
                  <div className="check-grid">
                    {villages.map((v) => (
                      <label key={v.code} className="check">
                        <input
                          type="checkbox"
                          checked={covered.has(v.code)}
                          onChange={(e) => {
                            const next = new Set(covered)
                            if (e.target.checked) next.add(v.code)
                            else next.delete(v.code)
                            setCovered(next)
                          }}
                        />
                        <span>{v.name}</span>
                      </label>
                    ))}
                  </div>
                </>
              )}
              {errors.coveredVillageCodes && <p className="field-error">{errors.coveredVillageCodes}</p>}
            </fieldset>
          )}

          <div className={`field ${errors.name ? 'field-invalid' : ''}`}>
            <label htmlFor="office-name" className="section-title">
              {t('setup.nameLabel')}
            </label>
            <input
              ref={nameRef}
              id="office-name"
              type="text"
              value={name}
              aria-describedby={`office-name-help${errors.name ? ' office-name-error' : ''}`}
              aria-invalid={errors.name ? true : undefined}
              onChange={(e) => {
                setName(e.target.value)
                setNameEdited(true)
                if (errors.name) setErrors((x) => ({ ...x, name: undefined }))
              }}
            />
            <p id="office-name-help" className="field-help">
              {t('setup.nameHelp')}
            </p>
            {errors.name && (
              <p id="office-name-error" className="field-error">
                {errors.name}
              </p>
            )}
          </div>

          {errors.form && <ErrorBox message={errors.form} />}
          {errors.level && <p className="field-error">{errors.level}</p>}
          <div className="form-actions">
            <button ref={submitRef} type="submit" className="btn btn-primary btn-large" disabled={saving}>
              {t('setup.submit')}
            </button>
            <button type="submit" className="btn btn-large" data-mode="recover" disabled={saving} aria-describedby="setup-recover-help">
              {t('pemulihan.modeRecover')}
            </button>
            {saving && <Loading label={t('setup.saving')} inline />}
          </div>
          <p id="setup-recover-help" className="field-help">
            {t('pemulihan.modeRecoverHint')} {t('pemulihan.recoverIntro')}
          </p>
        </form>
        <details className="setup-restore-copy" hidden={confirming !== null}>
          <summary className="section-title">{t('cadangan.restoreCopy.title')}</summary>
          <p>{t('cadangan.restoreCopy.intro')}</p>
          <RestoreCopyForm onRestored={onRestored} />
        </details>
      </div>
    </main>
  )
}
