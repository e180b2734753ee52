// Tim Pembina meetings (rapat koordinasi, FGD, monev…): the event, its agenda with minutes,
// conclusions and attendance list, and the attachments (photos, the signed attendance sheet).
// Archiving a meeting is a tombstone; its follow-ups stay, because they are owed to people.

import { sql } from 'kysely'
import type { AgendaItem, Attendee, Meeting, MeetingRow, ParsedInput } from '../../../../shared/contract'
import { CLOSED_STATUSES, type MeetingKind, type MeetingLevel } from '../../../../shared/domain/meeting'
import type { Db, MeetingTable } from '../../db/schema'
import { insertRecord, tombstoneRecord, updateRecord } from '../../sync/write'
import { listFollowUps } from '../follow-up/follow-up.service'
import { parseSpmFields } from '../posyandu/posyandu.service'
import { listWords, textCondition, typoWorthTrying, type MatchMode } from '../search/list-match'
import { reindexMeeting } from '../search/search.service'
import { officeToday, requireSite } from '../site/site.service'
import { attachmentsOf } from './attachment.service'
import { invalidField, notFoundMeeting } from './errors'

export { addAttachment, getAttachment, removeAttachment } from './attachment.service'

type Editable =
  | 'level'
  | 'kind'
  | 'title'
  | 'date'
  | 'start_time'
  | 'end_time'
  | 'place'
  | 'chair'
  | 'minute_taker'
  | 'invitation_number'
  | 'posyandu_id'
  | 'spm_fields'
  | 'agenda'
  | 'conclusions'
  | 'attendees'

function parseArray(json: string): unknown[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** Lists come from other offices too: a malformed entry is read as blanks rather than breaking the page. */
function parseAgenda(json: string): AgendaItem[] {
  return parseArray(json).map((x) => {
    const o = (x ?? {}) as Record<string, unknown>
    return { title: str(o.title) ?? '', minutes: str(o.minutes) ?? '' }
  })
}

function parseAttendees(json: string): Attendee[] {
  return parseArray(json).map((x) => {
    const o = (x ?? {}) as Record<string, unknown>
    return {
      name: str(o.name) ?? '',
      position: str(o.position),
      institution: str(o.institution),
      opdId: str(o.opdId),
      phone: str(o.phone),
      present: o.present !== false,
    }
  })
}

/** Fixed key order, so an unchanged list serialises to the same text and is not counted as a change. */
const agendaJson = (items: readonly AgendaItem[]) => JSON.stringify(items.map((a) => ({ title: a.title, minutes: a.minutes })))
const attendeesJson = (items: readonly Attendee[]) =>
  JSON.stringify(
    items.map((a) => ({ name: a.name, position: a.position, institution: a.institution, opdId: a.opdId, phone: a.phone, present: a.present })),
  )

// ---------------------------------------------------------------- reads

export async function listMeetings(db: Db, input: ParsedInput<'meeting:list'>): Promise<MeetingRow[]> {
  const today = await officeToday(db)
  const closed = sql.join([...CLOSED_STATUSES])
  // Follow-up counts per meeting in one grouped pass, joined once: no query per meeting.
  const counts = db
    .selectFrom('follow_up')
    .select([
      'follow_up.meeting_id',
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(status not in (${closed}))`.as('open'),
      // The overdue rule of shared/domain/meeting.ts (isOverdue), in SQL.
      sql<number>`sum(status not in (${closed}) and due_date < ${today})`.as('overdue'),
    ])
    .where('follow_up.deleted', '=', 0)
    .where('follow_up.meeting_id', 'is not', null)
    .groupBy('follow_up.meeting_id')
    .as('f')
  let q = db
    .selectFrom('meeting')
    .leftJoin(counts, 'f.meeting_id', 'meeting.id')
    .select([
      'meeting.id',
      'meeting.level',
      'meeting.kind',
      'meeting.title',
      'meeting.date',
      'meeting.place',
      sql<number>`json_array_length(meeting.attendees)`.as('attendee_count'),
      sql<number>`(select count(*) from json_each(meeting.attendees) where json_extract(value, '$.present') is not 0)`.as('present_count'),
      'f.total',
      'f.open',
      'f.overdue',
    ])
    .where('meeting.deleted', '=', 0)
  if (input.level) q = q.where('meeting.level', '=', input.level)
  // Every word typed, in the title, place or chair (list-match.ts); with one slip only when none matched exactly.
  const words = listWords(input.query)
  const run = (mode: MatchMode) => {
    const text = textCondition(['meeting.title', 'meeting.place', 'meeting.chair'], words, mode)
    return (text ? q.where(text) : q)
      .orderBy('meeting.date', 'desc')
      .orderBy(sql`coalesce(meeting.start_time, '')`, 'desc')
      .orderBy('meeting.id', 'desc')
      .execute()
  }
  let rows = await run('exact')
  const similar = rows.length === 0 && typoWorthTrying(words)
  if (similar) rows = await run('typo')
  return rows.map((r) => ({
    ...(similar ? { similar: true as const } : {}),
    id: r.id,
    level: r.level as MeetingLevel,
    kind: r.kind as MeetingKind,
    title: r.title,
    date: r.date,
    place: r.place,
    attendeeCount: Number(r.attendee_count ?? 0),
    presentCount: Number(r.present_count ?? 0),
    followUpCount: Number(r.total ?? 0),
    openFollowUps: Number(r.open ?? 0),
    overdueFollowUps: Number(r.overdue ?? 0),
  }))
}

async function readMeeting(db: Db, id: string): Promise<Omit<Meeting, 'followUps'>> {
  const row = await db
    .selectFrom('meeting')
    .leftJoin('posyandu', 'posyandu.id', 'meeting.posyandu_id')
    .selectAll('meeting')
    .select('posyandu.name as posyandu_name')
    .where('meeting.id', '=', id)
    .where('meeting.deleted', '=', 0)
    .executeTakeFirst()
  if (!row) throw notFoundMeeting()
  return {
    id: row.id,
    level: row.level as MeetingLevel,
    kind: row.kind as MeetingKind,
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    chair: row.chair,
    minuteTaker: row.minute_taker,
    invitationNumber: row.invitation_number,
    posyanduId: row.posyandu_id,
    posyanduName: row.posyandu_name ?? null,
    spmFields: parseSpmFields(row.spm_fields),
    agenda: parseAgenda(row.agenda),
    conclusions: row.conclusions,
    attendees: parseAttendees(row.attendees),
    attachments: await attachmentsOf(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function getMeeting(db: Db, input: ParsedInput<'meeting:get'>): Promise<Meeting> {
  const meeting = await readMeeting(db, input.id)
  const followUps = await listFollowUps(db, { state: 'all', meetingId: input.id, query: '' })
  return { ...meeting, followUps }
}

// ---------------------------------------------------------------- validation

function requireTimes(input: ParsedInput<'meeting:create'>): void {
  if (input.startTime && input.endTime && input.endTime < input.startTime) {
    throw invalidField(
      'endTime',
      `Jam selesai (${input.endTime}) tidak boleh sebelum jam mulai (${input.startTime}). Periksa lagi jamnya, atau kosongkan jam selesai.`,
    )
  }
}

/** A newly chosen Posyandu must be on the list; one chosen before and archived since stays. */
async function requirePosyandu(trx: Db, posyanduId: string | null, current: string | null): Promise<void> {
  if (posyanduId === null || posyanduId === current) return
  const row = await trx.selectFrom('posyandu').select('id').where('id', '=', posyanduId).where('deleted', '=', 0).executeTakeFirst()
  if (!row) {
    throw invalidField(
      'posyanduId',
      'Posyandu yang dipilih tidak ada lagi di daftar (mungkin sudah diarsipkan). Pilih Posyandu lain, atau kosongkan pilihannya.',
    )
  }
}

/**
 * Every OPD named on the attendance list must exist. An inactive one is accepted: a meeting
 * typed in late may name an office that has since been merged or renamed.
 */
async function requireAttendeeOpds(trx: Db, attendees: readonly Attendee[]): Promise<void> {
  const ids = [...new Set(attendees.map((a) => a.opdId).filter((x): x is string => x !== null))]
  if (ids.length === 0) return
  const found = new Set((await trx.selectFrom('opd').select('id').where('id', 'in', ids).where('deleted', '=', 0).execute()).map((r) => r.id))
  const missing = attendees.find((a) => a.opdId !== null && !found.has(a.opdId))
  if (missing) {
    throw invalidField(
      'attendees',
      `OPD peserta "${missing.name}" tidak ada di daftar OPD. Pilih OPD dari daftar, atau kosongkan OPD-nya dan tulis instansinya saja.`,
    )
  }
}

function editableValues(input: ParsedInput<'meeting:create'>): Pick<MeetingTable, Editable> {
  return {
    level: input.level,
    kind: input.kind,
    title: input.title,
    date: input.date,
    start_time: input.startTime,
    end_time: input.endTime,
    place: input.place,
    chair: input.chair,
    minute_taker: input.minuteTaker,
    invitation_number: input.invitationNumber,
    posyandu_id: input.posyanduId,
    spm_fields: JSON.stringify(input.spmFields),
    agenda: agendaJson(input.agenda),
    conclusions: input.conclusions,
    attendees: attendeesJson(input.attendees),
  }
}

// ---------------------------------------------------------------- writes

export async function createMeeting(db: Db, input: ParsedInput<'meeting:create'>): Promise<Meeting> {
  requireTimes(input)
  const id = await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    await requirePosyandu(trx, input.posyanduId, null)
    await requireAttendeeOpds(trx, input.attendees)
    const id = await insertRecord(trx, 'meeting', editableValues(input))
    await reindexMeeting(trx, id)
    return id
  })
  // A meeting just written has no follow-ups yet.
  return { ...(await readMeeting(db, id)), followUps: [] }
}

export async function updateMeeting(db: Db, input: ParsedInput<'meeting:update'>): Promise<Meeting> {
  requireTimes(input)
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx.selectFrom('meeting').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!existing || existing.deleted === 1) throw notFoundMeeting()
    await requirePosyandu(trx, input.posyanduId, existing.posyandu_id)
    await requireAttendeeOpds(trx, input.attendees)
    // Only the columns that differ from the row get a new field version; no change, no write.
    if (!(await updateRecord(trx, 'meeting', existing, editableValues(input)))) return
    await reindexMeeting(trx, input.id)
  })
  return getMeeting(db, { id: input.id })
}

export async function archiveMeeting(db: Db, input: ParsedInput<'meeting:archive'>): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    await requireSite(trx)
    const existing = await trx.selectFrom('meeting').select(['id', 'deleted', 'field_versions', 'site_id']).where('id', '=', input.id).executeTakeFirst()
    if (!existing || existing.deleted === 1) throw notFoundMeeting()
    await tombstoneRecord(trx, 'meeting', existing)
    // The index drops an archived meeting; its follow-ups are untouched and keep their entries.
    await reindexMeeting(trx, input.id)
  })
  return { id: input.id }
}
