import { useTranslation } from 'react-i18next'
import { ASSESSMENT_METHODS, type AssessmentMethod } from '@shared/domain/competency'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'

/** What the assessor fields hold: always strings; blank optional ones become null in the contract. */
export interface AssessorFields {
  name: string
  nip: string
  profession: string
  institution: string
}

const KEY = 'simpul.lastAssessor'
const EMPTY: AssessorFields = { name: '', nip: '', profession: '', institution: '' }

/** The last assessor typed on this PC: the same Puskesmas officer assesses class after class. */
export function loadAssessor(): AssessorFields {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<AssessorFields> | null
    if (!raw || typeof raw !== 'object') return EMPTY
    const s = (v: unknown) => (typeof v === 'string' ? v : '')
    return { name: s(raw.name), nip: s(raw.nip), profession: s(raw.profession), institution: s(raw.institution) }
  } catch {
    return EMPTY
  }
}

export function saveAssessor(a: AssessorFields) {
  localStorage.setItem(KEY, JSON.stringify(a))
}

/** Name, NIP, profession and institution of the assessor, with the core's messages under each. */
export function AssessorInputs(props: {
  prefix: string
  value: AssessorFields
  onChange: (v: AssessorFields) => void
  errors: Record<string, string | undefined>
}) {
  const { t } = useTranslation()
  const set = (k: keyof AssessorFields) => (e: React.ChangeEvent<HTMLInputElement>) => props.onChange({ ...props.value, [k]: e.target.value })
  const listId = `${props.prefix}-professions`
  return (
    <div className="form-row">
      <Field id={`${props.prefix}-name`} label={t('competency.assessor.name')} error={props.errors['assessor.name']} className="grow">
        {(p) => <input {...p} type="text" autoComplete="off" value={props.value.name} onChange={set('name')} />}
      </Field>
      <Field id={`${props.prefix}-nip`} label={t('competency.assessor.nip')} optional error={props.errors['assessor.nip']}>
        {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" className="mono" value={props.value.nip} onChange={set('nip')} />}
      </Field>
      <Field id={`${props.prefix}-profession`} label={t('competency.assessor.profession')} optional error={props.errors['assessor.profession']}>
        {(p) => <input {...p} type="text" list={listId} autoComplete="off" value={props.value.profession} onChange={set('profession')} />}
      </Field>
      <Field id={`${props.prefix}-institution`} label={t('competency.assessor.institution')} optional error={props.errors['assessor.institution']} className="grow">
        {(p) => <input {...p} type="text" autoComplete="off" value={props.value.institution} onChange={set('institution')} />}
      </Field>
      <datalist id={listId}>
        {t('competency.assessor.professions')
          .split('|')
          .map((x) => (
            <option key={x} value={x} />
          ))}
      </datalist>
    </div>
  )
}

/** The date and the method of an assessment, one row; `help` under the date where a default needs saying. */
export function AssessDateMethod(props: {
  prefix: string
  date: string
  onDate: (v: string) => void
  method: AssessmentMethod
  onMethod: (m: AssessmentMethod) => void
  errors: Record<string, string | undefined>
  help?: string
}) {
  const { t } = useTranslation()
  return (
    <div className="form-row">
      <Field id={`${props.prefix}-date`} label={t('competency.assess.date')} error={props.errors.date} help={props.help}>
        {(p) => <DateInput {...p} value={props.date} onChange={props.onDate} />}
      </Field>
      <Field id={`${props.prefix}-method`} label={t('competency.assess.method')} error={props.errors.method} className="grow">
        {(p) => (
          <select {...p} value={props.method} onChange={(e) => props.onMethod(e.target.value as AssessmentMethod)}>
            {ASSESSMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`competency.method.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  )
}
