import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requireSite } from '../../electron/core/features/site/site.service'
import { formatVersion, nextVersion, nextVersions, parseClock, parseVersion, receiveVersion } from '../../electron/core/sync/hlc'
import { createTestDb, errorOf, setUpKelurahan, type TestDb } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(async () => t.cleanup())

describe('the office clock in the database', () => {
  it('needs a set-up office', async () => {
    expect((await errorOf(() => nextVersion(t.db, '01a2084a-6b83-754d-b142-4421af1ad240'))).code).toBe('not_set_up')
  })

  it('issues increasing versions and keeps the last one, even when the wall clock goes back', async () => {
    const site = await setUpKelurahan(t.db)
    const now = Date.now()
    const a = await nextVersion(t.db, site.id, now + 1000)
    const b = await nextVersion(t.db, site.id, now - 60_000)
    expect(b > a).toBe(true)
    expect(parseVersion(b)).toMatchObject({ ms: now + 1000, counter: 1, siteId: site.id })
    expect(parseClock((await requireSite(t.db)).clock)).toEqual({ ms: now + 1000, counter: 1 })
  })

  it('reserves a batch of versions in one step', async () => {
    const site = await setUpKelurahan(t.db)
    const batch = await nextVersions(t.db, site.id, 5, Date.now())
    expect(new Set(batch).size).toBe(5)
    expect([...batch].sort()).toEqual(batch)
    expect((await nextVersion(t.db, site.id)) > batch[4]!).toBe(true)
  })

  it('moves past a version received from another office that is ahead', async () => {
    const site = await setUpKelurahan(t.db)
    const far = Date.now() + 3_600_000
    const remote = formatVersion({ ms: far, counter: 42 }, 'ffffffff-ffff-7fff-bfff-ffffffffffff')
    await receiveVersion(t.db, site.id, remote)
    const next = await nextVersion(t.db, site.id)
    expect(next.slice(0, 18) > remote.slice(0, 18)).toBe(true)
  })
})
