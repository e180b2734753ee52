import { useTranslation } from 'react-i18next'
import type { LevelCode } from '@shared/domain/competency'
import './competency.css'

/** The kader's level as a word in a coloured pill: the word carries the meaning, the colour helps. */
export function LevelBadge({ level, long = false, short = false }: { level: LevelCode | null; long?: boolean; short?: boolean }) {
  const { t } = useTranslation()
  const key = level ?? 'none'
  return (
    <span className={`badge level-badge level-${key}`} data-level={key}>
      {long ? t(`competency.levelFull.${key}`) : short ? t(`competency.levelShort.${key}`) : t(`competency.levelName.${key}`)}
    </span>
  )
}
