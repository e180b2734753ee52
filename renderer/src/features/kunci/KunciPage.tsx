// Pengaturan → Kunci kantor: this office's key card (to save for another office and to read its
// fingerprint aloud when they call), trusting another office's card after the fingerprint read
// over the phone was typed, and the offices this one trusts.

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardChange, KeyCard, TrustedOffice } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { href } from '../../app/router'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorBox } from '../../components/ErrorBox'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { useCall } from '../../components/useCall'
import { formatDate, formatNumber } from '../../i18n/format'
import { Fingerprint } from '../../components/Fingerprint'
import { PathField, useSuggestedPath } from '../../components/PathField'
import { PulihkanKantor } from './PulihkanKantor'
import './kunci.css'
import { CardChangeList } from './CardChangeList'

type CardStatus = 'new' | 'trusted' | 'changed' | 'self'

export function KunciPage(_props: Record<string, never>) {
  const { t } = useTranslation()
  const state = useCall('kunci:state', {})
  const paket = useCall('paket:state', {})
  // The folder paket last went to is usually the stick the card goes on too.
  const defaultFolder = paket.data?.folder ?? ''

  return (
    <div className="page kunci-page">
      <p className="back-link">
        <a href={href('pengaturan')}>← {t('kunci.backToSettings')}</a>
      </p>
      <PageHeading>{t('kunci.title')}</PageHeading>
      <p className="muted">{t('kunci.intro')}</p>
      {state.status === 'error' && !state.data && <ErrorBox message={state.error} onRetry={state.reload} />}
      {!state.data && state.status === 'loading' && <Loading />}
      {state.data && (
        <>
          <SelfCard self={state.data.self} defaultFolder={defaultFolder} onRotated={state.reload} />
          <TrustCard defaultFolder={defaultFolder} onTrusted={state.reload} />
          <TrustedList trusted={state.data.trusted} canRevoke={state.data.self.level === 'kota'} onChanged={state.reload} />
          {(state.data.self.level === 'kota' || state.data.self.level === 'puskesmas') && <PulihkanKantor level={state.data.self.level} defaultFolder={defaultFolder} onWritten={state.reload} />}
        </>
      )}
    </div>
  )
}

function SelfCard({ self, defaultFolder, onRotated }: { self: KeyCard; defaultFolder: string; onRotated: () => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [rotating, setRotating] = useState(false)

  async function rotate() {
    setRotating(false)
    try {
      const card = await call('kunci:rotate', {})
      toasts.push({ message: t('kunci.rotatedToast', { fingerprint: card.fingerprint }), tone: 'success' })
      onRotated()
    } catch (e) {
      toasts.push({ message: errorMessage(e), tone: 'error' })
    }
  }

  const { value: shown, set: setFolder, hold: holdFolder } = useSuggestedPath(defaultFolder)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<{ fileName: string; path: string } | null>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const savedRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (saved) savedRef.current?.focus()
  }, [saved])

  async function save(e: FormEvent) {
    e.preventDefault()
    const target = shown.trim()
    if (!target) {
      setError(t('kunci.folderRequired'))
      folderRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const r = await call('kunci:saveCard', { folder: target })
      setSaved({ fileName: r.fileName, path: r.path })
    } catch (err) {
      setError(errorMessage(err))
      folderRef.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="kunci-self-title">
      <h2 id="kunci-self-title" className="card-title">
        {t('kunci.selfTitle')}
      </h2>
      <p className="field-help">{t('kunci.selfHelp')}</p>
      <dl className="dl">
        <div className="dl-item">
          <dt>{t('kunci.name')}</dt>
          <dd>{self.name}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('kunci.level')}</dt>
          <dd>{t(`level.${self.level}`)}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('kunci.area')}</dt>
          <dd>
            {self.areaName} <span className="mono muted">({self.areaCode})</span>
          </dd>
        </div>
        <div className="dl-item">
          <dt id="kunci-self-fp-label">{t('kunci.fingerprint')}</dt>
          <dd data-testid="kunci-self-fingerprint">
            <Fingerprint value={self.fingerprint} large />
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('kunci.createdAt')}</dt>
          <dd>{formatDate(self.createdAt)}</dd>
        </div>
      </dl>
      <form className="kunci-form" onSubmit={(e) => void save(e)} noValidate>
        <PathField
          id="kunci-folder"
          label={t('kunci.folder')}
          help={t('kunci.folderHelp')}
          value={shown}
          onFocus={holdFolder}
          onChange={(v) => {
            setFolder(v)
            setError(null)
          }}
          error={error}
          inputRef={folderRef}
          disabled={busy}
          pick="folder"
        >
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('kunci.saving') : t('kunci.save')}
          </button>
        </PathField>
      </form>
      {saved && (
        <div className="kunci-saved kunci-result" ref={savedRef} tabIndex={-1} role="status">
          <p className="ok-note">
            <span aria-hidden="true">✓ </span>
            {t('kunci.saved', { file: saved.fileName })}
          </p>
          <p className="mono small muted">{saved.path}</p>
          <p>{t('kunci.savedHint')}</p>
        </div>
      )}
      <div className="kunci-rotate">
        <p className="field-help">{t('kunci.rotateHelp')}</p>
        <button type="button" className="btn" onClick={() => setRotating(true)}>
          {t('kunci.rotate')}
        </button>
      </div>
      <ConfirmDialog
        open={rotating}
        title={t('kunci.rotateTitle')}
        confirmLabel={t('kunci.rotate')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void rotate()}
        onCancel={() => setRotating(false)}
      >
        <p>{t('kunci.rotateBody')}</p>
      </ConfirmDialog>
    </section>
  )
}

function TrustCard({ defaultFolder, onTrusted }: { defaultFolder: string; onTrusted: () => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  // The stick's folder with a separator: the person adds the card's file name.
  const { value: shown, set: setPath, hold: holdPath } = useSuggestedPath(defaultFolder ? defaultFolder.replace(/[\\/]?$/, defaultFolder.includes('\\') ? '\\' : '/') : '')
  const [pathError, setPathError] = useState<string | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'read' | 'trust' | null>(null)
  const [read, setRead] = useState<{ path: string; card: KeyCard; status: CardStatus; change?: CardChange } | null>(null)
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | null>(null)
  const [trustError, setTrustError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const pathRef = useRef<HTMLInputElement>(null)
  const typedRef = useRef<HTMLInputElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    if (read) resultRef.current?.focus()
  }, [read])
  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  async function readIt(e: FormEvent) {
    e.preventDefault()
    const target = shown.trim()
    setRead(null)
    setDone(null)
    setReadError(null)
    setTyped('')
    setTypedError(null)
    setTrustError(null)
    if (!target) {
      setPathError(t('kunci.cardPathRequired'))
      pathRef.current?.focus()
      return
    }
    setPathError(null)
    setBusy('read')
    try {
      const r = await call('kunci:readCard', { path: target })
      setRead({ path: target, ...r })
    } catch (err) {
      if (err instanceof CallError && (err.shape.field === 'path' || err.shape.fields?.path)) {
        setPathError(err.shape.fields?.path ?? err.shape.message)
        pathRef.current?.focus()
      } else setReadError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  async function trustIt(e: FormEvent) {
    e.preventDefault()
    if (!read) return
    setTrustError(null)
    if (!typed.trim()) {
      setTypedError(t('kunci.typedRequired'))
      typedRef.current?.focus()
      return
    }
    setTypedError(null)
    setBusy('trust')
    try {
      const office = await call('kunci:trustCard', { path: read.path, fingerprint: typed.trim() })
      const message = t('kunci.trustedToast', { name: office.name })
      toasts.push({ message, tone: 'success' })
      setRead(null)
      setTyped('')
      setPath('')
      setDone(message)
      onTrusted()
    } catch (err) {
      if (err instanceof CallError && (err.shape.field === 'fingerprint' || err.shape.fields?.fingerprint)) {
        setTypedError(err.shape.fields?.fingerprint ?? err.shape.message)
        typedRef.current?.focus()
      } else if (err instanceof CallError && err.shape.field === 'path') {
        setRead(null)
        setPathError(err.shape.message)
        pathRef.current?.focus()
      } else setTrustError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  const statusBadge: Record<CardStatus, { label: string; className: string }> = {
    new: { label: t('kunci.statusNew'), className: 'badge badge-pindah' },
    trusted: { label: t('kunci.statusTrusted'), className: 'badge badge-aktif' },
    changed: { label: t('kunci.statusChanged'), className: 'badge badge-warning' },
    self: { label: t('kunci.statusSelf'), className: 'badge badge-nonaktif' },
  }
  const canTrust = read && (read.status === 'new' || read.status === 'changed')

  return (
    <section className="card" aria-labelledby="kunci-trust-title">
      <h2 id="kunci-trust-title" className="card-title">
        {t('kunci.trustTitle')}
      </h2>
      <p className="muted">{t('kunci.trustIntro')}</p>
      <form className="kunci-form" onSubmit={(e) => void readIt(e)} noValidate>
        <PathField
          id="kunci-card-path"
          label={t('kunci.cardPath')}
          help={t('kunci.cardPathHelp')}
          value={shown}
          onFocus={holdPath}
          onChange={(v) => {
            setPath(v)
            setPathError(null)
          }}
          error={pathError}
          inputRef={pathRef}
          disabled={busy !== null}
          pick="file"
          pickedFolderNote={t('kunci.cardPathFolderHelp')}
        >
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'read' ? t('kunci.reading') : t('kunci.read')}
          </button>
        </PathField>
      </form>
      {readError && <ErrorBox message={readError} />}
      {done && (
        <p ref={doneRef} tabIndex={-1} className="ok-note kunci-result" role="status">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}

      {read && (
        <div className="kunci-result" data-status={read.status}>
          <h3 id="kunci-card-title" ref={resultRef} tabIndex={-1} className="sub-title">
            {t('kunci.cardTitle')}
          </h3>
          <dl className="dl">
            <div className="dl-item">
              <dt>{t('kunci.name')}</dt>
              <dd>{read.card.name}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('kunci.level')}</dt>
              <dd>{t(`level.${read.card.level}`)}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('kunci.area')}</dt>
              <dd>
                {read.card.areaName} <span className="mono muted">({read.card.areaCode})</span>
              </dd>
            </div>
            <div className="dl-item">
              <dt>{t('kunci.createdAt')}</dt>
              <dd>{formatDate(read.card.createdAt)}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('kunci.status')}</dt>
              <dd>
                <span className={statusBadge[read.status].className}>{statusBadge[read.status].label}</span>
              </dd>
            </div>
          </dl>
          <p className={read.status === 'changed' ? 'field-warning' : read.status === 'new' ? 'notice' : 'muted'} role={read.status === 'changed' ? 'alert' : undefined}>
            {read.status === 'new'
              ? t('kunci.newNote')
              : read.status === 'changed'
                ? t('kunci.changedNote')
                : read.status === 'trusted'
                  ? t('kunci.trustedNote')
                  : t('kunci.selfNote')}
          </p>
          {read.change && <CardChangeList change={read.change} fingerprint={read.card.fingerprint} />}
          {canTrust && (
            <form className="kunci-form" onSubmit={(e) => void trustIt(e)} noValidate>
              <div className={typedError ? 'field field-invalid' : 'field'}>
                <label htmlFor="kunci-typed" className="field-label">
                  {t('kunci.typed')}
                </label>
                <input
                  id="kunci-typed"
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
                  aria-invalid={typedError ? true : undefined}
                  aria-describedby="kunci-typed-help kunci-typed-error"
                  onChange={(e) => {
                    setTyped(e.target.value)
                    setTypedError(null)
                  }}
                />
                <p id="kunci-typed-help" className="field-help">
                  {t('kunci.typedHelp')}
                </p>
                <p id="kunci-typed-error" className="field-error" hidden={!typedError}>
                  {typedError}
                </p>
              </div>
              <p>
                <button type="submit" className="btn btn-primary" disabled={busy !== null}>
                  {busy === 'trust' ? t('kunci.trusting') : t('kunci.trust')}
                </button>
              </p>
              {trustError && <ErrorBox message={trustError} />}
            </form>
          )}
        </div>
      )}
    </section>
  )
}

function TrustedList({ trusted, canRevoke, onChanged }: { trusted: TrustedOffice[]; canRevoke: boolean; onChanged: () => void }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [revoking, setRevoking] = useState<TrustedOffice | null>(null)
  const [reason, setReason] = useState('')
  const [revokeError, setRevokeError] = useState<string | null>(null)

  async function revoke() {
    if (!revoking) return
    if (!reason.trim()) {
      setRevokeError(t('kunci.revokeReasonRequired'))
      return
    }
    try {
      await call('kunci:revoke', { siteId: revoking.siteId, reason: reason.trim() })
      toasts.push({ message: t('kunci.revokedToast', { name: revoking.name }), tone: 'success' })
      setRevoking(null)
      setReason('')
      setRevokeError(null)
      onChanged()
    } catch (e) {
      setRevokeError(errorMessage(e))
    }
  }

  return (
    <section className="card" aria-labelledby="kunci-list-title">
      <h2 id="kunci-list-title" className="card-title">
        {t('kunci.listTitle')}
      </h2>
      {trusted.length === 0 ? (
        <p className="muted">{t('kunci.listEmpty')}</p>
      ) : (
        <>
          <p className="muted">{t('kunci.listCount', { n: formatNumber(trusted.length) })}</p>
          <div className="table-wrap">
            <table className="table kunci-trusted-table" aria-label={t('kunci.listLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('kunci.colOffice')}</th>
                  <th scope="col">{t('kunci.colArea')}</th>
                  <th scope="col">{t('kunci.colFingerprint')}</th>
                  <th scope="col">{t('kunci.colSource')}</th>
                  <th scope="col">{t('kunci.colDate')}</th>
                  {canRevoke && <th scope="col">{t('kunci.colAction')}</th>}
                </tr>
              </thead>
              <tbody>
                {trusted.map((o) => (
                  <tr key={o.siteId} data-site={o.siteId}>
                    <th scope="row">
                      {o.name}
                      <span className="row-sub muted small">{t(`level.${o.level}`)}</span>
                    </th>
                    <td>
                      {o.areaName}
                      <span className="row-sub muted small mono">{o.areaCode}</span>
                    </td>
                    <td>
                      <Fingerprint value={o.fingerprint} />
                    </td>
                    <td>
                      {t(`kunci.source.${o.source}`)}
                      {o.revokedAt && <span className="badge badge-pindah kunci-revoked">{t('kunci.revokedBadge', { date: formatDate(o.revokedAt) })}</span>}
                    </td>
                    <td>{formatDate(o.trustedAt)}</td>
                    {canRevoke && (
                      <td>
                        {!o.revokedAt && (
                          <button type="button" className="btn btn-small" onClick={() => setRevoking(o)}>
                            {t('kunci.revoke')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('kunci.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('kunci.revoke')}
        cancelLabel={t('app.cancel')}
        danger
        onConfirm={() => void revoke()}
        onCancel={() => {
          setRevoking(null)
          setRevokeError(null)
        }}
      >
        <p>{t('kunci.revokeBody')}</p>
        <div className={revokeError ? 'field field-invalid' : 'field'}>
          <label htmlFor="kunci-revoke-reason" className="field-label">
            {t('kunci.revokeReason')}
          </label>
          <input
            id="kunci-revoke-reason"
            type="text"
            value={reason}
            maxLength={500}
            aria-invalid={revokeError ? true : undefined}
            aria-describedby="kunci-revoke-error"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="kunci-revoke-error" className="field-error" hidden={!revokeError}>
            {revokeError}
          </p>
        </div>
      </ConfirmDialog>
    </section>
  )
}
