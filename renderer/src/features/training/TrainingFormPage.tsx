import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOfficeToday } from '../../app/AppContext'
import { trainingInput, type Posyandu, type Training } from '@shared/contract'
import { TRAINING_KINDS, type Catalogue, type TrainingKind } from '@shared/domain/competency'
import { maskNik } from '@shared/domain/nik'
import { call, errorMessage } from '../../api/client'
import { href, navigate } from '../../app/router'
import { DateInput } from '../../components/DateInput'
import { ErrorBox } from '../../components/ErrorBox'
import { EditForm } from '../../components/EditForm'
import { FormFooter } from '../../components/FormFooter'
import { Field } from '../../components/Field'
import { useFormState } from '../../components/form'
import { Loading } from '../../components/Loading'
import { PageHeading } from '../../components/PageHeading'
import { useFormScreen } from '../../components/useFormScreen'
import { CompetencyPicker } from './CompetencyPicker'
import { takeTrainingDraft, type TrainingDraft } from './draft'
import { ParticipantPicker, type ChosenKader } from './ParticipantPicker'
import './training.css'
import { WewenangNotice } from '../../components/WewenangNotice'

interface Values extends Record<string, unknown> {
  title: string
  kind: TrainingKind | ''
  startDate: string
  endDate: string
  place: string
  organiser: string
  /** One name per line, as typed. */
  facilitators: string
  competencies: string[]
  notes: string
  participants: ChosenKader[]
}

const EMPTY: Values = {
  title: '',
  kind: 'pelatihan',
  startDate: '',
  endDate: '',
  place: '',
  organiser: '',
  facilitators: '',
  competencies: [],
  notes: '',
  participants: [],
}

function fromTraining(tr: Training): Values {
  return {
    title: tr.title,
    kind: tr.kind,
    startDate: tr.startDate,
    endDate: tr.endDate,
    place: tr.place ?? '',
    organiser: tr.organiser ?? '',
    facilitators: tr.facilitators.join('\n'),
    competencies: tr.competencies,
    notes: tr.notes ?? '',
    participants: tr.participants.map((p) => ({
      id: p.kaderId,
      name: p.name,
      nikMasked: p.nikMasked,
      posyanduName: p.posyanduName,
      villageName: p.villageName,
    })),
  }
}

function toInput(v: Values) {
  return {
    title: v.title,
    kind: v.kind || undefined,
    startDate: v.startDate,
    endDate: v.endDate,
    place: v.place,
    organiser: v.organiser,
    facilitators: v.facilitators.split('\n'),
    competencies: v.competencies,
    notes: v.notes,
    participantIds: v.participants.map((p) => p.id),
  }
}

/** The kader a draft names, with what the list shows; ones no longer on the roster drop out. */
async function chosenFromIds(ids: readonly string[], posyandu: Posyandu[]): Promise<ChosenKader[]> {
  const villageOf = new Map(posyandu.map((p) => [p.id, p.villageName]))
  const out: ChosenKader[] = []
  for (let i = 0; i < ids.length; i += 20) {
    const batch = await Promise.all(ids.slice(i, i + 20).map((id) => call('kader:get', { id }).catch(() => null)))
    for (const k of batch) {
      if (k && !k.archived) {
        out.push({ id: k.id, name: k.name, nikMasked: maskNik(k.nik), posyanduName: k.posyanduName, villageName: villageOf.get(k.posyanduId) ?? '' })
      }
    }
  }
  return out
}

async function fromDraft(draft: TrainingDraft, base: Values, posyandu: Posyandu[]): Promise<Values> {
  return {
    ...base,
    title: draft.title ?? base.title,
    kind: draft.kind ?? base.kind,
    startDate: draft.startDate ?? base.startDate,
    endDate: draft.endDate ?? base.endDate,
    place: draft.place ?? base.place,
    organiser: draft.organiser ?? base.organiser,
    facilitators: draft.facilitators ? draft.facilitators.join('\n') : base.facilitators,
    competencies: draft.competencies ?? base.competencies,
    notes: draft.notes ?? base.notes,
    participants: draft.participantIds?.length ? await chosenFromIds(draft.participantIds, posyandu) : base.participants,
  }
}

export function TrainingFormPage({ id }: { id: string | null }) {
  const { t } = useTranslation()
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null)
  const [posyandu, setPosyandu] = useState<Posyandu[] | null>(null)
  const [original, setOriginal] = useState<Training | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  // Taken once per page: StrictMode runs the load effect twice, and the draft is gone after the first.
  const draftRef = useRef<TrainingDraft | null | undefined>(undefined)
  const form = useFormState<Values, typeof trainingInput>(EMPTY, trainingInput, toInput)
  const { values, set, touch, errorOf } = form

  useEffect(() => {
    let live = true
    if (draftRef.current === undefined) draftRef.current = id ? null : takeTrainingDraft()
    const draft = draftRef.current
    Promise.all([
      call('competency:catalogue', {}),
      call('posyandu:list', { includeInactive: true }),
      id ? call('training:get', { id }) : Promise.resolve(null),
      id ? Promise.resolve(null) : call('site:get', {}),
    ])
      .then(async ([info, ps, tr, site]) => {
        const base = tr ? fromTraining(tr) : { ...EMPTY, organiser: site?.name ?? '' }
        const start = draft ? await fromDraft(draft, base, ps) : base
        if (!live) return
        setCatalogue(info.catalogue)
        setPosyandu(ps)
        setOriginal(tr)
        form.reset(start)
        // A drafted class is a change not saved yet: leaving should ask.
        if (draft) form.setBaseline(base)
      })
      .catch((e: unknown) => live && setLoadError(errorMessage(e)))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const today = useOfficeToday()
  // The contract's end-before-start rule only runs once every field is valid; people should see it at once.
  const endBeforeStart =
    /^\d{4}-\d{2}-\d{2}$/.test(values.startDate) && /^\d{4}-\d{2}-\d{2}$/.test(values.endDate) && values.endDate < values.startDate
  const screen = useFormScreen(form, {
    send: (input) => (id ? call('training:update', { ...input, id }) : call('training:create', input)),
    toast: (saved) => ({ message: t('training.saved', { title: saved.title }), tone: 'success' }),
    afterSave: (saved) => navigate(`pelatihan/${saved.id}`),
    leave: () => navigate(id ? `pelatihan/${id}` : 'pelatihan'),
    invalid: endBeforeStart,
  })
  const endError = screen.dateError('endDate') ?? (endBeforeStart && (form.submitted || values.endDate) ? t('training.endBeforeStart') : null)

  const title = id ? t('training.editTitle') : t('training.newTitle')
  const ready = catalogue && posyandu && (!id || original)

  return (
    <div className="page page-form training-page">
      <p className="back-link">
        <a href={id ? href(`pelatihan/${id}`) : href('pelatihan')}>← {id ? t('app.back') : t('training.backToList')}</a>
      </p>
      <PageHeading>{id && original ? `${title}: ${original.title}` : title}</PageHeading>
      <WewenangNotice kinds={['training']} />
      {loadError && <ErrorBox message={loadError} />}
      {!ready && !loadError && <Loading />}
      {ready && (
        <EditForm {...screen.editFormProps} shortcutsHint>
          <section className="card form-section" aria-labelledby="t-sec-event">
            <h2 id="t-sec-event" className="card-title">
              {t('training.sectionEvent')}
            </h2>
            <div className="form-row">
              <Field id="t-title" label={t('training.fieldTitle')} help={t('training.fieldTitleHelp')} error={errorOf('title')} className="grow">
                {(c) => <input {...c} type="text" autoComplete="off" value={values.title} onChange={(e) => set('title', e.target.value)} onBlur={() => touch('title')} />}
              </Field>
              <Field id="t-kind" label={t('training.fieldKind')} error={errorOf('kind')}>
                {(c) => (
                  <select {...c} value={values.kind} onChange={(e) => set('kind', e.target.value as TrainingKind | '')} onBlur={() => touch('kind')}>
                    <option value="">{t('training.kindChoose')}</option>
                    {TRAINING_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`training.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="form-row">
              <Field id="t-start" label={t('training.fieldStart')} help={t('date.help')} error={screen.dateError('startDate')}>
                {(c) => (
                  <DateInput
                    {...c}
                    value={values.startDate}
                    onChange={(v) => {
                      // A one-day event is the common case: the end follows the start until it is typed.
                      if (!values.endDate || values.endDate === values.startDate) set('endDate', v)
                      set('startDate', v)
                    }}
                    onBlur={() => touch('startDate')}
                  />
                )}
              </Field>
              <Field id="t-end" label={t('training.fieldEnd')} help={t('training.endHelp')} error={endError}>
                {(c) => <DateInput {...c} value={values.endDate} onChange={(v) => set('endDate', v)} onBlur={() => touch('endDate')} />}
              </Field>
            </div>
            {/^\d{4}-\d{2}-\d{2}$/.test(values.startDate) && values.startDate > today && (
              <p className="notice" role="note" data-testid="training-planned">
                {t('training.plannedNotice')}
              </p>
            )}
            <div className="form-row">
              <Field id="t-place" label={t('training.fieldPlace')} error={errorOf('place')} optional className="grow">
                {(c) => <input {...c} type="text" value={values.place} onChange={(e) => set('place', e.target.value)} onBlur={() => touch('place')} />}
              </Field>
              <Field id="t-organiser" label={t('training.fieldOrganiser')} help={t('training.organiserHelp')} error={errorOf('organiser')} optional className="grow">
                {(c) => <input {...c} type="text" value={values.organiser} onChange={(e) => set('organiser', e.target.value)} onBlur={() => touch('organiser')} />}
              </Field>
            </div>
            <div className="form-row">
              <Field id="t-facilitators" label={t('training.fieldFacilitators')} help={t('training.facilitatorsHelp')} error={errorOf('facilitators')} optional className="grow">
                {(c) => <textarea {...c} rows={3} value={values.facilitators} onChange={(e) => set('facilitators', e.target.value)} onBlur={() => touch('facilitators')} />}
              </Field>
              <Field id="t-notes" label={t('training.fieldNotes')} error={errorOf('notes')} optional className="grow">
                {(c) => <textarea {...c} rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} onBlur={() => touch('notes')} />}
              </Field>
            </div>
          </section>

          <section className="card form-section">
            <CompetencyPicker
              id="t-competencies"
              catalogue={catalogue}
              value={values.competencies}
              onChange={(next) => {
                touch('competencies')
                set('competencies', next)
              }}
              error={errorOf('competencies')}
            />
          </section>

          <section className="card form-section" aria-labelledby="t-sec-participants">
            <h2 id="t-sec-participants" className="card-title">
              {t('training.sectionParticipants')}
            </h2>
            <ParticipantPicker
              id="t-participants"
              posyandu={posyandu}
              value={values.participants}
              onChange={(next) => {
                touch('participantIds')
                set('participants', next)
                // The core's refusal names participantIds; a changed list deserves a fresh judgement.
                form.setServer(({ participantIds: _stale, ...rest }) => rest)
              }}
              error={errorOf('participantIds')}
            />
          </section>

          <FormFooter {...screen.footerProps} />
        </EditForm>
      )}
      {screen.dialog}
    </div>
  )
}
