// A meeting's attachments: photos of the meeting and the scan of the signed attendance list.
// Files travel to the core as base64 (the contract), one at a time so the progress line is
// honest; images show as thumbnails drawn from blob: URLs made in this page.

import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttachmentInfo, AttachmentKind } from '@shared/contract'
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from '@shared/domain/meeting'
import { call, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useToasts } from '../../components/Toasts'
import { formatDateTime, formatNumber } from '../../i18n/format'

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

function blobOf(dataBase64: string, mime: string): Blob {
  const bin = atob(dataBase64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

function blobAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(blob)
  })
}

const isImage = (mime: string) => mime.startsWith('image/')

/** The file's content as a blob: URL for this page, revoked when the thumbnail goes away. */
function useAttachmentUrl(att: AttachmentInfo, wanted: boolean) {
  const [state, setState] = useState<{ url: string; blob: Blob } | { error: string } | null>(null)
  useEffect(() => {
    if (!wanted) return
    let live = true
    let made: string | null = null
    call('meeting:attachment', { id: att.id }).then(
      (file) => {
        if (!live) return
        const blob = blobOf(file.dataBase64, file.mime || att.mime)
        made = URL.createObjectURL(blob)
        setState({ url: made, blob })
      },
      (e: unknown) => live && setState({ error: errorMessage(e) }),
    )
    return () => {
      live = false
      if (made) URL.revokeObjectURL(made)
    }
  }, [att.id, att.mime, wanted])
  return state
}

function Thumbnail({ att, onView }: { att: AttachmentInfo; onView: (src: string) => void }) {
  const { t } = useTranslation()
  const file = useAttachmentUrl(att, isImage(att.mime))
  const [fallback, setFallback] = useState<string | null>(null)
  if (!isImage(att.mime)) {
    return (
      <div className="attachment-icon" aria-hidden="true">
        {(att.fileName.split('.').pop() ?? '').toUpperCase().slice(0, 4) || t('meeting.attach.file')}
      </div>
    )
  }
  if (!file) return <div className="attachment-icon skeleton" aria-hidden="true" />
  if ('error' in file) return <div className="attachment-icon">{t('meeting.attach.noPreview')}</div>
  const src = fallback ?? file.url
  return (
    <button type="button" className="attachment-thumb" onClick={() => onView(src)} aria-label={t('meeting.attach.view', { name: att.fileName })}>
      <img
        src={src}
        alt=""
        onError={() => {
          // A Content-Security-Policy without blob: in img-src refuses the URL; a data: URL of the same bytes is allowed.
          if (!fallback) void blobAsDataUrl(file.blob).then(setFallback)
        }}
      />
    </button>
  )
}

function ImageDialog({ src, name, onClose }: { src: string; name: string; onClose: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])
  return (
    <dialog ref={ref} className="dialog image-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="dialog-title">
        {name}
      </h2>
      <img src={src} alt={name} className="image-dialog-img" />
      <div className="dialog-actions">
        <button type="button" className="btn" autoFocus onClick={() => ref.current?.close()}>
          {t('app.close')}
        </button>
      </div>
    </dialog>
  )
}

/**
 * A meeting's attachments (with their kind), or a follow-up's evidence: photos and scans whose
 * kind follows from their content. Either way the core checks each file by its first bytes.
 */
export function AttachmentList({
  meetingId,
  followUpId,
  attachments,
  onChanged,
}: {
  attachments: AttachmentInfo[]
  onChanged: () => void
} & ({ meetingId: string; followUpId?: undefined } | { followUpId: string; meetingId?: undefined })) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [kind, setKind] = useState<AttachmentKind>('foto')
  const [progress, setProgress] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [viewing, setViewing] = useState<{ src: string; name: string } | null>(null)
  const [removing, setRemoving] = useState<AttachmentInfo | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const send = (file: { fileName: string; mime: string; dataBase64: string }) =>
    followUpId ? call('followUp:addAttachment', { followUpId, fileName: file.fileName, dataBase64: file.dataBase64 }) : call('meeting:addAttachment', { meetingId: meetingId!, kind, ...file })

  // A second change event while files are still going up is not a second upload.
  const uploading = useRef(false)

  async function upload(files: File[]) {
    if (!files.length || uploading.current) return
    uploading.current = true
    setBusy(true)
    setErrors([])
    const failed: string[] = []
    let done = 0
    for (const [i, file] of files.entries()) {
      setProgress(t('meeting.attach.uploading', { i: i + 1, n: files.length, name: file.name }))
      // Refused here before reading: a file this big would only be read to be refused.
      if (file.size > MAX_ATTACHMENT_BYTES) {
        failed.push(t('meeting.attach.tooLarge', { name: file.name, size: formatSize(file.size), max: formatSize(MAX_ATTACHMENT_BYTES) }))
        continue
      }
      try {
        const dataBase64 = await readBase64(file)
        await send({ fileName: file.name, mime: file.type || 'application/octet-stream', dataBase64 })
        done += 1
      } catch (e) {
        failed.push(t('meeting.attach.failed', { name: file.name, message: errorMessage(e) }))
      }
    }
    setProgress('')
    setErrors(failed)
    setBusy(false)
    uploading.current = false
    if (fileRef.current) fileRef.current.value = ''
    if (done > 0) {
      toasts.push({ message: t('meeting.attach.uploaded', { count: done }), tone: 'success' })
      onChanged()
    }
  }

  async function download(att: AttachmentInfo) {
    try {
      const file = await call('meeting:attachment', { id: att.id })
      const url = URL.createObjectURL(blobOf(file.dataBase64, file.mime || att.mime))
      const a = document.createElement('a')
      a.href = url
      a.download = file.fileName || att.fileName
      document.body.append(a)
      a.click()
      a.remove()
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    }
  }

  const removingNow = useRef(false)

  async function remove() {
    const att = removing
    setRemoving(null)
    // A double click on the confirm button would remove it twice: the second a "not found".
    if (!att || removingNow.current) return
    removingNow.current = true
    try {
      await call('meeting:removeAttachment', { id: att.id })
      toasts.push({ message: t('meeting.attach.removed', { name: att.fileName }), tone: 'success' })
      onChanged()
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error', duration: 10_000 })
    } finally {
      removingNow.current = false
    }
  }

  return (
    <div className="attachments">
      <div className="attach-upload">
        {!followUpId && (
          <div className="field">
            <label htmlFor="att-kind" className="field-label">
              {t('meeting.attach.kindLabel')}
            </label>
            <select id="att-kind" value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)} disabled={busy}>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meeting.attach.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {/* The browser's own file field speaks the browser's language ("Choose Files"): it stays
            reachable by Tab and by screen readers, hidden behind a button in the office's words. */}
        <div className="field grow file-picker">
          <span className="field-label" aria-hidden="true">
            {t('meeting.attach.fileHeading')}
          </span>
          <input
            ref={fileRef}
            id="att-file"
            className="sr-only"
            type="file"
            multiple
            accept="image/*,application/pdf"
            aria-describedby="att-file-help"
            disabled={busy}
            onChange={(e) => void upload([...(e.target.files ?? [])])}
          />
          <label htmlFor="att-file" className={`btn btn-primary file-button ${busy ? 'is-busy' : ''}`}>
            {t('meeting.attach.fileLabel')}
          </label>
          <p id="att-file-help" className="field-help">
            {t('meeting.attach.fileHelp', { max: formatSize(MAX_ATTACHMENT_BYTES) })}
          </p>
        </div>
      </div>
      <p className="muted" role="status" aria-live="polite">
        {progress}
      </p>
      {errors.length > 0 && (
        <div className="error-box" role="alert">
          <p className="error-box-title">{t('meeting.attach.errorTitle')}</p>
          {errors.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}
      {attachments.length === 0 ? (
        <p className="muted">{followUpId ? t('followUp.evidenceFiles.none') : t('meeting.attach.none')}</p>
      ) : (
        <ul className="attachment-grid" aria-label={followUpId ? t('followUp.evidenceFiles.listLabel') : t('meeting.attach.listLabel')}>
          {attachments.map((att) => (
            <li key={att.id} className="attachment-card">
              <Thumbnail att={att} onView={(src) => setViewing({ src, name: att.fileName })} />
              <div className="attachment-meta">
                <span className="attachment-name">{att.fileName}</span>
                <span className="muted small">
                  {followUpId ? t(`followUp.evidenceFiles.kind.${att.kind}`) : t(`meeting.attach.kind.${att.kind}`)} · {formatSize(att.size)}
                </span>
                <span className="muted small">{formatDateTime(att.createdAt)}</span>
              </div>
              <div className="inline-actions">
                <button type="button" className="btn btn-small" onClick={() => void download(att)} aria-label={t('meeting.attach.download', { name: att.fileName })}>
                  {t('meeting.attach.downloadShort')}
                </button>
                <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRemoving(att)} aria-label={t('meeting.attach.remove', { name: att.fileName })}>
                  {t('meeting.attach.removeShort')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {viewing && <ImageDialog src={viewing.src} name={viewing.name} onClose={() => setViewing(null)} />}
      <ConfirmDialog
        open={removing !== null}
        title={t('meeting.attach.removeTitle')}
        confirmLabel={t('meeting.attach.removeYes')}
        cancelLabel={t('meeting.attach.removeNo')}
        danger
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t(followUpId ? 'followUp.evidenceFiles.removeBody' : 'meeting.attach.removeBody', { name: removing?.fileName ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
