import { useTranslation } from 'react-i18next'
import type { Posyandu } from '@shared/contract'
import { KADER_ROLES, type KaderRole } from '@shared/domain/reference'
import { DateInput } from '../../components/DateInput'
import { Field, FieldSet } from '../../components/Field'
import type { FormFields } from '../../components/form'
import { SpmCheckboxes } from '../../components/SpmChips'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import type { KaderFormValues } from './kaderFormValues'

/** Where the kader serves: the Posyandu, the role there, the SPM fields and the SK that appointed them. */
export function KaderPosyanduSection({
  form,
  dateError,
  posyandu,
}: {
  form: FormFields<KaderFormValues>
  dateError: (key: string) => string | null
  posyandu: Posyandu[]
}) {
  const { t } = useTranslation()
  const { values, set, touch, errorOf } = form
  const manyVillages = new Set(posyandu.map((p) => p.villageCode)).size > 1
  return (
    <section className="card form-section" aria-labelledby="f-sec-posyandu">
      <h2 id="f-sec-posyandu" className="card-title">
        {t('kader.sectionPosyandu')}
      </h2>
      <div className="form-row">
        <Field id="k-posyandu" label={t('kader.posyandu')} error={errorOf('posyanduId')} className="grow">
          {(c) => (
            <select {...c} value={values.posyanduId} onChange={(e) => set('posyanduId', e.target.value)} onBlur={() => touch('posyanduId')}>
              <option value="">{t('kader.posyanduChoose')}</option>
              {posyandu.map((p) => (
                <option key={p.id} value={p.id}>
                  {posyanduLabel(p, manyVillages)}
                  {p.active ? '' : ` (${t('posyandu.inactive').toLowerCase()})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="k-role" label={t('kader.role')} error={errorOf('role')}>
          {(c) => (
            <select {...c} value={values.role} onChange={(e) => set('role', e.target.value as KaderRole | '')} onBlur={() => touch('role')}>
              <option value="">{t('kader.roleChoose')}</option>
              {KADER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldSet id="k-spm" legend={t('kader.spmLegend')} error={errorOf('spmFields')}>
        <SpmCheckboxes
          value={values.spmFields}
          onChange={(next) => {
            touch('spmFields')
            set('spmFields', next)
          }}
        />
      </FieldSet>
      <div className="form-row">
        <Field id="k-skNumber" label={t('kader.skNumber')} error={errorOf('skNumber')} optional className="grow">
          {(c) => <input {...c} type="text" value={values.skNumber} onChange={(e) => set('skNumber', e.target.value)} onBlur={() => touch('skNumber')} />}
        </Field>
        <Field id="k-skDate" label={t('kader.skDate')} error={dateError('skDate')} optional>
          {(c) => <DateInput {...c} value={values.skDate} onChange={(v) => set('skDate', v)} onBlur={() => touch('skDate')} />}
        </Field>
      </div>
    </section>
  )
}
