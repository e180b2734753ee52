// The desktop app's main process: the only code that imports Electron. It finds the database
// file, opens the window with Electron's security defaults, and hands every call from the
// renderer to the core dispatcher. It never imports the HTTP bridge or the CLI (lint-enforced).

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { startHostSession, type HostSession } from '../core/host/host-session'
import { backupIfDue } from '../core/features/cadangan/cadangan.service'
import { checkInstallation, recordInstallation, thisHost } from '../core/features/site/installation'
import { protectKeys } from '../core/features/kunci/kunci.service'
import { osKeyVault } from './key-vault'
import { messageOf } from '../core/host/open-database-file'
import type { Emit } from '../core/ipc/types'
import { EVENT_CHANNEL, registerInvokeHandler } from './ipc'
import { buildMenu } from './menu'
import { chooseFile, chooseFolder } from './folder'
import { savePdf } from './print'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { denyAllPermissions, installNavigationGuards } from './security'
import { createMainWindow } from './window'

const DB_FILE_NAME = 'simpul-posyandu.sqlite'
// Set by `electron-vite dev`. A packaged app ignores it: an environment variable must not
// be able to point the app (and its IPC trust) at another page.
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null

let mainWindow: BrowserWindow | null = null
let session: HostSession | null = null
/** The day's verified backup, started beside the first screens (see afterOpen below). */
let dailyBackup: Promise<unknown> = Promise.resolve()

app.enableSandbox()
registerAppScheme()
installNavigationGuards()
if (process.platform === 'win32') app.setAppUserModelId('id.simpul.posyandu')

// Two instances writing one SQLite file would fight over its lock: the second one only
// brings the first to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    const closing = session
    const db = closing?.db()
    // Nothing to record or close while the recovery screen shows a damaged file.
    if (!closing || !db) return
    event.preventDefault()
    session = null
    // A failure of either step is logged, and the app ends all the same. The day's backup, if
    // still running, ends first: closed under it, it would fail and wait for the next start.
    void dailyBackup
      .then(() => recordInstallation(db, installationPlace()))
      .catch((error: unknown) => console.error(error))
      .then(() => closing.close())
      .catch((error: unknown) => console.error(error))
      .finally(() => app.quit())
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error(error)
    app.exit(1)
  })
}

/** This PC, and the marker file outside the database (installation.ts). */
const installationPlace = () => ({ host: thisHost(), markerFile: join(app.getPath('userData'), 'instalasi.json') })

async function start(): Promise<void> {
  Menu.setApplicationMenu(buildMenu(devUrl !== null))
  denyAllPermissions()
  handleAppProtocol(join(__dirname, '../renderer'))

  // The Electron smoke test gives each run a fresh folder; a packaged app ignores the variable.
  if (!app.isPackaged && process.env.SIMPUL_USER_DATA) app.setPath('userData', process.env.SIMPUL_USER_DATA)
  const userData = app.getPath('userData')
  const file = join(userData, DB_FILE_NAME)
  const emit: Emit = (event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, { event, payload })
  }
  // The window opens at once and shows its loading state; calls wait for the database. The
  // first start loads ~92,000 areas, which takes seconds on an old office PC: better a
  // window saying "Memuat…" than nothing on screen.
  const ready = (async () => {
    mkdirSync(userData, { recursive: true })
    // Packaged: idn-area-data's CSVs are copied beside app.asar (electron-builder.yml).
    const areaDataDir = app.isPackaged ? join(process.resourcesPath, 'idn-area-data') : undefined
    // Private keys sealed by the operating system; a database copied from another PC or
    // restored from an older backup gets a new identity (and new keys).
    // A damaged file opens the recovery screen instead (host-session.ts); after a restore or a
    // fresh start `afterOpen` runs on the database then in place.
    session = await startHostSession({
      file,
      emit,
      host: {
        savePdf: (doc) => savePdf(doc, mainWindow),
        chooseFolder: () => chooseFolder(mainWindow),
        chooseFile: () => chooseFile(mainWindow),
      },
      openOptions: { areaDataDir, keyVault: osKeyVault() },
      onUnexpected: (error) => console.error(error),
      afterOpen: async (db) => {
        await checkInstallation(db, installationPlace())
        await protectKeys(db)
        // The day's verified backup runs beside the first screens, not before them (the online
        // backup lets saves go on); a failure is logged, and the next start tries again.
        dailyBackup = backupIfDue(db).catch((error: unknown) => console.error(error))
      },
    })
    return session.dispatch
  })()
  ready.catch((error: unknown) => {
    // Details (with the stack) stay in the log; the person sees what to do.
    dialog.showErrorBox('Simpul Posyandu tidak dapat dibuka', `${messageOf(error)}\n\nBerkas data: ${file}`)
    app.exit(1)
  })
  registerInvokeHandler((channel, input) => ready.then((dispatch) => dispatch(channel, input)), devUrl)
  mainWindow = createMainWindow(devUrl)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}
