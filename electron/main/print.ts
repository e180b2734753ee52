// The desktop host's PDF printer: the core renders a standalone HTML page, this prints it
// with Chromium's printToPDF in a hidden window and saves it where the person chooses.
//
// The hidden window is locked down further than the main one: its own in-memory session
// that answers only the one temp file it loads (the page has no external resources, so
// anything else is a bug or an injection and is cancelled), JavaScript off, sandboxed, no
// preload. The app-wide navigation guards (security.ts) stay in force for it; they do not get
// in the way, because `loadURL` is a programmatic load, which `will-navigate` does not see.

import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, session } from 'electron'
import type { PrintDocument } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { denyAllPermissions } from './security'

/** No "persist:" prefix: an in-memory session, nothing of it is written to disk. */
const PRINT_PARTITION = 'simpul-print'
const RENDER_TIMEOUT_MS = 60_000

let sessionReady = false

function printSession(): Electron.Session {
  const ses = session.fromPartition(PRINT_PARTITION)
  if (!sessionReady) {
    sessionReady = true
    denyAllPermissions(ses)
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isAllowed(details.url) })
    })
  }
  return ses
}

/** The temp files being printed right now: the only things the print session may load. */
const allowedFiles = new Set<string>()

/** Windows paths compare case-insensitively; comparing paths, not URL strings, sidesteps percent-encoding. */
const pathKey = (p: string) => (process.platform === 'win32' ? resolve(p).toLowerCase() : resolve(p))

function isAllowed(url: string): boolean {
  if (!url.startsWith('file:')) return false
  try {
    return allowedFiles.has(pathKey(fileURLToPath(url)))
  } catch {
    return false
  }
}

/** Renders the HTML to PDF bytes in a hidden, script-less window. */
export async function renderPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'simpul-print-'))
  const file = join(dir, 'dokumen.html')
  let win: BrowserWindow | null = null
  let timer: NodeJS.Timeout | undefined
  try {
    await writeFile(file, html, 'utf8')
    allowedFiles.add(pathKey(file))
    win = new BrowserWindow({
      show: false,
      // A4 at 96 dpi: the layout the page was written for, should anything read the viewport.
      width: 794,
      height: 1123,
      webPreferences: {
        session: printSession(),
        sandbox: true,
        javascript: false,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
        devTools: false,
        disableBlinkFeatures: 'Auxclick',
      },
    })
    const work = (async () => {
      await win.loadURL(pathToFileURL(file).href)
      return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    })()
    // When the timeout wins, the abandoned load still settles (rejects as the window goes): not an unhandled rejection.
    work.catch(() => undefined)
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('printToPDF timed out')), RENDER_TIMEOUT_MS)
    })
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
    allowedFiles.delete(pathKey(file))
    if (win && !win.isDestroyed()) win.destroy()
    await rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/**
 * Writes beside the target, then renames over it: a full disk or a crash leaves either the
 * old file or the new one, never half a PDF under the chosen name.
 */
async function writeAtomically(target: string, data: Buffer): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now()}.tmp`)
  try {
    await writeFile(temp, data, { flag: 'wx' })
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

function saveError(error: unknown, target: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code
  const folder = dirname(target)
  const message =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `Ruang penyimpanan di ${folder} penuh. Kosongkan sebagian ruang atau pilih tempat lain (mis. flashdisk), lalu simpan lagi.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Aplikasi tidak boleh menulis di ${folder}. Pilih folder lain, mis. Dokumen, lalu simpan lagi.`
        : code === 'EBUSY'
          ? `Berkas ${basename(target)} sedang dibuka program lain (mis. pembaca PDF). Tutup berkas itu, lalu simpan lagi.`
          : code === 'ENOENT'
            ? `Folder ${folder} tidak ada lagi (flashdisk dicabut?). Pilih tempat lain, lalu simpan lagi.`
            : 'PDF tidak dapat disimpan. Coba simpan lagi di folder lain; bila terulang, hubungi petugas TI.'
  return new AppError({ code: 'internal', message })
}

/** Asks where to save, prints, writes. Null when the person cancels the dialog. */
export async function savePdf(doc: PrintDocument, parent: BrowserWindow | null = null): Promise<{ path: string } | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Simpan PDF',
    defaultPath: join(app.getPath('documents'), doc.fileName),
    buttonLabel: 'Simpan',
    filters: [{ name: 'Dokumen PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const choice = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return null
  const target = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`

  let pdf: Buffer
  try {
    pdf = await renderPdf(doc.html)
  } catch (error) {
    console.error('[simpul] printToPDF gagal:', error)
    throw new AppError({
      code: 'internal',
      message: 'Dokumen tidak dapat diubah menjadi PDF. Tutup pratinjau lalu coba lagi; bila terulang, mulai ulang aplikasi.',
    })
  }
  try {
    await writeAtomically(target, pdf)
  } catch (error) {
    console.error('[simpul] menyimpan PDF gagal:', error)
    throw saveError(error, target)
  }
  return { path: target }
}
