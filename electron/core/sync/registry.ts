// The replication registry: every table whose rows travel between offices, declared once. The
// screens' facts (the kind's name, which levels may change it) are in shared/domain/paket.ts;
// this adds what only the core needs. Export, import (checks, authority, merge, held writes,
// refresh), conflicts, the digest and the Kirim warning all read it, so a new kind is one entry
// here plus its migration (and its row in PAKET_KIND_SPECS); a test fails when a table with the
// replicated columns is missing.
//
// The columns that travel are the table's own, read from the schema, less LOCAL_COLUMNS: the
// migration is the one place that declares them.

import { PAKET_KIND_SPECS, PAKET_KINDS, type PaketKind } from '../../../shared/domain/paket'
import type { SiteLevel } from '../../../shared/domain/reference'

/** Derived state an import refreshes after writing records (see features/paket/refresh.ts). */
export type Derived = 'levels' | 'meetingSearch' | 'followUpSearch' | 'opdFollowUpSearch'

/**
 * Where a record's area (the village or office area it belongs to) comes from, tried in order:
 * - `{ column }`: a column of the record itself holds the area code;
 * - `{ parent }`: the area of the parent record that column points at (one of `parents`);
 * - `{ owner: true }`: the area of the office that created the record (from its key card).
 * No rule: the record has no area (reference data: it concerns everyone).
 */
export type AreaRule = { column: string } | { parent: string } | { owner: true }

export interface ReplicatedKind {
  kind: PaketKind
  /** The users' word for it (messages of the core and the CLI). */
  name: string
  /** Levels of office that may change it in other offices' copies (authority). */
  writers: readonly SiteLevel[]
  /** column → parent table: a record is merged only once its parents are here. */
  parents: Readonly<Record<string, PaketKind>>
  /** The area the record belongs to, for authority. */
  area: readonly AreaRule[]
  /** The areas a paket's routing uses (which offices are sent the record), where not `area`. */
  route?: readonly AreaRule[]
  /**
   * Children whose routing areas a record's routing adds: a training concerns the villages of
   * its participants too, so each kelurahan sees its kader's trainings.
   */
  alsoConcerns?: { table: PaketKind; column: string }
  /** Columns that hold a JSON list (checked on import and export). */
  lists: readonly string[]
  /** Further checks of a row's values the app relies on; a reason in Indonesian, or null. */
  check?: (row: Record<string, unknown>) => string | null
  /** What to refresh after an import wrote such records: derived state keyed by this column. */
  refresh?: { derived: Derived; key: string }
  /** SQL naming one record in words (`label`), by id: conflict lists show it. */
  labelSql: string
}

/** Columns of a replicated table that never travel: this office's own bookkeeping. */
export const LOCAL_COLUMNS: ReadonlySet<string> = new Set(['received'])

/** Columns every replicated row has that are not data fields (the merge leaves them to the write helpers). */
export const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['id', 'site_id', 'version', 'field_versions', 'created_at', 'updated_at', 'received'])

type Entry = Omit<ReplicatedKind, 'kind' | 'name' | 'writers'>

const ENTRIES: Record<PaketKind, Entry> = {
  pustu: {
    parents: {},
    area: [{ column: 'village_code' }],
    lists: [],
    labelSql: 'select name as label from pustu where id = ?',
  },
  posyandu: {
    parents: { pustu_id: 'pustu' },
    area: [{ column: 'village_code' }],
    lists: ['spm_fields'],
    labelSql: 'select name as label from posyandu where id = ?',
  },
  kader: {
    parents: { posyandu_id: 'posyandu' },
    area: [{ parent: 'posyandu_id' }],
    lists: ['spm_fields'],
    // The receivers' rule for a person's identity: a paket with anything else is refused whole.
    check: (r) => (!/^\d{16}$/.test(r.nik as string) ? 'NIK bukan 16 angka' : r.sex !== 'L' && r.sex !== 'P' ? 'jenis kelaminnya tidak sah' : null),
    refresh: { derived: 'levels', key: 'id' },
    labelSql: 'select name as label from kader where id = ?',
  },
  kader_status: {
    parents: { kader_id: 'kader' },
    area: [{ parent: 'kader_id' }],
    lists: [],
    labelSql: "select k.name || ' (riwayat status)' as label from kader_status s join kader k on k.id = s.kader_id where s.id = ?",
  },
  training: {
    parents: {},
    area: [{ owner: true }],
    alsoConcerns: { table: 'training_participant', column: 'training_id' },
    lists: ['facilitators', 'competencies'],
    labelSql: 'select title as label from training where id = ?',
  },
  training_participant: {
    parents: { training_id: 'training', kader_id: 'kader' },
    // Authority: the organiser's area (a Puskesmas adds kader to its own trainings); the row
    // travels to where its kader lives.
    area: [{ parent: 'training_id' }],
    route: [{ parent: 'kader_id' }],
    lists: ['attendance'],
    labelSql: "select k.name || ' · ' || t.title as label from training_participant p join kader k on k.id = p.kader_id join training t on t.id = p.training_id where p.id = ?",
  },
  assessment: {
    parents: { kader_id: 'kader', training_id: 'training' },
    area: [{ parent: 'kader_id' }],
    lists: [],
    refresh: { derived: 'levels', key: 'kader_id' },
    labelSql: "select k.name || ' · ' || a.competency_code as label from assessment a join kader k on k.id = a.kader_id where a.id = ?",
  },
  opd: {
    parents: {},
    area: [],
    lists: ['spm_fields'],
    // The follow-ups' search text holds their OPD's name.
    refresh: { derived: 'opdFollowUpSearch', key: 'id' },
    labelSql: 'select name as label from opd where id = ?',
  },
  meeting: {
    parents: { posyandu_id: 'posyandu' },
    area: [{ parent: 'posyandu_id' }, { owner: true }],
    lists: ['agenda', 'attendees'],
    refresh: { derived: 'meetingSearch', key: 'id' },
    labelSql: 'select title as label from meeting where id = ?',
  },
  attachment: {
    // Of a meeting, or the evidence of a follow-up (migration 0009): exactly one of the two.
    parents: { meeting_id: 'meeting', follow_up_id: 'follow_up' },
    area: [{ parent: 'meeting_id' }, { parent: 'follow_up_id' }],
    lists: [],
    check: (r) => (((r.meeting_id ?? null) === null) === ((r.follow_up_id ?? null) === null) ? 'lampiran tidak menyebut satu rapat atau satu tindak lanjut' : null),
    labelSql: 'select file_name as label from attachment where id = ?',
  },
  follow_up: {
    parents: { meeting_id: 'meeting', posyandu_id: 'posyandu', opd_id: 'opd' },
    area: [{ parent: 'posyandu_id' }, { parent: 'meeting_id' }, { owner: true }],
    lists: [],
    refresh: { derived: 'followUpSearch', key: 'id' },
    labelSql: 'select substr(description, 1, 80) as label from follow_up where id = ?',
  },
  follow_up_progress: {
    parents: { follow_up_id: 'follow_up' },
    area: [{ parent: 'follow_up_id' }],
    lists: [],
    refresh: { derived: 'followUpSearch', key: 'follow_up_id' },
    labelSql: "select substr(f.description, 1, 60) || ' (perkembangan)' as label from follow_up_progress p join follow_up f on f.id = p.follow_up_id where p.id = ?",
  },
  sarana_item: {
    parents: {},
    area: [],
    lists: [],
    labelSql: 'select name as label from sarana_item where id = ?',
  },
  sarana: {
    parents: { posyandu_id: 'posyandu', item_id: 'sarana_item' },
    area: [{ parent: 'posyandu_id' }],
    lists: [],
    check: (r) => (!Number.isInteger(r.quantity) || (r.quantity as number) < 0 ? 'jumlahnya bukan bilangan bulat 0 atau lebih' : null),
    labelSql: "select i.name || ' · ' || p.name as label from sarana s join sarana_item i on i.id = s.item_id join posyandu p on p.id = s.posyandu_id where s.id = ?",
  },
  insentif: {
    parents: { kader_id: 'kader' },
    area: [{ parent: 'kader_id' }],
    lists: [],
    check: (r) => (!Number.isInteger(r.amount) || (r.amount as number) < 0 ? 'jumlah insentifnya bukan rupiah bulat' : !/^\d{4}-\d{2}$/.test(r.period as string) ? 'periodenya bukan bulan (YYYY-MM)' : null),
    labelSql: "select k.name || ' · insentif ' || i.period as label from insentif i join kader k on k.id = i.kader_id where i.id = ?",
  },
}

/** Every replicated kind, in the shared order (parents are not always first: see MERGE_ORDER). */
export const REGISTRY: readonly ReplicatedKind[] = PAKET_KINDS.map((kind) => ({
  kind,
  name: PAKET_KIND_SPECS[kind].name,
  writers: PAKET_KIND_SPECS[kind].writers,
  ...ENTRIES[kind],
}))

const BY_KIND = new Map(REGISTRY.map((k) => [k.kind, k]))

export function kindOf(table: string): ReplicatedKind {
  const k = BY_KIND.get(table as PaketKind)
  if (!k) throw new Error(`Not a replicated table: ${table}`)
  return k
}

/** The replicated tables' names, in the shared order. */
export const REPLICATED_TABLES: readonly PaketKind[] = PAKET_KINDS

/** Parents before children: the order an import merges in (derived, so a new kind cannot get it wrong). */
export const MERGE_ORDER: readonly PaketKind[] = (() => {
  const out: PaketKind[] = []
  const visit = (k: PaketKind, path: Set<PaketKind>) => {
    if (out.includes(k)) return
    if (path.has(k)) throw new Error(`Replication registry: parent cycle at ${k}`)
    path.add(k)
    for (const p of Object.values(ENTRIES[k].parents)) visit(p, path)
    path.delete(k)
    out.push(k)
  }
  for (const k of PAKET_KINDS) visit(k, new Set())
  return out
})()
