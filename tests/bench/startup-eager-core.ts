// The core's start-up baseline (see startup.bench.ts): what electron/core/ipc/handlers.ts imported
// statically before these services were loaded on their first call. ExcelJS is named although
// the services would pull it in: it used to load with them, and its loading is the largest part.

import 'exceljs'
import '../../electron/core/features/kader-impor/kader-impor.service'
import '../../electron/core/features/ekspor/ekspor.service'
import '../../electron/core/features/print/print.service'
import '../../electron/core/features/paket/paket.service'
import '../../electron/core/features/paket/conflict.service'
