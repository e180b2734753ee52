// The command table. A new command: one file beside this one, one line below.

import type { Command } from '../command'
import { demo } from './demo'
import { helpCommand } from './help'
import { init } from './init'
import { kaderList } from './kader-list'

export const COMMANDS: readonly Command[] = [
  init,
  demo,
  kaderList,
  helpCommand(() => COMMANDS),
]
