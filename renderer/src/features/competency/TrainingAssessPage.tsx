// The class sheet: participants × the competencies the training covered, filled by keyboard.
// A Puskesmas officer types it from the paper checklist after the uji: "k k k b k" along a row
// moves right by itself and wraps to the next participant, so 20 kader × 5 codes is a hundred
// keystrokes. Only filled cells are judgements; an empty cell says nothing.

import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bulkAssessmentInput, type MatrixRow, type Training } from '@shared/contract'
import { ASSESSMENT_METHODS, levelOf, LEVEL_CODES, type AssessmentMethod, type AssessmentResult, type Catalogue, type LevelCode } from '@shared/domain/competency'
import { call, CallError, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { DateInput } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { Field } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { formatDate, formatNumber } from '../../i18n/format'
import { todayJakarta } from '@shared/domain/tanggal'
import { catalogueItems, useCatalogue, type CatalogueItem } from './catalogue'
import { currentSets, loadKaderCompetencies } from './kaderCompetencies'
import { LevelBadge } from './LevelBadge'
import { invalidateMatrixPages } from './matrixPages'
import { AssessorInputs, loadAssessor, saveAssessor, type AssessorFields } from './AssessorInputs'
import './competency.css'
import { WewenangNotice } from '../../components/WewenangNotice'

type Cells = Record<string, AssessmentResult>
const cellKey = (kaderId: string, code: string) => `${kaderId}|${code}`
const CYCLE: (AssessmentResult | undefined)[] = [undefined, 'kompeten', 'belum_kompeten']

function rank(l: LevelCode | null): number {
  return l === null ? -1 : LEVEL_CODES.indexOf(l)
}

export function TrainingAssessPage({ trainingId }: { trainingId: string }) {
  const { t } = useTranslation()
  const training = useCall('training:get', { id: trainingId }, [trainingId])
  const catalogue = useCatalogue()
  const tr = training.data
  const cat = catalogue.info?.catalogue ?? null

  return (
    <div className="page cm-page">
      <p className="back-link">
        <a href={href(`pelatihan/${trainingId}`)}>← {t('competency.assess.back')}</a>
      </p>
      {training.status === 'error' && <ErrorBox message={training.error} onRetry={training.reload} />}
      {catalogue.error && <ErrorBox message={catalogue.error} onRetry={catalogue.retry} />}
      {(!tr || !cat) && training.status !== 'error' && !catalogue.error && (
        <>
          <PageHeading>{t('competency.assess.titleLoading')}</PageHeading>
          <Loading />
        </>
      )}
      {tr && cat && <AssessSheet training={tr} catalogue={cat} />}
    </div>
  )
}

function AssessSheet({ training, catalogue }: { training: Training; catalogue: Catalogue }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const all = useMemo(() => catalogueItems(catalogue), [catalogue])
  const columns: CatalogueItem[] = useMemo(() => {
    const chosen = all.filter((i) => training.competencies.includes(i.code))
    return chosen.length ? chosen : all
  }, [all, training.competencies])
  const rows = training.participants

  const [cells, setCells] = useState<Cells>({})
  const [active, setActive] = useState({ r: 0, c: 0 })
  const [people, setPeople] = useState<Map<string, MatrixRow>>(new Map())
  // The last day of the class, unless it has not come yet: a judgement cannot be dated ahead.
  const [date, setDate] = useState(() => (training.endDate <= todayJakarta() ? training.endDate : todayJakarta()))
  const [method, setMethod] = useState<AssessmentMethod>('uji_pelatihan')
  const [assessor, setAssessor] = useState<AssessorFields>(loadAssessor)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [saving, setSaving] = useState(false)
  // Folded once an assessor is known (remembered from the last class): the grid gets the room.
  const [headOpen, setHeadOpen] = useState(() => !assessor.name.trim())
  const tableRef = useRef<HTMLTableElement>(null)
  const focusCell = useRef(false)
  // A click cycles a cell only when it already had the focus: the first click into the grid just lands.
  const clickCycles = useRef(false)

  useEffect(() => {
    let live = true
    void loadKaderCompetencies(rows.map((p) => p.kaderId)).then((m) => live && setPeople(m))
    return () => {
      live = false
    }
  }, [rows])

  useEffect(() => {
    if (!focusCell.current) return
    focusCell.current = false
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active.r}:${active.c}"]`)
    el?.focus({ preventScroll: false })
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [active])

  const filled = Object.values(cells)
  const nK = filled.filter((v) => v === 'kompeten').length
  const nB = filled.length - nK
  const dirty = filled.length > 0
  const back = () => navigate(`pelatihan/${training.id}`)
  const guard = useDiscardGuard(dirty && !saving, back)

  const sets = useMemo(() => new Map(rows.map((p) => [p.kaderId, currentSets(people.get(p.kaderId))])), [rows, people])

  function move(r: number, c: number) {
    const maxR = rows.length - 1
    const maxC = columns.length - 1
    focusCell.current = true
    setActive({ r: Math.max(0, Math.min(maxR, r)), c: Math.max(0, Math.min(maxC, c)) })
  }

  function advance() {
    if (active.c < columns.length - 1) move(active.r, active.c + 1)
    else if (active.r < rows.length - 1) move(active.r + 1, 0)
    else move(active.r, active.c)
  }

  function setCell(r: number, c: number, value: AssessmentResult | undefined) {
    const p = rows[r]
    const col = columns[c]
    if (!p || !col) return
    const key = cellKey(p.kaderId, col.code)
    setCells((prev) => {
      const next = { ...prev }
      if (value) next[key] = value
      else delete next[key]
      return next
    })
    setErrors((e) => {
      if (!e.entries) return e
      const { entries: _drop, ...rest } = e
      return rest
    })
  }

  function cycle(r: number, c: number) {
    const p = rows[r]
    const col = columns[c]
    if (!p || !col) return
    const current = cells[cellKey(p.kaderId, col.code)]
    setCell(r, c, CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length])
  }

  /** Only empty cells: a "belum" already typed is never overwritten by a helper. */
  function fillKompeten(which: { row?: number; col?: number }) {
    setCells((prev) => {
      const next = { ...prev }
      rows.forEach((p, r) => {
        if (which.row !== undefined && which.row !== r) return
        columns.forEach((col, c) => {
          if (which.col !== undefined && which.col !== c) return
          const key = cellKey(p.kaderId, col.code)
          if (!next[key]) next[key] = 'kompeten'
        })
      })
      return next
    })
  }

  function onGridKey(e: React.KeyboardEvent) {
    if (e.ctrlKey && (e.key === 's' || e.key === 'S')) return
    const { r, c } = active
    const key = e.key
    let handled = true
    if (key === 'ArrowRight') move(r, c + 1)
    else if (key === 'ArrowLeft') move(r, c - 1)
    else if (key === 'ArrowDown' || key === 'Enter') move(r + 1, c)
    else if (key === 'ArrowUp') move(r - 1, c)
    else if (key === 'Home') move(e.ctrlKey ? 0 : r, 0)
    else if (key === 'End') move(e.ctrlKey ? rows.length - 1 : r, columns.length - 1)
    else if (key === 'K' && e.shiftKey) fillKompeten({ row: r })
    else if (key === 'k' || key === '1') {
      setCell(r, c, 'kompeten')
      advance()
    } else if (key === 'b' || key === 'B' || key === '2') {
      setCell(r, c, 'belum_kompeten')
      advance()
    } else if (key === ' ') cycle(r, c)
    else if (key === 'Delete' || key === 'Backspace' || key === '0') setCell(r, c, undefined)
    else handled = false
    if (handled) e.preventDefault()
  }

  async function save() {
    const entries = rows.flatMap((p) =>
      columns.flatMap((col) => {
        const result = cells[cellKey(p.kaderId, col.code)]
        return result ? [{ kaderId: p.kaderId, competencyCode: col.code, result }] : []
      }),
    )
    const input = { trainingId: training.id, date, method, assessor, entries }
    const parsed = bulkAssessmentInput.safeParse(input)
    if (!parsed.success) {
      const found: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String)
        const k = path[0] === 'entries' ? 'entries' : path.join('.')
        found[k] ??= issue.message
      }
      setErrors(found)
      if (Object.keys(found).some((k) => k !== 'entries')) setHeadOpen(true)
      const firstField = ['date', 'method', 'assessor.name', 'assessor.nip', 'assessor.profession', 'assessor.institution'].find((k) => found[k])
      if (firstField) document.getElementById(`as-${firstField.replace('assessor.', '')}`)?.focus()
      return
    }
    setErrors({})
    setSaving(true)
    try {
      const r = await call('competency:assessBulk', input)
      saveAssessor(assessor)
      invalidateMatrixPages()
      toasts.push({
        tone: 'success',
        message: t('competency.assess.saved', { saved: formatNumber(r.saved), changes: formatNumber(r.levelChanges) }),
      })
      setCells({})
      back()
    } catch (e) {
      const fields = e instanceof CallError ? (e.shape.fields ?? {}) : {}
      const found: Record<string, string> = {}
      for (const [path, message] of Object.entries(fields)) found[path.startsWith('entries') ? 'entries' : path] ??= message
      found._form = errorMessage(e)
      setErrors(found)
    } finally {
      setSaving(false)
    }
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return
      if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
        e.preventDefault()
        void save()
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        guard.cancel()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const activeRow = rows[active.r]
  const activeCol = columns[active.c]
  const resultWord = {
    kompeten: t('competency.result.kompeten'),
    belum_kompeten: t('competency.result.belum_kompeten'),
  }

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('competency.assess.title', { title: training.title })}</PageHeading>
      </div>
      <WewenangNotice kinds={['assessment']} />
      <p className="muted">
        {training.startDate === training.endDate
          ? formatDate(training.startDate)
          : t('competency.assess.dates', { from: formatDate(training.startDate), to: formatDate(training.endDate) })}
        {' · '}
        {t('competency.assess.sizes', { people: formatNumber(rows.length), codes: columns.length })}
        {training.competencies.length === 0 && <> · {t('competency.assess.allCodes')}</>}
      </p>

      {rows.length === 0 ? (
        <div className="card empty-card">
          <p>{t('competency.assess.noParticipants')}</p>
          <a className="btn btn-primary" href={href(`pelatihan/${training.id}/ubah`)}>
            {t('competency.assess.addParticipants')}
          </a>
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <details
            className="card cm-assess-head"
            open={headOpen}
            onToggle={(e) => setHeadOpen(e.currentTarget.open)}
          >
            <summary>
              <strong>{t('competency.assess.headTitle')}:</strong>{' '}
              <span data-testid="assess-head-summary">
                {[formatDate(date) || date, t(`competency.method.${method}`), assessor.name.trim() || t('competency.assess.noAssessor')].join(' · ')}
              </span>{' '}
              <span className="link-button">{headOpen ? t('competency.assess.headClose') : t('competency.assess.headEdit')}</span>
            </summary>
            <div className="form-row">
              <Field id="as-date" label={t('competency.assess.date')} error={errors.date} help={t('competency.assess.dateHelp')}>
                {(p) => <DateInput {...p} value={date} onChange={setDate} />}
              </Field>
              <Field id="as-method" label={t('competency.assess.method')} error={errors.method} className="grow">
                {(p) => (
                  <select {...p} value={method} onChange={(e) => setMethod(e.target.value as AssessmentMethod)}>
                    {ASSESSMENT_METHODS.map((m) => (
                      <option key={m} value={m}>
                        {t(`competency.method.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <AssessorInputs prefix="as" value={assessor} onChange={setAssessor} errors={errors} />
          </details>

          <p className="muted small" id="as-keys">
            {t('competency.assess.keys')}
          </p>

          <div className="card cm-assess-wrap">
            <table
              ref={tableRef}
              className="cm-assess"
              role="grid"
              aria-label={t('competency.assess.gridLabel')}
              aria-describedby="as-keys"
              aria-rowcount={rows.length + 1}
              onKeyDown={onGridKey}
            >
              <thead>
                <tr>
                  <th scope="col" className="cm-pcol">
                    {t('competency.assess.colParticipant')}
                  </th>
                  {columns.map((col, c) => {
                    const title = `${col.code} · ${col.text}${col.verified ? '' : ` (${t('competency.unverified')})`}`
                    return (
                      <th
                        key={col.code}
                        scope="col"
                        className={`cm-assess-code ${c === 0 || columns[c - 1]!.groupCode !== col.groupCode ? 'cm-gstart' : ''}`}
                        title={title}
                        aria-label={title}
                      >
                        {col.code}
                        {!col.verified && (
                          <span className="cm-unverified" aria-hidden="true">
                            *
                          </span>
                        )}
                      </th>
                    )
                  })}
                  <th scope="col" className="cm-preview">
                    {t('competency.assess.colLevel')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p, r) => {
                  const held = sets.get(p.kaderId) ?? { competent: new Set<string>(), notYet: new Set<string>() }
                  const now = people.get(p.kaderId)?.level ?? p.level
                  const after = new Set(held.competent)
                  let touched = false
                  for (const col of columns) {
                    const v = cells[cellKey(p.kaderId, col.code)]
                    if (v === 'kompeten') after.add(col.code)
                    else if (v === 'belum_kompeten') after.delete(col.code)
                    if (v) touched = true
                  }
                  const projected = touched ? levelOf(catalogue, after) : now
                  return (
                    <tr key={p.kaderId} className={r === active.r ? 'is-active-row' : ''} data-kader={p.kaderId}>
                      <th scope="row" className="cm-pcol">
                        <span className="row-name">{p.name}</span>
                        <span className="row-sub">
                          <span>{p.posyanduName}</span>
                          <LevelBadge level={now} />
                        </span>
                      </th>
                      {columns.map((col, c) => {
                        const v = cells[cellKey(p.kaderId, col.code)]
                        const isHeld = held.competent.has(col.code)
                        const isActive = r === active.r && c === active.c
                        const state = v ? resultWord[v] : isHeld ? t('competency.assess.emptyHeld') : t('competency.assess.empty')
                        return (
                          <td
                            key={col.code}
                            role="gridcell"
                            data-cell={`${r}:${c}`}
                            data-code={col.code}
                            data-value={v ?? ''}
                            tabIndex={isActive ? 0 : -1}
                            aria-label={`${col.code}: ${state}`}
                            aria-selected={isActive}
                            className={`cm-acell ${v ? `cm-${v}` : isHeld ? 'cm-held' : ''} ${isActive ? 'is-active' : ''} ${c === 0 || columns[c - 1]!.groupCode !== col.groupCode ? 'cm-gstart' : ''}`}
                            title={`${p.name} · ${col.code}: ${state}`}
                            onMouseDown={(e) => {
                              clickCycles.current = document.activeElement === e.currentTarget
                            }}
                            onClick={() => {
                              if (isActive && clickCycles.current) cycle(r, c)
                              else move(r, c)
                            }}
                            onFocus={() => !isActive && setActive({ r, c })}
                          >
                            {v === 'kompeten' ? '✓' : v === 'belum_kompeten' ? '✗' : isHeld ? '✓' : ''}
                          </td>
                        )
                      })}
                      <td className="cm-preview">
                        {projected === now ? (
                          <LevelBadge level={now} />
                        ) : (
                          <span className={rank(projected) > rank(now) ? 'cm-up' : 'cm-down'}>
                            {rank(projected) > rank(now) ? '▲ ' : '▼ '}
                            {t(rank(projected) > rank(now) ? 'competency.assess.levelUp' : 'competency.assess.levelDown', {
                              to: t(`competency.levelName.${projected ?? 'none'}`),
                            })}
                          </span>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>

          {(errors.entries || errors._form) && (
            <div className="error-box" role="alert">
              <p>{errors.entries ?? errors._form}</p>
            </div>
          )}

          <div className="cm-assess-bar">
            <p className="cm-assess-counts" aria-live="polite">
              {t('competency.assess.counts', { n: formatNumber(filled.length), k: formatNumber(nK), b: formatNumber(nB) })}
            </p>
            <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+S">
              {saving ? t('app.saving') : t('competency.assess.save')}
            </button>
            <button type="button" className="btn" onClick={guard.cancel} disabled={saving}>
              {t('app.cancel')}
            </button>
          </div>
          <div className="cm-assess-tools" role="group" aria-label={t('competency.assess.helpers')}>
            <span className="muted small">{t('competency.assess.helpers')}:</span>
            <button type="button" className="btn btn-small" onClick={() => fillKompeten({ row: active.r })} aria-keyshortcuts="Shift+K">
              {t('competency.assess.fillRow', { name: activeRow?.name ?? '' })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => fillKompeten({ col: active.c })}>
              {t('competency.assess.fillCol', { code: activeCol?.code ?? '' })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => fillKompeten({})}>
              {t('competency.assess.fillAll')}
            </button>
          </div>
          {guard.dialog}
        </form>
      )}
    </>
  )
}
