// `npm run web -- --db FILE [--port N]`: the app in a plain browser, for development and for
// the Playwright tests. Builds the renderer when it is missing or older than its sources.

import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startHostSession } from '../host/host-session'
import { messageOf } from '../host/open-database-file'
import { userPath } from '../host/user-path'
import type { Emit } from '../ipc/types'
import { startBridge, type Bridge } from './server'

const ROOT = resolve(__dirname, '../../..')
const RENDERER_OUT = join(ROOT, 'out/renderer')
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts']

/** An error whose message is already the one line to show. */
class UsageError extends Error {}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

function rendererIsStale(root = ROOT): boolean {
  const index = join(root, 'out/renderer/index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return SOURCES.some((s) => newestMtime(join(root, s)) > built)
}

function buildRenderer(): Promise<void> {
  process.stderr.write('Membangun tampilan (electron-vite build)…\n')
  const bin = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')
  return new Promise((resolvePromise, reject) => {
    // Build output goes to stderr: stdout carries only the address line, for scripts.
    const child = spawn(process.execPath, [bin, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new UsageError(`Gagal membangun tampilan (electron-vite build keluar dengan kode ${code}).`)),
    )
  })
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port tidak sah: ${raw}. Tulis angka 1–65535, atau 0 untuk port bebas.`)
  return port
}

async function main(): Promise<void> {
  let values: { db?: string | undefined; port?: string | undefined }
  try {
    ;({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true, allowPositionals: false }))
  } catch {
    throw new UsageError('Cara pakai: npm run web -- --db BERKAS.sqlite [--port N]')
  }
  if (!values.db) throw new UsageError('Opsi --db wajib diisi. Contoh: npm run web -- --db contoh.sqlite')
  const port = parsePort(values.port)

  if (rendererIsStale()) await buildRenderer()

  const dbFile = userPath(values.db)
  // Events reach the browser once the bridge is up; nothing emits before a call arrives.
  let emit: Emit = () => {}
  // A damaged file starts the recovery screen, as on the desktop (host-session.ts).
  const session = await startHostSession({ file: dbFile, emit: (event, payload) => emit(event, payload) })
  let bridge: Bridge
  try {
    bridge = await startBridge({ dispatch: session.dispatch, staticDir: RENDERER_OUT, port })
    emit = bridge.emit
  } catch (error) {
    await session.close()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${port} sudah dipakai program lain. Pilih port lain dengan --port, atau hapus --port agar dipilihkan port bebas.`)
    }
    throw error
  }

  process.stdout.write(`Simpul Posyandu berjalan di ${bridge.url}?token=${bridge.token}\n`)
  process.stdout.write('Tekan Ctrl+C untuk berhenti.\n')

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void bridge
      .close()
      .then(() => session.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const message = error instanceof UsageError ? error.message : messageOf(error)
  process.stderr.write(`${message}\n`)
  process.exit(1)
})
