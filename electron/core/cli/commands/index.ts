// The command table. A new command: one file beside this one, one line below.

import type { Command } from '../command'
import { cadanganBuat, cadanganDaftar, cadanganKode, cadanganPulihkan } from './cadangan'
import { dbDigest } from './db-digest'
import { dbPeriksa } from './db-periksa'
import { demo } from './demo'
import { helpCommand } from './help'
import { init } from './init'
import { ekspor } from './ekspor'
import { kaderImpor } from './kader-impor'
import { kaderList } from './kader-list'
import { kompetensiAturan } from './kompetensi-aturan'
import { kompetensiMatrix } from './kompetensi-matrix'
import { kunciCabut, kunciGanti, kunciKartu, kunciPercaya } from './kunci'
import { posyanduList } from './posyandu-list'
import { paketExport, paketImport, paketInspect, paketPembinaan, paketPemulihan } from './paket'
import { pelatihanList, trainingList } from './training-list'
import { rapatList } from './rapat-list'
import { rekap } from './rekap'
import { riwayat } from './riwayat'
import { tindakLanjutList } from './tindak-lanjut-list'
import { saranaList } from './sarana-list'
import { insentifList } from './insentif-list'

export const COMMANDS: readonly Command[] = [
  init,
  demo,
  posyanduList,
  kaderList,
  kaderImpor,
  trainingList,
  pelatihanList,
  kompetensiMatrix,
  kompetensiAturan,
  rapatList,
  tindakLanjutList,
  saranaList,
  insentifList,
  kunciKartu,
  kunciPercaya,
  kunciCabut,
  kunciGanti,
  paketExport,
  paketImport,
  paketInspect,
  paketPembinaan,
  paketPemulihan,
  dbDigest,
  dbPeriksa,
  cadanganBuat,
  cadanganDaftar,
  cadanganPulihkan,
  cadanganKode,
  riwayat,
  rekap,
  ekspor,
  helpCommand(() => COMMANDS),
]
