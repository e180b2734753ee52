// The system folder dialog for Kirim/Terima Paket (the USB stick). Desktop only.

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
