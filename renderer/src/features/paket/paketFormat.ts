// Words and numbers of the Kirim/Terima Paket screens: the kinds of data in people's words, a
// readable name for a changed column, sizes in KB/MB, a paket's age, and the progress events
// of a long export or import.

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Events } from '@shared/contract'
import { PAKET_KINDS, isPaketKind, type PaketKind } from '@shared/domain/paket'
import { formatPhone } from '@shared/domain/phone'
import { api } from '../../api/client'
import { i18n } from '../../i18n'
import { formatDate } from '../../i18n/format'

/** The kinds of records, in the order of every per-kind table. */
export const KINDS = PAKET_KINDS
export type Kind = PaketKind
const isKind = isPaketKind

/** "kader_status" → "Riwayat status kader"; a kind this version does not know stays as written. */
export function kindLabel(kind: string): string {
  return isKind(kind) ? i18n.t(`paket.kind.${kind}`) : kind
}

/** Sorts kinds into KINDS order, unknown ones last by name. */
export function kindOrder(a: string, b: string): number {
  const ia = isKind(a) ? KINDS.indexOf(a) : KINDS.length
  const ib = isKind(b) ? KINDS.indexOf(b) : KINDS.length
  return ia - ib || a.localeCompare(b)
}

/** Counts per kind ({ kader: 30 }) as ordered rows, without the empty ones. */
export function countRows(counts: Record<string, number>): { kind: string; n: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => ({ kind, n }))
    .sort((a, b) => kindOrder(a.kind, b.kind))
}

const FIELD_KEYS = Object.keys(i18n.getResource('id', 'translation', 'paket.field') ?? {})

/** A column name in the office's words ("posyandu_id" → "Posyandu"); unknown columns stay raw. */
export function fieldLabel(field: string): string {
  return FIELD_KEYS.includes(field) ? String(i18n.t(`paket.field.${field}` as 'paket.field.name')) : field
}

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'id-ID'
}

/** Whole days since an instant (never negative: a clock a little ahead reads as today). */
export function daysSince(iso: string, now: number = Date.now()): number {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return 0
  return Math.max(0, Math.floor((now - t) / 86_400_000))
}

/** "hari ini", "kemarin", "3 hari lalu". */
export function ageText(days: number): string {
  if (days <= 0) return i18n.t('paket.age0')
  if (days === 1) return i18n.t('paket.age1')
  return i18n.t('paket.ageN', { n: new Intl.NumberFormat(locale()).format(days) })
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * A conflicting value in words: empty shown as "(kosong)", flags as Ya/Tidak, dates the
 * Indonesian way, ids named through `names` (Posyandu, OPD) when known, lists joined.
 */
export function valueText(field: string, value: unknown, names?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return i18n.t('paket.empty')
  if (field === 'deleted' || field === 'active' || typeof value === 'boolean') {
    const on = value === true || value === 1 || value === '1'
    return on ? i18n.t('paket.yes') : i18n.t('paket.no')
  }
  if (typeof value === 'string') {
    if (field === 'phone') return formatPhone(value)
    const named = names?.get(value)
    if (named) return named
    if (ISO_DATE.test(value) || ISO_INSTANT.test(value)) return formatDate(value)
    // JSON arrays stored as text (spm_fields, competencies) read better as a list.
    if (value.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(value)
        if (Array.isArray(parsed)) return valueText(field, parsed, names)
      } catch {
        // Not JSON after all: shown as written.
      }
    }
    return value
  }
  if (typeof value === 'number') return new Intl.NumberFormat(locale()).format(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return i18n.t('paket.empty')
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ')
  }
  return JSON.stringify(value)
}

export type Progress = Events['progress']

/**
 * The latest "paket" progress event while a task runs. `start()` clears the old one (call it
 * before the call), `stop()` when the call has answered.
 */
export function usePaketProgress() {
  const [progress, setProgress] = useState<Progress | null>(null)
  const active = useRef(false)
  useEffect(
    () =>
      api.on('progress', (p) => {
        if (active.current && p.task === 'paket') setProgress(p)
      }),
    [],
  )
  const start = useCallback(() => {
    active.current = true
    setProgress(null)
  }, [])
  const stop = useCallback(() => {
    active.current = false
    setProgress(null)
  }, [])
  return { progress, start, stop }
}
