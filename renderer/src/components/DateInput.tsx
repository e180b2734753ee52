// A typed date field instead of <input type="date">: Chromium's native field shows the
// browser's own order (often mm/dd/yyyy), splits the date into segments that confuse people
// who type "9/10/2025" in one go, and its calendar popup is small for older eyes. Here people
// type the date as they write it on paper ("09-10-2025", "9/10/2025", "9 Okt 2025") and see the
// long form ("9 Oktober 2025") under the field, so they know it was understood.

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateShort, parseDateInput } from '../i18n/format'
import type { ControlProps } from './Field'

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** The form's value: "YYYY-MM-DD" when understood, otherwise the raw text (so validation can refuse it). */
export function isDateUnderstood(value: string | null | undefined): boolean {
  return !value || ISO.test(value)
}

export function DateInput(
  props: ControlProps & {
    value: string
    onChange: (value: string) => void
    onBlur?: () => void
    autoFocus?: boolean
    inputRef?: React.Ref<HTMLInputElement>
  },
) {
  const { t } = useTranslation()
  const { value, onChange, onBlur, inputRef, ...control } = props
  const [text, setText] = useState(() => formatDateShort(value) || value)
  const lastEmitted = useRef(value)

  // A value set from outside (filled from the NIK, a reset) replaces what is shown.
  useEffect(() => {
    if (value !== lastEmitted.current) {
      lastEmitted.current = value
      setText(formatDateShort(value) || value)
    }
  }, [value])

  const iso = ISO.test(value) ? value : null
  const describedBy = [control['aria-describedby'], `${control.id}-long`].filter(Boolean).join(' ')
  return (
    <div className="date-input">
      <input
        {...control}
        ref={inputRef}
        aria-describedby={describedBy}
        type="text"
        inputMode="text"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          const parsed = parseDateInput(e.target.value)
          const next = parsed ?? e.target.value.trim()
          lastEmitted.current = next
          onChange(next)
        }}
        onBlur={() => {
          if (iso) setText(formatDateShort(iso))
          onBlur?.()
        }}
      />
      <span id={`${control.id}-long`} className="date-long" aria-live="polite">
        {iso ? formatDate(iso) : ''}
      </span>
    </div>
  )
}
