// What a headless command is. Adding one = a file in commands/ + one line in commands/index.ts.

import type { HandlerContext } from '../ipc/types'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  /** Whether stderr is a terminal (progress lines are drawn only there). */
  isTTY: boolean
  /** Unexpected errors: silent by default (users get one line); SIMPUL_DEBUG=1 prints them. */
  debug(error: unknown): void
}

/** Fails the command with exactly this one line on stderr. 2 = wrong usage, 1 = it failed. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>
type Values<O extends OptionSpec> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }

export interface Command {
  /** One or more words, e.g. "kader list". */
  name: string
  summary: string
  /** Everything after the name, e.g. "--db BERKAS [--json]". */
  usage: string
  options: OptionSpec
  required: readonly string[]
  /** The name of the one positional argument the command takes (e.g. "PAKET"), if any: then it is required. */
  positional?: string
  run(values: Record<string, string | boolean | undefined>, io: Io, positional?: string): Promise<void>
}

export function defineCommand<O extends OptionSpec>(spec: {
  name: string
  summary: string
  usage: string
  options: O
  required?: readonly (keyof O & string)[]
  positional?: string
  run(values: Values<O>, io: Io, positional?: string): Promise<void>
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    options: spec.options,
    required: spec.required ?? [],
    positional: spec.positional,
    run: (values, io, positional) => spec.run(values as Values<O>, io, positional),
  }
}

export type { HandlerContext }
