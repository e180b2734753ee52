// The removable drives (flashdisk) this PC can see now, so Kirim/Terima can offer them with one
// click and never write a paket into a folder on the PC's own disk without asking. Every source
// is behind a probe, so the listing is tested on temporary folders, and the browser preview's
// tests point it at a fake media folder (SIMPUL_FLASHDISK_ROOTS).
//   Windows: drive letters of DriveType 2 (removable) from PowerShell's Get-CimInstance, else wmic
//            (gone from recent Windows 11), else nothing: a drive is then confirmed by the person.
//   Linux:   mount points under /media and /run/media (udisks: /media/<user>/<LABEL>,
//            /run/media/<user>/<LABEL>; usbmount and the like: /media/usb0) from /proc/self/mounts.
//   macOS:   the folders of /Volumes, minus the link to the system disk.

import { execFile } from 'node:child_process'
import { readdir, readFile, realpath, stat, statfs } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'
import type { PaketDrive } from '../../../../shared/contract'

export interface DriveProbe {
  platform: NodeJS.Platform
  /** The folders drives are mounted under (Linux, macOS, the fake roots); none on Windows: drive letters. */
  roots: string[]
  /** The user whose folder under a root holds that user's drives (/media/<user>/…). */
  user: string
  /**
   * The system's mount points, or null when every folder under the roots counts as a drive (macOS,
   * where /Volumes holds nothing else, and the fake roots of the tests).
   */
  mountPoints(): Promise<string[] | null>
  /** Runs a program and resolves its standard output; rejects when it cannot be run or fails. */
  run(program: string, args: string[]): Promise<string>
}

/** Tests (and an office with drives somewhere unusual) name the folders holding drives, separated like PATH. */
export const ROOTS_ENV = 'SIMPUL_FLASHDISK_ROOTS'

function runProgram(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // A hung WMI service must not hold the Kirim screen: the drives are then typed or confirmed.
    execFile(program, args, { timeout: 8_000, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)))
  })
}

/** "\040" in /proc/self/mounts is a space in the folder name (a label "FLASH DISK"). */
const unescapeMount = (s: string) => s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)))

/** The mount points listed in a mounts table (the second field of each line). */
export function parseMounts(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n')) {
    const field = line.split(' ')[1]
    if (field) out.push(unescapeMount(field))
  }
  return out
}

export function defaultProbe(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): DriveProbe {
  let user = ''
  try {
    user = userInfo().username
  } catch {
    // No user entry (a container): the drives directly under the roots are still found.
  }
  const fake = env[ROOTS_ENV]?.split(path.delimiter).filter(Boolean)
  if (fake && fake.length > 0) {
    return { platform, roots: fake, user, mountPoints: () => Promise.resolve(null), run: runProgram }
  }
  return {
    platform,
    roots: platform === 'win32' ? [] : platform === 'darwin' ? ['/Volumes'] : ['/media', '/run/media'],
    user,
    mountPoints: async () => {
      if (platform !== 'linux') return null
      try {
        return parseMounts(await readFile('/proc/self/mounts', 'utf8'))
      } catch {
        return null
      }
    },
    run: runProgram,
  }
}

async function space(folder: string): Promise<{ freeBytes: number | null; totalBytes: number | null }> {
  try {
    const s = await statfs(folder)
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize }
  } catch {
    return { freeBytes: null, totalBytes: null }
  }
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

async function childFolders(folder: string): Promise<string[]> {
  try {
    const names = (await readdir(folder)).filter((n) => !n.startsWith('.'))
    const out: string[] = []
    for (const n of names) if (await isFolder(path.join(folder, n))) out.push(path.join(folder, n))
    return out
  } catch {
    return []
  }
}

/** Folders under the roots: /media/STICK, and /media/<user>/STICK in place of the user's own folder. */
async function foldersUnder(probe: DriveProbe): Promise<string[]> {
  const out: string[] = []
  for (const root of probe.roots) {
    for (const child of await childFolders(root)) {
      if (probe.user && path.basename(child) === probe.user) out.push(...(await childFolders(child)))
      else out.push(child)
    }
  }
  return out
}

async function folderDrives(probe: DriveProbe): Promise<PaketDrive[]> {
  const mounts = await probe.mountPoints()
  let folders: string[]
  if (mounts) {
    const under = (m: string) => probe.roots.some((r) => m.startsWith(r.endsWith('/') ? r : `${r}/`))
    folders = [...new Set(mounts.filter(under))]
  } else {
    folders = await foldersUnder(probe)
  }
  const drives: PaketDrive[] = []
  for (const folder of folders) {
    if (!(await isFolder(folder))) continue
    // macOS keeps a link to the system disk in /Volumes ("Macintosh HD" → /).
    if (probe.platform === 'darwin' && (await realpath(folder).catch(() => folder)) === '/') continue
    drives.push({ path: folder, label: path.basename(folder), ...(await space(folder)) })
  }
  return drives.sort((a, b) => a.path.localeCompare(b.path))
}

interface WindowsDisk {
  DeviceID?: unknown
  VolumeName?: unknown
  FreeSpace?: unknown
  Size?: unknown
}

const asNumber = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) ? n : null
}

function windowsDrive(d: WindowsDisk): PaketDrive | null {
  const id = typeof d.DeviceID === 'string' ? d.DeviceID.trim() : ''
  if (!/^[A-Za-z]:$/.test(id)) return null
  const totalBytes = asNumber(d.Size)
  // A card reader's empty slot is a removable drive without a size: nothing to write to.
  if (!totalBytes) return null
  const label = typeof d.VolumeName === 'string' ? d.VolumeName.trim() : ''
  return { path: `${id.toUpperCase()}\\`, label: label || id.toUpperCase(), freeBytes: asNumber(d.FreeSpace), totalBytes }
}

/** PowerShell's `ConvertTo-Json`: one object, an array of them, or nothing at all. */
export function parsePowerShellDisks(text: string): PaketDrive[] {
  const trimmed = text.trim()
  if (!trimmed) return []
  const parsed = JSON.parse(trimmed) as WindowsDisk | WindowsDisk[]
  return (Array.isArray(parsed) ? parsed : [parsed]).map(windowsDrive).filter((d): d is PaketDrive => d !== null)
}

/** `wmic … /format:csv`: a header line (Node,DeviceID,…) and one line per disk; blank lines between. */
export function parseWmicCsv(text: string): PaketDrive[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const header = lines.shift()?.split(',')
  if (!header || !header.includes('DeviceID')) throw new Error('not wmic csv')
  return lines
    .map((line) => {
      const cells = line.split(',')
      const disk: Record<string, string> = {}
      header.forEach((h, i) => (disk[h] = cells[i] ?? ''))
      return windowsDrive(disk)
    })
    .filter((d): d is PaketDrive => d !== null)
}

const POWERSHELL = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object DeviceID,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress",
]
const WMIC = ['logicaldisk', 'where', 'DriveType=2', 'get', 'DeviceID,FreeSpace,Size,VolumeName', '/format:csv']

async function windowsDrives(probe: DriveProbe): Promise<PaketDrive[]> {
  try {
    return parsePowerShellDisks(await probe.run('powershell.exe', POWERSHELL))
  } catch {
    // Older PCs without CIM cmdlets, or PowerShell blocked by policy: wmic, where it still exists.
  }
  try {
    return parseWmicCsv(await probe.run('wmic', WMIC))
  } catch {
    return []
  }
}

/** The removable drives seen now, sorted by path; never throws (an unreadable source lists nothing). */
export async function listDrives(probe: DriveProbe = defaultProbe()): Promise<PaketDrive[]> {
  try {
    return probe.platform === 'win32' && probe.roots.length === 0 ? await windowsDrives(probe) : await folderDrives(probe)
  } catch {
    return []
  }
}

/** The drive that holds `folder` (the folder itself or any folder inside it), or null. */
export async function driveOf(folder: string, drives: readonly PaketDrive[], platform: NodeJS.Platform = process.platform): Promise<PaketDrive | null> {
  const p = platform === 'win32' ? path.win32 : path.posix
  const win = platform === 'win32'
  // Through links too: a folder typed by another name of the same place.
  const real = async (f: string) => (win ? p.resolve(f) : await realpath(p.resolve(f)).catch(() => p.resolve(f)))
  const target = await real(folder)
  for (const d of drives) {
    const root = await real(d.path)
    const rel = p.relative(win ? root.toLowerCase() : root, win ? target.toLowerCase() : target)
    if (rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel))) return d
  }
  return null
}
