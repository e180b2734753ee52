// The history of one record (riwayat perubahan): the rows sync/write.ts and the paket merge wrote
// for its changed fields, with names and values in words, newest first, ending with a synthetic
// "Dibuat" entry told by the record's own created_at and owner (creations have no rows, so a
// roster import or a kota-sized paket of new records writes no history).
//
// Newest first means in the order the changes reached this office (the rows' ids), not by their
// times: an edit made elsewhere last week and imported today follows today's local edit, so each
// entry's "Sebelumnya" is the previous entry's "Menjadi". Each entry's time is still when it was
// made (by the writing office for an imported change).

import type { ParsedInput, RiwayatEntry } from '../../../../shared/contract'
import { FOLLOW_UP_STATUS_NAMES } from '../../../../shared/domain/meeting'
import { FUNDING_NAMES, SARANA_CONDITION_NAMES, periodName } from '../../../../shared/domain/sarana'
import { formatPhone } from '../../../../shared/domain/phone'
import { PAKET_KIND_NAMES, type PaketKind } from '../../../../shared/domain/paket'
import { CREATED_FIELD, RIWAYAT_FIELD_LABELS, type RiwayatSource } from '../../../../shared/domain/riwayat'
import { tanggal } from '../../../../shared/domain/tanggal'
import { AppError } from '../../../../shared/result'
import { sqliteOf } from '../../db/open'
import type { Db } from '../../db/schema'
import { kindOf } from '../../sync/registry'
import { EDUCATION_LABEL, FOLLOW_UP_SOURCE_LABEL, labelOf, ROLE_LABEL, SPM_LABEL, STATUS_LABEL, TRAINING_KIND_LABEL } from '../ekspor/labels'
import { officeNames } from '../paket/conflict.service'

/**
 * A record's own records whose changes people look for on its page: a kader's status history
 * and incentive payments, a Posyandu's equipment, a training's participants, a meeting's
 * attachments, a follow-up's progress notes and evidence files. Each with the words that say
 * which one (beside its kind's name).
 */
interface Child {
  kind: PaketKind
  parent: string
  which?: string
  /** How `which`'s value is said ("2026-11" → "November 2026"); as it is when absent. */
  say?: (value: string) => string
}
const CHILDREN: Partial<Record<PaketKind, readonly Child[]>> = {
  kader: [
    { kind: 'kader_status', parent: 'kader_id' },
    { kind: 'insentif', parent: 'kader_id', which: 'select period from insentif where id = ?', say: periodName },
  ],
  posyandu: [{ kind: 'sarana', parent: 'posyandu_id', which: 'select i.name from sarana s join sarana_item i on i.id = s.item_id where s.id = ?' }],
  training: [{ kind: 'training_participant', parent: 'training_id', which: 'select k.name from training_participant p join kader k on k.id = p.kader_id where p.id = ?' }],
  meeting: [{ kind: 'attachment', parent: 'meeting_id', which: 'select file_name from attachment where id = ?' }],
  follow_up: [
    { kind: 'follow_up_progress', parent: 'follow_up_id', which: 'select date from follow_up_progress where id = ?', say: tanggal },
    { kind: 'attachment', parent: 'follow_up_id', which: 'select file_name from attachment where id = ?' },
  ],
}

/** Longest value shown in a history row; a meeting's conclusions are read on its page. */
const MAX_VALUE = 160
const MAX_ENTRIES = 1000

interface HistoryRow {
  id: number
  table_name: PaketKind
  record_id: string
  at: string
  site_id: string
  person: string | null
  field: string
  from_value: string | null
  to_value: string | null
  source: RiwayatSource
}

/** Codes that have words (the same the exports use). */
const CODE_WORDS: Record<string, (kind: PaketKind, code: string) => string> = {
  role: (_, c) => labelOf(ROLE_LABEL, c),
  status: (kind, c) => (kind === 'follow_up' || kind === 'follow_up_progress' ? labelOf(FOLLOW_UP_STATUS_NAMES, c) : labelOf(STATUS_LABEL, c)),
  education: (_, c) => labelOf(EDUCATION_LABEL, c),
  spm_field: (_, c) => labelOf(SPM_LABEL, c),
  kind: (kind, c) => (kind === 'training' ? labelOf(TRAINING_KIND_LABEL, c) : humanise(c)),
  source: (_, c) => labelOf(FOLLOW_UP_SOURCE_LABEL, c),
  result: (_, c) => (c === 'kompeten' ? 'Kompeten' : c === 'belum_kompeten' ? 'Belum kompeten' : c),
  sex: (_, c) => (c === 'L' ? 'Laki-laki' : c === 'P' ? 'Perempuan' : c),
  level: (_, c) => humanise(c),
  phone: (_, c) => formatPhone(c),
  method: (_, c) => humanise(c),
  registration_status: (_, c) => (c === 'terdaftar' ? 'Terdaftar' : c === 'belum_terdaftar' ? 'Belum terdaftar' : c),
  condition: (_, c) => labelOf(SARANA_CONDITION_NAMES, c),
  funding_source: (_, c) => labelOf(FUNDING_NAMES, c),
  period: (_, c) => periodName(c),
}

const humanise = (code: string) => (code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : code)
const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s)

export async function listRiwayat(db: Db, input: ParsedInput<'riwayat:list'>): Promise<RiwayatEntry[]> {
  const sqlite = sqliteOf(db)
  // The kind is one of the registry's (the contract's enum) before it reaches SQL.
  const record = sqlite.prepare(`select id, site_id, created_at from ${kindOf(input.kind).kind} where id = ?`).get(input.id) as
    | { id: string; site_id: string; created_at: string }
    | undefined
  if (!record) throw new AppError({ code: 'not_found', message: 'Data ini tidak ditemukan, jadi riwayat perubahannya tidak dapat ditampilkan. Muat ulang daftarnya.' })

  const history = sqlite.prepare(`select * from riwayat where record_id = ? and table_name = ? order by id desc limit ${MAX_ENTRIES}`)
  const rows = history.all(record.id, input.kind) as HistoryRow[]
  const which = new Map<string, string>()
  const children = CHILDREN[input.kind] ?? []
  for (const child of children) {
    const ids = (sqlite.prepare(`select id from ${child.kind} where ${child.parent} = ?`).all(record.id) as { id: string }[]).map((r) => r.id)
    const whichStmt = child.which ? sqlite.prepare(child.which).pluck() : null
    for (const id of ids) {
      const found = history.all(id, child.kind) as HistoryRow[]
      if (found.length === 0) continue
      rows.push(...found)
      const w = whichStmt?.get(id) as string | undefined
      which.set(id, w ? `${PAKET_KIND_NAMES[child.kind]} (${child.say ? child.say(w) : w})` : PAKET_KIND_NAMES[child.kind])
    }
  }
  if (children.length > 0) rows.sort((a, b) => b.id - a.id)

  const names = officeNames(db)
  const officeName = (site: string) => names.get(site) ?? `Kantor ${site.slice(0, 8)}`
  const trustedName = (site: string) => (sqlite.prepare('select name from trusted_office where site_id = ?').get(site) as { name: string } | undefined)?.name
  const labels = new Map<string, string | null>()
  const reference = (table: PaketKind, id: string): string | null => {
    const key = `${table}:${id}`
    if (!labels.has(key)) labels.set(key, (sqlite.prepare(kindOf(table).labelSql).get(id) as { label: string } | undefined)?.label ?? null)
    return labels.get(key)!
  }
  const words = (kind: PaketKind, field: string, raw: string | null): string | null => {
    if (raw === null) return null
    const v = JSON.parse(raw) as unknown
    if (v === null || v === '') return null
    if (field === 'deleted') return v === 1 ? 'Dihapus (diarsipkan)' : 'Aktif'
    if (field === 'active') return v === 1 ? 'Ya' : 'Tidak'
    const parent = kindOf(kind).parents[field]
    if (parent && typeof v === 'string') return reference(parent, v) ?? '(data tidak ditemukan)'
    // A Posyandu's Puskesmas pembina is an office (its site id): named as this office knows it.
    if (field === 'puskesmas_code' && typeof v === 'string') return names.get(v) ?? trustedName(v) ?? `Puskesmas ${v.slice(0, 8)}`
    if (kindOf(kind).lists.includes(field) && typeof v === 'string') return listWords(field, v)
    if (typeof v === 'string') {
      if (CODE_WORDS[field]) return CODE_WORDS[field](kind, v)
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return tanggal(v)
      return clip(v)
    }
    return clip(String(v))
  }

  const entries: RiwayatEntry[] = rows.map((r) => {
    const label = RIWAYAT_FIELD_LABELS[r.field] ?? r.field
    return {
      at: r.at,
      office: r.site_id,
      officeName: officeName(r.site_id),
      person: r.person,
      kind: r.table_name,
      recordId: r.record_id,
      field: r.field,
      fieldLabel: r.table_name === input.kind ? label : `${which.get(r.record_id) ?? PAKET_KIND_NAMES[r.table_name]} · ${label}`,
      from: words(r.table_name, r.field, r.from_value),
      to: words(r.table_name, r.field, r.to_value),
      source: r.source,
    }
  })
  const self = (sqlite.prepare('select id from site').get() as { id: string } | undefined)?.id
  entries.push({
    at: record.created_at,
    office: record.site_id,
    officeName: officeName(record.site_id),
    person: null,
    kind: input.kind,
    recordId: record.id,
    field: CREATED_FIELD,
    fieldLabel: RIWAYAT_FIELD_LABELS[CREATED_FIELD]!,
    from: null,
    to: null,
    // Made here, or received from the office that made it.
    source: record.site_id === self ? 'di-sini' : 'paket',
  })
  return entries
}

/** A JSON list column in words: SPM fields by name, other lists of text joined, anything else counted. */
function listWords(field: string, raw: string): string | null {
  let list: unknown
  try {
    list = JSON.parse(raw)
  } catch {
    return clip(raw)
  }
  if (!Array.isArray(list)) return clip(raw)
  if (list.length === 0) return null
  if (list.every((x) => typeof x === 'string')) return clip((field === 'spm_fields' ? list.map((x) => labelOf(SPM_LABEL, x)) : list).join(', '))
  return `${list.length} entri`
}
