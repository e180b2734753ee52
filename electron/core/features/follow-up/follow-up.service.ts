// Follow-ups (tindak lanjut): a problem raised at a meeting, a monev visit or a Posyandu,
// owed by one OPD until it is done. The status moves only through dated progress notes, so
// the history shows who did what when; closing as selesai needs evidence, and "overdue"
// (past the deadline and not closed, shared/domain/meeting.ts) is computed, never stored,
// against today's date in the office's own zone (WIB, WITA or WIT): it changes at midnight without anyone writing anything.

import { sql } from 'kysely'
import type { FollowUp, FollowUpProgress, FollowUpRow, OpdBoardRow, ParsedInput } from '../../../../shared/contract'
import { CLOSED_STATUSES, daysBetween, FOLLOW_UP_STATUS_NAMES, isOverdue, type FollowUpSource, type FollowUpStatus } from '../../../../shared/domain/meeting'
import type { SpmField } from '../../../../shared/domain/reference'
import { tanggal } from '../../../../shared/domain/tanggal'
import { AppError } from '../../../../shared/result'
import type { Db, FollowUpTable } from '../../db/schema'
import { insertRecord, updateRecord, updateRecords } from '../../sync/write'
import { followUpAttachmentsOf } from '../meeting/attachment.service'
import { listWords, textCondition, typoWorthTrying, type MatchMode } from '../search/list-match'
import { reindexFollowUp } from '../search/search.service'
import { officeToday, requireSite } from '../site/site.service'
import { FIRST_NOTE } from './first-note'

type Editable =
  | 'source'
  | 'meeting_id'
  | 'date'
  | 'posyandu_id'
  | 'spm_field'
  | 'description'
  | 'reporter'
  | 'opd_id'
  | 'due_date'

export { FIRST_NOTE }

const isClosed = (s: string) => (CLOSED_STATUSES as readonly string[]).includes(s)

function invalidField(field: string, message: string): AppError {
  return new AppError({ code: 'invalid_input', field, message, fields: { [field]: message } })
}

function notFoundFollowUp(): AppError {
  return new AppError({ code: 'not_found', message: 'Tindak lanjut ini tidak ditemukan. Buka kembali daftar tindak lanjut.' })
}

// ---------------------------------------------------------------- reads

function rowQuery(db: Db) {
  return db
    .selectFrom('follow_up as f')
    .leftJoin('opd', 'opd.id', 'f.opd_id')
    .leftJoin('meeting', 'meeting.id', 'f.meeting_id')
    .leftJoin('posyandu', 'posyandu.id', 'f.posyandu_id')
    .selectAll('f')
    .select(['opd.name as opd_name', 'meeting.title as meeting_title', 'posyandu.name as posyandu_name'])
    .where('f.deleted', '=', 0)
}

type JoinedRow = FollowUpTable & { opd_name: string | null; meeting_title: string | null; posyandu_name: string | null }

function toRow(r: JoinedRow, today: string): FollowUpRow {
  const status = r.status as FollowUpStatus
  const overdue = isOverdue({ dueDate: r.due_date, status }, today)
  return {
    id: r.id,
    source: r.source as FollowUpSource,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    date: r.date,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    spmField: r.spm_field as SpmField | null,
    description: r.description,
    opdId: r.opd_id,
    opdName: r.opd_name ?? '(OPD tidak dikenal)',
    dueDate: r.due_date,
    status,
    overdue,
    daysOverdue: overdue ? daysBetween(r.due_date, today) : 0,
    closedDate: r.closed_date,
  }
}

export async function listFollowUps(db: Db, input: ParsedInput<'followUp:list'>): Promise<FollowUpRow[]> {
  const today = await officeToday(db)
  const closed = [...CLOSED_STATUSES]
  let q = rowQuery(db)
  switch (input.state) {
    case 'all':
      break
    case 'open':
      q = q.where('f.status', 'not in', closed)
      break
    case 'overdue':
      // The SQL form of isOverdue(): open and due strictly before today.
      q = q.where('f.status', 'not in', closed).where('f.due_date', '<', today)
      break
    default:
      q = q.where('f.status', '=', input.state)
  }
  if (input.opdId) q = q.where('f.opd_id', '=', input.opdId)
  if (input.meetingId) q = q.where('f.meeting_id', '=', input.meetingId)
  // Every word typed, in the description or the reporter (list-match.ts); with one slip only when none matched exactly.
  const words = listWords(input.query)
  const run = (mode: MatchMode) => {
    const text = textCondition(['f.description', 'f.reporter'], words, mode)
    return (text ? q.where(text) : q)
      .orderBy(sql`case when f.status not in (${sql.join(closed)}) and f.due_date < ${today} then 0 else 1 end`)
      .orderBy('f.due_date')
      .orderBy('f.date')
      .orderBy('f.id')
      .execute()
  }
  let rows = await run('exact')
  const similar = rows.length === 0 && typoWorthTrying(words)
  if (similar) rows = await run('typo')
  return rows.map((r) => (similar ? { ...toRow(r, today), similar: true as const } : toRow(r, today)))
}

export async function getFollowUp(db: Db, input: ParsedInput<'followUp:get'>): Promise<FollowUp> {
  const r = await rowQuery(db).where('f.id', '=', input.id).executeTakeFirst()
  if (!r) throw notFoundFollowUp()
  const progress = await db
    .selectFrom('follow_up_progress')
    .select(['id', 'date', 'status', 'note', 'created_at'])
    .where('follow_up_id', '=', r.id)
    .where('deleted', '=', 0)
    // Newest first; on one day the later entry first (UUIDv7 ids sort by creation).
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return {
    ...toRow(r, await officeToday(db)),
    reporter: r.reporter,
    closingEvidence: r.closing_evidence,
    attachments: await followUpAttachmentsOf(db, r.id),
    progress: progress.map(
      (p): FollowUpProgress => ({ id: p.id, date: p.date, status: p.status as FollowUpStatus, note: p.note, recordedAt: p.created_at }),
    ),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

// ---------------------------------------------------------------- validation

type Details = ParsedInput<'followUp:create'>

/** Checks the references and dates; what was already saved may stay even if retired since (an OPD made inactive, a meeting archived). */
async function validate(trx: Db, input: Details, existing: FollowUpTable | null): Promise<void> {
  const opd = await trx.selectFrom('opd').select(['active', 'deleted']).where('id', '=', input.opdId).executeTakeFirst()
  const keptOpd = existing !== null && existing.opd_id === input.opdId
  if (!opd || (!keptOpd && (opd.deleted === 1 || opd.active === 0))) {
    throw invalidField('opdId', 'OPD yang dipilih tidak ada atau sudah tidak aktif. Pilih OPD penanggung jawab lain dari daftar.')
  }

  if (input.source === 'rapat' && !input.meetingId) {
    throw invalidField('meetingId', 'Tindak lanjut hasil rapat harus menyebut rapatnya. Pilih rapat, atau ubah asal tindak lanjut menjadi monev atau aduan.')
  }
  if (input.meetingId && !(existing !== null && existing.meeting_id === input.meetingId)) {
    const meeting = await trx.selectFrom('meeting').select('deleted').where('id', '=', input.meetingId).executeTakeFirst()
    if (!meeting || meeting.deleted === 1) {
      throw invalidField('meetingId', 'Rapat yang dipilih tidak ditemukan atau sudah diarsipkan. Pilih rapat lain dari daftar.')
    }
  }

  if (input.posyanduId && !(existing !== null && existing.posyandu_id === input.posyanduId)) {
    const posyandu = await trx.selectFrom('posyandu').select('deleted').where('id', '=', input.posyanduId).executeTakeFirst()
    if (!posyandu || posyandu.deleted === 1) {
      throw invalidField('posyanduId', 'Posyandu yang dipilih tidak ditemukan atau sudah diarsipkan. Pilih Posyandu lain, atau kosongkan.')
    }
  }

  if (input.dueDate < input.date) {
    throw invalidField(
      'dueDate',
      `Batas waktu (${tanggal(input.dueDate)}) tidak boleh sebelum tanggal masalah dicatat (${tanggal(input.date)}). Pilih batas waktu yang lebih akhir.`,
    )
  }
  if (existing?.closed_date && input.date > existing.closed_date) {
    throw invalidField(
      'date',
      `Tindak lanjut ini sudah ditutup pada ${tanggal(existing.closed_date)}; tanggal dicatat tidak boleh sesudahnya. Periksa lagi tanggalnya.`,
    )
  }
}

function editableValues(input: Details): Pick<FollowUpTable, Editable> {
  return {
    source: input.source,
    meeting_id: input.meetingId,
    date: input.date,
    posyandu_id: input.posyanduId,
    spm_field: input.spmField,
    description: input.description,
    reporter: input.reporter,
    opd_id: input.opdId,
    due_date: input.dueDate,
  }
}

async function requireFollowUpRow(trx: Db, id: string): Promise<FollowUpTable> {
  const row = await trx.selectFrom('follow_up').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deleted === 1) throw notFoundFollowUp()
  return row
}

// ---------------------------------------------------------------- writes

export async function createFollowUp(db: Db, input: ParsedInput<'followUp:create'>): Promise<FollowUp> {
  const id = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    await validate(trx, input, null)
    const nowMs = Date.now()
    const id = await insertRecord(trx, 'follow_up', { ...editableValues(input), status: 'baru', closed_date: null, closing_evidence: null }, { nowMs })
    await insertRecord(trx, 'follow_up_progress', { follow_up_id: id, date: input.date, status: 'baru', note: FIRST_NOTE }, { nowMs })
    await reindexFollowUp(trx, id)
    return id
  })
  return getFollowUp(db, { id })
}

/** The details only: the status changes through progress notes (addFollowUpProgress). */
export async function updateFollowUp(db: Db, input: ParsedInput<'followUp:update'>): Promise<FollowUp> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await requireFollowUpRow(trx, input.id)
    await validate(trx, input, existing)
    // Only the columns that differ from the row get a new field version; no change, no write.
    if (!(await updateRecord(trx, 'follow_up', existing, editableValues(input)))) return
    await reindexFollowUp(trx, input.id)
  })
  return getFollowUp(db, { id: input.id })
}

/**
 * A dated progress note, which may move the status. Closing (selesai, tidak dapat) sets the
 * closed date to the note's date; reopening clears it, so the item can be overdue again.
 */
export async function addFollowUpProgress(db: Db, input: ParsedInput<'followUp:progress'>): Promise<FollowUp> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await requireFollowUpRow(trx, input.id)
    const today = await officeToday(trx)
    if (input.date > today) {
      throw invalidField('date', `Tanggal perkembangan tidak boleh sesudah hari ini (${tanggal(today)}). Catat perkembangan yang sudah terjadi.`)
    }
    if (input.date < existing.date) {
      throw invalidField(
        'date',
        `Tanggal perkembangan tidak boleh sebelum tanggal tindak lanjut ini dicatat (${tanggal(existing.date)}). Periksa lagi tanggalnya.`,
      )
    }
    // Photos and scans are uploaded to the follow-up before it is closed; they count as evidence.
    const files = await trx
      .selectFrom('attachment')
      .select('file_name')
      .where('follow_up_id', '=', input.id)
      .where('deleted', '=', 0)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    if (input.status === 'selesai' && !input.closingEvidence && files.length === 0) {
      throw invalidField(
        'closingEvidence',
        'Tulis bukti penyelesaian atau lampirkan foto/pindaiannya sebelum menandai selesai: misalnya nomor surat balasan OPD, berita acara, foto sesudah perbaikan, atau nama petugas yang memeriksa di lapangan.',
      )
    }
    if (input.status === 'tidak_dapat' && !input.note) {
      throw invalidField('note', 'Tulis alasan mengapa tidak dapat ditindaklanjuti, supaya pelapor dan Tim Pembina tahu dan dapat mencari jalan lain.')
    }
    if (input.status === existing.status && !input.note && !(input.status === 'selesai' && input.closingEvidence !== existing.closing_evidence)) {
      throw invalidField('note', `Status tetap ${FOLLOW_UP_STATUS_NAMES[input.status]}: tulis catatan perkembangannya, atau pilih status yang baru.`)
    }

    const closing = isClosed(input.status)
    // Adding a note or better evidence to a closed item does not move the day it was closed.
    const keepClosedDate = closing && input.status === existing.status && existing.closed_date !== null
    const next: Pick<FollowUpTable, 'status' | 'closed_date' | 'closing_evidence'> = {
      status: input.status,
      closed_date: keepClosedDate ? existing.closed_date : closing ? input.date : null,
      closing_evidence: input.status === 'selesai' ? input.closingEvidence : closing ? (input.closingEvidence ?? null) : null,
    }
    // The evidence is also kept in the history, so it is not lost when the item is reopened.
    const note =
      [
        input.note,
        closing && next.closing_evidence ? `Bukti penyelesaian: ${next.closing_evidence}` : null,
        // Named in the history at the moment of closing: the files may be removed later.
        input.status === 'selesai' && existing.status !== 'selesai' && files.length > 0 ? `Lampiran bukti: ${files.map((f) => f.file_name).join(', ')}` : null,
      ]
        .filter(Boolean)
        .join('\n') || null
    const nowMs = Date.now()
    await insertRecord(trx, 'follow_up_progress', { follow_up_id: input.id, date: input.date, status: input.status, note }, { nowMs })
    // A note alone still changes the follow-up as people see it (updated_at, version): touch.
    await updateRecords(trx, 'follow_up', [{ existing, patch: next, touch: true }], { nowMs })
    await reindexFollowUp(trx, input.id)
  })
  return getFollowUp(db, { id: input.id })
}

// ---------------------------------------------------------------- the OPD board

/** Middle value; the mean of the two middle ones for an even count, rounded to whole days. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return Math.round(s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2)
}

/** Per active OPD that owes or owed anything: open, overdue, closed, and the median days from raised to closed. */
export async function opdBoard(db: Db): Promise<OpdBoardRow[]> {
  const today = await officeToday(db)
  const closed = [...CLOSED_STATUSES]
  const isOpen = sql`f.status not in (${sql.join(closed)})`
  const counts = await db
    .selectFrom('opd')
    .innerJoin('follow_up as f', (j) => j.onRef('f.opd_id', '=', 'opd.id').on('f.deleted', '=', 0))
    .select(['opd.id', 'opd.name'])
    .select([
      sql<number>`sum(case when ${isOpen} then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when ${isOpen} and f.due_date < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when ${isOpen} then 0 else 1 end)`.as('closed'),
    ])
    .where('opd.deleted', '=', 0)
    .where('opd.active', '=', 1)
    .groupBy(['opd.id', 'opd.name'])
    .execute()
  const durations = await db
    .selectFrom('follow_up as f')
    .select(['f.opd_id', sql<number>`cast(round(julianday(f.closed_date) - julianday(f.date)) as integer)`.as('days')])
    .where('f.deleted', '=', 0)
    .where('f.status', 'in', closed)
    .where('f.closed_date', 'is not', null)
    .execute()
  const byOpd = new Map<string, number[]>()
  for (const d of durations) {
    const list = byOpd.get(d.opd_id) ?? []
    list.push(Math.max(0, Number(d.days)))
    byOpd.set(d.opd_id, list)
  }
  return counts
    .map((r) => ({
      opdId: r.id,
      opdName: r.name,
      open: Number(r.open),
      overdue: Number(r.overdue),
      closed: Number(r.closed),
      medianDaysToClose: median(byOpd.get(r.id) ?? []),
    }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.opdName.localeCompare(b.opdName, 'id'))
}
