// The built main process (out/main/index.js) run under plain Node, with a stand-in for the
// `electron` module (tests/fixtures/electron-standin.ts) and the REAL core on a real SQLite file
// in a temp userData folder. It proves what the Electron smoke test (tests/e2e/electron.spec.ts)
// would, where no Electron binary exists: start-up, the window's security settings, IPC into the
// core and back, the app:// protocol, the guards, and a clean quit. What only Chromium can judge
// is listed at the top of the stand-in.

import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, sqliteOf } from '../../electron/core/db/open'
import { makeBackup } from '../../electron/core/features/cadangan/cadangan.service'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { cardFingerprint, makeCard } from '../../electron/core/sync/card'
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/core/sync/crypto'
import { CONTENT_SECURITY_POLICY } from '../../electron/core/static/static-files'
import { CONTENT_SECURITY_POLICY_META } from '../../electron/core/static/csp'
import { replicatedDigest } from '../../electron/core/sync/digest'
import type { Result } from '../../shared/result'
import { ensureAppBuilt } from '../fixtures/build'
import { damage } from '../fixtures/damaged'
import { createTestDb, kaderFields, posyanduFields, setUpKelurahan } from '../fixtures/db'
import { createElectronStandIn, loadMain, releaseElectron, ROOT, standInEvent, type ElectronStandIn } from '../fixtures/electron-standin'

const INVOKE = 'simpul:invoke'
const EVENT = 'simpul:event'
const PAGE = 'app://simpul/index.html'
const DB_FILE = 'simpul-posyandu.sqlite'

const temps: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-main-'))
  temps.push(dir)
  return dir
}

beforeAll(() => {
  // Neither may steer the run: a dev server URL would widen the IPC trust, and userData comes from the stand-in.
  delete process.env.ELECTRON_RENDERER_URL
  delete process.env.SIMPUL_USER_DATA
  ensureAppBuilt()
}, 180_000)

afterAll(() => {
  releaseElectron()
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** A call from the page, as the preload makes it. */
function call<T = unknown>(e: ElectronStandIn, channel: string, input?: unknown, frameUrl: string | null = PAGE): Promise<Result<T>> {
  return e.invoke(INVOKE, [channel, input], frameUrl) as Promise<Result<T>>
}

function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

describe('the desktop main process, started under a stand-in for Electron', () => {
  let e: ElectronStandIn
  let userData: string
  let earlyCall: Promise<Result<{ code: string }[]>> | null = null
  let fileSizeAtEarlyCall = -1

  beforeAll(() => {
    userData = join(tempDir(), 'userData')
    e = createElectronStandIn({ userData })
    // The page calls the instant the handler exists, while the database is still being opened.
    e.onHandle = (channel) => {
      if (channel !== INVOKE) return
      fileSizeAtEarlyCall = statSync(join(userData, DB_FILE)).size
      earlyCall = call(e, 'area:children', { parentCode: null })
    }
    loadMain(e)
  })

  it('before ready: sandbox for every renderer, app:// privileged, one instance, nothing else yet', () => {
    expect(e.calls).toEqual(['app.enableSandbox', 'app.requestSingleInstanceLock', 'app.whenReady'])
    expect(e.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
    expect(e.app.listenerCount('web-contents-created')).toBe(1)
    for (const event of ['second-instance', 'window-all-closed', 'will-quit']) expect(e.app.listenerCount(event)).toBe(1)
    expect(e.windows).toHaveLength(0)
    expect(e.hasProtocol('app')).toBe(false)
  })

  it('on ready opens a locked-down window on app:// at once, and a call made before the database is open waits and answers', async () => {
    e.ready()
    const win = await e.windowOpened
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' })
    expect(prefs.preload).toBe(join(ROOT, 'out/preload/index.js'))
    expect(existsSync(prefs.preload as string)).toBe(true)
    expect(win.options.show).toBe(false)
    expect(win.loaded).toEqual([PAGE])
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
    const title = standInEvent()
    win.emit('page-title-updated', title, 'Judul lain')
    expect(title.defaultPrevented).toBe(true)

    // The call came while the file was still empty: no table, no area yet.
    expect(fileSizeAtEarlyCall).toBe(0)
    expect(earlyCall).not.toBeNull()
    const provinces = valueOf(await earlyCall!)
    expect(provinces.length).toBeGreaterThanOrEqual(34)
    expect(provinces.map((p) => p.code)).toContain('36')
  })

  it('sets the Indonesian menu without developer tools, and denies every permission', () => {
    const menu = e.applicationMenu!.template as { label: string; submenu: { role?: string }[] }[]
    expect(menu.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan'])
    expect(menu.flatMap((m) => m.submenu.map((i) => i.role))).not.toContain('toggleDevTools')

    const s = e.defaultSession
    let granted: boolean | null = null
    s.permissionRequest!(e.windows[0]!.webContents, 'media', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    expect(s.permissionCheck!(e.windows[0]!.webContents, 'clipboard-read', 'app://simpul', {})).toBe(false)
    expect(s.devicePermission!({ deviceType: 'usb', origin: 'app://simpul' })).toBe(false)
  })

  it('answers the page over IPC from the real core: a read, a write, keys sealed by the OS vault, progress events', async () => {
    const info = valueOf(await call<{ appVersion: string; schemaVersion: number }>(e, 'app:info'))
    expect(info.appVersion).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
    expect(info.schemaVersion).toBeGreaterThan(0)
    expect(valueOf(await call(e, 'site:get'))).toBeNull()

    const site = valueOf(await call<{ id: string; level: string }>(e, 'site:setup', { level: 'kelurahan', areaCode: '36.71.01.1001', name: 'Kantor Kelurahan Sukarasa' }))
    expect(site.level).toBe('kelurahan')
    expect(valueOf(await call<{ id: string }>(e, 'site:get'))).toMatchObject({ id: site.id })

    // The zod check happens in the core, behind IPC: a bad input comes back as a Result.
    const bad = await call(e, 'site:setup', { level: 'istana' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call(e, '__proto__')).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })

    // The keys are made with the vault main opened the database with (safeStorage).
    const state = valueOf(await call<{ self: { siteId: string } }>(e, 'kunci:state'))
    expect(state.self.siteId).toBe(site.id)
    const reader = new SqliteDatabase(join(userData, DB_FILE), { readonly: true })
    try {
      const row = reader.prepare('select signing_private, encryption_private from office_key').get() as { signing_private: string; encryption_private: string }
      expect(row.signing_private).toMatch(/^sealed:os:/)
      expect(row.encryption_private).toMatch(/^sealed:os:/)
    } finally {
      reader.close()
    }

    // The Puskesmas's key card, trusted over IPC; then a paket for it, signed with the sealed
    // key, whose progress reaches the window.
    const stick = join(userData, 'flashdisk')
    mkdirSync(stick)
    const signing = generateSigningKeys()
    const card = makeCard(
      {
        siteId: randomUUID(),
        level: 'puskesmas',
        areaCode: '36.71.01',
        areaName: 'Tangerang',
        name: 'Puskesmas Tangerang',
        villages: ['36.71.01.1001'],
        signingKey: signing.publicKey,
        encryptionKey: generateEncryptionKeys().publicKey,
        createdAt: new Date().toISOString(),
      },
      signing,
    )
    const cardFile = join(stick, 'kunci_puskesmas-tangerang.simpul-kunci')
    writeFileSync(cardFile, JSON.stringify(card))
    expect(valueOf(await call(e, 'kunci:trustCard', { path: cardFile, fingerprint: cardFingerprint(card) }))).toMatchObject({ name: 'Puskesmas Tangerang' })
    const sent = valueOf(await call<{ path: string }>(e, 'paket:export', { folder: stick, destination: 'level:puskesmas', full: false }))
    expect(existsSync(sent.path)).toBe(true)
    const events = e.windows[0]!.webContents.sent
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((m) => m.channel === EVENT)).toBe(true)
    expect(events[0]!.payload).toMatchObject({ event: 'progress', payload: { task: 'paket' } })
  })

  it('desktop-only calls use the system dialogs, with the window as parent', async () => {
    e.scriptDialog({ canceled: false, filePaths: ['/media/flashdisk'] })
    expect(valueOf(await call(e, 'paket:chooseFolder'))).toEqual({ folder: '/media/flashdisk' })
    e.scriptDialog({ canceled: true, filePaths: [] })
    expect(valueOf(await call(e, 'app:chooseFile'))).toBeNull()
    expect(e.dialogCalls.map((d) => d.kind)).toEqual(['open', 'open'])
    expect(e.dialogCalls.every((d) => d.parent === e.windows[0])).toBe(true)
    expect(e.dialogCalls[0]!.options.properties).toContain('openDirectory')
  })

  it('prints a PDF in a hidden, script-less window whose session loads nothing but the page being printed', async () => {
    const posyandu = valueOf(await call<{ id: string }>(e, 'posyandu:create', posyanduFields()))
    const { kader } = valueOf(await call<{ kader: { id: string } }>(e, 'kader:create', kaderFields(posyandu.id, { name: 'Siti Aminah' })))
    const target = join(userData, '..', 'documents', 'Kartu Siti')
    e.scriptDialog({ canceled: false, filePath: target })
    const windowsBefore = e.windows.length
    const saved = valueOf(await call<{ path: string }>(e, 'print:savePdf', { kind: 'kartuKader', kaderId: kader.id }))

    expect(saved.path).toBe(`${target}.pdf`)
    const pdf = readFileSync(saved.path, 'utf8')
    expect(pdf.startsWith('%PDF')).toBe(true)
    expect(pdf).toContain('Siti Aminah')
    const save = e.dialogCalls.at(-1)!
    expect(save).toMatchObject({ kind: 'save', parent: e.windows[0] })

    const printer = e.windows[windowsBefore]!
    expect(printer.options.show).toBe(false)
    expect(printer.options.webPreferences).toMatchObject({ sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, devTools: false, disableBlinkFeatures: 'Auxclick' })
    expect(printer.webContents.printed).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }])
    expect(printer.isDestroyed()).toBe(true)
    const ses = e.partitions.get('simpul-print')!
    expect((printer.options.webPreferences as { session: unknown }).session).toBe(ses)
    let granted: boolean | null = null
    ses.permissionRequest!(printer.webContents, 'geolocation', (answer: boolean) => (granted = answer))
    expect(granted).toBe(false)
    // Once printed, even the page's own temp file is refused, and so is anything else.
    const printedUrl = printer.loaded[0]!
    expect(printedUrl.startsWith('file:')).toBe(true)
    for (const url of [printedUrl, 'https://evil.example/pixel.png', 'app://simpul/index.html']) {
      const cancel = await new Promise<boolean>((r) => ses.webRequest.beforeRequest!({ url }, (answer: { cancel: boolean }) => r(answer.cancel)))
      expect(cancel, url).toBe(true)
    }
  })

  it('refuses calls from any other frame, before they reach the core', async () => {
    const before = valueOf(await call<{ name: string }>(e, 'site:get'))
    for (const frame of ['https://evil.example/', 'app://other/index.html', 'file:///tmp/index.html', 'http://localhost:5173/', null]) {
      const r = await call(e, 'site:setup', { level: 'kota', areaCode: '36.71', name: 'Penyusup' }, frame)
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'Permintaan ditolak: tidak berasal dari halaman aplikasi.' } })
    }
    expect(valueOf(await call(e, 'site:get'))).toEqual(before)
  })

  it('serves the page over app:// with its Content-Security-Policy, and nothing outside the renderer folder', async () => {
    const page = await e.fetch(PAGE)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await page.text()
    expect(html).toBe(readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8'))

    // The same policy as a <meta> (minus frame-ancestors, header-only), ahead of every script:
    // a meta policy covers only what follows it.
    const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META.replaceAll("'", '&#39;')}">`
    expect(html).toContain(meta)
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'))
    expect(CONTENT_SECURITY_POLICY_META).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
    // The app's mark as the page icon, served from the renderer folder.
    expect(html).toContain('href="./favicon.svg"')
    const icon = await e.fetch('app://simpul/favicon.svg')
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')

    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!
    const asset = await e.fetch(`app://simpul/${script}`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    // The single-page app's own routes get the page; a missing asset stays missing.
    expect(await (await e.fetch('app://simpul/kader/123')).text()).toBe(html)
    expect((await e.fetch('app://simpul/assets/tidak-ada.js')).status).toBe(404)
    expect((await e.fetch('app://lain/index.html')).status).toBe(404)
    expect((await e.fetch(PAGE, { method: 'POST', body: 'x' })).status).toBe(405)

    // Encoded traversal reaches the handler as is (the URL parser only folds plain and %2e dots).
    for (const url of ['app://simpul/..%2fmain%2findex.js', 'app://simpul/%2e%2e%2f%2e%2e%2fpackage.json', 'app://simpul/..%5cmain%5cindex.js', 'app://simpul/index.html%00.js']) {
      const r = await e.fetch(url)
      expect(r.status, url).toBe(403)
      expect(await r.text()).toBe('Akses ditolak.')
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    // Plain dots are folded into the path before main sees it: still inside the renderer folder.
    for (const url of ['app://simpul/../main/index.js', 'app://simpul/%2e%2e/%2e%2e/package.json']) {
      expect((await e.fetch(url)).status, url).toBe(404)
    }
  })

  it('never navigates or opens windows; allow-listed links go to the system browser', () => {
    const contents = e.windows[0]!.webContents
    const away = standInEvent()
    contents.emit('will-navigate', away, 'https://evil.example/')
    const credit = standInEvent()
    contents.emit('will-navigate', credit, 'https://github.com/fityannugroho/idn-area-data')
    expect([away.defaultPrevented, credit.defaultPrevented]).toEqual([true, true])
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/popup' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'https://peraturan.bpk.go.id/Details/1' })).toEqual({ action: 'deny' })
    expect(e.opened).toEqual(['https://github.com/fityannugroho/idn-area-data', 'https://peraturan.bpk.go.id/Details/1'])
    for (const event of ['will-redirect', 'will-attach-webview']) {
      const ev = standInEvent()
      contents.emit(event, ev)
      expect(ev.defaultPrevented, event).toBe(true)
    }
  })

  it('a second start of the app brings this window to the front', () => {
    e.app.emit('second-instance', standInEvent(), [], ROOT)
    expect(e.calls.at(-1)).toBe('window.focus')
  })

  it('on quit records the installation and closes the database before the app ends', async () => {
    const win = e.windows[0]!
    win.destroy()
    e.app.emit('window-all-closed')
    await e.ended
    expect(e.exitCode).toBeNull()
    // Quit, prevented while the database closes, then quit again.
    expect(e.calls.filter((c) => c === 'app.quit')).toHaveLength(2)
    expect(existsSync(join(userData, 'instalasi.json'))).toBe(true)
    // The last connection closed cleanly: SQLite folded the write-ahead log back into the file.
    expect(existsSync(join(userData, `${DB_FILE}-wal`))).toBe(false)
  })
})

describe('the desktop main process, other starts', () => {
  it('a second instance gives way to the first and quits at once', () => {
    const e = createElectronStandIn({ userData: join(tempDir(), 'userData'), singleInstance: false })
    loadMain(e)
    expect(e.calls).toEqual(['app.enableSandbox', 'app.requestSingleInstanceLock', 'app.quit'])
    expect(e.app.listenerCount('will-quit')).toBe(0)
  })

  it('a database file that is not ours: the person is told in Indonesian where it is, and the app exits', async () => {
    const userData = join(tempDir(), 'userData')
    mkdirSync(userData)
    writeFileSync(join(userData, DB_FILE), 'Ini catatan rapat, bukan basis data.\n')
    const e = createElectronStandIn({ userData })
    loadMain(e)
    e.ready()
    await e.ended
    expect(e.exitCode).toBe(1)
    expect(e.errorBoxes).toHaveLength(1)
    expect(e.errorBoxes[0]!.title).toBe('Simpul Posyandu tidak dapat dibuka')
    expect(e.errorBoxes[0]!.content).toMatch(/bukan basis data Simpul Posyandu/)
    expect(e.errorBoxes[0]!.content).toContain(`Berkas data: ${join(userData, DB_FILE)}`)
    // The person's file is left as it was.
    expect(readFileSync(join(userData, DB_FILE), 'utf8')).toBe('Ini catatan rapat, bukan basis data.\n')
  })

  it('a damaged database file: no error box and no exit; the window serves only recovery until a backup is restored, then the office data', async () => {
    const userData = join(tempDir(), 'userData')
    mkdirSync(userData)
    const file = join(userData, DB_FILE)
    const t = await createTestDb()
    let digest = ""
    try {
      await setUpKelurahan(t.db)
      await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 2, kaderPerPosyandu: 10, seed: 3 })
      sqliteOf(t.db).pragma('wal_checkpoint(TRUNCATE)')
      copyFileSync(t.file, file)
    } finally {
      await t.cleanup()
    }
    const db = await openDatabase(file)
    digest = (await replicatedDigest(db)).digest
    const backup = await makeBackup(db, { reason: 'harian' })
    await closeDatabase(db)
    damage(file)

    const e = createElectronStandIn({ userData })
    loadMain(e)
    e.ready()
    const win = await e.windowOpened
    expect(win.loaded).toEqual([PAGE])
    const status = valueOf(await call<{ damaged: boolean; backups: { fileName: string }[] }>(e, 'berkasRusak:status'))
    expect(status).toMatchObject({ damaged: true, backups: [{ fileName: backup.fileName }] })
    expect(e.errorBoxes).toEqual([])
    expect(e.exitCode).toBeNull()
    expect(await call(e, 'kader:list', {})).toMatchObject({ ok: false, error: { code: 'damaged' } })
    // The frame check still comes first.
    expect(await call(e, 'berkasRusak:status', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const restored = valueOf(await call<{ keptAside: string }>(e, 'berkasRusak:restore', { fileName: backup.fileName }))
    expect(existsSync(restored.keptAside)).toBe(true)
    expect(valueOf(await call(e, 'berkasRusak:status'))).toEqual({ damaged: false })
    expect(valueOf(await call<{ name: string }>(e, 'site:get'))).toMatchObject({ name: 'Kantor Kelurahan Sukarasa' })
    const kader = valueOf(await call<{ total: number }>(e, 'kader:list', {}))
    expect(kader.total).toBe(20)

    // After the restore the app runs as after any start: keys made with the OS vault, the
    // installation recorded and the database closed on quit.
    valueOf(await call(e, 'kunci:state'))
    const reader = new SqliteDatabase(file, { readonly: true })
    try {
      expect((reader.prepare('select signing_private from office_key').get() as { signing_private: string }).signing_private).toMatch(/^sealed:os:/)
    } finally {
      reader.close()
    }
    win.destroy()
    e.app.emit('window-all-closed')
    await e.ended
    expect(e.exitCode).toBeNull()
    expect(existsSync(join(userData, 'instalasi.json'))).toBe(true)
    const after = await openDatabase(file)
    try {
      expect((await replicatedDigest(after)).digest).toBe(digest)
    } finally {
      await closeDatabase(after)
    }
  }, 120_000)
})

