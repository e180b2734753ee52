// Placeholder: being written now (issue 3).
import type { CompetencySummary, KaderCompetency, MatrixRow, ParsedInput } from '../../../../shared/contract'
import type { Catalogue } from '../../../../shared/domain/competency'
import type { Db } from '../../db/schema'

const todo = (): never => {
  throw new Error('belum dibuat')
}
export async function recomputeCompetencies(_trx: Db, _kaderIds: readonly string[] | 'all', _catalogue?: Catalogue): Promise<number> {
  return 0
}
export async function getKaderCompetency(_db: Db, _input: ParsedInput<'competency:kader'>): Promise<KaderCompetency> {
  return todo()
}
export async function assess(_db: Db, _input: ParsedInput<'competency:assess'>): Promise<KaderCompetency> {
  return todo()
}
export async function assessBulk(_db: Db, _input: ParsedInput<'competency:assessBulk'>): Promise<{ saved: number; levelChanges: number }> {
  return todo()
}
export async function competencyMatrix(_db: Db, _input: ParsedInput<'competency:matrix'>): Promise<{ total: number; rows: MatrixRow[] }> {
  return todo()
}
export async function competencySummary(_db: Db, _input: ParsedInput<'competency:summary'>): Promise<CompetencySummary> {
  return todo()
}
