import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../../electron/core/bridge/server'
import { CONTENT_SECURITY_POLICY } from '../../electron/core/static/static-files'
import { createTestDb, type TestDb } from '../fixtures/db'

let dir: string
let testDb: TestDb
let bridge: Bridge

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so the test controls the Host header and un-normalised paths (fetch fixes both). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const invoke = (body: unknown, token: string | null = bridge.token, extra: Record<string, string> = {}) =>
  raw('/api/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-Simpul-Token': token }), ...extra },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-bridge-'))
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Simpul Posyandu</title><div id="root"></div>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'RAHASIA')
  testDb = await createTestDb()
  bridge = await startBridge({ db: testDb.db, staticDir, port: 0 })
})

afterAll(async () => {
  await bridge.close()
  await testDb.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 only, with a 64-hex-digit token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`)
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers a call with the dispatcher Result', async () => {
    const reply = await invoke({ channel: 'app:info', input: {} })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } })
  })

  it('carries validation failures like IPC does', async () => {
    const reply = await invoke({ channel: 'kader:get', input: { id: 'bukan-uuid' } })
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: expect.any(String) } } })
    const unknown = await invoke({ channel: '__proto__', input: {} })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('refuses a call without the token', async () => {
    const reply = await invoke({ channel: 'app:info', input: {} }, null)
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('refuses a call with a wrong token, even one of the right length', async () => {
    const wrong = bridge.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))
    expect((await invoke({ channel: 'app:info', input: {} }, wrong)).status).toBe(403)
    expect((await invoke({ channel: 'app:info', input: {} }, 'x')).status).toBe(403)
  })

  it.each(['evil.example', `evil.example:${0}`, 'localhost', '127.0.0.1', '[::1]'])(
    'refuses a request whose Host header is %s (DNS rebinding)',
    async (host) => {
      const h = host.endsWith(':0') ? host.replace(':0', `:${bridge.port}`) : host
      const reply = await invoke({ channel: 'app:info', input: {} }, bridge.token, { Host: h })
      expect(reply.status).toBe(403)
      expect((await raw('/', { headers: { Host: h } })).status).toBe(403)
    },
  )

  it('accepts localhost:<port> as the Host', async () => {
    const reply = await invoke({ channel: 'app:info', input: {} }, bridge.token, { Host: `localhost:${bridge.port}` })
    expect(reply.status).toBe(200)
  })

  it('refuses a body over its limit (an 8 MB attachment in base64, and a little more) with 413', async () => {
    const reply = await invoke({ channel: 'app:info', input: { pad: 'x'.repeat(MAX_BODY_BYTES + 10) } })
    expect(reply.status).toBe(413)
  })

  it('refuses a body that is not JSON', async () => {
    const reply = await raw('/api/invoke', { method: 'POST', headers: { 'X-Simpul-Token': bridge.token }, body: '{nope' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('serves the renderer with its content type and the strict CSP', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    const js = await raw('/assets/app.js')
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.body).toBe('console.log(1)')
  })

  it('falls back to index.html for app routes but not for missing assets', async () => {
    const route = await raw('/kader/123')
    expect(route.status).toBe(200)
    expect(route.body).toContain('<div id="root">')
    expect((await raw('/assets/missing.js')).status).toBe(404)
  })

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00'])(
    'refuses the path traversal %s',
    async (path) => {
      const reply = await raw(path)
      expect(reply.body).not.toContain('RAHASIA')
      expect([400, 403, 404]).toContain(reply.status)
    },
  )

  it('refuses the event stream without the token', async () => {
    expect((await raw('/api/events')).status).toBe(403)
    expect((await raw('/api/events?token=salah')).status).toBe(403)
  })

  it('delivers an event to an open event stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: `/api/events?token=${bridge.token}`, headers: { Host: `127.0.0.1:${bridge.port}` } },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (text.includes(': simpul')) {
              bridge.emit('progress', { task: 'demo', done: 3, total: 10, label: 'Membuat kader' })
            }
            const frame = /^data: (.*)$/m.exec(text)
            if (frame?.[1]) {
              req.destroy()
              resolve(frame[1])
            }
          })
        },
      )
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)))
      req.end()
    })
    expect(JSON.parse(received)).toEqual({ event: 'progress', payload: { task: 'demo', done: 3, total: 10, label: 'Membuat kader' } })
  })
})
