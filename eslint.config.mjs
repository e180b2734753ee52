// Lint, and the project's boundaries made mechanical (conventions.md): which folder may
// import what, and no module may import itself back through others. tests/unit/boundaries.test.ts
// proves each boundary rule and the cycle rule fire.

import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]))]

/** Each folder gets exactly one no-restricted-imports entry: flat config replaces, not merges, rule options. */
const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
})

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '.reports/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // These two React Compiler diagnostics flag the ordinary load-on-mount and latest-ref
      // patterns; the app does not use the compiler, so they advise rather than block.
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  {
    // Migrations and the pre-migration schema check work on Kysely<any> on purpose: they must
    // not depend on today's Database type (conventions.md, "frozen in time").
    files: ['electron/core/db/**/*.ts', 'tests/db/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern: `async ({}, use)`
    // is how a fixture that needs none is written.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },

  // ------------------------------------------------------------------ cycles

  {
    // A module that imports itself back through others loads half-initialised (its bindings are
    // still undefined while the cycle runs) and ties the two features into one. Type-only imports
    // vanish at build time, so only value imports count; packages cannot import us back, so the
    // rule does not read their declaration files (that halves its time).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads only .js files and sees no TypeScript module at all.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },

  // ------------------------------------------------------------------ boundaries

  // The core runs under Node, the bridge and the CLI: Electron stays in electron/main, and so does
  // everything main knows (paths, windows); the UI and the tests are the core's callers, never its
  // parts. A relative climb to a `main` is electron/main or the CLI's own entry point (cli/main.ts),
  // and neither is importable from the core.
  restrict(
    ['electron/core/**'],
    [
      { regex: '^@?electron(/|$)', message: 'electron/core berjalan tanpa Electron: Electron hanya boleh diimpor di electron/main dan electron/preload.' },
      { regex: '(^|/)electron/main(/|$)|^(\\.\\./)+main(/|$)', message: 'electron/core tidak boleh mengimpor electron/main: main yang memanggil core, bukan sebaliknya.' },
      { regex: '(^|/)renderer(/|$)', message: 'electron/core tidak boleh mengimpor renderer/: tampilan memanggil core lewat kontrak, bukan sebaliknya.' },
      { regex: '(^|/)tests(/|$)', message: 'Kode electron/ tidak boleh mengimpor tests/: pengujian tidak ikut dalam aplikasi.' },
    ],
  ),

  // The packaged app must never contain the HTTP bridge, the CLI or the tests; the UI reaches it
  // only as built files over app://, never as an import.
  restrict(
    ['electron/main/**'],
    [
      { regex: '(^|/)core/(bridge|cli)(/|$)', message: 'electron/main tidak boleh mengimpor bridge HTTP atau CLI: keduanya tidak boleh ikut dalam aplikasi terpaket.' },
      { regex: '(^|/)renderer(/|$)', message: 'electron/main tidak boleh mengimpor renderer/: tampilan dimuat sebagai berkas hasil build lewat app://, bukan diimpor.' },
      { regex: '(^|/)tests(/|$)', message: 'Kode electron/ tidak boleh mengimpor tests/: pengujian tidak ikut dalam aplikasi.' },
    ],
  ),

  // Sandboxed preload: nothing but Electron and the shared contract (bundled); this already refuses
  // renderer/ and tests/.
  restrict(
    ['electron/preload/**'],
    [{ regex: '^(?!electron$|@shared/|\\./)', message: 'Preload hanya boleh mengimpor electron dan @shared/* (berjalan dalam sandbox).' }],
  ),

  // shared/ is imported by every side: plain TypeScript and zod only.
  restrict(
    ['shared/**'],
    [
      { regex: '^(?!zod$|zod/|\\.{1,2}/)', message: 'shared/ hanya boleh mengimpor berkas shared lain (relatif) dan zod.' },
      { regex: '(^|/)(electron|renderer|tests)(/|$)', message: 'shared/ tidak boleh mengimpor dari electron/, renderer/ atau tests/.' },
    ],
  ),

  // The renderer runs in a browser: no Node, no database, no Electron; it talks through the contract.
  restrict(
    ['renderer/**'],
    [
      { regex: '^node:', message: 'Renderer berjalan di peramban: modul Node tidak tersedia.' },
      { regex: '(^|/)electron(/|$)|^@electron/', message: 'Renderer tidak boleh mengimpor electron atau kode electron/: panggil lewat kontrak (window.simpul / klien HTTP).' },
      { regex: '^(better-sqlite3|kysely)(/|$)', message: 'Renderer tidak mengakses basis data langsung: panggil layanan lewat kontrak.' },
      { regex: '(^|/)tests(/|$)', message: 'Renderer tidak boleh mengimpor tests/: pengujian tidak ikut dalam aplikasi.' },
    ],
    nodeBuiltins.map((name) => ({ name, message: 'Renderer berjalan di peramban: modul Node tidak tersedia.' })),
  ),
)
