import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { APP_URL } from './policy'

/** Packaged: copied beside app.asar by extraResources (build resources are not packed). */
function iconPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'resources/icon.png')
}

export function createMainWindow(devUrl: string | null): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Simpul Posyandu',
    icon: iconPath(),
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      // Middle-click (auxclick) would open links in new windows the app never asked for.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  // Keep the product name in the taskbar whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  // The CSP header comes with app:// only: the dev server's hot reload needs inline scripts.
  void win.loadURL(devUrl ?? APP_URL)
  return win
}
