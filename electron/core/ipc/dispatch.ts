// The one entry point every transport calls (Electron IPC, the HTTP bridge, the CLI).
// The caller is untrusted: the channel is checked against the contract's own keys, the
// input is parsed by the channel's zod schema, and whatever happens the caller gets a
// Result, never a thrown error or a stack.

import type { z } from 'zod'
import { contract, type Channel } from '../../../shared/contract'
import { AppError, fail, ok, type AppErrorShape, type Result } from '../../../shared/result'
import { busyError, isBusyError } from '../db/busy'
import { handlers as defaultHandlers } from './handlers'
import type { HandlerContext, Handlers } from './types'

export const INTERNAL_MESSAGE =
  'Terjadi kesalahan yang tidak terduga. Coba lagi; bila terulang, hubungi petugas TI.'

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>

export interface DispatcherOptions {
  /** Replaces the real handler table (tests inject failing handlers). */
  handlers?: Handlers
  /**
   * Where unexpected errors go. Default: stderr with the stack, for whoever runs the app.
   * The CLI swaps this so its users see one line.
   */
  logInternal?: (channel: string, error: unknown) => void
}

/** `Object.hasOwn` keeps prototype keys (`__proto__`, `constructor`, `toString`) out. */
export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.hasOwn(contract, channel)
}

function logToStderr(channel: string, error: unknown): void {
  // Only the channel and the error: inputs may carry NIK and other personal data.
  console.error(`[simpul] kesalahan tak terduga pada ${channel}:`, error)
}

export function createDispatcher(ctx: HandlerContext, options: DispatcherOptions = {}): Dispatch {
  const table = options.handlers ?? defaultHandlers
  const logInternal = options.logInternal ?? logToStderr

  return async (channel, input) => {
    if (!isChannel(channel)) {
      return fail({
        code: 'unknown_channel',
        message: 'Permintaan tidak dikenal oleh aplikasi. Muat ulang aplikasi; bila terulang, hubungi petugas TI.',
      })
    }
    const schema: z.ZodType = contract[channel].input
    // Calls without arguments arrive as undefined over IPC and as a missing key over HTTP.
    const parsed = schema.safeParse(input === undefined || input === null ? {} : input)
    if (!parsed.success) return fail(invalidInput(parsed.error.issues))

    try {
      const handler = table[channel] as (ctx: HandlerContext, input: unknown) => Promise<unknown>
      const value = await handler(ctx, parsed.data)
      return ok(toJsonSafe(value))
    } catch (error) {
      const shape = appErrorShape(isBusyError(error) ? busyError() : error)
      if (shape) return fail(shape)
      logInternal(channel, error)
      return fail({ code: 'internal', message: INTERNAL_MESSAGE })
    }
  }
}

/** One message per field path (the first issue wins), so a form can show each beside its field. */
function invalidInput(issues: readonly z.core.$ZodIssue[]): AppErrorShape {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.')
    if (key && !(key in fields)) fields[key] = issue.message
  }
  const first = issues[0]
  const firstField = first?.path.map(String).join('.')
  return {
    code: 'invalid_input',
    message: first?.message ?? 'Isian tidak sah. Periksa kembali isian Anda.',
    ...(firstField ? { field: firstField } : {}),
    fields,
  }
}

/** Copies only the known keys, so nothing else an error object carries (a stack) leaks out. */
function appErrorShape(error: unknown): AppErrorShape | null {
  // `name` as well as instanceof: a second copy of result.ts in a built JavaScript bundle still counts.
  const isAppError =
    error instanceof AppError ||
    (error instanceof Error && error.name === 'AppError' && typeof (error as AppError).shape === 'object')
  if (!isAppError) return null
  const s = (error as AppError).shape
  return {
    code: s.code,
    message: s.message,
    ...(s.field !== undefined ? { field: s.field } : {}),
    ...(s.existingId !== undefined ? { existingId: s.existingId } : {}),
    ...(s.fields !== undefined ? { fields: { ...s.fields } } : {}),
  }
}

/**
 * IPC would carry a Date or a Map by structured clone, HTTP would not: normalising here
 * makes both transports deliver identical values, and a service that returns something
 * JSON cannot carry fails in the unit tests rather than in one transport only.
 */
function toJsonSafe(value: unknown): unknown {
  if (value === undefined) return null
  return JSON.parse(JSON.stringify(value)) as unknown
}
