// Hand-over from "Kebutuhan pelatihan" to the new-training form: the proposed class (codes
// and participants) waits in sessionStorage until the form takes it once.

import type { Input } from '@shared/contract'

export type TrainingDraft = Partial<Input<'training:create'>>

const KEY = 'simpul.trainingDraft'

export function setTrainingDraft(draft: TrainingDraft): void {
  sessionStorage.setItem(KEY, JSON.stringify(draft))
}

/** The waiting draft, removed as it is read (a reload of the form starts empty). */
export function takeTrainingDraft(): TrainingDraft | null {
  const raw = sessionStorage.getItem(KEY)
  sessionStorage.removeItem(KEY)
  if (!raw) return null
  try {
    return JSON.parse(raw) as TrainingDraft
  } catch {
    return null
  }
}
