// A kader's competencies on their page: level, TKK held (one per skill kompeten), which groups
// are complete (kelompok lengkap), the 25-item checklist (which TKK, when, by whom),
// what the next level still needs, and every assessment ever made. Nothing here is typed by
// hand except a new assessment: the level always follows the catalogue's rule.

import { useOfficeToday } from '../../app/AppContext'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { assessmentInput, type Assessment, type KaderCompetency } from '@shared/contract'
import {
  ASSESSMENT_RESULTS,
  codeRangeLabel,
  completeGroups,
  type AssessmentMethod,
  type AssessmentResult,
  type Catalogue,
} from '@shared/domain/competency'
import { call, CallError, errorMessage } from '../../api/client'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Field, FieldSet } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PrintButton } from '../../components/PrintButton'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatDateTime } from '../../i18n/format'
import { AssessDateMethod, AssessorInputs, loadAssessor, saveAssessor, type AssessorFields } from './AssessorInputs'
import { useCatalogue } from './catalogue'
import { LevelBadge } from './LevelBadge'
import { UnverifiedMark } from './UnverifiedMark'
import { invalidateMatrixPages } from './matrixPages'
import './competency.css'

export function KaderCompetencySection({ kaderId }: { kaderId: string }) {
  const { t } = useTranslation()
  const loaded = useCall('competency:kader', { kaderId }, [kaderId])
  const catalogue = useCatalogue()
  const [fresh, setFresh] = useState<KaderCompetency | null>(null)
  const [dialogCode, setDialogCode] = useState<string | null>(null)
  const kc = fresh && fresh.kaderId === kaderId ? fresh : loaded.data
  const cat = catalogue.info?.catalogue ?? null

  return (
    <section className="card cm-section" aria-labelledby="sec-competency" data-testid="kader-competency">
      <div className="cm-section-head">
        <h2 id="sec-competency" className="card-title">
          {t('competency.kader.title')} {kc && <LevelBadge level={kc.level} long />}{' '}
          {kc && (
            <span className="badge" data-testid="kader-tkk" title={t('competency.kader.tkkHint')}>
              {t('competency.kader.tkkCount', { n: kc.tkk })}
            </span>
          )}
        </h2>
        {kc && (
          <div className="page-actions">
            <button type="button" className="btn btn-primary" onClick={() => setDialogCode(kc.items.find((i) => !i.current)?.code ?? kc.items[0]?.code ?? '')}>
              {t('competency.kader.assess')}
            </button>
            <PrintButton request={{ kind: 'kartuKader', kaderId }} label={t('competency.kader.printCard')} />
          </div>
        )}
      </div>
      {loaded.status === 'error' && !kc && <ErrorBox message={loaded.error} onRetry={loaded.reload} />}
      {!kc && loaded.status === 'loading' && <Loading />}
      {kc && (
        <>
          <p className="muted small">
            {t('competency.kader.derivedNote', { version: kc.catalogueVersion })} {t('competency.kader.tkkHint')}
          </p>
          <ul className="cm-groups" aria-label={t('competency.kader.groupsLabel')}>
            {kc.groups.map((g) => (
              <li key={g.code} className={`cm-group ${g.complete ? 'is-complete' : ''}`}>
                <span>
                  <strong>{g.code}</strong> · {g.name}
                </span>
                <span className="cm-group-progress">
                  {g.complete ? t('competency.kader.tkk') : t('competency.kader.progress', { code: g.code, n: g.competent, total: g.total })}
                </span>
              </li>
            ))}
          </ul>
          <NextLevel kc={kc} catalogue={cat} />
          <Checklist kc={kc} onAssess={setDialogCode} />
          <History history={kc.history} />
        </>
      )}
      {kc && (
        <AssessDialog
          kc={kc}
          code={dialogCode}
          onClose={() => setDialogCode(null)}
          onSaved={(next) => {
            setFresh(next)
            setDialogCode(null)
          }}
        />
      )}
    </section>
  )
}

/** "Untuk Kader Madya: lengkapi C1–C5, atau D1–D4, atau E4": every way the rule allows, shortest first. */
function NextLevel({ kc, catalogue }: { kc: KaderCompetency; catalogue: Catalogue | null }) {
  const { t } = useTranslation()
  if (!kc.next) return <p className="cm-next">{t('competency.kader.top')}</p>
  const levelName = t(`competency.levelFull.${kc.next.level}`)
  const rule = catalogue?.levels.find((l) => l.code === kc.next!.level)
  if (!catalogue || !rule) {
    return (
      <p className="cm-next" data-testid="next-level">
        {t('competency.kader.nextSimple', { level: levelName, codes: kc.next.missing.join(', ') })}
      </p>
    )
  }
  const competent = new Set(kc.items.filter((i) => i.current?.result === 'kompeten').map((i) => i.code))
  const done = new Set(completeGroups(catalogue, competent))
  const missingOf = (g: string) => catalogue.groups.find((x) => x.code === g)?.items.filter((i) => !competent.has(i.code)).map((i) => i.code) ?? []
  const required = rule.requiresAllOf.flatMap(missingOf)
  const extra = rule.plusAnyOf ? rule.plusAnyOf.groups.filter((g) => !rule.requiresAllOf.includes(g)) : []
  const needExtra = rule.plusAnyOf ? Math.max(0, rule.plusAnyOf.min - extra.filter((g) => done.has(g)).length) : 0
  const options = extra
    .filter((g) => !done.has(g))
    .map((g) => missingOf(g))
    .sort((a, b) => a.length - b.length)
    .map((codes) => codeRangeLabel(catalogue, codes))
  const parts: string[] = []
  if (required.length) parts.push(t('competency.kader.needAll', { codes: codeRangeLabel(catalogue, required) }))
  if (rule.minTkk && kc.tkk < rule.minTkk) parts.push(t('competency.kader.needTkk', { n: rule.minTkk, held: kc.tkk }))
  if (needExtra > 0 && options.length) {
    const list = options.join(` ${t('competency.catalogue.or')} `)
    parts.push(needExtra === 1 ? t('competency.kader.needOne', { options: list }) : t('competency.kader.needSome', { n: needExtra, options: list }))
  }
  return (
    <p className="cm-next" data-testid="next-level">
      <strong>{t('competency.kader.nextFor', { level: levelName })}</strong> {parts.join(t('competency.kader.then'))}.{' '}
      <span className="muted small">{t('competency.kader.nextShortest', { n: kc.next.missing.length })}</span>
    </p>
  )
}

function ResultMark({ result }: { result: AssessmentResult | null }) {
  const { t } = useTranslation()
  if (!result) {
    return (
      <span className="cm-result cm-none">
        <span aria-hidden="true">–</span> {t('competency.result.none')}
      </span>
    )
  }
  return (
    <span className={`cm-result cm-${result}`}>
      <span aria-hidden="true">{result === 'kompeten' ? '✓' : '✗'}</span> {t(`competency.result.${result}`)}
    </span>
  )
}

function Checklist({ kc, onAssess }: { kc: KaderCompetency; onAssess: (code: string) => void }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table cm-checklist">
        <caption className="sr-only">{t('competency.kader.checklist')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('competency.kader.colCode')}</th>
            <th scope="col">{t('competency.kader.colItem')}</th>
            <th scope="col">{t('competency.kader.colResult')}</th>
            <th scope="col">{t('competency.kader.colDate')}</th>
            <th scope="col">{t('competency.kader.colAssessor')}</th>
            <th scope="col">
              <span className="sr-only">{t('competency.kader.colAction')}</span>
            </th>
          </tr>
        </thead>
        {kc.groups.map((g) => (
          <tbody key={g.code}>
            <tr className="cm-group-row-head">
              <th scope="colgroup" colSpan={6}>
                {g.code} · {g.name} — {g.complete ? t('competency.kader.tkk') : t('competency.kader.progress', { code: g.code, n: g.competent, total: g.total })}
              </th>
            </tr>
            {kc.items
              .filter((i) => i.groupCode === g.code)
              .map((i) => (
                <tr key={i.code} data-code={i.code}>
                  <th scope="row" className="cm-code">
                    {i.code}
                  </th>
                  <td className="wrap cm-item-text">
                    {i.text}
                    {!i.verified && <UnverifiedMark />}
                  </td>
                  <td>
                    <ResultMark result={i.current?.result ?? null} />
                  </td>
                  <td>{i.current ? formatDate(i.current.date) : t('app.none')}</td>
                  <td className="wrap">{i.current ? i.current.assessor.name : t('app.none')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => onAssess(i.code)}
                      aria-label={t('competency.kader.assessItem', { code: i.code })}
                    >
                      {t('competency.kader.assessShort')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function History({ history }: { history: Assessment[] }) {
  const { t } = useTranslation()
  return (
    <details className="cm-history-wrap">
      <summary className="sub-title" style={{ cursor: 'pointer' }}>
        {t('competency.kader.history', { n: history.length })}
      </summary>
      {history.length === 0 ? (
        <p className="muted">{t('competency.kader.historyEmpty')}</p>
      ) : (
        <ol className="timeline cm-history" aria-label={t('competency.kader.historyLabel')}>
          {history.map((a) => (
            <li key={a.id} className={a.superseded ? 'is-superseded' : ''} data-testid="history-item">
              <span className="cm-history-main">
                <strong>{a.competencyCode}</strong> <ResultMark result={a.result} /> · {formatDate(a.date)} · {t(`competency.method.${a.method}`)}
              </span>{' '}
              {a.superseded && <span className="badge badge-archived">{t('competency.kader.superseded')}</span>}
              <span className="timeline-meta">
                {t('competency.kader.by', {
                  who: [a.assessor.name, a.assessor.profession, a.assessor.institution].filter(Boolean).join(', '),
                })}
                {a.assessor.nip && <> · NIP {a.assessor.nip}</>}
                {a.trainingId && (
                  <>
                    {' · '}
                    <a href={href(`pelatihan/${a.trainingId}`)}>{a.trainingTitle ?? t('competency.kader.training')}</a>
                  </>
                )}
                {' · '}
                {t('competency.kader.recorded', { date: formatDateTime(a.recordedAt), version: a.catalogueVersion })}
              </span>
              {a.notes && <span className="timeline-note">{a.notes}</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}

function AssessDialog(props: { kc: KaderCompetency; code: string | null; onClose: () => void; onSaved: (kc: KaderCompetency) => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const ref = useRef<HTMLDialogElement>(null)
  const firstRef = useRef<HTMLSelectElement>(null)
  const titleId = useId()
  const returnFocus = useRef<HTMLElement | null>(null)
  const [code, setCode] = useState('')
  const [result, setResult] = useState<AssessmentResult | ''>('')
  const today = useOfficeToday()
  const [date, setDate] = useState(today)
  const [method, setMethod] = useState<AssessmentMethod>('observasi_praktik')
  const [assessor, setAssessor] = useState<AssessorFields>(loadAssessor)
  const [notes, setNotes] = useState('')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [saving, setSaving] = useState(false)
  const open = props.code !== null

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null
      setCode(props.code ?? '')
      setResult('')
      setNotes('')
      setErrors({})
      setAssessor(loadAssessor())
      dialog.showModal()
      firstRef.current?.focus()
    } else if (!open && dialog.open) {
      dialog.close()
      returnFocus.current?.focus?.()
    }
  }, [open, props.code])

  async function save() {
    const input = { kaderId: props.kc.kaderId, competencyCode: code, date, result, method, assessor, trainingId: null, notes }
    const parsed = assessmentInput.safeParse(input)
    if (!parsed.success) {
      const found: Record<string, string> = {}
      for (const issue of parsed.error.issues) found[issue.path.map(String).join('.')] ??= issue.message
      setErrors(found)
      return
    }
    setSaving(true)
    try {
      const next = await call('competency:assess', parsed.data)
      saveAssessor(assessor)
      invalidateMatrixPages()
      const before = props.kc.level
      toasts.push({
        tone: 'success',
        message:
          next.level !== before
            ? t('competency.kader.savedLevel', { code, level: t(`competency.levelFull.${next.level ?? 'none'}`) })
            : t('competency.kader.saved', { code }),
      })
      props.onSaved(next)
    } catch (e) {
      const found: Record<string, string> = {}
      if (e instanceof CallError) for (const [path, message] of Object.entries(e.shape.fields ?? {})) found[path] ??= message
      found._form = errorMessage(e)
      setErrors(found)
    } finally {
      setSaving(false)
    }
  }

  const item = props.kc.items.find((i) => i.code === code)
  return (
    <dialog
      ref={ref}
      className="dialog cm-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!saving) props.onClose()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {t('competency.kader.dialogTitle', { name: props.kc.name })}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Field id="ad-code" label={t('competency.kader.fieldCode')} error={errors.competencyCode} help={item && !item.verified ? t('competency.unverified') : undefined}>
          {(p) => (
            <select {...p} ref={firstRef} value={code} onChange={(e) => setCode(e.target.value)}>
              {props.kc.groups.map((g) => (
                <optgroup key={g.code} label={`${g.code} · ${g.name}`}>
                  {props.kc.items
                    .filter((i) => i.groupCode === g.code)
                    .map((i) => (
                      <option key={i.code} value={i.code}>
                        {i.code} — {i.text}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <FieldSet id="ad-result" legend={t('competency.kader.fieldResult')} error={errors.result}>
          <div className="radio-row">
            {ASSESSMENT_RESULTS.map((r) => (
              <label key={r} className="check">
                <input type="radio" name="ad-result" value={r} checked={result === r} onChange={() => setResult(r)} />
                <span>
                  <span aria-hidden="true">{r === 'kompeten' ? '✓ ' : '✗ '}</span>
                  {t(`competency.result.${r}`)}
                </span>
              </label>
            ))}
          </div>
        </FieldSet>
        <AssessDateMethod prefix="ad" date={date} onDate={setDate} method={method} onMethod={setMethod} errors={errors} />
        <AssessorInputs prefix="ad" value={assessor} onChange={setAssessor} errors={errors} />
        <Field id="ad-notes" label={t('competency.kader.fieldNotes')} optional error={errors.notes}>
          {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        {errors._form && (
          <p className="field-error" role="alert">
            {errors._form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onClose} disabled={saving}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('app.saving') : t('competency.kader.saveAssessment')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
