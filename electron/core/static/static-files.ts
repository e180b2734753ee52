// Serving the built renderer, shared by the app:// protocol (electron/main) and the HTTP
// bridge, so both apply the same path check and the same security headers.

import { extname, resolve, sep } from 'node:path'

import { CONTENT_SECURITY_POLICY } from './csp'

export { CONTENT_SECURITY_POLICY }

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The bridge's page URL carries its token: never send it on as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL pathname (still percent-encoded) to a file inside `root`, or null when the
 * path is malformed or would leave `root` (`..`, encoded `%2e%2e%2f`, backslashes, NUL).
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = resolve(root)
  const file = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  if (file !== base && !file.startsWith(base + sep)) return null
  return file
}

/**
 * Paths without an extension are the single-page app's own routes: they get index.html.
 * A missing asset (with an extension) stays a 404, so a broken build shows up as one.
 */
export function isAppRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? ''
  return !last.includes('.')
}
