// The HTTP bridge: the same dispatcher the desktop app uses over IPC, served on 127.0.0.1 so
// the renderer can run in a plain browser (Playwright with Debian's Chromium, `npm run web`).
// Never part of a packaged app: electron/main does not import it (enforced by lint).
//
// Threats it is built for: another local user or program calling the API (per-run token,
// compared in constant time), a web page in the user's browser reaching it by DNS
// rebinding (Host header check), and path tricks on the static files (path check).

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { EventName, Events } from '../../../shared/contract'
import { fail, type Result } from '../../../shared/result'
import type { Db } from '../db/schema'
import { createDispatcher, type Dispatch } from '../ipc/dispatch'
import type { Emit, Handlers } from '../ipc/types'
import { SECURITY_HEADERS, contentTypeFor, isAppRoute, resolveInside } from '../static/static-files'

export const BRIDGE_HOST = '127.0.0.1'
// An attachment travels as base64 (8 MB of file ≈ 11 MB of text; the contract allows 12 MB).
export const MAX_BODY_BYTES = 13 * 1024 * 1024
const KEEPALIVE_MS = 15_000

export interface BridgeOptions {
  /** The database to serve with the real handlers; or `dispatch`. */
  db?: Db
  /** A dispatcher made by the caller (host/host-session.ts: one that can serve a recovery mode); its events go to `Bridge.emit`. */
  dispatch?: Dispatch
  /** The built renderer (out/renderer). */
  staticDir: string
  /** 0 (default) = any free port. */
  port?: number
  /** Tests only: a replacement handler table. */
  handlers?: Handlers
}

export interface Bridge {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string
  token: string
  port: number
  /** Pushes an event to every open /api/events stream (what handlers' ctx.emit does). */
  emit: Emit
  close(): Promise<void>
}

const FORBIDDEN_MESSAGE = 'Akses ditolak. Buka aplikasi dari alamat lengkap yang dicetak saat server dijalankan.'

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('hex')
  const tokenDigest = digest(token)
  const streams = new Set<ServerResponse>()

  const emit: Emit = <E extends EventName>(event: E, payload: Events[E]) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const res of streams) res.write(frame)
  }
  let dispatch: Dispatch
  if (options.dispatch) dispatch = options.dispatch
  else if (options.db) dispatch = createDispatcher({ db: options.db, emit }, options.handlers ? { handlers: options.handlers } : {})
  else throw new Error('startBridge needs db or dispatch')

  // Known only after listen(); the Host check needs it.
  let port = 0
  const allowedHosts = () => new Set([`${BRIDGE_HOST}:${port}`, `localhost:${port}`])
  // Equal-length digests make the comparison constant-time whatever the caller sends.
  const tokenMatches = (candidate: unknown) =>
    typeof candidate === 'string' && timingSafeEqual(digest(candidate), tokenDigest)

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[simpul] kesalahan bridge:', error)
      if (!res.headersSent) sendJson(res, 500, fail({ code: 'internal', message: 'Terjadi kesalahan pada server lokal.' }))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendJson(res, 403, fail({ code: 'forbidden', message: FORBIDDEN_MESSAGE }))
      return
    }
    const url = new URL(req.url ?? '/', `http://${BRIDGE_HOST}:${port}`)

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, fail({ code: 'invalid_input', message: 'Gunakan POST.' }), { Allow: 'POST' })
      if (!tokenMatches(req.headers['x-simpul-token'])) return sendJson(res, 403, fail({ code: 'forbidden', message: FORBIDDEN_MESSAGE }))
      const body = await readBody(req, MAX_BODY_BYTES)
      if (body === 'too_large') {
        // Connection: close ends the socket after the answer instead of reading the rest.
        sendJson(res, 413, fail({ code: 'invalid_input', message: 'Data yang dikirim terlalu besar (lebih dari 13 MB).' }), { Connection: 'close' })
        return
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(body.toString('utf8'))
      } catch {
        return sendJson(res, 400, fail({ code: 'invalid_input', message: 'Permintaan bukan JSON yang sah.' }))
      }
      const { channel, input } = (parsed ?? {}) as { channel?: unknown; input?: unknown }
      return sendJson(res, 200, await dispatch(channel, input))
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendJson(res, 405, fail({ code: 'invalid_input', message: 'Gunakan GET.' }), { Allow: 'GET' })
      // EventSource cannot send headers, so this one route takes the token in the query.
      if (!tokenMatches(url.searchParams.get('token'))) return sendJson(res, 403, fail({ code: 'forbidden', message: FORBIDDEN_MESSAGE }))
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      res.write(': simpul\n\n')
      streams.add(res)
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      res.on('close', () => {
        clearInterval(keepalive)
        streams.delete(res)
      })
      return
    }

    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail({ code: 'unknown_channel', message: 'Alamat API tidak dikenal.' }))

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end()
      return
    }
    await serveStatic(req, res, options.staticDir, url.pathname)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, BRIDGE_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://${BRIDGE_HOST}:${port}/`,
    token,
    port,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end()
        streams.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest()
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too_large')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        resolve('too_large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  const notFound = () => {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Tidak ditemukan.')
  }
  let file = resolveInside(root, pathname)
  if (!file) {
    res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Akses ditolak.')
    return
  }
  let info = await stat(file).catch(() => null)
  if (info?.isDirectory()) {
    file = join(file, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info?.isFile()) {
    if (!isAppRoute(pathname)) return notFound()
    file = join(root, 'index.html')
    info = await stat(file).catch(() => null)
    if (!info?.isFile()) return notFound()
  }
  const data = await readFile(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': data.length,
    // A rebuild must show at once in a developer's open browser tab.
    'Cache-Control': 'no-cache',
  })
  res.end(req.method === 'HEAD' ? undefined : data)
}
