import { useTranslation } from 'react-i18next'
import type { SpmField } from '@shared/contract'
import { SPM_FIELDS } from '@shared/domain/reference'
import { SpmName, spmNameLong } from './SpmName'

export function SpmChips({ fields }: { fields: readonly SpmField[] }) {
  return (
    <ul className="chips">
      {fields.map((f) => (
        <li key={f} className={`chip chip-${f}`}>
          <SpmName field={f} />
        </li>
      ))}
    </ul>
  )
}

/** The six SPM fields as checkboxes, in the official order (inside the caller's FieldSet). */
export function SpmCheckboxes({ value, onChange }: { value: readonly SpmField[]; onChange: (next: SpmField[]) => void }) {
  const { t } = useTranslation()
  return (
    <div className="check-grid">
      {SPM_FIELDS.map((f) => (
        <label key={f} className="check">
          <input
            type="checkbox"
            name="spmFields"
            value={f}
            checked={value.includes(f)}
            onChange={(e) => onChange(e.target.checked ? [...value, f] : value.filter((x) => x !== f))}
          />
          <span>{spmNameLong(t, f)}</span>
        </label>
      ))}
    </div>
  )
}
