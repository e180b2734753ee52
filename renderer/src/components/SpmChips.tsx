import { useTranslation } from 'react-i18next'
import type { SpmField } from '@shared/contract'

export function SpmChips({ fields }: { fields: readonly SpmField[] }) {
  const { t } = useTranslation()
  return (
    <ul className="chips">
      {fields.map((f) => (
        <li key={f} className={`chip chip-${f}`}>
          {t(`spm.${f}`)}
        </li>
      ))}
    </ul>
  )
}
