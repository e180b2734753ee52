import { useTranslation } from 'react-i18next'
import { PENGURUS_ROLES, type Posyandu } from '@shared/contract'
import { Field } from '../../components/Field'
import type { FormFields } from '../../components/form'
import type { PosyanduFormValues } from './posyanduFormValues'

export interface KaderChoice {
  id: string
  name: string
}

/**
 * Ketua, sekretaris and bendahara chosen among the Posyandu's active kader (their role in the
 * roster). Two ketua on record (typed in the kader form, or met in a paket) are told here, and
 * the choice is left to the person.
 */
export function PengurusSection({ form, original, kader }: { form: FormFields<PosyanduFormValues>; original: Posyandu; kader: KaderChoice[] }) {
  const { t } = useTranslation()
  const { values, set, errorOf } = form
  const ketua = original.pengurus.ketua
  return (
    <section className="card form-section" aria-labelledby="p-sec-pengurus">
      <h2 id="p-sec-pengurus" className="card-title">
        {t('posyandu.pengurusTitle')}
      </h2>
      {ketua.length > 1 && (
        <p className="notice" role="alert" data-testid="two-ketua">
          {t('posyandu.pengurusTwoKetua', { n: ketua.length, names: ketua.map((k) => k.name).join(', ') })}
        </p>
      )}
      {kader.length === 0 ? (
        <p className="muted">{t('posyandu.pengurusNoKader')}</p>
      ) : (
        <>
          <p className="muted">{t('posyandu.pengurusHelp')}</p>
          <div className="form-row">
            {PENGURUS_ROLES.map((role) => (
              <Field key={role} id={`p-pengurus-${role}`} label={t(`role.${role}`)} error={errorOf('pengurus')} className="grow">
                {(c) => (
                  <select {...c} value={values[role]} onChange={(e) => set(role, e.target.value)}>
                    <option value="">{t('posyandu.pengurusChoose')}</option>
                    {kader.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        </>
      )}
    </section>
  )
}
