// Placeholder: being built (issue 3).
import type { ParsedInput, Training, TrainingRow } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

const todo = (): never => {
  throw new Error('belum dibuat')
}
export async function listTrainings(_db: Db, _input: ParsedInput<'training:list'>): Promise<TrainingRow[]> {
  return todo()
}
export async function getTraining(_db: Db, _input: ParsedInput<'training:get'>): Promise<Training> {
  return todo()
}
export async function createTraining(_db: Db, _input: ParsedInput<'training:create'>): Promise<Training> {
  return todo()
}
export async function updateTraining(_db: Db, _input: ParsedInput<'training:update'>): Promise<Training> {
  return todo()
}
export async function saveTrainingResults(_db: Db, _input: ParsedInput<'training:results'>): Promise<Training> {
  return todo()
}
export async function archiveTraining(_db: Db, _input: ParsedInput<'training:archive'>): Promise<{ id: string }> {
  return todo()
}
