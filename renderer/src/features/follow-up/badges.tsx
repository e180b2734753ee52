// The status and deadline marks every follow-up screen shares. Overdue is never colour alone:
// the badge says "Lewat N hari" in words, so it reads the same in a grey printout or to a
// screen reader.

import { useTranslation } from 'react-i18next'
import type { FollowUpRow, FollowUpStatus } from '@shared/contract'
import { daysBetween } from '@shared/domain/meeting'
import { formatDate, formatNumber } from '../../i18n/format'
import './follow-up.css'

export function StatusBadge({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation()
  return <span className={`badge fu-status fu-status-${status}`}>{t(`followUp.status.${status}`)}</span>
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useTranslation()
  return (
    <span className="badge fu-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('followUp.overdueBadge', { n: formatNumber(days) })}
    </span>
  )
}

/** The deadline as a date, and how it stands today: overdue, due today, or days left (open ones only). */
export function DueDate({ row, today }: { row: Pick<FollowUpRow, 'dueDate' | 'overdue' | 'daysOverdue' | 'status'>; today: string }) {
  const { t } = useTranslation()
  const open = row.status === 'baru' || row.status === 'diproses'
  const left = daysBetween(today, row.dueDate)
  return (
    <span className="fu-due">
      <span className={row.overdue ? 'fu-due-date fu-due-late' : 'fu-due-date'}>{formatDate(row.dueDate)}</span>
      {row.overdue ? (
        <OverdueBadge days={row.daysOverdue} />
      ) : open && left === 0 ? (
        <span className="badge badge-warning">{t('followUp.dueToday')}</span>
      ) : open && left > 0 && left <= 7 ? (
        <span className="muted small">{t('followUp.dueIn', { n: formatNumber(left) })}</span>
      ) : null}
    </span>
  )
}

/** "2026-11-03" plus n days, as a calendar date (UTC arithmetic, so no time zone shifts it). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
