import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './electron/core/static/csp'

const alias = { '@shared': resolve(__dirname, 'shared') }

/** The policy also as a <meta> in the built page, first in <head>: a meta policy covers only what comes after it. */
const cspMeta: Plugin = {
  name: 'simpul-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
  ],
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // kysely is ESM-only: bundled into the CommonJS main instead of require(esm) from
      // inside app.asar, which Electron has not always loaded (electron/electron#46614).
      externalizeDeps: { exclude: ['kysely'] },
      lib: { entry: resolve(__dirname, 'electron/main/index.ts') },
      // Code loaded on first use (ExcelJS) stays a require() when it runs, as it was when it
      // loaded at start, rather than an ESM import() of a package inside app.asar.
      rolldownOptions: { output: { dynamicImportInCjs: false } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything into one CJS file.
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react(), cspMeta],
    build: {
      // electron-vite leaves the page unminified; an office PC parses 2 MB less at every start
      // (and the browser tests at every page load).
      minify: true,
      // One file read from the PC's own disk, not a download: about 1 MB minified is fine.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
