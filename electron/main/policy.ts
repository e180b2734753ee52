// Decisions the main process makes about URLs, kept free of `electron` so tests can run them.

/** The renderer is served from app://simpul/… (see protocol.ts). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'simpul'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Links the app may hand to the system browser (the About screen's credits, regulations).
 * Anything else is refused: a renderer bug must not become a way to launch arbitrary URLs.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'opendatacommons.org',
  'peraturan.bpk.go.id',
  'www.kemkes.go.id',
  'ayosehat.kemkes.go.id',
]

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && !url.username && !url.password && !url.port && EXTERNAL_HOSTS.includes(url.hostname)
}

/**
 * Only our own page may call the core: the app:// origin, or in development the dev server
 * electron-vite started (never honoured in a packaged app; main passes null there).
 */
export function isTrustedSenderUrl(raw: string | undefined | null, devUrl: string | null): boolean {
  if (!raw) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  // A custom scheme's URL.origin is "null", so compare scheme and host instead.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (!devUrl) return false
  try {
    const dev = new URL(devUrl)
    return url.protocol === dev.protocol && url.host === dev.host
  } catch {
    return false
  }
}
