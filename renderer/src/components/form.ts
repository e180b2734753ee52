// Form plumbing shared by the Posyandu and kader forms: the contract's zod schema validates as
// people type (same rules and same Indonesian messages as the core), and errors the core
// returns anyway land on their field.

import { useCallback, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { CallError, errorMessage } from '../api/client'

export type FieldErrors = Record<string, string>

/** First message per top-level field ("spmFields.0" → "spmFields"). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '_form')
    out[key] ??= issue.message
  }
  return out
}

/** The core's refusal, spread over the fields it names; the rest is a form-level message. */
export function serverErrors(e: unknown): FieldErrors {
  if (!(e instanceof CallError)) return { _form: errorMessage(e) }
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(e.shape.fields ?? {})) {
    const key = path.split('.')[0] || '_form'
    out[key] ??= message
  }
  if (e.shape.field) out[e.shape.field] ??= e.shape.message
  if (!Object.keys(out).length) out._form = e.shape.message
  return out
}

/**
 * `toInput` maps what the fields hold (always strings, "" for blank) to what the contract takes
 * (null for a blank optional choice), so the zod schema judges exactly what would be sent.
 */
export function useFormState<V extends Record<string, unknown>, S extends z.ZodType>(initial: V, schema: S, toInput: (v: V) => unknown = (v) => v) {
  const [values, setValues] = useState<V>(initial)
  const [baseline, setBaseline] = useState<V>(initial)
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<FieldErrors>({})

  const toInputRef = useRef(toInput)
  toInputRef.current = toInput
  const parsed = useMemo(() => schema.safeParse(toInputRef.current(values)), [schema, values])
  const client = useMemo<FieldErrors>(() => (parsed.success ? {} : issuesToErrors(parsed.error.issues)), [parsed])

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    setServer((s) => {
      if (!(key as string in s) && !s._form) return s
      const { [key as string]: _drop, _form: _f, ...rest } = s
      return rest
    })
  }, [])
  const touch = useCallback((key: keyof V & string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key))), [])

  /** What to show under a field: the core's word first, then the local rule once the field was left or the form sent. */
  const errorOf = useCallback(
    (key: string): string | null => server[key] ?? ((submitted || touched.has(key)) && client[key] ? client[key]! : null),
    [server, client, submitted, touched],
  )

  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(baseline), [values, baseline])

  const reset = useCallback((v: V) => {
    setValues(v)
    setBaseline(v)
    setTouched(new Set())
    setSubmitted(false)
    setServer({})
  }, [])

  return { values, set, setValues, touch, errorOf, client, parsed, submitted, setSubmitted, server, setServer, dirty, reset, setBaseline }
}

/** What a part of a form needs to draw its fields: the values, and how to change, leave and judge them. */
export interface FormFields<V> {
  values: V
  set: <K extends keyof V>(key: K, value: V[K]) => void
  touch: (key: keyof V & string) => void
  errorOf: (key: string) => string | null
}

/** Focus the first field (in document order) that has a message. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  if (!form) return
  window.setTimeout(() => {
    const el = form.querySelector<HTMLElement>('[aria-invalid="true"]')
    if (!el) return
    const target =
      el.tagName === 'FIELDSET' ? (el.querySelector<HTMLElement>('input,select,textarea,button') ?? el) : el
    target.focus()
    target.scrollIntoView({ block: 'center' })
  }, 0)
}
