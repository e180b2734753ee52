// Placeholder: being built (issue 4).
import type { Opd, ParsedInput } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

const todo = (): never => {
  throw new Error('belum dibuat')
}
/** Seeds the default OPD list into a database that has none. */
export async function ensureOpds(_db: Db): Promise<void> {}
export async function listOpd(_db: Db, _input: ParsedInput<'opd:list'>): Promise<Opd[]> {
  return todo()
}
export async function createOpd(_db: Db, _input: ParsedInput<'opd:create'>): Promise<Opd> {
  return todo()
}
export async function updateOpd(_db: Db, _input: ParsedInput<'opd:update'>): Promise<Opd> {
  return todo()
}
