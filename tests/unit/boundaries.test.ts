// The folder boundaries of eslint.config.mjs, proved on in-memory snippets: each forbidden
// import is reported, each allowed one is not. If a rule is loosened by accident, this fails.
// The cycle rule follows imports on disk, so it is proved on real files written for the test.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  // The project's own config, run for the one rule each part proves: the cycle rule would
  // otherwise walk the real import graph behind every snippet.
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' })
})

async function restrictedIn(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as m from '${specifier}'\nexport { m }\n`
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const cases: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'electron/core/features/x/x.service.ts',
    forbidden: [
      'electron',
      'electron/main',
      '@electron/remote',
      '../../../main/index',
      '../../../main/window',
      '../../../../renderer/src/api/client',
      '../../../../tests/fixtures/db',
    ],
    allowed: ['node:fs', 'kysely', 'zod', '../../../../shared/contract', '../area/area.service', '../../db/schema', '../../sync/write'],
  },
  {
    // Deeper in the core the climb to electron/main is longer; the CLI's entry point is refused too.
    file: 'electron/core/cli/commands/x.ts',
    forbidden: ['../../../main/index', '../../../../renderer/src/main', '../../../../tests/fixtures/offices', '../main'],
    allowed: ['../command', '../db-file', '../../features/kader/kader.service', '../../../../shared/domain/tanggal'],
  },
  {
    file: 'shared/domain/x.ts',
    forbidden: [
      'node:fs',
      'fs',
      'react',
      'electron',
      'kysely',
      'better-sqlite3',
      '../../electron/core/ipc/dispatch',
      '../../renderer/src/main',
      '../../tests/fixtures/db',
      '@shared/contract',
    ],
    allowed: ['zod', './reference', '../result'],
  },
  {
    file: 'renderer/src/features/x/X.tsx',
    forbidden: [
      'node:path',
      'fs',
      'path',
      'child_process',
      'better-sqlite3',
      'kysely',
      'electron',
      '../../../../electron/core/ipc/dispatch',
      '../../../../electron/preload/index',
      '../../../../tests/fixtures/offices',
      '../../../../tests/e2e/fixtures',
    ],
    allowed: ['react', '@shared/contract', '../../api/client', '../../components/Field', './XForm'],
  },
  {
    file: 'electron/preload/x.ts',
    forbidden: ['zod', 'node:fs', '../core/ipc/dispatch', '../../shared/contract', '../../renderer/src/api/client', '../../tests/fixtures/db'],
    allowed: ['electron', '@shared/contract', '@shared/result'],
  },
  {
    file: 'electron/main/x.ts',
    forbidden: ['../core/bridge/server', '../core/cli/run', '../../renderer/src/main', '../../renderer/src/api/client', '../../tests/fixtures/db'],
    allowed: ['electron', '../core/ipc/dispatch', 'node:path', './window', '../core/db/open'],
  },
]

describe('import boundaries', () => {
  for (const { file, forbidden, allowed } of cases) {
    describe(file, () => {
      it.each(forbidden)(`reports an import of %s`, async (specifier) => {
        const messages = await restrictedIn(file, specifier)
        expect(messages.length).toBeGreaterThan(0)
      })
      it.each(allowed)(`allows an import of %s`, async (specifier) => {
        expect(await restrictedIn(file, specifier)).toEqual([])
      })
    })
  }

  it('also catches re-exports, not just imports', async () => {
    const [result] = await eslint.lintText("export { app } from 'electron'\n", { filePath: resolve(ROOT, 'electron/core/x.ts') })
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports')
  })
})

describe('import cycles', () => {
  // Inside tests/, which the cycle rule covers, and removed afterwards: the rule reads the
  // imported files from disk, so an in-memory snippet cannot show a cycle.
  let dir: string
  let cycles: ESLint

  beforeAll(() => {
    cycles = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle' })
    dir = mkdtempSync(join(ROOT, 'tests/fixtures/cycle-probe-'))
    const files: Record<string, string> = {
      // a → b → a: a value cycle.
      'a.ts': "import { b } from './b'\nexport const a = (): number => b + 1\n",
      'b.ts': "import { a } from './a'\nexport const b = 1\nexport const useA = (): number => a()\n",
      // c → d, and d only borrows a type back: types vanish at build time, so no cycle.
      'c.ts': "import { d } from './d'\nexport interface C { n: number }\nexport const c = d * 2\n",
      'd.ts': "import type { C } from './c'\nexport const d = 2\nexport const isC = (x: C): boolean => x.n === d\n",
    }
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code)
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  async function cyclesIn(name: string): Promise<string[]> {
    const [result] = await cycles.lintFiles([join(dir, name)])
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => m.message)
  }

  it('reports both files of a cycle', async () => {
    expect(await cyclesIn('a.ts')).toEqual(['Dependency cycle detected'])
    expect(await cyclesIn('b.ts')).toEqual(['Dependency cycle detected'])
  })

  it('reports nothing where the way back is a type-only import', async () => {
    expect(await cyclesIn('c.ts')).toEqual([])
    expect(await cyclesIn('d.ts')).toEqual([])
  })
})
