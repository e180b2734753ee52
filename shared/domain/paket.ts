// The kinds of records a bundle ("paket") carries: the replicated tables, in the order people
// think of them and in which every per-kind table is shown. The core's digest and bundle code,
// the CLI and the screens all use this one list.

export const PAKET_KINDS = [
  'posyandu',
  'kader',
  'kader_status',
  'training',
  'training_participant',
  'assessment',
  'opd',
  'meeting',
  'attachment',
  'follow_up',
  'follow_up_progress',
] as const
export type PaketKind = (typeof PAKET_KINDS)[number]

export function isPaketKind(k: string): k is PaketKind {
  return (PAKET_KINDS as readonly string[]).includes(k)
}
