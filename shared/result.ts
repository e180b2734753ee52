// Every call across the boundary (IPC, HTTP bridge) resolves to one of these two shapes.
// Messages are for people, in Bahasa Indonesia, and say what to do; codes are for code.

export const ERROR_CODES = [
  'invalid_input', // the input failed validation; message says which field and how to fix it
  'unknown_channel', // the renderer asked for a call that does not exist
  'forbidden', // wrong sender frame or missing/invalid bridge token
  'not_found', // the record does not exist (or was archived when that matters)
  'not_set_up', // this installation has no office yet: run the first-run setup
  'already_set_up', // setup was already done; the office identity cannot be replaced
  'unknown_area', // an area code that is not in the official Kemendagri list
  'duplicate_nik', // another (non-archived) kader already has this NIK; details.existingId
  'damaged', // the database file failed its integrity check: restore from a backup or from the region
  'busy', // another program held the database's write lock past the busy timeout: try again shortly
  'unsupported', // the call needs the desktop app (e.g. saving a PDF); the browser preview has another way
  'internal', // an unexpected failure; details are logged, never shown
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorShape {
  code: ErrorCode
  message: string
  /** The input field the error is about, when there is one (for forms). */
  field?: string
  /** For duplicate_nik: the id of the kader that already holds the NIK. */
  existingId?: string
  /** For invalid_input: one message per field path, e.g. { nik: '…', 'spmFields': '…' }. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error })

/** Thrown by services; dispatch turns it into { ok: false, error }. Plain data, no stack shown. */
export class AppError extends Error {
  readonly shape: AppErrorShape
  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.name = 'AppError'
    this.shape = shape
  }
}
