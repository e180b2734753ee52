// "Overdue" is past the deadline day on the office's own wall clock: a Bali (WITA) or Jayapura
// (WIT) office turns a follow-up overdue at its own midnight, not Jakarta's.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFollowUp, getFollowUp, listFollowUps, opdBoard } from '../../electron/core/features/follow-up/follow-up.service'
import { getSite } from '../../electron/core/features/site/site.service'
import { followUpInput, followUpListInput } from '../../shared/contract'
import { createTestDb, makePosyandu, setUpKelurahan, type TestDb } from '../fixtures/db'
import { opdRow } from '../fixtures/rows'

const open: TestDb[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const t of open.splice(0)) await t.cleanup()
})

/** An office in `villageCode` with one follow-up due on 10 June 2026, raised on 1 June. */
async function officeWithFollowUpDue10June(villageCode: string): Promise<{ t: TestDb; id: string }> {
  const t = await createTestDb()
  open.push(t)
  await setUpKelurahan(t.db, villageCode, 'Kantor Kelurahan Uji')
  const posyandu = await makePosyandu(t.db, { villageCode })
  const opd = opdRow({ name: 'Uji: Dinas PUPR' })
  await t.db.insertInto('opd').values(opd).execute()
  const f = await createFollowUp(
    t.db,
    followUpInput.parse({
      source: 'aduan',
      date: '2026-06-01',
      posyanduId: posyandu.id,
      spmField: 'pekerjaan_umum',
      description: 'Saluran air di depan Posyandu tersumbat.',
      reporter: 'Bu Rina (kader)',
      opdId: opd.id,
      dueDate: '2026-06-10',
    }),
  )
  return { t, id: f.id }
}

async function overdueSeen(t: TestDb, id: string): Promise<{ row: boolean; list: number; board: number }> {
  const f = await getFollowUp(t.db, { id })
  const list = await listFollowUps(t.db, followUpListInput.parse({ state: 'overdue' }))
  const board = await opdBoard(t.db)
  return { row: f.overdue, list: list.length, board: board[0]?.overdue ?? 0 }
}

const at = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) })

describe('overdue in the office zone', () => {
  it('a WITA office (Denpasar): due today at 23.30 WITA, overdue from 00.30 WITA while Jakarta is still on the due day', async () => {
    const { t, id } = await officeWithFollowUpDue10June('51.71.01.1001')
    expect((await getSite(t.db))?.timeZone).toBe('WITA')

    at('2026-06-10T15:30:00Z') // 23.30 WITA on 10 June
    expect(await overdueSeen(t, id)).toEqual({ row: false, list: 0, board: 0 })

    at('2026-06-10T16:30:00Z') // 00.30 WITA on 11 June; 23.30 WIB on 10 June
    expect(await overdueSeen(t, id)).toEqual({ row: true, list: 1, board: 1 })
    expect((await getFollowUp(t.db, { id })).daysOverdue).toBe(1)
  })

  it('a WIB office (Tangerang) at that same instant still has the due day', async () => {
    const { t, id } = await officeWithFollowUpDue10June('36.71.01.1001')
    at('2026-06-10T16:30:00Z') // 23.30 WIB on 10 June
    expect(await overdueSeen(t, id)).toEqual({ row: false, list: 0, board: 0 })
  })

  it('a WIT office (Jayapura): overdue from its own midnight, two hours before Jakarta', async () => {
    const { t, id } = await officeWithFollowUpDue10June('91.71.01.1001')
    expect((await getSite(t.db))?.timeZone).toBe('WIT')
    at('2026-06-10T14:30:00Z') // 23.30 WIT
    expect(await overdueSeen(t, id)).toEqual({ row: false, list: 0, board: 0 })
    at('2026-06-10T15:30:00Z') // 00.30 WIT on 11 June; 22.30 WIB
    expect(await overdueSeen(t, id)).toEqual({ row: true, list: 1, board: 1 })
  })

  it('Pengaturan has the zone and the province it comes from', async () => {
    const t = await createTestDb()
    open.push(t)
    await setUpKelurahan(t.db, '51.71.01.1001', 'Kantor Kelurahan Serangan')
    expect(await getSite(t.db)).toMatchObject({ timeZone: 'WITA', provinceName: 'Bali' })
  })
})
