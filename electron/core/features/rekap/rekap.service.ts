// The recap of an office's area (the Dinas's whole city after importing bundles).

import type { ParsedInput, Rekap } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

export async function getRekap(_db: Db, _input: ParsedInput<'rekap:get'>, _nowMs: number = Date.now()): Promise<Rekap> {
  throw new Error('belum dibuat')
}
