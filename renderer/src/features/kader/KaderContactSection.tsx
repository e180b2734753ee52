import { useTranslation } from 'react-i18next'
import { formatPhone, normalisePhone } from '@shared/domain/phone'
import { Field } from '../../components/Field'
import type { FormFields } from '../../components/form'
import type { KaderFormValues } from './kaderFormValues'

/** Phone (shown back in the one form it will be stored in) and address down to RT/RW. */
export function KaderContactSection({ form }: { form: FormFields<KaderFormValues> }) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const phoneE164 = values.phone.trim() ? normalisePhone(values.phone) : null
  return (
    <section className="card form-section" aria-labelledby="f-sec-contact">
      <h2 id="f-sec-contact" className="card-title">
        {t('kader.sectionContact')}
      </h2>
      <Field
        id="k-phone"
        label={t('kader.phone')}
        help={t('kader.phoneHelp')}
        error={errorOf('phone')}
        optional
        extra={phoneE164 ? <span className="muted">{t('kader.phonePreview', { phone: formatPhone(phoneE164) })}</span> : null}
      >
        {(c) => (
          <input {...c} type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} onBlur={() => touch('phone')} />
        )}
      </Field>
      <Field id="k-address" label={t('kader.address')} error={errorOf('address')} optional>
        {(c) => <input {...c} type="text" value={values.address} onChange={(e) => set('address', e.target.value)} onBlur={() => touch('address')} />}
      </Field>
      <div className="form-row">
        <Field id="k-rt" label={t('kader.rt')} help={t('kader.rtHelp')} error={errorOf('rt')} optional className="narrow">
          {(c) => (
            <input {...c} type="text" inputMode="numeric" maxLength={3} value={values.rt} onChange={(e) => set('rt', e.target.value)} onBlur={() => touch('rt')} />
          )}
        </Field>
        <Field id="k-rw" label={t('kader.rw')} help={t('kader.rtHelp')} error={errorOf('rw')} optional className="narrow">
          {(c) => (
            <input {...c} type="text" inputMode="numeric" maxLength={3} value={values.rw} onChange={(e) => set('rw', e.target.value)} onBlur={() => touch('rw')} />
          )}
        </Field>
      </div>
    </section>
  )
}
