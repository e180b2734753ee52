// How a training's dates and numbers read on screen: "3–5 Maret 2025", "28 Februari – 2 Maret 2025".

import { formatDate } from '../../i18n/format'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** One day reads as one date; days in one month share the month and year, as people write them. */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatDate(start)
  const a = ISO.exec(start)
  const b = ISO.exec(end)
  if (a && b && a[1] === b[1] && a[2] === b[2]) return `${Number(a[3])}–${formatDate(end)}`
  return `${formatDate(start)} – ${formatDate(end)}`
}

/** "85", "85,5" or "85.5" → 85.5; blank → null; anything else (or outside 0–100) → undefined. */
export function parseScore(text: string): number | null | undefined {
  const s = text.trim().replace(',', '.')
  if (!s) return null
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return undefined
  const n = Number(s)
  return n >= 0 && n <= 100 ? n : undefined
}

/** 85.5 → "85,5" (Indonesian decimal comma). */
export function formatScore(n: number | null): string {
  return n === null ? '' : String(n).replace('.', ',')
}
