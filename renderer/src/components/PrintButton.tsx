import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintDocument, PrintRequest } from '@shared/contract'
import { call, errorMessage } from '../api/client'
import { ErrorBox } from './ErrorBox'
import { Loading } from './Loading'
import { useToasts } from './Toasts'
import './print-button.css'

/** Opens a print preview of a document the core renders (kartu kompetensi, daftar hadir). */
export function PrintButton(props: { request: PrintRequest; label: string; className?: string }) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={buttonRef} type="button" className={props.className ?? 'btn'} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {props.label}
      </button>
      {open && (
        <PrintPreview
          request={props.request}
          onClose={() => {
            setOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </>
  )
}

type Load = { status: 'loading' } | { status: 'done'; doc: PrintDocument } | { status: 'error'; message: string }

/** Room kept on each side of the sheet in the preview, in CSS pixels. */
const GUTTER = 12

/**
 * Scales the sheet in the frame to the frame's width: an A4 landscape list (297 mm, 1,123 px)
 * is wider than the preview at 1,366 px and was cut off. The scale is a `zoom` under
 * `@media screen`, so printing and the PDF keep the page at its real size. The frame runs no
 * script (sandbox); allow-same-origin lets this page reach its document.
 */
function fitSheet(frame: HTMLIFrameElement) {
  const doc = frame.contentDocument
  if (!doc?.body) return
  let style = doc.getElementById('simpul-fit') as HTMLStyleElement | null
  if (!style) {
    style = doc.createElement('style')
    style.id = 'simpul-fit'
    doc.head.appendChild(style)
  }
  style.textContent = ''
  const view = doc.defaultView
  const margin = view ? parseFloat(view.getComputedStyle(doc.body).marginTop) || 0 : 0
  const sheet = doc.body.offsetWidth + 2 * Math.max(margin, GUTTER)
  const room = doc.documentElement.clientWidth
  const scale = Math.min(1, room / sheet)
  if (scale < 1) style.textContent = `@media screen { html { zoom: ${scale.toFixed(4)}; } }`
  frame.dataset.scale = scale.toFixed(2)
}

/**
 * The document in a frame that can neither run script nor reach the app: `sandbox` without
 * allow-scripts. allow-same-origin lets this page call the frame's print(), and allow-modals
 * lets that print dialog open; neither gives a script-less page any power of its own.
 * The native <dialog> gives the focus trap, Esc and the inert background (as ConfirmDialog).
 */
function PrintPreview({ request, onClose }: { request: PrintRequest; onClose: () => void }) {
  const { t } = useTranslation()
  const { push } = useToasts()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const frameRef = useRef<HTMLIFrameElement>(null)
  const fitObserver = useRef<ResizeObserver | null>(null)
  useEffect(() => () => fitObserver.current?.disconnect(), [])
  const printRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const hintId = useId()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  const [saving, setSaving] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const desktop = typeof window !== 'undefined' && Boolean(window.simpul)
  const requestKey = JSON.stringify(request)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    closeRef.current?.focus()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  useEffect(() => {
    let live = true
    call('print:document', JSON.parse(requestKey) as PrintRequest).then(
      (doc) => live && setLoad({ status: 'done', doc }),
      (e: unknown) => live && setLoad({ status: 'error', message: errorMessage(e) }),
    )
    return () => {
      live = false
    }
  }, [requestKey, tick])

  /**
   * The modal closes first (while it is open the rest of the page is inert and cannot take the
   * focus back); its close event then tells the button. The browser may also close it on its
   * own (a second Esc), which goes the same way.
   */
  function close() {
    const dialog = dialogRef.current
    if (dialog?.open) dialog.close()
    else onClose()
  }

  async function savePdf() {
    setSaving(true)
    setActionError(null)
    try {
      const saved = await call('print:savePdf', request)
      if (saved) push({ message: t('print.saved', { path: saved.path }), tone: 'success', duration: 10_000 })
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  function print() {
    setActionError(null)
    const frame = frameRef.current?.contentWindow
    if (!frame) {
      setActionError(t('print.printFailed'))
      return
    }
    frame.focus()
    frame.print()
    // print() returns when the browser's dialog closes; focus comes back to the modal so Esc works again.
    printRef.current?.focus()
  }

  const doc = load.status === 'done' ? load.doc : null
  return (
    <dialog
      ref={dialogRef}
      className="dialog print-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault()
        if (!saving) close()
      }}
    >
      <div className="print-dialog-head">
        <h2 id={titleId} className="dialog-title">
          {doc ? t('print.previewOf', { title: doc.title }) : t('print.title')}
        </h2>
        <p id={hintId} className="print-dialog-hint">
          {desktop ? t('print.desktopHint') : t('print.browserHint')}
        </p>
      </div>
      <div className="print-dialog-body">
        {load.status === 'loading' && <Loading label={t('print.loading')} />}
        {load.status === 'error' && (
          <ErrorBox
            message={load.message}
            onRetry={() => {
              setLoad({ status: 'loading' })
              setTick((n) => n + 1)
            }}
          />
        )}
        {doc && (
          <iframe
            ref={frameRef}
            className="print-frame"
            title={t('print.frameTitle', { title: doc.title })}
            sandbox="allow-same-origin allow-modals"
            srcDoc={doc.html}
            onLoad={(e) => {
              const frame = e.currentTarget
              fitSheet(frame)
              // The window (and with it the dialog) may change size while the preview is open.
              fitObserver.current?.disconnect()
              fitObserver.current = new ResizeObserver(() => fitSheet(frame))
              fitObserver.current.observe(frame)
              // Once a person clicks or scrolls in the page, keys go to the frame: Esc there still
              // closes the preview, through the dialog's own cancel path.
              frame.contentWindow?.addEventListener('keydown', (ev) => {
                if (ev.key === 'Escape') dialogRef.current?.dispatchEvent(new Event('cancel', { cancelable: true }))
              })
            }}
          />
        )}
      </div>
      {actionError && <ErrorBox message={actionError} />}
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="btn" onClick={close} disabled={saving}>
          {t('print.close')}
        </button>
        <button ref={printRef} type="button" className={desktop ? 'btn' : 'btn btn-primary'} onClick={print} disabled={!doc || saving}>
          {t('print.print')}
        </button>
        {desktop && (
          <button type="button" className="btn btn-primary" onClick={() => void savePdf()} disabled={!doc || saving}>
            {saving ? t('print.saving') : t('print.savePdf')}
          </button>
        )}
      </div>
    </dialog>
  )
}
