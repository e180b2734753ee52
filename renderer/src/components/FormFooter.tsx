// The end of every form: what still needs fixing, a refusal from the core that belongs to no
// field, and Simpan / Batal (Ctrl+S / Esc, handled by the form itself).

import { useTranslation } from 'react-i18next'
import { ErrorBox } from './ErrorBox'
import { Loading } from './Loading'

export function FormFooter({
  showFixErrors,
  formError,
  saving,
  onCancel,
}: {
  /** After a submit that found errors: one line pointing at the red fields. */
  showFixErrors: boolean
  formError: string | null | undefined
  saving: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      {showFixErrors && (
        <p className="field-error form-summary" role="alert">
          {t('app.fixErrors')}
        </p>
      )}
      {formError && <ErrorBox message={formError} />}
      <div className="form-actions sticky-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+S">
          {t('app.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} aria-keyshortcuts="Escape">
          {t('app.cancel')}
        </button>
        {saving && <Loading label={t('app.saving')} inline />}
      </div>
    </>
  )
}
