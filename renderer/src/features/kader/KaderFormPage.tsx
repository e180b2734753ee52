import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { kaderInput, type Kader, type Posyandu } from '@shared/contract'
import { call, CallError, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { ErrorBox } from '../../components/ErrorBox'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useFormScreen } from '../../components/useFormScreen'
import { WewenangNotice } from '../../components/WewenangNotice'
import { invalidateKaderPages } from './kaderPages'
import { EMPTY_KADER, fromKader, toKaderInput, type KaderFormValues } from './kaderFormValues'
import { KaderContactSection } from './KaderContactSection'
import { KaderIdentitySection } from './KaderIdentitySection'
import { KaderPosyanduSection } from './KaderPosyanduSection'
import { KaderStatusSection } from './KaderStatusSection'
import { useNikCheck } from './useNikCheck'

export function KaderFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [original, setOriginal] = useState<Kader | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<{ id: string; name: string } | null>(null)
  const originalStatus = original?.status ?? null
  const form = useFormState<KaderFormValues, typeof kaderInput>(EMPTY_KADER, kaderInput, (v) => toKaderInput(v, originalStatus))
  const { values } = form

  useEffect(() => {
    let live = true
    Promise.all([call('posyandu:list', { includeInactive: true }), id ? call('kader:get', { id }) : Promise.resolve(null)]).then(
      ([ps, k]) => {
        if (!live) return
        setPosyandu(ps)
        if (k) {
          setOriginal(k)
          form.reset(fromKader(k))
        } else {
          const active = ps.filter((p) => p.active)
          form.reset({ ...EMPTY_KADER, posyanduId: active.length === 1 ? active[0]!.id : '' })
        }
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const nik = useNikCheck(values.nik, values.birthDate, values.sex, id)
  // Local NIK problems show at once: they are about digits already typed, not a field left empty.
  const nikError = form.server.nik ?? nik.localError ?? form.errorOf('nik')
  const duplicateLink = nik.dup ? { id: nik.dup.id, name: nik.dup.name } : form.server.nik ? duplicate : null

  const screen = useFormScreen(form, {
    send: async (input) => {
      const saved = id ? await call('kader:update', { ...input, id }) : await call('kader:create', input)
      invalidateKaderPages()
      return saved
    },
    toast: (saved) =>
      saved.warnings.length
        ? { message: t('kader.savedWithWarnings', { name: saved.kader.name, warnings: saved.warnings.map((w) => w.message).join(' ') }), tone: 'warning', duration: 10_000 }
        : { message: t('kader.saved', { name: saved.kader.name }), tone: 'success' },
    afterSave: (saved) => navigate(`kader/${saved.kader.id}`),
    leave: () => navigate(id ? `kader/${id}` : 'kader'),
    invalid: Boolean(nik.localError),
    refused: async (e, errs) => {
      if (e instanceof CallError && e.code === 'duplicate_nik') {
        errs.nik = e.shape.message
        delete errs._form
        // The refusal names the holder only by id; the check gives the name for the link.
        const holder = e.shape.existingId ? await call('kader:get', { id: e.shape.existingId }).catch(() => null) : null
        setDuplicate(e.shape.existingId ? { id: e.shape.existingId, name: holder?.name ?? '' } : null)
      }
      return errs
    },
  })

  const title = id ? t('kader.editTitle') : t('kader.newTitle')
  const ready = posyandu && (!id || original)

  return (
    <div className="page page-form">
      <p className="back-link">
        <a href={id ? href(`kader/${id}`) : href('kader')}>← {id ? t('app.back') : t('kader.backToList')}</a>
      </p>
      <PageHeading>{id && original ? `${title}: ${original.name}` : title}</PageHeading>
      <WewenangNotice kinds={['kader']} />
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && posyandu.length === 0 && (
        <div className="card empty-card">
          <p>{t('kader.noPosyandu')}</p>
          <a className="btn btn-primary" href={href('posyandu/baru')}>
            {t('posyandu.add')}
          </a>
        </div>
      )}
      {ready && posyandu.length > 0 && (
        <EditForm {...screen.editFormProps} shortcutsHint>
          <KaderIdentitySection
            form={form}
            dateError={screen.dateError}
            nik={nik}
            nikError={nikError}
            duplicateLink={duplicateLink}
            onNikEdited={() => setDuplicate(null)}
          />
          <KaderContactSection form={form} />
          <KaderPosyanduSection form={form} dateError={screen.dateError} posyandu={posyandu} />
          <KaderStatusSection form={form} dateError={screen.dateError} original={original} />
          <FormFooter {...screen.footerProps} />
        </EditForm>
      )}
      {screen.dialog}
    </div>
  )
}
