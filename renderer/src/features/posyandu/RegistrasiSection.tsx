import { useTranslation } from 'react-i18next'
import { REGISTRATION_STATUSES, type PuskesmasOption, type Pustu, type RegistrationStatus } from '@shared/contract'
import { jenisDesa } from '@shared/domain/wilayah'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'
import type { FormFields } from '../../components/form'
import type { PosyanduFormValues } from './posyanduFormValues'

/**
 * The Posyandu's registration papers: the SK pembentukan (signed by the lurah or the kepala desa,
 * by the village's kind), the musyawarah, the registry, the Puskesmas pembina from the offices
 * this one knows, and the Pustu of its village.
 */
export function RegistrasiSection({
  form,
  dateError,
  puskesmas,
  pustu,
  oldPuskesmasName,
}: {
  form: FormFields<PosyanduFormValues>
  dateError: (key: string) => string | null
  puskesmas: PuskesmasOption[]
  pustu: Pustu[]
  oldPuskesmasName: string | null
}) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const pejabat = t(`posyandu.pejabat.${values.villageCode ? jenisDesa(values.villageCode) : 'kelurahan'}`)
  // The Puskesmas serving this village first; all known ones when none lists it (a card from before).
  const serving = puskesmas.filter((p) => p.villageCodes.includes(values.villageCode))
  const choices = serving.length > 0 ? serving : puskesmas
  const chosenElsewhere = values.puskesmasCode && !choices.some((p) => p.code === values.puskesmasCode)
  return (
    <section className="card form-section" aria-labelledby="p-sec-registrasi">
      <h2 id="p-sec-registrasi" className="card-title">
        {t('posyandu.registrasiTitle')}
      </h2>
      <p className="muted">{t('posyandu.registrasiHelp')}</p>
      <div className="form-row">
        <Field id="p-skNumber" label={t('posyandu.skNumber')} error={errorOf('skNumber')} optional className="grow">
          {(c) => <input {...c} type="text" value={values.skNumber} onChange={(e) => set('skNumber', e.target.value)} onBlur={() => touch('skNumber')} />}
        </Field>
        <Field id="p-skDate" label={t('posyandu.skDate')} error={dateError('skDate')} optional>
          {(c) => <DateInput {...c} value={values.skDate} onChange={(v) => set('skDate', v)} onBlur={() => touch('skDate')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field id="p-skSigner" label={t('posyandu.skSigner', { pejabat })} error={errorOf('skSigner')} optional className="grow">
          {(c) => <input {...c} type="text" value={values.skSigner} onChange={(e) => set('skSigner', e.target.value)} onBlur={() => touch('skSigner')} />}
        </Field>
        <Field id="p-musyawarahDate" label={t('posyandu.musyawarahDate')} error={dateError('musyawarahDate')} optional>
          {(c) => <DateInput {...c} value={values.musyawarahDate} onChange={(v) => set('musyawarahDate', v)} onBlur={() => touch('musyawarahDate')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field id="p-registrationStatus" label={t('posyandu.registrationStatus')} error={errorOf('registrationStatus')}>
          {(c) => (
            <select {...c} value={values.registrationStatus} onChange={(e) => set('registrationStatus', e.target.value as RegistrationStatus)}>
              {REGISTRATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`posyandu.registrationStatusValue.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.registrationStatus === 'terdaftar' && (
          <>
            <Field id="p-registeredDate" label={t('posyandu.registeredDate')} error={dateError('registeredDate')}>
              {(c) => <DateInput {...c} value={values.registeredDate} onChange={(v) => set('registeredDate', v)} onBlur={() => touch('registeredDate')} />}
            </Field>
            <Field id="p-registryNumber" label={t('posyandu.registryNumber')} error={errorOf('registryNumber')} optional className="grow">
              {(c) => (
                <input {...c} type="text" value={values.registryNumber} onChange={(e) => set('registryNumber', e.target.value)} onBlur={() => touch('registryNumber')} />
              )}
            </Field>
          </>
        )}
      </div>
      <div className="form-row">
        <Field
          id="p-puskesmas"
          label={t('posyandu.puskesmas')}
          help={puskesmas.length === 0 ? t('posyandu.puskesmasNone') : t('posyandu.puskesmasHelp')}
          warning={oldPuskesmasName && !values.puskesmasCode ? t('posyandu.puskesmasOld', { name: oldPuskesmasName }) : undefined}
          error={errorOf('puskesmasCode')}
          optional
          className="grow"
        >
          {(c) => (
            <select {...c} value={values.puskesmasCode} onChange={(e) => set('puskesmasCode', e.target.value)}>
              <option value="">{t('posyandu.puskesmasChoose')}</option>
              {chosenElsewhere && <option value={values.puskesmasCode}>{puskesmas.find((p) => p.code === values.puskesmasCode)?.name ?? values.puskesmasCode}</option>}
              {choices.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="p-pustu" label={t('posyandu.pustu')} help={t('posyandu.pustuHelp')} error={errorOf('pustuId')} optional className="grow">
          {(c) => (
            <select {...c} value={values.pustuId} onChange={(e) => set('pustuId', e.target.value)}>
              <option value="">{t('posyandu.pustuChoose')}</option>
              {pustu.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </section>
  )
}
