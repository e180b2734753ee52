import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogueInfo } from '@shared/contract'
import { type Catalogue, type CatalogueLevel } from '@shared/domain/competency'
import { call, errorMessage } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { i18n } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { TrainingTabs } from '../training/TrainingTabs'
import { setCatalogue } from './catalogue'
import { LevelRuleEditor } from './LevelRuleEditor'
import { invalidateMatrixPages } from './matrixPages'
import './competency.css'

/** The contract takes at most 500,000 characters; a catalogue is a few kilobytes. */
const MAX_BYTES = 500_000

function joinWords(words: string[], last: string): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`
}

/** A level's rule as a sentence: "Kelompok A (…) dan B (…) lengkap, ditambah paling sedikit 1 dari C (…) atau D (…)." */
function ruleInWords(level: CatalogueLevel, c: Catalogue): string {
  const t = i18n.t.bind(i18n)
  const name = (g: string) => `${g} (${c.groups.find((x) => x.code === g)?.name ?? g})`
  const all = joinWords(level.requiresAllOf.map(name), t('competency.catalogue.and'))
  const extra = level.plusAnyOf?.groups.filter((g) => !level.requiresAllOf.includes(g)) ?? []
  const any = level.plusAnyOf ? joinWords(extra.map(name), t('competency.catalogue.or')) : ''
  let groups = ''
  if (level.requiresAllOf.length && level.plusAnyOf) groups = t('competency.catalogue.ruleAllPlus', { all, n: level.plusAnyOf.min, any })
  else if (level.plusAnyOf) groups = t('competency.catalogue.ruleAny', { n: level.plusAnyOf.min, any })
  else if (level.requiresAllOf.length) groups = t('competency.catalogue.ruleAll', { all })
  if (!level.minTkk) return groups
  return groups ? t('competency.catalogue.ruleAndTkk', { rule: groups, n: level.minTkk }) : t('competency.catalogue.ruleTkk', { n: level.minTkk })
}

interface Chosen {
  fileName: string
  json: string
  version: string | null
  title: string | null
}

export function CataloguePage(_props: Record<string, never>) {
  const { t } = useTranslation()
  const loaded = useCall('competency:catalogue', {})
  const [fresh, setFresh] = useState<CatalogueInfo | null>(null)
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const info = fresh ?? loaded.data
  const c = info?.catalogue

  // The button that was pressed is gone once the outcome shows: the outcome takes the focus.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  function choose(file: File | undefined) {
    setOutcome(null)
    setChosen(null)
    if (!file) return
    if (file.size > MAX_BYTES) {
      setOutcome({ ok: false, message: t('competency.catalogue.tooLarge', { name: file.name }) })
      return
    }
    const reader = new FileReader()
    reader.onload = () => {
      const json = String(reader.result ?? '')
      let version: string | null = null
      let title: string | null = null
      try {
        const raw = JSON.parse(json) as { version?: unknown; title?: unknown }
        version = typeof raw.version === 'string' ? raw.version : null
        title = typeof raw.title === 'string' ? raw.title : null
      } catch {
        // The core names what is wrong with the file; here it only previews.
      }
      setChosen({ fileName: file.name, json, version, title })
    }
    reader.onerror = () => setOutcome({ ok: false, message: t('competency.catalogue.unreadable', { name: file.name }) })
    reader.readAsText(file)
  }

  function reset() {
    setChosen(null)
    if (fileRef.current) fileRef.current.value = ''
  }

  async function install() {
    if (!chosen) return
    setBusy(true)
    setOutcome(null)
    try {
      const next = await call('competency:installCatalogue', { json: chosen.json })
      setFresh(next)
      setCatalogue(next)
      invalidateMatrixPages()
      setOutcome({ ok: true, message: t('competency.catalogue.installed', { version: next.catalogue.version }) })
      reset()
    } catch (e) {
      setOutcome({ ok: false, message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const unverified = c ? c.groups.reduce((n, g) => n + g.items.filter((i) => !i.verified).length, 0) : 0

  return (
    <div className="page cm-page">
      <TrainingTabs current="katalog" />
      <div className="page-head">
        <PageHeading>{t('competency.catalogue.title')}</PageHeading>
      </div>
      {loaded.status === 'error' && !info && <ErrorBox message={loaded.error} onRetry={loaded.reload} />}
      {!info && loaded.status === 'loading' && <Loading />}
      {c && info && (
        <>
          <section className="card" aria-labelledby="cat-inforce">
            <h2 id="cat-inforce" className="card-title">
              {t('competency.catalogue.inForce')}
            </h2>
            <p>
              <strong>{c.title}</strong> · {t('competency.catalogue.version', { version: c.version })}
            </p>
          </section>

          {unverified > 0 && (
            <section className="card" aria-labelledby="cat-unverified" data-testid="catalogue-unverified">
              <h2 id="cat-unverified" className="card-title">
                {t('competency.catalogue.unverifiedTitle')}
              </h2>
              <p>{t('competency.catalogue.unverifiedNote', { n: unverified })}</p>
              <p>{t('competency.catalogue.unverifiedWho')}</p>
              <p className="muted small">{t('competency.catalogue.unverifiedKeep')}</p>
            </section>
          )}

          <section className="card" aria-labelledby="cat-versions">
            <h2 id="cat-versions" className="card-title">
              {t('competency.catalogue.versionsTitle')}
            </h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('competency.catalogue.colVersion')}</th>
                    <th scope="col">{t('competency.catalogue.colTitle')}</th>
                    <th scope="col">{t('competency.catalogue.colInstalled')}</th>
                    <th scope="col">{t('competency.catalogue.colStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...info.versions].reverse().map((v) => (
                    <tr key={v.version} data-testid="catalogue-version">
                      <td className="mono">{v.version}</td>
                      <td>{v.title}</td>
                      <td>{formatDateTime(v.installedAt)}</td>
                      <td>{v.active ? <span className="badge badge-aktif">{t('competency.catalogue.active')}</span> : t('competency.catalogue.kept')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card cm-install" aria-labelledby="cat-install">
            <h2 id="cat-install" className="card-title">
              {t('competency.catalogue.installTitle')}
            </h2>
            <p>{t('competency.catalogue.installIntro')}</p>
            <ul className="cm-rules">
              <li>{t('competency.catalogue.installKeeps')}</li>
              <li>{t('competency.catalogue.installRecomputes')}</li>
              <li>{t('competency.catalogue.installVersion')}</li>
            </ul>
            <div className="cm-file-row">
              <button type="button" className="btn" disabled={busy} onClick={() => fileRef.current?.click()}>
                {t('competency.catalogue.chooseFile')}
              </button>
              <span className="muted">{chosen ? chosen.fileName : t('competency.catalogue.noFile')}</span>
              <input
                ref={fileRef}
                id="cat-file"
                type="file"
                hidden
                accept=".json,application/json"
                aria-label={t('competency.catalogue.chooseFile')}
                onChange={(e) => choose(e.target.files?.[0])}
              />
            </div>
            {chosen && (
              <div className="notice" data-testid="catalogue-chosen">
                <p>
                  {chosen.version
                    ? t('competency.catalogue.chosen', { name: chosen.fileName, version: chosen.version, title: chosen.title ?? '' })
                    : t('competency.catalogue.chosenUnknown', { name: chosen.fileName })}
                </p>
                <div className="inline-actions" style={{ marginTop: 8 }}>
                  <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void install()}>
                    {busy ? t('competency.catalogue.installing') : t('competency.catalogue.install')}
                  </button>
                  <button type="button" className="btn" disabled={busy} onClick={reset}>
                    {t('app.cancel')}
                  </button>
                </div>
              </div>
            )}
            <div ref={outcomeRef} tabIndex={-1} aria-live="polite" data-testid="catalogue-outcome">
              {outcome &&
                (outcome.ok ? (
                  <p className="ok-note">{outcome.message}</p>
                ) : (
                  <div className="error-box">
                    <p className="error-box-title">{t('competency.catalogue.failedTitle')}</p>
                    <p>{outcome.message}</p>
                    <p>{t('competency.catalogue.failedUnchanged')}</p>
                  </div>
                ))}
            </div>
          </section>
          <LevelRuleEditor
            info={info}
            ruleInWords={ruleInWords}
            onSaved={(next) => {
              setFresh(next)
              setCatalogue(next)
              invalidateMatrixPages()
            }}
          />

          <div className="cm-catalogue-groups">
            {c.groups.map((g) => (
              <section key={g.code} className="card" aria-labelledby={`cat-group-${g.code}`}>
                <h2 id={`cat-group-${g.code}`} className="card-title">
                  {t('competency.catalogue.group', { code: g.code, name: g.name, n: g.items.length })}
                </h2>
                <ul className="cm-items">
                  {g.items.map((it) => (
                    <li key={it.code}>
                      <span className="cm-code">{it.code}</span>
                      <span>{it.text}</span>
                      {!it.verified ? <span className="badge" title={t('competency.unverified')}>† {t('competency.catalogue.unverifiedBadge')}</span> : <span />}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>

        </>
      )}

    </div>
  )
}
