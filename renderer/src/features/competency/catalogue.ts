// The catalogue in force, read once per session and shared by every competency screen: the
// matrix header, the grid, the checklist and the charts all name codes the same way. Installing
// a catalogue drops the copy (and every cached matrix page: levels were recomputed).

import { useEffect, useReducer } from 'react'
import type { CatalogueInfo } from '@shared/contract'
import type { Catalogue } from '@shared/domain/competency'
import { call, errorMessage } from '../../api/client'

export interface CatalogueItem {
  code: string
  groupCode: string
  groupName: string
  text: string
  verified: boolean
}

let pending: Promise<CatalogueInfo> | null = null
let info: CatalogueInfo | null = null
let error: string | null = null
const subscribers = new Set<() => void>()

function load() {
  if (pending) return
  const p = call('competency:catalogue', {})
  pending = p
  p.then(
    (value) => {
      if (pending !== p) return
      info = value
      error = null
      subscribers.forEach((fn) => fn())
    },
    (e: unknown) => {
      if (pending !== p) return
      error = errorMessage(e)
      pending = null
      subscribers.forEach((fn) => fn())
    },
  )
}

/** After an install: the next reader fetches the catalogue now in force. */
export function setCatalogue(next: CatalogueInfo | null) {
  info = next
  error = null
  pending = next ? Promise.resolve(next) : null
  subscribers.forEach((fn) => fn())
}

export function useCatalogue(): { info: CatalogueInfo | null; error: string | null; retry: () => void } {
  const [, bump] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    subscribers.add(bump)
    load()
    return () => void subscribers.delete(bump)
  }, [])
  return {
    info,
    error,
    retry: () => {
      error = null
      pending = null
      load()
      bump()
    },
  }
}

export function catalogueItems(c: Catalogue): CatalogueItem[] {
  return c.groups.flatMap((g) => g.items.map((i) => ({ code: i.code, groupCode: g.code, groupName: g.name, text: i.text, verified: i.verified })))
}
