// The records a page keeps below its own form (a Posyandu's equipment, a kader's incentives): the
// list, one small form to add or correct a line, and removing a line, each with its toast. The
// list is read again after every change; the form's first field takes the focus when it opens or
// turns to another line.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { errorMessage } from '../api/client'
import { useToasts } from './Toasts'

export function useChildRecords<Row, Draft extends { id: string | null }, First extends HTMLElement>(load: () => Promise<Row[]>, deps: unknown[]) {
  const toasts = useToasts()
  const [rows, setRows] = useState<Row[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const firstRef = useRef<First>(null)

  const reload = () =>
    load().then(
      (rs) => setRows(rs),
      (e: unknown) => setLoadError(errorMessage(e)),
    )
  useEffect(() => {
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  const draftKey = draft ? (draft.id ?? 'new') : null
  useEffect(() => {
    if (draftKey) firstRef.current?.focus()
  }, [draftKey])

  return {
    rows,
    loadError,
    draft,
    saveError,
    busy,
    firstRef,
    /** Opens the form on a new or an existing line. */
    open: (d: Draft) => {
      setSaveError(null)
      setDraft(d)
    },
    close: () => setDraft(null),
    set: <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d)),
    /** `write` saves the draft and returns the toast's message; an error stays in the form. */
    async save(e: FormEvent, write: (d: Draft) => Promise<string>) {
      e.preventDefault()
      if (!draft) return
      setBusy(true)
      setSaveError(null)
      try {
        toasts.push({ message: await write(draft), tone: 'success' })
        setDraft(null)
        await reload()
      } catch (err) {
        setSaveError(errorMessage(err))
      } finally {
        setBusy(false)
      }
    },
    /** `write` removes a line and returns the toast's message. */
    async remove(write: () => Promise<string>) {
      try {
        toasts.push({ message: await write(), tone: 'success' })
        await reload()
      } catch (err) {
        toasts.push({ message: errorMessage(err), tone: 'error', duration: 10_000 })
      }
    },
  }
}
