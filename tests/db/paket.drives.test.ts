// Kirim to a flashdisk: the removable drives listed from fake mount roots (temporary folders), a
// mount table and the Windows tools' output; the folder Kirim starts on; a folder on the PC's own
// disk refused until the person says yes; where the paket went, said in the result.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultProbe, driveOf, listDrives, parseMounts, parsePowerShellDisks, parseWmicCsv, ROOTS_ENV, type DriveProbe } from '../../electron/core/features/paket/drives'
import { exportPaket, paketDrives } from '../../electron/core/features/paket/paket.service'
import { AppError } from '../../shared/result'
import { officesPerTest } from '../fixtures/offices'

const temps: string[] = []
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
})
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'simpul-media-'))
  temps.push(d)
  return d
}

/** A probe over folders, as on Linux without a mount table (or the tests' SIMPUL_FLASHDISK_ROOTS). */
function folderProbe(roots: string[], over: Partial<DriveProbe> = {}): DriveProbe {
  return { platform: 'linux', roots, user: 'ani', mountPoints: async () => null, run: async () => Promise.reject(new Error('not here')), ...over }
}

describe('removable drives', () => {
  it('lists the folders under the media roots, the user’s own folder looked into, with free space', async () => {
    const media = temp()
    const runMedia = temp()
    mkdirSync(join(media, 'ani', 'KINGSTON'), { recursive: true })
    mkdirSync(join(media, 'usb0'))
    mkdirSync(join(runMedia, 'ani', 'FLASH DISK'), { recursive: true })
    writeFileSync(join(media, 'bukan-folder.txt'), 'x')
    const drives = await listDrives(folderProbe([media, runMedia]))
    expect(drives.map((d) => [d.path, d.label])).toEqual(
      [
        [join(media, 'ani', 'KINGSTON'), 'KINGSTON'],
        [join(media, 'usb0'), 'usb0'],
        [join(runMedia, 'ani', 'FLASH DISK'), 'FLASH DISK'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    )
    for (const d of drives) {
      expect(d.totalBytes).toBeGreaterThan(0)
      expect(d.freeBytes).toBeGreaterThanOrEqual(0)
      expect(d.freeBytes!).toBeLessThanOrEqual(d.totalBytes!)
    }
  })

  it('with a mount table, only what is mounted under the roots counts (an empty folder left behind does not)', async () => {
    const media = temp()
    mkdirSync(join(media, 'ani', 'STICK'), { recursive: true })
    mkdirSync(join(media, 'ani', 'LAMA'), { recursive: true })
    const table = [
      'sysfs /sys sysfs rw 0 0',
      '/dev/sda1 / ext4 rw 0 0',
      `/dev/sdb1 ${join(media, 'ani', 'STICK').replaceAll(' ', '\\040')} vfat rw 0 0`,
      '/dev/sdc1 /mnt/data ext4 rw 0 0',
    ].join('\n')
    const drives = await listDrives(folderProbe([media], { mountPoints: async () => parseMounts(table) }))
    expect(drives.map((d) => d.path)).toEqual([join(media, 'ani', 'STICK')])
    expect(parseMounts('/dev/sdb1 /media/ani/FLASH\\040DISK vfat rw 0 0\n')).toEqual(['/media/ani/FLASH DISK'])
  })

  it('on macOS leaves out the link to the system disk in /Volumes', async () => {
    const volumes = temp()
    mkdirSync(join(volumes, 'SANDISK'))
    symlinkSync('/', join(volumes, 'Macintosh HD'))
    const drives = await listDrives(folderProbe([volumes], { platform: 'darwin' }))
    expect(drives.map((d) => d.label)).toEqual(['SANDISK'])
  })

  it('on Windows reads the removable drive letters from PowerShell, else wmic, else lists none without failing', async () => {
    const ps = JSON.stringify([
      { DeviceID: 'E:', VolumeName: 'KINGSTON', FreeSpace: 3_000_000_000, Size: 7_800_000_000 },
      { DeviceID: 'F:', VolumeName: null, FreeSpace: null, Size: null }, // a card reader with no card
    ])
    const calls: string[] = []
    const windows = (answers: Record<string, string | Error>): DriveProbe => ({
      platform: 'win32',
      roots: [],
      user: 'ani',
      mountPoints: async () => null,
      run: async (program) => {
        calls.push(program)
        const a = answers[program]
        if (a === undefined || a instanceof Error) throw a ?? new Error('ENOENT')
        return a
      },
    })
    expect(await listDrives(windows({ 'powershell.exe': ps }))).toEqual([{ path: 'E:\\', label: 'KINGSTON', freeBytes: 3_000_000_000, totalBytes: 7_800_000_000 }])

    const wmic = '\r\n\r\nNode,DeviceID,FreeSpace,Size,VolumeName\r\n\r\nKANTOR-PC,G:,1000,2000,\r\nKANTOR-PC,H:,,,\r\n'
    calls.length = 0
    expect(await listDrives(windows({ 'powershell.exe': new Error('policy'), wmic }))).toEqual([{ path: 'G:\\', label: 'G:', freeBytes: 1000, totalBytes: 2000 }])
    expect(calls).toEqual(['powershell.exe', 'wmic'])

    expect(await listDrives(windows({}))).toEqual([])
    expect(await listDrives(windows({ 'powershell.exe': '' }))).toEqual([])
    // One disk: ConvertTo-Json gives an object, not an array.
    expect(parsePowerShellDisks('{"DeviceID":"e:","VolumeName":"DATA","FreeSpace":"5","Size":"9"}')).toEqual([{ path: 'E:\\', label: 'DATA', freeBytes: 5, totalBytes: 9 }])
    expect(() => parseWmicCsv('No Instance(s) Available.')).toThrow()
  })

  it('tells whether a folder lies on one of the drives, by path on Windows regardless of case', async () => {
    const media = temp()
    mkdirSync(join(media, 'STICK', 'Paket'), { recursive: true })
    const drives = await listDrives(folderProbe([media]))
    expect((await driveOf(join(media, 'STICK', 'Paket'), drives, 'linux'))?.label).toBe('STICK')
    expect((await driveOf(join(media, 'STICK'), drives, 'linux'))?.label).toBe('STICK')
    expect(await driveOf(join(media, 'STICKY'), drives, 'linux')).toBeNull()
    expect(await driveOf(media, drives, 'linux')).toBeNull()
    const e = [{ path: 'E:\\', label: 'KINGSTON', freeBytes: null, totalBytes: null }]
    expect((await driveOf('e:\\Paket Kelurahan', e, 'win32'))?.label).toBe('KINGSTON')
    expect(await driveOf('C:\\Users\\ani', e, 'win32')).toBeNull()
  })

  it('takes fake roots from SIMPUL_FLASHDISK_ROOTS, for the browser preview’s tests', async () => {
    const media = temp()
    mkdirSync(join(media, 'FLASHDISK'))
    const probe = defaultProbe({ [ROOTS_ENV]: media }, 'linux')
    expect(await probe.mountPoints()).toBeNull()
    expect((await listDrives(probe)).map((d) => d.label)).toEqual(['FLASHDISK'])
  })
})

describe('Kirim and the flashdisk', () => {
  const { office, stick } = officesPerTest()

  it('starts on the only drive found, on the last folder while its drive is there, and never on the home folder', async () => {
    const kota = await office('kota')
    const media = temp()
    expect(await paketDrives(kota.db, folderProbe([media]))).toEqual({ drives: [], folder: '' })
    mkdirSync(join(media, 'SATU'))
    expect((await paketDrives(kota.db, folderProbe([media]))).folder).toBe(join(media, 'SATU'))
    mkdirSync(join(media, 'DUA', 'Paket'), { recursive: true })
    // Two drives, none used before: the person picks one.
    expect((await paketDrives(kota.db, folderProbe([media]))).folder).toBe('')
    await exportPaket(kota.db, { folder: join(media, 'DUA', 'Paket'), destination: 'pembinaan', full: false, askIfNotRemovable: true }, undefined, folderProbe([media]))
    expect((await paketDrives(kota.db, folderProbe([media]))).folder).toBe(join(media, 'DUA', 'Paket'))
    // The stick is gone: not its folder, which no longer exists.
    rmSync(join(media, 'DUA'), { recursive: true })
    expect((await paketDrives(kota.db, folderProbe([media]))).folder).toBe(join(media, 'SATU'))
  })

  it('refuses a folder that is not on a flashdisk when asked to ask, writes nothing, and writes there once the person says yes', async () => {
    const kota = await office('kota')
    const media = temp()
    const pcFolder = stick()
    const probe = folderProbe([media])
    const asked = exportPaket(kota.db, { folder: pcFolder, destination: 'pembinaan', full: false, askIfNotRemovable: true }, undefined, probe)
    await expect(asked).rejects.toBeInstanceOf(AppError)
    await expect(asked).rejects.toMatchObject({ shape: { code: 'invalid_input', field: 'removable', message: expect.stringMatching(/^Folder ini bukan flashdisk\./) } })
    expect(readdirSync(pcFolder)).toEqual([])
    expect(await kota.db.selectFrom('paket_sent').selectAll().execute()).toEqual([])

    const yes = await exportPaket(kota.db, { folder: pcFolder, destination: 'pembinaan', full: false }, undefined, probe)
    expect(yes.removable).toBe(false)
    expect(yes.path).toBe(join(pcFolder, yes.fileName))
    expect(readdirSync(pcFolder)).toEqual([yes.fileName])

    mkdirSync(join(media, 'KINGSTON'))
    const onStick = await exportPaket(kota.db, { folder: join(media, 'KINGSTON'), destination: 'pembinaan', full: false, askIfNotRemovable: true }, undefined, probe)
    expect(onStick.removable).toBe(true)
    expect(onStick.path).toBe(join(media, 'KINGSTON', onStick.fileName))
  })

  it('names a missing folder as the folder’s problem, not as “not a flashdisk”', async () => {
    const kota = await office('kota')
    const missing = join(temp(), 'tidak-ada')
    await expect(exportPaket(kota.db, { folder: missing, destination: 'pembinaan', full: false, askIfNotRemovable: true }, undefined, folderProbe([]))).rejects.toMatchObject({
      shape: { field: 'folder', message: expect.stringMatching(/^Folder tidak ditemukan/) },
    })
  })
})
