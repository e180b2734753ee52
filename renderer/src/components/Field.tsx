import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

/**
 * One labelled form field with its help, warning and error texts tied to the control via
 * aria-describedby, so a screen reader reads the message where the eye sees it.
 */
export function Field(props: {
  id: string
  label: ReactNode
  help?: ReactNode
  error?: string | null
  warning?: ReactNode
  extra?: ReactNode
  optional?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}) {
  const { t } = useTranslation()
  const ids = [
    props.help ? `${props.id}-help` : null,
    props.extra ? `${props.id}-extra` : null,
    props.warning ? `${props.id}-warning` : null,
    props.error ? `${props.id}-error` : null,
  ].filter(Boolean)
  return (
    <div className={`field ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={props.id} className="field-label">
        {props.label}
        {props.optional && <span className="field-optional"> {t('app.optional')}</span>}
      </label>
      {props.children({
        id: props.id,
        'aria-describedby': ids.length ? ids.join(' ') : undefined,
        'aria-invalid': props.error ? true : undefined,
      })}
      {props.help && (
        <p id={`${props.id}-help`} className="field-help">
          {props.help}
        </p>
      )}
      {props.extra && (
        <div id={`${props.id}-extra`} className="field-extra">
          {props.extra}
        </div>
      )}
      {props.warning && (
        <div id={`${props.id}-warning`} className="field-warning">
          {props.warning}
        </div>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  )
}

/** A group of checkboxes or radios: a fieldset whose legend is the label. */
export function FieldSet(props: {
  id: string
  legend: ReactNode
  help?: ReactNode
  error?: string | null
  warning?: ReactNode
  className?: string
  children: ReactNode
}) {
  const ids = [props.help ? `${props.id}-help` : null, props.error ? `${props.id}-error` : null].filter(Boolean)
  return (
    <fieldset
      id={props.id}
      className={`field fieldset ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}
      aria-describedby={ids.length ? ids.join(' ') : undefined}
      aria-invalid={props.error ? true : undefined}
    >
      <legend className="field-label">{props.legend}</legend>
      {props.children}
      {props.help && (
        <p id={`${props.id}-help`} className="field-help">
          {props.help}
        </p>
      )}
      {props.warning && <div className="field-warning">{props.warning}</div>}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
