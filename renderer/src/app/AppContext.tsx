import { createContext, useContext } from 'react'
import type { Settings, Site } from '@shared/contract'

export interface AppState {
  site: Site
  setSite: (s: Site) => void
  settings: Settings
  setSettings: (s: Settings) => void
}

export const AppContext = createContext<AppState | null>(null)

export function useApp(): AppState {
  const ctx = useContext(AppContext)
  if (!ctx) throw new Error('useApp outside AppContext')
  return ctx
}
