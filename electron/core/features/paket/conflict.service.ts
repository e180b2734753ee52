// The conflict list (a field two offices changed without seeing each other's change) and the
// same-NIK pairs: what a person reviews after an import.

import type { KaderDuplicatePair, PaketConflict, ParsedInput } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

const TODO = (): never => {
  throw new Error('belum dibuat')
}

export async function listConflicts(_db: Db, _input: ParsedInput<'paket:conflicts'>): Promise<PaketConflict[]> {
  return TODO()
}
export async function resolveConflict(_db: Db, _input: ParsedInput<'paket:resolveConflict'>): Promise<PaketConflict> {
  return TODO()
}
export async function listDuplicates(_db: Db, _input: ParsedInput<'paket:duplicates'>): Promise<KaderDuplicatePair[]> {
  return TODO()
}
export async function resolveDuplicate(_db: Db, _input: ParsedInput<'paket:resolveDuplicate'>): Promise<KaderDuplicatePair> {
  return TODO()
}
