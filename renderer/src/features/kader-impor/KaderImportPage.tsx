// Impor dari Excel: a kelurahan's existing kader roster (.xlsx or .csv) into the register, in
// four steps: the file; its sheet, header row and column matching; every row checked as it will
// be saved, with each problem at its cell and the Posyandu names matched to the register; then
// the save and its result. Nothing is written before "Simpan N kader" (kaderImpor:apply); the
// rows with errors are skipped and written to an error report beside the file.

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Events, KaderImportLayout, KaderImportPreview, KaderImportResult } from '@shared/contract'
import { api, call, CallError, errorMessage } from '../../api/client'
import { href } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { PageHeading } from '../../components/PageHeading'
import { PathField } from '../../components/PathField'
import { formatNumber } from '../../i18n/format'
import { invalidateKaderPages } from '../kader/kaderPages'
import { Busy } from './Busy'
import { ColumnsStep } from './ColumnsStep'
import { mappingOf, type Mapping } from './importFormat'
import { PreviewStep } from './PreviewStep'
import './kader-impor.css'

export type Step = 'file' | 'columns' | 'preview' | 'done'
const STEPS: Step[] = ['file', 'columns', 'preview', 'done']

type Progress = Events['progress']

export function KaderImportPage() {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>('file')
  const [path, setPath] = useState('')
  const [pathError, setPathError] = useState<string | null>(null)
  const [layout, setLayout] = useState<KaderImportLayout | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [posyandu, setPosyandu] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<KaderImportPreview | null>(null)
  const [result, setResult] = useState<KaderImportResult | null>(null)
  const [busy, setBusy] = useState<'read' | 'preview' | 'apply' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const pathRef = useRef<HTMLInputElement>(null)
  const stepHeadingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)
  // Only the answer to the latest request is shown (a sheet picked twice quickly, a Posyandu changed twice).
  const seq = useRef(0)
  const applying = useRef(false)

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (applying.current && p.task === 'kaderImpor') setProgress(p)
      }),
    [],
  )

  // A new step starts at its heading, so a keyboard or screen-reader user is told where they are.
  useEffect(() => {
    if (moved.current) stepHeadingRef.current?.focus()
  }, [step])

  const go = useCallback((next: Step) => {
    moved.current = true
    setError(null)
    setStep(next)
  }, [])

  async function read(input: { sheet?: string | null; headerRow?: number | null }, from: Step) {
    const target = path.trim()
    const n = ++seq.current
    setBusy('read')
    setError(null)
    try {
      const read = await call('kaderImpor:read', { path: target, sheet: input.sheet ?? null, headerRow: input.headerRow ?? null })
      if (n !== seq.current) return
      setLayout(read)
      setMapping(mappingOf(read.columns))
      setPosyandu({})
      setPreview(null)
      if (from === 'file') go('columns')
    } catch (e) {
      if (n !== seq.current) return
      if (from === 'file') {
        // Whatever stops the first read is about the file (not there, not a spreadsheet, locked): said at the field.
        setPathError(e instanceof CallError && e.shape.fields?.path ? e.shape.fields.path : errorMessage(e))
        pathRef.current?.focus()
      } else setError(errorMessage(e))
    } finally {
      if (n === seq.current) setBusy(null)
    }
  }

  function submitFile(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    if (!path.trim()) {
      setPathError(t('spreadsheet.import.fileRequired'))
      pathRef.current?.focus()
      return
    }
    setPathError(null)
    void read({}, 'file')
  }

  function choices(nextPosyandu: Record<string, string> = posyandu) {
    if (!layout) throw new Error('no layout')
    // "" is the person going back to "— Pilih Posyandu —": the core then decides by name again.
    const chosen = Object.fromEntries(Object.entries(nextPosyandu).filter(([, v]) => v !== ''))
    return { path: layout.path, sheet: layout.sheet, headerRow: layout.headerRow, mapping, posyandu: chosen }
  }

  async function runPreview(nextPosyandu: Record<string, string>, from: Step) {
    const n = ++seq.current
    setBusy('preview')
    setError(null)
    try {
      const answer = await call('kaderImpor:preview', choices(nextPosyandu))
      if (n !== seq.current) return
      setPreview(answer)
      if (from === 'columns') go('preview')
    } catch (e) {
      if (n === seq.current) setError(errorMessage(e))
    } finally {
      if (n === seq.current) setBusy(null)
    }
  }

  function choosePosyandu(name: string, value: string) {
    // Kept even when "" so the select shows the choice at once, before the new preview answers.
    const next = { ...posyandu, [name]: value }
    setPosyandu(next)
    void runPreview(next, 'preview')
  }

  async function apply() {
    if (busy) return
    const n = ++seq.current
    setBusy('apply')
    setError(null)
    setProgress(null)
    applying.current = true
    try {
      const done = await call('kaderImpor:apply', choices())
      // The roster and the matrix kept their pages from before the import.
      invalidateKaderPages()
      if (n !== seq.current) return
      setResult(done)
      go('done')
    } catch (e) {
      if (n === seq.current) setError(errorMessage(e))
    } finally {
      applying.current = false
      if (n === seq.current) setBusy(null)
    }
  }

  function restart() {
    seq.current++
    setLayout(null)
    setPreview(null)
    setResult(null)
    setMapping({})
    setPosyandu({})
    setBusy(null)
    go('file')
  }

  const index = STEPS.indexOf(step)

  return (
    <div className="page impor-page">
      <p className="back-link">
        <a href={href('kader')}>← {t('spreadsheet.import.backToRoster')}</a>
      </p>
      <PageHeading>{t('spreadsheet.import.title')}</PageHeading>
      {step === 'file' && <p className="lead">{t('spreadsheet.import.intro')}</p>}

      <ol className="impor-steps" aria-label={t('spreadsheet.import.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === index ? 'is-current' : i < index ? 'is-done' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="impor-step-n" aria-hidden="true">
              {i < index ? '✓' : i + 1}
            </span>
            <span>{t(`spreadsheet.import.step.${s}`)}</span>
            {i < index && <span className="sr-only"> {t('spreadsheet.import.completed')}</span>}
          </li>
        ))}
      </ol>

      <section className="impor-step" aria-labelledby="impor-step-title">
        <h2 id="impor-step-title" ref={stepHeadingRef} tabIndex={-1} className="impor-step-title">
          <span className="muted impor-step-of">{t('spreadsheet.import.stepOf', { n: index + 1 })}</span>
          {t(`spreadsheet.import.step.${step}`)}
        </h2>

        {step === 'file' && (
          <form className="card form" onSubmit={submitFile} noValidate>
            <PathField
              id="impor-file"
              label={t('spreadsheet.import.file')}
              help={t('spreadsheet.import.fileHelp')}
              value={path}
              onChange={(v) => {
                setPath(v)
                setPathError(null)
              }}
              error={pathError}
              inputRef={pathRef}
              disabled={busy !== null}
              pick="spreadsheet"
            >
              {/* Not disabled while reading: a focused button that turns disabled drops the keyboard focus. */}
              <button type="submit" className="btn btn-primary" aria-disabled={busy !== null || undefined}>
                {t('spreadsheet.import.read')}
              </button>
            </PathField>
            {busy === 'read' && <Busy label={t('spreadsheet.import.reading')} />}
          </form>
        )}

        {step === 'columns' && layout && (
          <ColumnsStep
            layout={layout}
            mapping={mapping}
            onMapping={setMapping}
            busy={busy}
            onRead={(input) => void read(input, 'columns')}
            onChangeFile={restart}
            onNext={() => void runPreview(posyandu, 'columns')}
          />
        )}

        {step === 'preview' && preview && (
          <PreviewStep
            preview={preview}
            overrides={posyandu}
            busy={busy}
            progress={progress}
            onPosyandu={choosePosyandu}
            onBack={() => go('columns')}
            onApply={() => void apply()}
          />
        )}

        {step === 'done' && result && <ResultView result={result} onAnother={restart} />}

        {error && <ErrorBox message={error} />}
      </section>
    </div>
  )
}

function ResultView({ result, onAnother }: { result: KaderImportResult; onAnother: () => void }) {
  const { t } = useTranslation()
  const stats = [
    { key: 'created', n: result.created },
    { key: 'updated', n: result.updated },
    { key: 'skipped', n: result.skipped },
    { key: 'posyanduCreated', n: result.posyanduCreated },
  ] as const
  return (
    <div className="card impor-result">
      <p className="impor-result-title">{t('spreadsheet.import.doneTitle')}</p>
      <dl className="impor-counts">
        {stats.map((s) => (
          <div key={s.key} className={`impor-count impor-count-${s.key}`}>
            <dt>{t(`spreadsheet.import.${s.key}`)}</dt>
            <dd>{formatNumber(s.n)}</dd>
          </div>
        ))}
      </dl>
      {result.errorReport ? (
        <div className="field-warning impor-report">
          <p>{t('spreadsheet.import.errorReport', { path: result.errorReport })}</p>
          <p className="small">{t('spreadsheet.import.errorReportHelp')}</p>
        </div>
      ) : (
        <p className="ok-note">{t('spreadsheet.import.noSkipped')}</p>
      )}
      <p className="inline-actions">
        <a className="btn btn-primary" href={href('kader')}>
          {t('spreadsheet.import.openRoster')}
        </a>
        <button type="button" className="btn" onClick={onAnother}>
          {t('spreadsheet.import.importAnother')}
        </button>
      </p>
    </div>
  )
}
