import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { posyanduInput, type Area, type Posyandu, type PuskesmasOption, type Pustu } from '@shared/contract'
import { SPM_FIELDS } from '@shared/domain/reference'
import { call, errorMessage } from '../../api/client'
import { navigate } from '../../app/router'
import { SpmCheckboxes } from '../../components/SpmChips'
import { ErrorBox } from '../../components/ErrorBox'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { Field, FieldSet } from '../../components/Field'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { Riwayat } from '../../components/Riwayat'
import { useFormScreen } from '../../components/useFormScreen'
import { WewenangNotice } from '../../components/WewenangNotice'
import { PengurusSection, type KaderChoice } from './PengurusSection'
import { toPosyanduInput, valuesOf, type PosyanduFormValues } from './posyanduFormValues'
import { RegistrasiSection } from './RegistrasiSection'
import { SaranaSection } from '../sarana/SaranaSection'

const EMPTY: PosyanduFormValues = {
  name: '',
  villageCode: '',
  rw: '',
  address: '',
  schedule: '',
  // Since Permendagri 13/2024 a Posyandu is the front door of all six SPM fields.
  spmFields: [...SPM_FIELDS],
  active: true,
  skNumber: '',
  skDate: '',
  skSigner: '',
  musyawarahDate: '',
  registrationStatus: 'belum_terdaftar',
  registeredDate: '',
  registryNumber: '',
  puskesmasCode: '',
  pustuId: '',
  ketua: '',
  sekretaris: '',
  bendahara: '',
}

export function PosyanduFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const [villages, setVillages] = useState<Area[] | null>(null)
  const [puskesmas, setPuskesmas] = useState<PuskesmasOption[]>([])
  const [pustu, setPustu] = useState<Pustu[]>([])
  const [kader, setKader] = useState<KaderChoice[]>([])
  const [original, setOriginal] = useState<Posyandu | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [ready, setReady] = useState(false)
  const form = useFormState<PosyanduFormValues, typeof posyanduInput>(EMPTY, posyanduInput, (v) => toPosyanduInput(v, original))
  const { values, set, touch, errorOf } = form

  useEffect(() => {
    let live = true
    Promise.all([
      call('site:villages', {}),
      id ? call('posyandu:get', { id }) : Promise.resolve(null),
      call('posyandu:puskesmasOptions', {}),
      call('pustu:list', {}),
      // The pengurus are chosen among the Posyandu's own active kader.
      id ? call('kader:list', { posyanduId: id, status: 'aktif', limit: 500 }) : Promise.resolve(null),
    ]).then(
      ([vs, p, pkm, pu, kl]) => {
        if (!live) return
        setVillages(vs)
        setPuskesmas(pkm)
        setPustu(pu)
        setKader(kl ? kl.rows.map((k) => ({ id: k.id, name: k.name })) : [])
        if (p) {
          setOriginal(p)
          form.reset(valuesOf(p))
        } else if (vs.length === 1) {
          form.reset({ ...EMPTY, villageCode: vs[0]!.code })
        }
        setReady(true)
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const screen = useFormScreen(form, {
    // Sent as typed (not the parsed output): the core's own parse turns blanks into nulls.
    send: () => {
      const input = toPosyanduInput(values, original)
      return id ? call('posyandu:update', { ...input, id }) : call('posyandu:create', input)
    },
    // Most offices name a Posyandu "Posyandu Melati 09": the word is not said twice.
    toast: (saved) => ({ message: t('posyandu.saved', { name: /^posyandu\b/i.test(saved.name) ? saved.name : `Posyandu ${saved.name}` }), tone: 'success' }),
    afterSave: () => navigate('posyandu'),
    leave: () => navigate('posyandu'),
  })

  const villagePustu = useMemo(() => pustu.filter((u) => u.villageCode === values.villageCode), [pustu, values.villageCode])

  const title = id ? t('posyandu.editTitle') : t('posyandu.newTitle')
  return (
    <div className="page page-form">
      <PageHeading>{title}</PageHeading>
      <WewenangNotice kinds={['posyandu']} />
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && villages && (
        <EditForm {...screen.editFormProps} shortcutsHint>
          <section className="card form-section">
            <Field id="p-name" label={t('posyandu.name')} help={t('posyandu.nameHelp')} error={errorOf('name')}>
              {(c) => <input {...c} type="text" value={values.name} onChange={(e) => set('name', e.target.value)} onBlur={() => touch('name')} />}
            </Field>
            <div className="form-row">
              <Field id="p-village" label={t('posyandu.village')} error={errorOf('villageCode')} className="grow">
                {(c) => (
                  <select {...c} value={values.villageCode} onChange={(e) => set('villageCode', e.target.value)} onBlur={() => touch('villageCode')}>
                    <option value="">{t('posyandu.villageChoose')}</option>
                    {villages.map((v) => (
                      <option key={v.code} value={v.code}>
                        {v.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="p-rw" label={t('posyandu.rw')} help={t('posyandu.rwHelp')} error={errorOf('rw')} optional className="narrow">
                {(c) => (
                  <input {...c} type="text" inputMode="numeric" maxLength={3} value={values.rw} onChange={(e) => set('rw', e.target.value)} onBlur={() => touch('rw')} />
                )}
              </Field>
            </div>
            <Field id="p-address" label={t('posyandu.address')} error={errorOf('address')} optional>
              {(c) => <input {...c} type="text" value={values.address} onChange={(e) => set('address', e.target.value)} onBlur={() => touch('address')} />}
            </Field>
            <Field id="p-schedule" label={t('posyandu.schedule')} help={t('posyandu.scheduleHelp')} error={errorOf('schedule')} optional>
              {(c) => <input {...c} type="text" value={values.schedule} onChange={(e) => set('schedule', e.target.value)} onBlur={() => touch('schedule')} />}
            </Field>
            <FieldSet id="p-spm" legend={t('posyandu.spmLegend')} error={errorOf('spmFields')}>
              <SpmCheckboxes
                value={values.spmFields}
                onChange={(next) => {
                  touch('spmFields')
                  set('spmFields', next)
                }}
              />
            </FieldSet>
            <div className="field">
              <label className="switch">
                <input type="checkbox" role="switch" checked={values.active} onChange={(e) => set('active', e.target.checked)} aria-describedby="p-active-help" />
                <span className="switch-track" aria-hidden="true" />
                <span className="field-label">{t('posyandu.activeLabel')}</span>
              </label>
              <p id="p-active-help" className="field-help">
                {t('posyandu.activeHelp')}
              </p>
            </div>
          </section>
          <RegistrasiSection
            form={form}
            dateError={screen.dateError}
            puskesmas={puskesmas}
            pustu={villagePustu}
            oldPuskesmasName={original && !original.puskesmasCode ? original.puskesmas : null}
          />
          {original && <PengurusSection form={form} original={original} kader={kader} />}
          <FormFooter {...screen.footerProps} />
        </EditForm>
      )}
      {ready && id && <SaranaSection posyanduId={id} posyanduName={values.name} />}
      {ready && id && <Riwayat kind="posyandu" id={id} name={values.name} />}
      {screen.dialog}
    </div>
  )
}
