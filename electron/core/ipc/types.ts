// The handler table's type. A mapped type over the contract: every channel must have a
// handler, each handler receives the zod-parsed input and returns the contract's output,
// so adding a contract entry without wiring it is a compile error.

import type { Channel, EventName, Events, Output, ParsedInput, PrintDocument } from '../../../shared/contract'
import type { Db } from '../db/schema'

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

/** What every handler gets besides its input. Transports (IPC, HTTP bridge, CLI) build it. */
export interface HandlerContext {
  db: Db
  /** Pushes an event to the UI that made the call (progress of long tasks). */
  emit: Emit
  /**
   * What only the desktop host can do (Electron main provides it; the HTTP bridge and the CLI
   * do not, and the calls that need it answer `unsupported`).
   */
  host?: Host
}

export interface Host {
  /** Prints the document to PDF (Chromium's printToPDF) into a file the person chooses; null when cancelled. */
  savePdf(doc: PrintDocument): Promise<{ path: string } | null>
  /** A folder chosen in the system dialog (the USB stick); null when cancelled. */
  chooseFolder(): Promise<{ folder: string } | null>
  /** A spreadsheet (.xlsx, .csv) chosen in the system open dialog (a roster to import); null when cancelled. */
  chooseFile(): Promise<{ path: string } | null>
}

export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInput<C>) => Promise<Output<C>>

export type Handlers = { [C in Channel]: Handler<C> }
