// The class sheet: participants × the competencies the training covered, filled by keyboard.
// A Puskesmas officer types it from the paper checklist after the uji: "k k k b k" along a row
// moves right by itself and wraps to the next participant, so 20 kader × 5 codes is a hundred
// keystrokes. Only filled cells are judgements; an empty cell says nothing.

import { useOfficeToday } from '../../app/AppContext'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bulkAssessmentInput, type Training } from '@shared/contract'
import type { AssessmentMethod, Catalogue } from '@shared/domain/competency'
import { call, CallError, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { formatDate, formatNumber } from '../../i18n/format'
import { catalogueItems, useCatalogue, type CatalogueItem } from './catalogue'
import { invalidateMatrixPages } from './matrixPages'
import { AssessActions } from './AssessActions'
import { AssessGrid } from './AssessGrid'
import { AssessHead } from './AssessHead'
import { loadAssessor, saveAssessor, type AssessorFields } from './AssessorInputs'
import { useAssessCells } from './useAssessCells'
import './competency.css'
import { WewenangNotice } from '../../components/WewenangNotice'

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

/** The first message per field; every message about a cell is one, shown under the grid. */
function sheetErrors(found: [path: string, message: string][]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of found) out[path === 'entries' || path.startsWith('entries.') ? 'entries' : path] ??= message
  return out
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

  // A day of the class: its last day, or today while it runs (a judgement cannot be dated ahead).
  const today = useOfficeToday()
  const [date, setDate] = useState(() => (training.endDate <= today ? training.endDate : today))
  const notStarted = training.startDate > today
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date)
  // Before the first day the core refuses; after the last day is allowed (the uji at the Posyandu) but said.
  const afterEnd = validDate && date > training.endDate
  const [method, setMethod] = useState<AssessmentMethod>('uji_pelatihan')
  const [assessor, setAssessor] = useState<AssessorFields>(loadAssessor)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [saving, setSaving] = useState(false)
  // Folded once an assessor is known (remembered from the last class): the grid gets the room.
  const [headOpen, setHeadOpen] = useState(() => !assessor.name.trim())
  const tableRef = useRef<HTMLTableElement>(null)
  const grid = useAssessCells(rows, columns, tableRef, () =>
    setErrors((e) => {
      if (!e.entries) return e
      const { entries: _drop, ...rest } = e
      return rest
    }),
  )
  const { cells, active } = grid

  const dirty = Object.keys(cells).length > 0
  const back = () => navigate(`pelatihan/${training.id}`)
  const guard = useDiscardGuard(dirty && !saving, back)

  async function save() {
    // Ctrl+S reaches here from anywhere on the page, also when no sheet is shown.
    if (notStarted || rows.length === 0) return
    const input = { trainingId: training.id, date, method, assessor, entries: grid.entries() }
    const parsed = bulkAssessmentInput.safeParse(input)
    if (!parsed.success) {
      const found = sheetErrors(parsed.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]))
      setErrors(found)
      if (Object.keys(found).some((k) => k !== 'entries')) setHeadOpen(true)
      const firstField = ['date', 'method', 'assessor.name', 'assessor.nip', 'assessor.profession', 'assessor.institution'].find((k) => found[k])
      if (firstField) document.getElementById(`as-${firstField.replace('assessor.', '')}`)?.focus()
      return
    }
    if (date < training.startDate) {
      setErrors({ date: t('competency.assess.beforeStart', { date: formatDate(training.startDate) }) })
      setHeadOpen(true)
      document.getElementById('as-date')?.focus()
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
      grid.clear()
      back()
    } catch (e) {
      const fields = e instanceof CallError ? (e.shape.fields ?? {}) : {}
      setErrors({ ...sheetErrors(Object.entries(fields)), _form: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }

  // The sheet is not an EditForm: Ctrl+S and Esc work from anywhere on the page, the grid included.
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

      {notStarted ? (
        <p className="notice" role="note" data-testid="assess-not-started">
          {t('competency.assess.notStarted', { date: formatDate(training.startDate) })}
        </p>
      ) : rows.length === 0 ? (
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
          <AssessHead
            open={headOpen}
            onToggle={setHeadOpen}
            date={date}
            onDate={setDate}
            method={method}
            onMethod={setMethod}
            assessor={assessor}
            onAssessor={setAssessor}
            errors={errors}
          />
          {afterEnd && (
            <p className="notice" role="note" data-testid="assess-after-end">
              {t('competency.assess.afterEnd', { date: formatDate(date), end: formatDate(training.endDate) })}
            </p>
          )}

          <p className="muted small" id="as-keys">
            {t('competency.assess.keys')}
          </p>

          <div className="card cm-assess-wrap">
            <AssessGrid rows={rows} columns={columns} catalogue={catalogue} grid={grid} tableRef={tableRef} />
          </div>

          {(errors.entries || errors._form) && (
            <div className="error-box" role="alert">
              <p>{errors.entries ?? errors._form}</p>
            </div>
          )}

          <AssessActions
            cells={cells}
            saving={saving}
            onCancel={guard.cancel}
            rowName={rows[active.r]?.name ?? ''}
            colCode={columns[active.c]?.code ?? ''}
            onFill={(which) => grid.fillKompeten(which === 'row' ? { row: active.r } : which === 'col' ? { col: active.c } : {})}
          />
          {guard.dialog}
        </form>
      )}
    </>
  )
}
