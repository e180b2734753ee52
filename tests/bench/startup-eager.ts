// The CLI's start-up baseline (see startup.bench.ts): the modules a command loaded at start before
// they were loaded on first use. Preloaded (`--import`) into the same command, they give the eager
// start-up in the same run, on the same machine, without an old checkout.

// What the handler table imported statically: every command opened the dispatcher.
import './startup-eager-core'
// What the command files and db-file.ts imported statically besides.
import '../../electron/core/features/demo/demo.service'
import '../../electron/core/features/paket/export'
import '../../electron/core/features/paket/import'
import '../../electron/core/features/competency/matrix-export'
import '../../electron/core/host/open-database-file'
import '../../electron/core/ipc/dispatch'
