// One-off measurement (not part of the suite): a kecamatan-sized recovery. The kota holds a
// kecamatan's demo data (every kelurahan of Kecamatan Tangerang, 11 Posyandu × 10 kader each);
// the kecamatan office is lost and recovered from the kota. Prints records, bytes and times.
// Run: npx tsx tests/bench/pemulihan-measure.ts

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { saveCard } from '../../electron/core/features/kunci/kunci.service'
import { importPaketFile } from '../../electron/core/features/paket/import'
import { makeRecoveryPaket } from '../../electron/core/features/paket/recovery'
import { setupSite } from '../../electron/core/features/site/site.service'
import { replicatedDigest } from '../../electron/core/sync/digest'
import { readManifest } from '../../electron/core/sync/paket'
import { cardFingerprint } from '../../electron/core/sync/card'
import { siteSetupInput } from '../../shared/contract'

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-pulih-bench-'))
  try {
    const kota = await openDatabase(join(dir, 'kota.db'))
    await setupSite(kota, siteSetupInput.parse({ level: 'kota', areaCode: '36.71', name: 'Dinas Kesehatan Kota Tangerang' }))
    const demo = await generateDemo(kota, { wilayah: '36.71.01', posyanduPerVillage: 11, kaderPerPosyandu: 10, seed: 1 })
    const pkm = await openDatabase(join(dir, 'pkm.db'))
    await setupSite(pkm, siteSetupInput.parse({ level: 'kecamatan', areaCode: '36.71.01', name: 'Kecamatan Tangerang' }))
    const card = await saveCard(pkm, { folder: dir })
    const t0 = performance.now()
    const made = await makeRecoveryPaket(kota, { cardPath: card.path, fingerprint: card.fingerprint, folder: dir })
    const t1 = performance.now()
    const { senderCard } = await readManifest(made.path, Number.MAX_SAFE_INTEGER)
    const t2 = performance.now()
    const got = await importPaketFile(pkm, made.path, { apply: true, acceptFingerprint: cardFingerprint(senderCard) })
    const t3 = performance.now()
    const digest = await replicatedDigest(pkm)
    console.log(JSON.stringify({
      demo,
      predecessors: made.predecessors,
      records: made.records,
      counts: made.counts,
      bytes: made.bytes,
      makeMs: Math.round(t1 - t0),
      importMs: Math.round(t3 - t2),
      changes: got.changes,
      held: got.heldTotal,
      refused: got.kinds.reduce((a, k) => a + k.refused, 0),
      digestRecords: digest.records,
    }, null, 1))
    await closeDatabase(pkm)
    await closeDatabase(kota)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
void main()
