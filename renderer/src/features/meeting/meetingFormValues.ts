// The meeting form's fields as typed, and how they map to the contract: blank rows are left
// out, and the contract's row paths are mapped back to the rows on screen.

import type { z } from 'zod'
import type { Meeting, MeetingKind, MeetingLevel, SpmField } from '@shared/contract'
import { emptyAttendee, isBlankAttendee, rowKey, type AttendeeRow } from './AttendeeEditor'
import { normaliseTime } from './meetingFormat'

export interface AgendaRow {
  key: string
  title: string
  minutes: string
}

export interface MeetingFormValues extends Record<string, unknown> {
  level: MeetingLevel | ''
  kind: MeetingKind | ''
  title: string
  date: string
  startTime: string
  endTime: string
  place: string
  chair: string
  minuteTaker: string
  invitationNumber: string
  posyanduId: string
  spmFields: SpmField[]
  agenda: AgendaRow[]
  conclusions: string
  attendees: AttendeeRow[]
}

export function emptyAgenda(): AgendaRow {
  return { key: rowKey(), title: '', minutes: '' }
}

/** `today`: the office's date in its own zone (useOfficeToday). */
export function blankValues(level: MeetingLevel, today: string): MeetingFormValues {
  return {
    level,
    kind: 'rapat_koordinasi',
    title: '',
    date: today,
    startTime: '',
    endTime: '',
    place: '',
    chair: '',
    minuteTaker: '',
    invitationNumber: '',
    posyanduId: '',
    spmFields: [],
    agenda: [emptyAgenda()],
    conclusions: '',
    attendees: [emptyAttendee()],
  }
}

export function fromMeeting(m: Meeting): MeetingFormValues {
  return {
    level: m.level,
    kind: m.kind,
    title: m.title,
    date: m.date,
    startTime: m.startTime ?? '',
    endTime: m.endTime ?? '',
    place: m.place ?? '',
    chair: m.chair ?? '',
    minuteTaker: m.minuteTaker ?? '',
    invitationNumber: m.invitationNumber ?? '',
    posyanduId: m.posyanduId ?? '',
    spmFields: m.spmFields,
    agenda: m.agenda.length ? m.agenda.map((a) => ({ key: rowKey(), ...a })) : [emptyAgenda()],
    conclusions: m.conclusions,
    attendees: [
      ...m.attendees.map((a) => ({
        key: rowKey(),
        name: a.name,
        position: a.position ?? '',
        institution: a.institution ?? '',
        opdId: a.opdId,
        phone: a.phone ?? '',
        present: a.present,
      })),
      emptyAttendee(),
    ],
  }
}

const isBlankAgenda = (a: AgendaRow) => !a.title.trim() && !a.minutes.trim()

/**
 * Which rows are sent: an untouched agenda item or attendance row is left out, not refused.
 * The index lists map the contract's paths ("attendees.3.phone") back to the rows on screen.
 */
function sentRows(v: MeetingFormValues) {
  const agenda = v.agenda.flatMap((a, i) => (isBlankAgenda(a) ? [] : [i]))
  const attendees = v.attendees.flatMap((a, i) => (isBlankAttendee(a) ? [] : [i]))
  return { agenda, attendees }
}

export function toMeetingInput(v: MeetingFormValues) {
  const rows = sentRows(v)
  return {
    level: v.level || undefined,
    kind: v.kind || undefined,
    title: v.title,
    date: v.date,
    startTime: normaliseTime(v.startTime) || null,
    endTime: normaliseTime(v.endTime) || null,
    place: v.place,
    chair: v.chair,
    minuteTaker: v.minuteTaker,
    invitationNumber: v.invitationNumber,
    posyanduId: v.posyanduId || null,
    spmFields: v.spmFields,
    agenda: rows.agenda.map((i) => ({ title: v.agenda[i]!.title, minutes: v.agenda[i]!.minutes })),
    conclusions: v.conclusions,
    attendees: rows.attendees.map((i) => {
      const a = v.attendees[i]!
      return { name: a.name, position: a.position, institution: a.institution, opdId: a.opdId, phone: a.phone, present: a.present }
    }),
  }
}

/** Every message by its full path ("agenda.1.title"), the first one per path. */
export function pathErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) out[issue.path.map(String).join('.')] ??= issue.message
  return out
}

/** "attendees.2.name" of what was sent → the same path for the row on screen. */
export function toRowPaths(errors: Record<string, string>, v: MeetingFormValues): Record<string, string> {
  const rows = sentRows(v)
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    const m = /^(agenda|attendees)\.(\d+)(\..*)?$/.exec(path)
    const list = m ? rows[m[1] as 'agenda' | 'attendees'] : null
    const row = m && list ? list[Number(m[2])] : undefined
    out[m && row !== undefined ? `${m[1]}.${row}${m[3] ?? ''}` : path] ??= message
  }
  return out
}
