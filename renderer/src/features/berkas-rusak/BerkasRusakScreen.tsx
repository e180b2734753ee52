import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BerkasRusakStatus, RecoveryBackup } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { PageHeading } from '../../components/PageHeading'
import { i18n } from '../../i18n'
import { formatBytes, formatDateTime } from '../../i18n/format'
import { RestoreCopyForm } from '../cadangan/RestoreCopyForm'
import './berkas-rusak.css'

type Damaged = Extract<BerkasRusakStatus, { damaged: true }>

/**
 * What a damaged database file opens on: what happened, the newest verified backup and what
 * restoring it would lose, the other backups, and the region path (a fresh database, then the
 * first-run setup). The host serves nothing else until one of them is done; `onRecovered`
 * boots the app again on the database then in place.
 */
export function BerkasRusakScreen({ status, onRecovered }: { status: Damaged; onRecovered: () => void }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<string | null>(status.backups[0]?.fileName ?? null)
  const [asking, setAsking] = useState<'restore' | 'fresh' | null>(null)
  const [working, setWorking] = useState<'restore' | 'fresh' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const backup = status.backups.find((b) => b.fileName === chosen) ?? null

  const run = async (what: 'restore' | 'fresh') => {
    setAsking(null)
    setWorking(what)
    setError(null)
    try {
      if (what === 'restore' && backup) await call('berkasRusak:restore', { fileName: backup.fileName })
      else await call('berkasRusak:startFresh', {})
      onRecovered()
    } catch (e) {
      setError(errorMessage(e))
      setWorking(null)
    }
  }

  return (
    <main className="setup" id="main">
      <div className="setup-card">
        <PageHeading>{t('berkasRusak.title')}</PageHeading>
        <p className="lead">{t('berkasRusak.intro')}</p>
        <p className="muted recovery-file">{t('berkasRusak.file', { file: status.file })}</p>
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}

        <section className="recovery-section" aria-labelledby="recovery-backups-title">
          <h2 id="recovery-backups-title" className="section-title">
            {t('berkasRusak.backupsTitle')}
          </h2>
          {status.backups.length === 0 ? (
            <p className="notice">{t('berkasRusak.noBackups')}</p>
          ) : (
            <>
              <fieldset className="fieldset">
                <legend className="field-help">{t('berkasRusak.backupsHelp')}</legend>
                <div className="recovery-backups">
                  {status.backups.map((b, i) => (
                    <label key={b.fileName} className={`radio-card ${chosen === b.fileName ? 'radio-card-checked' : ''}`}>
                      <input type="radio" name="backup" value={b.fileName} checked={chosen === b.fileName} onChange={() => setChosen(b.fileName)} />
                      <span className="radio-card-title">
                        {t('berkasRusak.backupLabel', { date: formatDateTime(b.createdAt), reason: t(`berkasRusak.reason.${b.reason}`), size: formatBytes(b.bytes) })}
                      </span>
                      <span className="radio-card-hint">
                        {ago(b.daysAgo)}
                        {i === 0 ? ` · ${t('berkasRusak.newest')}` : ''}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {backup && <LostSince backup={backup} />}
              <div>
                <button type="button" className="btn btn-primary" disabled={working !== null || !backup} onClick={() => setAsking('restore')}>
                  {working === 'restore' ? t('berkasRusak.restoring') : t('berkasRusak.restore')}
                </button>
              </div>
            </>
          )}
        </section>

        <section className="recovery-section" aria-labelledby="recovery-copy-title">
          <h2 id="recovery-copy-title" className="section-title">
            {t('cadangan.restoreCopy.title')}
          </h2>
          <p>{t('cadangan.restoreCopy.intro')}</p>
          <RestoreCopyForm confirmBody={t('berkasRusak.copyConfirmBody')} onRestored={onRecovered} />
        </section>

        <section className="recovery-section" aria-labelledby="recovery-region-title">
          <h2 id="recovery-region-title" className="section-title">
            {t('berkasRusak.regionTitle')}
          </h2>
          <p>{t('berkasRusak.regionHelp')}</p>
          <div>
            <button type="button" className={status.backups.length === 0 ? 'btn btn-primary' : 'btn'} disabled={working !== null} onClick={() => setAsking('fresh')}>
              {working === 'fresh' ? t('berkasRusak.freshing') : t('berkasRusak.fresh')}
            </button>
          </div>
        </section>
      </div>

      <ConfirmDialog
        open={asking === 'restore'}
        title={t('berkasRusak.confirmTitle')}
        confirmLabel={t('berkasRusak.confirmYes')}
        cancelLabel={t('berkasRusak.cancel')}
        onConfirm={() => void run('restore')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('berkasRusak.confirmBody', { date: backup ? formatDateTime(backup.createdAt) : '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'fresh'}
        title={t('berkasRusak.freshConfirmTitle')}
        confirmLabel={t('berkasRusak.freshConfirmYes')}
        cancelLabel={t('berkasRusak.cancel')}
        danger
        onConfirm={() => void run('fresh')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('berkasRusak.freshConfirmBody')}</p>
      </ConfirmDialog>
    </main>
  )
}

/** "hari ini", "kemarin", "3 hari lalu". */
function ago(days: number): string {
  if (days === 0) return i18n.t('berkasRusak.today')
  if (days === 1) return i18n.t('berkasRusak.oneDayAgo')
  return i18n.t('berkasRusak.daysAgo', { n: days })
}

function LostSince({ backup }: { backup: RecoveryBackup }) {
  const { t } = useTranslation()
  const list = backup.lost?.map((l) => `${l.count} ${l.name}`).join(', ')
  return (
    <div className="notice" aria-live="polite">
      <h3 className="section-title">{t('berkasRusak.lostTitle')}</h3>
      <p>{t('berkasRusak.lostSince', { date: formatDateTime(backup.createdAt), ago: ago(backup.daysAgo) })}</p>
      <p>{backup.lost === null ? t('berkasRusak.lostUnknown') : list ? t('berkasRusak.lostCounts', { list }) : t('berkasRusak.lostNone')}</p>
      <p>{t('berkasRusak.lostAgain')}</p>
    </div>
  )
}
