// Placeholder: being written now (issue 3).
import type { ParsedInput, TrainingNeeds } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

export async function trainingNeeds(_db: Db, _input: ParsedInput<'competency:needs'>): Promise<TrainingNeeds> {
  throw new Error('belum dibuat')
}
