// First run, "Pulihkan dari Puskesmas/Dinas", once the office is set up for its old area: save
// the new key card to the stick and read its fingerprint to the officer; find the recovery paket
// on the stick; compare the sender's fingerprint (as with the Dinas's setup paket) and bring the
// records back. Each step is the ordinary call (kunci:saveCard, paket:scan/preview/import), so a
// person who stops halfway can finish later in Kirim/Terima Paket → Terima.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketFile, PaketImportSummary } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Fingerprint } from '../../components/Fingerprint'
import { PathField } from '../../components/PathField'
import { formatNumber } from '../../i18n/format'
import { needsConfirmation, SenderKey } from '../paket/SenderKey'
import { countRows, kindLabel } from '../paket/paketFormat'

export function RecoverySteps({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const [folder, setFolder] = useState('')
  const [folderError, setFolderError] = useState<string | null>(null)
  const [card, setCard] = useState<{ fileName: string; path: string; fingerprint: string } | null>(null)
  const [busy, setBusy] = useState<'card' | 'find' | 'preview' | 'import' | null>(null)
  const [files, setFiles] = useState<PaketFile[] | null>(null)
  const [preview, setPreview] = useState<PaketImportSummary | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [confirmed, setConfirmed] = useState(false)
  const [done, setDone] = useState<PaketImportSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const paketRef = useRef<HTMLInputElement>(null)
  const step2Ref = useRef<HTMLHeadingElement>(null)
  const step3Ref = useRef<HTMLHeadingElement>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const [paketFolder, setPaketFolder] = useState<string | null>(null)
  const [paketError, setPaketError] = useState<string | null>(null)

  useEffect(() => {
    if (card) step2Ref.current?.focus()
  }, [card])
  useEffect(() => {
    if (preview) step3Ref.current?.focus()
  }, [preview])
  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  async function saveCard(e: FormEvent) {
    e.preventDefault()
    if (!folder.trim()) {
      setFolderError(t('kunci.folderRequired'))
      return folderRef.current?.focus()
    }
    setBusy('card')
    setFolderError(null)
    try {
      setCard(await call('kunci:saveCard', { folder: folder.trim() }))
    } catch (err) {
      setFolderError(errorMessage(err))
      folderRef.current?.focus()
    } finally {
      setBusy(null)
    }
  }

  const shownPaketFolder = paketFolder ?? folder

  async function find(e: FormEvent) {
    e.preventDefault()
    setPreview(null)
    setError(null)
    setBusy('find')
    try {
      const all = await call('paket:scan', { folder: shownPaketFolder.trim() })
      // Only what this office can open: a paket for it that it has not imported.
      setFiles(all.filter((f) => f.manifest && !f.error && !f.own && !f.importedAt))
      setPaketError(null)
    } catch (err) {
      setFiles(null)
      setPaketError(err instanceof CallError ? err.shape.message : errorMessage(err))
      paketRef.current?.focus()
    } finally {
      setBusy(null)
    }
  }

  async function choose(f: PaketFile) {
    setError(null)
    setBusy('preview')
    setConfirmed(false)
    try {
      setPreview(await call('paket:preview', { path: f.path }))
      setChosen(f.path)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  async function restore(e: FormEvent) {
    e.preventDefault()
    if (!preview || !chosen) return
    const mustConfirm = needsConfirmation(preview.senderKey, preview.alreadyImportedAt !== null)
    setError(null)
    setBusy('import')
    try {
      setDone(await call('paket:import', { path: chosen, acceptFingerprint: mustConfirm && confirmed ? preview.senderKey.fingerprint : null }))
      setPreview(null)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  if (done) {
    const back = done.kinds.reduce((a, k) => a + k.new + k.updated, 0)
    return (
      <div className="kunci-result" ref={doneRef} tabIndex={-1} role="status" data-testid="recovery-done">
        <p className="ok-note">
          <span aria-hidden="true">✓ </span>
          {t('pemulihan.restored', { n: formatNumber(back) })}
        </p>
        <ul>
          {countRows(Object.fromEntries(done.kinds.map((k) => [k.kind, k.new + k.updated]))).map((r) => (
            <li key={r.kind}>
              {kindLabel(r.kind)}: {formatNumber(r.n)}
            </li>
          ))}
        </ul>
        <p>{t('pemulihan.restoredHint')}</p>
        {done.manifest.sender.level !== 'kota' && <p className="notice">{t('pemulihan.fromPuskesmasHint')}</p>}
        {done.warnings.map((w) => (
          <p key={w} className="notice">
            {w}
          </p>
        ))}
        <div className="form-actions">
          <button type="button" className="btn btn-primary btn-large" onClick={onDone}>
            {t('pemulihan.start')}
          </button>
        </div>
      </div>
    )
  }

  const mustConfirm = preview ? needsConfirmation(preview.senderKey, preview.alreadyImportedAt !== null) : false
  return (
    <div className="recovery-steps" data-testid="recovery-steps">
      <section aria-labelledby="recovery-step1">
        <h2 id="recovery-step1" className="section-title">
          {t('pemulihan.step1')}
        </h2>
        <form onSubmit={(e) => void saveCard(e)} noValidate>
          <PathField
            id="recovery-folder"
            label={t('kunci.folder')}
            help={t('kunci.folderHelp')}
            value={folder}
            onChange={(v) => {
              setFolder(v)
              setFolderError(null)
            }}
            error={folderError}
            inputRef={folderRef}
            disabled={busy !== null}
            pick="folder"
          >
            <button type="submit" className="btn btn-primary" disabled={busy !== null}>
              {busy === 'card' ? t('kunci.saving') : t('kunci.save')}
            </button>
          </PathField>
        </form>
        {card && (
          <div className="kunci-saved">
            <p className="ok-note">
              <span aria-hidden="true">✓ </span>
              {t('kunci.saved', { file: card.fileName })}
            </p>
            <p>{t('pemulihan.step1Help')}</p>
            <p className="field-label">{t('pemulihan.yourFingerprint')}</p>
            <p data-testid="recovery-own-fingerprint">
              <Fingerprint value={card.fingerprint} large />
            </p>
          </div>
        )}
      </section>

      {card && (
        <section aria-labelledby="recovery-step2">
          <h2 id="recovery-step2" ref={step2Ref} tabIndex={-1} className="section-title">
            {t('pemulihan.step2')}
          </h2>
          <p className="field-help">{t('pemulihan.step2Help')}</p>
          <form onSubmit={(e) => void find(e)} noValidate>
            <PathField
              id="recovery-paket-folder"
              label={t('pemulihan.paketFolder')}
              help={t('kunci.folderHelp')}
              value={shownPaketFolder}
              onChange={(v) => {
                setPaketFolder(v)
                setPaketError(null)
              }}
              error={paketError}
              inputRef={paketRef}
              disabled={busy !== null}
              pick="folder"
            >
              <button type="submit" className="btn btn-primary" disabled={busy !== null}>
                {busy === 'find' ? t('pemulihan.finding') : t('pemulihan.find')}
              </button>
            </PathField>
          </form>
          {files && files.length === 0 && <p className="notice">{t('pemulihan.noneFound')}</p>}
          {files && files.length > 0 && (
            <ul className="recovery-files">
              {files.map((f) => (
                <li key={f.path}>
                  <button type="button" className="btn" disabled={busy !== null} onClick={() => void choose(f)}>
                    {t('pemulihan.choose', { name: f.manifest!.sender.name })}
                  </button>{' '}
                  <span className="mono small muted">{f.fileName}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {preview && (
        <section aria-labelledby="recovery-step3">
          <h2 id="recovery-step3" ref={step3Ref} tabIndex={-1} className="section-title">
            {t('pemulihan.step3')}
          </h2>
          <p className="field-help">{t('pemulihan.step3Help', { name: preview.manifest.sender.name })}</p>
          <form onSubmit={(e) => void restore(e)} noValidate>
            <SenderKey
              senderKey={preview.senderKey}
              senderName={preview.manifest.sender.name}
              applied={false}
              alreadyImported={preview.alreadyImportedAt !== null}
              confirmed={confirmed}
              onConfirm={setConfirmed}
              disabled={busy !== null}
            />
            <p>{t('pemulihan.recordsCount', { n: formatNumber(preview.manifest.records) })}</p>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy !== null || (mustConfirm && !confirmed)}>
                {busy === 'import' ? t('pemulihan.restoring') : t('pemulihan.restore')}
              </button>
            </div>
          </form>
        </section>
      )}

      {error && <ErrorBox message={error} />}
      <p className="muted">{t('pemulihan.laterHint')}</p>
      <button type="button" className="link-button" onClick={onDone}>
        {t('pemulihan.skip')}
      </button>
    </div>
  )
}
