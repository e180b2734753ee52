// Electron's security checklist, applied to every web contents the app ever creates.

import { app, session, shell, type Session } from 'electron'
import { isAllowedExternalUrl } from './policy'

function openIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url)
}

/** Must run before any window exists. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The UI is a single page: it never navigates. A plain link to an allowed site still
    // opens, in the system browser.
    contents.on('will-navigate', (event, url) => {
      event.preventDefault()
      openIfAllowed(url)
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      openIfAllowed(url)
      return { action: 'deny' }
    })
  })
}

/** Camera, location, notifications, clipboard reads…: the app needs none of them. */
export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
}
