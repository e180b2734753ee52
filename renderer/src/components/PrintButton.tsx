// Placeholder: being built (issue 3).
import type { PrintRequest } from '@shared/contract'
export function PrintButton(_props: { request: PrintRequest; label: string; className?: string }) {
  return null
}
