// Parses the command line, runs one command, and turns every failure into exactly one
// Indonesian line on stderr plus an exit code (2 = wrong usage, 1 = the command failed).
// Importable, so tests run commands in-process; main.ts is the thin process wrapper.

import { parseArgs } from 'node:util'
import { AppError } from '../../../shared/result'
import { BUSY, isBusyError } from '../db/busy'
import { CliError, type Command, type Io } from './command'
import { COMMANDS } from './commands'
import { helpText } from './commands/help'

const UNEXPECTED = 'Terjadi kesalahan yang tidak terduga. Coba lagi; bila terulang, jalankan dengan SIMPUL_DEBUG=1 dan hubungi petugas TI.'

/** The longest command whose words start argv: "kader list" wins over a future "kader". */
function findCommand(argv: readonly string[], commands: readonly Command[]): Command | undefined {
  let best: Command | undefined
  for (const c of commands) {
    const words = c.name.split(' ')
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.name.split(' ').length)) best = c
  }
  return best
}

function unknownCommand(argv: readonly string[], commands: readonly Command[]): CliError {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2)
  const sameGroup = commands.filter((c) => c.name.split(' ')[0] === words[0] && c.name.includes(' '))
  const hint = sameGroup.length
    ? `Yang ada: ${sameGroup.map((c) => c.name).join(', ')}.`
    : 'Lihat daftar perintah: npm run simpul -- help'
  return new CliError(`Perintah tidak dikenal: ${words.join(' ') || argv[0]}. ${hint}`, 2)
}

function usageOf(c: Command): string {
  return `Cara pakai: npm run simpul -- ${c.name} ${c.usage}`.trimEnd()
}

/** parseArgs' errors are English and multi-line; users get one Indonesian line with the usage. */
function parseError(error: unknown, c: Command): CliError {
  const code = (error as { code?: string }).code
  const text = error instanceof Error ? error.message : ''
  const option = /'(-{1,2}[^'\s]+)/.exec(text)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new CliError(`Opsi tidak dikenal: ${option ?? text}. ${usageOf(c)}`, 2)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new CliError(`Opsi ${option ?? ''} perlu diisi nilainya. ${usageOf(c)}`, 2)
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(text)?.[1]
    return new CliError(`Argumen tidak dikenal: ${arg ?? text}. ${usageOf(c)}`, 2)
  }
  return new CliError(`Opsi tidak dapat dibaca. ${usageOf(c)}`, 2)
}

export async function runCli(argv: readonly string[], io: Io, commands: readonly Command[] = COMMANDS): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      io.stdout(helpText(commands))
      return 0
    }
    const command = findCommand(argv, commands)
    if (!command) throw unknownCommand(argv, commands)
    const rest = argv.slice(command.name.split(' ').length)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${usageOf(command)}\n${command.summary}\n`)
      return 0
    }

    let values: Record<string, string | boolean | undefined>
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: command.positional !== undefined }))
    } catch (error) {
      throw parseError(error, command)
    }
    if (command.positional !== undefined && positionals.length !== 1) {
      throw new CliError(
        positionals.length === 0 ? `${command.positional} wajib disebut. ${usageOf(command)}` : `Hanya satu ${command.positional} yang boleh disebut. ${usageOf(command)}`,
        2,
      )
    }
    for (const name of command.required) {
      const v = values[name]
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) {
        throw new CliError(`Opsi --${name} wajib diisi. ${usageOf(command)}`, 2)
      }
    }
    await command.run(values, io, positionals[0])
    return 0
  } catch (error) {
    if (error instanceof CliError) return failWith(io, error.message, error.exitCode)
    if (error instanceof AppError) return failWith(io, error.message, 1)
    if (isBusyError(error)) return failWith(io, BUSY, 1)
    io.debug(error)
    return failWith(io, UNEXPECTED, 1)
  }
}

function failWith(io: Io, message: string, code: 1 | 2): 1 | 2 {
  io.stderr(`${message.replace(/\s*\n\s*/g, ' ')}\n`)
  return code
}

/** The real process's streams. */
export function processIo(env: NodeJS.ProcessEnv = process.env): Io {
  const debug = env.SIMPUL_DEBUG === '1'
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    debug: (error) => {
      if (debug) console.error(error)
    },
  }
}
