// Placeholder: being built (issue 4).
import type { FollowUp, FollowUpRow, OpdBoardRow, ParsedInput } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

const todo = (): never => {
  throw new Error('belum dibuat')
}
export async function listFollowUps(_db: Db, _input: ParsedInput<'followUp:list'>): Promise<FollowUpRow[]> {
  return todo()
}
export async function getFollowUp(_db: Db, _input: ParsedInput<'followUp:get'>): Promise<FollowUp> {
  return todo()
}
export async function createFollowUp(_db: Db, _input: ParsedInput<'followUp:create'>): Promise<FollowUp> {
  return todo()
}
export async function updateFollowUp(_db: Db, _input: ParsedInput<'followUp:update'>): Promise<FollowUp> {
  return todo()
}
export async function addFollowUpProgress(_db: Db, _input: ParsedInput<'followUp:progress'>): Promise<FollowUp> {
  return todo()
}
export async function opdBoard(_db: Db): Promise<OpdBoardRow[]> {
  return todo()
}
