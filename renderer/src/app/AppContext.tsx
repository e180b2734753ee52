import { createContext, useContext } from 'react'
import type { Settings, Site } from '@shared/contract'
import { useTranslation } from 'react-i18next'
import { jenisDesa } from '@shared/domain/wilayah'
import { hariIni } from '@shared/domain/tanggal'
import { ZONA_WAKTU, type ZonaWaktu } from '@shared/domain/zona-waktu'

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

/** The office's time zone (from its province, via the site): the one source for the renderer. */
export function useOfficeZone(): ZonaWaktu {
  return ZONA_WAKTU[useApp().site.timeZone]
}

/** The office's calendar date today, in its own zone. */
export function useOfficeToday(): string {
  return hariIni(useOfficeZone())
}

/** The office's kind as people say it: "Kelurahan" or "Desa" for a village office, else its level. */
export function useOfficeKind(): string {
  const { site } = useApp()
  const { t } = useTranslation()
  return site.level === 'kelurahan' ? t(`villageKind.${jenisDesa(site.areaCode)}`) : t(`level.${site.level}`)
}
