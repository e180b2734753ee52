// The heard-from rule with real paket (issue 16): Sukarasa's paket goes to its Puskesmas, the
// Puskesmas's paket to the Dinas. The Puskesmas and the kota then say the same of the kecamatan:
// Sukarasa heard from (at the kota: lewat Puskesmas), every other kelurahan never, each office
// once. Real offices, real export and import, real SQLite.

import { describe, expect, it } from 'vitest'
import { exportPaket, importPaket } from '../../electron/core/features/paket/paket.service'
import { getRekap } from '../../electron/core/features/rekap/rekap.service'
import type { Rekap, RekapNode } from '../../shared/contract'
import { makeKader, makePosyandu } from '../fixtures/db'
import { introduce, officesPerTest, siteIdOf } from '../fixtures/offices'

const { office, stick } = officesPerTest()
const SUKARASA = '36.71.01.1001'

/** The kelurahan of the kecamatan heard from, and how many never. */
function heard(villages: RekapNode[]): [string[], number] {
  return [villages.filter((v) => v.lastBundleAt !== null).map((v) => v.code), villages.filter((v) => v.lastBundleAt === null).length]
}

describe('one heard-from rule, with real paket', () => {
  it('gives the Puskesmas and the kota the same count when only Sukarasa sent, relayed by its Puskesmas', async () => {
    const kel = await office('kelurahan')
    const pkm = await office('puskesmas')
    const kota = await office('kota')
    await introduce(kel, pkm, kota)
    const folder = stick()
    const p = await makePosyandu(kel.db, { villageCode: SUKARASA })
    await makeKader(kel.db, p.id, { name: 'Siti Aminah', spmFields: ['kesehatan', 'sosial'] })

    const up = await exportPaket(kel.db, { folder, destination: 'level:puskesmas', full: false })
    await importPaket(pkm.db, { path: up.path })
    const relay = await exportPaket(pkm.db, { folder, destination: 'level:kota', full: false })
    await importPaket(kota.db, { path: relay.path })

    const atPkm: Rekap = await getRekap(pkm.db, {})
    const atKota: Rekap = await getRekap(kota.db, {})
    const kecamatan = atKota.nodes.find((n) => n.code === '36.71.01')!
    // The Puskesmas of the fixture serves two kelurahan; the kecamatan has eight.
    expect(heard(atPkm.nodes)).toEqual([[SUKARASA], 1])
    expect(heard(kecamatan.children)).toEqual([[SUKARASA], 7])
    // The Puskesmas's own paket dates its kecamatan at the kota, and no village.
    expect(kecamatan.lastBundleAt).not.toBeNull()

    const kelId = await siteIdOf(kel)
    const pkmId = await siteIdOf(pkm)
    expect(atPkm.offices.map((o) => [o.siteId, o.relayedBy])).toEqual([[kelId, null]])
    expect(atKota.offices.map((o) => o.siteId).sort()).toEqual([kelId, pkmId].sort())
    expect(atKota.offices.find((o) => o.siteId === kelId)!.relayedBy).toEqual({ siteId: pkmId, name: 'Puskesmas Tangerang' })
    expect(atKota.offices.find((o) => o.siteId === pkmId)!.relayedBy).toBeNull()

    // The relayed kader count in Sukarasa's SPM fields at both offices alike.
    const spmOf = (n: { spm: Rekap['total']['spm'] }) => n.spm.map((f) => f.activeKader)
    const sukarasaAtPkm = atPkm.nodes.find((n) => n.code === SUKARASA)!
    const sukarasaAtKota = kecamatan.children.find((n) => n.code === SUKARASA)!
    expect(spmOf(sukarasaAtPkm)).toEqual([0, 1, 0, 0, 0, 1])
    expect(spmOf(sukarasaAtKota)).toEqual(spmOf(sukarasaAtPkm))
  }, 60_000)
})
