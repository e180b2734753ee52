// What every edit screen does around its fields: Simpan judges the form, sends it, says so in a
// toast and goes on (to the record, or back); a refusal lands on the fields it names; Batal, Esc
// and links ask before throwing away what was typed. The screen keeps only its own fields.

import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { isDateUnderstood } from './DateInput'
import { focusFirstInvalid, serverErrors, type FieldErrors } from './form'
import { useToasts, type ToastInput } from './Toasts'
import { useDiscardGuard } from './useDiscardGuard'

/** The part of `useFormState` a screen drives; `O` is what the schema makes of the values. */
export interface ScreenForm<V, O> {
  values: V
  dirty: boolean
  submitted: boolean
  server: FieldErrors
  parsed: { success: true; data: O } | { success: false }
  setSubmitted: (submitted: boolean) => void
  setBaseline: (values: V) => void
  setServer: (errors: FieldErrors) => void
  errorOf: (key: string) => string | null
}

export interface FormScreenOptions<O, R> {
  /** Creates or updates with what the schema accepted. */
  send: (input: O) => Promise<R>
  toast: (saved: R) => ToastInput
  /** After the toast: usually to the saved record. */
  afterSave: (saved: R) => void
  /** Where Batal (or Esc) goes once nothing is lost or the person agreed. */
  leave: () => void
  /** Rules the schema cannot judge alone (a NIK the core knows, an end before the start): they hold the save too. */
  invalid?: boolean
  /** For refusals that need more than `serverErrors` (a duplicate's holder, nested rows by path). */
  refused?: (e: unknown, errors: FieldErrors) => FieldErrors | Promise<FieldErrors>
}

export interface FormScreen {
  saving: boolean
  formRef: RefObject<HTMLFormElement | null>
  save: () => Promise<void>
  cancel: () => void
  /** The "discard changes?" question; render it once, outside the form. */
  dialog: ReactNode
  /** After a submit: some field or rule still needs fixing. */
  showFixErrors: boolean
  /** A date field's message: how to type a date the field could not read, else the rule's. */
  dateError: (key: string) => string | null
  /** Spread on EditForm and FormFooter. */
  editFormProps: { formRef: RefObject<HTMLFormElement | null>; onSave: () => void; onCancel: () => void }
  footerProps: { showFixErrors: boolean; formError: string | null; saving: boolean; onCancel: () => void }
}

export function useFormScreen<V extends Record<string, unknown>, O, R>(form: ScreenForm<V, O>, options: FormScreenOptions<O, R>): FormScreen {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const { cancel, dialog } = useDiscardGuard(form.dirty && !saving, options.leave)
  const invalid = options.invalid ?? false

  // A refused field is focused once it is drawn as invalid (and Simpan is enabled again): the
  // refusal arrives outside any event, so its render is not done yet when the catch runs.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(formRef.current)
  }, [refusals])

  async function save() {
    if (saving) return
    form.setSubmitted(true)
    if (!form.parsed.success || invalid) {
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    try {
      const saved = await options.send(form.parsed.data)
      form.setBaseline(form.values)
      toasts.push(options.toast(saved))
      options.afterSave(saved)
    } catch (e) {
      const errors = serverErrors(e)
      form.setServer(options.refused ? await options.refused(e, errors) : errors)
      setRefusals((n) => n + 1)
    } finally {
      setSaving(false)
    }
  }

  function dateError(key: string): string | null {
    const err = form.errorOf(key)
    return err && !form.server[key] && !isDateUnderstood(form.values[key] as string) ? t('date.notUnderstood') : err
  }

  const showFixErrors = form.submitted && (!form.parsed.success || invalid)
  return {
    saving,
    formRef,
    save,
    cancel,
    dialog,
    showFixErrors,
    dateError,
    editFormProps: { formRef, onSave: () => void save(), onCancel: cancel },
    footerProps: { showFixErrors, formError: form.errorOf('_form'), saving, onCancel: cancel },
  }
}
