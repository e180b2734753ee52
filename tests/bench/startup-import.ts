// Run by startup.bench.ts in a fresh process: imports the modules named on the command line, in
// order, and prints how long that took (wall and CPU, ms) as one JSON line. Node and tsx are
// already up when the clock starts: only the modules' own loading is timed.

import { performance } from 'node:perf_hooks'

async function main(): Promise<void> {
  const cpu = process.cpuUsage()
  const t = performance.now()
  for (const m of process.argv.slice(2)) await import(m)
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 })}\n`)
}

void main()
