import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { useApp, useOfficeKind } from '../../app/AppContext'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { CadanganSection } from '../cadangan/CadanganSection'
import { OfficeArea } from './OfficeArea'
import { SaranaItemsSection } from '../sarana/SaranaItemsSection'
import { utcLabel, ZONA_WAKTU } from '@shared/domain/zona-waktu'

export function SettingsPage() {
  const { t } = useTranslation()
  const { site, settings, setSettings } = useApp()
  const officeKind = useOfficeKind()
  const toasts = useToasts()
  const info = useCall('app:info', {})
  const [minText, setMinText] = useState(String(settings.minKaderPerPosyandu))
  const [minError, setMinError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // The choice shows at once; it returns to the saved one if saving fails.
  const [lang, setLang] = useState(settings.language)
  useEffect(() => setLang(settings.language), [settings.language])

  useEffect(() => setMinText(String(settings.minKaderPerPosyandu)), [settings.minKaderPerPosyandu])
  const [officer, setOfficer] = useState(settings.officerName)
  const [officerError, setOfficerError] = useState<string | null>(null)

  async function save(patch: Partial<Settings>) {
    setSaving(true)
    try {
      const next = await call('settings:set', patch)
      setSettings(next)
      // The name as kept (without surrounding spaces).
      if ('officerName' in patch) setOfficer(next.officerName)
      setMinError(null)
      setOfficerError(null)
      toasts.push({ message: t('settings.saved'), tone: 'success' })
    } catch (e) {
      const msg = e instanceof CallError ? (e.shape.fields?.minKaderPerPosyandu ?? e.shape.message) : errorMessage(e)
      if ('minKaderPerPosyandu' in patch) setMinError(msg)
      else if ('officerName' in patch) setOfficerError(e instanceof CallError ? (e.shape.fields?.officerName ?? e.shape.message) : msg)
      else {
        setLang(settings.language)
        toasts.push({ message: msg, tone: 'error' })
      }
    } finally {
      setSaving(false)
    }
  }

  function saveMin(e: React.FormEvent) {
    e.preventDefault()
    const n = Number(minText)
    if (!/^\d+$/.test(minText.trim()) || n < 1 || n > 100) {
      setMinError(t('settings.minKaderHelp'))
      return
    }
    if (n !== settings.minKaderPerPosyandu) void save({ minKaderPerPosyandu: n })
  }

  function saveOfficer(e: React.FormEvent) {
    e.preventDefault()
    if (officer.trim() !== settings.officerName) void save({ officerName: officer })
  }

  return (
    <div className="page page-form">
      <PageHeading>{t('settings.title')}</PageHeading>

      <section className="card" aria-labelledby="set-lang">
        <fieldset className="field fieldset">
          <legend id="set-lang" className="card-title">
            {t('settings.languageLegend')}
          </legend>
          <p className="field-help">{t('settings.languageHelp')}</p>
          <div className="radio-row">
            {(['id', 'en'] as const).map((code) => (
              <label key={code} className="check">
                <input
                  type="radio"
                  name="language"
                  value={code}
                  lang={code}
                  checked={lang === code}
                  onChange={() => {
                    setLang(code)
                    void save({ language: code })
                  }}
                />
                <span lang={code}>{code === 'id' ? t('settings.langId') : t('settings.langEn')}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card" aria-labelledby="set-min">
        <h2 id="set-min" className="card-title">
          {t('settings.minKaderLegend')}
        </h2>
        <form className={`field ${minError ? 'field-invalid' : ''}`} onSubmit={saveMin} noValidate>
          <label htmlFor="min-kader" className="field-label">
            {t('settings.minKaderLabel')}
          </label>
          <div className="inline-actions">
            <input
              id="min-kader"
              className="input-number"
              type="number"
              min={1}
              max={100}
              inputMode="numeric"
              value={minText}
              aria-describedby={`min-kader-help${minError ? ' min-kader-error' : ''}`}
              aria-invalid={minError ? true : undefined}
              onChange={(e) => setMinText(e.target.value)}
            />
            <button type="submit" className="btn" disabled={saving}>
              {t('app.save')}
            </button>
          </div>
          <p id="min-kader-help" className="field-help">
            {t('settings.minKaderHelp')}
          </p>
          {minError && (
            <p id="min-kader-error" className="field-error">
              {minError}
            </p>
          )}
        </form>
      </section>

      <section className="card" aria-labelledby="set-officer">
        <h2 id="set-officer" className="card-title">
          {t('riwayat.officerLegend')}
        </h2>
        <form className={`field ${officerError ? 'field-invalid' : ''}`} onSubmit={saveOfficer} noValidate>
          <label htmlFor="officer-name" className="field-label">
            {t('riwayat.officerLabel')}
          </label>
          <div className="inline-actions">
            <input
              id="officer-name"
              type="text"
              maxLength={80}
              autoComplete="name"
              value={officer}
              aria-describedby={`officer-name-help${officerError ? ' officer-name-error' : ''}`}
              aria-invalid={officerError ? true : undefined}
              onChange={(e) => setOfficer(e.target.value)}
            />
            <button type="submit" className="btn" disabled={saving}>
              {t('app.save')}
            </button>
          </div>
          <p id="officer-name-help" className="field-help">
            {t('riwayat.officerHelp')}
          </p>
          {officerError && (
            <p id="officer-name-error" className="field-error">
              {officerError}
            </p>
          )}
        </form>
      </section>

      <section className="card" aria-labelledby="set-reference">
        <h2 id="set-reference" className="card-title">
          {t('settings.referenceTitle')}
        </h2>
        <p className="muted">{t('settings.referenceIntro')}</p>
        <ul className="link-list">
          <li>
            <a href="#/pengaturan/opd">{t('settings.opdLink')}</a>
          </li>
          <li>
            <a href="#/kompetensi/katalog">{t('settings.catalogueLink')}</a>
          </li>
        </ul>
      </section>
      <SaranaItemsSection />
      <section className="card" aria-labelledby="set-kunci">
        <h2 id="set-kunci" className="card-title">
          {t('kunci.settingsTitle')}
        </h2>
        <p className="muted">{t('kunci.settingsIntro')}</p>
        <ul className="link-list">
          <li>
            <a href="#/pengaturan/kunci">{t('kunci.settingsLink')}</a>
          </li>
        </ul>
      </section>
      <CadanganSection />
      <section className="card" aria-labelledby="set-office">
        <h2 id="set-office" className="card-title">
          {t('settings.officeLegend')}
        </h2>
        <dl className="dl">
          <div className="dl-item">
            <dt>{t('settings.officeName')}</dt>
            <dd>{site.name}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('settings.officeLevel')}</dt>
            <dd>{officeKind}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('settings.officeArea')}</dt>
            <dd>{site.areaPath}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('settings.officeAreaCode')}</dt>
            <dd className="mono">{site.areaCode}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('settings.timeZone')}</dt>
            <dd data-testid="office-time-zone">
              {t('settings.timeZoneValue', { zone: site.timeZone, utc: utcLabel(ZONA_WAKTU[site.timeZone]), province: site.provinceName })}
            </dd>
          </div>
          {site.coveredVillages.length > 0 && (
            <div className="dl-item">
              <dt>{t('settings.officeVillages')}</dt>
              <dd>{site.coveredVillages.map((v) => v.name).join(', ')}</dd>
            </div>
          )}
          <div className="dl-item">
            <dt>{t('settings.officeId')}</dt>
            <dd className="mono" title={site.id}>
              {site.id.slice(0, 8)}
            </dd>
          </div>
        </dl>
        <OfficeArea />
      </section>

      <section className="card" aria-labelledby="set-about">
        <h2 id="set-about" className="card-title">
          {t('settings.aboutLegend')}
        </h2>
        {info.status === 'error' && <ErrorBox message={info.error} onRetry={info.reload} />}
        {!info.data && info.status === 'loading' && <Loading />}
        <dl className="dl">
          {info.data && (
            <>
              <div className="dl-item">
                <dt>{t('settings.version')}</dt>
                <dd data-testid="app-version">{info.data.appVersion}</dd>
              </div>
              <div className="dl-item">
                <dt>{t('settings.schema')}</dt>
                <dd>{info.data.schemaVersion}</dd>
              </div>
              <div className="dl-item">
                <dt>{t('settings.areaSource')}</dt>
                <dd>{info.data.areaSource}</dd>
              </div>
            </>
          )}
        </dl>
        <p className="credits">{t('settings.credits')}</p>
      </section>
    </div>
  )
}
