// `npm run simpul -- <perintah>`: headless commands for scripts, tests and support staff.

import { processIo, runCli } from './run'

// `| head` closing the pipe early is not an error worth a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): a large JSON on a pipe must be flushed before the process ends.
  process.exitCode = code
})
