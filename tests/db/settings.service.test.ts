import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getSettings, setSettings } from '../../electron/core/features/settings/settings.service'
import { createTestDb, type TestDb } from '../fixtures/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(async () => t.cleanup())

describe('settings', () => {
  it('starts in Indonesian with a minimum of 5 kader per Posyandu', async () => {
    expect(await getSettings(t.db)).toEqual({ language: 'id', minKaderPerPosyandu: 5, officerName: '' })
  })

  it('changes only the settings given and keeps them', async () => {
    expect(await setSettings(t.db, { minKaderPerPosyandu: 15, officerName: '' })).toEqual({ language: 'id', minKaderPerPosyandu: 15, officerName: '' })
    expect(await setSettings(t.db, { language: 'en' })).toEqual({ language: 'en', minKaderPerPosyandu: 15, officerName: '' })
    expect(await getSettings(t.db)).toEqual({ language: 'en', minKaderPerPosyandu: 15, officerName: '' })
  })

  it('keeps the officer\'s name without surrounding spaces, and an empty one clears it', async () => {
    const { settingsChannels } = await import('../../shared/contract/settings')
    const input = settingsChannels['settings:set'].input
    expect((await setSettings(t.db, input.parse({ officerName: '  Bu Rina  ' }))).officerName).toBe('Bu Rina')
    expect((await getSettings(t.db)).officerName).toBe('Bu Rina')
    expect((await setSettings(t.db, input.parse({ officerName: '' }))).officerName).toBe('')
    expect(input.safeParse({ officerName: 'x'.repeat(81) }).success).toBe(false)
  })

  it('falls back to the default when a stored value is damaged', async () => {
    await t.db.insertInto('setting').values({ key: 'minKaderPerPosyandu', value: '"lima"' }).execute()
    await t.db.insertInto('setting').values({ key: 'language', value: 'not json' }).execute()
    expect(await getSettings(t.db)).toEqual({ language: 'id', minKaderPerPosyandu: 5, officerName: '' })
  })
})
