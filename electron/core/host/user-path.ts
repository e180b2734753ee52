import { resolve } from 'node:path'

/**
 * A path the user typed, resolved from where they typed it: `npm run` moves the process to
 * the package root but keeps the caller's folder in INIT_CWD.
 */
export function userPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD || process.cwd(), file)
}
