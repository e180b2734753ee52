import { formatNumber } from '../../i18n/format'

/** "12,3 MB": people compare sizes, not bytes (the CLI's `cadangan daftar` says it the same way). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`
}
