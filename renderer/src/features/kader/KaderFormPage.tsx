import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { kaderInput, type Kader, type NikCheck, type Posyandu } from '@shared/contract'
import { cleanNik, compareNik, NIK_MESSAGES, parseNik } from '@shared/domain/nik'
import { formatPhone, normalisePhone } from '@shared/domain/phone'
import {
  EDUCATION_LEVELS,
  KADER_ROLES,
  KADER_STATUSES,
  SEXES,
  type EducationLevel,
  type KaderRole,
  type KaderStatus,
  type Sex,
  type SpmField,
} from '@shared/domain/reference'
import { call, CallError, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { useDiscardGuard } from '../../components/useDiscardGuard'
import { SpmCheckboxes } from '../../components/SpmChips'
import { DateInput, isDateUnderstood } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { Field, FieldSet } from '../../components/Field'
import { focusFirstInvalid, serverErrors, useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useToasts } from '../../components/Toasts'
import { formatDate } from '../../i18n/format'
import { todayJakarta } from '@shared/domain/tanggal'
import { invalidateKaderPages } from './kaderPages'
import { posyanduLabel } from '../posyandu/posyanduLabel'
import { WewenangNotice } from '../../components/WewenangNotice'

interface Values extends Record<string, unknown> {
  nik: string
  name: string
  sex: Sex | ''
  birthPlace: string
  birthDate: string
  phone: string
  address: string
  rt: string
  rw: string
  posyanduId: string
  role: KaderRole | ''
  spmFields: SpmField[]
  skNumber: string
  skDate: string
  education: EducationLevel | ''
  status: KaderStatus
  statusDate: string
  statusNote: string
  notes: string
}

const EMPTY: Values = {
  nik: '',
  name: '',
  sex: '',
  birthPlace: '',
  birthDate: '',
  phone: '',
  address: '',
  rt: '',
  rw: '',
  posyanduId: '',
  role: 'kader',
  spmFields: [],
  skNumber: '',
  skDate: '',
  education: '',
  status: 'aktif',
  statusDate: '',
  statusNote: '',
  notes: '',
}

function fromKader(k: Kader): Values {
  return {
    nik: k.nik,
    name: k.name,
    sex: k.sex,
    birthPlace: k.birthPlace ?? '',
    birthDate: k.birthDate,
    phone: k.phone ? formatPhone(k.phone) : '',
    address: k.address ?? '',
    rt: k.rt ?? '',
    rw: k.rw ?? '',
    posyanduId: k.posyanduId,
    role: k.role,
    spmFields: k.spmFields,
    skNumber: k.skNumber ?? '',
    skDate: k.skDate ?? '',
    education: k.education ?? '',
    status: k.status,
    statusDate: '',
    statusNote: '',
    notes: k.notes ?? '',
  }
}

/** Blank choices become null; on edit an unchanged status sends no status date (no new history line). */
function toInput(v: Values, originalStatus: KaderStatus | null) {
  const statusChanged = originalStatus === null || v.status !== originalStatus
  return {
    ...v,
    nik: v.nik,
    sex: v.sex || undefined,
    role: v.role || undefined,
    education: v.education || null,
    skDate: v.skDate || null,
    statusDate: statusChanged ? v.statusDate || null : null,
    statusNote: statusChanged ? v.statusNote : null,
  }
}

type NikState =
  | { kind: 'empty' }
  | { kind: 'typing'; digits: number }
  | { kind: 'bad'; message: string }
  | { kind: 'checking' }
  | { kind: 'checked'; check: NikCheck }

export function KaderFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const toasts = useToasts()
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [original, setOriginal] = useState<Kader | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [duplicate, setDuplicate] = useState<{ id: string; name: string } | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const originalStatus = original?.status ?? null
  const form = useFormState<Values, typeof kaderInput>(EMPTY, kaderInput, (v) => toInput(v, originalStatus))
  const { values, set, touch, errorOf } = form

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
          form.reset({ ...EMPTY, posyanduId: active.length === 1 ? active[0]!.id : '' })
        }
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  // ---- NIK: the shape is judged here as people type; the kecamatan and duplicates by the core.
  const nikClean = cleanNik(values.nik)
  const parsedNik = useMemo(() => (/^\d{16}$/.test(nikClean) ? parseNik(nikClean) : null), [nikClean])
  const [nikState, setNikState] = useState<NikState>({ kind: 'empty' })
  const birthIso = isDateUnderstood(values.birthDate) && values.birthDate ? values.birthDate : null
  useEffect(() => {
    if (!nikClean) return setNikState({ kind: 'empty' })
    if (/\D/.test(nikClean) || nikClean.length > 16) return setNikState({ kind: 'bad', message: NIK_MESSAGES.shape })
    if (nikClean.length < 16 || !parsedNik) return setNikState({ kind: 'typing', digits: nikClean.length })
    if (!parsedNik.ok) return setNikState({ kind: 'bad', message: parsedNik.message })
    setNikState({ kind: 'checking' })
    let live = true
    const timer = window.setTimeout(() => {
      call('kader:checkNik', { nik: nikClean, birthDate: birthIso, sex: values.sex || null, excludeId: id }).then(
        (check) => live && setNikState({ kind: 'checked', check }),
        // The check only helps: if it fails, the save will still judge the NIK.
        () => live && setNikState({ kind: 'empty' }),
      )
    }, 150)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [nikClean, parsedNik, birthIso, values.sex, id])

  const check = nikState.kind === 'checked' ? nikState.check : null
  const dup = check?.duplicate ?? null
  const derived = parsedNik?.ok ? parsedNik.value : null
  const nikWarnings = derived ? compareNik(derived, { birthDate: birthIso, sex: values.sex || null }) : []
  const localNikError =
    nikState.kind === 'bad'
      ? nikState.message
        : check && !check.valid
          ? check.message
          : dup
            ? t('kader.nikDuplicate', { name: dup.name, posyandu: dup.posyanduName })
            : null
  // Local NIK problems show at once: they are about digits already typed, not a field left empty.
  const nikError = form.server.nik ?? localNikError ?? errorOf('nik')
  const duplicateLink = dup ? { id: dup.id, name: dup.name } : form.server.nik ? duplicate : null

  // A date the field could not read gets a message about how to type it, not the schema's.
  const dateErr = (key: 'birthDate' | 'skDate' | 'statusDate') => {
    const err = errorOf(key)
    return err && !form.server[key] && !isDateUnderstood(values[key]) ? t('date.notUnderstood') : err
  }

  const phoneE164 = values.phone.trim() ? normalisePhone(values.phone) : null
  const statusChanged = originalStatus !== null && values.status !== originalStatus

  function leave(savedId?: string) {
    if (savedId) navigate(`kader/${savedId}`)
    else if (id) navigate(`kader/${id}`)
    else navigate('kader')
  }
  const { cancel, dialog: discardDialog } = useDiscardGuard(form.dirty && !saving, () => leave())

  function fillFromNik(what: 'date' | 'sex' | 'both') {
    if (!derived) return
    if (what !== 'sex') set('birthDate', derived.birthDate)
    if (what !== 'date') set('sex', derived.sex)
  }

  async function save() {
    if (saving) return
    form.setSubmitted(true)
    if (!form.parsed.success || localNikError) {
      focusFirstInvalid(formRef.current)
      return
    }
    setSaving(true)
    try {
      const input = form.parsed.data
      const saved = id ? await call('kader:update', { ...input, id }) : await call('kader:create', input)
      form.setBaseline(values)
      invalidateKaderPages()
      toasts.push(
        saved.warnings.length
          ? { message: t('kader.savedWithWarnings', { name: saved.kader.name, warnings: saved.warnings.map((w) => w.message).join(' ') }), tone: 'warning', duration: 10_000 }
          : { message: t('kader.saved', { name: saved.kader.name }), tone: 'success' },
      )
      leave(saved.kader.id)
    } catch (e) {
      const errs = serverErrors(e)
      if (e instanceof CallError && e.code === 'duplicate_nik') {
        errs.nik = e.shape.message
        delete errs._form
        // The refusal names the holder only by id; the check gives the name for the link.
        const holder = e.shape.existingId ? await call('kader:get', { id: e.shape.existingId }).catch(() => null) : null
        setDuplicate(e.shape.existingId ? { id: e.shape.existingId, name: holder?.name ?? '' } : null)
      }
      form.setServer(errs)
      focusFirstInvalid(formRef.current)
    } finally {
      setSaving(false)
    }
  }

  const title = id ? t('kader.editTitle') : t('kader.newTitle')
  const ready = posyandu && (!id || original)
  const sexLabel = (s: Sex) => t(`sex.${s}`)
  const manyVillages = new Set((posyandu ?? []).map((p) => p.villageCode)).size > 1

  const fillButton = (() => {
    if (!derived) return null
    const needDate = birthIso !== derived.birthDate
    const needSex = values.sex !== derived.sex
    if (needDate && needSex) return { what: 'both' as const, label: t('kader.nikFillBoth') }
    if (needDate) return { what: 'date' as const, label: t('kader.nikFillDate') }
    if (needSex) return { what: 'sex' as const, label: t('kader.nikFillSex') }
    return null
  })()

  const nikExtra =
    nikState.kind === 'typing' ? (
      <span className="muted">{t('kader.nikProgress', { count: nikState.digits })}</span>
    ) : nikState.kind === 'checking' ? (
      <span className="muted">{t('kader.nikChecking')}</span>
    ) : derived && check?.valid !== false ? (
      <div className="nik-derived">
        <span data-testid="nik-derived">
          {t('kader.nikDerived', {
            date: formatDate(derived.birthDate),
            sex: sexLabel(derived.sex).toLowerCase(),
            district: check?.derived?.districtName
              ? t('kader.nikDistrict', { name: check.derived.districtName })
              : t('kader.nikDistrictCode', { code: derived.districtCode }),
          })}
        </span>
        {fillButton && (
          <button type="button" className="btn btn-small" onClick={() => fillFromNik(fillButton.what)}>
            {fillButton.label}
          </button>
        )}
      </div>
    ) : null

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
        <EditForm formRef={formRef} onSave={() => void save()} onCancel={cancel} shortcutsHint>
          <section className="card form-section" aria-labelledby="f-sec-identity">
            <h2 id="f-sec-identity" className="card-title">
              {t('kader.sectionIdentity')}
            </h2>
            <Field
              id="k-nik"
              label={t('kader.nik')}
              help={t('kader.nikHelp')}
              error={nikError}
              extra={nikExtra}
              warning={
                nikWarnings.length > 0 && !nikError ? (
                  <ul className="warning-list" data-testid="nik-warnings">
                    {nikWarnings.map((w) => (
                      <li key={w.code}>
                        <strong>{t('kader.warningPrefix')}</strong> {w.message}
                      </li>
                    ))}
                  </ul>
                ) : null
              }
            >
              {(c) => (
                <>
                  <input
                    {...c}
                    className="mono nik-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={24}
                    value={values.nik}
                    onChange={(e) => {
                      set('nik', e.target.value)
                      setDuplicate(null)
                    }}
                    onBlur={() => touch('nik')}
                  />
                  {duplicateLink && nikError && (
                    <p className="field-error-link">
                      <a href={href(`kader/${duplicateLink.id}`)}>{t('kader.nikDuplicateLink', { name: duplicateLink.name })}</a>
                    </p>
                  )}
                </>
              )}
            </Field>
            <Field id="k-name" label={t('kader.name')} error={errorOf('name')}>
              {(c) => (
                <input {...c} type="text" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} onBlur={() => touch('name')} />
              )}
            </Field>
            <FieldSet id="k-sex" legend={t('kader.sex')} error={errorOf('sex')}>
              <div className="radio-row">
                {SEXES.map((s) => (
                  <label key={s} className="check">
                    <input
                      type="radio"
                      name="sex"
                      value={s}
                      checked={values.sex === s}
                      onChange={() => {
                        set('sex', s)
                        touch('sex')
                      }}
                    />
                    <span>{sexLabel(s)}</span>
                  </label>
                ))}
                {derived && values.sex !== derived.sex && (
                  <button type="button" className="link-button" onClick={() => fillFromNik('sex')}>
                    {t('kader.fillFromNik', { value: sexLabel(derived.sex) })}
                  </button>
                )}
              </div>
            </FieldSet>
            <div className="form-row">
              <Field id="k-birthPlace" label={t('kader.birthPlace')} error={errorOf('birthPlace')} optional className="grow">
                {(c) => (
                  <input {...c} type="text" value={values.birthPlace} onChange={(e) => set('birthPlace', e.target.value)} onBlur={() => touch('birthPlace')} />
                )}
              </Field>
              <Field
                id="k-birthDate"
                label={t('kader.birthDate')}
                error={dateErr('birthDate')}
                extra={
                  derived && birthIso !== derived.birthDate ? (
                    <button type="button" className="link-button" onClick={() => fillFromNik('date')}>
                      {t('kader.fillFromNik', { value: formatDate(derived.birthDate) })}
                    </button>
                  ) : null
                }
              >
                {(c) => <DateInput {...c} value={values.birthDate} onChange={(v) => set('birthDate', v)} onBlur={() => touch('birthDate')} />}
              </Field>
            </div>
            <Field id="k-education" label={t('kader.education')} error={errorOf('education')} optional>
              {(c) => (
                <select {...c} value={values.education} onChange={(e) => set('education', e.target.value as EducationLevel | '')}>
                  <option value="">{t('kader.educationChoose')}</option>
                  {EDUCATION_LEVELS.map((x) => (
                    <option key={x} value={x}>
                      {t(`education.${x}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </section>

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
              <Field id="k-skDate" label={t('kader.skDate')} error={dateErr('skDate')} optional>
                {(c) => <DateInput {...c} value={values.skDate} onChange={(v) => set('skDate', v)} onBlur={() => touch('skDate')} />}
              </Field>
            </div>
          </section>

          <section className="card form-section" aria-labelledby="f-sec-status">
            <h2 id="f-sec-status" className="card-title">
              {t('kader.sectionStatus')}
            </h2>
            <div className="form-row">
              <Field id="k-status" label={t('kader.status')} error={errorOf('status')}>
                {(c) => (
                  <select
                    {...c}
                    value={values.status}
                    onChange={(e) => {
                      const next = e.target.value as KaderStatus
                      set('status', next)
                      if (original && next !== original.status && !values.statusDate) set('statusDate', todayJakarta())
                    }}
                  >
                    {KADER_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {(!original || statusChanged) && (
                <Field id="k-statusDate" label={t('kader.statusSince')} error={dateErr('statusDate')} optional={!original} help={!original ? t('date.help') : undefined}>
                  {(c) => <DateInput {...c} value={values.statusDate} onChange={(v) => set('statusDate', v)} onBlur={() => touch('statusDate')} />}
                </Field>
              )}
            </div>
            {statusChanged && (
              <p className="notice" role="status">
                {t('kader.statusChangedHelp')}
              </p>
            )}
            {(!original || statusChanged) && (
              <Field id="k-statusNote" label={t('kader.statusNote')} help={t('kader.statusNoteHelp')} error={errorOf('statusNote')} optional>
                {(c) => <input {...c} type="text" value={values.statusNote} onChange={(e) => set('statusNote', e.target.value)} onBlur={() => touch('statusNote')} />}
              </Field>
            )}
            <Field id="k-notes" label={t('kader.notes')} error={errorOf('notes')} optional>
              {(c) => <textarea {...c} rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} onBlur={() => touch('notes')} />}
            </Field>
          </section>

          <FormFooter
            showFixErrors={form.submitted && (!form.parsed.success || Boolean(localNikError))}
            formError={errorOf('_form')}
            saving={saving}
            onCancel={cancel}
          />
        </EditForm>
      )}
      {discardDialog}
    </div>
  )
}
