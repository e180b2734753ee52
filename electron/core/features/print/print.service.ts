// Placeholder: being built (issue 3).
import type { PrintDocument, PrintRequest } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

export async function printDocument(_db: Db, _request: PrintRequest): Promise<PrintDocument> {
  throw new Error('belum dibuat')
}
