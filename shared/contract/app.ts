// The app itself: version information and the desktop file dialog.

import { empty, out } from './common'

// ---------------------------------------------------------------- outputs

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  areaSource: string
}

// ---------------------------------------------------------------- channels

export const appChannels = {
  'app:info': { input: empty, output: out<AppInfo>() },
  /** Desktop only: a spreadsheet (.xlsx, .csv) chosen in the system open dialog (null when cancelled). */
  'app:chooseFile': { input: empty, output: out<{ path: string } | null>() },
} as const
