// The matrix's pages (see components/pagedList.ts): a kota holds 11,000 kader. Any assessment
// or catalogue change clears them, since levels and cells may all have moved.

import type { Input, MatrixRow } from '@shared/contract'
import { call } from '../../api/client'
import { createPagedList } from '../../components/pagedList'

export type MatrixQuery = Omit<Input<'competency:matrix'>, 'offset' | 'limit'>

const pages = createPagedList<MatrixQuery, MatrixRow>((query, offset, limit) => call('competency:matrix', { ...query, offset, limit }))

export const useMatrixPages = pages.usePages
/** Called after any assessment or catalogue install. */
export const invalidateMatrixPages = pages.invalidate
