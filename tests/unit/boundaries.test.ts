// The folder boundaries of eslint.config.mjs, proved on in-memory snippets: each forbidden
// import is reported, each allowed one is not. If a rule is loosened by accident, this fails.

import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function restrictedIn(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as m from '${specifier}'\nexport { m }\n`
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const cases: { file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    file: 'electron/core/features/x/x.service.ts',
    forbidden: ['electron', 'electron/main', '@electron/remote'],
    allowed: ['node:fs', 'kysely', 'zod', '../../../../shared/contract'],
  },
  {
    file: 'shared/domain/x.ts',
    forbidden: ['node:fs', 'fs', 'react', 'electron', 'kysely', 'better-sqlite3', '../../electron/core/ipc/dispatch', '../../renderer/src/main', '@shared/contract'],
    allowed: ['zod', './reference', '../result'],
  },
  {
    file: 'renderer/src/features/x/X.tsx',
    forbidden: ['node:path', 'fs', 'path', 'child_process', 'better-sqlite3', 'kysely', 'electron', '../../../../electron/core/ipc/dispatch', '../../../../electron/preload/index'],
    allowed: ['react', '@shared/contract', '../../api/client'],
  },
  {
    file: 'electron/preload/x.ts',
    forbidden: ['zod', 'node:fs', '../core/ipc/dispatch', '../../shared/contract'],
    allowed: ['electron', '@shared/contract', '@shared/result'],
  },
  {
    file: 'electron/main/x.ts',
    forbidden: ['../core/bridge/server', '../core/cli/run'],
    allowed: ['electron', '../core/ipc/dispatch', 'node:path'],
  },
]

describe('import boundaries', () => {
  for (const { file, forbidden, allowed } of cases) {
    describe(file.split('/').slice(0, 2).join('/'), () => {
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
