// Local preferences, one row per key holding JSON, so adding a setting needs no migration.

import type { ParsedInput, Settings } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

export const DEFAULT_SETTINGS: Settings = {
  language: 'id',
  // [open] in domain.md (5 kader, or 5 pengurus + 10 kader): the older norm as a default.
  minKaderPerPosyandu: 5,
  // Stored under OFFICER_SETTING (sync/write.ts reads it for the history).
  officerName: '',
}

function decode<K extends keyof Settings>(key: K, raw: string | undefined): Settings[K] {
  if (raw === undefined) return DEFAULT_SETTINGS[key]
  try {
    const value = JSON.parse(raw) as unknown
    // A hand-edited or older file must not break the app: fall back to the default.
    if (key === 'language') return (value === 'id' || value === 'en' ? value : DEFAULT_SETTINGS.language) as Settings[K]
    if (key === 'officerName') return (typeof value === 'string' ? value : DEFAULT_SETTINGS.officerName) as Settings[K]
    if (key === 'minKaderPerPosyandu') {
      return (Number.isInteger(value) && (value as number) >= 1 ? value : DEFAULT_SETTINGS.minKaderPerPosyandu) as Settings[K]
    }
  } catch {
    // fall through
  }
  return DEFAULT_SETTINGS[key]
}

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute()
  const byKey = new Map(rows.map((r) => [r.key, r.value]))
  return {
    language: decode('language', byKey.get('language')),
    minKaderPerPosyandu: decode('minKaderPerPosyandu', byKey.get('minKaderPerPosyandu')),
    officerName: decode('officerName', byKey.get('officerName')),
  }
}

export async function setSettings(db: Db, input: ParsedInput<'settings:set'>): Promise<Settings> {
  const entries = Object.entries(input).filter(([k, v]) => k in DEFAULT_SETTINGS && v !== undefined)
  if (entries.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const [key, v] of entries) {
        const value = JSON.stringify(v)
        await trx
          .insertInto('setting')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute()
      }
    })
  }
  return getSettings(db)
}
