import { useTranslation } from 'react-i18next'

/** A failed load: the core's own Indonesian message, and a way to try again. */
export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="error-box" role="alert">
      <p className="error-box-title">{t('errors.title')}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  )
}
