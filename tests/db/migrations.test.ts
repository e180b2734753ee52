// Every migration has its own test, in the manner of Signal Desktop: migrate to the one before,
// write rows as that schema held them, migrate, then check what was added and that the rows are
// still there. Released migration files are frozen: their hashes are kept in
// migrations.sha256.json, and a change to one fails here (a new migration must be written).

import SqliteDatabase from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../electron/core/db/open'
import { MIGRATIONS, SCHEMA_VERSION, migrateTo, migrateToLatest } from '../../electron/core/db/migrations'
import { generateDemo } from '../../electron/core/features/demo/demo.service'
import { olderSenderFill, travellingColumns } from '../../electron/core/features/paket/records'
import { REGISTRY } from '../../electron/core/sync/registry'
import { listKader } from '../../electron/core/features/kader/kader.service'
import { kaderListInput, type Input } from '../../shared/contract'
import { createTestDb, setUpKelurahan, type TestDb } from '../fixtures/db'

const MIGRATIONS_DIR = resolve(__dirname, '../../electron/core/db/migrations')
const RELEASED_FILE = resolve(__dirname, 'migrations.sha256.json')

function memoryDb() {
  const sqlite = new SqliteDatabase(':memory:')
  sqlite.pragma('foreign_keys = ON')
  return { sqlite, db: new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }) }
}

type ColumnInfo = { name: string; notnull: number; dflt_value: string | null; pk: number }
const columns = (sqlite: SqliteDatabase.Database, table: string) => sqlite.prepare(`pragma table_info(${table})`).all() as ColumnInfo[]
const indexes = (sqlite: SqliteDatabase.Database, table: string) =>
  (sqlite.prepare(`pragma index_list(${table})`).all() as { name: string }[]).map((i) => i.name)

const REPLICATED = ['id', 'site_id', 'version', 'field_versions', 'created_at', 'updated_at', 'deleted']
/** The sync columns a replicated row needs, as any schema since the first held them. */
const SYNC = { site_id: 's', version: '1795000000000:0000:s', created_at: '2026-11-23T00:00:00Z', updated_at: '2026-11-23T00:00:00Z' }

const POSYANDU = { ...SYNC, id: 'p1', name: 'Mawar', village_code: '36.71.01.1001', village_name: 'Sukarasa' }
const KADER = { ...SYNC, id: 'k1', nik: '3671015204850001', name: 'Siti', sex: 'P', birth_date: '1985-04-12', posyandu_id: 'p1', role: 'kader', status: 'aktif', status_date: '2024-01-01' }

/** A roster as the first schema held it: one Posyandu, one kader. */
async function insertRoster(db: Kysely<any>): Promise<void> {
  await db.insertInto('posyandu').values(POSYANDU).execute()
  await db.insertInto('kader').values(KADER).execute()
}

/** The file's SHA-256 with line ends as git stores them, so a Windows checkout (CRLF) hashes the same. */
const fileHash = (path: string) => createHash('sha256').update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'), 'utf8').digest('hex')

const tested = new Set<string>()
/** A migration's own tests; the list of these is checked against MIGRATIONS below. */
function describeMigration(name: string, fn: () => void) {
  tested.add(name)
  describe(name, fn)
}

describe('migrations', () => {
  it('knows every migration by name and counts them as the schema version', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([
      '2026_11_23_0001_create_core_tables',
      '2026_11_23_0002_create_competency_tables',
      '2026_11_23_0003_create_meeting_tables',
      '2026_11_23_0004_create_paket_tables',
      '2026_11_23_0005_create_key_tables',
      '2026_12_06_0006_create_paket_held',
      '2026_12_06_0007_create_riwayat',
      '2026_12_06_0008_create_site_succession',
      '2026_12_06_0009_attachment_of_follow_up',
      '2026_12_06_0010_add_posyandu_registrasi',
      '2026_12_06_0011_create_sarana_insentif',
    ])
    expect(SCHEMA_VERSION).toBe(Object.keys(MIGRATIONS).length)
  })

  it('has a test of its own for every migration', () => {
    const untested = Object.keys(MIGRATIONS).filter((name) => !tested.has(name))
    expect(untested, `Migrations without their own describeMigration(...) in tests/db/migrations.test.ts: ${untested.join(', ')}`).toEqual([])
  })

  it('lists every migration file of the folder in MIGRATIONS', () => {
    const onDisk = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
    const forgotten = onDisk.filter((name) => !(name in MIGRATIONS))
    expect(
      forgotten,
      `These migration files are not in MIGRATIONS of electron/core/db/migrations/index.ts, so no database would ever run them: ${forgotten.join(', ')}. Import each there and add it to MIGRATIONS.`,
    ).toEqual([])
  })

  it('keeps released migration files exactly as they were released', () => {
    const released = JSON.parse(readFileSync(RELEASED_FILE, 'utf8')) as Record<string, string>
    const changed: string[] = []
    const unlisted: string[] = []
    for (const name of Object.keys(MIGRATIONS)) {
      const hash = fileHash(join(MIGRATIONS_DIR, `${name}.ts`))
      if (!(name in released)) unlisted.push(`"${name}": "${hash}"`)
      else if (released[name] !== hash) changed.push(name)
    }
    const removed = Object.keys(released).filter((name) => !(name in MIGRATIONS))
    const problems: string[] = []
    if (changed.length > 0) {
      problems.push(
        `Released migrations are frozen, but these files changed: ${changed.join(', ')}. Databases out there have already run them and ` +
          'will not run them again. Undo the change and add a new migration instead.',
      )
    }
    if (removed.length > 0) {
      problems.push(`Released migrations are frozen, but these were removed from MIGRATIONS: ${removed.join(', ')}. Put them back; add a new migration to undo what they did.`)
    }
    if (unlisted.length > 0) {
      problems.push(
        `New migrations are not yet in tests/db/migrations.sha256.json. Once a migration is final, add its hash there so that it is frozen from then on:\n${unlisted.join(',\n')}`,
      )
    }
    expect(problems, problems.join('\n\n')).toEqual([])
  })

  it('is a no-op when run again on a migrated database', async () => {
    const { sqlite, db } = memoryDb()
    await migrateToLatest(db)
    await migrateToLatest(db)
    expect((sqlite.prepare('select count(*) n from kysely_migration').get() as { n: number }).n).toBe(SCHEMA_VERSION)
    await db.destroy()
  })
})

describeMigration('2026_11_23_0001_create_core_tables', () => {
  // The first migration starts from an empty file: there is no earlier data to keep.
  it('creates every table of the schema with its columns', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0001_create_core_tables')
    const expected: Record<string, string[]> = {
      meta: ['key', 'value'],
      site: ['id', 'level', 'area_code', 'area_name', 'name', 'created_at', 'clock'],
      site_village: ['village_code', 'village_name'],
      setting: ['key', 'value'],
      area: ['code', 'name', 'level', 'parent_code', 'name_search'],
      posyandu: [...REPLICATED, 'name', 'village_code', 'village_name', 'rw', 'address', 'puskesmas', 'schedule', 'spm_fields', 'active'],
      kader: [
        ...REPLICATED,
        'nik', 'name', 'sex', 'birth_place', 'birth_date', 'phone', 'address', 'rt', 'rw', 'posyandu_id', 'role',
        'spm_fields', 'sk_number', 'sk_date', 'education', 'status', 'status_date', 'notes',
      ],
      kader_status: [...REPLICATED, 'kader_id', 'status', 'date', 'note'],
    }
    for (const [table, cols] of Object.entries(expected)) {
      expect(columns(sqlite, table).map((c) => c.name).sort(), table).toEqual([...cols].sort())
    }
    await db.destroy()
  })

  it('gives the replicated tables non-null sync columns, a tombstone defaulting to 0 and empty field versions', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0001_create_core_tables')
    for (const table of ['posyandu', 'kader', 'kader_status']) {
      const cols = new Map(columns(sqlite, table).map((c) => [c.name, c]))
      for (const name of REPLICATED) expect(cols.get(name)?.notnull === 1 || (cols.get(name)?.pk ?? 0) > 0, `${table}.${name} NOT NULL`).toBe(true)
      expect(cols.get('deleted')?.dflt_value).toBe('0')
      expect(cols.get('field_versions')?.dflt_value).toBe("'{}'")
      expect(cols.get('id')?.pk).toBe(1)
    }
    await db.destroy()
  })

  it('links kader to posyandu and status history to kader by foreign keys', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0001_create_core_tables')
    const fk = (t: string) => sqlite.prepare(`pragma foreign_key_list(${t})`).all() as { table: string; from: string; to: string }[]
    expect(fk('kader')).toEqual([expect.objectContaining({ table: 'posyandu', from: 'posyandu_id', to: 'id' })])
    expect(fk('kader_status')).toEqual([expect.objectContaining({ table: 'kader', from: 'kader_id', to: 'id' })])
    const now = new Date().toISOString()
    expect(() =>
      sqlite
        .prepare(
          `insert into kader (id, site_id, version, created_at, updated_at, nik, name, sex, birth_date, posyandu_id, role, status, status_date)
           values ('k', 's', 'v', ?, ?, '3671011204850001', 'X', 'L', '1985-04-12', 'no-such-posyandu', 'kader', 'aktif', '2024-01-01')`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/)
    await db.destroy()
  })

  it('creates the indexes the roster, the Posyandu list and the area search rely on', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0001_create_core_tables')
    expect(indexes(sqlite, 'kader')).toEqual(
      expect.arrayContaining([
        'kader_deleted_name_idx',
        'kader_deleted_status_name_idx',
        'kader_posyandu_name_idx',
        'kader_posyandu_status_idx',
        'kader_deleted_birth_date_idx',
        'kader_deleted_updated_at_idx',
        'kader_nik_idx',
      ]),
    )
    expect(indexes(sqlite, 'posyandu')).toEqual(expect.arrayContaining(['posyandu_village_code_idx', 'posyandu_name_idx']))
    expect(indexes(sqlite, 'area')).toEqual(expect.arrayContaining(['area_parent_code_idx', 'area_level_idx']))
    expect(indexes(sqlite, 'kader_status')).toEqual(expect.arrayContaining(['kader_status_kader_id_idx']))
    const nameIdx = sqlite.prepare(`select sql from sqlite_master where name = 'kader_deleted_name_idx'`).get() as { sql: string }
    expect(nameIdx.sql.toLowerCase()).toContain('collate nocase')
    await db.destroy()
  })
})

describeMigration('2026_11_23_0002_create_competency_tables', () => {
  it('adds the competency tables to a database that already holds a roster, leaving the roster as it was', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0001_create_core_tables')
    await insertRoster(db)
    await migrateTo(db, '2026_11_23_0002_create_competency_tables')

    expect(columns(sqlite, 'training').map((c) => c.name)).toEqual([
      ...REPLICATED, 'title', 'kind', 'start_date', 'end_date', 'place', 'organiser', 'facilitators', 'competencies', 'catalogue_version', 'notes',
    ])
    expect(columns(sqlite, 'training_participant').map((c) => c.name)).toEqual([
      ...REPLICATED, 'training_id', 'kader_id', 'attendance', 'pre_score', 'post_score', 'certificate_number',
    ])
    expect(columns(sqlite, 'assessment').map((c) => c.name)).toEqual([
      ...REPLICATED, 'kader_id', 'competency_code', 'catalogue_version', 'date', 'result', 'method',
      'assessor_name', 'assessor_nip', 'assessor_profession', 'assessor_institution', 'training_id', 'notes',
    ])
    expect(columns(sqlite, 'kader_competency').map((c) => c.name)).toEqual(['kader_id', 'competent', 'not_yet', 'groups', 'level', 'level_rank', 'catalogue_version'])
    expect(columns(sqlite, 'catalogue').map((c) => c.name)).toEqual(['version', 'title', 'body', 'installed_at'])
    expect(indexes(sqlite, 'assessment')).toEqual(expect.arrayContaining(['assessment_kader_code_idx', 'assessment_training_idx']))
    expect(indexes(sqlite, 'kader_competency')).toEqual(expect.arrayContaining(['kader_competency_level_idx']))
    expect(await db.selectFrom('kader').selectAll().execute()).toEqual([expect.objectContaining({ id: 'k1', name: 'Siti', deleted: 0, field_versions: '{}' })])

    // Assessments must name an existing kader (and training, when they name one).
    const a = { ...SYNC, id: 'a1', competency_code: 'A1', catalogue_version: '2024.1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor_name: 'Rina' }
    await expect(db.insertInto('assessment').values({ ...a, kader_id: 'nobody' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    await expect(db.insertInto('assessment').values({ ...a, kader_id: 'k1', training_id: 'none' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    await db.insertInto('assessment').values({ ...a, kader_id: 'k1' }).execute()
    await db.destroy()
  })

  it('gives a database file written before the catalogue existed the shipped catalogue when it is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'simpul-mig-'))
    try {
      const file = join(dir, 'lama.sqlite')
      const sqlite = new SqliteDatabase(file)
      const old = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
      await migrateTo(old, '2026_11_23_0001_create_core_tables')
      await old.insertInto('meta').values({ key: 'app', value: 'simpul-posyandu' }).execute()
      await old.destroy()
      const db = await openDatabase(file)
      const active = await db.selectFrom('meta').select('value').where('key', '=', 'catalogue.active').executeTakeFirstOrThrow()
      expect(active.value).toBe('2024.1')
      expect(await db.selectFrom('catalogue').select('version').execute()).toEqual([{ version: '2024.1' }])
      await closeDatabase(db)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describeMigration('2026_11_23_0003_create_meeting_tables', () => {
  it('adds meetings, follow-ups, attachments and the search index beside the existing data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0002_create_competency_tables')
    await insertRoster(db)
    const assessment = { ...SYNC, id: 'a1', kader_id: 'k1', competency_code: 'A1', catalogue_version: '2024.1', date: '2026-10-01', result: 'kompeten', method: 'observasi_praktik', assessor_name: 'Rina' }
    await db.insertInto('assessment').values(assessment).execute()
    await migrateTo(db, '2026_11_23_0003_create_meeting_tables')

    expect(columns(sqlite, 'opd').map((c) => c.name)).toEqual([...REPLICATED, 'code', 'name', 'spm_fields', 'active'])
    expect(columns(sqlite, 'meeting').map((c) => c.name)).toEqual([
      ...REPLICATED, 'level', 'kind', 'title', 'date', 'start_time', 'end_time', 'place', 'chair', 'minute_taker',
      'invitation_number', 'posyandu_id', 'spm_fields', 'agenda', 'conclusions', 'attendees',
    ])
    expect(columns(sqlite, 'follow_up').map((c) => c.name)).toEqual([
      ...REPLICATED, 'source', 'meeting_id', 'date', 'posyandu_id', 'spm_field', 'description', 'reporter', 'opd_id',
      'due_date', 'status', 'closed_date', 'closing_evidence',
    ])
    expect(columns(sqlite, 'follow_up_progress').map((c) => c.name)).toEqual([...REPLICATED, 'follow_up_id', 'date', 'status', 'note'])
    expect(columns(sqlite, 'attachment').map((c) => c.name)).toEqual([...REPLICATED, 'meeting_id', 'file_name', 'kind', 'mime', 'size', 'sha256'])
    expect(columns(sqlite, 'attachment_blob').map((c) => c.name)).toEqual(['sha256', 'data'])
    expect(indexes(sqlite, 'follow_up')).toEqual(expect.arrayContaining(['follow_up_status_due_idx', 'follow_up_opd_idx', 'follow_up_meeting_idx']))
    expect(await db.selectFrom('posyandu').select('name').execute()).toEqual([{ name: 'Mawar' }])
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(await db.selectFrom('assessment').select(['id', 'kader_id']).execute()).toEqual([{ id: 'a1', kader_id: 'k1' }])

    // A follow-up must name an existing OPD; the search index is a working FTS5 table.
    const f = { ...SYNC, id: 'f1', source: 'aduan', date: '2026-11-01', description: 'Lampu jalan mati', due_date: '2026-11-30', status: 'baru' }
    await expect(db.insertInto('follow_up').values({ ...f, opd_id: 'none' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    sqlite.prepare(`insert into search_fts (ref_kind, ref_id, date, title, content, stems) values ('rapat', 'm1', '2026-11-01', 'Rapat', 'persampahan', 'sampah')`).run()
    expect(sqlite.prepare(`select ref_id from search_fts where search_fts match 'stems:sampah'`).all()).toEqual([{ ref_id: 'm1' }])
    await db.destroy()
  })
})

describeMigration('2026_11_23_0004_create_paket_tables', () => {
  const DEFAULT_VERSION = '0000000000000:0000:default'

  it('adds the local received clock to every replicated table and the bundle bookkeeping tables, keeping the rows', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0003_create_meeting_tables')
    await insertRoster(db)
    await db.insertInto('opd').values({ ...SYNC, id: 'o1', name: 'Dinas Kesehatan' }).execute()
    const followUp = { ...SYNC, id: 'f1', source: 'aduan', date: '2026-11-01', description: 'Lampu jalan mati', opd_id: 'o1', due_date: '2026-11-30', status: 'baru' }
    await db.insertInto('follow_up').values(followUp).execute()
    await migrateTo(db, '2026_11_23_0004_create_paket_tables')

    const replicated = ['posyandu', 'kader', 'kader_status', 'training', 'training_participant', 'assessment', 'opd', 'meeting', 'attachment', 'follow_up', 'follow_up_progress']
    for (const table of replicated) {
      const received = columns(sqlite, table).find((c) => c.name === 'received')
      expect(received, table).toMatchObject({ notnull: 1, dflt_value: "''" })
    }
    expect(await db.selectFrom('posyandu').select(['name', 'received']).execute()).toEqual([{ name: 'Mawar', received: '' }])
    expect(await db.selectFrom('kader').select(['name', 'received']).execute()).toEqual([{ name: 'Siti', received: '' }])
    expect(await db.selectFrom('follow_up').select(['description', 'opd_id', 'received']).execute()).toEqual([{ description: 'Lampu jalan mati', opd_id: 'o1', received: '' }])
    expect(columns(sqlite, 'office').map((c) => c.name)).toEqual(['site_id', 'level', 'area_code', 'area_name', 'name', 'villages', 'last_bundle_at', 'last_imported_at'])
    expect(columns(sqlite, 'paket_received').map((c) => c.name)).toEqual(['bundle_id', 'sender_site_id', 'sender_name', 'sender_level', 'created_at', 'imported_at', 'file_name', 'summary'])
    expect(columns(sqlite, 'paket_sent').map((c) => c.name)).toEqual(['bundle_id', 'destination', 'destination_name', 'full', 'clock', 'created_at', 'file_name', 'records'])
    expect(columns(sqlite, 'sync_conflict').map((c) => c.name)).toEqual([
      'id', 'table_name', 'record_id', 'field', 'kept_value', 'kept_version', 'lost_value', 'lost_version', 'bundle_id', 'detected_at', 'resolved_at', 'resolution',
    ])
    expect(indexes(sqlite, 'paket_sent')).toEqual(expect.arrayContaining(['paket_sent_destination_idx']))
    expect(indexes(sqlite, 'sync_conflict')).toEqual(expect.arrayContaining(['sync_conflict_open_idx']))
    expect(indexes(sqlite, 'kader_duplicate')).toEqual(expect.arrayContaining(['kader_duplicate_pair_idx']))

    // A same-NIK pair is recorded once.
    const pair = { nik: KADER.nik, kader_id: 'k1', other_kader_id: 'k2', bundle_id: 'b', detected_at: '2026-11-23T00:00:00Z' }
    await db.insertInto('kader_duplicate').values(pair).execute()
    await expect(db.insertInto('kader_duplicate').values(pair).execute()).rejects.toThrow(/UNIQUE/)
    await db.destroy()
  })

  it('gives the default OPD list the shared creation instant, leaving an office’s own OPD alone', async () => {
    const { db } = memoryDb()
    await migrateTo(db, '2026_11_23_0003_create_meeting_tables')
    // As the first open seeded it: the local time of that open.
    const seeded = { created_at: '2026-11-23T08:15:00.000Z', updated_at: '2026-11-23T08:15:00.000Z' }
    await db.insertInto('opd').values({ ...seeded, id: 'dinkes', site_id: 'default', version: DEFAULT_VERSION, code: 'dinkes', name: 'Dinas Kesehatan' }).execute()
    await db.insertInto('opd').values({ ...SYNC, id: 'own', name: 'Bappeda' }).execute()
    await migrateTo(db, '2026_11_23_0004_create_paket_tables')
    expect(await db.selectFrom('opd').select(['id', 'created_at', 'updated_at']).orderBy('id').execute()).toEqual([
      { id: 'dinkes', created_at: '1970-01-01T00:00:00.000Z', updated_at: '1970-01-01T00:00:00.000Z' },
      { id: 'own', created_at: SYNC.created_at, updated_at: SYNC.updated_at },
    ])
    await db.destroy()
  })
})

describeMigration('2026_11_23_0005_create_key_tables', () => {
  it('adds the office keys, the trusted offices and the revocations beside the existing data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0004_create_paket_tables')
    await insertRoster(db)
    const office = { site_id: 'pkm', level: 'puskesmas', area_code: '36.71.01', area_name: 'Tangerang', name: 'Puskesmas Tangerang', last_bundle_at: '2026-11-20T00:00:00Z' }
    await db.insertInto('office').values(office).execute()
    const received = { bundle_id: 'b1', sender_site_id: 'pkm', sender_name: 'Puskesmas Tangerang', sender_level: 'puskesmas', created_at: '2026-11-20T00:00:00Z', imported_at: '2026-11-21T00:00:00Z', file_name: 'b1.simpul', summary: '{}' }
    await db.insertInto('paket_received').values(received).execute()
    await migrateTo(db, '2026_11_23_0005_create_key_tables')

    expect(columns(sqlite, 'office_key').map((c) => c.name)).toEqual([
      'id', 'signing_public', 'signing_private', 'encryption_public', 'encryption_private', 'created_at', 'retired_at',
    ])
    expect(columns(sqlite, 'trusted_office').map((c) => c.name)).toEqual([
      'site_id', 'level', 'area_code', 'area_name', 'name', 'signing_key', 'encryption_key', 'fingerprint', 'card_created_at', 'source', 'trusted_at', 'card',
    ])
    expect(columns(sqlite, 'key_revocation').map((c) => c.name)).toEqual(['fingerprint', 'site_id', 'revoked_at', 'reason', 'issuer_site_id', 'statement'])
    // Only the retirement date may be missing; everything else is required.
    for (const table of ['office_key', 'trusted_office', 'key_revocation']) {
      const optional = columns(sqlite, table).filter((c) => c.notnull === 0 && c.pk === 0).map((c) => c.name)
      expect(optional, table).toEqual(table === 'office_key' ? ['retired_at'] : [])
    }

    expect(await db.selectFrom('kader').select(['name', 'posyandu_id']).execute()).toEqual([{ name: 'Siti', posyandu_id: 'p1' }])
    expect(await db.selectFrom('office').select(['site_id', 'last_bundle_at']).execute()).toEqual([{ site_id: 'pkm', last_bundle_at: '2026-11-20T00:00:00Z' }])
    expect(await db.selectFrom('paket_received').select('bundle_id').execute()).toEqual([{ bundle_id: 'b1' }])

    // Key pairs are numbered in the order they were made; an office is trusted, and a key revoked, once.
    const pair = { signing_public: 'sp', signing_private: 'ss', encryption_public: 'ep', encryption_private: 'es', created_at: '2026-11-23T00:00:00Z' }
    await db.insertInto('office_key').values(pair).execute()
    await db.insertInto('office_key').values({ ...pair, created_at: '2026-11-24T00:00:00Z' }).execute()
    expect(await db.selectFrom('office_key').select(['id', 'retired_at']).orderBy('id').execute()).toEqual([
      { id: 1, retired_at: null },
      { id: 2, retired_at: null },
    ])
    const trusted = {
      site_id: 'pkm', level: 'puskesmas', area_code: '36.71.01', area_name: 'Tangerang', name: 'Puskesmas Tangerang', signing_key: 'sk', encryption_key: 'ek',
      fingerprint: 'fp', card_created_at: '2026-11-20T00:00:00Z', source: 'berkas', trusted_at: '2026-11-21T00:00:00Z', card: '{}',
    }
    await db.insertInto('trusted_office').values(trusted).execute()
    await expect(db.insertInto('trusted_office').values(trusted).execute()).rejects.toThrow(/UNIQUE/)
    const revocation = { fingerprint: 'fp', site_id: 'pkm', revoked_at: '2026-11-25T00:00:00Z', reason: 'laptop hilang', issuer_site_id: 'kota', statement: '{}' }
    await db.insertInto('key_revocation').values(revocation).execute()
    await expect(db.insertInto('key_revocation').values(revocation).execute()).rejects.toThrow(/UNIQUE/)
    await db.destroy()
  })
})

describeMigration('2026_12_06_0006_create_paket_held', () => {
  it('adds the local list of held records, one row per distinct state of a record, keeping the data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_11_23_0005_create_key_tables')
    await insertRoster(db)
    await migrateTo(db, '2026_12_06_0006_create_paket_held')
    expect(await db.selectFrom('posyandu').select('name').execute()).toEqual([{ name: 'Mawar' }])
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(columns(sqlite, 'paket_held').map((c) => c.name)).toEqual(['id', 'table_name', 'record_id', 'row', 'row_hash', 'reason', 'sender_site_id', 'bundle_id', 'held_at'])
    const held = { table_name: 'kader', record_id: 'k1', row: '{}', row_hash: 'h1', reason: 'r', sender_site_id: 's', bundle_id: 'b', held_at: '2026-12-06T00:00:00Z' }
    await db.insertInto('paket_held').values(held).execute()
    await expect(db.insertInto('paket_held').values(held).execute()).rejects.toThrow(/UNIQUE/)
    await db.insertInto('paket_held').values({ ...held, row_hash: 'h2' }).execute()
    expect(await db.selectFrom('paket_held').select('row_hash').orderBy('id').execute()).toEqual([{ row_hash: 'h1' }, { row_hash: 'h2' }])
    await db.destroy()
  })
})

describeMigration('2026_12_06_0007_create_riwayat', () => {
  it('adds the local change history, looked up by record through an index, keeping the data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_12_06_0006_create_paket_held')
    await insertRoster(db)
    await migrateTo(db, '2026_12_06_0007_create_riwayat')
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(columns(sqlite, 'riwayat').map((c) => c.name)).toEqual(['id', 'table_name', 'record_id', 'at', 'site_id', 'person', 'field', 'from_value', 'to_value', 'source'])
    // An existing file starts with no history: nothing is invented for changes made before.
    expect(await db.selectFrom('riwayat').selectAll().execute()).toEqual([])
    const entry = { table_name: 'kader', record_id: 'k1', at: '2026-12-06T00:00:00Z', site_id: 's', person: null, field: 'phone', from_value: null, to_value: '"0812"', source: 'di-sini' }
    await db.insertInto('riwayat').values(entry).execute()
    await expect(db.insertInto('riwayat').values({ ...entry, source: null }).execute()).rejects.toThrow(/NOT NULL/)
    const plan = (sqlite.prepare("explain query plan select * from riwayat where record_id = ? and table_name = 'kader'").all('k1') as { detail: string }[]).map((r) => r.detail)
    expect(plan.join(' ')).toMatch(/riwayat_record_idx/)
    await db.destroy()
  })
})

describeMigration('2026_12_06_0008_create_site_succession', () => {
  it('adds the succession statements (office recovery), one row per statement, keeping the data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_12_06_0007_create_riwayat')
    await insertRoster(db)
    await migrateTo(db, '2026_12_06_0008_create_site_succession')
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(columns(sqlite, 'site_succession').map((c) => c.name)).toEqual([
      'id', 'successor_site_id', 'predecessors', 'level', 'area_code', 'issuer_site_id', 'issued_at', 'statement', 'learned_at',
    ])
    expect(indexes(sqlite, 'site_succession')).toContain('site_succession_successor_idx')
    const row = { id: 'u1', successor_site_id: 'new', predecessors: '["old"]', level: 'kelurahan', area_code: '36.71.01.1001', issuer_site_id: 'kota', issued_at: '2026-12-06T00:00:00Z', statement: '{}', learned_at: '2026-12-06T00:00:00Z' }
    await db.insertInto('site_succession').values(row).execute()
    await expect(db.insertInto('site_succession').values(row).execute()).rejects.toThrow(/UNIQUE/)
    await db.destroy()
  })
})

describeMigration('2026_12_06_0009_attachment_of_follow_up', () => {
  it('lets an attachment belong to a meeting or to a follow-up (exactly one), keeping the meeting attachments as they were', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_12_06_0008_create_site_succession')
    await db.insertInto('meeting').values({ ...SYNC, id: 'm1', level: 'kelurahan', kind: 'rapat_koordinasi', title: 'Rapat', date: '2026-11-01' }).execute()
    await db.insertInto('opd').values({ ...SYNC, id: 'o1', name: 'Dinas PUPR' }).execute()
    await db.insertInto('follow_up').values({ ...SYNC, id: 'f1', source: 'aduan', date: '2026-11-01', description: 'Sumur mati', opd_id: 'o1', due_date: '2026-11-30', status: 'baru' }).execute()
    const meetingPhoto = { ...SYNC, id: 'a1', meeting_id: 'm1', file_name: 'foto.jpg', kind: 'foto', mime: 'image/jpeg', size: 120, sha256: 'ab', received: '2026-11-02T00:00:00Z', field_versions: '{"x":1}' }
    await db.insertInto('attachment').values(meetingPhoto).execute()
    await migrateTo(db, '2026_12_06_0009_attachment_of_follow_up')

    expect(columns(sqlite, 'attachment').map((c) => [c.name, c.notnull])).toEqual([
      ['id', 0], ['site_id', 1], ['version', 1], ['field_versions', 1], ['created_at', 1], ['updated_at', 1], ['deleted', 1],
      ['meeting_id', 0], ['follow_up_id', 0], ['file_name', 1], ['kind', 1], ['mime', 1], ['size', 1], ['sha256', 1], ['received', 1],
    ])
    expect(indexes(sqlite, 'attachment')).toEqual(expect.arrayContaining(['attachment_meeting_idx', 'attachment_follow_up_idx']))
    expect(await db.selectFrom('attachment').selectAll().execute()).toEqual([{ ...meetingPhoto, deleted: 0, follow_up_id: null }])

    const evidence = { ...SYNC, id: 'a2', follow_up_id: 'f1', file_name: 'sesudah.jpg', kind: 'foto', mime: 'image/jpeg', size: 130, sha256: 'cd' }
    await db.insertInto('attachment').values(evidence).execute()
    await expect(db.insertInto('attachment').values({ ...evidence, id: 'a3', follow_up_id: 'none' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    await expect(db.insertInto('attachment').values({ ...evidence, id: 'a4', follow_up_id: null }).execute()).rejects.toThrow(/CHECK/)
    await expect(db.insertInto('attachment').values({ ...evidence, id: 'a5', meeting_id: 'm1' }).execute()).rejects.toThrow(/CHECK/)
    const plan = (sqlite.prepare('explain query plan select * from attachment where follow_up_id = ?').all('f1') as { detail: string }[]).map((r) => r.detail)
    expect(plan.join(' ')).toMatch(/attachment_follow_up_idx/)
    await db.destroy()
  })
})

describeMigration('2026_12_06_0010_add_posyandu_registrasi', () => {
  it('adds the registration columns to every Posyandu (unregistered by default) and the replicated Pustu table, keeping the data', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_12_06_0009_attachment_of_follow_up')
    await insertRoster(db)
    await migrateTo(db, '2026_12_06_0010_add_posyandu_registrasi')
    // A Posyandu kept before registration existed is "belum terdaftar", its other papers empty.
    expect(await db.selectFrom('posyandu').select(['name', 'registration_status', 'sk_number', 'sk_date', 'puskesmas_code', 'pustu_id']).execute()).toEqual([
      { name: 'Mawar', registration_status: 'belum_terdaftar', sk_number: null, sk_date: null, puskesmas_code: null, pustu_id: null },
    ])
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(columns(sqlite, 'pustu').map((c) => c.name)).toEqual([...REPLICATED, 'village_code', 'village_name', 'name', 'address', 'received'])
    const pustu = { ...SYNC, id: 'u1', village_code: '36.71.01.1001', village_name: 'Sukarasa', name: 'Pustu Sukarasa' }
    await db.insertInto('pustu').values(pustu).execute()
    expect(await db.selectFrom('pustu').select(['deleted', 'field_versions', 'received']).execute()).toEqual([{ deleted: 0, field_versions: '{}', received: '' }])
    await expect(db.insertInto('pustu').values({ ...pustu, id: 'u2', name: null }).execute()).rejects.toThrow(/NOT NULL/)
    expect(indexes(sqlite, 'posyandu')).toContain('posyandu_registration_idx')
    expect(indexes(sqlite, 'pustu')).toContain('pustu_village_idx')
    await db.destroy()
  })
})

describeMigration('2026_12_06_0011_create_sarana_insentif', () => {
  it('adds the equipment list, the Posyandu inventory and kader incentives as replicated tables, keeping the roster', async () => {
    const { sqlite, db } = memoryDb()
    await migrateTo(db, '2026_12_06_0010_add_posyandu_registrasi')
    await insertRoster(db)
    await migrateTo(db, '2026_12_06_0011_create_sarana_insentif')
    expect(await db.selectFrom('kader').select('name').execute()).toEqual([{ name: 'Siti' }])
    expect(columns(sqlite, 'sarana_item').map((c) => c.name)).toEqual([...REPLICATED, 'code', 'name', 'kit', 'opd_id', 'active', 'received'])
    expect(columns(sqlite, 'sarana').map((c) => c.name)).toEqual([
      ...REPLICATED, 'posyandu_id', 'item_id', 'quantity', 'condition', 'received_date', 'funding_source', 'note', 'received',
    ])
    expect(columns(sqlite, 'insentif').map((c) => c.name)).toEqual([...REPLICATED, 'kader_id', 'period', 'amount', 'funding_source', 'paid_date', 'note', 'received'])
    expect(indexes(sqlite, 'sarana')).toContain('sarana_posyandu_idx')
    expect(indexes(sqlite, 'insentif')).toEqual(expect.arrayContaining(['insentif_kader_idx', 'insentif_period_idx']))
    await db.insertInto('sarana_item').values({ ...SYNC, id: 'i1', code: 'dacin', name: 'Dacin', kit: 1 }).execute()
    await db.insertInto('sarana').values({ ...SYNC, id: 's1', posyandu_id: 'p1', item_id: 'i1', quantity: 1, condition: 'rusak_berat' }).execute()
    await db.insertInto('insentif').values({ ...SYNC, id: 'n1', kader_id: 'k1', period: '2026-11', amount: 150000, funding_source: 'apbd' }).execute()
    // A line must name a Posyandu and a kader that exist.
    await expect(db.insertInto('sarana').values({ ...SYNC, id: 's2', posyandu_id: 'nope', item_id: 'i1', quantity: 1, condition: 'baik' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    await expect(db.insertInto('insentif').values({ ...SYNC, id: 'n2', kader_id: 'nope', period: '2026-11', amount: 1, funding_source: 'apbd' }).execute()).rejects.toThrow(/FOREIGN KEY/)
    expect(await db.selectFrom('insentif').select(['paid_date', 'deleted', 'received']).execute()).toEqual([{ paid_date: null, deleted: 0, received: '' }])
    await db.destroy()
  })
})

describe('roster query plans', () => {
  let t: TestDb
  afterEach(async () => t?.cleanup())

  /** Runs listKader through a second connection that records its SQL, then asks SQLite for each plan. */
  async function plansOf(file: string, q: Input<'kader:list'>): Promise<{ sql: string; plan: string[] }[]> {
    const sqlite = new SqliteDatabase(file)
    const queries: CompiledQuery[] = []
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (e) => {
        if (e.level === 'query') queries.push(e.query)
      },
    })
    await listKader(db, kaderListInput.parse(q))
    const out = queries.map((c) => ({
      sql: c.sql,
      plan: (sqlite.prepare(`explain query plan ${c.sql}`).all(...(c.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail),
    }))
    await db.destroy()
    return out
  }

  async function rosterDb(): Promise<TestDb> {
    t = await createTestDb()
    await setUpKelurahan(t.db)
    await generateDemo(t.db, { wilayah: '36.71.01.1001', posyanduPerVillage: 4, kaderPerPosyandu: 50, seed: 3 })
    return t
  }

  it('pages the default roster (non-archived, by name) straight from an index, without sorting', async () => {
    const { file } = await rosterDb()
    const [count, page] = await plansOf(file, {})
    expect(count!.plan.join(' | ')).toMatch(/COVERING INDEX kader_deleted_/)
    expect(page!.plan.join(' | ')).toMatch(/INDEX kader_deleted_name_idx/)
    expect(page!.plan.join(' | ')).not.toMatch(/TEMP B-TREE/)
  })

  it('walks the same index backwards for a descending name sort', async () => {
    const { file } = await rosterDb()
    const [, page] = await plansOf(file, { sortDir: 'desc' })
    expect(page!.plan.join(' | ')).toMatch(/INDEX kader_deleted_name_idx/)
    expect(page!.plan.join(' | ')).not.toMatch(/TEMP B-TREE/)
  })

  it('sorts by Posyandu by walking Posyandu and their kader in index order', async () => {
    const { file } = await rosterDb()
    const [, page] = await plansOf(file, { sortBy: 'posyandu' })
    const plan = page!.plan.join(' | ')
    expect(plan).toMatch(/posyandu_name_idx/)
    expect(plan).toMatch(/kader_posyandu_name_idx/)
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
  })

  it('reads the rows of a page by primary key only', async () => {
    const { file } = await rosterDb()
    const [, , rows] = await plansOf(file, { offset: 150 })
    expect(rows!.plan.join(' | ')).not.toMatch(/SCAN/)
  })
})

// The last released schema (what an office that has not updated yet runs). Move it forward when
// a release ships.
const LAST_RELEASED = '2026_12_06_0008_create_site_succession'

describe('a paket from an office one release behind', () => {
  it('every travelling column added since the last release reads as the migration’s default, so its rows pass the record check', async () => {
    const old = memoryDb()
    await migrateTo(old.db, LAST_RELEASED)
    const now = memoryDb()
    await migrateToLatest(now.db)
    let added = 0
    for (const { kind } of REGISTRY) {
      const before = new Set(travellingColumns(old.sqlite, kind).map((c) => c.name))
      if (before.size === 0) continue // a kind new since: an older paket has none of its rows
      const cols = travellingColumns(now.sqlite, kind)
      const row: Record<string, unknown> = {}
      olderSenderFill(cols)(row)
      for (const c of cols.filter((c) => !before.has(c.name))) {
        added++
        expect(c.name in row, `${kind}.${c.name} has no default and is NOT NULL: an older paket's rows would be refused`).toBe(true)
      }
    }
    expect(added).toBeGreaterThan(0)
    await old.db.destroy()
    await now.db.destroy()
  })
})
