// The replication registry is the one list of what travels: every table the migrations give the
// replicated columns must be in it, with parents that exist and an area rule that names real
// columns, and the lists the rest of the code reads derive from it.

import { describe, expect, it } from 'vitest'
import { PAKET_KINDS, WEWENANG } from '../../shared/domain/paket'
import { sqliteOf } from '../../electron/core/db/open'
import { kindOf, MERGE_ORDER, REGISTRY, REPLICATED_TABLES } from '../../electron/core/sync/registry'
import { createTestDb } from '../fixtures/db'

describe('replication registry', () => {
  it('declares every table that has the replicated columns, and no other', async () => {
    const t = await createTestDb()
    try {
      const sqlite = sqliteOf(t.db)
      const tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name)
      const replicated = tables.filter((name) => {
        const cols = (sqlite.prepare(`pragma table_info(${name})`).all() as { name: string }[]).map((c) => c.name)
        return ['id', 'site_id', 'version', 'field_versions', 'deleted'].every((c) => cols.includes(c))
      })
      expect([...replicated].sort()).toEqual([...REPLICATED_TABLES].sort())
      for (const kind of REGISTRY) {
        const cols = (sqlite.prepare(`pragma table_info(${kind.kind})`).all() as { name: string }[]).map((c) => c.name)
        for (const [column, parent] of Object.entries(kind.parents)) {
          expect(cols, `${kind.kind}.${column}`).toContain(column)
          expect(REPLICATED_TABLES).toContain(parent)
        }
        for (const rule of [...kind.area, ...(kind.route ?? [])]) {
          if ('column' in rule) expect(cols, `${kind.kind} area`).toContain(rule.column)
          if ('parent' in rule) expect(Object.keys(kind.parents), `${kind.kind} area`).toContain(rule.parent)
        }
        for (const list of kind.lists) expect(cols, `${kind.kind} list`).toContain(list)
        if (kind.refresh) expect(cols, `${kind.kind} refresh`).toContain(kind.refresh.key)
        expect(() => sqlite.prepare(kind.labelSql), `${kind.kind} label`).not.toThrow()
      }
    } finally {
      await t.cleanup()
    }
  })

  it('merges parents before their children, and derives the kinds and what each level may change', () => {
    expect([...MERGE_ORDER].sort()).toEqual([...PAKET_KINDS].sort())
    for (const kind of REGISTRY) {
      for (const parent of Object.values(kind.parents)) expect(MERGE_ORDER.indexOf(parent), `${kind.kind} after ${parent}`).toBeLessThan(MERGE_ORDER.indexOf(kind.kind))
    }
    expect(WEWENANG.kelurahan).toEqual(expect.arrayContaining(['posyandu', 'kader', 'meeting']))
    expect(WEWENANG.kelurahan).not.toContain('assessment')
    expect(kindOf('assessment').writers).toEqual(['puskesmas', 'kota'])
    expect(() => kindOf('site')).toThrow()
  })
})
