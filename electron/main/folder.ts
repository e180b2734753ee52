// The system dialogs for a folder (Kirim/Terima Paket, the USB stick) and for a spreadsheet to
// import (a kader roster). Desktop only.

import { dialog, type BrowserWindow } from 'electron'

export async function chooseFolder(parent: BrowserWindow | null): Promise<{ folder: string } | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Pilih folder paket (flashdisk)',
    buttonLabel: 'Pilih folder ini',
    properties: ['openDirectory', 'createDirectory'],
  }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  if (result.canceled || result.filePaths.length === 0) return null
  return { folder: result.filePaths[0]! }
}

export async function chooseFile(parent: BrowserWindow | null): Promise<{ path: string } | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Pilih berkas daftar kader',
    buttonLabel: 'Pilih berkas ini',
    properties: ['openFile'],
    filters: [
      { name: 'Lembar kerja (Excel, CSV)', extensions: ['xlsx', 'csv'] },
      { name: 'Semua berkas', extensions: ['*'] },
    ],
  }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  if (result.canceled || result.filePaths.length === 0) return null
  return { path: result.filePaths[0]! }
}
