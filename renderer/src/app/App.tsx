import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BerkasRusakStatus, Settings, Site } from '@shared/contract'
import { call, errorMessage } from '../api/client'
import { setLanguage } from '../i18n'
import { Loading } from '../components/Loading'
import { ErrorBox } from '../components/ErrorBox'
import { ToastProvider } from '../components/Toasts'
import { SetupScreen } from '../features/setup/SetupScreen'
import { BerkasRusakScreen } from '../features/berkas-rusak/BerkasRusakScreen'
import { AppContext } from './AppContext'
import { Shell } from './Shell'

type Boot =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'damaged'; damaged: Extract<BerkasRusakStatus, { damaged: true }> }
  | { status: 'ready'; site: Site | null; settings: Settings }

export function App() {
  const { t } = useTranslation()
  const [boot, setBoot] = useState<Boot>({ status: 'loading' })

  const start = useCallback(async () => {
    setBoot({ status: 'loading' })
    try {
      // A damaged database file: the host serves only the recovery calls until it is restored.
      const rusak = await call('berkasRusak:status', {})
      if (rusak.damaged) {
        setBoot({ status: 'damaged', damaged: rusak })
        return
      }
      const [settings, site] = await Promise.all([call('settings:get', {}), call('site:get', {})])
      await setLanguage(settings.language)
      setBoot({ status: 'ready', site, settings })
    } catch (e) {
      setBoot({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    void start()
  }, [start])

  const setSettings = useCallback((settings: Settings) => {
    void setLanguage(settings.language)
    setBoot((b) => (b.status === 'ready' ? { ...b, settings } : b))
  }, [])

  let body
  if (boot.status === 'loading') {
    body = (
      <main className="boot">
        <Loading label={t('app.loading')} />
      </main>
    )
  } else if (boot.status === 'error') {
    body = (
      <main className="boot">
        <ErrorBox message={boot.message} onRetry={() => void start()} />
      </main>
    )
  } else if (boot.status === 'damaged') {
    body = <BerkasRusakScreen status={boot.damaged} onRecovered={() => void start()} />
  } else if (!boot.site) {
    body = <SetupScreen onDone={(site) => setBoot({ ...boot, site })} onRestored={() => void start()} />
  } else {
    body = (
      <AppContext.Provider value={{ site: boot.site, setSite: (site) => setBoot({ ...boot, site }), settings: boot.settings, setSettings }}>
        <Shell />
      </AppContext.Provider>
    )
  }
  return <ToastProvider>{body}</ToastProvider>
}
