// The roster's pages (see components/pagedList.ts): any kader save clears them.

import type { Input, KaderRow } from '@shared/contract'
import { call } from '../../api/client'
import { createPagedList } from '../../components/pagedList'

export type KaderQuery = Omit<Required<Input<'kader:list'>>, 'offset' | 'limit' | 'posyanduId' | 'status' | 'spmField'> & {
  posyanduId: string | null
  status: Input<'kader:list'>['status']
  spmField: Input<'kader:list'>['spmField']
}

const pages = createPagedList<KaderQuery, KaderRow>((query, offset, limit) => call('kader:list', { ...query, offset, limit }))

export const useKaderPages = pages.usePages
/** Called after any create/update/archive/restore. */
export const invalidateKaderPages = pages.invalidate
