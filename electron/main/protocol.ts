// Serves the built renderer from app://simpul/ instead of file://, so the page has a real
// origin, the Content-Security-Policy arrives as a header, and no file outside the renderer
// folder can be read (the same path check as the HTTP bridge).

import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { protocol } from 'electron'
import { SECURITY_HEADERS, contentTypeFor, isAppRoute, resolveInside } from '../core/static/static-files'
import { APP_HOST, APP_SCHEME } from './policy'

/** Must run before app `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

async function fileOrNull(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  return info?.isFile() ? path : null
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const plain = (status: number, text: string) =>
      new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
    if (url.host !== APP_HOST) return plain(404, 'Tidak ditemukan.')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Metode tidak diizinkan.')

    const target = resolveInside(rendererDir, url.pathname)
    if (!target) return plain(403, 'Akses ditolak.')
    let file = (await fileOrNull(target)) ?? (await fileOrNull(join(target, 'index.html')))
    if (!file && isAppRoute(url.pathname)) file = await fileOrNull(join(rendererDir, 'index.html'))
    if (!file) return plain(404, 'Tidak ditemukan.')

    const data = await readFile(file)
    return new Response(new Uint8Array(data), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    })
  })
}
