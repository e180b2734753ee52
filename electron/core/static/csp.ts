// The one Content-Security-Policy of the renderer. It is sent as a header by both servers of
// the page (app:// in Electron, the 127.0.0.1 bridge) and also written into the built
// index.html as a <meta>, so a scanner reading the page, or a copy of it opened some other
// way, sees the same policy. The dev server gets no meta: it injects an inline preamble for
// React refresh that the policy would block.
// No Node or Electron imports: electron.vite.config.ts reads this file too.

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles are allowed for React's style props.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
]

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** frame-ancestors only works as a header; in a <meta> Chromium ignores it with a warning. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ')
