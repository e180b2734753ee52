import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatrixRow, TrainingCohort } from '@shared/contract'
import { useApp } from '../../app/AppContext'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useCall } from '../../components/useCall'
import { formatNumber } from '../../i18n/format'
import { setTrainingDraft } from '../training/draft'
import { TrainingTabs } from '../training/TrainingTabs'
import { useCatalogue } from './catalogue'
import { CodeChart } from './CompetencyCharts'
import { currentSets, loadKaderCompetencies } from './kaderCompetencies'
import { LevelBadge } from './LevelBadge'
import { initialScope, rememberScope, ScopePicker, type Scope } from './ScopePicker'
import './competency.css'

const DEFAULT_CLASS = 30
const SIZE_KEY = 'simpul.competency.classSize'

function savedSize(): number {
  const n = Number(localStorage.getItem(SIZE_KEY))
  return Number.isInteger(n) && n >= 5 && n <= 100 ? n : DEFAULT_CLASS
}

function scopeQuery(scope: Scope): Record<string, string | null> {
  return { posyandu: scope.posyanduId, wilayah: scope.wilayah }
}

export function TrainingNeedsPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [scope, setScope] = useState<Scope>(() => initialScope(params))
  const [sizeText, setSizeText] = useState(() => String(savedSize()))
  const [classSize, setClassSize] = useState(savedSize)
  const catalogue = useCatalogue()
  const needs = useCall('competency:needs', { ...scope, classSize }, [scope.posyanduId, scope.wilayah, classSize])
  const n = needs.data
  const cat = catalogue.info?.catalogue ?? null

  useEffect(() => {
    rememberScope(scope)
  }, [scope])

  const sizeValue = Number(sizeText)
  const sizeValid = /^\d+$/.test(sizeText.trim()) && sizeValue >= 5 && sizeValue <= 100
  // A new class size waits for a pause in typing: "3" on the way to "30" is not a request.
  useEffect(() => {
    if (!sizeValid || sizeValue === classSize) return
    const timer = window.setTimeout(() => {
      setClassSize(sizeValue)
      localStorage.setItem(SIZE_KEY, String(sizeValue))
    }, 400)
    return () => window.clearTimeout(timer)
  }, [sizeValid, sizeValue, classSize])

  const inCohorts = n ? new Set(n.cohorts.flatMap((c) => c.kaderIds)).size : 0
  // Summing levelUps over classes would count a kader once per class they appear in.
  const liftingClasses = n ? n.cohorts.filter((c) => c.levelUps > 0) : []
  const bestLift = Math.max(0, ...liftingClasses.map((c) => c.levelUps))
  const pct = (x: number, of: number) => (of > 0 ? Math.round((x / of) * 100) : 0)

  return (
    <div className="page cm-page">
      <TrainingTabs current="kebutuhan" />
      <div className="page-head">
        <PageHeading>{t('competency.needs.title')}</PageHeading>
      </div>
      <p className="lead">{t('competency.needs.intro')}</p>

      <div className="cm-needs-controls" role="group" aria-label={t('competency.needs.controls')}>
        <ScopePicker id="needs-scope" value={scope} onChange={setScope} />
        <div className={`field ${sizeValid ? '' : 'field-invalid'}`}>
          <label htmlFor="needs-size" className="field-label">
            {t('competency.needs.classSize')}
          </label>
          <input
            id="needs-size"
            className="cm-class-size input-number"
            type="number"
            inputMode="numeric"
            min={5}
            max={100}
            value={sizeText}
            aria-describedby="needs-size-help"
            aria-invalid={sizeValid ? undefined : true}
            onChange={(e) => setSizeText(e.target.value)}
          />
          <p id="needs-size-help" className={sizeValid ? 'field-help' : 'field-error'}>
            {sizeValid ? t('competency.needs.classSizeHelp') : t('competency.needs.classSizeInvalid')}
          </p>
        </div>
        {needs.status === 'loading' && n && <Loading inline />}
      </div>

      {needs.status === 'error' && <ErrorBox message={needs.error} onRetry={needs.reload} />}
      {catalogue.error && <ErrorBox message={catalogue.error} onRetry={catalogue.retry} />}
      {!n && needs.status === 'loading' && <Loading />}

      {n && (
        <>
          <div className="cm-headline">
            <div className="card stat" data-testid="needs-active">
              <span className="stat-label">{t('competency.needs.active')}</span>
              <span className="stat-value">{formatNumber(n.kaderCount)}</span>
              <span className="stat-sub">{t('competency.needs.activeSub')}</span>
            </div>
            <div className="card stat" data-testid="needs-without-level">
              <span className="stat-label">{t('competency.needs.withoutLevel')}</span>
              <span className="stat-value">{formatNumber(n.withoutLevel)}</span>
              <span className="stat-sub">{t('competency.needs.withoutLevelSub', { pct: pct(n.withoutLevel, n.kaderCount) })}</span>
            </div>
            <div className="card stat" data-testid="needs-classes">
              <span className="stat-label">{t('competency.needs.classes')}</span>
              <span className="stat-value">{formatNumber(n.cohorts.length)}</span>
              <span className="stat-sub">{t('competency.needs.classesSub', { n: formatNumber(inCohorts) })}</span>
            </div>
            <div className="card stat" data-testid="needs-levelups">
              <span className="stat-label">{t('competency.needs.levelUps')}</span>
              <span className="stat-value">{formatNumber(liftingClasses.length)}</span>
              <span className="stat-sub">
                {liftingClasses.length ? t('competency.needs.levelUpsSub', { best: formatNumber(bestLift) }) : t('competency.needs.levelUpsNone')}
              </span>
            </div>
          </div>

          {cat && n.kaderCount > 0 && (
            <section className="card">
              <CodeChart
                title={t('competency.needs.missingTitle')}
                catalogue={cat}
                values={Object.fromEntries(n.missingPerCode.map((m) => [m.code, m.missing]))}
                of={n.kaderCount}
                show="count"
                tone="gap"
                part={{
                  values: Object.fromEntries(n.missingPerCode.map((m) => [m.code, m.notYet])),
                  label: t('competency.needs.partNotYet'),
                  restLabel: t('competency.needs.partNever'),
                }}
                describe={(code, v, p) => {
                  const notYet = n.missingPerCode.find((m) => m.code === code)?.notYet ?? 0
                  return t('competency.needs.missingItem', { code, n: formatNumber(v), pct: p, never: formatNumber(v - notYet), notYet: formatNumber(notYet) })
                }}
                onPick={(code) => navigate('kompetensi', { ...scopeQuery(scope), kurang: code })}
                pickHint={t('competency.needs.missingHint')}
              />
            </section>
          )}

          <section aria-labelledby="needs-cohorts" className="cm-section">
            <h2 id="needs-cohorts" className="card-title">
              {t('competency.needs.cohortsTitle')}
            </h2>
            {n.kaderCount === 0 ? (
              <p className="card">{t('competency.needs.noKader')}</p>
            ) : n.cohorts.length === 0 ? (
              <p className="card ok-note">{t('competency.needs.noCohorts')}</p>
            ) : (
              <>
                <p className="muted">{t('competency.needs.cohortsHelp')}</p>
                <ol className="cm-cohorts">
                  {n.cohorts.map((c, i) => (
                    <CohortCard key={`${c.group}-${c.label}-${i}`} cohort={c} rank={i + 1} scope={scope} />
                  ))}
                </ol>
              </>
            )}
          </section>
        </>
      )}
    </div>
  )
}

function CohortCard({ cohort, rank, scope }: { cohort: TrainingCohort; rank: number; scope: Scope }) {
  const { t } = useTranslation()
  const { site } = useApp()
  const [open, setOpen] = useState(false)
  const [people, setPeople] = useState<Map<string, MatrixRow> | null>(null)
  const titleId = `cohort-${rank}`

  useEffect(() => {
    if (!open || people) return
    let live = true
    void loadKaderCompetencies(cohort.kaderIds).then((m) => live && setPeople(m))
    return () => {
      live = false
    }
  }, [open, people, cohort.kaderIds])

  const places = cohort.villageNames.join(', ')

  function draft() {
    setTrainingDraft({
      title: t('competency.needs.draftTitle', { group: cohort.groupName, label: cohort.label }),
      kind: 'pelatihan',
      competencies: cohort.codes,
      participantIds: cohort.kaderIds,
      organiser: site.level === 'puskesmas' ? site.name : undefined,
      notes: t('competency.needs.draftNotes', {
        n: cohort.kaderIds.length,
        posyandu: cohort.posyanduCount,
        places,
        label: cohort.label,
        ups: cohort.levelUps,
      }),
    })
    navigate('pelatihan/baru')
  }

  const codes = new Set(cohort.codes)
  return (
    <li className="card cm-cohort" aria-labelledby={titleId} data-testid="cohort">
      <span className="cm-cohort-rank" aria-hidden="true">
        {rank}
      </span>
      <div>
        <h3 id={titleId} className="cm-cohort-title">
          <span className="sr-only">{t('competency.needs.rank', { rank })} </span>
          {t('competency.needs.cohortTitle', { group: cohort.group, label: cohort.label })}
          <span className="muted"> · {cohort.groupName}</span>
        </h3>
        <ul className="cm-cohort-facts">
          <li>
            <strong>{t('competency.needs.cohortSize', { n: formatNumber(cohort.kaderIds.length), posyandu: formatNumber(cohort.posyanduCount) })}</strong>
            {places && <> ({places})</>}
          </li>
          <li className={cohort.levelUps > 0 ? 'cm-levelups' : ''}>
            {cohort.levelUps > 0 ? t('competency.needs.cohortUps', { n: formatNumber(cohort.levelUps) }) : t('competency.needs.cohortNoUps', { group: cohort.group })}
          </li>
        </ul>
      </div>
      <div className="cm-cohort-actions">
        <button type="button" className="btn btn-primary" onClick={draft}>
          {t('competency.needs.draft')}
        </button>
        <a className="small" href={href('kompetensi', { ...scopeQuery(scope), kurang: cohort.codes[0] ?? null })}>
          {t('competency.needs.inMatrix', { code: cohort.codes[0] ?? '' })}
        </a>
      </div>
      <div className="cm-cohort-body">
        <details onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('competency.needs.showParticipants', { n: formatNumber(cohort.kaderIds.length) })}</summary>
          {!people ? (
            // Only once opened: a closed panel is not loading anything.
            open && <Loading />
          ) : (
            <div className="table-wrap cm-participants">
              <table className="table">
                <caption className="sr-only">{t('competency.needs.participantsCaption', { label: cohort.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('competency.needs.colName')}</th>
                    <th scope="col">{t('competency.needs.colPosyandu')}</th>
                    <th scope="col">{t('competency.needs.colLevel')}</th>
                    <th scope="col">{t('competency.needs.colLacking')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cohort.kaderIds.map((id) => {
                    const k = people.get(id)
                    const held = currentSets(k).competent
                    const lacking = cohort.codes.filter((c) => codes.has(c) && !held.has(c))
                    return (
                      <tr key={id}>
                        <td>
                          <a href={href(`kader/${id}`)}>{k?.name ?? t('competency.needs.unknownKader')}</a>
                        </td>
                        <td>{k ? `${k.posyanduName} · ${k.villageName}` : t('app.none')}</td>
                        <td>{k ? <LevelBadge level={k.level} /> : t('app.none')}</td>
                        <td className="mono">{k ? lacking.join(', ') || t('app.none') : t('app.none')}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </details>
      </div>
    </li>
  )
}
