// Kunci kantor → Pulihkan kantor (a Dinas or a Puskesmas): the recovery paket for the new
// installation of an office whose PC was lost. The new key card is read with the fingerprint
// typed from the phone call (a mismatch is refused on the field), the office and the records are
// shown, then the paket is written into the chosen folder.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaketRecoveryCheck, PaketRecoveryResult, SiteLevel } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { ErrorBox } from '../../components/ErrorBox'
import { Fingerprint } from '../../components/Fingerprint'
import { PathField, useSuggestedPath } from '../../components/PathField'
import { formatNumber } from '../../i18n/format'
import { countRows, kindLabel } from '../paket/paketFormat'

/** `onWritten`: the trusted offices changed (the new card; at the kota, the old key revoked). */
export function PulihkanKantor({ level, defaultFolder, onWritten }: { level: SiteLevel; defaultFolder: string; onWritten: () => void }) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const [errors, setErrors] = useState<{ cardPath?: string; fingerprint?: string; folder?: string; form?: string }>({})
  const [busy, setBusy] = useState<'check' | 'write' | null>(null)
  const [checked, setChecked] = useState<(PaketRecoveryCheck & { cardPath: string; fingerprint: string }) | null>(null)
  const [written, setWritten] = useState<PaketRecoveryResult | null>(null)
  const cardRef = useRef<HTMLInputElement>(null)
  const typedRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const checkedRef = useRef<HTMLHeadingElement>(null)
  const writtenRef = useRef<HTMLDivElement>(null)
  const sep = defaultFolder.includes('\\') ? '\\' : '/'
  const { value: shownCard, set: setCardPath, hold: holdCard } = useSuggestedPath(defaultFolder ? defaultFolder.replace(/[\\/]?$/, sep) : '')
  const { value: shownFolder, set: setFolder, hold: holdFolder } = useSuggestedPath(defaultFolder)

  useEffect(() => {
    if (checked) checkedRef.current?.focus()
  }, [checked])
  useEffect(() => {
    if (written) writtenRef.current?.focus()
  }, [written])

  async function check(e: FormEvent) {
    e.preventDefault()
    setChecked(null)
    setWritten(null)
    const next: typeof errors = {}
    if (!shownCard.trim()) next.cardPath = t('pemulihan.cardPathRequired')
    if (!typed.trim()) next.fingerprint = t('pemulihan.fingerprintRequired')
    setErrors(next)
    if (next.cardPath) return cardRef.current?.focus()
    if (next.fingerprint) return typedRef.current?.focus()
    setBusy('check')
    try {
      const r = await call('paket:recoveryCheck', { cardPath: shownCard.trim(), fingerprint: typed.trim() })
      setChecked({ ...r, cardPath: shownCard.trim(), fingerprint: typed.trim() })
    } catch (err) {
      const field = err instanceof CallError ? err.shape.field : undefined
      if (field === 'fingerprint') {
        setErrors({ fingerprint: (err as CallError).shape.message })
        typedRef.current?.focus()
      } else if (field === 'path' || field === 'cardPath') {
        setErrors({ cardPath: (err as CallError).shape.message })
        cardRef.current?.focus()
      } else setErrors({ form: errorMessage(err) })
    } finally {
      setBusy(null)
    }
  }

  async function write(e: FormEvent) {
    e.preventDefault()
    if (!checked) return
    if (!shownFolder.trim()) {
      setErrors({ folder: t('pemulihan.folderRequired') })
      return folderRef.current?.focus()
    }
    setErrors({})
    setBusy('write')
    try {
      setWritten(await call('paket:recover', { cardPath: checked.cardPath, fingerprint: checked.fingerprint, folder: shownFolder.trim() }))
      setChecked(null)
      setTyped('')
      onWritten()
    } catch (err) {
      if (err instanceof CallError && err.shape.field === 'folder') {
        setErrors({ folder: err.shape.message })
        folderRef.current?.focus()
      } else setErrors({ form: errorMessage(err) })
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="card" aria-labelledby="pulihkan-title" data-testid="pulihkan-kantor">
      <h2 id="pulihkan-title" className="card-title">
        {t('pemulihan.title')}
      </h2>
      <p className="muted">{t('pemulihan.intro')}</p>
      <p className="muted">{level === 'kota' ? t('pemulihan.introKota') : t('pemulihan.introPuskesmas')}</p>
      <form className="kunci-form" onSubmit={(e) => void check(e)} noValidate>
        <PathField
          id="pulihkan-card"
          label={t('pemulihan.cardPath')}
          help={t('pemulihan.cardPathHelp')}
          value={shownCard}
          onFocus={holdCard}
          onChange={(v) => {
            setCardPath(v)
            setErrors((x) => ({ ...x, cardPath: undefined }))
          }}
          error={errors.cardPath ?? null}
          inputRef={cardRef}
          disabled={busy !== null}
          pick="file"
          pickedFolderNote={t('pemulihan.cardPathFolderHelp')}
        />
        <div className={errors.fingerprint ? 'field field-invalid' : 'field'}>
          <label htmlFor="pulihkan-fingerprint" className="field-label">
            {t('pemulihan.fingerprint')}
          </label>
          <input
            id="pulihkan-fingerprint"
            ref={typedRef}
            type="text"
            className="kunci-typed-input mono"
            value={typed}
            readOnly={busy !== null}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={40}
            aria-required="true"
            aria-invalid={errors.fingerprint ? true : undefined}
            aria-describedby="pulihkan-fingerprint-help pulihkan-fingerprint-error"
            onChange={(e) => {
              setTyped(e.target.value)
              setErrors((x) => ({ ...x, fingerprint: undefined }))
            }}
          />
          <p id="pulihkan-fingerprint-help" className="field-help">
            {t('pemulihan.fingerprintHelp')}
          </p>
          <p id="pulihkan-fingerprint-error" className="field-error" role="alert" hidden={!errors.fingerprint}>
            {errors.fingerprint}
          </p>
        </div>
        <p>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'check' ? t('pemulihan.checking') : t('pemulihan.check')}
          </button>
        </p>
      </form>
      {errors.form && <ErrorBox message={errors.form} />}

      {checked && (
        <div className="kunci-result" data-testid="pulihkan-checked">
          <h3 ref={checkedRef} tabIndex={-1} className="sub-title">
            {t('pemulihan.checkedTitle')}
          </h3>
          <dl className="dl">
            <div className="dl-item">
              <dt>{t('pemulihan.office')}</dt>
              <dd>
                {checked.office.name} <span className="muted">({t(`level.${checked.office.level}`)})</span>
              </dd>
            </div>
            <div className="dl-item">
              <dt>{t('pemulihan.area')}</dt>
              <dd>
                {checked.office.areaName} <span className="mono muted">({checked.office.areaCode})</span>
              </dd>
            </div>
            <div className="dl-item">
              <dt>{t('pemulihan.newFingerprint')}</dt>
              <dd>
                <Fingerprint value={checked.office.fingerprint} />
              </dd>
            </div>
            <div className="dl-item">
              <dt>{t('pemulihan.replaces')}</dt>
              <dd>{checked.predecessors.join(', ')}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('pemulihan.records')}</dt>
              <dd data-testid="pulihkan-records">{t('pemulihan.recordsCount', { n: formatNumber(checked.records) })}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="table" aria-label={t('pemulihan.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('pemulihan.colKind')}</th>
                  <th scope="col" className="num">
                    {t('pemulihan.colCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {countRows(checked.counts).map((r) => (
                  <tr key={r.kind}>
                    <th scope="row">{kindLabel(r.kind)}</th>
                    <td className="num">{formatNumber(r.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form className="kunci-form" onSubmit={(e) => void write(e)} noValidate>
            <PathField
              id="pulihkan-folder"
              label={t('pemulihan.folder')}
              help={t('pemulihan.folderHelp')}
              value={shownFolder}
              onFocus={holdFolder}
              onChange={(v) => {
                setFolder(v)
                setErrors((x) => ({ ...x, folder: undefined }))
              }}
              error={errors.folder ?? null}
              inputRef={folderRef}
              disabled={busy !== null}
              pick="folder"
            >
              <button type="submit" className="btn btn-primary" disabled={busy !== null}>
                {busy === 'write' ? t('pemulihan.writing') : t('pemulihan.write')}
              </button>
            </PathField>
          </form>
        </div>
      )}

      {written && (
        <div className="kunci-result" ref={writtenRef} tabIndex={-1} role="status" data-testid="pulihkan-written">
          <p className="ok-note">
            <span aria-hidden="true">✓ </span>
            {t('pemulihan.written', { file: written.fileName, n: formatNumber(written.records) })}
          </p>
          <p className="mono small muted">{written.path}</p>
          {written.revoked > 0 && <p>{t('pemulihan.writtenRevoked', { names: written.predecessors.join(', ') })}</p>}
          <p>{t('pemulihan.writtenHint')}</p>
        </div>
      )}
    </section>
  )
}
